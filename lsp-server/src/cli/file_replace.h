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

// A file's content, the metadata that changes when someone writes it, and what a rewrite must keep.
struct FileVersion {
  std::string content;
  off_t size = 0;
  timespec modified{};
  mode_t mode = 0;
  uid_t owner = 0;
  gid_t group = 0;
  nlink_t links = 0;
  dev_t device = 0;
  ino_t inode = 0;
};

// Thrown with a message for the user (Chinese first, then English) that leaves naming the file to the caller; the
// file is untouched.
class FileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads `file`, refusing one larger than `max_bytes` and anything but a regular file (a FIFO would block the run, a
// device never end; the file is opened without blocking and examined before it is read). Throws FileError.
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

// Replaces the contents of the regular file `file` with `content`, keeping its mode, owner and group: writes a
// temporary file in the same directory (registered in temporary_files.h, so an interrupted run removes it), fsyncs
// it, and exchanges it with `file` atomically (renameat2 RENAME_EXCHANGE); then compares what was swapped out with
// `expected` — inode, size, modification time and content — and, if anything differs (a write that landed before the
// swap), swaps it back and refuses. On a file system without RENAME_EXCHANGE it compares just before an ordinary
// rename instead. Refuses, writing nothing: a read-only file (no write permission bit, or none for this user), a file
// with several hard links (replacing it would split them), and a file whose owner or group this user cannot give the
// new copy. Throws FileError (removing the temporary file) when anything fails or the file changed on disk.
//
// A process that holds the file open and writes after the swap writes to the old copy, as with any editor's atomic
// save; writes up to the moment of the comparison are detected.
void replace_file_contents(const std::filesystem::path& file, const FileVersion& expected, std::string_view content);

}  // namespace xxgk::cli
