// Suppression comments are applied by the core's lint, so the language server (Document::lint) and the command line
// (lint) honour the same comments; X002 reports the comments that suppress nothing.
#include <gtest/gtest.h>

#include <algorithm>

#include "xxgk/linter.h"
#include "xxgk/suppression.h"
#include "xxgk/templates.h"

namespace xxgk {
namespace {

// A Markdown report whose section-5 heading is worded wrongly (S105), with `comment` on the line before it.
std::string report_with(std::string_view comment) {
  TemplateStyle style;
  style.separator = '|';
  style.markdown = true;
  std::string report = render_skeleton(format_2021(), "青山市规划局", 2023, style);
  // The skeleton's placeholders are C408 findings; a filled-in report has none, so that the suppressions below are
  // the only thing a test changes.
  constexpr std::string_view kPlaceholder = "【待填写】";
  for (size_t at = report.find(kPlaceholder); at != std::string::npos; at = report.find(kPlaceholder, at))
    report.erase(at, kPlaceholder.size());
  const std::string heading = "## 五、存在的主要问题及改进情况";
  const size_t at = report.find(heading);
  report.replace(at, heading.size(), std::string(comment) + "## 五、存在主要问题及改进情况");
  return report;
}

size_t count(const std::vector<Diagnostic>& diagnostics, std::string_view id) {
  return std::count_if(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) { return d.rule->id == id; });
}

TEST(Suppression, TheEditorsDocumentHonoursTheComments) {
  Document plain(report_with(""));
  EXPECT_EQ(count(plain.lint(LintOptions{}), "S105"), 1u);
  Document suppressed(report_with("<!-- xxgk-lint-disable-next-line S105 -->\n"));
  const std::vector<Diagnostic> diagnostics = suppressed.lint(LintOptions{});
  EXPECT_EQ(count(diagnostics, "S105"), 0u);
  EXPECT_EQ(count(diagnostics, "X002"), 0u);
  EXPECT_TRUE(std::is_sorted(diagnostics.begin(), diagnostics.end(),
                             [](const Diagnostic& a, const Diagnostic& b) { return a.range.begin < b.range.begin; }));
}

TEST(Suppression, UnusedCommentIsReportedAtItsPlaceWithTheUnusedIds) {
  const std::string text = report_with("<!-- xxgk-lint-disable-next-line S105, T204 -->\n");
  const std::vector<Diagnostic> diagnostics = lint(text, LintOptions{});
  EXPECT_EQ(count(diagnostics, "S105"), 0u);
  ASSERT_EQ(count(diagnostics, "X002"), 1u);
  const Diagnostic& unused = *std::find_if(diagnostics.begin(), diagnostics.end(),
                                           [](const Diagnostic& d) { return d.rule->id == "X002"; });
  EXPECT_EQ(unused.severity, Severity::Info);
  EXPECT_EQ(text.substr(unused.range.begin, unused.range.size()), "<!-- xxgk-lint-disable-next-line S105, T204 -->");
  EXPECT_NE(unused.message.find("T204"), std::string::npos);
  EXPECT_EQ(unused.message.find("S105"), std::string::npos);
}

TEST(Suppression, DisableAllThenEnableOneRule) {
  const std::string text = report_with("<!-- xxgk-lint-disable -->\n<!-- xxgk-lint-enable S105 -->\n");
  const std::vector<Diagnostic> diagnostics = lint(text, LintOptions{});
  EXPECT_EQ(count(diagnostics, "S105"), 1u);  // re-enabled before the heading
  EXPECT_EQ(count(diagnostics, "X002"), 1u);  // the disable suppressed nothing after it
}

TEST(Suppression, OtherHtmlCommentsAreLeftAlone) {
  const std::string text = report_with("<!-- 注：xxgk-lint-disable 写在这里不算 -->\n<!-- xxgk-lint-frobnicate -->\n");
  const std::vector<Diagnostic> diagnostics = lint(text, LintOptions{});
  EXPECT_EQ(count(diagnostics, "S105"), 1u);
  EXPECT_EQ(count(diagnostics, "X002"), 0u);
}

}  // namespace
}  // namespace xxgk
