// `fix` never loses data, for the cases tests/cli does not cover: a write that fails half-way (disk full, file size
// limit), a file deleted or replaced between reading and writing, a symbolic link named on the command line that
// leads out of its directory, and a dangling link.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/file_replace.h"
#include "cli_test_support.h"
#include "measured_run.h"

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

class FixSafety : public ::testing::Test {
 protected:
  void SetUp() override {
    defects = read_file(cli_test::fixtures_dir() / "reports/defects.txt");
    write_file(dir / "work/defects.txt", defects);
  }
  TempDir dir;
  std::string defects;
};

TEST_F(FixSafety, AWriteThatFailsHalfWayLeavesTheFileAsItWas) {
  // Files may not grow past 1 KB: writing the fixed report (several KB) to the temporary file fails with EFBIG.
  const MeasuredRun run = run_measured({"fix", "work/defects.txt"}, dir.path(), {}, RunLimits{1024});
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

}  // namespace
}  // namespace xxgk::hardening
