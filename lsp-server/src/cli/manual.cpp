#include "cli/manual.h"

#include <string_view>
#include <vector>

#include "cli/help_text.h"
#include "xxgk/rule.h"
#include "xxgk/suppression.h"

namespace xxgk::cli {

namespace {

// Text as roff reads it: backslashes and hyphens escaped, a line that would start with a control character guarded.
std::string roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
    line_start = c == '\n';
  }
  return out;
}

// "--format text|json" → "--format"; the option's name, without its value.
std::string_view option_name(std::string_view option) { return option.substr(0, option.find(' ')); }

// The values an option takes when the help lists them ("text|json|sarif|github"), else none.
std::vector<std::string_view> option_choices(std::string_view option) {
  const size_t space = option.find(' ');
  if (space == std::string_view::npos) return {};
  std::string_view values = option.substr(space + 1);
  if (values.find('|') == std::string_view::npos || values.find('=') != std::string_view::npos) return {};
  std::vector<std::string_view> choices;
  for (size_t bar = values.find('|'); !values.empty(); bar = values.find('|')) {
    choices.push_back(values.substr(0, bar));
    values.remove_prefix(bar == std::string_view::npos ? values.size() : bar + 1);
  }
  return choices;
}

bool takes_file(std::string_view option) {
  const std::string_view name = option_name(option);
  return name == "--output-file" || name == "--config";
}

std::string joined(const std::vector<std::string_view>& words) {
  std::string line;
  for (std::string_view word : words) {
    if (!line.empty()) line += ' ';
    line += word;
  }
  return line;
}

}  // namespace

std::string man_page() {
  std::string page;
  page += ".TH XXGK\\-LINT 1 \"\" \"xxgk-lint " XXGK_VERSION "\" \"User Commands\"\n";
  page += ".SH NAME\nxxgk\\-lint \\- 政府信息公开工作年度报告检查工具 (a linter for government information\\-disclosure "
          "annual reports)\n";
  page += ".SH SYNOPSIS\n.nf\n";
  for (const CommandHelp& command : kCommands) page += "\\fBxxgk\\-lint\\fR " + roff(command.usage) + "\n";
  page += "\\fBxxgk\\-lint\\fR \\-\\-version | \\-\\-help | COMMAND \\-\\-help\n.fi\n";
  page += ".SH DESCRIPTION\nChecks annual reports (plain text and Markdown) against the 2021 format "
          "(国办公开办函〔2021〕30号): the six sections, the three statistics tables and their sums, the fee statement "
          "and the wording, and fixes what can be fixed safely.\n";
  page += ".SH COMMANDS\n";
  for (const CommandHelp& command : kCommands)
    page += ".TP\n\\fB" + roff(command.name) + "\\fR\n" + roff(command.summary) + "\n";
  page += ".SH OPTIONS\n";
  for (const OptionHelp& option : kOptions) {
    std::string applies;
    if (option.commands == kLint) applies = "check, fix";
    else if (option.commands == kFix) applies = "fix";
    else if (option.commands == kInit) applies = "init";
    page += ".TP\n\\fB" + roff(option.option) + "\\fR (" + applies + ")\n" + roff(option.text) + "\n";
  }
  page += ".SH EXIT STATUS\n" + roff(kExitCodes) + "\n";
  page += ".SH SUPPRESSION\n" + roff(kSuppression) + "\n";
  page += ".SH FILES\n.TP\n\\fI.xxgk\\-lint.json\\fR\nThe configuration in the nearest ancestor directory of each "
          "checked file: agencyKind, year, rules, ignore, per\\-file\\-ignores, forceReport. Its schema is "
          "installed as config.schema.json beside the rule documentation.\n";
  page += ".SH RULES\n";
  auto rule_entry = [&](const RuleDescriptor& rule) {
    page += ".TP\n\\fB" + roff(rule.id) + "\\fR " + roff(rule.slug) + " (" + std::string(severity_name(rule.severity)) +
            ")\n" + roff(rule.title_zh) + " \\- " + roff(rule.title_en) + "\n";
  };
  for (const Rule& rule : all_rules()) rule_entry(rule.descriptor);
  rule_entry(input_limit_rule());
  rule_entry(unused_suppression_rule());
  page += ".PP\n\\fBxxgk\\-lint explain\\fR \\fIID\\fR prints a rule's documentation with a bad and a good example; "
          "the same pages are installed under /usr/share/doc/xxgk\\-lint/rules/.\n";
  return page;
}

std::string bash_completion() {
  std::string script = "# bash completion for xxgk-lint, generated from its help text\n_xxgk_lint() {\n";
  script += "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} command=${COMP_WORDS[1]}\n";
  std::vector<std::string_view> commands;
  for (const CommandHelp& command : kCommands) commands.push_back(command.name);
  script += "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n    COMPREPLY=($(compgen -W '" + joined(commands) +
            " --help --version' -- \"$cur\"))\n    return\n  fi\n  case $prev in\n";
  for (const OptionHelp& option : kOptions) {
    if (std::vector<std::string_view> choices = option_choices(option.option); !choices.empty())
      script += "    " + std::string(option_name(option.option)) + ") COMPREPLY=($(compgen -W '" + joined(choices) +
                "' -- \"$cur\")); return ;;\n";
    else if (takes_file(option.option))
      script += "    " + std::string(option_name(option.option)) + ") COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n";
  }
  script += "  esac\n  case $command in\n";
  for (const CommandHelp& command : kCommands) {
    std::vector<std::string_view> names;
    for (const OptionHelp& option : kOptions)
      if (option.commands & command_mask(command.name)) names.push_back(option_name(option.option));
    if (command.name == "explain") {
      script += "    explain) COMPREPLY=($(compgen -W \"$(xxgk-lint rules 2>/dev/null | awk 'NR>1{print $1}')\" -- "
                "\"$cur\")) ;;\n";
      continue;
    }
    if (names.empty()) continue;
    script += "    " + std::string(command.name) + ") if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W '" +
              joined(names) + " --help' -- \"$cur\")); else COMPREPLY=($(compgen -f -- \"$cur\")); fi ;;\n";
  }
  script += "  esac\n}\ncomplete -o filenames -F _xxgk_lint xxgk-lint\n";
  return script;
}

std::string zsh_completion() {
  std::string script = "#compdef xxgk-lint\n# zsh completion for xxgk-lint, generated from its help text\n";
  script += "_xxgk_lint() {\n  if (( CURRENT == 2 )); then\n    local -a commands=(\n";
  for (const CommandHelp& command : kCommands) {
    // Inside single quotes: a quote closes, escapes and reopens; a colon would end the description.
    std::string summary;
    for (char c : command.summary.substr(0, command.summary.find('\n'))) {
      if (c == '\'') summary += "'\\''";
      else if (c == ':') summary += "\\:";
      else summary += c;
    }
    script += "      '" + std::string(command.name) + ":" + summary + "'\n";
  }
  script += "    )\n    _describe command commands\n    return\n  fi\n  case $words[2] in\n";
  for (const CommandHelp& command : kCommands) {
    if (command.name == "explain") {
      script += "    explain) compadd -- ${(f)\"$(xxgk-lint rules 2>/dev/null | awk 'NR>1{print $1}')\"} ;;\n";
      continue;
    }
    std::vector<std::string> specs;
    for (const OptionHelp& option : kOptions) {
      if ((option.commands & command_mask(command.name)) == 0) continue;
      std::string spec = "'" + std::string(option_name(option.option));
      if (std::vector<std::string_view> choices = option_choices(option.option); !choices.empty())
        spec += "=[]:value:(" + joined(choices) + ")";
      else if (takes_file(option.option)) spec += "=[]:file:_files";
      else if (option.option.find(' ') != std::string_view::npos) spec += "=[]:value:";
      specs.push_back(spec + "'");
    }
    if (specs.empty()) continue;
    script += "    " + std::string(command.name) + ") _arguments -s";
    for (const std::string& spec : specs) script += " \\\n        " + spec;
    script += " \\\n        '*:path:_files' ;;\n";
  }
  script += "  esac\n}\n_xxgk_lint \"$@\"\n";
  return script;
}

}  // namespace xxgk::cli
