// Word and PDF reports read into the report text: the .docx LibreOffice writes from a real published report gives
// the model of its text version, defects edited into it are reported at their paragraph or table cell, Word's list
// numbers are read, five more published pages give the findings of their web page in Word and in PDF, and hostile
// documents (corrupt or truncated ZIP, a zip bomb, entity expansion, a PDF without text) are refused with a message.
// Fixtures: tests/fixtures/documents/make-fixtures.sh.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <zlib.h>

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

const xxgk::SourceDiagnostic* find_rule(const std::vector<xxgk::SourceDiagnostic>& diagnostics, std::string_view id) {
  for (const xxgk::SourceDiagnostic& entry : diagnostics)
    if (entry.diagnostic.rule->id == id) return &entry;
  return nullptr;
}

long count_rule(const std::vector<xxgk::SourceDiagnostic>& diagnostics, std::string_view id) {
  return std::count_if(diagnostics.begin(), diagnostics.end(),
                       [&](const xxgk::SourceDiagnostic& entry) { return entry.diagnostic.rule->id == id; });
}

void put16(std::string& out, uint32_t value) {
  out += static_cast<char>(value & 0xFF);
  out += static_cast<char>((value >> 8) & 0xFF);
}
void put32(std::string& out, uint32_t value) {
  put16(out, value & 0xFFFF);
  put16(out, value >> 16);
}

// A ZIP archive of deflated entries, as a .docx is (CRCs are not checked by the reader and left 0).
std::string zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string out, directory;
  for (const auto& [name, content] : entries) {
    uLongf size = compressBound(static_cast<uLong>(content.size()));
    std::string zlib(size, '\0');
    compress2(reinterpret_cast<Bytef*>(zlib.data()), &size, reinterpret_cast<const Bytef*>(content.data()),
              static_cast<uLong>(content.size()), 9);
    const std::string deflated = zlib.substr(2, size - 6);  // raw deflate: no zlib header or checksum
    const uint32_t offset = static_cast<uint32_t>(out.size());
    put32(out, 0x04034b50);
    put16(out, 20), put16(out, 0), put16(out, 8), put16(out, 0), put16(out, 0), put32(out, 0);
    put32(out, static_cast<uint32_t>(deflated.size())), put32(out, static_cast<uint32_t>(content.size()));
    put16(out, static_cast<uint32_t>(name.size())), put16(out, 0);
    out += name + deflated;
    put32(directory, 0x02014b50);
    put16(directory, 20), put16(directory, 20), put16(directory, 0), put16(directory, 8), put16(directory, 0);
    put16(directory, 0), put32(directory, 0);
    put32(directory, static_cast<uint32_t>(deflated.size())), put32(directory, static_cast<uint32_t>(content.size()));
    put16(directory, static_cast<uint32_t>(name.size())), put16(directory, 0), put16(directory, 0);
    put16(directory, 0), put16(directory, 0), put32(directory, 0), put32(directory, offset);
    directory += name;
  }
  const uint32_t directory_offset = static_cast<uint32_t>(out.size());
  out += directory;
  put32(out, 0x06054b50);
  put16(out, 0), put16(out, 0), put16(out, static_cast<uint32_t>(entries.size()));
  put16(out, static_cast<uint32_t>(entries.size())), put32(out, static_cast<uint32_t>(directory.size()));
  put32(out, directory_offset), put16(out, 0);
  return out;
}

std::string document_xml(const std::string& body) {
  return "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
         "<w:body>" + body + "</w:body></w:document>";
}

TEST(DocxReader, ReportWrittenByAnOfficeSuiteGivesTheModelOfItsTextVersion) {
  const xxgk::SourceDocument document = xxgk::read_docx(read_fixture("documents/pingtan_2024.docx"));
  EXPECT_EQ(model_text(document.text), model_text(read_fixture("html/pingtan_2024.txt")));
  // The same finding as on the page and the text (C406), placed at the paragraph of section 六.
  const std::vector<xxgk::SourceDiagnostic> diagnostics = xxgk::lint_source(document, {});
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].diagnostic.rule->id, std::string_view("C406"));
  EXPECT_EQ(diagnostics[0].location.kind, xxgk::SourceLocation::Kind::Paragraph);
  EXPECT_GT(diagnostics[0].location.paragraph, 10u);
}

TEST(DocxReader, EditedDefectsAreReportedAtTheirParagraphOrCell) {
  const std::vector<xxgk::SourceDiagnostic> diagnostics =
      xxgk::lint_source(xxgk::read_docx(read_fixture("documents/pingtan_2024-defects.docx")), {});
  const xxgk::SourceDiagnostic* heading = find_rule(diagnostics, "S105");
  ASSERT_NE(heading, nullptr);
  // Paragraph 1 is the title, 2 the preamble, 3 the heading 一、.
  EXPECT_EQ(xxgk::describe_location(heading->location), "第3段");
  const xxgk::SourceDiagnostic* total = find_rule(diagnostics, "A301");
  ASSERT_NE(total, nullptr);
  // Table 三 of the report is the document's second table: three header rows, R01 and R02, then the 22 rows of
  // 三、本年度办理结果 of which 总计 is the last, less the removed 2.重复申请: row 26; the total column is the grid's
  // tenth.
  EXPECT_EQ(xxgk::describe_location(total->location), "表二 第26行 第10列");
  const xxgk::SourceDiagnostic* row = find_rule(diagnostics, "T202");
  ASSERT_NE(row, nullptr);
  EXPECT_THAT(row->diagnostic.message, HasSubstr("重复申请"));
  EXPECT_EQ(count_rule(diagnostics, "T202"), 1);
  EXPECT_EQ(row->location.kind, xxgk::SourceLocation::Kind::TableCell);
  EXPECT_EQ(row->location.table, 2u);
  const xxgk::SourceDiagnostic* fee = find_rule(diagnostics, "C406");
  ASSERT_NE(fee, nullptr);
  EXPECT_EQ(fee->diagnostic.severity, xxgk::Severity::Error);
  EXPECT_EQ(fee->location.kind, xxgk::SourceLocation::Kind::Paragraph);
}

TEST(DocxReader, HeadingsNumberedByWordsListGetTheirNumbers) {
  const xxgk::SourceDocument document = xxgk::read_docx(read_fixture("documents/numbered.docx"));
  EXPECT_EQ(document.text,
            "某某局2024年政府信息公开工作年度报告\n\n一、总体情况\n\n正文。\n\n二、主动公开政府信息情况\n");
  const xxgk::Report report = xxgk::build_report(document.text, {});
  ASSERT_EQ(report.sections.size(), 2u);
  EXPECT_EQ(report.sections[1].number, 2);
}

// Word's numbered heading styles: the list comes with the paragraph style (styles.xml), not with each paragraph.
TEST(DocxReader, ListNumbersOfAParagraphStyleAreRead) {
  const std::string numbering =
      "<w:numbering xmlns:w=\"w\"><w:abstractNum w:abstractNumId=\"7\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
      "<w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl><w:lvl w:ilvl=\"1\">"
      "<w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl>"
      "</w:abstractNum><w:num w:numId=\"3\"><w:abstractNumId w:val=\"7\"/></w:num></w:numbering>";
  const std::string styles =
      "<w:styles xmlns:w=\"w\"><w:style w:styleId=\"Heading1\"><w:pPr><w:numPr><w:numId w:val=\"3\"/></w:numPr>"
      "</w:pPr></w:style></w:styles>";
  const std::string heading = "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>";
  const std::string item = "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr><w:r><w:t>";
  const std::string body = heading + "总体情况</w:t></w:r></w:p>" + item + "主动公开</w:t></w:r></w:p>" + item +
                           "依申请公开</w:t></w:r></w:p>" + heading + "主动公开政府信息情况</w:t></w:r></w:p>" + item +
                           "规章</w:t></w:r></w:p>";
  const xxgk::SourceDocument document = xxgk::read_docx(zip(
      {{"word/document.xml", document_xml(body)}, {"word/numbering.xml", numbering}, {"word/styles.xml", styles}}));
  EXPECT_EQ(document.text,
            "一、总体情况\n\n（一）主动公开\n\n（二）依申请公开\n\n二、主动公开政府信息情况\n\n（一）规章\n");
}

TEST(DocxReader, MergedCellsRunsAndFieldsAreReadOntoTheGrid) {
  const std::string body =
      "<w:p><w:r><w:t>一、</w:t></w:r><w:hyperlink><w:r><w:t>总体情况</w:t></w:r></w:hyperlink></w:p>"
      "<w:p><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>正文</w:t></w:r><w:del><w:r><w:delText>删</w:delText>"
      "</w:r></w:del><w:ins><w:r><w:t>补</w:t></w:r></w:ins></w:p>"
      "<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>三、</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>本年度</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r>"
      "<w:t>（一）予以公开</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc></w:tr>"
      "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>（二）</w:t></w:r></w:p></w:tc>"
      "<w:tc><w:p><w:r><w:t>部分</w:t></w:r><w:r><w:br/><w:t>公开</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r>"
      "<w:t>3</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
  const xxgk::SourceDocument document = xxgk::read_docx(zip({{"word/document.xml", document_xml(body)}}));
  EXPECT_EQ(document.text, "一、总体情况\n\n正文补\n\n三、本年度\t（一）予以公开\t\t12\n\t（二）\t部分公开\t3\n");
  const size_t cell = document.text.find("部分");
  const xxgk::SourceLocation location = xxgk::location_of(document, cell);
  EXPECT_EQ(xxgk::describe_location(location), "表一 第2行 第3列");
}

TEST(DocxReader, HostileDocumentsAreRefusedWithAMessage) {
  auto refusal = [](const std::string& bytes) {
    try {
      (void)xxgk::read_docx(bytes);
    } catch (const xxgk::SourceReadError& error) {
      return std::string(error.what());
    }
    return std::string("read");
  };
  const std::string real = read_fixture("documents/pingtan_2024.docx");
  EXPECT_THAT(refusal("PK\x03\x04"), HasSubstr("ZIP"));
  EXPECT_THAT(refusal(real.substr(0, real.size() / 2)), HasSubstr("ZIP"));
  // Bytes of word/document.xml's compressed data flipped: it does not inflate, or not to XML.
  std::string flipped = real;
  const size_t part = real.find("word/document.xml") + 200;
  for (size_t i = part; i < part + 2000; i += 7) flipped[i] = static_cast<char>(~flipped[i]);
  EXPECT_NE(refusal(flipped), "read");
  EXPECT_THAT(refusal(zip({{"word/other.xml", "<x/>"}})), HasSubstr("word/document.xml"));
  // A zip bomb: 80 MiB of zeros deflate to 80 KB; the reader stops at its bound instead of unpacking it all.
  EXPECT_THAT(refusal(zip({{"word/document.xml", std::string(80u << 20, '0')}})), HasSubstr("too much data"));
  // "Billion laughs": entities are not expanded (pugixml reads no DTD entities), so it is read as the little text
  // it holds, at once.
  const std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"hahahahaha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
      "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]><w:document xmlns:w=\"x\"><w:body><w:p><w:r><w:t>&c;</w:t></w:r>"
      "</w:p></w:body></w:document>";
  const std::string verdict = refusal(zip({{"word/document.xml", laughs}}));
  EXPECT_TRUE(verdict == "read" || verdict.find("XML") != std::string::npos) << verdict;
  EXPECT_THAT(refusal(zip({{"word/document.xml", "<w:document><w:body><w:p>"}})), HasSubstr("XML"));
}

// Every table's data rows as the model reads them: the row each is recognised as, whether it has its values, and
// the values as written. Header rows and the label cells of merged cells are left out: a PDF keeps no table
// structure (its rulings are not in poppler's text layer), so those are rebuilt only as far as positions allow.
std::string data_rows(std::string_view text) {
  const xxgk::Report report = xxgk::build_report(text, {});
  std::string out;
  for (const xxgk::Table& table : report.tables) {
    out += "table " + (table.spec ? table.spec->id : std::string("?")) + " in " + std::to_string(table.section) + "\n";
    for (const xxgk::Row& row : table.rows) {
      if (row.kind != xxgk::RowKind::Data) continue;
      out += "  " + std::to_string(row.canonical) + (row.complete ? ":" : " (incomplete):");
      for (const size_t cell : row.value_cells) out += std::string(report.slice(row.cells[cell].range)) + "|";
      out += "\n";
    }
  }
  return out;
}

std::vector<std::string> rule_ids(const std::vector<xxgk::Diagnostic>& diagnostics) {
  std::vector<std::string> ids;
  for (const xxgk::Diagnostic& diagnostic : diagnostics) ids.emplace_back(diagnostic.rule->id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

TEST(PdfReader, ReportExportedFromWordGivesTheTablesOfItsTextVersion) {
  const xxgk::SourceDocument document = xxgk::read_pdf(read_fixture("documents/pingtan_2024.pdf"));
  const std::string text = read_fixture("html/pingtan_2024.txt");
  // Every data row of tables 一 to 四 is recognised, complete, with the values of the text version: among them the
  // rows whose labels wrap over several lines set beside or around their values, and the row of table 三 that the
  // page break cuts in two.
  EXPECT_EQ(data_rows(document.text), data_rows(text));
  // The same findings as the text version, at a page and line. The header rows of tables 三 and 四 (cells merged
  // over rows and columns, or written one character a line) are not rebuilt from positions: the model says so, and
  // T208 leaves them alone instead of calling them incomplete.
  std::vector<xxgk::Diagnostic> findings;
  for (const xxgk::SourceDiagnostic& entry : xxgk::lint_source(document, {})) {
    EXPECT_EQ(entry.location.kind, xxgk::SourceLocation::Kind::PageLine);
    findings.push_back(entry.diagnostic);
  }
  EXPECT_EQ(rule_ids(findings), rule_ids(xxgk::lint(text, {})));
  ASSERT_TRUE(document.merged_cells_lost);
  const xxgk::Report report = xxgk::build_report(document.text, {.merged_cells_lost = true});
  for (const char* id : {"table3", "table4"}) {
    ASSERT_NE(report.table(id), nullptr) << id;
    EXPECT_TRUE(report.table(id)->header_unreliable) << id;
  }
  // Table 二's block headers are single rows without merged cells: read as written, and still judged.
  ASSERT_NE(report.table("table2"), nullptr);
  EXPECT_FALSE(report.table("table2")->header_unreliable);
  EXPECT_FALSE(xxgk::build_report(document.text, {}).table("table3")->header_unreliable);
}

TEST(PdfReader, ReportExportedFromWordGivesItsSectionsAndProse) {
  const xxgk::SourceDocument document = xxgk::read_pdf(read_fixture("documents/pingtan_2024.pdf"));
  const xxgk::Report report = xxgk::build_report(document.text, {});
  ASSERT_TRUE(report.title);
  EXPECT_EQ(report.title->text, "平潭综合实验区2024年度政府信息公开工作年度报告");
  ASSERT_EQ(report.sections.size(), 6u);
  for (int n = 1; n <= 6; ++n) EXPECT_EQ(report.sections[n - 1].number, n);
  // Table 二 is rebuilt from the text boxes' positions with its values in their columns.
  const xxgk::Table* table2 = report.table("table2");
  ASSERT_NE(table2, nullptr);
  const xxgk::Row* permits = table2->row_for("行政许可");
  ASSERT_NE(permits, nullptr);
  ASSERT_TRUE(permits->complete);
  EXPECT_EQ(permits->value(0)->value.number, 4529);
  // Table 三 as LibreOffice lays it out (narrow columns, wrapped labels, vertical group labels, a row broken by the
  // page): the rows with values are rebuilt, so its arithmetic is checked and holds.
  const xxgk::Table* table3 = report.table("table3");
  ASSERT_NE(table3, nullptr);
  const xxgk::Row* total = table3->row_for("R24");
  ASSERT_NE(total, nullptr);
  ASSERT_TRUE(total->complete);
  EXPECT_EQ(total->value(0)->value.number, 217);
  EXPECT_EQ(total->value(6)->value.number, 218);
  for (const xxgk::SourceDiagnostic& entry : xxgk::lint_source(document, {}))
    EXPECT_NE(entry.diagnostic.rule->id[0], 'A') << entry.diagnostic.message;
  // The prose reads as on the page: the overview's paragraph with the figure the rules compare with the tables.
  EXPECT_THAT(document.text, HasSubstr("\n\n（二）依申请公开方面。规范做好申请登记、审查、办理、答复、归档等工作，"));
  EXPECT_THAT(document.text, HasSubstr("全年办理政府信息公开申请218件。\n\n"));
}

std::vector<std::string> rule_ids(const std::vector<xxgk::SourceDiagnostic>& diagnostics) {
  std::vector<xxgk::Diagnostic> plain;
  for (const xxgk::SourceDiagnostic& entry : diagnostics) plain.push_back(entry.diagnostic);
  return rule_ids(plain);
}

TEST(PdfReader, EditedDefectsAreReportedAtTheirPageAndLine) {
  const std::vector<xxgk::SourceDiagnostic> diagnostics =
      xxgk::lint_source(xxgk::read_pdf(read_fixture("documents/pingtan_2024-defects.pdf")), {});
  // The four defects and nothing else, as in the Word document the PDF was exported from: the removed row of
  // table 三 is one missing row, not a table broken in two (its row 1.申请人无正当理由…, whose label of two
  // paragraphs runs over the page break, stays one row).
  EXPECT_EQ(rule_ids(diagnostics),
            rule_ids(xxgk::lint_source(xxgk::read_docx(read_fixture("documents/pingtan_2024-defects.docx")), {})));
  const xxgk::SourceDiagnostic* heading = find_rule(diagnostics, "S105");
  ASSERT_NE(heading, nullptr);
  // Line 1 is the title, 2–7 the preamble.
  EXPECT_EQ(xxgk::describe_location(heading->location), "第1页 第8行");
  EXPECT_EQ(count_rule(diagnostics, "T202"), 1);
  const xxgk::SourceDiagnostic* row = find_rule(diagnostics, "T202");
  ASSERT_NE(row, nullptr);
  EXPECT_THAT(row->diagnostic.message, HasSubstr("“2.重复申请”"));
  // At the row it belongs before, 3.要求提供公开出版物: the 17th line of page 3.
  EXPECT_EQ(xxgk::describe_location(row->location), "第3页 第17行");
  const xxgk::SourceDiagnostic* total = find_rule(diagnostics, "A301");
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(xxgk::describe_location(total->location), "第4页 第10行");  // （七）总计, under the row the page cut
  const xxgk::SourceDiagnostic* fee = find_rule(diagnostics, "C406");
  ASSERT_NE(fee, nullptr);
  EXPECT_EQ(fee->location.kind, xxgk::SourceLocation::Kind::PageLine);
  EXPECT_EQ(fee->location.page, 4u);  // section 六 ends the last page
}

// The errors and warnings among the findings (rule ids, each as often as it is found): what the reader's layout must
// not change. Info findings are left out: some judge how the source is written (a paragraph cut by the page).
std::vector<std::string> errors_and_warnings(const std::vector<xxgk::SourceDiagnostic>& diagnostics) {
  std::vector<xxgk::Diagnostic> kept;
  for (const xxgk::SourceDiagnostic& entry : diagnostics)
    if (entry.diagnostic.severity != xxgk::Severity::Info) kept.push_back(entry.diagnostic);
  return rule_ids(kept);
}

TEST(PdfReader, PublishedReportsInWordAndPdfGiveTheFindingsOfTheirWebPage) {
  // Five more published pages converted as make-fixtures.sh does, each with its own table layout: labels wrapped
  // over two to four lines around their values, labels of two paragraphs, a group label beside numbered labels
  // (（六）其他处理 / 1.申请人…), group labels set a character a line or cut by the page (三、本年度办理结果,
  // （五）不予处 / 理), rows and tables ending at the foot of a page with a heading atop the next.
  for (const char* name :
       {"pingtan_2023", "pingtan_2025", "pingtan-czj_2024", "pingtan-gyz_2023", "pingtan-hzs_2024"}) {
    SCOPED_TRACE(name);
    const std::string page = std::string("html/") + name + ".html", document = std::string("documents/") + name;
    const std::vector<std::string> expected =
        errors_and_warnings(xxgk::lint_source(xxgk::read_html(read_fixture(page)), {}));
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(errors_and_warnings(xxgk::lint_source(xxgk::read_docx(read_fixture(document + ".docx")), {})), expected);
    const xxgk::SourceDocument pdf = xxgk::read_pdf(read_fixture(document + ".pdf"));
    EXPECT_EQ(data_rows(pdf.text), data_rows(xxgk::read_html(read_fixture(page)).text));
    EXPECT_EQ(errors_and_warnings(xxgk::lint_source(pdf, {})), expected);
  }
  // The two errors of pingtan-hzs_2024 at their page and line: the overview's "行政复议1起" (C404, against table
  // 四's total 0) and the row of table 四 whose total is not the sum of its results (A304).
  const std::vector<xxgk::SourceDiagnostic> hzs =
      xxgk::lint_source(xxgk::read_pdf(read_fixture("documents/pingtan-hzs_2024.pdf")), {});
  const xxgk::SourceDiagnostic* prose = find_rule(hzs, "C404");
  ASSERT_NE(prose, nullptr);
  EXPECT_EQ(xxgk::describe_location(prose->location), "第1页 第21行");
  const xxgk::SourceDiagnostic* total = find_rule(hzs, "A304");
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(xxgk::describe_location(total->location), "第3页 第30行");
}

TEST(PdfReader, PdfWithoutTextAndBrokenPdfAreRefused) {
  // One page, no text: what a scanner without OCR writes (its image left out).
  const std::string blank =
      "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
      "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
  try {
    (void)xxgk::read_pdf(blank);
    ADD_FAILURE() << "a PDF without text was read";
  } catch (const xxgk::SourceReadError& error) {
    EXPECT_THAT(error.what(), HasSubstr("no text layer"));
  }
  EXPECT_THROW((void)xxgk::read_pdf("%PDF-1.7\n%garbage"), xxgk::SourceReadError);
  const std::string real = read_fixture("documents/pingtan_2024.pdf");
  EXPECT_THROW((void)xxgk::read_pdf(real.substr(0, 400)), xxgk::SourceReadError);
}

TEST(PdfLayout, BoxesBecomeLinesCellsAndParagraphs) {
  // A wrapped paragraph (the first line reaches the margin), a heading after paragraph spacing, then a table row
  // whose label wraps onto a second line beside its value.
  const std::vector<xxgk::PdfTextBox> page = {
      {"本机关认真落实条例，全年主动公开信息", 50, 100, 500, 115},
      {"10407", 50, 114, 80, 129},
      {"条。", 82, 114, 106, 129},
      {"二、主动公开政府信息情况", 50, 150, 200, 165},
      {"行政规范性", 50, 190, 110, 205},
      {"62", 200, 197, 215, 212},
      {"文件", 50, 204, 74, 219},
  };
  const xxgk::SourceDocument document = xxgk::layout_pdf_pages({page});
  EXPECT_EQ(document.text, "本机关认真落实条例，全年主动公开信息10407条。\n\n二、主动公开政府信息情况\n\n行政规范性文件\t62\n");
  EXPECT_EQ(xxgk::describe_location(xxgk::location_of(document, document.text.find("二、"))), "第1页 第3行");
}

TEST(PdfLayout, LabelsSetAroundTheirValuesJoinTheirRow) {
  // A group label set in the middle of its merged cell, cut over two rows ("（三）不予公" / "开"); then a row whose
  // label (with its own item number, right under the row above) wraps over two lines above its values.
  const std::vector<xxgk::PdfTextBox> page = {
      {"（三）不予公", 144, 100, 180, 115.6}, {"1.属于国家秘密", 185, 100, 260, 115.6},
      {"4", 292, 100, 300, 115.6},          {"4", 332, 100, 340, 115.6},
      {"开", 144, 114.1, 156, 129.7},       {"2.其他", 185, 114.1, 220, 129.7},
      {"0", 292, 114.1, 300, 129.7},        {"0", 332, 114.1, 340, 129.7},
      {"5.属于三类", 185, 128.2, 240, 143.8},
      {"内部事务信息", 185, 142.3, 250, 157.9},
      {"32", 292, 156.4, 305, 172},         {"32", 332, 156.4, 345, 172},
      {"五、存在的主要问题及改进情况", 50, 200, 230, 215.6},
  };
  EXPECT_EQ(xxgk::layout_pdf_pages({page}).text,
            "（三）不予公开\t1.属于国家秘密\t4\t4\n2.其他\t0\t0\n5.属于三类内部事务信息\t32\t32\n\n"
            "五、存在的主要问题及改进情况\n");
}

TEST(PdfLayout, ALabelOfTwoParagraphsCutByThePageStaysInItsRow) {
  // The label "1.申请人…行政机关" / "不再处理其政府信息公开申请" is two paragraphs of one cell: paragraph spacing, as
  // wide as the space between rows, then its second paragraph at the foot of the page and over onto the next. The
  // next row's label (with its item number) stands above its values.
  const std::vector<xxgk::PdfTextBox> first = {
      {"（六）", 144, 719.8, 180, 735.4},           {"1.申请人无正当理", 185, 719.8, 281, 735.4},
      {"1", 292, 719.7, 300, 735.3},                {"1", 332, 719.7, 340, 735.3},
      {"由逾期不补正、行", 185, 733.9, 281, 749.5},
      {"政机关", 185, 748.0, 221, 763.6},           {"不再处理其政府信", 185, 776.2, 281, 791.8},
  };
  const std::vector<xxgk::PdfTextBox> second = {
      {"息公开申请", 185, 28.5, 245, 44.1},  {"2.申请人逾期未按", 185, 58.4, 281, 74.0},
      {"收费通知", 185, 72.5, 233, 88.1},    {"0", 292, 86.5, 300, 102.1},
      {"0", 332, 86.5, 340, 102.1},          {"3.其他", 185, 116.5, 221, 132.1},
      {"1", 292, 116.5, 300, 132.1},         {"1", 332, 116.5, 340, 132.1},
  };
  EXPECT_EQ(xxgk::layout_pdf_pages({first, second}).text,
            "（六）\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t1\t1\n"
            "2.申请人逾期未按收费通知\t0\t0\n3.其他\t1\t1\n");
}

TEST(PdfLayout, ValuesBesideALaterLineOfTheirLabelJoinIt) {
  // A label wrapped over four lines with its values beside the second; then, beside the group label (（六）/其他处/理),
  // a numbered label whose first line comes right under the label above and whose values stand beside its second.
  const std::vector<xxgk::PdfTextBox> page = {
      {"5.其他", 157.5, 223.3, 200.0, 238.9},           {"0", 292.7, 223.3, 300.3, 238.9},
      {"1.申请人无正当理由逾", 157.5, 253.7, 276.9, 269.3}, {"期不补正、行政机关不", 157.5, 267.8, 277.5, 283.4},
      {"0", 292.7, 274.8, 300.3, 290.4},                {"再处理其政府信息公开", 157.5, 281.9, 277.5, 297.5},
      {"申请", 157.5, 296.0, 181.5, 311.6},             {"（六）", 113.1, 312.3, 149.1, 327.9},
      {"其他处", 113.1, 326.4, 149.1, 342.0},           {"2.申请人逾期未按收费", 157.5, 326.4, 276.9, 342.0},
      {"理", 113.1, 340.5, 125.1, 356.1},               {"通知要求缴纳费用、行", 157.5, 340.5, 277.5, 356.1},
      {"1", 292.7, 347.5, 300.3, 363.1},                {"政机关不再处理其政府", 157.5, 354.6, 277.5, 370.2},
      {"信息公开申请", 157.5, 368.7, 229.5, 384.3},     {"3.其他", 157.5, 399.1, 192.9, 414.7},
      {"2", 292.7, 399.0, 300.3, 414.6},
  };
  EXPECT_EQ(xxgk::layout_pdf_pages({page}).text,
            "5.其他\t0\n（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\n"
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t1\n3.其他\t2\n");
}

TEST(PdfLayout, ALabelCentredOnItsValuesTakesItsSecondParagraphAndGoesOnOverThePage) {
  // Label, group label and values each set in the middle of the row: the values stand beside the label's third
  // line, its second paragraph follows after paragraph spacing. The next row's label runs over the page, in two
  // paragraphs, down to the next row's item number.
  const std::vector<xxgk::PdfTextBox> first = {
      {"4.其他", 185.5, 645.0, 221.0, 660.6},      {"0", 292.2, 645.0, 299.8, 660.6},
      {"（六）", 144.3, 689.0, 180.3, 704.6},      {"1.申请人无正当理", 185.5, 689.0, 281.0, 704.6},
      {"其他处", 144.3, 703.1, 180.3, 718.7},      {"由逾期不补正、行", 185.5, 703.1, 281.5, 718.7},
      {"理", 144.3, 717.2, 156.3, 732.8},          {"政机关", 185.5, 717.2, 221.5, 732.8},
      {"8", 292.2, 724.2, 299.8, 739.8},           {"不再处理其政府信", 185.5, 745.4, 281.5, 761.0},
      {"息公开申请", 185.5, 759.5, 245.5, 775.1},  {"2.申请人逾期未按", 185.5, 789.4, 281.0, 805.0},
      {"2", 292.2, 789.3, 299.8, 804.9},
  };
  const std::vector<xxgk::PdfTextBox> second = {
      {"收费通知要求缴纳", 185.5, 28.5, 281.5, 44.1},  {"费用、", 185.5, 42.6, 221.5, 58.2},
      {"行政机关不再处理", 185.5, 70.8, 281.5, 86.4},  {"其政府信息公开申请", 185.5, 84.9, 281.5, 100.5},
      {"3.其他", 185.5, 128.9, 221.0, 144.5},          {"1", 292.2, 128.9, 299.8, 144.5},
  };
  EXPECT_EQ(xxgk::layout_pdf_pages({first, second}).text,
            "4.其他\t0\n（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t8\n"
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t2\n3.其他\t1\n");
}

TEST(PdfLayout, AGroupLabelCutByThePageJoinsAndAHeadingAtopThePageIsProse) {
  // The group label （五）不予处理 runs over the page: its last character stands beside the second row of the next
  // page. The table ends the page; the next page opens with a heading in the table's label column, then a table.
  const std::vector<xxgk::PdfTextBox> first = {
      {"（五", 142.8, 745.1, 166.8, 760.7}, {"1.信访举报投诉", 180.9, 745.1, 264.4, 760.7},
      {"0", 277.1, 752.1, 284.7, 767.7},    {"）不", 142.8, 759.2, 166.8, 774.8},
      {"类申请", 180.9, 759.2, 216.9, 774.8}, {"予处", 142.8, 773.3, 166.8, 788.9},
      {"2.重复申请", 180.9, 789.6, 240.4, 805.2}, {"1", 277.1, 789.5, 284.7, 805.1},
  };
  const std::vector<xxgk::PdfTextBox> second = {
      {"3.要求提供公开", 180.9, 59.3, 264.4, 74.9}, {"0", 277.1, 66.3, 284.7, 81.9},
      {"出版物", 180.9, 73.4, 216.9, 89.0},         {"4.无正当理由大", 180.9, 103.8, 264.4, 119.4},
      {"0", 277.1, 110.8, 284.7, 126.4},            {"理", 142.8, 117.9, 154.8, 133.5},
      {"量反复申请", 180.9, 117.9, 240.9, 133.5},
  };
  const std::vector<xxgk::PdfTextBox> third = {
      {"第二十条第（五）项", 180.9, 30.4, 288.9, 46.0}, {"信息内容", 180.9, 62.2, 228.9, 77.8},
      {"本年处理决定数量", 300.0, 62.2, 396.0, 77.8},   {"行政许可", 180.9, 94.0, 228.9, 109.6},
      {"3", 300.0, 93.9, 307.6, 109.5},
  };
  EXPECT_EQ(xxgk::layout_pdf_pages({first, second, third}).text,
            "（五）不予处理\t1.信访举报投诉类申请\t0\n2.重复申请\t1\n3.要求提供公开出版物\t0\n"
            "4.无正当理由大量反复申请\t0\n\n第二十条第（五）项\n\n信息内容\t本年处理决定数量\n行政许可\t3\n");
}

}  // namespace
