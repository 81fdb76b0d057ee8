// A304 review-litigation-total: in table 四, a group's 总计 differs from 结果维持 + 结果纠正 + 其他结果 + 尚未审结
// (identity T4-A).
#include "table_util.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "A304",
    .slug = "review-litigation-total",
    .title_zh = "行政复议、行政诉讼总计与各结果之和不符",
    .title_en = "A review or litigation total differs from the sum of its results",
    .severity = Severity::Error,
    .fix = FixSafety::Unsafe,
    .fix_zh = "把该组的总计改为各结果之和（请先核对是哪个数字有误）。",
    .doc_zh =
        "检查“政府信息公开行政复议、行政诉讼情况”表的三组数字（行政复议；行政诉讼的未经复议直接起诉；复议后起诉）："
        "每组的总计应等于结果维持、结果纠正、其他结果、尚未审结四栏之和。某个单元格缺失或不是数字时该组不作判断"
        "（由 T204、T205、T206 报告）。\n\n"
        "依据：国办公开办函〔2021〕30号所附表格每组五栏，总计列在四种结果之后，即其合计（由表格设计推出，评估时按此核对）。"
        "该恒等式写在格式定义 gov-2021.json 的 T4-A 中。\n\n"
        "修复：核对各结果栏；各栏无误时把该组总计改为其和（修复直接改写总计栏）。",
    .doc_en =
        "Checks the three groups of table 四 (administrative review; litigation without prior review; litigation after "
        "review): each group's 总计 must equal 结果维持 + 结果纠正 + 其他结果 + 尚未审结. A group with a missing or "
        "non-numeric cell is not judged (T204, T205 and T206 report it).\n\n"
        "Why: in the table annexed to notice 国办公开办函〔2021〕30号 each group has five columns, the total after the "
        "four results (derived from the table design, applied by evaluators). The identity is T4-A in gov-2021.json.\n\n"
        "Fix: check the result columns; when they are right, set the group's total to their sum.",
    .bad = "1\t0\t0\t1\t3\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n",
    .good = "1\t0\t0\t1\t2\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n",
};

std::string message(const IdentityInstance& mismatch) {
  return std::string(mismatch.subject) + "的总计应为 " + sum_statement(mismatch.left, mismatch, true) +
         " / group total differs from the sum of its results";
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  report_total_mismatches(ctx, sink, kDescriptor.id, message);
}

}  // namespace

extern const Rule rule_A304{kDescriptor, check};

}  // namespace xxgk
