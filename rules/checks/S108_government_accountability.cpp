// S108 government-accountability: a people's government's overview does not report 考核 / 社会评议 / 责任追究 results.
#include "structure_util.h"
#include "xxgk/analysis.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "S108",
    .slug = "government-accountability",
    .title_zh = "政府报告未说明考核、社会评议和责任追究结果",
    .title_en = "A government's report omits assessment, public evaluation and accountability results",
    .severity = Severity::Warning,
    .fix = FixSafety::None,
    .fix_zh = "",
    .doc_zh =
        "各级人民政府的报告，检查第一部分“总体情况”（通常在“监督保障”中）是否说明了工作考核、社会评议和"
        "责任追究结果情况，缺哪几项就在一条警告中列出（指在第一部分标题上）。\n\n"
        "《中华人民共和国政府信息公开条例》第五十条第（四）项要求各级人民政府的年度报告载明"
        "“工作考核、社会评议和责任追究结果情况”，国办公开办函〔2021〕30号在“总体情况”的说明中重申了这一点"
        "（format-2021.md 2.4、C-10）。县级以上人民政府部门不受此约束。是否为“人民政府”由配置"
        "`agencyKind` 决定；默认（auto）时，标题中的机关名称以“人民政府”“政府”“乡”“镇”结尾才视为政府，"
        "开发区管委会、街道办事处及各部门不视为政府。\n\n"
        "修复：在“监督保障”部分补写考核、社会评议和责任追究的结果（没有发生责任追究也应写明）。",
    .doc_en =
        "For a people's government, checks that section 一 (usually under 监督保障) reports the results of "
        "assessment (考核), public evaluation (社会评议) and accountability (责任追究); one warning lists the missing "
        "ones, on the section's heading.\n\n"
        "Article 50(4) of the Regulation requires governments at every level to report \"工作考核、社会评议和责任追究"
        "结果情况\", and 国办公开办函〔2021〕30号 repeats it in its description of the overview (format-2021.md 2.4, "
        "C-10). Departments of governments at county level and above are not bound by it. Whether the body is a "
        "government comes from the `agencyKind` setting; with the default (auto), only a title whose agency name ends "
        "with 人民政府, 政府, 乡 or 镇 makes it one — development-zone committees, sub-district offices and departments "
        "are not.\n\n"
        "Fix: add the results of assessment, public evaluation and accountability under 监督保障 (state it when no "
        "one was held accountable).",
    .bad = "（五）监督保障。将政务公开纳入年度工作要点，定期开展业务培训。",
    .good = "（五）监督保障。将政务公开纳入年度绩效考核，开展社会评议1次，全年未发生责任追究情况。",
};

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  const Report& report = ctx.report;
  if (!structure::is_government(report, ctx.options)) return;
  const Section* overview = report.section(1);
  if (!overview || !overview->heading) return;  // S103
  const std::vector<ByteRange> prose = ctx.analysis.section_prose(*overview);
  std::string missing;
  for (const std::string& item : ctx.format.accountability)
    if (!text::mentions_any(report.search_text(), prose, {item}))
      missing += (missing.empty() ? "“" : "、“") + item + "”";
  if (missing.empty()) return;
  sink.report(overview->heading->range,
              "人民政府的报告应在“总体情况”中说明工作考核、社会评议和责任追究结果情况，未见" + missing +
                  " / a government's report must give the results of assessment, public evaluation and accountability");
}

}  // namespace

extern const Rule rule_S108{kDescriptor, check};

}  // namespace xxgk
