// Baselines: `check --write-baseline FILE` records the findings of today's run; `check --baseline FILE` reports only
// the findings not recorded, so that a project can adopt the checker on old reports and fail only on new problems.
//
// The file is text that reviews well in version control: a header naming the format's version, then one finding a
// line, sorted, as four tab-separated fields — the file as the command line named it, the rule id, the finding's
// fingerprint (xxgk/fingerprint.h: the rule and the normalised text around it, no line numbers) and a short excerpt
// of the text for the reader. A finding that occurs twice is recorded twice; each record absorbs one finding.
#pragma once

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "xxgk/diagnostic.h"

namespace xxgk::cli {

// A baseline file that cannot be used: missing, unreadable, corrupt, or of another format version. The message
// names the file and the reason (Chinese first, then English); the run exits with 2.
class BaselineError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct BaselineEntry {
  std::string path;  // the file as the command line named it, normalised ("a/./b.txt" → "a/b.txt")
  std::string rule;
  std::string fingerprint;
  std::string excerpt;
  friend bool operator<(const BaselineEntry& a, const BaselineEntry& b) {
    return std::tie(a.path, a.rule, a.fingerprint, a.excerpt) < std::tie(b.path, b.rule, b.fingerprint, b.excerpt);
  }
};

// The first line of every baseline file.
inline constexpr std::string_view kBaselineHeader = "# xxgk-lint baseline 1";

// The entries of one file's diagnostics.
std::vector<BaselineEntry> baseline_entries(const std::string& display, std::string_view text,
                                            const std::vector<Diagnostic>& diagnostics);

// The whole file's text: header, explanation, `entries` sorted.
std::string baseline_text(std::vector<BaselineEntry> entries);
// Writes baseline_text(entries) to `file` (through a temporary file renamed over it). Throws BaselineError.
void write_baseline_file(const std::filesystem::path& file, std::vector<BaselineEntry> entries);

// Findings recorded in a baseline, to be taken out of a run's output.
class Baseline {
 public:
  // Parses a baseline file's text; `name` is the file's name for messages. Throws BaselineError.
  static Baseline parse(std::string_view text, const std::string& name);
  // Reads and parses `file`. Throws BaselineError.
  static Baseline read(const std::filesystem::path& file);

  // Removes from `diagnostics` (of the file printed as `display`) each finding a record absorbs; returns how many.
  size_t remove_known(const std::string& display, std::string_view text, std::vector<Diagnostic>& diagnostics);

 private:
  std::map<std::tuple<std::string, std::string, std::string>, size_t> remaining_;  // key → records not yet used
};

}  // namespace xxgk::cli
