#include "cli/ignore_files.h"

#include <fstream>
#include <sstream>

#include "config/config_file.h"

namespace xxgk::cli {

namespace fs = std::filesystem;

std::vector<IgnorePattern> parse_ignore_file(std::string_view text) {
  std::vector<IgnorePattern> patterns;
  while (!text.empty()) {
    const size_t end = std::min(text.find('\n'), text.size());
    std::string line(text.substr(0, end));
    text.remove_prefix(std::min(end + 1, text.size()));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    while (!line.empty() && line.back() == ' ' && !(line.size() > 1 && line[line.size() - 2] == '\\')) line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    IgnorePattern pattern;
    if (line.front() == '!') {
      pattern.negated = true;
      line.erase(0, 1);
    } else if (line.starts_with("\\#") || line.starts_with("\\!")) {
      line.erase(0, 1);
    }
    if (line.ends_with('/')) {
      pattern.directory_only = true;
      line.pop_back();
    }
    if (line.empty()) continue;
    // A slash at the start or in the middle anchors the pattern to the .gitignore's directory; otherwise it matches
    // a name at any depth.
    if (line.front() == '/') line.erase(0, 1);
    else if (line.find('/') == std::string::npos) line = "**/" + line;
    pattern.glob = std::move(line);
    patterns.push_back(std::move(pattern));
  }
  return patterns;
}

namespace {

std::vector<IgnorePattern> read_ignore_file(const fs::path& directory) {
  std::ifstream stream(directory / ".gitignore", std::ios::binary);
  if (!stream) return {};
  std::ostringstream contents;
  contents << stream.rdbuf();
  return parse_ignore_file(contents.str());
}

std::string with_slash(std::string path) {
  if (!path.ends_with('/')) path += '/';
  return path;
}

}  // namespace

IgnoreStack::IgnoreStack(const fs::path& root) : root_native_(root.native()) {
  std::error_code error;
  const fs::path absolute_root = fs::absolute(root, error).lexically_normal();
  root_absolute_ = with_slash(absolute_root.generic_string());
  // The ancestors' files apply too, up to the repository's root; outside a repository only the walked tree's own.
  std::vector<fs::path> ancestors;
  for (fs::path directory = absolute_root;; directory = directory.parent_path()) {
    ancestors.push_back(directory);
    if (fs::exists(directory / ".git", error) || directory == directory.root_path() || !directory.has_relative_path())
      break;
  }
  if (!fs::exists(ancestors.back() / ".git", error)) ancestors.resize(1);
  for (auto it = ancestors.rbegin(); it != ancestors.rend(); ++it) push(*it, -1);
}

void IgnoreStack::push(const fs::path& absolute_directory, int depth) {
  std::vector<IgnorePattern> patterns = read_ignore_file(absolute_directory);
  if (!patterns.empty())
    frames_.push_back(Frame{with_slash(absolute_directory.lexically_normal().generic_string()), depth,
                            std::move(patterns)});
}

std::string IgnoreStack::absolute_generic(const fs::path& path) const {
  std::string_view native = path.native();
  if (native.starts_with(root_native_)) native.remove_prefix(root_native_.size());
  while (native.starts_with('/')) native.remove_prefix(1);
  return root_absolute_ + std::string(native);
}

void IgnoreStack::enter(const fs::path& directory, int depth) {
  leave_to(depth);
  push(fs::path(absolute_generic(directory)), depth);
}

void IgnoreStack::leave_to(int depth) {
  while (!frames_.empty() && frames_.back().depth >= depth) frames_.pop_back();
}

bool IgnoreStack::ignored(const fs::path& path, bool is_directory) const {
  const std::string absolute = absolute_generic(path);
  bool ignored = false;
  for (const Frame& frame : frames_) {
    if (!absolute.starts_with(frame.base)) continue;
    const std::string_view relative = std::string_view(absolute).substr(frame.base.size());
    for (const IgnorePattern& pattern : frame.patterns)
      if ((!pattern.directory_only || is_directory) && config::glob_match(pattern.glob, relative))
        ignored = !pattern.negated;
  }
  return ignored;
}

}  // namespace xxgk::cli
