// The core (lint, fix_all, Document::replace) on hostile text: each input either lints normally or, beyond
// LintLimits, yields the single X001 diagnostic without being parsed. Never a crash; the hang guard is the ctest
// TIMEOUT of this suite (speed figures are in bench/, not here).
#include <gmock/gmock.h>
#include <random>
#include <gtest/gtest.h>

#include "hostile_inputs.h"
#include "xxgk/linter.h"
#include "xxgk/rule.h"

namespace xxgk::hardening {
namespace {

using ::testing::HasSubstr;

// Every range of every diagnostic, related location and fix edit lies inside the text.
void expect_well_formed(std::string_view text, const std::vector<Diagnostic>& diagnostics) {
  auto inside = [&](ByteRange range) { return range.begin <= range.end && range.end <= text.size(); };
  for (const Diagnostic& diagnostic : diagnostics) {
    ASSERT_NE(diagnostic.rule, nullptr);
    EXPECT_TRUE(inside(diagnostic.range)) << diagnostic.rule->id;
    EXPECT_FALSE(diagnostic.message.empty()) << diagnostic.rule->id;
    for (const RelatedInformation& related : diagnostic.related) EXPECT_TRUE(inside(related.range));
    for (const Fix& fix : diagnostic.fixes)
      for (const TextEdit& edit : fix.edits) EXPECT_TRUE(inside(edit.range)) << diagnostic.rule->id;
  }
}

// The input-limit diagnostic alone, naming the bound that was exceeded.
void expect_refused(const std::vector<Diagnostic>& diagnostics, std::string_view bound) {
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].rule, &input_limit_rule());
  EXPECT_EQ(diagnostics[0].rule->id, "X001");
  EXPECT_EQ(diagnostics[0].severity, Severity::Error);
  EXPECT_THAT(diagnostics[0].message, HasSubstr(bound));
  EXPECT_TRUE(diagnostics[0].fixes.empty());
}

bool has_limit_diagnostic(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.rule == &input_limit_rule(); });
}

// Lints the text, fixes it, and checks both the results' shape and that fixing reaches a fixed point.
void lint_and_fix(const std::string& text) {
  const std::vector<Diagnostic> diagnostics = lint(text, {});
  expect_well_formed(text, diagnostics);
  const FixResult fixed = fix_all(text, {}, FixMode::IncludeUnsafe);
  expect_well_formed(fixed.text, lint(fixed.text, {}));
}

TEST(CoreHostile, EmptyTextIsLintedAsAReportWithNothingInIt) {
  const std::vector<Diagnostic> diagnostics = lint("", {});
  expect_well_formed("", diagnostics);
  EXPECT_FALSE(diagnostics.empty()) << "an empty report misses its title and sections";
  EXPECT_FALSE(has_limit_diagnostic(diagnostics));
  EXPECT_EQ(fix_all("", {}, FixMode::SafeOnly).text, "");
}

TEST(CoreHostile, TextOverTheByteLimitIsNotParsed) {
  const std::string line = one_long_line(50u << 20);
  expect_refused(lint(line, {}), "bytes");
  const FixResult fixed = fix_all(line, {}, FixMode::IncludeUnsafe);
  EXPECT_EQ(fixed.applied, 0u);
  EXPECT_EQ(fixed.text.size(), line.size());
  const Report report = build_report(line, {});
  EXPECT_TRUE(report.paragraphs.empty() && report.headings.empty() && report.tables.empty());
}

TEST(CoreHostile, OneLongLineWithinTheByteLimitIsLinted) {
  const std::string line = one_long_line(LintLimits{}.max_bytes - 16);
  const std::vector<Diagnostic> diagnostics = lint(line, {});
  expect_well_formed(line, diagnostics);
  EXPECT_FALSE(has_limit_diagnostic(diagnostics));
}

TEST(CoreHostile, RowOverTheCellLimitIsNotParsed) {
  expect_refused(lint(wide_row(200'000), {}), "table cells in one line");
  const std::string at_limit = clean_report() + wide_row(LintLimits{}.max_row_cells + 1);  // separators = columns - 1
  EXPECT_FALSE(has_limit_diagnostic(lint(at_limit, {})));
  expect_refused(lint(clean_report() + wide_row(LintLimits{}.max_row_cells + 2), {}), "table cells in one line");
}

TEST(CoreHostile, TooManyCellsInAllIsNotParsed) {
  std::string rows;
  for (size_t i = 0; i < LintLimits{}.max_cells / 900 + 1; ++i) rows += wide_row(901);
  expect_refused(lint(rows, {}), "table cells");
}

// Regression: a row of 200,000 cells took a minute (a linear search per cell in W502, one-by-one erasing of leading
// empty cells). With the limits raised it must lint like any other row.
TEST(CoreHostile, RowOfManyCellsIsLinearWhenTheLimitIsRaised) {
  LintOptions options;
  options.limits.max_row_cells = options.limits.max_cells = 300'000;
  const std::string text = clean_report() + "\t" + wide_row(200'000);
  expect_well_formed(text, lint(text, options));
}

// Which bound of `limits` the text exceeds, counted the plain way, in the order lint() names them: bytes, the cells of
// one line, lines, cells; empty when none.
std::string exceeded_bound(std::string_view text, const LintLimits& limits) {
  if (text.size() > limits.max_bytes) return "bytes";
  size_t lines = 0, cells = 0, row_cells = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\t' || text[i] == '|') {
      ++cells;
      if (++row_cells > limits.max_row_cells) return "table cells in one line";
    } else if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      ++lines;
      row_cells = 0;
    }
  }
  if (!text.empty() && text.back() != '\n' && text.back() != '\r') ++lines;
  if (lines > limits.max_lines) return "lines";
  if (cells > limits.max_cells) return "table cells";
  return "";
}

// The limits check takes shortcuts (a text shorter than a bound is within it; only long lines can hold too many
// cells): on random texts and small bounds it must name the same bound as plain counting, or none.
TEST(CoreHostile, LimitsAreCheckedAsByPlainCounting) {
  std::mt19937 random(20261202);
  const char pieces[] = {'\t', '|', '\n', '\r', 'a', ' '};
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    const size_t length = random() % 60;
    for (size_t c = 0; c < length; ++c) text += pieces[random() % std::size(pieces)];
    LintOptions options;
    options.limits.max_bytes = 20 + random() % 60;
    options.limits.max_lines = random() % 30;
    options.limits.max_cells = random() % 40;
    options.limits.max_row_cells = random() % 12;
    const std::string bound = exceeded_bound(text, options.limits);
    const std::vector<Diagnostic> diagnostics = lint(text, options);
    if (bound.empty()) {
      EXPECT_FALSE(has_limit_diagnostic(diagnostics)) << testing::PrintToString(text);
    } else {
      ASSERT_TRUE(has_limit_diagnostic(diagnostics)) << testing::PrintToString(text) << " " << bound;
      EXPECT_THAT(diagnostics[0].message, testing::EndsWith(" " + bound)) << testing::PrintToString(text);
    }
  }
}

TEST(CoreHostile, TooManyLinesAreNotParsed) {
  const std::string text = many_lines(1'000'000);
  expect_refused(lint(text, {}), "lines");
  EXPECT_FALSE(has_limit_diagnostic(lint(many_lines(LintLimits{}.max_lines), {})));
  expect_refused(lint(many_lines(LintLimits{}.max_lines) + "x", {}), "lines");
}

// Regression: each line searched the rest of the document for 是 (quadratic: minutes for 200,000 lines; the
// within-limit case of TooManyLinesAreNotParsed is the bigger instance).
TEST(CoreHostile, DeeplyNestedSubItemsAreLinted) {
  const std::string text = nested_subitems(100'000, 12);
  const std::vector<Diagnostic> diagnostics = lint(text, {});
  expect_well_formed(text, diagnostics);
  EXPECT_FALSE(has_limit_diagnostic(diagnostics));
  lint_and_fix(nested_subitems(2'000, 40));
}

TEST(CoreHostile, InvalidUtf8NulAndForeignEncodingsDoNotBreakTheCore) {
  // The CLI refuses or decodes these before the core sees them; the language server and library users may not.
  for (const std::string& text :
       {clean_report_with("\xFF\xFE\xC3\x28\xE5\xB9"), clean_report_with(std::string("\0\0\0", 3)),
        clean_report_with(std::string("\xE5\0\xB9", 3)), clean_report_utf16(), clean_report_gb18030(), docx_bytes(),
        pdf_bytes()}) {
    SCOPED_TRACE(testing::PrintToString(text.substr(0, 16)));
    lint_and_fix(text);
  }
}

TEST(CoreHostile, DocumentEditsAcrossTheLimitsAgreeWithLintingFromScratch) {
  const std::string clean = clean_report();
  Document document(one_long_line(LintLimits{}.max_bytes + 3));
  expect_refused(document.lint({}), "bytes");
  EXPECT_FALSE(document.looks_like_report());
  // Back under the limit: the tree that was never parsed while the text was too large must still be right.
  document.replace({0, document.text().size()}, clean);
  EXPECT_EQ(document.text(), clean);
  EXPECT_TRUE(document.lint({}).empty());
  // Over the line limit by an edit in the middle, and back.
  const size_t middle = clean.size() / 2;
  const std::string lines = many_lines(LintLimits{}.max_lines + 1);
  document.replace({middle, middle}, lines);
  expect_refused(document.lint({}), "lines");
  document.replace({middle, middle + lines.size()}, "");
  EXPECT_EQ(document.text(), clean);
  EXPECT_TRUE(document.lint({}).empty());
}

TEST(CoreHostile, DocumentReplaceClampsRangesOutsideTheText) {
  const std::string clean = clean_report();
  Document document(clean);
  document.replace({clean.size() + 100, clean.size() + 200}, "\n附：");
  EXPECT_EQ(document.text(), clean + "\n附：");
  document.replace({50, 10}, "");  // begin after end: clamped to an empty range at 10
  EXPECT_EQ(document.text(), clean + "\n附：");
  document.replace({0, SIZE_MAX}, "");
  EXPECT_EQ(document.text(), "");
  const std::vector<Diagnostic> diagnostics = document.lint({});
  expect_well_formed("", diagnostics);
  EXPECT_EQ(diagnostics.size(), lint("", {}).size());
}

}  // namespace
}  // namespace xxgk::hardening
