// Runs the built xxgk-lint under resource limits and reports what it cost: the hardening tests check exit codes and
// messages like the CLI tests do, and also the peak memory of the process.
#pragma once

#include <sys/resource.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sanitizers.h"

namespace xxgk::hardening {

struct MeasuredRun {
  int exit_code = -1;   // -1 when killed by a signal
  int signal = 0;       // the signal that killed it, 0 when it exited
  std::string out;
  std::string err;
  long max_rss_kib = 0;  // peak resident memory
};

// A user to run as (the tests run as root give files to `nobody` and act as it).
struct RunAs {
  uid_t user = 0;
  gid_t group = 0;
};

struct RunConditions {
  std::optional<rlim_t> max_file_bytes;  // RLIMIT_FSIZE, with SIGXFSZ ignored so that writes fail with EFBIG
  std::optional<RunAs> run_as;           // setgid + setuid before exec (needs root)
  std::optional<std::chrono::microseconds> terminate_after;  // SIGTERM once this long has passed since the start
};

// Runs xxgk-lint with `args` in `directory`, standard input read from `input_file` (/dev/null when empty).
MeasuredRun run_measured(const std::vector<std::string>& args, const std::filesystem::path& directory,
                         const std::filesystem::path& input_file = {}, RunConditions conditions = {});

// The peak memory any xxgk-lint run may take on any input: the bound the hardening tests assert (1 GiB).
// AddressSanitizer's shadow memory and quarantine roughly triple it.
inline constexpr long kMaxRssKib = (1L << 20) * testing_support::kAsanMemoryFactor;

}  // namespace xxgk::hardening
