// .xxgk-lint.json: found in the nearest ancestor directory of the checked file, JSON with comments. The CLI and the
// language server read it through this one module, so an editor and a pre-commit hook always agree.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "xxgk/options.h"

namespace xxgk::config {

inline constexpr std::string_view kConfigFileName = ".xxgk-lint.json";

struct ConfigFile {
  std::filesystem::path path;        // the file read; empty when no file was found (defaults)
  LintOptions options;
  std::vector<std::string> ignore;   // glob patterns ("drafts/**"), relative to the config file's directory
  // "per-file-ignores": rules turned off for the files a glob matches (plain text has no comments to suppress with).
  std::vector<std::pair<std::string, std::vector<std::string>>> per_file_ignores;
  bool force_report = false;         // "forceReport": lint files that do not look like a report
};

// A config file that cannot be read or is not valid: the message names the file, the line and what is wrong.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The nearest .xxgk-lint.json at or above `start` (a file or a directory), or nullopt.
std::optional<std::filesystem::path> find_config_file(const std::filesystem::path& start);
// Reads and validates a config file. Throws ConfigError.
ConfigFile load_config_file(const std::filesystem::path& file);
// Parses config text (JSON with // and /* */ comments and trailing commas). `origin` is used in messages and as the
// base of `ignore` patterns. Throws ConfigError on syntax errors, unknown keys, unknown rule ids, bad values.
ConfigFile parse_config(std::string_view text, const std::filesystem::path& origin);
// The config for a checked file: `explicit_file` when given, else the nearest one, else defaults. Throws ConfigError.
ConfigFile config_for(const std::filesystem::path& checked_file, const std::optional<std::filesystem::path>& explicit_file);
// Whether '/'-separated `path` matches the glob `pattern`: `**` crosses directories (`**/` also matches no directory),
// `*` matches within one component, `?` matches one code point other than '/'. Time O(pattern × path). Shared
// with the .gitignore matcher.
bool glob_match(std::string_view pattern, std::string_view path);
// Whether `file` matches one of the config's ignore patterns.
bool is_ignored(const ConfigFile& config, const std::filesystem::path& file);
// The options for `file`: the config's, with the rules its per-file-ignores name for that file turned off.
LintOptions options_for_file(const ConfigFile& config, const std::filesystem::path& file);

}  // namespace xxgk::config
