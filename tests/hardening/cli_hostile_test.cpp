// `xxgk-lint check` and `fix` run as programs on hostile files: each gets its verdict (exit code and a message
// naming the reason) within the memory bound kMaxRssKib, nothing crashes, and fix leaves every file it cannot or
// must not rewrite byte for byte as it was. The hang guard is the ctest TIMEOUT of this suite.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli_test_support.h"
#include "hostile_inputs.h"
#include "measured_run.h"
#include "xxgk/options.h"

namespace xxgk::hardening {
namespace {

namespace fs = std::filesystem;
using cli_test::read_file;
using cli_test::TempDir;
using cli_test::write_file;
using ::testing::HasSubstr;

struct HostileFile {
  std::string name;
  std::string (*generate)();
  int check_exit;        // what `check` exits with
  std::string verdict;   // in its output or its error stream
  bool fixable = false;  // checked as UTF-8 within the limits: `fix` may rewrite it
};

const std::vector<HostileFile>& hostile_files() {
  static const std::vector<HostileFile> files = {
      {"empty.txt", [] { return std::string(); }, 1, "empty.txt:1:1: error[S101]", true},
      {"long-line.txt", [] { return one_long_line(50u << 20); }, 2, "long-line.txt: 文件过大，未检查：超过 16777216 字节"},
      {"wide-row.txt", [] { return wide_row(200'000); }, 1, "wide-row.txt:1:1: error[X001] 输入超出检查上限，未检查：一行中的表格单元格数超过 1000"},
      {"million-lines.txt", [] { return many_lines(1'000'000); }, 1, "million-lines.txt:1:1: error[X001] 输入超出检查上限，未检查：行数超过 200000"},
      {"nested.txt", [] { return nested_subitems(100'000, 12); }, 1, "nested.txt:1:1: error[S101]", true},
      {"invalid-utf8.txt", [] { return clean_report_with("\xFF\xFE\xC3\x28"); }, 2,
       "invalid-utf8.txt: 不是文本文件，未检查：既不是 UTF-8/UTF-16 文本，也不能按 GB18030 解码"},
      {"nul.txt", [] { return clean_report_with(std::string("\0\0", 2)); }, 2, "nul.txt: 不是文本文件，未检查：含有 NUL 字节"},
      {"utf16.txt", clean_report_utf16, 0, "utf16.txt: 按 UTF-16LE 解码"},
      {"gb18030.txt", clean_report_gb18030, 2, "gb18030.txt: 不是 UTF-8/UTF-16 文本，按 GB18030 解码"},
      {"report.docx", docx_bytes, 2, "report.docx: 不是有效的 DOCX 文件：ZIP 压缩包损坏"},
      // A PDF catalogue without pages: refused as broken or textless, or (by the static executable, which has no PDF
      // reader) as not read.
      {"report.pdf", pdf_bytes, 2, "report.pdf: "},
      {"deep.html", [] { return std::string(3u << 20, '<'); }, 2, "deep.html: 网页标签过多"},
  };
  return files;
}

class CliHostile : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    directory = new TempDir;
    for (const HostileFile& file : hostile_files()) write_file(*directory / file.name, file.generate());
  }
  static void TearDownTestSuite() {
    delete directory;
    directory = nullptr;
  }
  static inline TempDir* directory = nullptr;
};

void expect_bounded(const MeasuredRun& run) {
  EXPECT_EQ(run.signal, 0) << "killed by signal " << run.signal << "\n" << run.err;
  EXPECT_LE(run.max_rss_kib, kMaxRssKib);
}

TEST_F(CliHostile, EachFileGetsItsVerdict) {
  for (const HostileFile& file : hostile_files()) {
    SCOPED_TRACE(file.name);
    // --force-report: none of these looks like a report, and each is to reach the linter.
    const MeasuredRun run = run_measured({"check", "--no-progress", "--force-report", file.name}, directory->path());
    expect_bounded(run);
    EXPECT_EQ(run.exit_code, file.check_exit) << run.err;
    EXPECT_THAT(run.out + run.err, HasSubstr(file.verdict));
  }
}

TEST_F(CliHostile, OneRunOverAllOfThemReportsEachAndExitsTwo) {
  std::vector<std::string> args = {"check", "--no-progress", "--force-report", "--jobs", "2"};
  for (const HostileFile& file : hostile_files()) args.push_back(file.name);
  const MeasuredRun run = run_measured(args, directory->path());
  expect_bounded(run);
  EXPECT_EQ(run.exit_code, 2);
  for (const HostileFile& file : hostile_files()) EXPECT_THAT(run.out + run.err, HasSubstr(file.verdict));
}

TEST_F(CliHostile, FixLeavesWhatItMustNotRewriteUntouched) {
  for (const HostileFile& file : hostile_files()) {
    SCOPED_TRACE(file.name);
    const std::string before = read_file(*directory / file.name);
    const MeasuredRun run =
        run_measured({"fix", "--unsafe", "--no-progress", "--force-report", file.name}, directory->path());
    expect_bounded(run);
    if (!file.fixable) EXPECT_EQ(read_file(*directory / file.name), before);
    if (file.check_exit == 2) EXPECT_EQ(run.exit_code, 2);
  }
  EXPECT_EQ(std::distance(fs::directory_iterator(directory->path()), fs::directory_iterator()),
            static_cast<std::ptrdiff_t>(hostile_files().size()))
      << "temporary files left behind";
}

TEST_F(CliHostile, StandardInputOverTheByteLimitIsRefused) {
  write_file(*directory / "stdin.bin", one_long_line(LintLimits{}.max_bytes + 3));
  const MeasuredRun run = run_measured({"check", "-"}, directory->path(), *directory / "stdin.bin");
  fs::remove(*directory / "stdin.bin");
  expect_bounded(run);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("<stdin>: 文件过大，未检查"));
}

// `fix -` is a filter: input it refuses still comes out whole, so `fix - <in >out` never loses text.
TEST_F(CliHostile, FilterPassesStandardInputOverTheByteLimitThroughUnchanged) {
  const std::string input = one_long_line(LintLimits{}.max_bytes + 100'000);
  write_file(*directory / "stdin.bin", input);
  const MeasuredRun run = run_measured({"fix", "-"}, directory->path(), *directory / "stdin.bin");
  fs::remove(*directory / "stdin.bin");
  expect_bounded(run);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("<stdin>: 文件过大，未检查"));
  EXPECT_EQ(run.out.size(), input.size());
  EXPECT_TRUE(run.out == input) << "the output differs from the input";
}

TEST_F(CliHostile, EndlessStandardInputIsRefusedOnceItPassesTheByteLimit) {
  // /dev/zero has no size to check up front: the limit must hold while reading.
  const MeasuredRun run = run_measured({"check", "-"}, directory->path(), "/dev/zero");
  expect_bounded(run);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("<stdin>: 文件过大，未检查"));
}

}  // namespace
}  // namespace xxgk::hardening
