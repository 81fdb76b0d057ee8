// A303 balance: in table 三, 一 + 二 differs from 三（七）总计 + 四 in a column — the notice's 勾稽关系 (identity T3-A).
#include "table_util.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "A303",
    .slug = "balance",
    .title_zh = "申请数与办理数勾稽关系不符",
    .title_en = "Applications received and handled do not balance",
    .severity = Severity::Error,
    .fix = FixSafety::None,
    .fix_zh = "",
    .doc_zh =
        "检查“收到和处理政府信息公开申请情况”表的每一栏：“一、本年新收”加“二、上年结转”应等于“（七）总计”加"
        "“四、结转下年度继续办理”。某个单元格缺失或不是数字时，该栏不作判断（由 T202、T204、T205、T206 报告）。\n\n"
        "依据：国办公开办函〔2021〕30号所附表格的说明“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”，"
        "这是格式中唯一明文规定的勾稽关系。该恒等式写在格式定义 gov-2021.json 的 T3-A 中。\n\n"
        "修复：无法判断哪一项有误，不提供自动修复；请逐项核对新收、结转、办理结果和结转下年度的数字。",
    .doc_en =
        "Checks each column of table 三: 一 (received this year) + 二 (carried over from last year) must equal "
        "（七）总计 (handled) + 四 (carried over to next year). A column with a missing or non-numeric cell is not judged "
        "(T202, T204, T205 and T206 report it).\n\n"
        "Why: the table annexed to notice 国办公开办函〔2021〕30号 prints it: 本列数据的勾稽关系为：第一项加第二项之和，"
        "等于第三项加第四项之和 — the only identity the format states. It is T3-A in gov-2021.json.\n\n"
        "Fix: none automatic, since which term is wrong cannot be known; check the four figures of the column.",
    .bad = "一、本年新收政府信息公开申请数量\t\t25\t…\n…\n\t（七）总计\t24\t…\n四、结转下年度继续办理\t\t0\t…\n",
    .good = "一、本年新收政府信息公开申请数量\t\t25\t…\n…\n\t（七）总计\t25\t…\n四、结转下年度继续办理\t\t0\t…\n",
};

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const IdentityInstance& mismatch : identity_mismatches(ctx.report, kDescriptor.id)) {
    Diagnostic& diagnostic =
        sink.report(mismatch.left.front().cell->range,
                    "“" + std::string(mismatch.subject) + "”栏勾稽关系不符：" + terms_text(mismatch.left, true) +
                        " = " + prose::format_number(mismatch.left_sum(), prose::kMessageDigits) + "，而 " +
                        terms_text(mismatch.right, true) + " = " +
                        prose::format_number(mismatch.right_sum(), prose::kMessageDigits) +
                        " / received + carried over ≠ handled + carried forward");
    diagnostic.related = related_terms(mismatch.left);
    const std::vector<RelatedInformation> right = related_terms(mismatch.right);
    diagnostic.related.insert(diagnostic.related.end(), right.begin(), right.end());
  }
}

}  // namespace

extern const Rule rule_A303{kDescriptor, check};

}  // namespace xxgk
