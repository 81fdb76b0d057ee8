#include "measured_run.h"

#include <fcntl.h>
#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <stdexcept>
#include <thread>

#include "cli_test_support.h"

namespace xxgk::hardening {

namespace fs = std::filesystem;

MeasuredRun run_measured(const std::vector<std::string>& args, const fs::path& directory, const fs::path& input_file,
                         RunConditions conditions) {
  // Output goes to files: a child blocked on a full pipe would look like a hang.
  cli_test::TempDir streams;
  const fs::path input = input_file.empty() ? fs::path("/dev/null") : input_file;
  // Run as another user, the program is a copy in a directory that user can reach: the build tree may lie under a
  // directory only its owner can enter (a clone made in `mktemp -d`, mode 0700), where exec would fail.
  cli_test::TempDir reachable;
  std::string program = XXGK_LINT_BINARY;
  if (conditions.run_as) {
    fs::permissions(reachable.path(), fs::perms(0755));
    const fs::path copy = reachable / "xxgk-lint";
    fs::copy_file(program, copy);
    fs::permissions(copy, fs::perms(0755));
    program = copy.string();
  }
  std::vector<char*> argv{const_cast<char*>(program.c_str())};
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);

  // Created before the child runs: a child killed early (terminate_after) may not get as far as creating them.
  cli_test::write_file(streams / "out", "");
  cli_test::write_file(streams / "err", "");
  const pid_t child = ::fork();
  if (child < 0) throw std::runtime_error("fork failed");
  if (child == 0) {
    const int in = ::open(input.c_str(), O_RDONLY);
    const int out = ::open((streams / "out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = ::open((streams / "err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || out < 0 || err < 0 || ::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0 ||
        ::chdir(directory.c_str()) != 0)
      ::_exit(127);
    if (conditions.max_file_bytes) {
      // Ignoring SIGXFSZ survives exec: writes past the limit then fail with EFBIG instead of killing the child.
      ::signal(SIGXFSZ, SIG_IGN);
      const rlimit file_size{*conditions.max_file_bytes, *conditions.max_file_bytes};
      if (::setrlimit(RLIMIT_FSIZE, &file_size) != 0) ::_exit(127);
    }
    if (conditions.run_as && (::setgroups(0, nullptr) != 0 || ::setgid(conditions.run_as->group) != 0 ||
                          ::setuid(conditions.run_as->user) != 0))
      ::_exit(127);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }
  if (conditions.terminate_after) {
    std::this_thread::sleep_for(*conditions.terminate_after);
    ::kill(child, SIGTERM);
  }
  int status = 0;
  rusage usage{};
  if (::wait4(child, &status, 0, &usage) != child) throw std::runtime_error("wait4 failed");
  MeasuredRun run;
  if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) run.signal = WTERMSIG(status);
  run.out = cli_test::read_file(streams / "out");
  run.err = cli_test::read_file(streams / "err");
  run.max_rss_kib = usage.ru_maxrss;
  return run;
}

}  // namespace xxgk::hardening
