#include "cli_test_support.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <unicode/ucnv.h>

namespace xxgk::cli_test {

namespace fs = std::filesystem;

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "xxgk-cli-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code error;
  fs::remove_all(path_, error);
}

std::string read_file(const fs::path& file) {
  std::ifstream stream(file, std::ios::binary);
  if (!stream) throw std::runtime_error("cannot read " + file.string());
  std::ostringstream contents;
  contents << stream.rdbuf();
  return contents.str();
}

void write_file(const fs::path& file, const std::string& content) {
  if (file.has_parent_path()) fs::create_directories(file.parent_path());
  std::ofstream stream(file, std::ios::binary | std::ios::trunc);
  stream << content;
  if (!stream) throw std::runtime_error("cannot write " + file.string());
}

RunResult run_program(const std::string& program, const std::vector<std::string>& args, const fs::path& directory,
                      const std::string& input) {
  // Standard streams go through files, so a chatty child can never block on a full pipe.
  TempDir streams;
  write_file(streams / "in", input);
  pid_t child = ::fork();
  if (child < 0) throw std::runtime_error("fork failed");
  if (child == 0) {
    int in = ::open((streams / "in").c_str(), O_RDONLY);
    int out = ::open((streams / "out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = ::open((streams / "err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || out < 0 || err < 0 || ::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0 ||
        ::chdir(directory.c_str()) != 0)
      ::_exit(127);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_file(streams / "out");
  result.err = read_file(streams / "err");
  return result;
}

RunResult run_lint(const std::vector<std::string>& args, const fs::path& directory, const std::string& input) {
  return run_program(XXGK_LINT_BINARY, args, directory, input);
}

fs::path fixtures_dir() { return XXGK_CLI_FIXTURES_DIR; }

void copy_fixture_reports(const fs::path& directory) {
  fs::copy(fixtures_dir() / "reports", directory / "reports", fs::copy_options::recursive);
}

std::string encode(const std::string& text, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(text.size() * 4 + 16, '\0');
  int32_t length = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), text.data(),
                                static_cast<int32_t>(text.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("cannot encode as ") + charset);
  out.resize(static_cast<size_t>(length));
  return out;
}

std::string clean_report(bool markdown) {
  TempDir directory;
  std::vector<std::string> args = {"init", "--agency", "青山市自然资源和规划局", "--year", "2023"};
  if (markdown) args.push_back("--markdown");
  RunResult result = run_lint(args, directory.path());
  if (result.exit_code != 0) throw std::runtime_error("xxgk-lint init failed: " + result.err);
  const std::string placeholder = "【待填写】";
  std::string report = result.out;
  for (size_t at = report.find(placeholder); at != std::string::npos; at = report.find(placeholder, at))
    report.erase(at, placeholder.size());
  return report;
}

}  // namespace xxgk::cli_test
