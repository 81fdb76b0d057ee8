// Analysis::explain_cell and Analysis::wrong_totals: what the editor's hover and inlay hints say about a table cell,
// read from the report model and the format definition's identities.
#include <gtest/gtest.h>

#include <filesystem>

#include "read_file.h"
#include "snapshot.h"
#include "xxgk/analysis.h"
#include "xxgk/linter.h"

namespace xxgk {
namespace {

// Table 三's first row, whose total is written 53 but sums to 52.
class CellExplanationTest : public ::testing::Test {
 protected:
  // The case's text without its range markers (⟦53⟧).
  const std::string text =
      testing_support::strip_range_markers(
          testing_support::read_file(std::filesystem::path(XXGK_FIXTURES_DIR) / "rules/A301/row_total.txt"), nullptr)
          .text;
  Document document{text};
  const LintOptions options{};
  const Report& report = document.report(options);
  const Analysis analysis{report, *report.format, options};
  const size_t row = text.find("一、本年新收政府信息公开申请数量");
  const size_t total = text.find("\t53", row) + 1;
};

TEST_F(CellExplanationTest, ATotalIsExplainedByItsTermsAndTheirSum) {
  const std::optional<CellExplanation> cell = analysis.explain_cell(total);
  ASSERT_TRUE(cell.has_value());
  EXPECT_EQ(cell->row_label, "一、本年新收政府信息公开申请数量");
  EXPECT_EQ(cell->column_label, "总计");
  EXPECT_EQ(cell->cell->range.begin, total);
  EXPECT_EQ(cell->cell->range.end, total + 2);
  ASSERT_TRUE(cell->total.has_value());
  ASSERT_EQ(cell->total->terms.size(), 6u);
  EXPECT_EQ(cell->total->terms.front().label, "自然人");
  EXPECT_EQ(cell->total->terms.back().label, "其他");
  EXPECT_EQ(cell->total->sum, 52);
  EXPECT_TRUE(cell->total->complete);
}

TEST_F(CellExplanationTest, ATermHasLabelsButNoTotal) {
  const std::optional<CellExplanation> cell = analysis.explain_cell(text.find("\t40", row) + 1);
  ASSERT_TRUE(cell.has_value());
  EXPECT_EQ(cell->column_label, "自然人");
  EXPECT_FALSE(cell->total.has_value());
}

TEST_F(CellExplanationTest, LabelsAndProseAreNotExplained) {
  EXPECT_FALSE(analysis.explain_cell(row + 3).has_value());
  EXPECT_FALSE(analysis.explain_cell(0).has_value());
}

TEST_F(CellExplanationTest, WrongTotalsAreTheSumRulesFindingsWithTheComputedValue) {
  const std::vector<WrongTotal> totals = analysis.wrong_totals(document.lint({}));
  ASSERT_EQ(totals.size(), 1u);
  EXPECT_EQ(totals[0].cell->range.begin, total);
  EXPECT_EQ(totals[0].computed, 52);
  EXPECT_TRUE(analysis.wrong_totals({}).empty());
}

}  // namespace
}  // namespace xxgk
