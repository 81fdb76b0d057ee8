// A306 carry-over-across-years: table 三 row 二 (上年结转) of an agency's year-N report differs, in a column, from row 四
// (结转下年度继续办理) of its year N−1 report checked with it. The check needs both reports, so it is evaluated by
// cross_document_check (rules/src/cross_document.cpp) once all reports of a run are linted; the descriptor here
// gives the rule its id, severity (configurable like any rule's) and documentation.
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "A306",
    .slug = "carry-over-across-years",
    .title_zh = "上年结转与上一年度报告的结转下年度数不符",
    .title_en = "Carried over from last year differs from last year's report",
    .severity = Severity::Error,
    .fix = FixSafety::None,
    .fix_zh = "",
    .doc_zh =
        "同一机关相邻两个年度的报告一起检查时（同一次命令行检查，或在编辑器的同一工作区中打开），逐栏比较：第 N 年报告表三"
        "“二、上年结转政府信息公开申请数量”应等于第 N−1 年报告表三“四、结转下年度继续办理”。诊断位于今年的单元格，"
        "相关信息指向去年报告中的对应单元格。\n\n"
        "机关按标题中年份之前的机关名称（规范化后）匹配；标题中没有年份的报告，或两份报告自称同一机关同一年度时，"
        "不作猜测，不参与核对，并给出说明。单元格缺失或不是整数时该栏不作判断（由 T202–T206 报告）。\n\n"
        "依据：上一年度结转下年度继续办理的申请，就是本年度的上年结转申请 [derived, format-2021.md T3-A]。\n\n"
        "修改方法：核对两年的数字，改正有误的一方。",
    .doc_en =
        "When an agency's reports for consecutive years are checked together (one command-line run, or open in the "
        "same editor workspace), compares column by column: table 三 row “二、上年结转政府信息公开申请数量” of year N "
        "must equal row “四、结转下年度继续办理” of year N−1. The diagnostic is on this year's cell, with last year's "
        "cell as related information.\n\n"
        "Reports are matched by the agency named in the title before its year, after normalisation; a report whose "
        "title has no year, or two reports claiming the same agency and year, are not guessed at: they are left out "
        "with a note. A column whose cell is missing or not an integer is not judged (T202–T206 report it).\n\n"
        "Why: the applications carried forward at the end of one year are those carried over at the start of the "
        "next [derived, format-2021.md T3-A].\n\n"
        "How to fix: check both years' figures and correct the wrong one.",
    .bad = "2023 年报告：四、结转下年度继续办理→→2→0→0→0→0→0→2\n"
           "2024 年报告：二、上年结转政府信息公开申请数量→→3→0→0→0→0→0→3\n",
    .good = "2023 年报告：四、结转下年度继续办理→→2→0→0→0→0→0→2\n"
            "2024 年报告：二、上年结转政府信息公开申请数量→→2→0→0→0→0→0→2\n",
};

// One report on its own holds nothing to compare: the rule speaks only through cross_document_check.
void check(const CheckContext&, DiagnosticSink&) {}

}  // namespace

extern const Rule rule_A306{kDescriptor, check};

}  // namespace xxgk
