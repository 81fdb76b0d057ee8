// The core of reviewing many reports: report identities from titles, the checks across reports (A306), the
// comparison of two years and diagnostic fingerprints for baselines. Pairs of consecutive years are made from the
// samples (tests/fixtures/review/).
#include <gtest/gtest.h>

#include "read_file.h"
#include "xxgk/compare.h"
#include "xxgk/cross_document.h"
#include "xxgk/fingerprint.h"
#include "xxgk/linter.h"
#include "xxgk/rule.h"

namespace {

using xxgk::testing_support::read_fixture;

xxgk::ReportIdentity identity_of(const std::string& text) {
  return xxgk::report_identity(xxgk::build_report(text, {}));
}

constexpr std::string_view kBody = "\n一、总体情况\n本机关认真落实条例。\n";

TEST(ReportIdentity, TheAgencyIsTheTitleBeforeItsYear) {
  const xxgk::ReportIdentity identity =
      identity_of("青山市 自然资源和规划局 2024 年政府信息公开工作年度报告\n" + std::string(kBody));
  EXPECT_EQ(identity.agency, "青山市自然资源和规划局");
  EXPECT_EQ(identity.year, 2024);
}

TEST(ReportIdentity, ATitleStartingWithTheYearNamesTheAgencyAfterIt) {
  EXPECT_EQ(identity_of("2023年度青山市教育局政府信息公开工作年度报告\n" + std::string(kBody)).agency,
            "青山市教育局");
}

TEST(ReportIdentity, FullWidthDigitsBookTitleMarksAndTraditionalScriptGiveTheSameAgency) {
  const std::string plain = identity_of("青山市教育局2023年政府信息公开工作年度报告\n" + std::string(kBody)).agency;
  EXPECT_EQ(identity_of("《青山市教育局２０２３年政府信息公开工作年度报告》\n" + std::string(kBody)).agency, plain);
  EXPECT_EQ(identity_of("青山市教育局2023年政府資訊公開工作年度報告\n" + std::string(kBody)).agency, plain);
}

TEST(ReportIdentity, ATitleOnTwoLinesAsInSample001) {
  const xxgk::ReportIdentity identity = identity_of(read_fixture("samples/001_12f801b671389a59.txt"));
  EXPECT_EQ(identity.agency, "红寺堡区审批服务管理局");
  EXPECT_EQ(identity.year, 2022);
}

TEST(ReportIdentity, ATitleLineThatIsOnlyThePhraseNamesNoAgency) {
  // As in a real report whose title was split: "工作年度报告" alone, then prose with the year.
  EXPECT_EQ(identity_of("工作年度报告\n2024年以来，本街道主动公开政府信息。\n" + std::string(kBody)).agency, "");
}

TEST(ReportIdentity, NoTitleNoAgency) {
  EXPECT_EQ(identity_of(read_fixture("samples/002_8f6a0cdd81ca4d1e.txt")).agency, "");
}

xxgk::LintedReport linted(const std::string& name, const std::string& text, const xxgk::LintOptions& options = {}) {
  return xxgk::summarize_for_cross_document(name, xxgk::build_report(text, options), options);
}

std::string qingshan(int year) { return read_fixture("review/qingshan_" + std::to_string(year) + ".txt"); }

TEST(CrossDocument, ThisYearsCarryOverDiffersFromLastYearsInTwoColumns) {
  const std::string last = qingshan(2023), current = qingshan(2024);
  const xxgk::CrossDocumentResult result = xxgk::cross_document_check({linted("2024.txt", current), linted("2023.txt", last)});
  EXPECT_TRUE(result.notes.empty());
  ASSERT_EQ(result.diagnostics.size(), 2u);
  for (const xxgk::CrossDocumentDiagnostic& finding : result.diagnostics) {
    EXPECT_EQ(finding.report, 0u);  // this year's report, whatever the order given
    EXPECT_EQ(finding.diagnostic.rule->id, "A306");
    EXPECT_EQ(finding.diagnostic.severity, xxgk::Severity::Error);
    ASSERT_EQ(finding.diagnostic.related.size(), 1u);
    EXPECT_EQ(finding.diagnostic.related[0].document, "2023.txt");
    // The related range is last year's 结转下年度 cell; the diagnostic's is this year's 上年结转 cell.
    const xxgk::ByteRange cell = finding.diagnostic.related[0].range;
    EXPECT_EQ(xxgk::line_start_at(last, cell.begin), last.find("四、结转下年度继续办理"));
    EXPECT_EQ(xxgk::line_start_at(current, finding.diagnostic.range.begin), current.find("二、上年结转"));
  }
  EXPECT_EQ(current.substr(result.diagnostics[0].diagnostic.range.begin, 1), "3");
  EXPECT_NE(result.diagnostics[0].diagnostic.message.find("自然人"), std::string::npos);
  EXPECT_EQ(last.substr(result.diagnostics[0].diagnostic.related[0].range.begin, 1), "2");
  EXPECT_NE(result.diagnostics[1].diagnostic.message.find("总计"), std::string::npos);
}

TEST(CrossDocument, MatchingCarryOverIsSilent) {
  const std::string last = read_fixture("rules/A306/last_year_matching_2023.txt");
  EXPECT_TRUE(xxgk::cross_document_check({linted("a", last), linted("b", qingshan(2024))}).diagnostics.empty());
}

TEST(CrossDocument, YearsThatAreNotConsecutiveAreNotCompared) {
  std::string older = qingshan(2023);
  for (size_t at = older.find("2023"); at != std::string::npos; at = older.find("2023", at)) older.replace(at, 4, "2022");
  EXPECT_TRUE(xxgk::cross_document_check({linted("a", older), linted("b", qingshan(2024))}).diagnostics.empty());
}

TEST(CrossDocument, AnotherAgencyIsNotCompared) {
  std::string other = qingshan(2023);
  other.replace(other.find("青山市自然资源"), std::string("青山市").size(), "白水市");
  const xxgk::CrossDocumentResult result = xxgk::cross_document_check({linted("a", other), linted("b", qingshan(2024))});
  EXPECT_TRUE(result.diagnostics.empty());
  EXPECT_TRUE(result.notes.empty());
}

TEST(CrossDocument, TwoReportsClaimingTheSameAgencyAndYearAreNotGuessedAt) {
  const xxgk::CrossDocumentResult result = xxgk::cross_document_check(
      {linted("a.txt", qingshan(2023)), linted("b.txt", qingshan(2023)), linted("c.txt", qingshan(2024))});
  EXPECT_TRUE(result.diagnostics.empty());
  ASSERT_EQ(result.notes.size(), 2u);
  EXPECT_EQ(result.notes[0].report, 0u);
  EXPECT_NE(result.notes[0].message.find("b.txt"), std::string::npos);
  EXPECT_EQ(result.notes[1].report, 1u);
  EXPECT_NE(result.notes[1].message.find("a.txt"), std::string::npos);
}

TEST(CrossDocument, AReportWithoutAnyYearGetsANoteWhenItsAgencysOtherYearsAreChecked) {
  const std::string no_year = "青山市自然资源和规划局政府信息公开工作年度报告\n" + std::string(kBody);
  const xxgk::CrossDocumentResult result = xxgk::cross_document_check({linted("x", no_year), linted("y", qingshan(2024))});
  ASSERT_EQ(result.notes.size(), 1u);
  EXPECT_EQ(result.notes[0].report, 0u);
  EXPECT_NE(result.notes[0].message.find("没有年份"), std::string::npos);
  // Alone, or beside other agencies' reports, it is no one's business.
  EXPECT_TRUE(xxgk::cross_document_check({linted("x", no_year)}).notes.empty());
  const std::string other_agency = "青山市教育局政府信息公开工作年度报告\n" + std::string(kBody);
  EXPECT_TRUE(xxgk::cross_document_check({linted("x", other_agency), linted("y", qingshan(2024))}).notes.empty());
}

TEST(CrossDocument, CopiesOfOneYearWithoutANeighbouringYearGetNoNoteAndManyAreNamedBriefly) {
  EXPECT_TRUE(xxgk::cross_document_check({linted("a", qingshan(2024)), linted("b", qingshan(2024))}).notes.empty());
  std::vector<xxgk::LintedReport> reports;
  for (int i = 0; i < 6; ++i) reports.push_back(linted(std::to_string(i) + ".txt", qingshan(2023)));
  reports.push_back(linted("this.txt", qingshan(2024)));
  const xxgk::CrossDocumentResult result = xxgk::cross_document_check(reports);
  EXPECT_TRUE(result.diagnostics.empty());
  ASSERT_EQ(result.notes.size(), 6u);
  EXPECT_NE(result.notes[0].message.find("与 1.txt、2.txt、3.txt 等 5 份报告"), std::string::npos)
      << result.notes[0].message;
}

TEST(CrossDocument, TheRuleTurnedOffInThisYearsOptionsIsSilentAndItsSeverityIsHonoured) {
  xxgk::LintOptions off, info;
  off.severity["A306"] = xxgk::Severity::Off;
  info.severity["A306"] = xxgk::Severity::Info;
  EXPECT_TRUE(xxgk::cross_document_check({linted("a", qingshan(2023)), linted("b", qingshan(2024), off)})
                  .diagnostics.empty());
  const auto result = xxgk::cross_document_check({linted("a", qingshan(2023)), linted("b", qingshan(2024), info)});
  ASSERT_FALSE(result.diagnostics.empty());
  EXPECT_EQ(result.diagnostics[0].diagnostic.severity, xxgk::Severity::Info);
}

TEST(ProseSimilarity, IdenticalDisjointAndRenumberedTexts) {
  EXPECT_DOUBLE_EQ(xxgk::prose_similarity("本机关认真落实条例要求", "本机关认真落实条例要求"), 1.0);
  EXPECT_DOUBLE_EQ(xxgk::prose_similarity("本机关认真落实", "天气晴朗无云"), 0.0);
  // This year's numbers and punctuation put into last year's text: still a copy.
  EXPECT_DOUBLE_EQ(xxgk::prose_similarity("2022年主动公开信息114条。", "2023年，主动公开信息1,130条"), 1.0);
  const double partly = xxgk::prose_similarity("本机关认真落实条例要求", "本机关认真学习新的规定");
  EXPECT_GT(partly, 0.0);
  EXPECT_LT(partly, 0.5);
}

TEST(CompareReports, ACopiedReportWithTheYearsShiftedShowsItsChangesAndItsCopiedSections) {
  const std::string last_text = read_fixture("review/shizuishan_2022.txt");
  const std::string current_text = read_fixture("review/shizuishan_2023.txt");
  const xxgk::Report last = xxgk::build_report(last_text, {}), current = xxgk::build_report(current_text, {});
  const xxgk::ReportComparison comparison = xxgk::compare_reports(last, current);
  EXPECT_EQ(comparison.last.year, 2022);
  EXPECT_EQ(comparison.current.year, 2023);
  EXPECT_EQ(comparison.last.agency, comparison.current.agency);

  size_t changed = 0;
  for (const xxgk::FigureComparison& figure : comparison.figures) {
    const std::optional<double> change = figure.change();
    if (change && *change != 0) {
      ++changed;
      EXPECT_EQ(figure.row, "行政许可");
      EXPECT_EQ(figure.last, 114);
      EXPECT_EQ(figure.current, 130);
      EXPECT_EQ(*change, 16);
      EXPECT_EQ(current_text.substr(figure.current_range.begin, 3), "130");
    }
  }
  EXPECT_EQ(changed, 1u);
  // Table 二 has 10 figures, table 三 25 rows of 7, table 四 15: every one is listed.
  EXPECT_EQ(comparison.figures.size(), 10u + 25 * 7 + 15);

  ASSERT_FALSE(comparison.sections.empty());
  const xxgk::SectionComparison* overview = nullptr;
  const xxgk::SectionComparison* problems = nullptr;
  for (const xxgk::SectionComparison& section : comparison.sections) {
    if (section.section == 1) overview = &section;
    if (section.section == 5) problems = &section;
  }
  ASSERT_NE(overview, nullptr);
  ASSERT_NE(problems, nullptr);
  EXPECT_TRUE(overview->nearly_same);
  EXPECT_DOUBLE_EQ(overview->similarity, 1.0);
  EXPECT_LT(problems->similarity, overview->similarity);  // its first paragraph was rewritten
}

xxgk::Diagnostic first_of_rule(const std::string& text, std::string_view rule) {
  for (xxgk::Diagnostic& diagnostic : xxgk::lint(text, {}))
    if (diagnostic.rule->id == rule) return diagnostic;
  ADD_FAILURE() << "no " << rule;
  return {};
}

TEST(Fingerprint, SurvivesLinesInsertedAboveButNotAnotherPlaceOrRule) {
  const std::string text = read_fixture("samples/000_665c97d63233bba3.txt");
  const xxgk::Diagnostic original = first_of_rule(text, "T204");
  const std::string moved = "\n\n补充说明一段。\n" + text;
  const xxgk::Diagnostic after_move = first_of_rule(moved, "T204");
  ASSERT_NE(original.range.begin, after_move.range.begin);
  EXPECT_EQ(xxgk::diagnostic_fingerprint(text, original).hash, xxgk::diagnostic_fingerprint(moved, after_move).hash);
  EXPECT_EQ(xxgk::diagnostic_fingerprint(text, original).hash.size(), 16u);

  // Another row with the same fault is another finding.
  xxgk::Diagnostic elsewhere = original;
  const size_t next_line = xxgk::next_line_start(text, original.range.begin);
  elsewhere.range = {next_line, next_line + 1};
  EXPECT_NE(xxgk::diagnostic_fingerprint(text, elsewhere).hash, xxgk::diagnostic_fingerprint(text, original).hash);
  // The same place under another rule too.
  xxgk::Diagnostic other_rule = original;
  other_rule.rule = &xxgk::find_rule("T205")->descriptor;
  EXPECT_NE(xxgk::diagnostic_fingerprint(text, other_rule).hash, xxgk::diagnostic_fingerprint(text, original).hash);
}

}  // namespace
