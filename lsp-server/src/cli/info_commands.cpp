#include "cli/info_commands.h"

#include <algorithm>

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

void print_help(std::ostream& out) {
  out << R"(xxgk-lint：政府信息公开工作年度报告检查工具 (a linter for government information-disclosure annual reports)

用法 (usage):
  xxgk-lint check [选项] 路径...    检查文件、目录（递归查找 *.txt *.md *.markdown，及网页 *.html *.htm、
                                    Word *.docx、PDF *.pdf）或 -（标准输入）
                                    (lint files, directories or - for standard input; web pages, Word and PDF
                                    files are read as published)
  xxgk-lint fix   [选项] 路径...    就地应用安全修复（加 --unsafe 也应用需确认的修复），并列出修改
                                    (apply safe fixes in place; --unsafe adds unsafe ones; prints what changed)
  xxgk-lint lsp                     在标准输入输出上运行语言服务器 (language server on stdin/stdout)
  xxgk-lint rules                   列出全部规则 (table of all rules)
  xxgk-lint explain ID              显示规则说明及正反示例 (a rule's documentation with examples)
  xxgk-lint init --agency 机关名称 --year 年份 [--markdown]
                                    输出完整的报告框架 (print a complete report skeleton)
  xxgk-lint compare 上年报告 本年报告 [--format text|json|html]
                                    同一机关两个年度对比：表格数字及变化、内容雷同的部分
                                    (two years of one agency: table figures and changes, copied sections)
  xxgk-lint --version | --help

check / fix 选项 (options):
  --format text|json|sarif|github|html
                                    输出格式，默认 text；html 为审核页面 (output format; html: a review page)
  --config 文件                     使用此配置文件，不再查找 .xxgk-lint.json (use this config file)
  --rule ID=off|info|warning|error  调整规则级别，可重复，优先于配置文件 (rule severity; repeatable)
  --agency-kind department|government
                                    机关类型：部门或人民政府 (kind of body: department or government)
  --year 年份                       报告年度，默认取标题中的年份 (reporting year; default: from the title)
  --quiet                           只报告错误 (report errors only)
  --jobs N                          并行检查的文件数，默认为处理器数 (files checked in parallel)
  --no-progress                     不显示进度条 (no progress bar)
  --unsafe                          fix：也应用需确认的修复 (fix: apply unsafe fixes too)
  --write-baseline 文件             check：把本次发现的问题记入基线文件 (check: record today's findings)
  --baseline 文件                   check：只报告基线文件中没有的问题 (check: report only findings not in it)

退出码 (exit codes): 0 没有错误 (no error)；1 至少一个错误 (at least one error)；
  2 用法错误、文件无法读取、配置无效或不是 UTF-8/UTF-16 文本 (usage error, unreadable file, invalid config,
  or input that is not UTF-8/UTF-16 text)

配置文件 (config file): 最近的上级目录中的 .xxgk-lint.json (the nearest .xxgk-lint.json above each file)
规则文档 (rule docs): xxgk-lint explain ID
)";
}

void print_version(std::ostream& out) { out << "xxgk-lint " << XXGK_VERSION << '\n'; }

}  // namespace xxgk::cli
