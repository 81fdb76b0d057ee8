// Reading reports whose layout was lost on the way from a web page or an office document: a body on one line (headings
// found inline), tables written one cell per line (between blank lines, or with pipes and bare "|||" lines), tables
// flattened into a line. Each input is the clean report in that layout; what is read must be what the clean report
// holds, and what cannot be read must be marked unreadable, never read wrong.
#include <gtest/gtest.h>

#include <string>

#include "read_file.h"
#include "xxgk/linter.h"
#include "xxgk/normalize.h"

namespace {

using xxgk::testing_support::read_fixture;

class LayoutRecoveryTest : public testing::Test {
 protected:
  const xxgk::Report& build(const std::string& relative) {
    text_ = read_fixture(relative);
    EXPECT_FALSE(text_.empty()) << relative;
    return build_text(text_);
  }
  const xxgk::Report& build_text(std::string text) {
    text_ = std::move(text);
    report_ = xxgk::build_report(text_, {});
    return report_;
  }
  std::string text_;
  xxgk::Report report_;
};

// Every canonical row of every table read whole, with the figures the clean report has.
void expect_tables_of_clean_report(const xxgk::Report& report) {
  static const std::string clean_text = read_fixture("clean/clean.txt");
  static const xxgk::Report clean = xxgk::build_report(clean_text, {});
  for (const char* id : {"table2", "table3", "table4"}) {
    const xxgk::Table* table = report.table(id);
    ASSERT_NE(table, nullptr) << id;
    EXPECT_TRUE(table->recovered) << id;
    EXPECT_FALSE(table->unreadable) << id;
    const xxgk::Table& expected = *clean.table(id);
    for (size_t r = 0; r < table->spec->rows.size(); ++r) {
      const xxgk::Row* row = table->row_for(static_cast<int>(r));
      const xxgk::Row* clean_row = expected.row_for(static_cast<int>(r));
      ASSERT_NE(row, nullptr) << id << " row " << table->spec->rows[r].id;
      ASSERT_TRUE(row->complete) << id << " row " << table->spec->rows[r].id;
      for (size_t c = 0; c < clean_row->value_cells.size(); ++c)
        EXPECT_EQ(row->value(c)->value.number, clean_row->value(c)->value.number)
            << id << " row " << table->spec->rows[r].id << " column " << c;
    }
    for (const xxgk::Row& row : table->rows)
      EXPECT_NE(row.kind, xxgk::RowKind::Unknown) << report.slice(row.range);
  }
}

TEST_F(LayoutRecoveryTest, BodyOnOneLineHasItsSixHeadingsInline) {
  const xxgk::Report& report = build("rules/S111/one_line_body.txt");
  EXPECT_TRUE(report.line_structure_lost);
  ASSERT_EQ(report.sections.size(), 6u);
  for (int n = 1; n <= 6; ++n) {
    const xxgk::Heading& heading = *report.sections[n - 1].heading;
    EXPECT_EQ(report.sections[n - 1].number, n);
    EXPECT_TRUE(heading.found_inline);
    EXPECT_EQ(heading.match, xxgk::Match::Exact);
    EXPECT_EQ(report.slice(heading.text), report.format->sections[n - 1].title);
    EXPECT_EQ(report.slice(heading.numeral), xxgk::chinese_numeral(n));
  }
  // The preamble stops at the first heading; the overview's paragraphs are its own.
  EXPECT_EQ(report.preamble.end, report.sections[0].heading->range.begin);
  EXPECT_EQ(report.slice(report.preamble).find("一、总体情况"), std::string_view::npos);
  EXPECT_FALSE(report.sections[0].paragraphs.empty());
  for (size_t p : report.sections[0].paragraphs)
    EXPECT_EQ(report.slice(report.paragraphs[p].range).find("二、主动公开"), std::string_view::npos);
}

TEST_F(LayoutRecoveryTest, InlineHeadingWithATypoIsFoundWithItsWrongWording) {
  std::string text = read_fixture("rules/S111/one_line_body.txt");
  const std::string written = "四、政府信息公开行政复议、行政诉讼情况";
  const size_t at = text.find(written);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, written.size(), "四、政府信息公开行政法复议、行政诉讼情况");
  const xxgk::Report& report = build_text(text);
  const xxgk::Section* section = report.section(4);
  ASSERT_NE(section, nullptr);
  EXPECT_EQ(section->heading->match, xxgk::Match::Fuzzy);
  EXPECT_EQ(report.slice(section->heading->text), "政府信息公开行政法复议、行政诉讼情况");
  EXPECT_EQ(section->heading->range.begin, at);
}

TEST_F(LayoutRecoveryTest, HeadingsRunOnWithTheirTextAreFoundAtTheLineStart) {
  const xxgk::Report& report = build("rules/S111/sections_run_on_after_headings.txt");
  EXPECT_TRUE(report.line_structure_lost);
  ASSERT_EQ(report.sections.size(), 6u);
  for (int n : {1, 5, 6}) {
    const xxgk::Section& section = report.sections[static_cast<size_t>(n - 1)];
    EXPECT_EQ(section.number, n);
    EXPECT_TRUE(section.heading->found_inline);
    EXPECT_EQ(report.slice(section.heading->text), report.format->sections[static_cast<size_t>(n - 1)].title);
    ASSERT_FALSE(section.paragraphs.empty());
    // The text after the heading is the section's first paragraph, without the heading.
    EXPECT_EQ(report.paragraphs[section.paragraphs.front()].range.begin, section.heading->range.end + 1);
  }
  for (int n : {2, 3, 4}) EXPECT_FALSE(report.sections[static_cast<size_t>(n - 1)].heading->found_inline);
}

TEST_F(LayoutRecoveryTest, LongLineListingTheNumberedPartsKeepsTheLineStructure) {
  const xxgk::Report& report = build("rules/S111/preamble_lists_numbered_parts.txt");
  EXPECT_FALSE(report.line_structure_lost);
  ASSERT_EQ(report.headings.size(), 6u);
  for (const xxgk::Heading& heading : report.headings) EXPECT_FALSE(heading.found_inline);
}

// Tables flattened with a row's digits written together, in a body on one line or on lines of their own in a
// report that kept its line breaks: each is an unreadable table of its section (T209, not T201), without rows.
TEST_F(LayoutRecoveryTest, DigitsWrittenTogetherMakeUnreadableTablesWithoutRows) {
  for (const char* fixture : {"rules/T209/flattened_digits.txt", "rules/T209/tables_flattened_on_their_lines.txt"}) {
    const xxgk::Report& report = build(fixture);
    ASSERT_EQ(report.sections.size(), 6u) << fixture;
    for (const char* id : {"table2", "table3", "table4"}) {
      const xxgk::Table* table = report.table(id);
      ASSERT_NE(table, nullptr) << fixture << " " << id;
      EXPECT_TRUE(table->unreadable) << fixture << " " << id;
      EXPECT_TRUE(table->rows.empty()) << fixture << " " << id;
      EXPECT_EQ(report.sections[static_cast<size_t>(table->spec->section - 1)].tables.size(), 1u) << fixture << " " << id;
    }
  }
  EXPECT_TRUE(build("rules/T209/flattened_digits.txt").line_structure_lost);
  EXPECT_FALSE(build("rules/T209/tables_flattened_on_their_lines.txt").line_structure_lost);
}

// The clean report in each layout a table takes when copied from a web page or Word: every table read whole, with
// the clean report's figures, and only the six section headings as headings (row labels such as "一、本年新收…" that
// read as headings are cells of the table).
class RecoveredLayoutTest : public LayoutRecoveryTest, public testing::WithParamInterface<const char*> {};

TEST_P(RecoveredLayoutTest, TablesAreReadAsTheCleanReportHasThem) {
  const xxgk::Report& report = build(GetParam());
  expect_tables_of_clean_report(report);
  EXPECT_EQ(report.headings.size(), 6u);
  // The tables are no paragraphs: their figures are not read as prose.
  for (const xxgk::Paragraph& paragraph : report.paragraphs)
    EXPECT_EQ(report.slice(paragraph.range).find("本年新收政府信息公开申请数量"), std::string_view::npos);
}

INSTANTIATE_TEST_SUITE_P(Layouts, RecoveredLayoutTest,
                         testing::Values("rules/S111/one_line_body.txt",  // flattened, spaces between cells
                                         "rules/T209/cells_between_blank_lines.txt",
                                         "rules/T209/cells_with_pipe_lines.txt",
                                         "rules/T209/cells_split_by_bare_pipe_lines.txt",
                                         "rules/T209/cells_per_line_without_blank_lines.txt",
                                         "rules/T209/cells_separated_by_spaces.txt"));

TEST_F(LayoutRecoveryTest, CellsPerLineWithoutBlankLinesKeepTheProseBeforeThem) {
  const xxgk::Report& report = build("rules/T209/cells_per_line_without_blank_lines.txt");
  // The sentence before table 二 is in the same paragraph of the syntax tree as the table's cells: it stays prose.
  const xxgk::Section* section2 = report.section(2);
  ASSERT_NE(section2, nullptr);
  ASSERT_EQ(section2->paragraphs.size(), 1u);
  EXPECT_EQ(report.slice(report.paragraphs[section2->paragraphs.front()].range),
            "全年主动公开政府信息1268条，各类信息统计如下。");
  // 三、本年度办理结果 broken over three lines is the group label again.
  const xxgk::Table& table3 = *report.table("table3");
  ASSERT_FALSE(table3.groups.empty());
  EXPECT_EQ(table3.spec->groups[static_cast<size_t>(table3.groups.front().group)].id, "G3");
}

// A short heading after a table written one cell per line is the next section's, unless it begins a row label.
TEST_F(LayoutRecoveryTest, AShortHeadingAfterCellsIsASectionUnlessItBeginsALabel) {
  std::string text = read_fixture("rules/T209/cells_between_blank_lines.txt");
  const std::string heading = "五、存在的主要问题及改进情况";
  const size_t at = text.find(heading);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, heading.size(), "五、问题");
  const xxgk::Report& report = build_text(text);
  ASSERT_EQ(report.headings.size(), 6u);
  EXPECT_EQ(report.headings[4].numeral_value, 5);
  EXPECT_EQ(report.slice(report.headings[4].range), "五、问题");
  EXPECT_FALSE(report.table("table4")->unreadable);
}

TEST_F(LayoutRecoveryTest, RecoveredCellsPointAtTheirText) {
  const xxgk::Report& report = build("rules/T209/cells_between_blank_lines.txt");
  const xxgk::Row* row = report.table("table3")->row_for("R01");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(report.slice(row->label), "一、本年新收政府信息公开申请数量");
  EXPECT_EQ(report.slice(row->value(6)->range), "52");
}

TEST_F(LayoutRecoveryTest, ARowShortOfACellMakesTheTableUnreadable) {
  const xxgk::Report& report = build("rules/T209/cells_row_short_of_a_value.txt");
  const xxgk::Table* table3 = report.table("table3");
  ASSERT_NE(table3, nullptr);
  EXPECT_TRUE(table3->unreadable);
  EXPECT_TRUE(table3->rows.empty());
  EXPECT_FALSE(report.table("table2")->unreadable);
}

// Short lines of prose with a table's labels are no table: too few numbers, or no header, block title or note.
TEST_F(LayoutRecoveryTest, ShortLinesOfProseAreNoTable) {
  const struct {
    const char* text;
    size_t paragraphs;
  } cases[] = {
      {"某局2024年政府信息公开工作年度报告\n\n一、总体情况\n\n行政许可\n\n全年办理 12 件\n\n二、主动公开政府信息情况\n\n"
       "某局\n\n2025年1月20日\n",
       4},
      {"某局2024年政府信息公开工作年度报告\n\n一、总体情况\n\n全年办理情况如下\n行政许可 12 件\n行政处罚 3 件\n"
       "行政强制 0 件\n\n二、主动公开政府信息情况\n",
       1},
  };
  for (const auto& c : cases) {
    const xxgk::Report& report = build_text(c.text);
    EXPECT_TRUE(report.tables.empty()) << c.text;
    EXPECT_EQ(report.paragraphs.size(), c.paragraphs) << c.text;
  }
}

}  // namespace
