// A301 row-total: in table 三, a row's 总计 differs from the sum of its six applicant cells (identity T3-C).
#include "table_util.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "A301",
    .slug = "row-total",
    .title_zh = "行总计与各申请人栏之和不符",
    .title_en = "A row's total differs from the sum of its applicant columns",
    .severity = Severity::Error,
    .fix = FixSafety::Unsafe,
    .fix_zh = "把总计改为各申请人栏之和（请先核对是哪个数字有误）。",
    .doc_zh =
        "检查“收到和处理政府信息公开申请情况”表的每一数据行：总计栏应等于自然人、商业企业、科研机构、社会公益组织、"
        "法律服务机构、其他六栏之和。某个单元格缺失或不是数字时不作判断（由 T204、T205、T206 报告）。\n\n"
        "依据：国办公开办函〔2021〕30号所附表格把“总计”列在申请人情况各栏之后，总计即各类申请人之和（由表格设计推出，"
        "评估时按此核对）。该恒等式写在格式定义 gov-2021.json 的 T3-C 中。\n\n"
        "修复：核对各栏数字；各栏无误时把总计改为其和（修复直接改写总计栏）。",
    .doc_en =
        "Checks every data row of table 三: the 总计 column must equal the sum of the six applicant columns (natural "
        "persons, commercial enterprises, research institutions, public-interest organisations, legal service agencies, "
        "others). A row with a missing or non-numeric cell is not judged (T204, T205 and T206 report it).\n\n"
        "Why: the table annexed to notice 国办公开办函〔2021〕30号 places 总计 after the applicant columns; it is their "
        "sum (derived from the table design, applied by evaluators). The identity is T3-C in gov-2021.json.\n\n"
        "Fix: check the figures; when the applicant columns are right, set the total to their sum.",
    .bad = "一、本年新收政府信息公开申请数量\t\t40\t5\t1\t2\t3\t1\t53\n",
    .good = "一、本年新收政府信息公开申请数量\t\t40\t5\t1\t2\t3\t1\t52\n",
};

std::string message(const IdentityInstance& mismatch) {
  return "“" + std::string(mismatch.subject) + "”行的总计应为 " + sum_statement(mismatch.left, mismatch, true) +
         " / row total differs from the sum of the applicant columns";
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  report_total_mismatches(ctx, sink, kDescriptor.id, message);
}

}  // namespace

extern const Rule rule_A301{kDescriptor, check};

}  // namespace xxgk
