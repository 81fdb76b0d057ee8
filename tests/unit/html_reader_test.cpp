// Web pages read into the report text: the real published pages in tests/fixtures/html/ (see its INDEX.tsv) give the
// model their text version gives, the rules fire at the same places, and defects edited into a page are reported at
// the page's own line and column.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "model_text.h"
#include "read_file.h"
#include "xxgk/linter.h"
#include "xxgk/rule.h"
#include "xxgk/source_reader.h"

namespace {

using testing::HasSubstr;
using xxgk::testing_support::model_text;
using xxgk::testing_support::read_fixture;

// 1-based line:column (code points) of a byte offset.
std::string line_column(std::string_view text, size_t offset) {
  const xxgk::LineIndex lines(text);
  const xxgk::Position position = lines.position(offset, xxgk::PositionEncoding::Utf32);
  return std::to_string(position.line + 1) + ":" + std::to_string(position.column + 1);
}

std::vector<xxgk::SourceDiagnostic> lint_page(const std::string& page) {
  return xxgk::lint_source(xxgk::read_html(page), {});
}

const xxgk::SourceDiagnostic* find_rule(const std::vector<xxgk::SourceDiagnostic>& diagnostics, std::string_view id) {
  for (const xxgk::SourceDiagnostic& entry : diagnostics)
    if (entry.diagnostic.rule->id == id) return &entry;
  return nullptr;
}

std::string replace_once(std::string page, std::string_view from, std::string_view to) {
  const size_t at = page.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  EXPECT_EQ(page.find(from, at + 1), std::string::npos) << "not unique: " << from;
  if (at != std::string::npos) page.replace(at, from.size(), to);
  return page;
}

TEST(HtmlReader, Pingtan2024GivesTheModelOfItsTextVersion) {
  const xxgk::SourceDocument document = xxgk::read_html(read_fixture("html/pingtan_2024.html"));
  const std::string text = read_fixture("html/pingtan_2024.txt");
  EXPECT_EQ(model_text(document.text), model_text(text));
  const xxgk::Report report = xxgk::build_report(document.text, {});
  ASSERT_TRUE(report.title);
  EXPECT_EQ(report.title->text, "平潭综合实验区2024年度政府信息公开工作年度报告");
  ASSERT_EQ(report.sections.size(), 6u);
  for (int n = 1; n <= 6; ++n) EXPECT_EQ(report.sections[n - 1].number, n);
  // Table 三 read onto its grid: every canonical row complete, the total row as published.
  const xxgk::Table* table3 = report.table("table3");
  ASSERT_NE(table3, nullptr);
  for (size_t canonical = 0; canonical < table3->spec->rows.size(); ++canonical)
    EXPECT_NE(table3->row_for(static_cast<int>(canonical)), nullptr) << table3->spec->rows[canonical].label;
  const xxgk::Row* total = table3->row_for("R24");
  ASSERT_NE(total, nullptr);
  ASSERT_TRUE(total->complete);
  EXPECT_EQ(total->value(0)->value.number, 217);
  EXPECT_EQ(total->value(6)->value.number, 218);
  const xxgk::Table* table4 = report.table("table4");
  ASSERT_NE(table4, nullptr);
  EXPECT_TRUE(table4->spec != nullptr);
}

// The same rules fire on the page as on its text, and each points in the page at the text it points at in the text.
TEST(HtmlReader, RulesFireAtCorrespondingPlacesInThePage) {
  for (std::string name : {"pingtan_2024", "pingtan_2023", "pingtan-hzs_2024", "pingtan-czj_2024"}) {
    const xxgk::SourceDocument document = xxgk::read_html(read_fixture("html/" + name + ".html"));
    const std::vector<xxgk::Diagnostic> on_text = xxgk::lint(document.text, {});
    const std::vector<xxgk::SourceDiagnostic> on_page = xxgk::lint_source(document, {});
    ASSERT_EQ(on_text.size(), on_page.size()) << name;
    ASSERT_FALSE(on_page.empty()) << name;
    for (const xxgk::Diagnostic& expected : on_text) {
      const xxgk::ByteRange source = xxgk::map_to_source(document, expected.range);
      auto found = std::find_if(on_page.begin(), on_page.end(), [&](const xxgk::SourceDiagnostic& entry) {
        return entry.diagnostic.rule == expected.rule && entry.diagnostic.message == expected.message &&
               entry.diagnostic.range == source;
      });
      EXPECT_NE(found, on_page.end()) << name << " " << expected.rule->id << " " << expected.message;
      // A range within one run of characters copied from the page reads the same there.
      const std::string_view in_text = std::string_view(document.text).substr(expected.range.begin, expected.range.size());
      const std::string_view in_page = std::string_view(document.source).substr(source.begin, source.size());
      if (!in_text.empty() && in_text.find_first_of("\t\n") == std::string_view::npos && in_text.size() == in_page.size())
        EXPECT_EQ(in_text, in_page) << name << " " << expected.rule->id;
    }
  }
}

// Reading the tables right: no 2021-format page gets a table-structure finding, a missing section or a missing title.
TEST(HtmlReader, RealPagesOfThe2021FormatReadWithoutStructureFindings) {
  for (std::string name :
       {"pingtan_2025", "pingtan_2024", "pingtan_2023", "pingtan-hzs_2024", "pingtan-czj_2024", "pingtan-gyz_2023"}) {
    const std::vector<xxgk::SourceDiagnostic> diagnostics = lint_page(read_fixture("html/" + name + ".html"));
    for (const xxgk::SourceDiagnostic& entry : diagnostics) {
      const std::string_view id = entry.diagnostic.rule->id;
      EXPECT_FALSE(id.starts_with("T2") || id == "S101" || id == "S102" || id == "S103" || id == "X001")
          << name << ": " << id << " " << entry.diagnostic.message;
    }
  }
  const std::vector<xxgk::SourceDiagnostic> pingtan_2024 = lint_page(read_fixture("html/pingtan_2024.html"));
  EXPECT_TRUE(std::none_of(pingtan_2024.begin(), pingtan_2024.end(), [](const xxgk::SourceDiagnostic& entry) {
    return entry.diagnostic.severity == xxgk::Severity::Error;
  }));
}

// A real defect the page was published with is found where it stands: 行政审批局 2024 reports 行政复议 1 with a
// total of 0.
TEST(HtmlReader, RealDefectIsReportedAtItsSourceLine) {
  const std::string page = read_fixture("html/pingtan-hzs_2024.html");
  const std::vector<xxgk::SourceDiagnostic> diagnostics = lint_page(page);
  const xxgk::SourceDiagnostic* total = find_rule(diagnostics, "A304");
  ASSERT_NE(total, nullptr);
  // The range is the total cell of table 四's data row: a "0" inside a <td> after the 行政复议 header.
  const std::string_view cell = std::string_view(page).substr(total->diagnostic.range.begin, total->diagnostic.range.size());
  EXPECT_EQ(cell, "0");
  EXPECT_GT(total->diagnostic.range.begin, page.find("行政复议"));
}

TEST(HtmlReader, EditedWrongTotalIsReportedAtTheCell) {
  const std::string original = read_fixture("html/pingtan_2024.html");
  // Table 三's 总计 row ends with the grand total 218 (its only "218</p>" after "（七）总计").
  const size_t row = original.find("（七）总计");
  ASSERT_NE(row, std::string::npos);
  const size_t cell = original.find(">218<", row) + 1;
  std::string page = original;
  page.replace(cell, 3, "219");
  const std::vector<xxgk::SourceDiagnostic> diagnostics = lint_page(page);
  auto at_cell = std::find_if(diagnostics.begin(), diagnostics.end(), [&](const xxgk::SourceDiagnostic& entry) {
    return entry.diagnostic.rule->id[0] == 'A' && entry.diagnostic.range.begin == cell &&
           entry.diagnostic.severity == xxgk::Severity::Error;
  });
  ASSERT_NE(at_cell, diagnostics.end()) << line_column(page, cell);
  EXPECT_EQ(page.substr(at_cell->diagnostic.range.begin, at_cell->diagnostic.range.size()), "219");
}

TEST(HtmlReader, EditedHeadingIsReportedAtTheHeading) {
  const std::string page = replace_once(read_fixture("html/pingtan_2024.html"), "一、总体情况", "一、总休情况");
  const std::vector<xxgk::SourceDiagnostic> diagnostics = lint_page(page);
  const xxgk::SourceDiagnostic* heading = find_rule(diagnostics, "S105");
  ASSERT_NE(heading, nullptr);
  // The rule points at the heading's words, after its numeral.
  EXPECT_EQ(page.substr(heading->diagnostic.range.begin, heading->diagnostic.range.size()), "总休情况");
  EXPECT_EQ(line_column(page, heading->diagnostic.range.begin), "349:423");
}

// `page` without the table row holding `label`; each cell of an earlier row merged down over it (rowspan) spans one row
// less, so the table stays well-formed, as a drafter deleting the row in an editor leaves it.
std::string without_row(std::string page, std::string_view label) {
  const size_t at = page.find(label);
  EXPECT_NE(at, std::string::npos) << label;
  const size_t row_begin = page.rfind("<tr", at), row_end = page.find("</tr>", at) + 5;
  const size_t table_begin = page.rfind("<table", at);
  std::vector<size_t> rows;  // the rows of the table before the removed one
  for (size_t tr = page.find("<tr", table_begin); tr < row_begin; tr = page.find("<tr", tr + 3)) rows.push_back(tr);
  for (size_t k = 0; k < rows.size(); ++k) {
    const size_t end = k + 1 < rows.size() ? rows[k + 1] : row_begin;
    for (size_t span = page.find("rowspan=\"", rows[k]); span < end; span = page.find("rowspan=\"", span + 1)) {
      const size_t digits = span + 9, digits_end = page.find('"', digits);
      const int rowspan = std::stoi(page.substr(digits, digits_end - digits));
      if (rowspan > static_cast<int>(rows.size() - k))  // reaches the removed row
        page.replace(digits, digits_end - digits, std::to_string(rowspan - 1));
    }
  }
  page.erase(row_begin, row_end - row_begin);
  return page;
}

TEST(HtmlReader, EditedMissingRowIsReportedOnceInItsTable) {
  const std::string original = read_fixture("html/pingtan_2024.html");
  const std::string page = without_row(original, "2.重复申请");
  ASSERT_NE(page.find("rowspan=\"21\""), std::string::npos) << "三、本年度办理结果 spans one row less";
  const std::vector<xxgk::SourceDiagnostic> diagnostics = lint_page(page);
  const auto t202 = std::count_if(diagnostics.begin(), diagnostics.end(), [](const xxgk::SourceDiagnostic& d) {
    return d.diagnostic.rule->id == std::string_view("T202");
  });
  EXPECT_EQ(t202, 1) << "one missing row, one diagnostic";
  const xxgk::SourceDiagnostic* missing = find_rule(diagnostics, "T202");
  ASSERT_NE(missing, nullptr);
  EXPECT_THAT(missing->diagnostic.message, HasSubstr("重复申请"));
  // Inside table 三 of the page, where the row was.
  const size_t table_begin = page.rfind("<table", page.find("3.要求提供公开出版物"));
  const size_t table_end = page.find("</table>", table_begin);
  EXPECT_GT(missing->diagnostic.range.begin, table_begin);
  EXPECT_LT(missing->diagnostic.range.begin, table_end);
  EXPECT_EQ(find_rule(lint_page(original), "T202"), nullptr) << "the page as published has every row";
}

TEST(HtmlReader, EditedRemovedFeeStatementIsReportedInSectionSix) {
  const std::string page = replace_once(read_fixture("html/pingtan_2024.html"), "2024年，无收取信息处理费情况。", "");
  const std::vector<xxgk::SourceDiagnostic> diagnostics = lint_page(page);
  const xxgk::SourceDiagnostic* fee = find_rule(diagnostics, "C406");
  ASSERT_NE(fee, nullptr);
  EXPECT_EQ(fee->diagnostic.severity, xxgk::Severity::Error);
  EXPECT_GE(fee->diagnostic.range.begin, page.find("六、其他需要报告的事项"));
  EXPECT_LT(fee->diagnostic.range.begin, page.find("</div>", page.find("六、其他需要报告的事项")));
}

// Markup as published pages write it: chrome left out, a layout table around the body, labels split over <p> and
// <br>, cells wrapped in <font>/<span>, &nbsp; padding and empty cells, merged cells on the grid, a GBK page.
TEST(HtmlReader, MarkupIsReadAsText) {
  const std::string expected =
      "某某局2024年政府信息公开工作年度报告\n\n"
      "一、总体情况\n\n"
      "本机关认真落实条例。\n\n"
      "三、本年度\t（一）予以公开\t\t\t12\n"
      "\t（二）\t部分&公开\t\t3\n";
  const xxgk::SourceDocument utf8 = xxgk::read_html(read_fixture("html/markup.html"));
  EXPECT_EQ(utf8.text, expected);
  const xxgk::SourceDocument gbk = xxgk::read_html(read_fixture("html/markup.gbk.html"));
  EXPECT_EQ(gbk.source_encoding, "GB18030");
  EXPECT_EQ(gbk.text, expected);
  // The page decoded from GBK has the same lines and columns as the UTF-8 page.
  EXPECT_EQ(gbk.source, utf8.source);
}

TEST(HtmlReader, TextMapsToTheCharactersItCameFrom) {
  const std::string page = read_fixture("html/markup.html");
  const xxgk::SourceDocument document = xxgk::read_html(page);
  auto source_of = [&](std::string_view needle) {
    const size_t at = document.text.find(needle);
    EXPECT_NE(at, std::string::npos) << needle;
    const xxgk::ByteRange range = xxgk::map_to_source(document, {at, at + needle.size()});
    return page.substr(range.begin, range.size());
  };
  EXPECT_EQ(source_of("总体情况"), "总体情况");
  EXPECT_EQ(source_of("&"), "&amp;");                 // a character reference is one unit
  EXPECT_EQ(source_of("3"), "&#51;");
  EXPECT_EQ(source_of("某某局2024年"), "某某局2024年");  // the title from <title>
  EXPECT_EQ(source_of("本机关认真"), "本机关&nbsp;认真");
  // An empty cell stands at its <td>.
  const size_t empty_cell = document.text.find("公开\t\t") + std::string_view("公开\t").size();
  const xxgk::ByteRange at_cell = xxgk::map_to_source(document, {empty_cell, empty_cell});
  EXPECT_EQ(page.substr(at_cell.begin, 4), "<td>");
}

TEST(HtmlReader, HostileInputIsReadOrRefusedWithoutCrashing) {
  for (const std::string& page :
       {std::string(), std::string("\0\xFF\xFE<<<&&&;", 10), std::string(200'000, '<'), std::string("<table><tr><td rowspan=99999999 colspan=99999999>x"),
        std::string("&#99999999999;&#x110000;&nbsp"), std::string("<p>") + std::string(50'000, '\xE5')}) {
    try {
      const xxgk::SourceDocument document = xxgk::read_html(page);
      (void)xxgk::lint_source(document, {});
    } catch (const xxgk::SourceReadError& error) {
      EXPECT_FALSE(std::string(error.what()).empty());
    }
  }
  // Nesting a page never has is refused before parsing (the parser's time grows with tags times depth); the
  // depth pages do have is read, down to the text at the bottom.
  std::string deep;
  for (int i = 0; i < 100'000; ++i) deep += "<div>";
  EXPECT_THROW((void)xxgk::read_html(deep + "一、总体情况"), xxgk::SourceReadError);
  EXPECT_EQ(xxgk::read_html(deep.substr(0, 5 * 300) + "一、总体情况").text, "一、总体情况\n");
  EXPECT_THROW((void)xxgk::read_html(std::string(500'000, '<')), xxgk::SourceReadError);
}

TEST(SourceFormat, IsTakenFromTheFileName) {
  EXPECT_EQ(xxgk::source_format_of("a/report.HTML"), xxgk::SourceFormat::Html);
  EXPECT_EQ(xxgk::source_format_of("report.htm"), xxgk::SourceFormat::Html);
  EXPECT_EQ(xxgk::source_format_of("report.docx"), xxgk::SourceFormat::Docx);
  EXPECT_EQ(xxgk::source_format_of("report.Pdf"), xxgk::SourceFormat::Pdf);
  EXPECT_EQ(xxgk::source_format_of("report.txt"), xxgk::SourceFormat::Text);
  EXPECT_EQ(xxgk::source_format_of("htm"), xxgk::SourceFormat::Text);
}

TEST(SourceLocation, IsDescribedAsAUserFindsIt) {
  xxgk::SourceLocation cell;
  cell.kind = xxgk::SourceLocation::Kind::TableCell;
  cell.table = 3;
  cell.row = 14;
  cell.column = 3;
  EXPECT_EQ(xxgk::describe_location(cell), "表三 第14行 第3列");
  xxgk::SourceLocation paragraph;
  paragraph.kind = xxgk::SourceLocation::Kind::Paragraph;
  paragraph.paragraph = 12;
  EXPECT_EQ(xxgk::describe_location(paragraph), "第12段");
  xxgk::SourceLocation page;
  page.kind = xxgk::SourceLocation::Kind::PageLine;
  page.page = 2;
  page.line = 17;
  EXPECT_EQ(xxgk::describe_location(page), "第2页 第17行");
}

}  // namespace
