// .gitignore files, as a directory walk honours them (interface.md: "a directory is walked recursively …, honouring
// .gitignore"). Supported: comments, `!` negation, a trailing `/` for directories only, patterns anchored by a `/`,
// `*`, `?` and `**`; the last matching line wins, and deeper .gitignore files override shallower ones, as in git.
// Not supported: character classes (`[abc]`).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::cli {

struct IgnorePattern {
  std::string glob;       // relative to the .gitignore's directory, as config::glob_match reads it
  bool negated = false;   // "!pattern": re-includes
  bool directory_only = false;
};

// The patterns of one .gitignore's text.
std::vector<IgnorePattern> parse_ignore_file(std::string_view text);

// The .gitignore files in force at a point of a walk: those of the walked directory's ancestors up to the
// repository root (the nearest directory holding .git), then one per directory entered.
class IgnoreStack {
 public:
  // `root` is the directory walked; absolute paths are used inside, so `root` may be relative.
  explicit IgnoreStack(const std::filesystem::path& root);
  // Called for each directory the walk enters, at its depth (0 for the root's children): reads its .gitignore.
  void enter(const std::filesystem::path& directory, int depth);
  // Forgets the .gitignore files of directories at `depth` or deeper: the walk has left them.
  void leave_to(int depth);
  // Whether `path` (under the root, as the walk produced it) is ignored.
  bool ignored(const std::filesystem::path& path, bool is_directory) const;

 private:
  struct Frame {
    std::string base;  // absolute, generic, with a trailing '/'
    int depth;         // the directory's depth in the walk; -1 for the root and its ancestors
    std::vector<IgnorePattern> patterns;
  };
  void push(const std::filesystem::path& absolute_directory, int depth);
  std::string absolute_generic(const std::filesystem::path& path) const;

  std::string root_native_;  // the root as the walk spells it, to map walk paths to absolute ones
  std::string root_absolute_;
  std::vector<Frame> frames_;
};

}  // namespace xxgk::cli
