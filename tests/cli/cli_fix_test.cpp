// `xxgk-lint fix` run as a program: writes only when something changed, keeps the file mode, leaves no temporary
// files, is idempotent, applies unsafe fixes only with --unsafe, filters standard input, and refuses what it must not
// rewrite (non-UTF-8 files, symbolic links leading out of the named tree).
#include <sys/stat.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli_test_support.h"

namespace xxgk::cli_test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

struct stat status_of(const fs::path& file) {
  struct stat status {};
  EXPECT_EQ(::stat(file.c_str(), &status), 0) << file;
  return status;
}

size_t entries_in(const fs::path& directory) {
  return static_cast<size_t>(std::distance(fs::directory_iterator(directory), fs::directory_iterator()));
}

class FixTest : public ::testing::Test {
 protected:
  void SetUp() override {
    defects = read_file(fixtures_dir() / "reports/defects.txt");
    write_file(dir / "work/defects.txt", defects);
    write_file(dir / "work/clean.txt", clean_report());
  }
  RunResult fix(std::vector<std::string> args, const std::string& input = {}) {
    args.insert(args.begin(), "fix");
    return run_lint(args, dir.path(), input);
  }
  TempDir dir;
  std::string defects;
};

TEST_F(FixTest, RewritesOnlyChangedFilesKeepingModeAndLeavingNoTemporaryFiles) {
  ASSERT_EQ(::chmod((dir / "work/defects.txt").c_str(), 0640), 0);
  struct stat clean_before = status_of(dir / "work/clean.txt");
  struct stat defects_before = status_of(dir / "work/defects.txt");

  RunResult result = fix({"work"});
  EXPECT_THAT(result.out, HasSubstr("work/defects.txt: 已修复 "));
  EXPECT_THAT(result.out, Not(HasSubstr("work/clean.txt: 已修复")));
  EXPECT_NE(read_file(dir / "work/defects.txt"), defects);

  struct stat clean_after = status_of(dir / "work/clean.txt");
  struct stat defects_after = status_of(dir / "work/defects.txt");
  EXPECT_EQ(clean_after.st_ino, clean_before.st_ino) << "an unchanged file was rewritten";
  EXPECT_EQ(clean_after.st_mtim.tv_nsec, clean_before.st_mtim.tv_nsec);
  EXPECT_NE(defects_after.st_ino, defects_before.st_ino) << "not replaced by rename";
  EXPECT_EQ(defects_after.st_mode & 07777, 0640u);
  EXPECT_EQ(entries_in(dir / "work"), 2u) << "temporary files left behind";
}

TEST_F(FixTest, ReportsRemainingDiagnosticsAndExitsByTheCheckRule) {
  RunResult fixed = fix({"work/defects.txt"});
  RunResult checked = run_lint({"check", "work/defects.txt"}, dir.path());
  // What fix reports after fixing is exactly what check reports on the fixed file.
  EXPECT_THAT(fixed.out, HasSubstr(checked.out));
  EXPECT_EQ(fixed.exit_code, checked.exit_code);
  EXPECT_EQ(checked.exit_code, 1) << "defects.txt keeps errors that only unsafe fixes remove";
}

TEST_F(FixTest, FixingTwiceEqualsFixingOnce) {
  fix({"work/defects.txt"});
  std::string once = read_file(dir / "work/defects.txt");
  struct stat first = status_of(dir / "work/defects.txt");
  RunResult again = fix({"work/defects.txt"});
  EXPECT_EQ(read_file(dir / "work/defects.txt"), once);
  EXPECT_EQ(status_of(dir / "work/defects.txt").st_ino, first.st_ino);
  EXPECT_THAT(again.out, Not(HasSubstr("已修复")));
}

TEST_F(FixTest, UnsafeFixesOnlyWithUnsafe) {
  fix({"work/defects.txt"});
  std::string safe = read_file(dir / "work/defects.txt");
  RunResult unsafe = fix({"--unsafe", "work/defects.txt"});
  std::string fixed = read_file(dir / "work/defects.txt");
  EXPECT_NE(fixed, safe);
  EXPECT_THAT(unsafe.out, HasSubstr("已修复"));
  std::string after_unsafe = run_lint({"check", "work/defects.txt"}, dir.path()).out;
  std::string after_safe = run_lint({"check", "-"}, dir.path(), safe).out;
  EXPECT_LT(std::count(after_unsafe.begin(), after_unsafe.end(), '\n'),
            std::count(after_safe.begin(), after_safe.end(), '\n'));
}

TEST_F(FixTest, StandardInputIsFixedToStandardOutput) {
  RunResult filtered = fix({"-"}, defects);
  fix({"work/defects.txt"});
  EXPECT_EQ(filtered.out, read_file(dir / "work/defects.txt"));
  EXPECT_THAT(filtered.err, HasSubstr("<stdin>: 已修复 "));
  EXPECT_EQ(fix({"-", "work/clean.txt"}).exit_code, 2) << "fix - takes no other path";
}

TEST_F(FixTest, RefusesSymlinksLeadingOutOfTheNamedTree) {
  write_file(dir / "outside/target.txt", defects);
  fs::create_directories(dir / "tree");
  fs::create_symlink("../outside/target.txt", dir / "tree/link.txt");
  RunResult result = fix({"tree"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("tree/link.txt: "));
  EXPECT_EQ(read_file(dir / "outside/target.txt"), defects);
}

TEST_F(FixTest, FollowsSymlinksInsideTheNamedTree) {
  write_file(dir / "tree/real/target.txt", defects);
  fs::create_symlink("real/target.txt", dir / "tree/link.txt");
  RunResult result = fix({"tree/link.txt", "tree/real/target.txt"});
  EXPECT_TRUE(fs::is_symlink(dir / "tree/link.txt"));
  EXPECT_NE(read_file(dir / "tree/real/target.txt"), defects);
}

TEST_F(FixTest, RefusesToRewriteFilesThatAreNotUtf8) {
  std::string gb18030 = encode(defects, "GB18030");
  std::string utf16 = "\xFF\xFE" + encode(defects, "UTF-16LE");
  write_file(dir / "work/gb18030.txt", gb18030);
  write_file(dir / "work/utf16.txt", utf16);
  RunResult result = fix({"work/gb18030.txt", "work/utf16.txt"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("work/gb18030.txt: 不是 UTF-8 文件，未修复"));
  EXPECT_THAT(result.err, HasSubstr("work/utf16.txt: 不是 UTF-8 文件，未修复"));
  EXPECT_EQ(read_file(dir / "work/gb18030.txt"), gb18030);
  EXPECT_EQ(read_file(dir / "work/utf16.txt"), utf16);
}

}  // namespace
}  // namespace xxgk::cli_test
