#include "cli/targets.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "cli/ignore_files.h"

namespace xxgk::cli {

namespace fs = std::filesystem;

ConfigCache::ConfigCache(const std::optional<fs::path>& explicit_file) {
  if (explicit_file) explicit_ = config::load_config_file(*explicit_file);
}

fs::path ConfigCache::absolute(const fs::path& path) {
  if (path.is_absolute()) return path.lexically_normal();
  if (!working_directory_) {
    std::error_code error;
    working_directory_ = fs::current_path(error);
  }
  return (*working_directory_ / path).lexically_normal();
}

const config::ConfigFile* ConfigCache::for_path(const fs::path& path, std::vector<std::string>& errors) {
  if (explicit_) return &*explicit_;
  std::error_code error;
  const fs::path absolute_path = absolute(path);
  return for_directory(fs::is_directory(absolute_path, error) ? absolute_path : absolute_path.parent_path(), errors);
}

const config::ConfigFile* ConfigCache::for_file(const fs::path& file, std::vector<std::string>& errors) {
  if (explicit_) return &*explicit_;
  return for_directory(absolute(file).parent_path(), errors);
}

const config::ConfigFile* ConfigCache::for_directory(const fs::path& directory, std::vector<std::string>& errors) {
  if (auto known = by_directory_.find(directory); known != by_directory_.end()) return known->second;

  const config::ConfigFile* governing = &defaults_;
  if (std::optional<fs::path> file = config::find_config_file(directory)) {
    auto [entry, inserted] = files_.try_emplace(*file);
    if (inserted) {
      try {
        entry->second = config::load_config_file(*file);
      } catch (const config::ConfigError& config_error) {
        errors.push_back(config_error.what());
      }
    }
    governing = entry->second ? &*entry->second : nullptr;
  }
  by_directory_[directory] = governing;
  return governing;
}

std::string normal_generic_string(const fs::path& path) {
  std::string generic = path.generic_string();
  // Normal already when no component is "." or "..", and no separator is doubled after the first component.
  bool normal = !generic.empty();
  for (size_t begin = 0; normal && begin < generic.size();) {
    const size_t end = std::min(generic.find('/', begin), generic.size());
    const std::string_view component(generic.data() + begin, end - begin);
    normal = component != "." && component != ".." && (!component.empty() || begin == 0 || end == generic.size());
    begin = end + 1;
  }
  return normal ? generic : path.lexically_normal().generic_string();
}

namespace {

// Why a directory cannot be walked (permission, or a path that cannot be examined), or nullopt when it can: a
// directory the walk would skip is an error of the run, not an empty directory.
std::optional<std::string> unreadable_directory(const fs::path& directory) {
  if (::access(directory.c_str(), R_OK | X_OK) == 0) return std::nullopt;
  return directory.string() + ": 无法读取目录 (cannot read the directory: " + std::strerror(errno) + ")";
}

// The error for a command-line path that is neither a directory nor an existing file: missing, a symbolic link loop
// (ELOOP), a component without search permission …, as the file system said.
std::string unusable_path_reason(const fs::path& path, const std::error_code& error) {
  std::error_code link_error;
  if ((!error || error == std::errc::no_such_file_or_directory) && fs::is_symlink(path, link_error))
    return "符号链接指向的文件不存在 (a broken symbolic link: its target does not exist)";
  if (!error || error == std::errc::no_such_file_or_directory) return "文件不存在 (no such file or directory)";
  if (error == std::errc::too_many_symbolic_link_levels)
    return "符号链接循环，无法打开 (a symbolic link loop: too many levels of symbolic links)";
  return "无法访问 (cannot access it: " + error.message() + ")";
}

bool is_report_file(const fs::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
  return extension == ".txt" || extension == ".md" || extension == ".markdown" || extension == ".html" ||
         extension == ".htm" || extension == ".docx" || extension == ".pdf";
}

// A report found under a directory argument.
struct FoundReport {
  std::string display;  // its path, lexically normal, in generic form: what is printed, and the sort key
  fs::path path;
  const config::ConfigFile* config;
};

// Reports under `directory`, sorted; hidden directories (.git, .vscode …), node_modules, what .gitignore files ignore
// (unless --no-ignore) and what the configuration ignores are skipped. A batch of
// thousands of files is collected before any is checked, so this runs alone: the files of one directory share the
// configuration looked up for the first of them, and the sort compares strings made once per file (through paths,
// it made two strings per comparison: 31M instructions for 2,000 files).
std::vector<FoundReport> reports_under(const fs::path& directory, ConfigCache& configs,
                                       std::vector<std::string>& errors, bool honour_ignore_files) {
  std::vector<FoundReport> found;
  std::optional<IgnoreStack> ignore_files;
  if (honour_ignore_files) ignore_files.emplace(directory);
  std::optional<std::string> config_directory;  // the directory whose configuration `config_of_directory` is
  const config::ConfigFile* config_of_directory = nullptr;
  std::error_code error;
  fs::recursive_directory_iterator entries(directory, fs::directory_options::skip_permission_denied, error);
  for (; !error && entries != fs::recursive_directory_iterator(); entries.increment(error)) {
    const fs::directory_entry& entry = *entries;
    std::error_code status_error;
    if (ignore_files) ignore_files->leave_to(entries.depth());
    if (entry.is_directory(status_error)) {
      // Whether a directory is ignored is its parent's configuration's call, not that of a config file inside it.
      const config::ConfigFile* config = configs.for_path(entry.path().parent_path(), errors);
      const std::string name = entry.path().filename().string();
      if (name.starts_with('.') || config == nullptr || config::is_ignored(*config, entry.path()) ||
          (ignore_files && (name == "node_modules" || ignore_files->ignored(entry.path(), true)))) {
        entries.disable_recursion_pending();
      } else if (std::optional<std::string> unreadable = unreadable_directory(entry.path())) {
        errors.push_back(std::move(*unreadable));
        entries.disable_recursion_pending();
      } else if (ignore_files) {
        ignore_files->enter(entry.path(), entries.depth());
      }
      continue;
    }
    // Not only regular files: a FIFO, a device or a broken link named like a report is refused by name when it is
    // read, as when the command line names it, instead of being left out in silence.
    if (!is_report_file(entry.path())) continue;
    if (ignore_files && ignore_files->ignored(entry.path(), false)) continue;
    const std::string& native = entry.path().native();
    const size_t last_separator = native.rfind('/');
    const std::string_view parent(native.data(), last_separator == std::string::npos ? 0 : last_separator);
    if (!config_directory || parent != *config_directory) {
      config_of_directory = configs.for_file(entry.path(), errors);
      config_directory = parent;
    }
    if (config_of_directory != nullptr && !config::is_ignored(*config_of_directory, entry.path()))
      found.push_back(FoundReport{normal_generic_string(entry.path()), entry.path(), config_of_directory});
  }
  if (error)
    errors.push_back(directory.string() + ": 无法读取目录 (cannot read the directory: " + error.message() + ")");
  std::sort(found.begin(), found.end(), [](const FoundReport& a, const FoundReport& b) { return a.display < b.display; });
  return found;
}

// What makes two paths the same file: its device and inode (through symbolic links, `..` and hard links alike), or,
// for a path that cannot be examined, the path itself.
using FileIdentity = std::variant<std::pair<dev_t, ino_t>, fs::path>;

FileIdentity file_identity(const fs::path& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) == 0) return std::pair{status.st_dev, status.st_ino};
  return path.lexically_normal();
}

}  // namespace

TargetList collect_targets(const std::vector<std::string>& arguments, ConfigCache& configs,
                           const TargetOptions& options) {
  TargetList list;
  std::set<FileIdentity> seen;
  // The same file named twice (or through two arguments) is checked once.
  auto add = [&](std::string display, const fs::path& path, const fs::path& tree, const config::ConfigFile* config) {
    if (!seen.insert(file_identity(path)).second) return;
    list.targets.push_back(CheckTarget{std::move(display), path, tree, config, false});
  };

  for (const std::string& argument : arguments) {
    if (argument == "-") {
      if (!seen.insert(fs::path()).second) continue;  // standard input can be read only once
      // Named by --stdin-filename, standard input is shown and configured (per-file-ignores) as that file.
      const fs::path name = options.stdin_filename.value_or("");
      if (const config::ConfigFile* config = configs.for_path(name.empty() ? fs::current_path() : name, list.errors))
        list.targets.push_back(CheckTarget{options.stdin_filename.value_or("<stdin>"), name, {}, config, true});
      continue;
    }
    fs::path path(argument);
    std::error_code error;
    if (fs::is_directory(path, error)) {
      if (std::optional<std::string> unreadable = unreadable_directory(path)) {
        list.errors.push_back(std::move(*unreadable));
        continue;
      }
      for (FoundReport& report : reports_under(path, configs, list.errors, options.honour_ignore_files)) {
        if (!fs::exists(report.path, error)) {
          list.errors.push_back(report.display + ": " + unusable_path_reason(report.path, error));
          continue;
        }
        add(std::move(report.display), report.path, path, report.config);
      }
    } else if (fs::exists(path, error)) {
      // A named file is checked whatever its extension, unless its configuration ignores it (pre-commit passes every
      // staged file by name, and must agree with the editor).
      const config::ConfigFile* config = configs.for_path(path, list.errors);
      if (config != nullptr && !config::is_ignored(*config, path))
        add(argument, path, path.parent_path().empty() ? fs::path(".") : path.parent_path(), config);
    } else {
      const std::string reason = unusable_path_reason(path, error);
      list.errors.push_back(argument + ": " + reason);
      list.missing.push_back(FailedPath{argument, reason});
    }
  }
  return list;
}

}  // namespace xxgk::cli
