#include "cli/info_commands.h"

#include <algorithm>

#include "cli/help_text.h"
#include "xxgk/rule_docs.h"
#include "xxgk/rule.h"
#include "xxgk/templates.h"

namespace xxgk::cli {

namespace {

std::string padded(std::string_view text, size_t width) {
  std::string cell(text);
  cell.resize(std::max(width, text.size()), ' ');
  return cell;
}

}  // namespace

void print_rules_table(std::ostream& out) {
  size_t slug_width = 4;
  for (const Rule& rule : all_rules()) slug_width = std::max(slug_width, rule.descriptor.slug.size());
  out << padded("ID", 6) << padded("SLUG", slug_width + 2) << padded("SEVERITY", 10) << padded("FIX", 8) << "TITLE\n";
  for (const Rule& rule : all_rules()) {
    const RuleDescriptor& descriptor = rule.descriptor;
    out << padded(descriptor.id, 6) << padded(descriptor.slug, slug_width + 2)
        << padded(severity_name(descriptor.severity), 10) << padded(fix_safety_name(descriptor.fix), 8)
        << descriptor.title_zh << '\n';
  }
}

void print_rule_explanation(std::ostream& out, const std::string& id) {
  if (std::optional<std::string> page = documentation_page(id)) out << *page;
}

void print_skeleton(std::ostream& out, const InitArguments& arguments) {
  TemplateStyle style;
  if (arguments.markdown) {
    style.separator = '|';
    style.markdown = true;
  }
  out << render_skeleton(format_2021(), arguments.agency, arguments.year, style);
}

namespace {

void print_option_list(std::ostream& out, unsigned mask) {
  for (const OptionHelp& option : kOptions) {
    if ((option.commands & mask) == 0) continue;
    std::string line = "  " + std::string(option.option);
    // Option column of 36 display columns; a longer option puts its text on the next line.
    size_t width = 0;
    for (unsigned char c : line) width += (c & 0xC0) != 0x80 ? ((c >= 0xE0) ? 2 : 1) : 0;
    if (width < 36) line.append(36 - width, ' ');
    else line += "\n" + std::string(36, ' ');
    out << line << option.text << '\n';
  }
}

const CommandHelp* find_command(std::string_view name) {
  for (const CommandHelp& command : kCommands)
    if (command.name == name) return &command;
  return nullptr;
}

}  // namespace

void print_help(std::ostream& out) {
  out << "xxgk-lint：政府信息公开工作年度报告检查工具 (a linter for government information-disclosure annual reports)"
         "\n\n用法 (usage):\n";
  for (const CommandHelp& command : kCommands) out << "  xxgk-lint " << command.usage << '\n';
  out << "  xxgk-lint --version | --help | 命令 --help (COMMAND --help)\n\n";
  for (const CommandHelp& command : kCommands) {
    out << "  " << command.name << std::string(10 - command.name.size(), ' ');
    std::string_view summary = command.summary;
    for (size_t newline = summary.find('\n'); newline != std::string_view::npos; newline = summary.find('\n')) {
      out << summary.substr(0, newline) << "\n            ";
      summary.remove_prefix(newline + 1);
    }
    out << summary << '\n';
  }
  out << "\ncheck / fix 选项 (options):\n";
  print_option_list(out, kLint);
  out << '\n' << kExitCodes << '\n' << kSuppression;
  out << "配置文件 (config file): 最近的上级目录中的 .xxgk-lint.json (the nearest .xxgk-lint.json above each file)\n"
         "规则文档 (rule docs): xxgk-lint explain ID\n";
}

bool print_command_help(std::ostream& out, std::string_view name) {
  const CommandHelp* command = find_command(name);
  if (command == nullptr) return false;
  out << "用法 (usage): xxgk-lint " << command->usage << "\n\n" << command->summary << '\n';
  const unsigned mask = command_mask(name);
  if (mask != 0) {
    out << "\n选项 (options):\n";
    print_option_list(out, mask);
  }
  if (mask & kLint) out << '\n' << kExitCodes << '\n' << kSuppression;
  return true;
}

void print_version(std::ostream& out) { out << "xxgk-lint " << XXGK_VERSION << '\n'; }

}  // namespace xxgk::cli
