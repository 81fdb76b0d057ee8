#include <string>

#include "xxgk/analysis.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "A305",
    .slug = "fee-rows-vs-statement",
    .title_zh = "逾期未缴费行与收费通知件数不符",
    .title_en = "Unpaid-fee rows exceed the fee notices reported",
    .severity = Severity::Warning,
    .fix = FixSafety::None,
    .fix_zh = "",
    .doc_zh =
        "表三“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”的总计大于0时，"
        "说明本年至少发出了这么多份收费通知。检查第六部分的信息处理费情况是否报告了发出收费通知的件数，且不少于该总计。"
        "第六部分未提收费通知时，诊断位于信息处理费的说明处（没有说明时位于第六部分标题）；报告的件数偏少时，诊断位于该件数。"
        "均附表三单元格的位置。第六部分缺失、该行缺失或总计不是整数时不检查。\n\n"
        "依据：申请人逾期未缴费而不再处理的申请，以行政机关发出收费通知为前提，故发出收费通知的件数不少于该行总计 "
        "[derived, format-2021.md T3-F]。\n\n"
        "修改方法：在第六部分如实写明发出收费通知的件数、总金额和实际收取的总金额，或核实表三该行。",
    .doc_en =
        "When table 三 row “（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请” "
        "has a total above 0, at least that many fee notices were issued. Checks that section 六's fee statement "
        "reports the number of fee notices issued and that it is not smaller. When section 六 does not mention fee "
        "notices the diagnostic is on its fee statement (or on its heading when there is none); when the number is "
        "smaller, on that number; the table cell is related information either way. Nothing is checked when section "
        "六 or the row is missing, or the total is not an integer.\n\n"
        "Why: an application dropped because the applicant did not pay presupposes a fee notice, so the notices "
        "issued cannot be fewer than the row's total [derived, format-2021.md T3-F].\n\n"
        "How to fix: state in section 六 the number of fee notices issued, their total amount and the amount "
        "actually collected, or correct the table row.",
    .bad = "→→2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请→1→0→0→0→0→0→1\n"
           "……\n（一）信息处理费收取情况。本机关未收取信息处理费。",
    .good = "→→2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请→1→0→0→0→0→0→1\n"
            "……\n（一）信息处理费收取情况。本机关发出收费通知的件数为1件，总金额为100元，实际收取的总金额为0元。",
};

struct NoticeCount {
  long long value = 0;
  ByteRange range;
};

// The number of fee notices section 六 reports: the first number after the fee-notice words in their sentence
// ("发出收费通知的件数为1件", "收费通知的件数和总金额……均为0"), or 0 for "未发出收费通知".
std::optional<NoticeCount> notice_count(const Report& report, const FormatDefinition& format,
                                        const FeeStatement& statement) {
  const std::string_view text = report.search_text();
  for (const ByteRange& line : statement.lines) {
    std::string_view word;
    const size_t mention = text::find_any(text, line, format.fee_notice_count_words, &word);
    if (mention == std::string_view::npos) continue;
    const ByteRange clause = text::clause_around(text, mention, line);
    if (prose::negation_before(text, {clause.begin, mention}, format.narrative.negations))
      return NoticeCount{0, {mention, mention + word.size()}};
    const ByteRange sentence = text::sentence_around(text, mention, line);
    for (size_t pos = mention + word.size(), length = 0; pos < sentence.end; pos += length) {
      const char32_t c = text::code_point_at(text, pos, length);
      // Arabic digits are a number wherever they stand; a Chinese numeral only with its unit ("一件"), not in words
      // such as 统一.
      const bool arabic = (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９');
      if (const auto count = prose::count_after(text, pos, !arabic); count && count->range.begin == pos)
        return NoticeCount{count->value, count->range};
    }
  }
  return std::nullopt;
}

void check(const CheckContext& context, DiagnosticSink& sink) {
  const Report& report = context.report;
  const Cell* unpaid = context.analysis.integer_cell(NamedCell::UnpaidFeeApplications);
  const Section* six = report.section(6);
  if (!unpaid || !six || cell_integer(*unpaid) == 0) return;
  const std::string unpaid_total = std::to_string(cell_integer(*unpaid));
  const std::string row = "表三“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用…”总计为" + unpaid_total;
  const RelatedInformation related{unpaid->range, "表三逾期未缴费不再处理的申请总计：" + unpaid_total};

  const auto statement = context.analysis.fee_statement();
  const auto count = statement ? notice_count(report, context.format, *statement) : std::nullopt;
  if (!count) {
    const ByteRange where = statement ? statement->sentence : six->heading ? six->heading->range : six->range;
    sink.report(where, row + "，但第六部分未报告发出收费通知的件数 / section 六 reports no fee notices")
        .related.push_back(related);
  } else if (count->value < cell_integer(*unpaid)) {
    sink.report(count->range, "第六部分称发出收费通知" + std::to_string(count->value) + "件，少于" + row +
                                  " / fewer fee notices than unpaid-fee applications")
        .related.push_back(related);
  }
}

}  // namespace

extern const Rule rule_A305{kDescriptor, check};

}  // namespace xxgk
