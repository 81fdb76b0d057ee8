#include <algorithm>
#include <string>
#include <vector>

#include "xxgk/analysis.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "C401",
    .slug = "year-mismatch",
    .title_zh = "报告年度前后不一致",
    .title_en = "Reporting year inconsistent",
    .severity = Severity::Error,
    .fix = FixSafety::None,
    .fix_zh = "",
    .doc_zh =
        "检查报告中指向报告年度本身的年份是否一致：标题中的年份、统计期限中的年份，以及第六部分所述“N年政务公开工作要点”"
        "（含“（一）2022 年政务公开工作要点落实情况”这样的小标题）中的年份。配置了报告年度（`year`）时以配置为准，"
        "否则以标题年份为准；不一致处报错，并附标题年份的位置。\n\n"
        "正文中其他年份不在检查之列：第五部分“2023年，我局将……”是对下一年的打算，落款日期在次年，“上年度”指上一年，"
        "这些都不是对报告年度的自我指称。\n\n"
        "依据：年报的标题年份、统计期限和第六部分落实的年度工作要点都应是同一报告年度N（统计期限为N年1月1日至N年12月31日）"
        "[practice, format-2021.md C-5]。年份写错往往是套用上一年报告所致。\n\n"
        "修改方法：把不一致的年份改为报告年度。",
    .doc_en =
        "Checks that the places that name the reporting year itself agree: the year in the title, the years of the "
        "statistics period, and the year of the “N年政务公开工作要点” that section 六 reports on (including "
        "sub-headings such as “（一）2022 年政务公开工作要点落实情况”). The configured `year` is the reference when "
        "set, otherwise the title's year; each disagreeing year is an error, with the title's year as related "
        "information.\n\n"
        "Other years in the prose are not compared: “2023年，我局将……” in section 五 plans the next year, the "
        "signature date falls in the next year, and 上年度 is the previous year; none of them refers to the "
        "reporting year.\n\n"
        "Why: title, statistics period and the year's work points must all name the reporting year N (period N-01-01 "
        "to N-12-31) [practice, format-2021.md C-5]; a wrong year usually betrays a copied previous report.\n\n"
        "How to fix: change the disagreeing year to the reporting year.",
    .bad = "青山市自然资源和规划局2024年政府信息公开工作年度报告\n……统计期限自2023年1月1日起至2023年12月31日止。",
    .good = "青山市自然资源和规划局2024年政府信息公开工作年度报告\n……统计期限自2024年1月1日起至2024年12月31日止。",
};

enum class DigitKind { None, Arabic, Chinese };

DigitKind digit_kind(char32_t c) {
  if ((c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９')) return DigitKind::Arabic;
  if (std::u32string_view(U"〇零一二三四五六七八九").find(c) != std::u32string_view::npos) return DigitKind::Chinese;
  return DigitKind::None;
}

// Start of the run of digits of one kind (ASCII/full-width or Chinese positional) that ends at `end`.
size_t digits_ending_at(std::string_view text, size_t end) {
  size_t start = end, length = 0;
  DigitKind kind = DigitKind::None;
  while (start > 0) {
    const size_t previous = text::previous_code_point_start(text, start);
    const DigitKind previous_kind = digit_kind(text::code_point_at(text, previous, length));
    if (previous_kind == DigitKind::None || (kind != DigitKind::None && previous_kind != kind)) break;
    kind = previous_kind;
    start = previous;
  }
  return start;
}

// The year written right before `pos` ("2022年", "2022 年度", "2022年政务公开"), as in "2022年政务公开工作要点".
std::optional<prose::YearMention> year_ending_at(std::string_view text, size_t pos) {
  const auto strip_suffix = [&](std::string_view word) {
    if (text::ends_with_at(text, pos, word)) pos -= word.size();
  };
  const auto strip_spaces = [&] {
    size_t length = 0;
    while (pos > 0) {
      const size_t previous = text::previous_code_point_start(text, pos);
      if (!text::is_inline_space(text::code_point_at(text, previous, length))) break;
      pos = previous;
    }
  };
  strip_suffix("政务公开");
  strip_spaces();
  strip_suffix("度");
  constexpr std::string_view kYear = "年";
  if (!text::ends_with_at(text, pos, kYear)) return std::nullopt;
  pos -= kYear.size();
  strip_spaces();
  return prose::year_at(text, digits_ending_at(text, pos));
}

// Years in section 六 that name the year whose 工作要点 (work points) the body implemented.
std::vector<prose::YearMention> work_points_years(const CheckContext& context, const Section& section) {
  const Report& report = context.report;
  const std::string_view text = report.search_text();
  std::vector<prose::YearMention> years;
  const auto add = [&](const std::optional<prose::YearMention>& year) {
    if (year && std::none_of(years.begin(), years.end(),
                             [&](const prose::YearMention& known) { return known.range == year->range; }))
      years.push_back(*year);
  };
  constexpr std::string_view kWorkPoints = "工作要点";
  for (const ByteRange& prose : context.analysis.section_prose(section)) {
    const std::string_view scope = report.search_slice(prose);
    for (size_t at = text::find_word(scope, kWorkPoints); at != std::string_view::npos;
         at = text::find_word(scope, kWorkPoints, at + 1)) {
      const size_t mention = prose.begin + at;
      add(year_ending_at(text, mention));
      // A sub-heading "（一）2022年扎实落实政务公开工作要点完成情况": the year opens the heading.
      const text::Line line = text::line_at(text, mention);
      const size_t marker_end = prose::subitem_marker_end(text, line.content.begin);
      if (marker_end != std::string_view::npos) add(prose::year_at(text, text::skip_inline_spaces(text, marker_end)));
    }
  }
  return years;
}

void check(const CheckContext& context, DiagnosticSink& sink) {
  const Report& report = context.report;
  const auto& title = context.analysis.title_year();
  const auto& period = context.analysis.statistics_period();
  const auto& reporting_year = context.analysis.reporting_year();
  if (!reporting_year) return;
  const int reference = reporting_year->value;
  const std::string reference_text = std::to_string(reference) + "年";
  const std::string reference_source = reporting_year->source == YearSource::Option  ? "配置的报告年度"
                                       : reporting_year->source == YearSource::Title ? "标题年份"
                                                                                     : "统计期限起始年份";

  const auto report_mismatch = [&](ByteRange where, int year, std::string_view what) {
    Diagnostic& diagnostic = sink.report(where, std::string(what) + "为" + std::to_string(year) + "年，与" +
                                                    reference_source + reference_text +
                                                    "不一致 / the year differs from the reporting year");
    if (title && !(title->range == where))
      diagnostic.related.push_back({title->range, "标题年份：" + std::to_string(title->year) + "年"});
  };

  if (reporting_year->source == YearSource::Option && title && title->year != reference)
    report_mismatch(title->range, title->year, "标题年份");
  if (period) {
    // The start and end dates; an end date without its year ("至12月31日") inherits the start year.
    for (size_t i = 0; i < std::min<size_t>(2, period->dates.size()); ++i) {
      const prose::Date& date = period->dates[i];
      if (!date.year_range.empty() && date.year != reference)
        report_mismatch(date.year_range, date.year, "统计期限年份");
    }
  }
  if (const Section* six = report.section(6))
    for (const prose::YearMention& year : work_points_years(context, *six))
      if (year.year != reference) report_mismatch(year.range, year.year, "第六部分所述政务公开工作要点的年份");
}

}  // namespace

extern const Rule rule_C401{kDescriptor, check};

}  // namespace xxgk
