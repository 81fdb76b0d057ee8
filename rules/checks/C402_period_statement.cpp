#include <string>

#include "xxgk/analysis.h"
#include "xxgk/normalize.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "C402",
    .slug = "period-statement",
    .title_zh = "统计期限缺失或不完整",
    .title_en = "Statistics period missing or not the calendar year",
    .severity = Severity::Warning,
    .fix = FixSafety::None,
    .fix_zh = "",
    .doc_zh =
        "检查报告是否说明了数据的统计期限，且统计期限为报告年度的整个自然年：`N年1月1日`至`N年12月31日`"
        "（数字间可有空格，截止日期可省略年份，如`2022年1月1日至12月31日`）。\n\n"
        "依据：年报统计的是上一自然年的数据，惯例在报告开头写明统计期限（四川省地方标准 DB51/T 2660—2019 "
        "规定统计期限为上一年度1月1日至12月31日）[practice, format-2021.md 2.2、C-5]。\n\n"
        "查找范围：前言中含“统计”“期限”或“时限”并带日期的句子，或写明从1月1日起的日期区间的句子（“报告采用数据为"
        "2024年1月1日至2024年12月31日”“本报告内容涵盖2025年1月1日至12月31日”）；前言中没有时，正文中含这些词并带两个日期的句子。"
        "统计期限的两个日期之间缺少“至”（“从2023年1月1日12月31日”），或日期写法有误、无法读出"
        "（“自20221月1日起至202212月31日止”，年份后缺“年”）时，在该句报告。"
        "完全没有统计期限时，诊断位于前言第一行（跳过网页的栏目、来源、发布时间等行和重复的标题）；没有前言时位于第一个部分标题（如样本003，第5行）。\n\n"
        "修改方法：在前言中写明“本报告中所列数据的统计期限自N年1月1日起至N年12月31日止”。",
    .doc_en =
        "Checks that the report states the statistics period of its data and that the period is the whole calendar "
        "year of the report: `N年1月1日` to `N年12月31日` (spaces between the parts allowed; the end date may omit "
        "the year, as in `2022年1月1日至12月31日`).\n\n"
        "Why: the annual report covers the previous calendar year, and reports customarily state the period in the "
        "preamble (the Sichuan standard DB51/T 2660—2019 fixes it as 1 January to 31 December of the previous year) "
        "[practice, format-2021.md 2.2, C-5].\n\n"
        "A period whose two dates are not joined by 至 (“从2023年1月1日12月31日”), or whose dates cannot be read "
        "(“自20221月1日起至202212月31日止”, the 年 after the year lost), is reported at that sentence. "
        "Where it looks: a preamble sentence containing 统计, 期限 or 时限 and a date, or one stating a range of dates "
        "from a 1 January without those words (“报告采用数据为2024年1月1日至2024年12月31日”); failing that, such a sentence "
        "with two dates anywhere in the prose. When no period is stated the diagnostic is placed on the first "
        "preamble line (page chrome such as 来源/发布时间 lines and a repeated title skipped), or on the first section heading when there is no preamble (sample 003, line 5).\n\n"
        "How to fix: state in the preamble “本报告中所列数据的统计期限自N年1月1日起至N年12月31日止”.",
    .bad = "本报告中所列数据的统计期限自2024年1月1日起至2024年11月30日止。",
    .good = "本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。",
};

// A line repeating a piece of the title (a page that prints the title twice, the second time over two lines).
bool repeats_title(const Report& report, std::string_view line) {
  if (!report.title) return false;
  const std::string piece = normalize_label(line);
  return !piece.empty() && report.title->normalized.find(piece) != std::string::npos;
}

// Where a missing statement is reported: the first preamble line (not a web page's chrome, "来源:… 时间:…"), else
// the first heading, else the title.
ByteRange missing_statement_anchor(const CheckContext& context) {
  const Report& report = context.report;
  const std::string_view text = report.search_text();
  for (const ByteRange& prose : context.analysis.prose_in(report.preamble))
    for (const text::Line& line : context.analysis.lines_in(prose)) {
      const ByteRange content = text::trimmed(text, {line.content.begin, std::min(line.content.end, prose.end)});
      const std::string_view line_text = text.substr(content.begin, content.size());
      if (!content.empty() && !context.format.is_page_chrome(line_text) && !repeats_title(report, line_text))
        return content;
    }
  if (!report.headings.empty()) return report.headings.front().range;
  if (report.title) return report.title->range();
  return {};
}

// A preamble sentence meant as the period whose dates cannot be read ("统计期限自20221月1日起至202212月31日止": the
// 年 after the year lost): the sentence, trimmed.
std::optional<ByteRange> garbled_period_statement(const CheckContext& context) {
  static const std::vector<std::string> kPeriodWords = {"统计", "期限", "时限"};
  static const std::vector<std::string> kDayWords = {"月1日", "月31日"};
  const Report& report = context.report;
  const std::string_view text = report.search_text();
  for (const ByteRange& prose : context.analysis.prose_in(report.preamble))
    for (size_t pos = prose.begin;;) {
      const size_t word = text::find_any(text, {pos, prose.end}, kPeriodWords);
      if (word == std::string_view::npos) break;
      const ByteRange sentence = text::sentence_around(text, word, prose);
      if (text::find_any(text, sentence, kDayWords) != std::string_view::npos) return text::trimmed(text, sentence);
      pos = std::max(sentence.end, word + 1);
    }
  return std::nullopt;
}

// Whether the two dates are joined as a range (至, 到, a dash or a tilde between them).
bool joined_as_range(std::string_view text, const prose::Date& start, const prose::Date& end) {
  const std::string_view between = text.substr(start.range.end, end.range.begin - start.range.end);
  for (std::string_view joiner : {"至", "到", "-", "—", "－", "~", "～"})
    if (between.find(joiner) != std::string_view::npos) return true;
  return false;
}

bool is_calendar_year(const std::vector<prose::Date>& dates) {
  if (dates.size() < 2) return false;
  const prose::Date& start = dates[0];
  const prose::Date& end = dates[1];
  return start.month == 1 && start.day == 1 && end.month == 12 && end.day == 31 && start.year == end.year;
}

void check(const CheckContext& context, DiagnosticSink& sink) {
  const Report& report = context.report;
  const auto& year = context.analysis.reporting_year();
  const std::string expected =
      year ? std::to_string(year->value) + "年1月1日至" + std::to_string(year->value) + "年12月31日"
           : std::string("N年1月1日至N年12月31日");
  const auto& period = context.analysis.statistics_period();
  if (!period) {
    if (const auto garbled = garbled_period_statement(context)) {
      sink.report(*garbled, "统计期限的日期写法有误（年份与月份之间缺少“年”等），应写明“" + expected +
                                "” / the statistics period's dates are malformed");
      return;
    }
    sink.report(missing_statement_anchor(context),
                "报告未说明数据的统计期限，应写明“" + expected + "” / the statistics period is not stated");
    return;
  }
  const std::string_view text = report.search_text();
  if (period->dates.size() >= 2 && !joined_as_range(text, period->dates[0], period->dates[1])) {
    const ByteRange written{period->dates[0].range.begin, period->dates[1].range.end};
    sink.report(written, "统计期限“" + std::string(report.slice(written)) + "”的两个日期之间缺少“至”，应写明“" +
                             expected + "” / the statistics period's two dates are not joined by 至");
    return;
  }
  if (is_calendar_year(period->dates)) return;
  const ByteRange written{period->dates.front().range.begin,
                          period->dates[std::min<size_t>(1, period->dates.size() - 1)].range.end};
  const int start_year = period->dates.front().year;
  const std::string calendar_year = std::to_string(year ? year->value : start_year);
  sink.report(written, "统计期限应为“" + calendar_year + "年1月1日至" + calendar_year + "年12月31日”，实际为“" +
                           std::string(report.slice(written)) + "” / the statistics period must be the calendar year");
}

}  // namespace

extern const Rule rule_C402{kDescriptor, check};

}  // namespace xxgk
