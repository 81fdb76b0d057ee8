// `xxgk-lint check` run as a program: golden output per format, exit codes, directories, standard input, encodings,
// non-text files, --quiet and --jobs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "cli_test_support.h"

namespace xxgk::cli_test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

// `text` with every occurrence of `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// The version string changes with every release; goldens hold a placeholder instead.
std::string without_version(const std::string& output) {
  return replaced(output, "\"" XXGK_VERSION "\"", "\"<version>\"");
}

// Compares `actual` with tests/fixtures/cli/golden/`name`; XXGK_UPDATE_GOLDEN=1 rewrites the golden file instead.
void expect_golden(const std::string& name, const std::string& actual) {
  fs::path golden = fixtures_dir() / "golden" / name;
  const char* update = std::getenv("XXGK_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    write_file(golden, actual);
    return;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden << " is missing: run with XXGK_UPDATE_GOLDEN=1, then inspect it";
  EXPECT_EQ(actual, read_file(golden)) << "output differs from " << golden;
}

class CheckTest : public ::testing::Test {
 protected:
  void SetUp() override { copy_fixture_reports(dir.path()); }
  RunResult check(std::vector<std::string> args, const std::string& input = {}) {
    args.insert(args.begin(), "check");
    args.push_back("--no-progress");
    return run_lint(args, dir.path(), input);
  }
  TempDir dir;
};

TEST_F(CheckTest, GoldenText) {
  RunResult result = check({"reports"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_EQ(result.err, "");
  expect_golden("check.txt", result.out);
}

TEST_F(CheckTest, GoldenJson) {
  RunResult result = check({"--format", "json", "reports"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  expect_golden("check.json", without_version(result.out));
}

TEST_F(CheckTest, GoldenSarif) {
  RunResult result = check({"--format=sarif", "reports"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  expect_golden("check.sarif", without_version(result.out));
}

TEST_F(CheckTest, GoldenGithub) {
  RunResult result = check({"--format", "github", "reports"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  expect_golden("check.github.txt", result.out);
}

TEST_F(CheckTest, CleanReportExitsZero) {
  RunResult result = check({"reports/clean.txt", "reports/clean.md"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_EQ(result.out, "共 2 个文件：0 个错误，0 个警告，0 条提示 (2 files: 0 errors, 0 warnings, 0 info)\n");
}

TEST_F(CheckTest, WarningsAloneExitZero) {
  RunResult result = check({"reports/warnings.txt"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr(": warning["));
  EXPECT_THAT(result.out, Not(HasSubstr(": error[")));
}

TEST_F(CheckTest, ErrorsExitOne) {
  RunResult result = check({"reports/defects.txt"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr("reports/defects.txt:"));
  EXPECT_THAT(result.out, HasSubstr(": error["));
}

TEST_F(CheckTest, QuietReportsErrorsOnly) {
  RunResult result = check({"--quiet", "reports/defects.txt", "reports/warnings.txt"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr(": error["));
  EXPECT_THAT(result.out, Not(HasSubstr(": warning[")));
  EXPECT_THAT(result.out, Not(HasSubstr(": info[")));
}

TEST_F(CheckTest, UsageErrorsExitTwo) {
  EXPECT_EQ(check({"--format", "xml", "reports"}).exit_code, 2);
  EXPECT_EQ(check({"--bogus", "reports"}).exit_code, 2);
  EXPECT_EQ(check({}).exit_code, 2);
  EXPECT_EQ(check({"--jobs", "0", "reports"}).exit_code, 2);
  EXPECT_EQ(check({"--year", "二〇二三", "reports"}).exit_code, 2);
  RunResult unknown_rule = check({"--rule", "T299=off", "reports"});
  EXPECT_EQ(unknown_rule.exit_code, 2);
  EXPECT_THAT(unknown_rule.err, HasSubstr("T299"));
  EXPECT_THAT(unknown_rule.err, HasSubstr("T209"));  // similar ids are suggested
  EXPECT_EQ(check({"--rule", "T204=fatal", "reports"}).exit_code, 2);
}

TEST_F(CheckTest, MissingFileExitsTwoButOthersAreChecked) {
  RunResult result = check({"reports/missing.txt", "reports/defects.txt"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("reports/missing.txt"));
  EXPECT_THAT(result.out, HasSubstr("reports/defects.txt:"));
}

TEST_F(CheckTest, DirectoryIsSearchedRecursivelyForReportsInSortedOrder) {
  write_file(dir / "tree/b.txt", clean_report());
  write_file(dir / "tree/a/z.md", clean_report(true));
  write_file(dir / "tree/a/notes.markdown", clean_report(true));
  write_file(dir / "tree/image.png", "\x89PNG");
  write_file(dir / "tree/.hidden/x.txt", "\x01\x02\x00");
  RunResult result = check({"--format", "json", "tree"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  size_t notes = result.out.find("\"tree/a/notes.markdown\"");
  size_t z = result.out.find("\"tree/a/z.md\"");
  size_t b = result.out.find("\"tree/b.txt\"");
  ASSERT_NE(notes, std::string::npos);
  ASSERT_NE(z, std::string::npos);
  ASSERT_NE(b, std::string::npos);
  EXPECT_LT(notes, z);
  EXPECT_LT(z, b);
  EXPECT_THAT(result.out, Not(HasSubstr("image.png")));
  EXPECT_THAT(result.out, HasSubstr("\"files\": 3"));
}

// However the directory is spelled, its files are printed by their normal paths.
TEST_F(CheckTest, FilesUnderADirectoryArePrintedByTheirNormalPaths) {
  write_file(dir / "tree/b.txt", clean_report());
  fs::create_directory(dir / "x");
  for (const char* spelling : {"tree", "tree/", "./tree", "tree//", "tree/./", "x/../tree"}) {
    RunResult result = check({"--format", "json", spelling});
    EXPECT_EQ(result.exit_code, 0) << spelling << ": " << result.err;
    EXPECT_NE(result.out.find("\"tree/b.txt\""), std::string::npos) << spelling << ": " << result.out;
  }
}

// A file reached twice (named and under a named directory, through "..", through a symbolic link or a hard link) is
// checked once, under the name it was first reached by.
TEST_F(CheckTest, AFileReachedTwiceIsCheckedOnce) {
  fs::create_symlink("defects.txt", dir / "reports/alias.txt");
  fs::create_hard_link(dir / "reports/warnings.txt", dir / "hard.txt");
  RunResult result = check({"--format", "json", "reports/defects.txt", "reports", "reports/../reports/clean.txt",
                            "hard.txt"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  auto count = [&](const std::string& needle) {
    size_t n = 0;
    for (size_t at = result.out.find(needle); at != std::string::npos; at = result.out.find(needle, at + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count("\"reports/defects.txt\""), 1u);
  EXPECT_EQ(count("\"reports/alias.txt\""), 0u) << "the link names a file already checked";
  EXPECT_EQ(count("\"reports/clean.txt\""), 1u);
  EXPECT_EQ(count("\"reports/../reports/clean.txt\""), 0u);
  EXPECT_EQ(count("\"reports/warnings.txt\""), 1u);
  EXPECT_EQ(count("\"hard.txt\""), 0u);
  EXPECT_THAT(result.out, HasSubstr("\"files\": 5"));
}

TEST_F(CheckTest, StandardInputIsShownAsStdin) {
  RunResult result = check({"-"}, read_file(dir / "reports/defects.txt"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr("<stdin>:"));
  RunResult same_as_file = check({"reports/defects.txt"});
  EXPECT_EQ(result.out, replaced(same_as_file.out, "reports/defects.txt", "<stdin>"));
}

TEST_F(CheckTest, ParallelOutputEqualsSequentialOutput) {
  std::string defects = read_file(dir / "reports/defects.txt");
  std::string warnings = read_file(dir / "reports/warnings.txt");
  std::string clean = clean_report();
  for (int i = 0; i < 36; ++i) {
    std::string name = "many/" + std::to_string(i % 4) + "/report-" + std::to_string(i) + ".txt";
    write_file(dir / name, i % 3 == 0 ? defects : i % 3 == 1 ? warnings : clean);
  }
  for (std::string format : {"text", "json"}) {
    RunResult sequential = check({"--jobs", "1", "--format", format, "many"});
    RunResult parallel = check({"--jobs=2", "--format", format, "many"});
    RunResult wide = check({"--jobs", "8", "--format", format, "many"});
    EXPECT_EQ(sequential.exit_code, 1);
    EXPECT_EQ(parallel.out, sequential.out) << format;
    EXPECT_EQ(wide.out, sequential.out) << format;
    EXPECT_EQ(parallel.exit_code, sequential.exit_code);
  }
  // stderr is a file here, not a terminal: no progress bar even without --no-progress.
  RunResult without_option = run_lint({"check", "many"}, dir.path());
  EXPECT_EQ(without_option.err, "");
}

TEST_F(CheckTest, GbkFileIsDecodedCheckedAndFlagged) {
  std::string defects = read_file(dir / "reports/defects.txt");
  write_file(dir / "gbk.txt", encode(defects, "GBK"));
  write_file(dir / "utf8.txt", defects);
  RunResult gbk = check({"gbk.txt"});
  RunResult utf8 = check({"utf8.txt"});
  // Not UTF-8/UTF-16 text: exit 2 (interface.md), but the report is still checked in full.
  EXPECT_EQ(gbk.exit_code, 2);
  EXPECT_THAT(gbk.err, HasSubstr("gbk.txt: "));
  EXPECT_THAT(gbk.err, HasSubstr("GB18030"));
  EXPECT_EQ(gbk.out, replaced(utf8.out, "utf8.txt", "gbk.txt"));
}

TEST_F(CheckTest, Utf16FileIsDecodedWithANote) {
  std::string defects = read_file(dir / "reports/defects.txt");
  write_file(dir / "utf16.txt", "\xFF\xFE" + encode(defects, "UTF-16LE"));
  write_file(dir / "utf8.txt", defects);
  RunResult utf16 = check({"utf16.txt"});
  RunResult utf8 = check({"utf8.txt"});
  EXPECT_EQ(utf16.exit_code, 1);
  EXPECT_THAT(utf16.err, HasSubstr("utf16.txt: 按 UTF-16LE 解码 (decoded as UTF-16LE)"));
  EXPECT_EQ(utf16.out, replaced(utf8.out, "utf8.txt", "utf16.txt"));
}

TEST_F(CheckTest, Utf8BomDoesNotShiftColumns) {
  std::string defects = read_file(dir / "reports/defects.txt");
  write_file(dir / "bom.txt", "\xEF\xBB\xBF" + defects);
  write_file(dir / "plain.txt", defects);
  RunResult bom = check({"bom.txt"});
  RunResult plain = check({"plain.txt"});
  EXPECT_EQ(bom.out, replaced(plain.out, "plain.txt", "bom.txt"));
}

TEST_F(CheckTest, BinaryFilesExitTwoAndTheRestIsStillReported) {
  write_file(dir / "batch/a-report.txt", read_file(dir / "reports/warnings.txt"));
  write_file(dir / "batch/b-binary.txt", std::string("\x7F" "ELF\x02\x01\x01\0\0\0", 10));
  write_file(dir / "batch/c-scan.txt", "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n");
  write_file(dir / "batch/d-report.md", clean_report(true));
  RunResult result = check({"batch"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("batch/b-binary.txt: "));
  EXPECT_THAT(result.err, HasSubstr("NUL"));
  EXPECT_THAT(result.err, HasSubstr("batch/c-scan.txt: "));
  EXPECT_THAT(result.err, HasSubstr("PDF"));
  EXPECT_THAT(result.out, HasSubstr("batch/a-report.txt:"));
  EXPECT_THAT(result.out, HasSubstr("(2 files:"));
}

}  // namespace
}  // namespace xxgk::cli_test
