#include <string>
#include <vector>

#include "xxgk/analysis.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "C406",
    .slug = "fee-statement",
    .title_zh = "信息处理费情况缺失或不完整",
    .title_en = "Information-processing fee statement missing or incomplete",
    .severity = Severity::Error,
    .fix = FixSafety::None,
    .fix_zh = "",
    .doc_zh =
        "检查第六部分“其他需要报告的事项”是否报告了信息处理费情况，并给出三个数字：发出收费通知的件数、总金额、"
        "实际收取的总金额。\n\n"
        "- 第六部分完全没有信息处理费（或收费通知）的说明，例如只写“无。”：**错误**，诊断位于第六部分正文第一行"
        "（正文为空时位于标题）；\n"
        "- 有说明但缺少上述三项中的某几项，例如只写“未收取信息处理费”：**警告**，诊断位于该说明的句子，并列出缺少的项。\n\n"
        "第六部分本身缺失时不报告（由S103报告）。\n\n"
        "依据：国办公开办函〔2021〕30号要求年报第六部分报告《政府信息公开信息处理费管理办法》规定的信息处理费情况："
        "发出收费通知的件数和总金额，以及实际收取的总金额 [notice, format-2021.md 2.6、C-6]。\n\n"
        "修改方法：写明“本机关发出收费通知的件数为N件，总金额为X元，实际收取的总金额为Y元”；未收费的写明均为0。",
    .doc_en =
        "Checks that section 六 (其他需要报告的事项) reports the information-processing fee with its three figures: "
        "the number of fee notices issued, their total amount, and the amount actually collected.\n\n"
        "- no statement about the fee (or fee notices) at all, e.g. a section reading only “无。”: **error**, on the "
        "first line of the section's text (on its heading when it is empty);\n"
        "- a statement lacking some of the three figures, e.g. only “未收取信息处理费”: **warning**, on the "
        "statement's sentence, naming the missing figures.\n\n"
        "Nothing is reported when section 六 itself is missing (S103 reports that).\n\n"
        "Why: the 2021 format notice asks section 六 to report the fee under the Measures on information-processing "
        "fees: fee notices issued and their total amount, and the total actually collected [notice, "
        "format-2021.md 2.6, C-6].\n\n"
        "How to fix: write “本机关发出收费通知的件数为N件，总金额为X元，实际收取的总金额为Y元”; when nothing was "
        "charged, say that all three are 0.",
    .bad = "六、其他需要报告的事项\n\n（一）信息处理费收取情况。本年度未收取信息处理费。",
    .good = "六、其他需要报告的事项\n\n（一）信息处理费收取情况。本年度发出收费通知的件数为0件，总金额为0元，"
            "实际收取的总金额为0元。",
};

void check(const CheckContext& context, DiagnosticSink& sink) {
  const Report& report = context.report;
  const FormatDefinition& format = context.format;
  const Section* six = report.section(6);
  if (!six) return;
  const auto statement = context.analysis.fee_statement();
  if (!statement) {
    const ByteRange where = context.analysis.first_text_line(context.analysis.section_prose(*six))
                                .value_or(six->heading ? six->heading->range : six->range);
    sink.report(where,
                "第六部分未报告信息处理费情况（应写明发出收费通知的件数、总金额和实际收取的总金额） / section 六 has "
                "no information-processing fee statement",
                Severity::Error);
    return;
  }
  const auto mentioned = [&](const std::vector<std::string>& words) {
    return text::mentions_any(report.search_text(), statement->lines, words);
  };
  std::vector<std::string_view> missing;
  if (!mentioned(format.fee_notice_count_words)) missing.push_back("发出收费通知的件数");
  if (!mentioned(format.fee_notice_amount_words)) missing.push_back("总金额");
  if (!mentioned(format.fee_collected_words)) missing.push_back("实际收取的总金额");
  if (missing.empty()) return;
  std::string names;
  for (std::string_view name : missing) names += std::string(names.empty() ? "" : "、") + std::string(name);
  sink.report(statement->sentence, "信息处理费情况缺少" + names + " / the fee statement lacks " +
                                       std::to_string(missing.size()) + " of its three figures",
              Severity::Warning);
}

}  // namespace

extern const Rule rule_C406{kDescriptor, check};

}  // namespace xxgk
