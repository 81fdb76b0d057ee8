// Analysis: the facts about a report that rules and the language server read, each derived once, on first use.
#include "xxgk/analysis.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "read_file.h"
#include "xxgk/linter.h"

namespace xxgk {
namespace {

std::string clean_report() {
  return testing_support::read_file(std::filesystem::path(XXGK_FIXTURES_DIR) / "clean/clean.txt");
}

// A report's model and its analysis under `options`.
struct Analysed {
  explicit Analysed(std::string source, LintOptions lint_options = {})
      : text(std::move(source)),
        options(std::move(lint_options)),
        report(build_report(text, options)),
        analysis(report, *report.format, options) {}
  std::string text;
  LintOptions options;
  Report report;
  Analysis analysis;
};

std::string replaced(std::string text, std::string_view from, std::string_view to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(AnalysisTest, TheReportingYearSaysWhereItCameFrom) {
  const Analysed from_title(clean_report());
  ASSERT_TRUE(from_title.analysis.reporting_year());
  EXPECT_EQ(from_title.analysis.reporting_year()->value, 2024);
  EXPECT_EQ(from_title.analysis.reporting_year()->source, YearSource::Title);

  LintOptions configured;
  configured.year = 2023;
  const Analysed from_option(clean_report(), configured);
  EXPECT_EQ(from_option.analysis.reporting_year()->value, 2023);
  EXPECT_EQ(from_option.analysis.reporting_year()->source, YearSource::Option);
  // The title's own year is still read, for C401 to compare.
  EXPECT_EQ(from_option.analysis.title_year()->year, 2024);

  // Without a year in the title: the statistics period's first year.
  const Analysed from_period(replaced(clean_report(), "规划局2024年政府", "规划局政府"));
  ASSERT_TRUE(from_period.analysis.reporting_year());
  EXPECT_EQ(from_period.analysis.reporting_year()->value, 2024);
  EXPECT_EQ(from_period.analysis.reporting_year()->source, YearSource::StatisticsPeriod);
}

TEST(AnalysisTest, TheStatisticsPeriodIsTheSentenceWithItsDates) {
  const Analysed analysed(clean_report());
  const auto& period = analysed.analysis.statistics_period();
  ASSERT_TRUE(period);
  ASSERT_GE(period->dates.size(), 2u);
  EXPECT_EQ(period->dates[0].year, 2024);
  EXPECT_EQ(period->dates[0].month, 1);
  EXPECT_EQ(period->dates[1].month, 12);
  EXPECT_NE(analysed.report.slice(period->sentence).find("统计"), std::string_view::npos);
  // Asked again, the same fact: derived once.
  EXPECT_EQ(&analysed.analysis.statistics_period(), &period);
}

TEST(AnalysisTest, TheSignatureDateIsTheLastLineOfTheLastSectionThatIsOnlyADate) {
  const Analysed analysed(clean_report());
  const auto& date = analysed.analysis.signature_date();
  ASSERT_TRUE(date);
  EXPECT_EQ(date->year, 2025);
  EXPECT_EQ(date->month, 1);
  EXPECT_EQ(date->day, 20);
  EXPECT_EQ(analysed.report.slice(date->range), "2025年1月20日");
}

TEST(AnalysisTest, TheFeeStatementIsInSectionSix) {
  const Analysed analysed(clean_report());
  const auto& statement = analysed.analysis.fee_statement();
  ASSERT_TRUE(statement);
  ASSERT_FALSE(statement->lines.empty());
  const Section* six = analysed.report.section(6);
  ASSERT_NE(six, nullptr);
  EXPECT_TRUE(six->range.contains(statement->sentence.begin));
  EXPECT_FALSE(Analysed(replaced(clean_report(), "六、其他需要报告的事项", "")).analysis.fee_statement());
}

TEST(AnalysisTest, NamedCellsAreTheFormatsCellsWhenTheyHoldIntegers) {
  const Analysed analysed(clean_report());
  const Cell* received = analysed.analysis.integer_cell(NamedCell::ApplicationsReceived);
  ASSERT_NE(received, nullptr);
  EXPECT_EQ(cell_integer(*received), 52);
  const Cell* review = analysed.analysis.integer_cell(NamedCell::ReviewTotal);
  ASSERT_NE(review, nullptr);
  EXPECT_EQ(cell_integer(*review), 4);
  const Analysed placeholder(replaced(clean_report(), "40\t5\t1\t2\t3\t1\t52", "40\t5\t1\t2\t3\t1\t/"));
  EXPECT_EQ(placeholder.analysis.integer_cell(NamedCell::ApplicationsReceived), nullptr);
  const Analysed huge(replaced(clean_report(), "40\t5\t1\t2\t3\t1\t52", "40\t5\t1\t2\t3\t1\t" + std::string(54, '9')));
  EXPECT_EQ(huge.analysis.integer_cell(NamedCell::ApplicationsReceived), nullptr) << "no count";
}

// A total is explained by the sum the format defines for its cell: a row's six columns (table 三), or its column
// group (table 四: the 行政复议 group's own four columns, not the whole row).
TEST(AnalysisTest, ATotalIsExplainedByItsRowOrItsColumnGroup) {
  const Analysed analysed(clean_report());
  const Cell* received = analysed.analysis.integer_cell(NamedCell::ApplicationsReceived);
  ASSERT_NE(received, nullptr);
  const std::optional<CellExplanation> row_total = analysed.analysis.explain_cell(received->raw.begin);
  ASSERT_TRUE(row_total && row_total->total);
  EXPECT_EQ(row_total->total->terms.size(), 6u);
  EXPECT_TRUE(row_total->total->complete);
  EXPECT_EQ(row_total->total->sum, 52);

  const Cell* review = analysed.analysis.integer_cell(NamedCell::ReviewTotal);
  ASSERT_NE(review, nullptr);
  const std::optional<CellExplanation> group_total = analysed.analysis.explain_cell(review->raw.begin);
  ASSERT_TRUE(group_total && group_total->total);
  EXPECT_EQ(group_total->total->terms.size(), 4u);
  EXPECT_EQ(group_total->total->sum, 4);

  const std::optional<CellExplanation> term = analysed.analysis.explain_cell(group_total->total->terms[0].cell->raw.begin);
  ASSERT_TRUE(term.has_value());
  EXPECT_FALSE(term->total) << "a term of the group is not a total";
}

TEST(AnalysisTest, ProseLeavesOutTablesAndLinesStartInsideTheRange) {
  const Analysed analysed(clean_report());
  for (const ByteRange& prose : analysed.analysis.document_prose())
    for (const Table& table : analysed.report.tables) EXPECT_FALSE(prose.overlaps(table.range));
  const size_t middle = analysed.text.find("青山市自然资源和规划局深入");
  const auto lines = analysed.analysis.lines_in({middle, middle + 3});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].content.begin, middle);
}

TEST(AnalysisTest, TheDocumentStyleIsThatOfItsTables) {
  const Analysed tabs(clean_report());
  EXPECT_EQ(tabs.analysis.document_style().separator, '\t');
  EXPECT_FALSE(tabs.analysis.document_style().markdown);
  EXPECT_EQ(tabs.analysis.document_style().newline, "\n");
}

TEST(AnalysisTest, AFormatWithAMisspeltNamedCellFailsToLoad) {
  std::string definition = testing_support::read_file(std::filesystem::path(XXGK_FORMAT_JSON));
  const std::string row = R"("row": "R22", "column": 6)";
  ASSERT_NE(definition.find(row), std::string::npos);
  EXPECT_NO_THROW(parse_format_definition(definition));
  definition.replace(definition.find(row), row.size(), R"("row": "R99", "column": 6)");
  EXPECT_THROW(parse_format_definition(definition), std::runtime_error);
}

}  // namespace
}  // namespace xxgk
