// S105 heading-wording: a heading recognised as section N but worded differently from the format.
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "S105",
    .slug = "heading-wording",
    .title_zh = "部分标题措辞不规范",
    .title_en = "Section heading worded differently from the format",
    .severity = Severity::Warning,
    .fix = FixSafety::Safe,
    .fix_zh = "将标题文字改为格式规定的写法。",
    .doc_zh =
        "检查各部分标题的文字是否与格式规定的六个标题一致。能认出是第几部分、但措辞不同的标题会被报告，"
        "例如漏字的“五、存在主要问题及改进情况”、多字的“二、主动公开政府信息公开情况”，"
        "以及照搬条例第五十条长句的“五、政府信息公开工作存在的主要问题及改进情况”。\n\n"
        "六个标题的文字由国办公开办函〔2021〕30号规定的年度报告格式确定（format-2021.md 2.3、C-2）；"
        "统一措辞便于上级机关和社会公众按格式查阅、汇总。空格、全半角之类的差别不在此列。\n\n"
        "修复：把标题文字改为规范写法（编号不变，编号错误由 S106 处理）。",
    .doc_en =
        "Checks that each section heading uses the wording of the format. A heading recognised as section N but "
        "worded differently is reported: a dropped character (\"五、存在主要问题及改进情况\"), an extra one "
        "(\"二、主动公开政府信息公开情况\"), or the Regulation's long form of Article 50 "
        "(\"五、政府信息公开工作存在的主要问题及改进情况\").\n\n"
        "The six headings are fixed by the format issued with 国办公开办函〔2021〕30号 (format-2021.md 2.3, C-2); "
        "uniform wording lets supervisors and the public find and compile the content. Differences of spacing or "
        "character width are not reported here.\n\n"
        "Fix: replace the heading text with the canonical wording (the numeral is left alone; S106 checks it).",
    .bad = "五、存在主要问题及改进情况",
    .good = "五、存在的主要问题及改进情况",
};

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  const Report& report = ctx.report;
  for (const Heading& heading : report.headings) {
    if (heading.match != Match::Variant && heading.match != Match::Fuzzy) continue;
    const SectionSpec* spec = ctx.format.section(heading.section);
    if (!spec || heading.text.empty()) continue;
    const std::string written(report.slice(heading.text));
    const size_t from = heading.numeral.empty() ? heading.text.begin : heading.numeral.begin;
    Diagnostic& diagnostic = sink.report(
        heading.text, "第" + spec->numeral + "部分标题应为“" + spec->heading() + "”，实际为“" +
                          std::string(report.slice({from, heading.text.end})) + "” / section " +
                          std::to_string(spec->number) + " heading should read " + spec->title);
    diagnostic.fixes.push_back(
        Fix{"将“" + written + "”改为“" + spec->title + "”", true, {TextEdit{heading.text, spec->title}}});
  }
}

}  // namespace

extern const Rule rule_S105{kDescriptor, check};

}  // namespace xxgk
