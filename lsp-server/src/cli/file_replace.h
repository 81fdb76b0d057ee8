// Reading a file together with what identifies the version read, and replacing it only if that version is still
// the one on disk: `xxgk-lint fix` must never overwrite an edit made while it was working, and must never leave a
// half-written report behind.
#pragma once

#include <sys/stat.h>

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace xxgk::cli {

// A file's content and the metadata that changes when someone writes it.
struct FileVersion {
  std::string content;
  off_t size = 0;
  timespec modified{};
  mode_t mode = 0;
};

// Thrown with a message for the user (Chinese first, then English) that leaves naming the file to the caller; the
// file is untouched.
class FileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads `file`, refusing one larger than `max_bytes` (checked while reading too: a FIFO or /dev/zero has no size).
// Throws FileError.
FileVersion read_file_version(const std::filesystem::path& file, size_t max_bytes = SIZE_MAX);
// "too large" for input of more than `max_bytes` (Chinese first, then English), without the file's name.
std::string too_large_message(size_t max_bytes);

// Standard input read to its end, or only up to a little more than `max_bytes` when more follows (complete is false;
// the rest stays unread).
struct StandardInput {
  std::string content;
  bool complete = true;
};
// Throws FileError on a read error.
StandardInput read_standard_input(size_t max_bytes);
// Copies what is left of standard input to standard output: a filter that cannot process its input still passes
// it on whole. Throws FileError.
void copy_rest_of_standard_input();

// Replaces the contents of the regular file `file` with `content`: writes a temporary file in the same directory,
// gives it the original mode, fsyncs it, checks that `file` still has the size, modification time and content of
// `expected`, and renames the temporary file over it. Throws FileError (removing the temporary file) when anything
// fails or the file changed on disk since it was read.
void replace_file_contents(const std::filesystem::path& file, const FileVersion& expected, std::string_view content);

}  // namespace xxgk::cli
