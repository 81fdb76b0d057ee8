// What `check` does with paths, named or found in a directory, that are not plain files or readable directories: a
// FIFO or a device is refused at once (opening a FIFO without a writer used to hang the run), an unreadable directory
// is an error rather than "0 files", and a symbolic link loop or a broken link is named as one rather than as a missing
// file. Each exits 2.
#include <sys/stat.h>
#include <pwd.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli_test_support.h"
#include "measured_run.h"

namespace xxgk::hardening {
namespace {

namespace fs = std::filesystem;
using cli_test::TempDir;
using cli_test::write_file;
using ::testing::HasSubstr;

class CliPaths : public ::testing::Test {
 protected:
  void SetUp() override { write_file(dir / "reports/clean.txt", cli_test::clean_report()); }
  TempDir dir;
};

TEST_F(CliPaths, AFifoIsRefusedWithoutWaitingForAWriter) {
  ASSERT_EQ(::mkfifo((dir / "reports/pipe.txt").c_str(), 0644), 0);
  const MeasuredRun run = run_measured({"check", "--no-progress", "reports/pipe.txt", "reports/clean.txt"}, dir.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("reports/pipe.txt: 不是普通文件（管道、设备或套接字），未检查"));
  EXPECT_THAT(run.out, HasSubstr("(1 file:")) << "the regular file is still checked";
}

// Found under a directory, not named: each is still refused by name (exit 2), not left out of the count in silence,
// and the regular file beside it is checked.
void expect_refused_in_walk(const fs::path& root, const std::string& refusal) {
  const MeasuredRun run = run_measured({"check", "--no-progress", "reports"}, root);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr(refusal));
  EXPECT_THAT(run.out, HasSubstr("(1 file:")) << "the regular file is still checked";
}

TEST_F(CliPaths, AFifoFoundInADirectoryIsRefusedByName) {
  ASSERT_EQ(::mkfifo((dir / "reports/pipe.txt").c_str(), 0644), 0);
  expect_refused_in_walk(dir.path(), "reports/pipe.txt: 不是普通文件（管道、设备或套接字），未检查");
}

TEST_F(CliPaths, ABrokenLinkFoundInADirectoryIsNamedAsOne) {
  fs::create_symlink("gone.txt", dir / "reports/link.txt");
  expect_refused_in_walk(dir.path(), "reports/link.txt: 符号链接指向的文件不存在");
}

TEST_F(CliPaths, ABrokenLinkNamedOnTheCommandLineIsNamedAsOne) {
  fs::create_symlink("gone.txt", dir / "reports/link.txt");
  const MeasuredRun run = run_measured({"check", "--no-progress", "reports/link.txt"}, dir.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("reports/link.txt: 符号链接指向的文件不存在"));
}

TEST_F(CliPaths, ALinkLoopFoundInADirectoryIsNamedAsOne) {
  fs::create_symlink("loop-b.txt", dir / "reports/loop-a.txt");
  fs::create_symlink("loop-a.txt", dir / "reports/loop-b.txt");
  const MeasuredRun run = run_measured({"check", "--no-progress", "reports"}, dir.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("reports/loop-a.txt: 符号链接循环"));
  EXPECT_THAT(run.err, HasSubstr("reports/loop-b.txt: 符号链接循环"));
  EXPECT_THAT(run.out, HasSubstr("(1 file:"));
}

TEST_F(CliPaths, ADeviceIsRefused) {
  const MeasuredRun run = run_measured({"check", "/dev/zero"}, dir.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("/dev/zero: 不是普通文件"));
}

TEST_F(CliPaths, ASymbolicLinkLoopIsNamedAsOne) {
  fs::create_symlink("loop-b.txt", dir / "reports/loop-a.txt");
  fs::create_symlink("loop-a.txt", dir / "reports/loop-b.txt");
  const MeasuredRun run = run_measured({"check", "reports/loop-a.txt"}, dir.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("reports/loop-a.txt: 符号链接循环"));
  EXPECT_THAT(run.err, ::testing::Not(HasSubstr("文件不存在")));
}

TEST_F(CliPaths, AMissingFileIsStillNamedAsMissing) {
  const MeasuredRun run = run_measured({"check", "reports/absent.txt"}, dir.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("reports/absent.txt: 文件不存在"));
}

// Root reads every directory, so the unreadable directory is read as `nobody`.
class CliPathsAsNobody : public CliPaths {
 protected:
  void SetUp() override {
    CliPaths::SetUp();
    const passwd* entry = ::getpwnam("nobody");
    if (::geteuid() != 0 || entry == nullptr) GTEST_SKIP() << "needs root and a user nobody, to lack read permission";
    nobody = RunAs{entry->pw_uid, entry->pw_gid};
    write_file(dir / "reports/closed/hidden.txt", cli_test::clean_report());
    fs::permissions(dir / "reports/closed", fs::perms(0700));
    fs::permissions(dir.path(), fs::perms(0755));
    fs::permissions(dir / "reports", fs::perms(0755));
    fs::permissions(dir / "reports/clean.txt", fs::perms(0644));
  }
  RunAs nobody;
};

TEST_F(CliPathsAsNobody, AnUnreadableDirectoryNamedOnTheCommandLineIsAnError) {
  const MeasuredRun run =
      run_measured({"check", "--no-progress", "reports/closed"}, dir.path(), {}, RunConditions{{}, nobody, {}});
  EXPECT_EQ(run.exit_code, 2) << run.out;
  EXPECT_THAT(run.err, HasSubstr("reports/closed: 无法读取目录"));
}

TEST_F(CliPathsAsNobody, AnUnreadableDirectoryFoundInTheWalkIsAnErrorAndTheRestIsChecked) {
  const MeasuredRun run =
      run_measured({"check", "--no-progress", "reports"}, dir.path(), {}, RunConditions{{}, nobody, {}});
  EXPECT_EQ(run.exit_code, 2) << run.out;
  EXPECT_THAT(run.err, HasSubstr("reports/closed: 无法读取目录"));
  EXPECT_THAT(run.out, HasSubstr("(1 file:"));
}

}  // namespace
}  // namespace xxgk::hardening
