// Command-line parsing for the subcommands (interface.md). Parsing only: no file is read here.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "xxgk/options.h"

namespace xxgk::cli {

// A command line that does not follow the usage: exit code 2, message on stderr.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class OutputFormat { Text, Json, Sarif, Github, Html };

// --color: auto colours the text output when it goes to a terminal and NO_COLOR is not set.
enum class ColorChoice { Auto, Always, Never };

// Options of `check` and `fix`.
struct LintArguments {
  OutputFormat format = OutputFormat::Text;
  std::optional<std::filesystem::path> config_file;  // --config
  std::map<std::string, Severity> rule_severities;    // --rule ID=SEVERITY, over the config file
  std::optional<AgencyKind> agency_kind;
  std::optional<int> year;
  bool quiet = false;        // report error-severity diagnostics only
  unsigned jobs = 1;         // files checked in parallel
  bool progress = true;      // --no-progress turns the progress bar off
  bool unsafe = false;       // fix: also apply unsafe fixes
  bool diff = false;         // fix: print a unified diff of the fixes instead of writing them
  bool force_report = false;  // lint files that do not look like a report (otherwise skipped with a note)
  bool no_ignore = false;     // directory walks: do not honour .gitignore
  bool statistics = false;    // print counts per rule instead of each diagnostic
  ColorChoice color = ColorChoice::Auto;
  std::optional<std::filesystem::path> output_file;  // --output-file: the report goes there instead of stdout
  std::optional<std::string> stdin_filename;         // --stdin-filename: standard input's name (display, config)
  std::vector<std::string> paths;
  // Baselines (check only): record today's findings, or report only those not recorded.
  std::optional<std::filesystem::path> write_baseline;  // --write-baseline FILE
  std::optional<std::filesystem::path> baseline;        // --baseline FILE
};

// `compare LAST THIS`.
struct CompareArguments {
  OutputFormat format = OutputFormat::Text;  // text, json or html
  std::string last;
  std::string current;
};

struct InitArguments {
  std::string agency;
  int year = 0;
  bool markdown = false;
};

// `args` are the arguments after the subcommand name. Throw UsageError.
LintArguments parse_lint_arguments(const std::vector<std::string>& args, bool fix);
InitArguments parse_init_arguments(const std::vector<std::string>& args);
CompareArguments parse_compare_arguments(const std::vector<std::string>& args);
std::string parse_explain_arguments(const std::vector<std::string>& args);

// Rule ids close to an unknown `id` (by id or slug), for "did you mean" messages.
std::vector<std::string> similar_rule_ids(const std::string& id);

}  // namespace xxgk::cli
