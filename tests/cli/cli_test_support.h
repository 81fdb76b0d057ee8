// Helpers for the CLI tests: a temporary directory, file I/O, and running the built xxgk-lint binary.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace xxgk::cli_test {

// A fresh directory, removed with everything in it when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& relative) const { return path_ / relative; }

 private:
  std::filesystem::path path_;
};

std::string read_file(const std::filesystem::path& file);
// Writes `content`, creating parent directories.
void write_file(const std::filesystem::path& file, const std::string& content);

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs xxgk-lint with `args` in `directory`, feeding `input` on standard input.
RunResult run_lint(const std::vector<std::string>& args, const std::filesystem::path& directory,
                   const std::string& input = {});
// Runs any program the same way.
RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                      const std::filesystem::path& directory, const std::string& input = {});

// The directory of committed CLI fixtures (tests/fixtures/cli).
std::filesystem::path fixtures_dir();
// Copies the fixture reports (tests/fixtures/cli/reports) into `directory`/reports.
void copy_fixture_reports(const std::filesystem::path& directory);

// `text` converted from UTF-8 to `charset` ("GBK", "GB18030", "UTF-16LE") with ICU.
std::string encode(const std::string& text, const char* charset);

// The skeleton `xxgk-lint init` prints for a fixed agency and year, its 【待填写】 placeholders filled in (the
// sentences after them stand as the content): a report that lints clean.
std::string clean_report(bool markdown = false);

}  // namespace xxgk::cli_test
