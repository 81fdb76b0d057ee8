// A302 outcome-total: in table 三, （七）总计 differs from the sum of the 21 outcome rows in a column (identity T3-B).
#include <algorithm>

#include "table_util.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "A302",
    .slug = "outcome-total",
    .title_zh = "办理结果总计与各项之和不符",
    .title_en = "The outcome total differs from the sum of the outcome rows",
    .severity = Severity::Error,
    .fix = FixSafety::Unsafe,
    .fix_zh = "把（七）总计改为该栏各办理结果之和（请先核对是哪个数字有误）。",
    .doc_zh =
        "检查“收到和处理政府信息公开申请情况”表的每一栏：“（七）总计”应等于“三、本年度办理结果”下 21 个具体结果行"
        "（（一）予以公开、（二）部分公开、（三）至（六）下的各小项）之和。某个单元格缺失或不是数字时，该栏不作判断"
        "（由 T202、T204、T205、T206 报告）。\n\n"
        "依据：“（七）总计”是办理结果部分的合计；（二）部分公开的说明“只计这一情形，不计其他情形”表明每件申请只计入"
        "一种结果，故总计等于各结果之和（由表格设计推出）。该恒等式写在格式定义 gov-2021.json 的 T3-B 中。\n\n"
        "修复：核对各结果行；各行无误时把（七）总计改为其和（修复直接改写该单元格）。",
    .doc_en =
        "Checks each column of table 三: row （七）总计 must equal the sum of the 21 outcome rows under "
        "三、本年度办理结果 (（一）, （二） and the items under （三） to （六）). A column with a missing or non-numeric "
        "cell is not judged (T202, T204, T205 and T206 report it).\n\n"
        "Why: （七）总计 totals the outcomes; the note on （二）部分公开 (count this outcome only) means every application "
        "is counted under one outcome, so the total is their sum (derived from the table design). The identity is "
        "T3-B in gov-2021.json.\n\n"
        "Fix: check the outcome rows; when they are right, set （七）总计 to their sum.",
    .bad = "\t（一）予以公开\t20\t…\n\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t5\t…\n…\n\t（七）总计\t24\t…\n",
    .good = "\t（一）予以公开\t20\t…\n\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t5\t…\n…\n\t（七）总计\t25\t…\n",
};

// Only the non-zero outcome rows are listed: a column sums 21 rows, most of them 0.
std::string message(const IdentityInstance& mismatch) {
  std::vector<IdentityTerm> nonzero;
  std::copy_if(mismatch.left.begin(), mismatch.left.end(), std::back_inserter(nonzero),
               [](const IdentityTerm& term) { return term.value != 0; });
  return "“" + std::string(mismatch.subject) + "”栏的“" + std::string(mismatch.right.front().name) + "”应为各办理结果之和 " +
         sum_statement(nonzero, mismatch, false) + " / outcome total differs from the sum of the outcomes";
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  report_total_mismatches(ctx, sink, kDescriptor.id, message, /*nonzero_related_only=*/true);
}

}  // namespace

extern const Rule rule_A302{kDescriptor, check};

}  // namespace xxgk
