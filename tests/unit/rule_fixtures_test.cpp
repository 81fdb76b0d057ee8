// Fixture tests for every rule. tests/fixtures/rules/<ID>/<case>.txt (or .md) is a report; <case>.expected lists the
// diagnostics rule <ID> must produce on it, one per line as "LINE:COL" (1-based, code points), optionally followed by
// a severity ("error", "warning" or "info") and then by text the message must contain; an empty .expected means the
// rule must stay silent. Comment lines start with '#'; "# agency: government|department" and "# year: N" set the
// lint options; "# previous-year: FILE" names a report beside the case (with no .expected of its own) checked
// together with it by the checks across reports (A306).
// <case>.snap is the snapshot of the rule's findings on the case: every field of every diagnostic (see snapshot.h).
// It must exist and match; XXGK_UPDATE_SNAPSHOTS=1 rewrites the snapshots instead of comparing (review the changed
// .snap files in the diff before committing them).
// The case text may mark ranges as ⟦…⟧: the markers are removed before linting (positions in .expected and .snap
// refer to the text without them), and every marked range must be the range of one of the rule's diagnostics.
// <case>.fixed.txt / .fixed.md (optional) is the text after applying the first fix of each of the rule's diagnostics:
// applying it must give exactly that text, silence the rule, and add no diagnostic of any other rule.
// <case>.safe.fixed.txt / .safe.fixed.md (optional) is the text after applying the first safe fix of each of the
// rule's diagnostics — what `fix` without --unsafe does — for rules whose first fix is not always safe.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "read_file.h"
#include "xxgk/cross_document.h"
#include "snapshot.h"
#include "xxgk/linter.h"
#include "xxgk/rule.h"

namespace fs = std::filesystem;

namespace {

using xxgk::testing_support::read_file;

struct ExpectedDiagnostic {
  uint32_t line = 0;
  uint32_t column = 0;
  std::optional<xxgk::Severity> severity;
  std::string message_part;
};

struct FixtureCase {
  std::string rule_id;
  fs::path input;
  fs::path expected;
  fs::path snapshot;
  std::optional<fs::path> fixed;
  std::optional<fs::path> safe_fixed;
};

// gtest names a failing case by its input file, not by the bytes of the struct.
void PrintTo(const FixtureCase& c, std::ostream* out) { *out << c.input; }

std::vector<FixtureCase> discover_cases() {
  std::vector<FixtureCase> cases;
  const fs::path root = fs::path(XXGK_FIXTURES_DIR) / "rules";
  if (!fs::exists(root)) return cases;
  for (const auto& rule_dir : fs::directory_iterator(root)) {
    if (!rule_dir.is_directory()) continue;
    for (const auto& entry : fs::directory_iterator(rule_dir.path())) {
      const fs::path path = entry.path();
      if (path.extension() != ".expected") continue;
      FixtureCase c;
      c.rule_id = rule_dir.path().filename().string();
      c.expected = path;
      c.snapshot = fs::path(path).replace_extension(".snap");
      for (const char* ext : {".txt", ".md"}) {
        fs::path input = path;
        input.replace_extension(ext);
        if (fs::exists(input)) c.input = input;
        fs::path fixed = path;
        fixed.replace_extension(std::string(".fixed") + ext);
        if (fs::exists(fixed)) c.fixed = fixed;
        fs::path safe_fixed = path;
        safe_fixed.replace_extension(std::string(".safe.fixed") + ext);
        if (fs::exists(safe_fixed)) c.safe_fixed = safe_fixed;
      }
      cases.push_back(std::move(c));
    }
  }
  std::sort(cases.begin(), cases.end(),
            [](const FixtureCase& a, const FixtureCase& b) { return a.expected < b.expected; });
  return cases;
}

struct Expectations {
  std::vector<ExpectedDiagnostic> diagnostics;
  xxgk::LintOptions options;
  std::string previous_year;  // a report checked together with the case, for the checks across reports
};

Expectations parse_expected(const std::string& text) {
  Expectations result;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    if (line[0] == '#') {
      if (line.rfind("# agency: ", 0) == 0) {
        const std::string kind = line.substr(10);
        result.options.agency_kind = kind == "government" ? xxgk::AgencyKind::Government : xxgk::AgencyKind::Department;
      } else if (line.rfind("# year: ", 0) == 0) {
        result.options.year = std::stoi(line.substr(8));
      } else if (line.rfind("# previous-year: ", 0) == 0) {
        result.previous_year = line.substr(17);
      }
      continue;
    }
    ExpectedDiagnostic d;
    const size_t colon = line.find(':');
    const size_t space = line.find(' ');
    d.line = static_cast<uint32_t>(std::stoul(line.substr(0, colon)));
    d.column = static_cast<uint32_t>(std::stoul(line.substr(colon + 1, space - colon - 1)));
    if (space != std::string::npos) {
      std::string rest = line.substr(space + 1);
      const size_t word_end = rest.find(' ');
      xxgk::Severity severity;
      if (xxgk::parse_severity(std::string_view(rest).substr(0, word_end), severity) &&
          severity != xxgk::Severity::Off) {
        d.severity = severity;
        rest = word_end == std::string::npos ? "" : rest.substr(word_end + 1);
      }
      d.message_part = rest;
    }
    result.diagnostics.push_back(d);
  }
  return result;
}

std::vector<xxgk::Diagnostic> of_rule(const std::vector<xxgk::Diagnostic>& all, std::string_view id) {
  std::vector<xxgk::Diagnostic> out;
  for (const auto& d : all)
    if (d.rule->id == id) out.push_back(d);
  return out;
}

std::string describe(const std::vector<xxgk::Diagnostic>& diagnostics, std::string_view text) {
  xxgk::LineIndex lines(text);
  std::ostringstream out;
  for (const auto& d : diagnostics) {
    out << "  " << d.rule->id << " " << xxgk::testing_support::format_range(lines, d.range) << " " << d.message << "\n";
  }
  return out.str();
}

// The case's diagnostics: its lint, and with a previous-year report, what the checks across reports add to it.
std::vector<xxgk::Diagnostic> case_diagnostics(const FixtureCase& c, const std::string& text,
                                               const Expectations& expected) {
  std::vector<xxgk::Diagnostic> diagnostics = xxgk::lint(text, expected.options);
  if (expected.previous_year.empty()) return diagnostics;
  const std::string previous = read_file(c.input.parent_path() / expected.previous_year);
  const std::vector<xxgk::LintedReport> reports = {
      xxgk::summarize_for_cross_document(expected.previous_year, xxgk::build_report(previous, expected.options),
                                         expected.options),
      xxgk::summarize_for_cross_document(c.input.filename().string(), xxgk::build_report(text, expected.options),
                                         expected.options)};
  for (xxgk::CrossDocumentDiagnostic& finding : xxgk::cross_document_check(reports).diagnostics) {
    EXPECT_EQ(finding.report, 1u) << "a diagnostic in the previous year's report: " << finding.diagnostic.message;
    diagnostics.push_back(std::move(finding.diagnostic));
  }
  return diagnostics;
}

// A case as the tests lint it: the text without its range markers, the marked ranges and the expectations.
struct LoadedCase {
  std::string text;
  std::vector<xxgk::ByteRange> marked;
  Expectations expected;
};

LoadedCase load(const FixtureCase& c) {
  std::string marker_error;
  auto marked = xxgk::testing_support::strip_range_markers(read_file(c.input), &marker_error);
  EXPECT_TRUE(marker_error.empty()) << c.input << ": " << marker_error;
  return {std::move(marked.text), std::move(marked.ranges), parse_expected(read_file(c.expected))};
}

class RuleFixture : public testing::TestWithParam<FixtureCase> {};

TEST_P(RuleFixture, ReportsExactlyTheExpectedDiagnostics) {
  const FixtureCase& c = GetParam();
  ASSERT_FALSE(c.input.empty()) << "no .txt/.md input beside " << c.expected;
  ASSERT_NE(xxgk::find_rule(c.rule_id), nullptr) << "fixture folder names an unknown rule " << c.rule_id;
  const LoadedCase loaded = load(c);
  const std::string& text = loaded.text;
  const Expectations& expected = loaded.expected;
  const auto diagnostics = of_rule(case_diagnostics(c, text, expected), c.rule_id);
  const xxgk::LineIndex lines(text);

  ASSERT_EQ(diagnostics.size(), expected.diagnostics.size()) << "got:\n" << describe(diagnostics, text);
  for (size_t i = 0; i < diagnostics.size(); ++i) {
    const auto p = lines.position(diagnostics[i].range.begin, xxgk::PositionEncoding::Utf32);
    EXPECT_EQ(p.line + 1, expected.diagnostics[i].line) << "diagnostic " << i << ": " << diagnostics[i].message;
    EXPECT_EQ(p.column + 1, expected.diagnostics[i].column) << "diagnostic " << i << ": " << diagnostics[i].message;
    EXPECT_NE(diagnostics[i].message.find(expected.diagnostics[i].message_part), std::string::npos)
        << "message \"" << diagnostics[i].message << "\" lacks \"" << expected.diagnostics[i].message_part << "\"";
    if (expected.diagnostics[i].severity)
      EXPECT_EQ(xxgk::severity_name(diagnostics[i].severity), xxgk::severity_name(*expected.diagnostics[i].severity))
          << "diagnostic " << i << ": " << diagnostics[i].message;
  }
}

TEST_P(RuleFixture, MatchesTheSnapshot) {
  const FixtureCase& c = GetParam();
  const LoadedCase loaded = load(c);
  const std::string rendered = xxgk::testing_support::render_snapshot(
      loaded.text, of_rule(case_diagnostics(c, loaded.text, loaded.expected), c.rule_id));
  if (std::getenv("XXGK_UPDATE_SNAPSHOTS")) {
    std::ofstream(c.snapshot, std::ios::binary) << rendered;
    return;
  }
  ASSERT_TRUE(fs::exists(c.snapshot))
      << "no snapshot " << c.snapshot << "; create it with XXGK_UPDATE_SNAPSHOTS=1 build/tests/unit/xxgk_unit_tests "
      << "--gtest_filter='Rules/RuleFixture.MatchesTheSnapshot/*', read it and commit it. It would hold:\n"
      << rendered;
  if (const auto diff = xxgk::testing_support::snapshot_mismatch(read_file(c.snapshot), rendered))
    ADD_FAILURE() << c.snapshot << " does not match the findings (-snapshot +now); if the change is intended, rerun "
                  << "with XXGK_UPDATE_SNAPSHOTS=1 and review the diff of the .snap before committing:\n"
                  << *diff;
}

TEST_P(RuleFixture, MarkedRangesAreRangesOfTheRulesDiagnostics) {
  const FixtureCase& c = GetParam();
  const LoadedCase loaded = load(c);
  if (loaded.marked.empty()) return;  // a case without markers; the snapshot holds its ranges
  const auto diagnostics = of_rule(case_diagnostics(c, loaded.text, loaded.expected), c.rule_id);
  const xxgk::LineIndex lines(loaded.text);
  for (const xxgk::ByteRange& range : loaded.marked) {
    const bool found = std::any_of(diagnostics.begin(), diagnostics.end(), [&](const xxgk::Diagnostic& d) {
      return d.range.begin == range.begin && d.range.end == range.end;
    });
    EXPECT_TRUE(found) << "marked range " << xxgk::testing_support::format_range(lines, range) << " \""
                       << loaded.text.substr(range.begin, range.size()) << "\" is no range of a " << c.rule_id
                       << " diagnostic; got:\n"
                       << describe(diagnostics, loaded.text);
  }
}

TEST_P(RuleFixture, FixGivesTheExpectedTextAndSilencesTheRuleOnly) {
  const FixtureCase& c = GetParam();
  if (!c.fixed) return;  // this case has no fix pair; ReportsExactlyTheExpectedDiagnostics covers it
  const LoadedCase loaded = load(c);
  const std::string& text = loaded.text;
  const Expectations& expected = loaded.expected;
  const auto before = xxgk::lint(text, expected.options);
  const auto rule_diagnostics = of_rule(before, c.rule_id);
  ASSERT_FALSE(rule_diagnostics.empty());
  std::vector<xxgk::TextEdit> edits;
  for (const auto& d : rule_diagnostics) {
    ASSERT_FALSE(d.fixes.empty()) << "diagnostic without a fix: " << d.message;
    edits.insert(edits.end(), d.fixes.front().edits.begin(), d.fixes.front().edits.end());
  }
  const std::string fixed = xxgk::apply_edits(text, edits);
  EXPECT_EQ(fixed, read_file(*c.fixed));

  const auto after = xxgk::lint(fixed, expected.options);
  EXPECT_TRUE(of_rule(after, c.rule_id).empty()) << "still reported after the fix:\n"
                                                 << describe(of_rule(after, c.rule_id), fixed);
  std::multiset<std::pair<std::string, std::string>> old_findings;
  for (const auto& d : before) old_findings.emplace(std::string(d.rule->id), d.message);
  // A fix that inserts a placeholder for the writer to fill in (S101's "{机关名称}") is meant to get C408 on it, and
  // nothing else may be new.
  const auto inserted_placeholder = [&](const xxgk::Diagnostic& d) {
    const std::string placeholder = fixed.substr(d.range.begin, d.range.size());
    return d.rule->id == "C408" && std::any_of(edits.begin(), edits.end(), [&](const xxgk::TextEdit& e) {
             return e.new_text.find(placeholder) != std::string::npos;
           });
  };
  for (const auto& d : after)
    EXPECT_TRUE(old_findings.count({std::string(d.rule->id), d.message}) || inserted_placeholder(d))
        << "the fix introduced " << d.rule->id << ": " << d.message;
}

TEST_P(RuleFixture, SafeFixesGiveTheSafeText) {
  const FixtureCase& c = GetParam();
  if (!c.safe_fixed) return;  // this case has no .safe.fixed pair
  const std::string text = read_file(c.input);
  const Expectations expected = parse_expected(read_file(c.expected));
  std::vector<xxgk::TextEdit> edits;
  for (const auto& d : of_rule(xxgk::lint(text, expected.options), c.rule_id)) {
    const auto safe = std::find_if(d.fixes.begin(), d.fixes.end(), [](const xxgk::Fix& fix) { return fix.safe; });
    if (safe != d.fixes.end()) edits.insert(edits.end(), safe->edits.begin(), safe->edits.end());
  }
  EXPECT_EQ(xxgk::apply_edits(text, edits), read_file(*c.safe_fixed));
}

TEST_P(RuleFixture, SafeFixAllIsIdempotent) {
  const LoadedCase loaded = load(GetParam());
  const std::string& text = loaded.text;
  const Expectations& expected = loaded.expected;
  const auto once = xxgk::fix_all(text, expected.options, xxgk::FixMode::SafeOnly);
  const auto twice = xxgk::fix_all(once.text, expected.options, xxgk::FixMode::SafeOnly);
  EXPECT_EQ(twice.text, once.text);
  EXPECT_EQ(twice.applied, 0u);
}

std::string case_name(const testing::TestParamInfo<FixtureCase>& info) {
  std::string name = info.param.rule_id + "_" + info.param.expected.stem().string();
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleFixture, testing::ValuesIn(discover_cases()), case_name);

// A snapshot left behind by a renamed or deleted case would be read by nothing and keep describing findings that no
// longer exist.
TEST(RuleFixtureFiles, EverySnapshotBelongsToACase) {
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(XXGK_FIXTURES_DIR) / "rules"))
    if (entry.path().extension() == ".snap")
      EXPECT_TRUE(fs::exists(fs::path(entry.path()).replace_extension(".expected")))
          << entry.path() << " has no .expected beside it";
}
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(RuleFixture);

}  // namespace
