// Fixture tests for every rule. tests/fixtures/rules/<ID>/<case>.txt (or .md) is a report; <case>.expected lists the
// diagnostics rule <ID> must produce on it, one per line as "LINE:COL" (1-based, code points), optionally followed by
// a space and text the message must contain; an empty .expected means the rule must stay silent. Comment lines start
// with '#'; "# agency: government|department" and "# year: N" set the lint options.
// <case>.fixed.txt / .fixed.md (optional) is the text after applying the first fix of each of the rule's diagnostics:
// applying it must give exactly that text, silence the rule, and add no diagnostic of any other rule.
// <case>.safe.fixed.txt / .safe.fixed.md (optional) is the text after applying the first safe fix of each of the
// rule's diagnostics — what `fix` without --unsafe does — for rules whose first fix is not always safe.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "read_file.h"
#include "xxgk/linter.h"
#include "xxgk/rule.h"

namespace fs = std::filesystem;

namespace {

using xxgk::testing_support::read_file;

struct ExpectedDiagnostic {
  uint32_t line = 0;
  uint32_t column = 0;
  std::string message_part;
};

struct FixtureCase {
  std::string rule_id;
  fs::path input;
  fs::path expected;
  std::optional<fs::path> fixed;
  std::optional<fs::path> safe_fixed;
};

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
  std::sort(cases.begin(), cases.end(), [](const FixtureCase& a, const FixtureCase& b) { return a.expected < b.expected; });
  return cases;
}

struct Expectations {
  std::vector<ExpectedDiagnostic> diagnostics;
  xxgk::LintOptions options;
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
        result.options.agency_kind =
            kind == "government" ? xxgk::AgencyKind::Government : xxgk::AgencyKind::Department;
      } else if (line.rfind("# year: ", 0) == 0) {
        result.options.year = std::stoi(line.substr(8));
      }
      continue;
    }
    ExpectedDiagnostic d;
    const size_t colon = line.find(':');
    const size_t space = line.find(' ');
    d.line = static_cast<uint32_t>(std::stoul(line.substr(0, colon)));
    d.column = static_cast<uint32_t>(std::stoul(line.substr(colon + 1, space - colon - 1)));
    if (space != std::string::npos) d.message_part = line.substr(space + 1);
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
    const auto p = lines.position(d.range.begin, xxgk::PositionEncoding::Utf32);
    out << "  " << d.rule->id << " " << p.line + 1 << ":" << p.column + 1 << " " << d.message << "\n";
  }
  return out.str();
}

class RuleFixture : public testing::TestWithParam<FixtureCase> {};

TEST_P(RuleFixture, ReportsExactlyTheExpectedDiagnostics) {
  const FixtureCase& c = GetParam();
  ASSERT_FALSE(c.input.empty()) << "no .txt/.md input beside " << c.expected;
  ASSERT_NE(xxgk::find_rule(c.rule_id), nullptr) << "fixture folder names an unknown rule " << c.rule_id;
  const std::string text = read_file(c.input);
  const Expectations expected = parse_expected(read_file(c.expected));
  const auto diagnostics = of_rule(xxgk::lint(text, expected.options), c.rule_id);
  const xxgk::LineIndex lines(text);

  ASSERT_EQ(diagnostics.size(), expected.diagnostics.size()) << "got:\n" << describe(diagnostics, text);
  for (size_t i = 0; i < diagnostics.size(); ++i) {
    const auto p = lines.position(diagnostics[i].range.begin, xxgk::PositionEncoding::Utf32);
    EXPECT_EQ(p.line + 1, expected.diagnostics[i].line) << "diagnostic " << i << ": " << diagnostics[i].message;
    EXPECT_EQ(p.column + 1, expected.diagnostics[i].column) << "diagnostic " << i << ": " << diagnostics[i].message;
    EXPECT_NE(diagnostics[i].message.find(expected.diagnostics[i].message_part), std::string::npos)
        << "message \"" << diagnostics[i].message << "\" lacks \"" << expected.diagnostics[i].message_part << "\"";
  }
}

TEST_P(RuleFixture, FixGivesTheExpectedTextAndSilencesTheRuleOnly) {
  const FixtureCase& c = GetParam();
  if (!c.fixed) return;  // this case has no fix pair; ReportsExactlyTheExpectedDiagnostics covers it
  const std::string text = read_file(c.input);
  const Expectations expected = parse_expected(read_file(c.expected));
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
  for (const auto& d : after)
    EXPECT_TRUE(old_findings.count({std::string(d.rule->id), d.message}))
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
  const FixtureCase& c = GetParam();
  const std::string text = read_file(c.input);
  const Expectations expected = parse_expected(read_file(c.expected));
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
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(RuleFixture);

}  // namespace
