#include "cli/targets.h"

#include <algorithm>
#include <set>

namespace xxgk::cli {

namespace fs = std::filesystem;

ConfigCache::ConfigCache(const std::optional<fs::path>& explicit_file) {
  if (explicit_file) explicit_ = config::load_config_file(*explicit_file);
}

const config::ConfigFile* ConfigCache::for_path(const fs::path& path, std::vector<std::string>& errors) {
  if (explicit_) return &*explicit_;
  std::error_code error;
  fs::path absolute = fs::absolute(path, error).lexically_normal();
  fs::path directory = fs::is_directory(absolute, error) ? absolute : absolute.parent_path();
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

namespace {

bool is_report_file(const fs::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
  return extension == ".txt" || extension == ".md" || extension == ".markdown";
}

// Reports under `directory`, sorted; hidden directories (.git, .vscode …) and ignored paths are skipped.
std::vector<fs::path> reports_under(const fs::path& directory, ConfigCache& configs, std::vector<std::string>& errors) {
  std::vector<fs::path> found;
  std::error_code error;
  fs::recursive_directory_iterator entries(directory, fs::directory_options::skip_permission_denied, error);
  for (; !error && entries != fs::recursive_directory_iterator(); entries.increment(error)) {
    const fs::directory_entry& entry = *entries;
    std::error_code status_error;
    if (entry.is_directory(status_error)) {
      // Whether a directory is ignored is its parent's configuration's call, not that of a config file inside it.
      const config::ConfigFile* config = configs.for_path(entry.path().parent_path(), errors);
      if (entry.path().filename().string().starts_with('.') || config == nullptr ||
          config::is_ignored(*config, entry.path()))
        entries.disable_recursion_pending();
      continue;
    }
    if (!entry.is_regular_file(status_error) || !is_report_file(entry.path())) continue;
    const config::ConfigFile* config = configs.for_path(entry.path(), errors);
    if (config != nullptr && !config::is_ignored(*config, entry.path())) found.push_back(entry.path());
  }
  if (error)
    errors.push_back(directory.string() + ": 无法读取目录 (cannot read the directory: " + error.message() + ")");
  std::sort(found.begin(), found.end(),
            [](const fs::path& a, const fs::path& b) { return a.generic_string() < b.generic_string(); });
  return found;
}

}  // namespace

TargetList collect_targets(const std::vector<std::string>& arguments, ConfigCache& configs) {
  TargetList list;
  std::set<fs::path> seen;
  // The same file named twice (or through two arguments) is checked once.
  auto add = [&](std::string display, const fs::path& path, const fs::path& tree, const config::ConfigFile* config) {
    std::error_code error;
    fs::path identity = fs::weakly_canonical(path, error);
    if (!seen.insert(error ? path : identity).second) return;
    list.targets.push_back(CheckTarget{std::move(display), path, tree, config});
  };

  for (const std::string& argument : arguments) {
    if (argument == "-") {
      if (!seen.insert(fs::path()).second) continue;  // standard input can be read only once
      if (const config::ConfigFile* config = configs.for_path(fs::current_path(), list.errors))
        list.targets.push_back(CheckTarget{"<stdin>", {}, {}, config});
      continue;
    }
    fs::path path(argument);
    std::error_code error;
    if (fs::is_directory(path, error)) {
      for (const fs::path& file : reports_under(path, configs, list.errors))
        add(file.lexically_normal().generic_string(), file, path, configs.for_path(file, list.errors));
    } else if (fs::exists(path, error)) {
      // A named file is checked whatever its extension, unless its configuration ignores it (pre-commit passes every
      // staged file by name, and must agree with the editor).
      const config::ConfigFile* config = configs.for_path(path, list.errors);
      if (config != nullptr && !config::is_ignored(*config, path))
        add(argument, path, path.parent_path().empty() ? fs::path(".") : path.parent_path(), config);
    } else {
      list.errors.push_back(argument + ": 文件不存在 (no such file or directory)");
    }
  }
  return list;
}

}  // namespace xxgk::cli
