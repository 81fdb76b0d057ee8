// The command line as users of peer linters expect it (issue 20): files that are not reports are skipped with a note,
// --output-file, --statistics, --color, COMMAND --help, --stdin-filename, fix --diff, .gitignore-aware walks,
// unreadable files in JSON and SARIF, SARIF rule help, and suppression (comments, per-file-ignores, X002).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "cli/ignore_files.h"
#include "cli/unified_diff.h"
#include "cli_test_support.h"

namespace xxgk::cli_test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using Json = nlohmann::json;

constexpr std::string_view kSkipNote = "不像政府信息公开工作年度报告，未检查";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// A report whose section-5 heading is worded wrongly: one S105 warning, with a safe fix.
std::string report_with_s105(bool markdown) {
  return replaced(clean_report(markdown), "五、存在的主要问题及改进情况", "五、存在主要问题及改进情况");
}

class InterfaceTest : public ::testing::Test {
 protected:
  RunResult run(std::vector<std::string> args, const std::string& input = {}) {
    args.push_back("--no-progress");
    return run_lint(args, dir.path(), input);
  }
  TempDir dir;
};

// --- Reports and other files ---------------------------------------------------------------------------------------

TEST_F(InterfaceTest, FilesThatAreNotReportsGetANoteNotErrors) {
  write_file(dir / "README.md", "# 2023 年度报告仓库\n\n本仓库存放各部门的政府信息公开工作年度报告，每年一个目录。\n");
  write_file(dir / "meeting-notes.md",
             "# 会议纪要\n\n一、总体情况\n\n讨论政府信息公开工作年度报告的编写分工，下周提交初稿。\n");
  write_file(dir / "CHANGELOG.md", "# Changelog\n\n## 2024-01-31\n\n- 更新 2023 年度报告的表格。\n");
  write_file(dir / "empty.txt", "");
  for (const std::string name : {"README.md", "meeting-notes.md", "CHANGELOG.md", "empty.txt"}) {
    SCOPED_TRACE(name);
    RunResult result = run({"check", name});
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    EXPECT_THAT(result.err, HasSubstr(name + ": " + std::string(kSkipNote)));
    EXPECT_THAT(result.out, HasSubstr("共 0 个文件"));
    // --force-report lints it anyway: a non-report has no sections.
    RunResult forced = run({"check", "--force-report", name});
    EXPECT_EQ(forced.exit_code, 1) << forced.out;
    EXPECT_THAT(forced.out, HasSubstr("error[S103]"));
  }
  // fix leaves them alone too.
  RunResult fixed = run({"fix", "--unsafe", "README.md"});
  EXPECT_EQ(fixed.exit_code, 0);
  EXPECT_EQ(read_file(dir / "README.md"),
            "# 2023 年度报告仓库\n\n本仓库存放各部门的政府信息公开工作年度报告，每年一个目录。\n");
}

TEST_F(InterfaceTest, ForceReportFromTheConfigFile) {
  write_file(dir / "notes.txt", "会议纪要\n");
  write_file(dir / ".xxgk-lint.json", R"({"forceReport": true})");
  RunResult result = run({"check", "notes.txt"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr("notes.txt:1:1: error[S10"));
}

TEST_F(InterfaceTest, ReportsWithoutTheirTitleAreStillLinted) {
  for (bool markdown : {false, true}) {
    std::string report = clean_report(markdown);
    report.erase(0, report.find('\n') + 1);  // the title line
    write_file(dir / "untitled.txt", report);
    RunResult result = run({"check", "untitled.txt"});
    EXPECT_EQ(result.exit_code, 1) << result.err;
    EXPECT_THAT(result.out, HasSubstr("error[S101]"));
    EXPECT_THAT(result.err, Not(HasSubstr(std::string(kSkipNote))));
  }
  // A web copy that lost the title and its line breaks: the preamble names the report and cites the regulation.
  write_file(dir / "flattened.txt",
             "根据《中华人民共和国政府信息公开条例》规定，现公布本局2023年政府信息公开工作年度报告。一、总体情况 二、主动公开政府信息情况\n");
  RunResult flattened = run({"check", "flattened.txt"});
  EXPECT_THAT(flattened.err, Not(HasSubstr(std::string(kSkipNote))));
  EXPECT_THAT(flattened.out, HasSubstr("共 1 个文件"));
}

// --- Output ---------------------------------------------------------------------------------------------------------

TEST_F(InterfaceTest, OutputFileHoldsWhatStandardOutputWouldForEveryFormat) {
  write_file(dir / "r.txt", report_with_s105(false));
  for (const std::string format : {"text", "json", "sarif", "github"}) {
    SCOPED_TRACE(format);
    RunResult to_stdout = run({"check", "--format", format, "r.txt"});
    RunResult to_file = run({"check", "--format", format, "--output-file", "report.out", "r.txt"});
    EXPECT_EQ(to_file.exit_code, to_stdout.exit_code);
    EXPECT_EQ(to_file.out, "");
    EXPECT_THAT(to_stdout.out, HasSubstr("S105"));
    EXPECT_EQ(read_file(dir / "report.out"), to_stdout.out);
  }
  RunResult unwritable = run({"check", "--output-file", "no/such/directory/out", "r.txt"});
  EXPECT_EQ(unwritable.exit_code, 2);
  EXPECT_THAT(unwritable.err, HasSubstr("无法写入输出文件"));
}

TEST_F(InterfaceTest, StatisticsCountPerRuleMostFrequentFirst) {
  std::string two_w502 = replaced(report_with_s105(false), "（一）主动公开。", "(一)主动公开。");
  two_w502 = replaced(two_w502, "（二）依申请公开。", "(二)依申请公开。");
  write_file(dir / "r.txt", two_w502);
  RunResult text = run({"check", "--statistics", "r.txt"});
  EXPECT_EQ(text.exit_code, 0) << text.out;
  std::string expected_first = "2\tW502\t[*] punctuation-width\n1\tS105\t[*] heading-wording\n";
  EXPECT_TRUE(text.out.starts_with(expected_first)) << text.out;
  EXPECT_THAT(text.out, HasSubstr("共 1 个文件：0 个错误，1 个警告，2 条提示"));

  RunResult json = run({"check", "--statistics", "--format", "json", "r.txt"});
  Json counts = Json::parse(json.out);
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_EQ(counts[0], (Json{{"code", "W502"}, {"name", "punctuation-width"}, {"count", 2}, {"fixable", true}}));
  EXPECT_EQ(counts[1]["code"], "S105");
}

TEST_F(InterfaceTest, ColourOnRequestOrOnATerminalUnlessNoColor) {
  write_file(dir / "r.txt", report_with_s105(false));
  RunResult always = run({"check", "--color", "always", "r.txt"});
  EXPECT_THAT(always.out, HasSubstr("\x1b[1;33mwarning[S105]\x1b[0m"));
  RunResult never = run({"check", "--color=never", "r.txt"});
  EXPECT_THAT(never.out, Not(HasSubstr("\x1b[")));
  RunResult piped = run({"check", "r.txt"});  // auto, and standard output is a file
  EXPECT_THAT(piped.out, Not(HasSubstr("\x1b[")));
  EXPECT_EQ(run({"check", "--color", "sometimes", "r.txt"}).exit_code, 2);

  // On a terminal (script(1) gives the child one), auto colours unless NO_COLOR is set.
  const std::string command = std::string(XXGK_LINT_BINARY) + " check --no-progress r.txt";
  RunResult terminal = run_program("/usr/bin/script", {"-qec", "env -u NO_COLOR " + command, "/dev/null"}, dir.path());
  EXPECT_THAT(terminal.out, HasSubstr("\x1b[1;33mwarning[S105]"));
  RunResult no_color = run_program("/usr/bin/script", {"-qec", "env NO_COLOR=1 " + command, "/dev/null"}, dir.path());
  EXPECT_THAT(no_color.out, HasSubstr("warning[S105]"));
  EXPECT_THAT(no_color.out, Not(HasSubstr("\x1b[1;33m")));
}

TEST_F(InterfaceTest, EachCommandHasItsOwnHelp) {
  RunResult fix = run_lint({"fix", "--help"}, dir.path());
  EXPECT_EQ(fix.exit_code, 0);
  EXPECT_THAT(fix.out, HasSubstr("用法 (usage): xxgk-lint fix"));
  EXPECT_THAT(fix.out, HasSubstr("--diff"));
  EXPECT_THAT(fix.out, Not(HasSubstr("xxgk-lint rules")));
  RunResult check = run_lint({"check", "-h"}, dir.path());
  EXPECT_THAT(check.out, HasSubstr("--output-file"));
  EXPECT_THAT(check.out, Not(HasSubstr("--unsafe")));
  RunResult init = run_lint({"help", "init"}, dir.path());
  EXPECT_THAT(init.out, HasSubstr("--agency"));
  EXPECT_THAT(init.out, Not(HasSubstr("--format")));
}

TEST_F(InterfaceTest, StdinFilenameNamesStandardInputAndSelectsItsConfiguration) {
  write_file(dir / ".xxgk-lint.json", R"({"per-file-ignores": {"2019/*.txt": ["S105"]}})");
  RunResult named = run({"check", "--stdin-filename", "2024/r.txt", "-"}, report_with_s105(false));
  EXPECT_THAT(named.out, HasSubstr("2024/r.txt:"));
  EXPECT_THAT(named.out, HasSubstr("warning[S105]"));
  RunResult ignored = run({"check", "--stdin-filename", "2019/r.txt", "-"}, report_with_s105(false));
  EXPECT_THAT(ignored.out, Not(HasSubstr("S105")));
  EXPECT_THAT(ignored.out, HasSubstr("共 1 个文件：0 个错误，0 个警告，0 条提示"));
}

TEST_F(InterfaceTest, FixDiffShowsWhatWouldChangeAndWritesNothing) {
  const std::string before = report_with_s105(false);
  write_file(dir / "r.txt", before);
  write_file(dir / "clean.txt", clean_report());
  RunResult diff = run({"fix", "--diff", "r.txt", "clean.txt"});
  EXPECT_EQ(diff.exit_code, 1) << diff.err;
  EXPECT_EQ(read_file(dir / "r.txt"), before);
  EXPECT_THAT(diff.out, HasSubstr("--- a/r.txt\n+++ b/r.txt\n@@ "));
  EXPECT_THAT(diff.out, HasSubstr("\n-五、存在主要问题及改进情况\n+五、存在的主要问题及改进情况\n"));
  EXPECT_THAT(diff.out, Not(HasSubstr("clean.txt")));
  // The diff is what fix writes: patch(1) applied to the original gives fix's result.
  write_file(dir / "r.diff", diff.out);
  ASSERT_EQ(run_program("/usr/bin/patch", {"-s", "-p1", "-i", "r.diff"}, dir.path()).exit_code, 0);
  const std::string patched = read_file(dir / "r.txt");
  write_file(dir / "r.txt", before);
  ASSERT_EQ(run({"fix", "r.txt"}).exit_code, 0);
  EXPECT_EQ(patched, read_file(dir / "r.txt"));

  RunResult nothing = run({"fix", "--diff", "clean.txt"});
  EXPECT_EQ(nothing.exit_code, 0);
  EXPECT_EQ(nothing.out, "");
}

TEST(UnifiedDiff, HunksWithContextAndEndOfFileMarkers) {
  EXPECT_EQ(cli::unified_diff("f", "same\n", "same\n"), "");
  EXPECT_EQ(cli::unified_diff("f", "a\nb\nc\n", "a\nB\nc\n"), "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
  EXPECT_EQ(cli::unified_diff("f", "a", "b"),
            "--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n");
  EXPECT_EQ(cli::unified_diff("f", "", "x\n"), "--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+x\n");
  // Two changes far apart make two hunks, each with three lines of context.
  std::string before;
  for (int i = 1; i <= 20; ++i) before += std::to_string(i) + "\n";
  std::string after = replaced(replaced(before, "\n2\n", "\nTWO\n"), "\n18\n", "\n");
  EXPECT_EQ(cli::unified_diff("f", before, after),
            "--- a/f\n+++ b/f\n@@ -1,5 +1,5 @@\n 1\n-2\n+TWO\n 3\n 4\n 5\n"
            "@@ -15,6 +15,5 @@\n 15\n 16\n 17\n-18\n 19\n 20\n");
}

// --- Directory walks ------------------------------------------------------------------------------------------------

// The files a check run reported on: the path before the first ':' of each diagnostic line.
std::set<std::string> reported_files(const std::string& output) {
  std::set<std::string> files;
  size_t begin = 0;
  while (begin < output.size()) {
    const size_t end = std::min(output.find('\n', begin), output.size());
    const std::string line = output.substr(begin, end - begin);
    if (!line.starts_with("共 ") && line.find(':') != std::string::npos) files.insert(line.substr(0, line.find(':')));
    begin = end + 1;
  }
  return files;
}

TEST_F(InterfaceTest, DirectoryWalksHonourGitignoreAndSkipNodeModules) {
  const std::string report = report_with_s105(false);
  fs::create_directories(dir / "repo/.git");
  write_file(dir / "repo/.gitignore", "drafts/\n*.bak.txt\n/top-only.txt\n");
  write_file(dir / "repo/reports/a.txt", report);
  write_file(dir / "repo/reports/b.bak.txt", report);
  write_file(dir / "repo/reports/top-only.txt", report);  // anchored pattern: only the root's is ignored
  write_file(dir / "repo/top-only.txt", report);
  write_file(dir / "repo/reports/drafts/c.txt", report);
  write_file(dir / "repo/reports/.gitignore", "keep-out.txt\n!b.bak.txt\n");
  write_file(dir / "repo/reports/keep-out.txt", report);
  write_file(dir / "repo/node_modules/pkg/readme.txt", report);

  auto checked = [&](std::vector<std::string> args) {
    args.insert(args.begin(), "check");
    return reported_files(run(args).out);
  };
  const std::set<std::string> kept = {"repo/reports/a.txt", "repo/reports/b.bak.txt", "repo/reports/top-only.txt"};
  EXPECT_EQ(checked({"repo"}), kept);
  // Walking a subdirectory still honours the repository root's .gitignore.
  EXPECT_EQ(checked({"repo/reports"}), kept);
  EXPECT_EQ(checked({"--no-ignore", "repo"}).size(), 7u);
  // A file named explicitly is checked even when ignored.
  EXPECT_EQ(checked({"repo/reports/drafts/c.txt"}), (std::set<std::string>{"repo/reports/drafts/c.txt"}));
}

TEST(IgnoreFile, PatternsAsGitReadsThem) {
  std::vector<cli::IgnorePattern> patterns =
      cli::parse_ignore_file("# comment\n\nbuild/\n!keep.txt\n/root.md\na/b\n\\#x\n");
  ASSERT_EQ(patterns.size(), 5u);
  EXPECT_EQ(patterns[0].glob, "**/build");
  EXPECT_TRUE(patterns[0].directory_only);
  EXPECT_TRUE(patterns[1].negated);
  EXPECT_EQ(patterns[2].glob, "root.md");
  EXPECT_EQ(patterns[3].glob, "a/b");
  EXPECT_EQ(patterns[4].glob, "**/#x");
}

// --- Unreadable files in JSON and SARIF; SARIF help -----------------------------------------------------------------

TEST_F(InterfaceTest, FilesThatCouldNotBeCheckedAppearInJsonAndSarif) {
  write_file(dir / "r.txt", report_with_s105(false));
  write_file(dir / "binary.txt", std::string("%PDF-1.7\n\0\0", 12));
  RunResult json = run({"check", "--format", "json", "missing.txt", "r.txt", "binary.txt"});
  EXPECT_EQ(json.exit_code, 2);
  Json document = Json::parse(json.out);
  ASSERT_EQ(document["files"].size(), 3u);
  EXPECT_EQ(document["files"][0]["path"], "missing.txt");
  EXPECT_THAT(document["files"][0]["error"].get<std::string>(), HasSubstr("no such file"));
  EXPECT_FALSE(document["files"][0].contains("diagnostics"));
  EXPECT_EQ(document["files"][1]["path"], "r.txt");
  EXPECT_EQ(document["files"][2]["path"], "binary.txt");
  EXPECT_THAT(document["files"][2]["error"].get<std::string>(), HasSubstr("not a text file"));
  EXPECT_EQ(document["summary"]["files"], 1);

  RunResult sarif = run({"check", "--format", "sarif", "missing.txt", "r.txt", "binary.txt"});
  Json run_object = Json::parse(sarif.out)["runs"][0];
  ASSERT_TRUE(run_object.contains("invocations"));
  EXPECT_EQ(run_object["invocations"][0]["executionSuccessful"], false);
  Json notifications = run_object["invocations"][0]["toolExecutionNotifications"];
  ASSERT_EQ(notifications.size(), 2u);
  EXPECT_EQ(notifications[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "missing.txt");
  EXPECT_EQ(notifications[1]["level"], "error");
  EXPECT_THAT(notifications[1]["message"]["text"].get<std::string>(), HasSubstr("PDF"));
  EXPECT_EQ(run_object["results"].size(), 1u);
}

TEST_F(InterfaceTest, SarifRulesCarryHelpAndTheirPageInTheRepository) {
  write_file(dir / "r.txt", clean_report());
  Json sarif = Json::parse(run({"check", "--format", "sarif", "r.txt"}).out);
  for (const Json& rule : sarif["runs"][0]["tool"]["driver"]["rules"]) {
    const std::string id = rule["id"];
    EXPECT_EQ(rule["helpUri"], "docs/rules/" + id + ".md");
    EXPECT_TRUE(fs::exists(fs::path(XXGK_DOCS_DIR) / "rules" / (id + ".md"))) << id;
    EXPECT_EQ(rule["help"]["markdown"].get<std::string>().rfind("# " + id + " ", 0), 0u) << id;
    EXPECT_THAT(rule["help"]["text"].get<std::string>(), HasSubstr(rule["shortDescription"]["text"].get<std::string>()));
  }
  EXPECT_THAT(sarif.dump(), Not(HasSubstr("https://github.com")));
}

// --- Suppression ----------------------------------------------------------------------------------------------------

TEST_F(InterfaceTest, MarkdownSuppressionComments) {
  const std::string heading = "## 五、存在主要问题及改进情况";
  auto check_with = [&](const std::string& report) {
    write_file(dir / "r.md", report);
    return run({"check", "r.md"}).out;
  };
  auto with_comment = [&](const std::string& report, const std::string& comments) {
    return replaced(report, heading, comments + heading);
  };
  const std::string report = report_with_s105(true);
  ASSERT_THAT(check_with(report), HasSubstr("warning[S105]"));
  EXPECT_THAT(check_with(with_comment(report, "<!-- xxgk-lint-disable-next-line S105 -->\n")), Not(HasSubstr("S105")));
  EXPECT_THAT(check_with(with_comment(report, "<!-- xxgk-lint-disable-next-line -->\n")), Not(HasSubstr("S105")));
  // disable … enable: a range; the same heading after the enable is reported again.
  EXPECT_THAT(check_with(with_comment(report, "<!-- xxgk-lint-disable S105 -->\n")), Not(HasSubstr("S105")));
  const std::string reenabled =
      check_with(with_comment(report, "<!-- xxgk-lint-disable S105 -->\n<!-- xxgk-lint-enable S105 -->\n"));
  EXPECT_THAT(reenabled, HasSubstr("warning[S105]"));
  EXPECT_THAT(reenabled, HasSubstr("info[X002]"));  // the disable covered nothing
  // disable-file anywhere in the file.
  EXPECT_THAT(check_with(report + "\n<!-- xxgk-lint-disable-file S105 -->\n"), Not(HasSubstr("S105")));
  // A comment naming another rule suppresses nothing and is reported.
  const std::string unused = check_with(with_comment(report, "<!-- xxgk-lint-disable-next-line T204 -->\n"));
  EXPECT_THAT(unused, HasSubstr("warning[S105]"));
  EXPECT_THAT(unused, HasSubstr("info[X002] 抑制注释未抑制任何诊断"));
  // X002 can be turned off like a rule.
  write_file(dir / ".xxgk-lint.json", R"({"rules": {"X002": "off"}})");
  EXPECT_THAT(check_with(with_comment(report, "<!-- xxgk-lint-disable-next-line T204 -->\n")), Not(HasSubstr("X002")));
}

TEST_F(InterfaceTest, PerFileIgnoresForPlainText) {
  write_file(dir / ".xxgk-lint.json", R"({"per-file-ignores": {"2019/*.txt": ["S105"], "old/**": ["S105"]}})");
  write_file(dir / "2019/r.txt", report_with_s105(false));
  write_file(dir / "2020/r.txt", report_with_s105(false));
  write_file(dir / "old/deep/r.txt", report_with_s105(false));
  RunResult result = run({"check", "."});
  EXPECT_EQ(reported_files(result.out), (std::set<std::string>{"2020/r.txt"}));
  write_file(dir / ".xxgk-lint.json", R"({"per-file-ignores": {"*.txt": ["Z999"]}})");
  RunResult invalid = run({"check", "2019/r.txt"});
  EXPECT_EQ(invalid.exit_code, 2);
  EXPECT_THAT(invalid.err, HasSubstr("Z999"));
}

}  // namespace
}  // namespace xxgk::cli_test

namespace xxgk::cli_test {
namespace {

// --- Installed files ------------------------------------------------------------------------------------------------

// The man page and completions `cmake --install` installs are generated from the help text: every option the help
// lists is in each of them, and every rule is in the man page.
TEST(InstallFiles, ManPageAndCompletionsCoverEveryOptionAndRule) {
  TempDir dir;
  RunResult generated = run_program(XXGK_DOCGEN_BINARY, {"--install-files", dir.path().string()}, dir.path());
  ASSERT_EQ(generated.exit_code, 0) << generated.err;
  const std::string man = read_file(dir / "xxgk-lint.1");
  const std::string bash = read_file(dir / "xxgk-lint.bash");
  const std::string zsh = read_file(dir / "_xxgk-lint");
  EXPECT_TRUE(man.starts_with(".TH XXGK\\-LINT 1 "));
  EXPECT_TRUE(zsh.starts_with("#compdef xxgk-lint\n"));
  for (const std::string command : {"check", "fix", "init"}) {
    const std::string help = run_lint({command, "--help"}, dir.path()).out;
    for (size_t at = help.find("\n  --"); at != std::string::npos; at = help.find("\n  --", at + 1)) {
      const std::string option = help.substr(at + 3, help.find_first_of(" \n", at + 3) - at - 3);
      SCOPED_TRACE(command + " " + option);
      std::string roff_option;
      for (char c : option) roff_option += c == '-' ? std::string("\\-") : std::string(1, c);
      EXPECT_THAT(man, HasSubstr("\\fB" + roff_option));
      EXPECT_THAT(bash, HasSubstr(option));
      EXPECT_THAT(zsh, HasSubstr("'" + option));
    }
  }
  const std::string rules = run_lint({"rules"}, dir.path()).out;
  for (size_t at = rules.find('\n'); at + 1 < rules.size(); at = rules.find('\n', at + 1))
    EXPECT_THAT(man, HasSubstr("\\fB" + rules.substr(at + 1, 4) + "\\fR"));
  EXPECT_THAT(man, HasSubstr("\\fBX002\\fR unused\\-suppression"));
}

}  // namespace
}  // namespace xxgk::cli_test
