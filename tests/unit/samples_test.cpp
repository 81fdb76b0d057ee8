// The five real reports of tests/fixtures/samples/, checked against EXPECTED.md: the test reads the indented lines
// under its items ("- reports RULE [severity] at Ln[–m] [with `text`]", "- silent: RULE, …", and "- silent in
// SAMPLE, …: RULE"; EXPECTED.md explains them). Every listed deviation is reported by the rule it names, at its
// line; nothing is reported by a rule listed as silent; no error or warning is reported that no item lists.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <sstream>

#include "read_file.h"
#include "xxgk/linter.h"
#include "xxgk/rule.h"

namespace {

struct Reported {
  std::string sample;  // file name in tests/fixtures/samples/
  std::string rule;
  uint32_t first_line = 0;  // the diagnostic starts on a line in [first_line, last_line]
  uint32_t last_line = 0;
  std::optional<xxgk::Severity> severity;
  std::string message_part;  // text the message must contain; empty: any message
  std::string why;           // the EXPECTED.md item
};

struct Silent {
  std::string sample;
  std::string rule;
  std::string why;
};

struct ExpectedDeviations {
  std::vector<std::string> samples;
  std::vector<Reported> reported;
  std::vector<Silent> silent;
  std::vector<std::string> errors;  // lines of EXPECTED.md that look like checks but do not parse
};

std::vector<std::string> split_list(const std::string& list) {
  std::vector<std::string> items;
  std::istringstream in(list);
  for (std::string item; std::getline(in, item, ',');) {
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    items.push_back(item);
  }
  return items;
}

ExpectedDeviations parse_expected_md(const std::string& markdown) {
  static const std::regex sample_heading(R"(^### (\S+) .*)");
  static const std::regex item(R"(^(\d+)\. .*)");
  static const std::regex reports(
      R"(^ +- reports ([A-Z]\d{3})(?: (error|warning|info))? at L(\d+)(?:(?:–|-)(\d+))?(?: with `([^`]+)`)?$)");
  static const std::regex silent(R"(^ +- silent: ([A-Z]\d{3}(?:, [A-Z]\d{3})*)$)");
  static const std::regex silent_in(R"(^- silent in ([^:]+): ([A-Z]\d{3})$)");
  // Indented bullets under an item are all checks, so a misspelt one fails instead of checking nothing.
  static const std::regex looks_like_check(R"(^( +- |- silent).*)");
  ExpectedDeviations result;
  std::string sample, why;
  std::istringstream in(markdown);
  uint32_t line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::smatch m;
    if (std::regex_match(line, m, sample_heading)) {
      sample = m[1].str() + ".txt";
      result.samples.push_back(sample);
    } else if (std::regex_match(line, m, item)) {
      why = sample + " item " + line;
    } else if (std::regex_match(line, m, reports) && !why.empty()) {
      Reported r{sample, m[1].str(), static_cast<uint32_t>(std::stoul(m[3].str())), 0, std::nullopt, m[5].str(), why};
      r.last_line = m[4].matched ? static_cast<uint32_t>(std::stoul(m[4].str())) : r.first_line;
      if (m[2].matched) {
        xxgk::Severity severity;
        xxgk::parse_severity(m[2].str(), severity);
        r.severity = severity;
      }
      result.reported.push_back(std::move(r));
    } else if (std::regex_match(line, m, silent) && !why.empty()) {
      for (const std::string& rule : split_list(m[1].str())) result.silent.push_back({sample, rule, why});
    } else if (std::regex_match(line, m, silent_in)) {
      for (const std::string& name : split_list(m[1].str()))
        result.silent.push_back({name + ".txt", m[2].str(), "cross-sample check: " + line});
    } else if (std::regex_match(line, looks_like_check)) {
      result.errors.push_back("EXPECTED.md line " + std::to_string(line_number) + " does not parse: " + line);
    }
  }
  return result;
}

const ExpectedDeviations& expected_deviations() {
  static const ExpectedDeviations parsed =
      parse_expected_md(xxgk::testing_support::read_fixture(std::filesystem::path("samples") / "EXPECTED.md"));
  return parsed;
}

std::vector<xxgk::Diagnostic> lint_sample(const std::string& name, std::string& text) {
  text = xxgk::testing_support::read_fixture(std::filesystem::path("samples") / name);
  EXPECT_FALSE(text.empty()) << name;
  return xxgk::lint(text, {});
}

bool matches(const Reported& expected, const xxgk::Diagnostic& d, const xxgk::LineIndex& lines) {
  const uint32_t line = lines.line_of(d.range.begin) + 1;
  return d.rule->id == expected.rule && line >= expected.first_line && line <= expected.last_line &&
         (!expected.severity || d.severity == *expected.severity) &&
         d.message.find(expected.message_part) != std::string::npos;
}

TEST(Samples, EXPECTEDmdParsesAndNamesEverySampleAndKnownRules) {
  const ExpectedDeviations& expected = expected_deviations();
  for (const std::string& error : expected.errors) ADD_FAILURE() << error;
  std::vector<std::string> on_disk;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(XXGK_FIXTURES_DIR) / "samples"))
    if (entry.path().extension() == ".txt") on_disk.push_back(entry.path().filename().string());
  std::vector<std::string> listed = expected.samples;
  std::sort(on_disk.begin(), on_disk.end());
  std::sort(listed.begin(), listed.end());
  EXPECT_EQ(listed, on_disk) << "every sample needs its section in EXPECTED.md";
  for (const std::string& sample : expected.samples)
    EXPECT_TRUE(std::any_of(expected.reported.begin(), expected.reported.end(),
                            [&](const Reported& r) { return r.sample == sample; }))
        << sample << " has no `- reports` line";
  for (const Reported& r : expected.reported) EXPECT_NE(xxgk::find_rule(r.rule), nullptr) << r.why;
  for (const Silent& s : expected.silent) {
    EXPECT_NE(xxgk::find_rule(s.rule), nullptr) << s.why;
    EXPECT_NE(std::find(on_disk.begin(), on_disk.end(), s.sample), on_disk.end()) << "no sample " << s.sample;
  }
}

TEST(Samples, EveryListedDeviationIsReported) {
  for (const Reported& expected : expected_deviations().reported) {
    std::string text;
    const auto diagnostics = lint_sample(expected.sample, text);
    const xxgk::LineIndex lines(text);
    const bool found = std::any_of(diagnostics.begin(), diagnostics.end(),
                                   [&](const xxgk::Diagnostic& d) { return matches(expected, d, lines); });
    EXPECT_TRUE(found) << expected.sample << ": " << expected.rule
                       << (expected.severity ? " " + std::string(xxgk::severity_name(*expected.severity)) : "")
                       << " expected on line " << expected.first_line
                       << (expected.last_line != expected.first_line ? "–" + std::to_string(expected.last_line) : "")
                       << " (" << expected.why << ")";
  }
}

TEST(Samples, NothingIsReportedOnWhatIsCorrect) {
  for (const Silent& silent : expected_deviations().silent) {
    std::string text;
    const auto diagnostics = lint_sample(silent.sample, text);
    const xxgk::LineIndex lines(text);
    for (const xxgk::Diagnostic& d : diagnostics)
      if (d.rule->id == silent.rule)
        ADD_FAILURE() << silent.sample << ": unexpected " << d.rule->id << " on line "
                      << lines.line_of(d.range.begin) + 1 << ": " << d.message << " (" << silent.why << ")";
  }
}

TEST(Samples, NoErrorOrWarningBeyondTheListedDeviations) {
  const ExpectedDeviations& expected = expected_deviations();
  for (const std::string& sample : expected.samples) {
    std::string text;
    const auto diagnostics = lint_sample(sample, text);
    const xxgk::LineIndex lines(text);
    for (const xxgk::Diagnostic& d : diagnostics) {
      if (d.severity == xxgk::Severity::Info) continue;
      const bool listed = std::any_of(expected.reported.begin(), expected.reported.end(),
                                      [&](const Reported& r) { return r.sample == sample && matches(r, d, lines); });
      EXPECT_TRUE(listed) << sample << ": " << d.rule->id << " on line " << lines.line_of(d.range.begin) + 1
                          << " is not a deviation EXPECTED.md lists: " << d.message;
    }
  }
}

}  // namespace
