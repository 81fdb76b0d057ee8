// `check` and `fix` on reports in the formats they are published in: a real web page checked at its own line:column
// in every output format, directory walks that include pages, a run that finds nothing to check, fix refusing them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_test_support.h"

namespace xxgk::cli_test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

std::string page_fixture(const std::string& name) { return read_file(fixtures_dir() / ".." / "html" / name); }

class PublishedTest : public testing::Test {
 protected:
  TempDir dir;
};

// pingtan_2024.html (a real published page) has one finding, the fee statement (C406), in the page's line 357.
TEST_F(PublishedTest, WebPageIsCheckedAtItsSourceLineAndColumn) {
  write_file(dir / "pingtan_2024.html", page_fixture("pingtan_2024.html"));
  RunResult result = run_lint({"check", "--no-progress", "pingtan_2024.html"}, dir.path());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("pingtan_2024.html:357:13804: warning[C406]"));
  EXPECT_THAT(result.out, HasSubstr("(1 file: 0 errors, 1 warning, 0 info)"));

  RunResult json = run_lint({"check", "--no-progress", "--format", "json", "pingtan_2024.html"}, dir.path());
  const nlohmann::json document = nlohmann::json::parse(json.out);
  const nlohmann::json& diagnostic = document["files"][0]["diagnostics"][0];
  EXPECT_EQ(diagnostic["rule"], "C406");
  EXPECT_EQ(diagnostic["line"], 357);
  EXPECT_EQ(diagnostic["column"], 13804);
  EXPECT_TRUE(diagnostic["fixes"].empty());
  EXPECT_FALSE(diagnostic.contains("location"));

  RunResult sarif = run_lint({"check", "--no-progress", "--format", "sarif", "pingtan_2024.html"}, dir.path());
  const nlohmann::json region =
      nlohmann::json::parse(sarif.out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(region["startLine"], 357);
  EXPECT_EQ(region["startColumn"], 13804);

  RunResult github = run_lint({"check", "--no-progress", "--format", "github", "pingtan_2024.html"}, dir.path());
  EXPECT_THAT(github.out, HasSubstr("::warning file=pingtan_2024.html,line=357,col=13804,"));
}

// A defect edited into the page is an error at the edited cell; the GBK page gives the same positions.
TEST_F(PublishedTest, EditedDefectAndGbkPageReportTheSamePlace) {
  std::string page = page_fixture("pingtan_2024.html");
  const size_t cell = page.find(">218<", page.find("（七）总计")) + 1;
  page.replace(cell, 3, "219");
  write_file(dir / "edited.html", page);
  // Served as GBK while its <meta> still says UTF-8, as happens when a site converts its pages: read as GB18030.
  write_file(dir / "edited-gbk.htm", encode(page, "GB18030"));
  RunResult utf8 = run_lint({"check", "--no-progress", "edited.html"}, dir.path());
  RunResult gb = run_lint({"check", "--no-progress", "edited-gbk.htm"}, dir.path());
  EXPECT_EQ(utf8.exit_code, 1);
  EXPECT_EQ(gb.exit_code, 1);
  // Line 357 of the page holds table 三; the error is reported there, the same in both encodings.
  EXPECT_THAT(utf8.out, HasSubstr("edited.html:357:"));
  std::string gb_out = gb.out;
  for (size_t at = gb_out.find("edited-gbk.htm"); at != std::string::npos; at = gb_out.find("edited-gbk.htm", at))
    gb_out.replace(at, 14, "edited.html");
  EXPECT_EQ(gb_out, utf8.out);
}

TEST_F(PublishedTest, DirectoryWalkIncludesPagesAndANothingToCheckRunExitsTwo) {
  write_file(dir / "reports/pingtan_2024.html", page_fixture("pingtan_2024.html"));
  write_file(dir / "reports/notes.json", "{}");
  RunResult walked = run_lint({"check", "--no-progress", "reports"}, dir.path());
  EXPECT_THAT(walked.out, HasSubstr("reports/pingtan_2024.html:357:"));
  EXPECT_THAT(walked.out, HasSubstr("(1 file:"));

  fs::create_directories(dir / "empty");
  write_file(dir / "empty/readme.json", "{}");
  RunResult nothing = run_lint({"check", "--no-progress", "empty"}, dir.path());
  EXPECT_EQ(nothing.exit_code, 2);
  EXPECT_THAT(nothing.err, HasSubstr("no file to check"));
}

TEST_F(PublishedTest, FixRefusesPublishedFormatsAndChangesNothing) {
  const std::string page = page_fixture("markup.html");
  write_file(dir / "report.html", page);
  RunResult result = run_lint({"fix", "report.html"}, dir.path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("report.html: 是 HTML 文件，fix 不修改"));
  EXPECT_EQ(read_file(dir / "report.html"), page);
}

std::string document_fixture(const std::string& name) {
  return read_file(fixtures_dir() / ".." / "documents" / name);
}

// A Word report with four defects edited in (tests/fixtures/documents/make-fixtures.sh): each named by the place a
// user finds in Word.
TEST_F(PublishedTest, WordDocumentDiagnosticsNameParagraphsAndTableCells) {
  write_file(dir / "report.docx", document_fixture("pingtan_2024-defects.docx"));
  RunResult text = run_lint({"check", "--no-progress", "report.docx"}, dir.path());
  EXPECT_EQ(text.exit_code, 1) << text.err;
  EXPECT_THAT(text.out, HasSubstr("report.docx:第3段: warning[S105]"));
  EXPECT_THAT(text.out, HasSubstr("report.docx:表二 第26行 第10列: error[A301]"));

  RunResult json = run_lint({"check", "--no-progress", "--format", "json", "report.docx"}, dir.path());
  bool found = false;
  const nlohmann::json document = nlohmann::json::parse(json.out);
  for (const nlohmann::json& diagnostic : document["files"][0]["diagnostics"]) {
    if (diagnostic["rule"] != "A301") continue;
    found = true;
    EXPECT_EQ(diagnostic["location"]["table"], 2);
    EXPECT_EQ(diagnostic["location"]["row"], 26);
    EXPECT_EQ(diagnostic["location"]["column"], 10);
    EXPECT_EQ(diagnostic["location"]["description"], "表二 第26行 第10列");
  }
  EXPECT_TRUE(found) << json.out;

  RunResult sarif = run_lint({"check", "--no-progress", "--format", "sarif", "report.docx"}, dir.path());
  EXPECT_THAT(sarif.out, HasSubstr("\"name\": \"第3段\""));
  RunResult github = run_lint({"check", "--no-progress", "--format", "github", "report.docx"}, dir.path());
  EXPECT_THAT(github.out, HasSubstr("::error file=report.docx,title=A301 row-total 表二 第26行 第10列::"));

  const std::string before = read_file(dir / "report.docx");
  EXPECT_EQ(run_lint({"fix", "report.docx"}, dir.path()).exit_code, 2);
  EXPECT_EQ(read_file(dir / "report.docx"), before);
}

TEST_F(PublishedTest, CorruptWordDocumentIsAClearErrorAndExitsTwo) {
  const std::string docx = document_fixture("pingtan_2024.docx");
  write_file(dir / "truncated.docx", docx.substr(0, docx.size() / 3));
  RunResult result = run_lint({"check", "--no-progress", "truncated.docx"}, dir.path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("truncated.docx: 不是有效的 DOCX 文件"));
}

TEST_F(PublishedTest, UnreadablePageIsAClearErrorAndExitsTwo) {
  std::string deep;
  for (int i = 0; i < 5'000; ++i) deep += "<div>";
  write_file(dir / "deep.html", deep);
  RunResult result = run_lint({"check", "--no-progress", "deep.html"}, dir.path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("deep.html: 网页元素嵌套过深"));
}

}  // namespace
}  // namespace xxgk::cli_test
