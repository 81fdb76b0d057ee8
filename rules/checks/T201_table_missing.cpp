// T201 table-missing: section 二, 三 or 四 is present but carries no table.
#include "table_util.h"
#include "xxgk/normalize.h"
#include "xxgk/rule.h"
#include "xxgk/templates.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "T201",
    .slug = "table-missing",
    .title_zh = "部分缺少统计表",
    .title_en = "A section has no table",
    .severity = Severity::Error,
    .fix = FixSafety::Unsafe,
    .fix_zh = "在标题下插入规定格式的统计表，各数值栏填 0（请再填入实际数据）。",
    .doc_zh =
        "检查第二、三、四部分是否带有规定的统计表：“主动公开政府信息情况”表、“收到和处理政府信息公开申请情况”表、"
        "“政府信息公开行政复议、行政诉讼情况”表。\n\n"
        "依据：国办公开办函〔2021〕30号所附年度报告格式把这三张表列为第二、三、四部分的内容，各地通知也要求使用统一模板、"
        "不得擅自删减报告事项。只有文字叙述、没有表格的部分不符合格式。\n\n"
        "修复：在该部分标题下插入模板表格（全部填 0），再按实际情况填写数据。若表格已有，但放在别处或不能识别，请检查其位置和行标签。",
    .doc_en =
        "Checks that sections 二, 三 and 四 carry their prescribed tables (proactive disclosure; applications received and "
        "handled; administrative review and litigation).\n\n"
        "Why: the format annexed to notice 国办公开办函〔2021〕30号 makes these tables the content of the three sections; "
        "local notices forbid dropping items of the template. A section with prose only does not follow the format.\n\n"
        "Fix: insert the template table (all values 0) under the heading, then fill in the real figures.",
    .bad = "二、主动公开政府信息情况\n\n本年度主动公开政府信息1268条。\n",
    .good = "二、主动公开政府信息情况\n\n第二十条第（一）项\t\t\t\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n…\n",
};

// The template table inserted after the heading line, separated from it the way the document separates a heading
// from its body (a blank line or none); in Markdown a blank line also ends the table before the next block.
TextEdit insert_table_after(const Analysis& analysis, const Heading& heading, const TableSpec& spec) {
  const std::string_view text = analysis.report().text;
  const TemplateStyle style = analysis.document_style();
  const std::string nl(style.newline);
  const std::string table = render_table(spec, style);
  const size_t at = next_line_start(text, heading.range.end);
  const bool unterminated = at == text.size() && text.back() != '\n' && text.back() != '\r';
  if (unterminated || blank_line_at(text, at)) return {{at, at}, nl + table};
  const bool needs_blank = style.markdown && at < text.size();
  return {{at, at}, table + (needs_blank ? nl : "")};
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  const Report& report = ctx.report;
  for (const TableSpec& spec : ctx.format.tables) {
    const Section* section = report.section(spec.section);
    // A table recognised anywhere in the report is not missing (it is misplaced, which S104/T203 see otherwise).
    if (!section || !section->heading || !section->tables.empty() || report.table(spec.id)) continue;
    Diagnostic& diagnostic =
        sink.report(section->heading->range, "第" + chinese_numeral(spec.section) + "部分缺少“" + spec.title +
                                                 "”统计表 / the section has no table");
    diagnostic.fixes.push_back(Fix{"插入“" + spec.title + "”模板表格（各栏填 0）",
                                   false,
                                   {insert_table_after(ctx.analysis, *section->heading, spec)}});
  }
}

}  // namespace

extern const Rule rule_T201{kDescriptor, check};

}  // namespace xxgk
