// `fix` never loses data, for the cases tests/cli does not cover: a write that fails half-way (disk full, file size
// limit), a file deleted, replaced or written while it is being fixed, a file held open by another process, a
// symbolic link named on the command line that leads out of its directory, a dangling link; it keeps owner, group and
// mode, refuses read-only files, files with hard links and files it could not write in place, never grows a file past
// the input limit, and leaves no temporary file behind when interrupted.
//
// The ownership tests need root (they give files to `nobody` and run xxgk-lint as `nobody`); run as another user they
// are reported as skipped, with the reason.
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "cli/file_replace.h"
#include "cli/temporary_files.h"
#include "cli_test_support.h"
#include "measured_run.h"
#include "xxgk/options.h"

namespace xxgk::hardening {
namespace {

namespace fs = std::filesystem;
using cli_test::read_file;
using cli_test::TempDir;
using cli_test::write_file;
using ::testing::HasSubstr;

size_t entries_in(const fs::path& directory) {
  return static_cast<size_t>(std::distance(fs::directory_iterator(directory), fs::directory_iterator()));
}

// `nobody`'s user and group, for the tests run as root.
std::optional<RunAs> nobody() {
  const passwd* entry = ::getpwnam("nobody");
  if (::geteuid() != 0 || entry == nullptr) return std::nullopt;
  return RunAs{entry->pw_uid, entry->pw_gid};
}

struct stat status_of(const fs::path& file) {
  struct stat status {};
  EXPECT_EQ(::stat(file.c_str(), &status), 0) << file;
  return status;
}

class FixSafety : public ::testing::Test {
 protected:
  void SetUp() override {
    defects = read_file(cli_test::fixtures_dir() / "reports/defects.txt");
    write_file(dir / "work/defects.txt", defects);
  }
  // Runs `fix` on root's work/defects.txt as `user`, in a directory anyone may create files in (so a rename over the
  // file would succeed: fix must not try), and expects the refusal `reason` and everything left as it was.
  void expect_refused_to(const RunAs& user, const std::string& reason) {
    fs::permissions(dir / "work", fs::perms(0777));
    fs::permissions(dir.path(), fs::perms(0755));
    const MeasuredRun run = run_measured({"fix", "work/defects.txt"}, dir.path(), {}, RunConditions{{}, user, {}});
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_THAT(run.err, HasSubstr("work/defects.txt: " + reason));
    EXPECT_EQ(read_file(dir / "work/defects.txt"), defects);
    EXPECT_EQ(status_of(dir / "work/defects.txt").st_uid, 0u);
    EXPECT_EQ(entries_in(dir / "work"), 1u);
  }
  TempDir dir;
  std::string defects;
};

TEST_F(FixSafety, AWriteThatFailsHalfWayLeavesTheFileAsItWas) {
  // Files may not grow past 1 KB: writing the fixed report (several KB) to the temporary file fails with EFBIG.
  const MeasuredRun run = run_measured({"fix", "work/defects.txt"}, dir.path(), {}, RunConditions{1024});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("work/defects.txt: 写入临时文件失败"));
  EXPECT_EQ(read_file(dir / "work/defects.txt"), defects);
  EXPECT_EQ(entries_in(dir / "work"), 1u) << "the temporary file was left behind";
}

TEST_F(FixSafety, AFileDeletedAfterReadingIsNotRecreated) {
  const cli::FileVersion version = cli::read_file_version(dir / "work/defects.txt");
  fs::remove(dir / "work/defects.txt");
  EXPECT_THROW(cli::replace_file_contents(dir / "work/defects.txt", version, "fixed\n"), cli::FileError);
  EXPECT_EQ(entries_in(dir / "work"), 0u);
}

TEST_F(FixSafety, AFileReplacedByAnotherAfterReadingIsKept) {
  const cli::FileVersion version = cli::read_file_version(dir / "work/defects.txt");
  // An editor that saves by writing a new file and renaming it over the old one.
  write_file(dir / "work/.defects.txt.swp", defects + "新增一行。\n");
  fs::rename(dir / "work/.defects.txt.swp", dir / "work/defects.txt");
  EXPECT_THROW(cli::replace_file_contents(dir / "work/defects.txt", version, "fixed\n"), cli::FileError);
  EXPECT_EQ(read_file(dir / "work/defects.txt"), defects + "新增一行。\n");
}

TEST_F(FixSafety, ANamedSymlinkLeadingOutOfItsDirectoryIsRefused) {
  write_file(dir / "outside/target.txt", defects);
  fs::create_symlink("../outside/target.txt", dir / "work/link.txt");
  const MeasuredRun run = run_measured({"fix", "work/link.txt"}, dir.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("work/link.txt: "));
  EXPECT_EQ(read_file(dir / "outside/target.txt"), defects);
  EXPECT_TRUE(fs::is_symlink(dir / "work/link.txt"));
}

TEST_F(FixSafety, ADanglingSymlinkIsAnErrorAndCreatesNothing) {
  fs::create_symlink("missing.txt", dir / "work/dangling.txt");
  const MeasuredRun run = run_measured({"fix", "work/dangling.txt", "work/defects.txt"}, dir.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("work/dangling.txt"));
  EXPECT_FALSE(fs::exists(dir / "work/missing.txt"));
  EXPECT_NE(read_file(dir / "work/defects.txt"), defects) << "the other file is still fixed";
}

TEST_F(FixSafety, OwnerGroupAndModeAreKept) {
  const std::optional<RunAs> user = nobody();
  if (!user) GTEST_SKIP() << "needs root and a user nobody, to give the file to another user";
  // Root fixing nobody's 0640 file: nobody must still own it and be able to read it.
  ASSERT_EQ(::chown((dir / "work/defects.txt").c_str(), user->user, user->group), 0);
  fs::permissions(dir / "work/defects.txt", fs::perms(0640));
  const MeasuredRun run = run_measured({"fix", "work/defects.txt"}, dir.path());
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(read_file(dir / "work/defects.txt"), defects) << "fixed";
  const struct stat status = status_of(dir / "work/defects.txt");
  EXPECT_EQ(status.st_uid, user->user);
  EXPECT_EQ(status.st_gid, user->group);
  EXPECT_EQ(status.st_mode & 07777, 0640u);
}

TEST_F(FixSafety, AReadOnlyFileIsRefused) {
  fs::permissions(dir / "work/defects.txt", fs::perms(0444));
  const MeasuredRun run = run_measured({"fix", "work/defects.txt"}, dir.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("work/defects.txt: 是只读文件，未修复"));
  EXPECT_EQ(read_file(dir / "work/defects.txt"), defects);
  EXPECT_EQ(status_of(dir / "work/defects.txt").st_mode & 07777, 0444u);
}

// Hard links are refused rather than split: replacing one name would leave the others with the old text.
TEST_F(FixSafety, AFileWithHardLinksIsRefused) {
  fs::create_hard_link(dir / "work/defects.txt", dir / "work/other-name.txt");
  const MeasuredRun run = run_measured({"fix", "work/defects.txt"}, dir.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("work/defects.txt: 有 2 个硬链接"));
  EXPECT_EQ(read_file(dir / "work/defects.txt"), defects);
  EXPECT_EQ(fs::hard_link_count(dir / "work/defects.txt"), 2u);
}

TEST_F(FixSafety, AUserCannotReplaceAFileItCannotWrite) {
  const std::optional<RunAs> user = nobody();
  if (!user) GTEST_SKIP() << "needs root and a user nobody, to act as a user without write permission";
  expect_refused_to(*user, "没有写入此文件的权限，未修复");
}

TEST_F(FixSafety, AFileWhoseOwnerCannotBeKeptIsRefused) {
  const std::optional<RunAs> user = nobody();
  if (!user) GTEST_SKIP() << "needs root and a user nobody, to share a file between two users";
  // nobody may write the file through its group, but a copy it wrote would be nobody's, not root's.
  ASSERT_EQ(::chown((dir / "work/defects.txt").c_str(), 0, user->group), 0);
  fs::permissions(dir / "work/defects.txt", fs::perms(0664));
  expect_refused_to(*user, "无法保留文件的属主和属组，未修复");
}

// A process that holds the file open could write to the old copy after the swap: fix swaps back and refuses.
TEST_F(FixSafety, AFileOpenForWritingElsewhereIsSwappedBackAndRefused) {
  const cli::FileVersion version = cli::read_file_version(dir / "work/defects.txt");
  const int writer = ::open((dir / "work/defects.txt").c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  ASSERT_GE(writer, 0);
  EXPECT_THROW(cli::replace_file_contents(dir / "work/defects.txt", version, "fixed\n"), cli::FileError);
  ASSERT_EQ(::write(writer, "追加。\n", 10), 10);
  ::close(writer);
  EXPECT_EQ(read_file(dir / "work/defects.txt"), defects + "追加。\n") << "the write went to the file in place";
  EXPECT_EQ(entries_in(dir / "work"), 1u);
}

// An appender that opens, writes and closes every few hundred microseconds while the file is replaced again and
// again: every line it wrote is in the file at the end, whichever replacements went through.
TEST_F(FixSafety, NoConcurrentAppendIsLost) {
  const fs::path file = dir / "work/defects.txt";
  std::atomic<bool> stop = false;
  std::atomic<int> appended = 0;
  std::thread appender([&] {
    while (!stop) {
      const int descriptor = ::open(file.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
      if (descriptor < 0) continue;  // between the swap and the swap back the name always exists; retry anyway
      const std::string line = "追加第" + std::to_string(appended.load()) + "行。\n";
      if (::write(descriptor, line.data(), line.size()) == static_cast<ssize_t>(line.size())) ++appended;
      ::close(descriptor);
      // A pause now and then: while the file is open elsewhere fix refuses, and a slow (sanitizer) build could
      // otherwise see nothing but refusals.
      std::this_thread::sleep_for(std::chrono::microseconds(appended % 16 == 0 ? 3000 : 300));
    }
  });
  int replaced = 0;
  // At least 400 rounds, and more (up to 4,000) until one replacement went through beside the appends.
  for (int round = 0; round < 400 || (replaced == 0 && round < 4000); ++round) {
    const cli::FileVersion version = cli::read_file_version(file);
    try {
      cli::replace_file_contents(file, version, version.content + "修复" + std::to_string(round) + "。\n");
      ++replaced;
    } catch (const cli::FileError&) {
    }
  }
  stop = true;
  appender.join();
  const std::string final_text = read_file(file);
  for (int line = 0; line < appended; ++line)
    ASSERT_THAT(final_text, HasSubstr("追加第" + std::to_string(line) + "行。\n")) << "lost after " << replaced;
  EXPECT_GT(replaced, 0) << "no replacement went through: the test exercised refusals only";
  EXPECT_EQ(entries_in(dir / "work"), 1u);
}

// A file of exactly the input limit whose fixes add bytes: fixing it would make a file the checker refuses.
TEST_F(FixSafety, AFixThatWouldGrowAFilePastTheInputLimitIsRefused) {
  const size_t limit = LintLimits{}.max_bytes;
  std::string text = defects;
  const std::string filler_line = std::string(999, '0') + "\n";
  while (text.size() + filler_line.size() <= limit) text += filler_line;
  text += std::string(limit - text.size() - 1, '0') + "\n";
  ASSERT_EQ(text.size(), limit);
  write_file(dir / "work/defects.txt", text);
  const MeasuredRun run = run_measured({"fix", "work/defects.txt"}, dir.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("work/defects.txt: 修复后将超过 16777216 字节的上限，未修复"));
  EXPECT_TRUE(read_file(dir / "work/defects.txt") == text) << "the file changed";
}

// The registry's own guarantee, without timing: a process that gets SIGTERM while a temporary file exists removes it
// and dies of the signal.
TEST(TemporaryFiles, SigtermRemovesTheRegisteredFilesAndEndsTheProcess) {
  TempDir dir;
  const fs::path marker = dir / "created";
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    cli::remove_temporary_files_on_signal();
    std::string path = (dir / ".report.txt.xxgk-lint-XXXXXX").string();
    {
      std::unique_lock<std::mutex> lock = cli::lock_temporary_files();
      if (cli::create_temporary_file(path) < 0) ::_exit(3);
    }
    const int marker_descriptor = ::open(marker.c_str(), O_WRONLY | O_CREAT, 0600);
    if (marker_descriptor < 0 || ::write(marker_descriptor, path.data(), path.size()) < 0) ::_exit(4);
    ::close(marker_descriptor);
    ::kill(::getpid(), SIGTERM);
    ::pause();
    ::_exit(5);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "exit status " << WEXITSTATUS(status);
  EXPECT_EQ(WTERMSIG(status), SIGTERM);
  ASSERT_TRUE(fs::exists(marker));
  EXPECT_FALSE(fs::exists(read_file(marker))) << "the temporary file is still there";
  EXPECT_EQ(entries_in(dir.path()), 1u);
}

// SIGTERM at different moments of a fix of a 1 MB report: whenever it lands, no temporary file is left, and the file
// is either as it was or completely fixed.
TEST_F(FixSafety, SigtermDuringFixLeavesNoTemporaryFileAndNoHalfWrittenReport) {
  std::string large;
  while (large.size() < (1u << 20)) large += defects;
  write_file(dir / "reference/defects.txt", large);
  const MeasuredRun reference = run_measured({"fix", "reference/defects.txt"}, dir.path());
  ASSERT_EQ(reference.exit_code, 1) << reference.err;
  const std::string fixed = read_file(dir / "reference/defects.txt");
  ASSERT_NE(fixed, large);
  int interrupted = 0;
  for (const int milliseconds : {0, 30, 100, 250, 500, 1000}) {
    write_file(dir / "work/defects.txt", large);
    const MeasuredRun run = run_measured({"fix", "work/defects.txt"}, dir.path(), {},
                                         RunConditions{{}, {}, std::chrono::milliseconds(milliseconds)});
    interrupted += run.signal == SIGTERM;
    EXPECT_EQ(entries_in(dir / "work"), 1u) << "a temporary file is left after SIGTERM at " << milliseconds << " ms";
    const std::string after = read_file(dir / "work/defects.txt");
    EXPECT_TRUE(after == large || after == fixed) << "half-written after SIGTERM at " << milliseconds << " ms";
  }
  EXPECT_GT(interrupted, 0) << "no run was interrupted: the delays were all too long";
}

}  // namespace
}  // namespace xxgk::hardening
