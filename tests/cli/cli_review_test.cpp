// Reviewing many reports at once, through the binary: the HTML review page, A306 across the files of a run,
// `compare`, baselines, and bad input (two reports of one agency and year, a year missing, an unreadable file in the
// middle, a corrupt baseline, 10,000 files). The page in a real browser: tests/e2e/review_page.sh.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "cli_test_support.h"

namespace xxgk::cli_test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::json;

// The consecutive-year pairs of tests/fixtures/review, copied into `directory`/reports.
void copy_year_pairs(const fs::path& directory) {
  fs::copy(fixtures_dir().parent_path() / "review", directory / "reports", fs::copy_options::recursive);
}

size_t count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

class ReviewTest : public ::testing::Test {
 protected:
  void SetUp() override { copy_year_pairs(dir_.path()); }
  RunResult lint(const std::vector<std::string>& args) { return run_lint(args, dir_.path()); }
  fs::path path(const std::string& relative) const { return dir_ / relative; }
  TempDir dir_;
};

// ---- A306 across the files of one run ----------------------------------------------------------------------------

TEST_F(ReviewTest, CarryOverIsCheckedAgainstLastYearsReportInTheSameRun) {
  RunResult result = lint({"check", "--no-progress", "reports/qingshan_2024.txt", "reports/qingshan_2023.txt"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr("reports/qingshan_2024.txt:42:19: error[A306] “上年结转”“自然人”栏为 3，而2023年报告"
                                    "（reports/qingshan_2023.txt）“结转下年度继续办理”为 2"));
  EXPECT_THAT(result.out, HasSubstr("reports/qingshan_2024.txt:42:31: error[A306]"));
  EXPECT_EQ(count(result.out, "[A306]"), 2u);
  // Checked alone, this year's report has nothing to compare with.
  RunResult alone = lint({"check", "--no-progress", "reports/qingshan_2024.txt"});
  EXPECT_EQ(alone.exit_code, 0);
  EXPECT_THAT(alone.out, Not(HasSubstr("A306")));
}

TEST_F(ReviewTest, JsonAndSarifPointTheRelatedLocationAtLastYearsFile) {
  RunResult json = lint({"check", "--no-progress", "--format", "json", "reports/"});
  const Json document = Json::parse(json.out);
  size_t a306 = 0;
  for (const Json& file : document["files"])
    for (const Json& diagnostic : file["diagnostics"])
      if (diagnostic["rule"] == "A306") {
        ++a306;
        EXPECT_EQ(file["path"], "reports/qingshan_2024.txt");
        ASSERT_EQ(diagnostic["related"].size(), 1u);
        EXPECT_EQ(diagnostic["related"][0]["path"], "reports/qingshan_2023.txt");
        EXPECT_EQ(diagnostic["related"][0]["line"], 65);
      }
  EXPECT_EQ(a306, 2u);
  RunResult sarif = lint({"check", "--no-progress", "--format", "sarif", "reports/"});
  EXPECT_THAT(sarif.out, HasSubstr("\"uri\": \"reports/qingshan_2023.txt\""));
}

TEST_F(ReviewTest, TwoReportsClaimingTheSameAgencyAndYearAreNamedAndNotPaired) {
  fs::copy_file(path("reports/qingshan_2023.txt"), path("reports/qingshan_2023_copy.txt"));
  RunResult result = lint({"check", "--no-progress", "reports/"});
  EXPECT_THAT(result.out, Not(HasSubstr("A306")));
  EXPECT_THAT(result.err, HasSubstr("reports/qingshan_2023.txt: 与 reports/qingshan_2023_copy.txt 同为“青山市自然资源和规划局”"
                                    "2023年的报告"));
  EXPECT_THAT(result.err, HasSubstr("reports/qingshan_2023_copy.txt: 与 reports/qingshan_2023.txt 同为"));
  // Nothing else is lost: every file is still reported on.
  EXPECT_THAT(result.out, HasSubstr("共 5 个文件"));
}

TEST_F(ReviewTest, AReportWithoutAYearIsNamedAndTheRestChecked) {
  write_file(path("reports/undated.txt"), "青山市自然资源和规划局政府信息公开工作年度报告\n\n一、总体情况\n本局认真落实条例。\n");
  RunResult result = lint({"check", "--no-progress", "reports/"});
  EXPECT_THAT(result.err, HasSubstr("reports/undated.txt: 标题和统计期限中都没有年份，不与“青山市自然资源和规划局”其他年度的报告核对"));
  EXPECT_EQ(count(result.out, "[A306]"), 2u);
  EXPECT_THAT(result.out, HasSubstr("共 5 个文件"));
}

TEST_F(ReviewTest, ATitleWithoutItsYearIsPairedByItsStatisticsPeriod) {
  // Last year's title lost its year; the statistics period (自2023年1月1日起至2023年12月31日止) still gives it.
  std::string text = read_file(path("reports/qingshan_2023.txt"));
  const std::string dated_title = "青山市自然资源和规划局2023年政府信息公开工作年度报告";
  ASSERT_TRUE(text.starts_with(dated_title));
  text.replace(0, dated_title.size(), "青山市自然资源和规划局政府信息公开工作年度报告");
  write_file(path("reports/qingshan_2023.txt"), text);
  RunResult result = lint({"check", "--no-progress", "reports/qingshan_2023.txt", "reports/qingshan_2024.txt"});
  EXPECT_EQ(count(result.out, "[A306]"), 2u) << result.out;
  EXPECT_THAT(result.err, Not(HasSubstr("没有年份")));
}

// ---- the review page ---------------------------------------------------------------------------------------------

TEST_F(ReviewTest, ReviewPageIsOneSelfContainedEscapedPageCoveringEveryFile) {
  // A file name and a text that would be markup if they were not escaped.
  write_file(path("reports/<b>x&y.txt"), "某局2024年政府信息公开工作年度报告\n\n一、总体情况\n<script>alert(1)</script>\n");
  RunResult result = lint({"check", "--no-progress", "--format", "html", "reports/"});
  EXPECT_EQ(result.exit_code, 1);
  const std::string& page = result.out;
  EXPECT_TRUE(page.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">")) << page.substr(0, 100);
  EXPECT_TRUE(page.ends_with("</html>\n"));
  // Self-contained: no external script, style sheet, image or font, no network address at all.
  EXPECT_THAT(page, Not(HasSubstr(" src=")));
  EXPECT_THAT(page, Not(HasSubstr("<link")));
  EXPECT_THAT(page, Not(HasSubstr("url(")));
  EXPECT_THAT(page, Not(HasSubstr("http://")));
  EXPECT_EQ(count(page, "<script>"), 1u);
  EXPECT_THAT(page, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(page, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(page, HasSubstr("reports/&lt;b&gt;x&amp;y.txt"));
  // One summary row and one section per report.
  EXPECT_EQ(count(page, "<details class=\"report\""), 5u);
  EXPECT_THAT(page, HasSubstr("<td>青山市自然资源和规划局</td><td class=\"n\">2024</td><td class=\"verdict\">不通过 (fail)"));
  EXPECT_THAT(page, HasSubstr("<td>青山市自然资源和规划局</td><td class=\"n\">2023</td><td class=\"verdict\">通过 (pass)"));
  // The A306 diagnostic: its cell highlighted in its line, and a link to last year's report with the line there.
  const size_t item = page.find("<li class=\"diagnostic\" data-severity=\"error\" data-rule=\"A306\">");
  ASSERT_NE(item, std::string::npos);
  const std::string a306 = page.substr(item, page.find("</li></ul></li>", item) - item);
  EXPECT_THAT(a306, HasSubstr("<span class=\"ln\">42</span>二、上年结转政府信息公开申请数量\t\t<mark>3</mark>\t1"));
  const std::string link = "<ul class=\"related\"><li><a href=\"#";
  const size_t href = a306.find(link);
  ASSERT_NE(href, std::string::npos);
  const std::string anchor = a306.substr(href + link.size(), a306.find('"', href + link.size()) - href - link.size());
  EXPECT_THAT(a306, HasSubstr(anchor + "\">reports/qingshan_2023.txt</a>:65:14 "));
  EXPECT_THAT(a306, HasSubstr("<span class=\"ln\">65</span>四、结转下年度继续办理\t\t<mark>2</mark>"));
  EXPECT_NE(page.find("<details class=\"report\" id=\"" + anchor + "\"><summary>reports/qingshan_2023.txt"),
            std::string::npos);
  // Each rule that appears is documented once, and the totals list it.
  EXPECT_EQ(count(page, "<section class=\"rule-doc\" id=\"doc-A306\">"), 1u);
  EXPECT_THAT(page, HasSubstr("<tr><td><a href=\"#doc-A306\">A306</a></td><td>carry-over-across-years</td>"));
}

TEST_F(ReviewTest, ReviewPageListsAFileThatCouldNotBeReadAndTheOthersAroundIt) {
  write_file(path("reports/m_binary.txt"), std::string("%PDF-1.7\n\0\x01\x02 binary", 20));
  RunResult result = lint({"check", "--no-progress", "--format", "html", "reports/"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("reports/m_binary.txt: 不是文本文件"));
  EXPECT_THAT(result.out, HasSubstr("reports/m_binary.txt</a></td><td></td><td class=\"n\"></td><td class=\"verdict\">"
                                    "未检查 (not checked)：不是文本文件"));
  EXPECT_EQ(count(result.out, "<details class=\"report\""), 4u);
}

// ---- compare -----------------------------------------------------------------------------------------------------

TEST_F(ReviewTest, CompareShowsEveryFigureWithItsChangeAndTheCopiedSections) {
  RunResult text = lint({"compare", "reports/shizuishan_2022.txt", "reports/shizuishan_2023.txt"});
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("上年 (last year): 石嘴山高新技术产业开发区管理委员会 2022年"));
  EXPECT_THAT(text.out, HasSubstr("* 行政许可 / 本年处理决定数量: 114 → 130 (+16)\n"));
  EXPECT_THAT(text.out, HasSubstr("  1. 总体情况  相似度 (similarity) 1.00\n"));
  // One change, and the seven figures of the row that lacks a cell in both years (T204).
  EXPECT_THAT(text.out, HasSubstr("共 200 个数字，8 个有变化或缺失"));

  RunResult json = lint({"compare", "--format", "json", "reports/shizuishan_2022.txt", "reports/shizuishan_2023.txt"});
  const Json document = Json::parse(json.out);
  EXPECT_EQ(document["this"]["year"], 2023);
  EXPECT_EQ(document["figures"].size(), 200u);
  EXPECT_EQ(document["figures"][6]["row"], "行政许可");
  EXPECT_EQ(document["figures"][6]["change"], 16);
  EXPECT_EQ(document["figures"][6]["thisLine"], 31);
  EXPECT_EQ(document["sections"][0]["nearlySame"], true);

  RunResult html = lint({"compare", "--format", "html", "reports/shizuishan_2022.txt", "reports/shizuishan_2023.txt"});
  EXPECT_TRUE(html.out.starts_with("<!DOCTYPE html>"));
  EXPECT_THAT(html.out, HasSubstr("<td class=\"n up\">+16</td>"));
  EXPECT_THAT(html.out, HasSubstr("class=\"same\">内容雷同"));
  EXPECT_THAT(html.out, Not(HasSubstr("http://")));
}

TEST_F(ReviewTest, CompareSaysWhenTheReportsAreNotTwoYearsOfOneAgency) {
  RunResult result = lint({"compare", "reports/shizuishan_2022.txt", "reports/qingshan_2024.txt"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.out, HasSubstr("注意 (note): 两份报告的机关不同"));
  EXPECT_THAT(result.out, HasSubstr("注意 (note): 两份报告的年份不相邻：2022年与2024年"));
}

TEST_F(ReviewTest, CompareRefusesAMissingFileAndAWrongNumberOfArguments) {
  RunResult missing = lint({"compare", "reports/none.txt", "reports/qingshan_2024.txt"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("reports/none.txt"));
  EXPECT_EQ(lint({"compare", "reports/qingshan_2024.txt"}).exit_code, 2);
  EXPECT_EQ(lint({"compare", "--format", "sarif", "a", "b"}).exit_code, 2);
}

// ---- baselines ---------------------------------------------------------------------------------------------------

TEST_F(ReviewTest, ABaselineHidesTodaysFindingsEvenAfterLinesMoveAndShowsNewOnes) {
  RunResult written = lint({"check", "--no-progress", "--write-baseline", "baseline.txt", "reports/"});
  EXPECT_EQ(written.exit_code, 1);  // the run itself still reports everything
  const std::string baseline = read_file(path("baseline.txt"));
  EXPECT_TRUE(baseline.starts_with("# xxgk-lint baseline 1\n"));
  EXPECT_THAT(baseline, HasSubstr("reports/qingshan_2024.txt\tA306\t"));
  // Stable and sorted: written again, byte for byte the same.
  lint({"check", "--no-progress", "--write-baseline", "again.txt", "reports/"});
  EXPECT_EQ(read_file(path("again.txt")), baseline);
  // A checkout that turned its line ends into CRLF still reads it.
  std::string crlf;
  for (char c : baseline) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  write_file(path("crlf.txt"), crlf);
  EXPECT_EQ(lint({"check", "--no-progress", "--baseline", "crlf.txt", "reports/"}).exit_code, 0);

  RunResult clean = lint({"check", "--no-progress", "--baseline", "baseline.txt", "reports/"});
  EXPECT_EQ(clean.exit_code, 0) << clean.out;
  EXPECT_THAT(clean.out, HasSubstr("0 个错误，0 个警告，0 条提示"));

  // Lines inserted above every finding: still known. A new fault: reported, alone.
  std::string text = read_file(path("reports/shizuishan_2023.txt"));
  text.insert(text.find("一、总体情况"), "\n补充说明：本报告经审核后发布。\n\n");
  text.replace(text.find("一、总体情况"), std::string("一、总体情况").size(), "一、總體情況(草稿)");
  write_file(path("reports/shizuishan_2023.txt"), text);
  RunResult changed = lint({"check", "--no-progress", "--baseline", "baseline.txt", "reports/"});
  EXPECT_THAT(changed.out, Not(HasSubstr("T204")));
  EXPECT_THAT(changed.out, Not(HasSubstr("A306")));
  EXPECT_THAT(changed.out, HasSubstr("reports/shizuishan_2023.txt:"));
  EXPECT_THAT(changed.out, Not(HasSubstr("reports/shizuishan_2022.txt:")));
}

TEST_F(ReviewTest, ACorruptBaselineIsNamedAndEveryFindingReported) {
  RunResult full = lint({"check", "--no-progress", "reports/"});
  write_file(path("corrupt.txt"), "# xxgk-lint baseline 1\nreports/a.txt\tT204\n");
  RunResult corrupt = lint({"check", "--no-progress", "--baseline", "corrupt.txt", "reports/"});
  EXPECT_EQ(corrupt.exit_code, 2);
  EXPECT_THAT(corrupt.err, HasSubstr("corrupt.txt:2: 基线文件已损坏"));
  EXPECT_THAT(corrupt.err, HasSubstr("未使用基线，报告全部问题"));
  EXPECT_EQ(corrupt.out, full.out);

  write_file(path("future.txt"), "# xxgk-lint baseline 2\n");
  RunResult future = lint({"check", "--no-progress", "--baseline", "future.txt", "reports/"});
  EXPECT_EQ(future.exit_code, 2);
  EXPECT_THAT(future.err, HasSubstr("future.txt: 基线文件格式版本为“2”"));

  write_file(path("unknown_rule.txt"), "# xxgk-lint baseline 1\nreports/a.txt\tZ999\t0123456789abcdef\tx\n");
  EXPECT_THAT(lint({"check", "--no-progress", "--baseline", "unknown_rule.txt", "reports/"}).err,
              HasSubstr("unknown_rule.txt:2: 基线文件中的规则“Z999”不存在"));
  // An empty file, or a file that is no baseline at all, is not read as one that records nothing.
  write_file(path("empty.txt"), "");
  RunResult empty = lint({"check", "--no-progress", "--baseline", "empty.txt", "reports/"});
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_THAT(empty.err, HasSubstr("empty.txt: 不是 xxgk-lint 基线文件"));
  EXPECT_EQ(empty.out, full.out);
  write_file(path("foreign.txt"), "reports/qingshan_2024.txt:42:19: error[A306]\n");
  EXPECT_THAT(lint({"check", "--no-progress", "--baseline", "foreign.txt", "reports/"}).err,
              HasSubstr("foreign.txt: 不是 xxgk-lint 基线文件"));
  RunResult missing = lint({"check", "--no-progress", "--baseline", "none.txt", "reports/"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("none.txt: 无法读取基线文件"));
  EXPECT_EQ(lint({"check", "--baseline", "a", "--write-baseline", "b", "reports/"}).exit_code, 2);
  EXPECT_EQ(lint({"fix", "--baseline", "a", "reports/"}).exit_code, 2);
}

// ---- many files --------------------------------------------------------------------------------------------------

TEST_F(ReviewTest, TenThousandFilesWithAnUnreadableOneInTheMiddleAreAllCheckedAndListed) {
  const std::string report = "某局2024年政府信息公开工作年度报告\n\n一、总体情况\n本局认真落实条例。\n";
  for (int i = 0; i < 10000; ++i) write_file(path("many/" + std::to_string(i) + ".txt"), report);
  write_file(path("many/5000_binary.txt"), std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  RunResult result = lint({"check", "--no-progress", "--format", "json", "many/"});
  EXPECT_EQ(result.exit_code, 2);
  const Json document = Json::parse(result.out);
  // Every file is listed: the 10,000 checked, and the unreadable one with its reason (interface.md: "error").
  ASSERT_EQ(document["files"].size(), 10001u);
  EXPECT_EQ(std::count_if(document["files"].begin(), document["files"].end(),
                          [](const Json& file) { return file.contains("error"); }),
            1);
  EXPECT_EQ(document["summary"]["files"], 10000);
  // The one message is the unreadable file's: copies of one agency and year with no other year to compare with are
  // no one's business.
  EXPECT_EQ(result.err.substr(0, result.err.find(':')), "many/5000_binary.txt");
  EXPECT_EQ(count(result.err, "\n"), 1u) << result.err.substr(0, 2000);
}

}  // namespace
}  // namespace xxgk::cli_test
