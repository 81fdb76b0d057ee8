// Real reports as they were published (tests/fixtures/real/, see its README): each <name>.txt has a <name>.expect that
// states the truth about it. Every `must` is a real defect a rule covers and has to be reported at its line; every
// error or warning reported has to be a `must` or an `allow` (acceptable: mostly true only because the excerpt is cut
// short); `never` lines forbid a diagnostic of any severity; `strict` constrains info diagnostics too. No message may
// show the raw year placeholder {N}.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "read_file.h"
#include "xxgk/linter.h"
#include "xxgk/rule.h"

namespace {

namespace fs = std::filesystem;

enum class Kind { Must, Allow, Never };

// One rule an expectation accepts, with the severity it must have (Off: any).
struct RuleChoice {
  std::string id;
  xxgk::Severity severity = xxgk::Severity::Off;
};

struct Expectation {
  Kind kind = Kind::Must;
  std::vector<RuleChoice> rules;  // `S106|S104`: either
  // 1-based, inclusive ranges: `7`, `7-12`, `3,8-10` (a list skips lines where the diagnostic must not be, such as
  // page chrome between the title and the first heading), `*` for every line.
  std::vector<std::pair<uint32_t, uint32_t>> lines;
  std::string message_part;  // empty: any message
  std::string text;          // the line as written, for failure messages
};

struct Expectations {
  std::vector<Expectation> items;
  bool strict = false;              // info diagnostics must be expected too
  std::vector<std::string> errors;  // malformed lines: a typo must fail, never pass silently
};

std::string trim(std::string_view s) {
  const size_t begin = s.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  return std::string(s.substr(begin, s.find_last_not_of(" \t\r") - begin + 1));
}

bool parse_lines(const std::string& field, Expectation& e) {
  if (field == "*") {
    e.lines.emplace_back(1, UINT32_MAX);
    return true;
  }
  std::istringstream ranges(field);
  for (std::string range; std::getline(ranges, range, ',');) {
    uint32_t first = 0, last = 0;
    try {
      const size_t dash = range.find('-');
      first = static_cast<uint32_t>(std::stoul(range.substr(0, dash)));
      last = dash == std::string::npos ? first : static_cast<uint32_t>(std::stoul(range.substr(dash + 1)));
    } catch (const std::exception&) {
      return false;
    }
    if (first < 1 || first > last) return false;
    e.lines.emplace_back(first, last);
  }
  return !e.lines.empty();
}

uint32_t lines_covered(const Expectation& e) {
  uint32_t count = 0;
  for (const auto& [first, last] : e.lines) count += std::min<uint32_t>(last - first, UINT32_MAX - 1 - count) + 1;
  return count;
}

bool parse_rules(const std::string& field, Expectation& e) {
  std::istringstream alternatives(field);
  for (std::string choice; std::getline(alternatives, choice, '|');) {
    RuleChoice rule;
    const size_t colon = choice.find(':');
    rule.id = choice.substr(0, colon);
    if (colon != std::string::npos && !xxgk::parse_severity(choice.substr(colon + 1), rule.severity)) return false;
    if (xxgk::find_rule(rule.id) == nullptr) return false;  // a typo must not pass as a must that is never met
    e.rules.push_back(rule);
  }
  return !e.rules.empty();
}

Expectations parse_expectations(const std::string& content) {
  Expectations result;
  std::istringstream in(content);
  uint32_t number = 0;
  for (std::string raw; std::getline(in, raw);) {
    ++number;
    const size_t hash = raw.find('#');
    const std::string body = trim(std::string_view(raw).substr(0, hash));
    if (body.empty()) continue;
    const auto error = [&](const std::string& why) {
      result.errors.push_back("line " + std::to_string(number) + " (" + why + "): " + raw);
    };
    if (body == "strict") {
      result.strict = true;
      continue;
    }
    std::istringstream fields(body);
    std::string kind, rules, lines;
    fields >> kind >> rules >> lines;
    Expectation e;
    e.text = trim(raw);
    if (kind == "must")
      e.kind = Kind::Must;
    else if (kind == "allow")
      e.kind = Kind::Allow;
    else if (kind == "never")
      e.kind = Kind::Never;
    else {
      error("unknown kind");
      continue;
    }
    if (!parse_rules(rules, e)) {
      error("unknown rule id or severity");
      continue;
    }
    if (!parse_lines(lines, e)) {
      error("bad line range");
      continue;
    }
    std::getline(fields, e.message_part);
    e.message_part = trim(e.message_part);
    if (hash == std::string::npos || trim(std::string_view(raw).substr(hash + 1)).empty()) {
      error("no # reason");
      continue;
    }
    result.items.push_back(std::move(e));
  }
  return result;
}

struct Reported {
  const xxgk::Diagnostic* diagnostic;
  uint32_t line;  // 1-based
};

bool matches(const Expectation& e, const Reported& r) {
  const xxgk::Diagnostic& d = *r.diagnostic;
  const bool rule = std::any_of(e.rules.begin(), e.rules.end(), [&](const RuleChoice& choice) {
    return d.rule->id == choice.id && (choice.severity == xxgk::Severity::Off || choice.severity == d.severity);
  });
  const bool line = std::any_of(e.lines.begin(), e.lines.end(),
                                [&](const auto& range) { return r.line >= range.first && r.line <= range.second; });
  return rule && line && (e.message_part.empty() || d.message.find(e.message_part) != std::string::npos);
}

std::string describe(const Reported& r) {
  return std::to_string(r.line) + " " + std::string(xxgk::severity_name(r.diagnostic->severity)) + "[" +
         std::string(r.diagnostic->rule->id) + "] " + r.diagnostic->message;
}

const fs::path& real_root() {
  static const fs::path root = fs::path(XXGK_FIXTURES_DIR) / "real";
  return root;
}

// The reports, as paths relative to tests/fixtures/real/ without the extension ("dev/002_pingtan_2022").
std::vector<std::string> report_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::recursive_directory_iterator(real_root()))
    if (entry.is_regular_file() && entry.path().extension() == ".txt")
      names.push_back(fs::relative(entry.path(), real_root()).replace_extension().generic_string());
  std::sort(names.begin(), names.end());
  return names;
}

class RealReport : public ::testing::TestWithParam<std::string> {};

TEST_P(RealReport, ReportsEveryRealDefectAndNothingFalse) {
  const std::string& name = GetParam();
  const fs::path expect_path = real_root() / (name + ".expect");
  ASSERT_TRUE(fs::is_regular_file(expect_path)) << name << ": no expectation file " << expect_path;
  const Expectations expected = parse_expectations(xxgk::testing_support::read_file(expect_path));
  for (const std::string& error : expected.errors) ADD_FAILURE() << name << ".expect: " << error;

  const std::string text = xxgk::testing_support::read_file(real_root() / (name + ".txt"));
  ASSERT_FALSE(text.empty()) << name;
  const std::vector<xxgk::Diagnostic> diagnostics = xxgk::lint(text, {});
  const xxgk::LineIndex lines(text);
  std::vector<Reported> reported;
  for (const xxgk::Diagnostic& d : diagnostics) reported.push_back({&d, lines.line_of(d.range.begin) + 1});

  // Each `must` takes a diagnostic of its own (two musts on one line need two diagnostics); the ones naming a message
  // part and the narrower ones choose first, so that a loose `must` cannot take the diagnostic a precise one needs.
  std::vector<const Expectation*> musts;
  for (const Expectation& e : expected.items)
    if (e.kind == Kind::Must) musts.push_back(&e);
  std::stable_sort(musts.begin(), musts.end(), [](const Expectation* a, const Expectation* b) {
    if (a->message_part.empty() != b->message_part.empty()) return !a->message_part.empty();
    return lines_covered(*a) < lines_covered(*b);
  });
  std::vector<bool> taken(reported.size(), false);
  std::string missing;
  for (const Expectation* must : musts) {
    size_t i = 0;
    while (i < reported.size() && (taken[i] || !matches(*must, reported[i]))) ++i;
    if (i < reported.size())
      taken[i] = true;
    else
      missing += "\n  missing:    " + must->text;
  }

  std::string unexpected;
  for (size_t i = 0; i < reported.size(); ++i) {
    const Reported& r = reported[i];
    for (const Expectation& e : expected.items)
      if (e.kind == Kind::Never && matches(e, r)) unexpected += "\n  forbidden:  " + describe(r) + "   <- " + e.text;
    if (r.diagnostic->message.find("{N}") != std::string::npos)
      unexpected += "\n  raw {N}:    " + describe(r);
    if (taken[i]) continue;
    if (r.diagnostic->severity == xxgk::Severity::Info && !expected.strict) continue;
    const bool allowed = std::any_of(expected.items.begin(), expected.items.end(),
                                     [&](const Expectation& e) { return e.kind == Kind::Allow && matches(e, r); });
    if (!allowed) unexpected += "\n  unexpected: " + describe(r);
  }
  EXPECT_TRUE(missing.empty() && unexpected.empty())
      << "tests/fixtures/real/" << name << ".txt (expectations in " << name << ".expect):" << missing << unexpected;
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, RealReport, ::testing::ValuesIn(report_names()), test_name);

TEST(RealReportFixtures, EveryExpectationFileHasItsReport) {
  size_t reports = 0;
  for (const auto& entry : fs::recursive_directory_iterator(real_root())) {
    if (entry.path().extension() == ".txt") ++reports;
    if (entry.path().extension() != ".expect") continue;
    fs::path report = entry.path();
    EXPECT_TRUE(fs::is_regular_file(report.replace_extension(".txt"))) << entry.path() << " has no report";
  }
  EXPECT_EQ(reports, 60u) << "56 reports of the shared real set and 4 old-format reports";
}

TEST(RealReportExpectations, ParsingRejectsMalformedLines) {
  const Expectations parsed = parse_expectations(
      "# comment\nstrict\nmust S105 10 行政法复议 # reason\nallow T202|T204 3-5,9 # reason\nnever W504 * # reason\n"
      "must S1O5 4 # no such rule\nallow S103 9-2 # reversed range\nmust S103 4\nmay S103 4 # unknown kind\n"
      "must S109:loud 1 # unknown severity\n");
  ASSERT_EQ(parsed.items.size(), 3u);
  EXPECT_TRUE(parsed.strict);
  EXPECT_EQ(parsed.items[0].message_part, "行政法复议");
  EXPECT_EQ(parsed.items[1].rules.size(), 2u);
  EXPECT_EQ(parsed.items[1].lines, (std::vector<std::pair<uint32_t, uint32_t>>{{3, 5}, {9, 9}}));
  EXPECT_EQ(lines_covered(parsed.items[1]), 4u);
  EXPECT_EQ(lines_covered(parsed.items[2]), UINT32_MAX);
  EXPECT_EQ(parsed.items[2].kind, Kind::Never);
  EXPECT_EQ(parsed.errors.size(), 5u);
}

}  // namespace
