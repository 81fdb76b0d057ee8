#include "xxgk/rule_docs.h"

#include <algorithm>

#include "xxgk/options.h"
#include "xxgk/suppression.h"

namespace xxgk {

namespace {

std::string_view severity_label(Severity severity) {
  switch (severity) {
    case Severity::Error: return "错误 (error)";
    case Severity::Warning: return "警告 (warning)";
    case Severity::Info: return "提示 (info)";
    case Severity::Off: return "关闭 (off)";
  }
  return "";
}

std::string fix_label(const RuleDescriptor& rule) {
  std::string label;
  switch (rule.fix) {
    case FixSafety::None: return "无 (none)";
    case FixSafety::Safe: label = "安全修复，`fix` 自动应用 (safe: applied by `xxgk-lint fix`)"; break;
    case FixSafety::Unsafe: label = "需确认的修复，`fix --unsafe` 才应用 (unsafe: applied by `xxgk-lint fix --unsafe`)"; break;
  }
  if (!rule.fix_zh.empty()) label += "：" + std::string(rule.fix_zh);
  return label;
}

// A fence longer than any backtick run in the example, so an example can never close its own code block.
std::string fenced(std::string_view content, std::string_view info) {
  size_t longest_run = 0;
  for (size_t i = 0; i < content.size();) {
    size_t run = 0;
    while (i + run < content.size() && content[i + run] == '`') ++run;
    longest_run = std::max(longest_run, run);
    i += std::max<size_t>(run, 1);
  }
  std::string fence(std::max<size_t>(3, longest_run + 1), '`');
  while (content.ends_with('\n')) content.remove_suffix(1);
  return fence + std::string(info) + "\n" + std::string(content) + "\n" + fence + "\n";
}

std::string table_cell(std::string_view text) {
  std::string cell;
  for (char c : text) {
    if (c == '|') cell += '\\';
    cell += c == '\n' ? ' ' : c;
  }
  return cell;
}

std::string paragraph(std::string_view text) {
  while (text.ends_with('\n')) text.remove_suffix(1);
  return std::string(text) + "\n";
}

}  // namespace


std::string rule_doc_path(const RuleDescriptor& rule) { return "docs/rules/" + std::string(rule.id) + ".md"; }

std::string rule_doc_url(const RuleDescriptor& rule) {
  return "https://github.com/xxgk-lint/xxgk-lint/blob/main/" + rule_doc_path(rule);
}

std::string rule_help_text(const RuleDescriptor& rule) {
  return std::string(rule.title_zh) + " / " + std::string(rule.title_en) + "\n\n" + paragraph(rule.doc_zh) + "\n" +
         paragraph(rule.doc_en);
}

std::string_view fix_safety_name(FixSafety fix) {
  switch (fix) {
    case FixSafety::Safe: return "safe";
    case FixSafety::Unsafe: return "unsafe";
    case FixSafety::None: return "-";
  }
  return "-";
}

std::string rule_markdown(const RuleDescriptor& rule) {
  std::string id(rule.id);
  std::string page;
  page += "# " + id + " " + std::string(rule.slug) + "\n\n";
  page += "**" + std::string(rule.title_zh) + "**  \n" + std::string(rule.title_en) + "\n\n";
  page += "| 项目 (property) | 值 (value) |\n|---|---|\n";
  page += "| 默认级别 (default severity) | " + std::string(severity_label(rule.severity)) + " |\n";
  page += "| 修复 (fix) | " + table_cell(fix_label(rule)) + " |\n\n";
  page += "## 说明\n\n" + paragraph(rule.doc_zh) + "\n";
  page += "## Description\n\n" + paragraph(rule.doc_en) + "\n";
  page += "## 示例 (example)\n\n";
  page += "不符合要求 (bad):\n\n" + fenced(rule.bad, "text") + "\n";
  page += "符合要求 (good):\n\n" + fenced(rule.good, "text") + "\n";
  page += "## 配置 (configuration)\n\n";
  page += "在 `.xxgk-lint.json` 中调整级别或关闭本规则 (change the severity or turn the rule off):\n\n";
  page += fenced("{ \"rules\": { \"" + id + "\": \"off\" } }", "json");
  return page;
}

std::string input_limit_markdown() {
  const RuleDescriptor& rule = input_limit_rule();
  const LintLimits limits;
  auto bound = [](std::string_view what, size_t value) {
    return "| " + std::string(what) + " | " + std::to_string(value) + " |\n";
  };
  std::string page;
  page += "# " + std::string(rule.id) + " " + std::string(rule.slug) + "\n\n";
  page += "**" + std::string(rule.title_zh) + "**  \n" + std::string(rule.title_en) + "\n\n";
  page += "## 说明\n\n" + paragraph(rule.doc_zh) + "\n";
  page += "## Description\n\n" + paragraph(rule.doc_en) + "\n";
  page += "## 上限 (bounds)\n\n| 项目 (what) | 上限 (bound) |\n|---|---:|\n";
  page += bound("字节数 (bytes)", limits.max_bytes);
  page += bound("行数 (lines)", limits.max_lines);
  page += bound("表格单元格分隔符总数 (table cell separators in the text)", limits.max_cells);
  page += bound("一行中的表格单元格分隔符 (table cell separators in one line)", limits.max_row_cells);
  page += "\n本诊断不能在 `.xxgk-lint.json` 中关闭；请拆分或精简文件 "
          "(this diagnostic cannot be turned off; split or trim the file).\n";
  return page;
}

std::optional<std::string> documentation_page(std::string_view id) {
  if (const Rule* rule = find_rule(id)) return rule_markdown(rule->descriptor);
  if (id == input_limit_rule().id) return input_limit_markdown();
  if (id == unused_suppression_rule().id) return rule_markdown(unused_suppression_rule());
  return std::nullopt;
}

std::string rules_index_markdown() {
  std::string index;
  index += "# 规则 (rules)\n\n";
  index += "`xxgk-lint explain ID` 在终端中显示同样的说明 (prints the same page in a terminal).\n\n";
  index += "| ID | 名称 (slug) | 默认级别 (severity) | 修复 (fix) | 标题 (title) |\n|---|---|---|---|---|\n";
  for (const Rule& entry : all_rules()) {
    const RuleDescriptor& rule = entry.descriptor;
    std::string id(rule.id);
    index += "| [" + id + "](" + id + ".md) | `" + std::string(rule.slug) + "` | " +
             std::string(severity_name(rule.severity)) + " | " + std::string(fix_safety_name(rule.fix)) + " | " +
             table_cell(rule.title_zh) + " — " + table_cell(rule.title_en) + " |\n";
  }
  const RuleDescriptor& limit = input_limit_rule();
  index += "\n超出检查上限的文本不解析，只得到 [" + std::string(limit.id) + "](" + std::string(limit.id) +
           ".md) 一条诊断 (text beyond the checking bounds is not parsed and gets the single diagnostic " +
           std::string(limit.id) + ").\n";
  const RuleDescriptor& unused = unused_suppression_rule();
  index += "\nMarkdown 报告中的抑制注释 `<!-- xxgk-lint-disable RULE -->` 若未抑制任何诊断，报告 [" + std::string(unused.id) +
           "](" + std::string(unused.id) + ".md) (a suppression comment that suppresses nothing is reported as " +
           std::string(unused.id) + ").\n";
  return index;
}

}  // namespace xxgk
