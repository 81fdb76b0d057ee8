// Configuration as the CLI applies it: nearest .xxgk-lint.json wins, --config overrides discovery, --rule overrides
// both, invalid files exit 2 naming file and line, ignore globs skip files.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli_test_support.h"

namespace xxgk::cli_test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// warnings.txt's S105 finding: heading 五 worded as in the regulation instead of the format.
class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    report = read_file(fixtures_dir() / "reports/warnings.txt");
    write_file(dir / "top.txt", report);
    write_file(dir / "sub/nested.txt", report);
  }
  RunResult check(std::vector<std::string> args) {
    args.insert(args.begin(), "check");
    return run_lint(args, dir.path());
  }
  TempDir dir;
  std::string report;
};

TEST_F(ConfigTest, NearestAncestorConfigWins) {
  write_file(dir / ".xxgk-lint.json", R"({"rules": {"S105": "off"}})");
  write_file(dir / "sub/.xxgk-lint.json", R"({"rules": {"S105": "error"}})");
  RunResult result = check({"top.txt", "sub/nested.txt"});
  EXPECT_THAT(result.out, Not(HasSubstr("top.txt:")));
  EXPECT_THAT(result.out, HasSubstr(": error[S105]"));
  EXPECT_THAT(result.out, HasSubstr("sub/nested.txt:"));
  EXPECT_EQ(result.exit_code, 1);
}

TEST_F(ConfigTest, ExplicitConfigOverridesDiscoveryAndRuleOptionOverridesBoth) {
  write_file(dir / ".xxgk-lint.json", R"({"rules": {"S105": "off"}})");
  write_file(dir / "sub/.xxgk-lint.json", R"({"rules": {"S105": "error"}})");
  write_file(dir / "ci.json", R"({"rules": {"S105": "info"}})");
  RunResult explicit_config = check({"--config", "ci.json", "top.txt", "sub/nested.txt"});
  EXPECT_THAT(explicit_config.out, HasSubstr("top.txt:"));
  EXPECT_THAT(explicit_config.out, HasSubstr(": info[S105]"));
  EXPECT_THAT(explicit_config.out, Not(HasSubstr(": error[S105]")));

  RunResult rule_option = check({"--config", "ci.json", "--rule", "S105=warning", "top.txt", "sub/nested.txt"});
  EXPECT_THAT(rule_option.out, HasSubstr(": warning[S105]"));
  EXPECT_THAT(rule_option.out, Not(HasSubstr(": info[S105]")));

  RunResult rule_over_discovery = check({"--rule", "S105=off", "top.txt", "sub/nested.txt"});
  EXPECT_THAT(rule_over_discovery.out, Not(HasSubstr("[S105]")));
  EXPECT_EQ(rule_over_discovery.exit_code, 0);
}

TEST_F(ConfigTest, CommentsAndTrailingCommasAreAccepted) {
  write_file(dir / ".xxgk-lint.json", R"({
    // the heading wording is checked elsewhere
    "rules": {
      "S105": "off", /* for now */
    },
  })");
  RunResult result = check({"top.txt"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, Not(HasSubstr("[S105]")));
}

TEST_F(ConfigTest, InvalidConfigExitsTwoNamingFileAndLine) {
  write_file(dir / "sub/.xxgk-lint.json", "{\n  \"rules\": {\n    \"S999\": \"off\"\n  }\n}\n");
  RunResult result = check({"sub/nested.txt", "top.txt"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("sub/.xxgk-lint.json:3:"));
  EXPECT_THAT(result.err, HasSubstr("S999"));
  // The file the broken config does not govern is still checked.
  EXPECT_THAT(result.out, HasSubstr("top.txt:"));
  EXPECT_THAT(result.out, Not(HasSubstr("nested.txt:")));
}

// A number that overflows a double made the JSON parser throw out_of_range, which check and fix did not catch (they
// aborted with exit 134).
TEST_F(ConfigTest, OverflowingNumberInAConfigExitsTwoNamingFileLineAndReason) {
  write_file(dir / "sub/.xxgk-lint.json", "{\n  \"year\": 1e400\n}\n");
  for (const char* command : {"check", "fix"}) {
    RunResult result = run_lint({command, "--no-progress", "sub/nested.txt"}, dir.path());
    EXPECT_EQ(result.exit_code, 2) << command;
    EXPECT_THAT(result.err, HasSubstr("sub/.xxgk-lint.json:2:")) << command;
    EXPECT_THAT(result.err, HasSubstr("number overflow")) << command;
  }
  RunResult explicit_config = run_lint({"check", "--config", "sub/.xxgk-lint.json", "top.txt"}, dir.path());
  EXPECT_EQ(explicit_config.exit_code, 2);
  EXPECT_THAT(explicit_config.err, HasSubstr("sub/.xxgk-lint.json:2:"));
}

TEST_F(ConfigTest, InvalidExplicitConfigExitsTwo) {
  write_file(dir / "bad.json", "{\n  \"year\": 2024\n  \"rules\": {}\n}\n");
  RunResult result = check({"--config", "bad.json", "top.txt"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("bad.json:3:"));
  EXPECT_EQ(check({"--config", "missing.json", "top.txt"}).exit_code, 2);
}

TEST_F(ConfigTest, IgnoreGlobsSkipFilesInDirectoriesAndByName) {
  write_file(dir / ".xxgk-lint.json", R"({"ignore": ["drafts/**", "**/*-old.txt"]})");
  write_file(dir / "drafts/a.txt", report);
  write_file(dir / "drafts/deep/b.md", report);
  write_file(dir / "sub/2019-old.txt", report);
  RunResult walked = check({"."});
  EXPECT_THAT(walked.out, HasSubstr("top.txt:"));
  EXPECT_THAT(walked.out, HasSubstr("sub/nested.txt:"));
  EXPECT_THAT(walked.out, Not(HasSubstr("drafts/")));
  EXPECT_THAT(walked.out, Not(HasSubstr("2019-old")));
  EXPECT_THAT(walked.out, HasSubstr("(2 files:"));
  RunResult named = check({"drafts/a.txt", "sub/2019-old.txt"});
  EXPECT_EQ(named.exit_code, 0);
  EXPECT_THAT(named.out, HasSubstr("(0 files:"));
}

TEST_F(ConfigTest, YearAndAgencyKindOptionsReachTheRules) {
  // The report says 2023 everywhere; insisting on 2022 makes the self-references disagree.
  RunResult result = check({"--year", "2022", "--agency-kind", "government", "top.txt"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr("[C401]"));
}

}  // namespace
}  // namespace xxgk::cli_test
