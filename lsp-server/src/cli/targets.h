// Which files a `check` or `fix` run covers: the named files, the reports found under named directories, standard
// input — each with the configuration file that governs it, less what that configuration ignores.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/config_file.h"

namespace xxgk::cli {

// Configuration files for the run, each read once: the --config file for every target, or the nearest one.
class ConfigCache {
 public:
  // Loads `explicit_file` now when given. Throws config::ConfigError.
  explicit ConfigCache(const std::optional<std::filesystem::path>& explicit_file);
  // The configuration governing `path` (a file or a directory), or null when that configuration file is invalid:
  // its error is added to `errors` the first time.
  const config::ConfigFile* for_path(const std::filesystem::path& path, std::vector<std::string>& errors);
  // The same for a path known to be a file (found by a directory walk): nothing is asked of the file system.
  const config::ConfigFile* for_file(const std::filesystem::path& file, std::vector<std::string>& errors);

 private:
  const config::ConfigFile* for_directory(const std::filesystem::path& absolute_directory,
                                          std::vector<std::string>& errors);
  std::filesystem::path absolute(const std::filesystem::path& path);

  std::optional<std::filesystem::path> working_directory_;  // read once: the run does not change it
  std::optional<config::ConfigFile> explicit_;
  config::ConfigFile defaults_;
  std::map<std::filesystem::path, std::optional<config::ConfigFile>> files_;  // nullopt: invalid
  std::map<std::filesystem::path, const config::ConfigFile*> by_directory_;
};

struct CheckTarget {
  std::string display;             // as printed: the argument, a path under a directory argument, or "<stdin>"
  std::filesystem::path path;      // for standard input, the --stdin-filename (or empty): what the config applies to
  std::filesystem::path tree;      // the directory the command line named it in: fix writes nothing outside it
  const config::ConfigFile* config = nullptr;
  bool from_stdin = false;
  bool is_stdin() const { return from_stdin; }
};

// `path.lexically_normal().generic_string()`, without the normalisation's cost (~2,400 instructions) for a path that
// is normal already, as nearly every path found under a directory argument is.
std::string normal_generic_string(const std::filesystem::path& path);

// A path named on the command line that is not there: reported on stderr, and in JSON and SARIF.
struct FailedPath {
  std::string display;
  std::string reason;
};

struct TargetList {
  std::vector<CheckTarget> targets;  // in command-line order, each directory's files sorted, no file twice
  std::vector<std::string> errors;   // for stderr: missing paths, unreadable directories, invalid config files
  std::vector<FailedPath> missing;   // the missing paths again, for the report formats
};

struct TargetOptions {
  std::optional<std::string> stdin_filename;  // the name standard input is shown and configured under
  bool honour_ignore_files = true;            // .gitignore and node_modules/ in directory walks (--no-ignore: off)
};

TargetList collect_targets(const std::vector<std::string>& arguments, ConfigCache& configs,
                           const TargetOptions& options = {});

}  // namespace xxgk::cli
