// A report for a year before 2021 (or, its year unknown, written only in an old format) gets exactly one diagnostic,
// S109 at severity info, and none of the 2021 checks; the configured year decides which reports these are.
#include <gtest/gtest.h>

#include "read_file.h"
#include "xxgk/linter.h"
#include "xxgk/rule.h"

namespace {

using xxgk::testing_support::read_fixture;

std::string describe(const std::vector<xxgk::Diagnostic>& diagnostics) {
  std::string out;
  for (const xxgk::Diagnostic& d : diagnostics) out += std::string(d.rule->id) + " " + d.message + "\n";
  return out;
}

void expect_only_old_format_info(const std::string& fixture, const xxgk::LintOptions& options = {}) {
  const auto diagnostics = xxgk::lint(read_fixture("rules/S109/" + fixture), options);
  ASSERT_EQ(diagnostics.size(), 1u) << fixture << ":\n" << describe(diagnostics);
  EXPECT_EQ(diagnostics[0].rule->id, "S109");
  EXPECT_EQ(diagnostics[0].severity, xxgk::Severity::Info);
  EXPECT_TRUE(diagnostics[0].fixes.empty());
}

TEST(OldFormat, AReportForAnEarlierYearGetsOneInfoAndNoOtherCheck) {
  expect_only_old_format_info("report_for_2018.txt");
  expect_only_old_format_info("report_for_2019.txt");
  expect_only_old_format_info("table2_labels_of_2019_in_a_2020_report.txt", {.year = 2020});
}

TEST(OldFormat, AnOldTextOfUnknownYearIsRecognisedByItsMarks) {
  expect_only_old_format_info("unknown_year_2008_era_excerpt.txt");
}

TEST(OldFormat, TheConfiguredYearDecides) {
  // A 2021-format report configured as a 2019 one is judged as of 2019 ...
  expect_only_old_format_info("clean_report_configured_as_2019.txt", {.year = 2019});
  // ... and a 2018 report configured as 2024 gets the 2021 checks, S109 reporting each old heading as an error.
  const auto diagnostics = xxgk::lint(read_fixture("rules/S109/report_for_2018.txt"), {.year = 2024});
  size_t old_headings = 0, others = 0;
  for (const xxgk::Diagnostic& d : diagnostics)
    (d.rule->id == "S109" ? old_headings : others) += 1;
  EXPECT_EQ(old_headings, 2u) << describe(diagnostics);
  EXPECT_GT(others, 0u) << describe(diagnostics);
}

TEST(OldFormat, TheOneFindingTakesTheConfiguredSeverityAndOffSilencesEverything) {
  xxgk::LintOptions options;
  options.severity["S109"] = xxgk::Severity::Warning;
  auto diagnostics = xxgk::lint(read_fixture("rules/S109/report_for_2019.txt"), options);
  ASSERT_EQ(diagnostics.size(), 1u) << describe(diagnostics);
  EXPECT_EQ(diagnostics[0].severity, xxgk::Severity::Warning);
  options.severity["S109"] = xxgk::Severity::Off;
  diagnostics = xxgk::lint(read_fixture("rules/S109/report_for_2019.txt"), options);
  EXPECT_TRUE(diagnostics.empty()) << describe(diagnostics);
}

TEST(OldFormat, EarlierYearsCitedInA2024ReportChangeNothing) {
  const auto diagnostics = xxgk::lint(read_fixture("rules/S109/report_citing_2019_documents.txt"), {});
  for (const xxgk::Diagnostic& d : diagnostics)
    EXPECT_NE(d.rule->id, "S109") << d.message;
}

}  // namespace
