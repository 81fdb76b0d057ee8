// The text of the help, shared by `--help`, `COMMAND --help`, the man page and the shell completions (all generated
// from it, so they cannot disagree).
#pragma once

#include <string_view>

namespace xxgk::cli {

// The commands, as the help and the man page list them.
struct CommandHelp {
  std::string_view name;
  std::string_view usage;    // after "xxgk-lint "
  std::string_view summary;  // Chinese, then English in parentheses
};

inline constexpr CommandHelp kCommands[] = {
    {"check", "check [选项] 路径...",
     "检查文件、目录（递归查找 *.txt *.md *.markdown，及网页 *.html *.htm、Word *.docx、PDF *.pdf，遵循 .gitignore）\n"
     "或 -（标准输入）；不像年度报告的文件跳过并提示\n"
     "(lint files, directories — honouring .gitignore — or - for standard input; web pages, Word and PDF files are "
     "read as published; files that are not reports are skipped with a note)"},
    {"fix", "fix   [选项] 路径...",
     "就地应用安全修复（加 --unsafe 也应用需确认的修复），并列出修改；--diff 只显示不写入\n"
     "(apply safe fixes in place; --unsafe adds unsafe ones; prints what changed; --diff shows without writing)"},
    {"lsp", "lsp", "在标准输入输出上运行语言服务器 (language server on stdin/stdout)"},
    {"rules", "rules", "列出全部规则 (table of all rules)"},
    {"explain", "explain ID", "显示规则说明及正反示例 (a rule's documentation with examples)"},
    {"init", "init --agency 机关名称 --year 年份 [--markdown]", "输出完整的报告框架 (print a complete report skeleton)"},
    {"compare", "compare 上年报告 本年报告 [--format text|json|html]",
     "同一机关两个年度对比：表格数字及变化、内容雷同的部分\n"
     "(two years of one agency: table figures and changes, copied sections)"},
};

enum CommandMask : unsigned { kCheck = 1, kFix = 2, kLint = kCheck | kFix, kInit = 4 };

// The mask of the command named `command` (0 for one without options of its own).
inline unsigned command_mask(std::string_view command) {
  if (command == "check") return kCheck;
  if (command == "fix") return kFix;
  if (command == "init") return kInit;
  return 0;
}

struct OptionHelp {
  std::string_view option;
  std::string_view text;
  unsigned commands;
};

inline constexpr OptionHelp kOptions[] = {
    {"--format text|json|sarif|github|html", "输出格式，默认 text；html 为审核页面 (output format; html: a review page)",
     kLint},
    {"--output-file 文件", "把报告写入文件而不是标准输出 (write the report to FILE instead of standard output)", kLint},
    {"--statistics", "只列出每条规则的诊断数 (counts per rule instead of each diagnostic)", kLint},
    {"--color auto|always|never", "彩色输出；auto：输出到终端且未设置 NO_COLOR 时 (colour; auto: on a terminal, unless "
                                  "NO_COLOR is set)", kLint},
    {"--config 文件", "使用此配置文件，不再查找 .xxgk-lint.json (use this config file)", kLint},
    {"--rule ID=off|info|warning|error", "调整规则级别，可重复，优先于配置文件 (rule severity; repeatable)", kLint},
    {"--agency-kind department|government", "机关类型：部门或人民政府 (kind of body: department or government)", kLint},
    {"--year 年份", "报告年度，默认取标题中的年份 (reporting year; default: from the title)", kLint},
    {"--force-report", "也检查看起来不像年度报告的文件 (lint files that do not look like a report)", kLint},
    {"--stdin-filename 名称", "标准输入的文件名，用于显示和配置 (the name standard input is shown and configured as)",
     kLint},
    {"--no-ignore", "遍历目录时不遵循 .gitignore，也检查 node_modules (do not honour .gitignore in directory walks)",
     kLint},
    {"--quiet", "只报告错误 (report errors only)", kLint},
    {"--jobs N", "并行检查的文件数，默认为处理器数 (files checked in parallel)", kLint},
    {"--no-progress", "不显示进度条 (no progress bar)", kLint},
    {"--write-baseline 文件", "check：把本次发现的问题记入基线文件 (check: record today's findings)", kCheck},
    {"--baseline 文件", "check：只报告基线文件中没有的问题 (check: report only findings not in it)", kCheck},
    {"--unsafe", "fix：也应用需确认的修复 (fix: apply unsafe fixes too)", kFix},
    {"--diff", "fix：只显示修复的统一差异，不写文件；有修改时退出码为 1 (fix: print a unified diff, write nothing; exit "
               "1 when a file would change)", kFix},
    {"--agency 机关名称", "init：报告的机关名称 (init: the agency's name)", kInit},
    {"--year 年份", "init：报告年度 (init: the reporting year)", kInit},
    {"--markdown", "init：输出 Markdown 格式 (init: Markdown)", kInit},
};

inline constexpr std::string_view kExitCodes =
    "退出码 (exit codes): 0 没有错误 (no error)；1 至少一个错误，fix --diff 时为有文件会被修改 (at least one error; "
    "for fix --diff: a file would change)；\n"
    "  2 用法错误、文件无法读取、配置无效或不是 UTF-8/UTF-16 文本 (usage error, unreadable file, invalid config,\n"
    "  or input that is not UTF-8/UTF-16 text)\n";

inline constexpr std::string_view kSuppression =
    "抑制 (suppression): Markdown 中 <!-- xxgk-lint-disable RULE… -->、-enable、-disable-next-line、-disable-file；\n"
    "  纯文本用 .xxgk-lint.json 的 per-file-ignores；未起作用的抑制报告为 X002 (unused ones are reported as X002)\n";

}  // namespace xxgk::cli
