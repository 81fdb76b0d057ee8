// The commands that read no report (rules, explain, init, --help, --version) and the generated docs being current.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "cli_test_support.h"
#include "xxgk/options.h"
#include "xxgk/rule.h"

namespace xxgk::cli_test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

class CommandsTest : public ::testing::Test {
 protected:
  RunResult lint(const std::vector<std::string>& args, const std::string& input = {}) {
    return run_lint(args, dir.path(), input);
  }
  TempDir dir;
};

TEST_F(CommandsTest, VersionAndHelp) {
  RunResult version = lint({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out, "xxgk-lint " XXGK_VERSION "\n");
  RunResult help = lint({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, HasSubstr("用法 (usage)"));
  EXPECT_THAT(help.out, HasSubstr("xxgk-lint check"));
  EXPECT_EQ(lint({"check", "--help"}).exit_code, 0);
  EXPECT_EQ(lint({}).exit_code, 2);
  RunResult unknown = lint({"lint"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("lint"));
}

TEST_F(CommandsTest, RulesListsEveryRule) {
  RunResult result = lint({"rules"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.out, StartsWith("ID    SLUG"));
  // rules.md catalogues 38 rules: S101–S111, T201–T209, A301–A306, C401–C408, W501–W504.
  EXPECT_EQ(std::count(result.out.begin(), result.out.end(), '\n'), 1 + 38);
  for (const Rule& rule : all_rules()) {
    std::string row = std::string(rule.descriptor.id) + "  " + std::string(rule.descriptor.slug);
    EXPECT_THAT(result.out, HasSubstr(row));
    EXPECT_THAT(result.out, HasSubstr(std::string(rule.descriptor.title_zh) + "\n"));
  }
  EXPECT_THAT(result.out, HasSubstr(" safe "));
  EXPECT_THAT(result.out, HasSubstr(" unsafe "));
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  return std::string(text);
}

TEST_F(CommandsTest, ExplainShowsTheDocumentationWithBadAndGoodExamples) {
  const RuleDescriptor& rule = find_rule("T202")->descriptor;
  RunResult result = lint({"explain", "T202"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.out, StartsWith("# T202 table-row-missing\n"));
  EXPECT_THAT(result.out, HasSubstr(trimmed(rule.bad)));
  EXPECT_THAT(result.out, HasSubstr(trimmed(rule.good)));
  EXPECT_THAT(result.out, HasSubstr(std::string(rule.title_zh)));
  // Chinese documentation first, then English.
  EXPECT_LT(result.out.find("## 说明"), result.out.find("## Description"));
  EXPECT_EQ(lint({"explain", "t202"}).out, result.out);
  EXPECT_EQ(lint({"explain", "table-row-missing"}).out, result.out);
}

// X001 is no catalogue rule, but its diagnostics link to a page like every other: explain prints it, with the bounds.
TEST_F(CommandsTest, ExplainShowsTheInputLimitPageWithItsBounds) {
  RunResult result = lint({"explain", "X001"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, StartsWith("# X001 input-too-large\n"));
  EXPECT_THAT(result.out, HasSubstr("| " + std::to_string(LintLimits{}.max_lines) + " |"));
  EXPECT_EQ(lint({"explain", "input-too-large"}).out, result.out);
}

TEST_F(CommandsTest, ExplainUnknownRuleSuggestsSimilarIds) {
  RunResult result = lint({"explain", "T2O2"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("T2O2"));
  EXPECT_THAT(result.err, HasSubstr("T202"));
  RunResult by_slug = lint({"explain", "table-row-mising"});
  EXPECT_EQ(by_slug.exit_code, 2);
  EXPECT_THAT(by_slug.err, HasSubstr("T202"));
  EXPECT_EQ(lint({"explain"}).exit_code, 2);
}

// The skeleton leaves its placeholders to the writer: each 【待填写】 and each 某某 of the agency name given gets
// C408, and nothing else is an error or a warning.
TEST_F(CommandsTest, InitSkeletonGetsC408OnEachPlaceholderAndNothingElse) {
  const auto count = [](const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
  };
  for (bool markdown : {false, true}) {
    std::vector<std::string> args = {"init", "--agency", "某某县人民政府", "--year", "2024"};
    if (markdown) args.push_back("--markdown");
    RunResult skeleton = lint(args);
    ASSERT_EQ(skeleton.exit_code, 0) << skeleton.err;
    EXPECT_THAT(skeleton.out, HasSubstr("某某县人民政府"));
    EXPECT_THAT(skeleton.out, HasSubstr("2024"));
    RunResult check = lint({"check", "-"}, skeleton.out);
    EXPECT_EQ(check.exit_code, 1) << (markdown ? "markdown" : "plain") << "\n" << check.out;
    const size_t placeholders = count(skeleton.out, "【待填写】") + count(skeleton.out, "某某县");
    EXPECT_GT(placeholders, 0u);
    EXPECT_EQ(count(check.out, ": error[C408]"), placeholders) << check.out;
    EXPECT_EQ(count(check.out, ": error["), placeholders) << check.out;
    EXPECT_THAT(check.out, Not(HasSubstr(": warning[")));
  }
}

TEST_F(CommandsTest, InitNeedsAgencyAndYear) {
  EXPECT_EQ(lint({"init", "--agency", "某某局"}).exit_code, 2);
  EXPECT_EQ(lint({"init", "--year", "2024"}).exit_code, 2);
  EXPECT_EQ(lint({"init", "--agency", "某某局", "--year", "24"}).exit_code, 2);
  EXPECT_EQ(lint({"init", "--agency", "某某局", "--year", "2024", "extra"}).exit_code, 2);
}

// docs/rules/*.md, docs/rules/README.md and docs/config.schema.json are what xxgk-docgen writes now.
TEST_F(CommandsTest, CommittedDocsAreCurrent) {
  RunResult generated = run_program(XXGK_DOCGEN_BINARY, {dir.path().string()}, dir.path());
  ASSERT_EQ(generated.exit_code, 0) << generated.err;
  std::set<std::string> generated_pages;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir / "rules")) {
    std::string name = entry.path().filename().string();
    generated_pages.insert(name);
    fs::path committed = fs::path(XXGK_DOCS_DIR) / "rules" / name;
    ASSERT_TRUE(fs::exists(committed)) << committed << " is missing: run scripts/gen-docs.sh";
    EXPECT_EQ(read_file(entry.path()), read_file(committed)) << committed << " is stale: run scripts/gen-docs.sh";
  }
  EXPECT_EQ(generated_pages.size(), 38u + 3u);  // a page per rule, X001's, X002's and the index
  for (const fs::directory_entry& entry : fs::directory_iterator(fs::path(XXGK_DOCS_DIR) / "rules"))
    EXPECT_TRUE(generated_pages.count(entry.path().filename().string()))
        << entry.path() << " is not generated any more: run scripts/gen-docs.sh";
  EXPECT_EQ(read_file(dir / "config.schema.json"), read_file(fs::path(XXGK_DOCS_DIR) / "config.schema.json"))
      << "docs/config.schema.json is stale: run scripts/gen-docs.sh";
}

}  // namespace
}  // namespace xxgk::cli_test
