#include "cli/file_replace.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace xxgk::cli {

namespace fs = std::filesystem;

namespace {

// The caller prefixes the path it shows the user, so messages do not repeat it.
[[noreturn]] void fail_errno(const std::string& what_zh, const std::string& what_en) {
  throw FileError(what_zh + " (" + what_en + ": " + std::strerror(errno) + ")");
}

// Closes the descriptor and, unless released, removes the temporary file it was created for.
class TemporaryFile {
 public:
  TemporaryFile(int descriptor, std::string path) : descriptor_(descriptor), path_(std::move(path)) {}
  ~TemporaryFile() {
    if (descriptor_ >= 0) ::close(descriptor_);
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  int descriptor() const { return descriptor_; }
  const std::string& path() const { return path_; }
  // Called once the temporary file has been renamed into place: there is nothing left to remove.
  void release() { path_.clear(); }

 private:
  int descriptor_;
  std::string path_;
};

bool same_time(const timespec& a, const timespec& b) { return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec; }

void write_all(int descriptor, std::string_view content) {
  while (!content.empty()) {
    ssize_t written = ::write(descriptor, content.data(), content.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      fail_errno("写入临时文件失败", "cannot write the temporary file");
    }
    content.remove_prefix(static_cast<size_t>(written));
  }
}

FileError too_large(size_t max_bytes) { return FileError(too_large_message(max_bytes)); }

// Appends what `descriptor` yields up to its end to `content`, or stops once more than `max_bytes` came and returns
// false (what came is kept in `content`). Throws FileError on a read error; the caller closes the descriptor.
bool read_to_end(int descriptor, size_t max_bytes, std::string& content) {
  char buffer[65536];
  while (true) {
    ssize_t count = ::read(descriptor, buffer, sizeof buffer);
    if (count == 0) return true;
    if (count < 0) {
      if (errno == EINTR) continue;
      fail_errno("无法读取文件", "cannot read");
    }
    content.append(buffer, static_cast<size_t>(count));
    if (content.size() > max_bytes) return false;
  }
}

}  // namespace

std::string too_large_message(size_t max_bytes) {
  const std::string limit = std::to_string(max_bytes);
  return "文件过大，未检查：超过 " + limit + " 字节的上限 (too large: more than " + limit + " bytes; not checked)";
}

StandardInput read_standard_input(size_t max_bytes) {
  StandardInput input;
  input.complete = read_to_end(STDIN_FILENO, max_bytes, input.content);
  return input;
}

void copy_rest_of_standard_input() {
  char buffer[65536];
  while (true) {
    ssize_t count = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (count == 0) return;
    if (count < 0) {
      if (errno == EINTR) continue;
      fail_errno("无法读取标准输入", "cannot read standard input");
    }
    std::string_view chunk(buffer, static_cast<size_t>(count));
    while (!chunk.empty()) {
      ssize_t written = ::write(STDOUT_FILENO, chunk.data(), chunk.size());
      if (written < 0) {
        if (errno == EINTR) continue;
        fail_errno("无法写入标准输出", "cannot write standard output");
      }
      chunk.remove_prefix(static_cast<size_t>(written));
    }
  }
}

FileVersion read_file_version(const fs::path& file, size_t max_bytes) {
  int descriptor = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) fail_errno("无法读取文件", "cannot read");
  FileVersion version;
  struct stat status {};
  if (::fstat(descriptor, &status) != 0) {
    ::close(descriptor);
    fail_errno("无法读取文件", "cannot read");
  }
  if (S_ISDIR(status.st_mode)) {
    ::close(descriptor);
    throw FileError("是目录而不是文件 (a directory, not a file)");
  }
  version.size = status.st_size;
  version.modified = status.st_mtim;
  version.mode = status.st_mode;
  try {
    if (static_cast<uintmax_t>(status.st_size) > max_bytes) throw too_large(max_bytes);
    if (!read_to_end(descriptor, max_bytes, version.content)) throw too_large(max_bytes);
  } catch (const FileError&) {
    ::close(descriptor);
    throw;
  }
  ::close(descriptor);
  return version;
}

void replace_file_contents(const fs::path& file, const FileVersion& expected, std::string_view content) {
  if (!S_ISREG(expected.mode)) throw FileError("不是普通文件，未写入 (not a regular file; not written)");
  fs::path directory = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  std::string pattern = directory.string() + "/." + file.filename().string() + ".xxgk-lint-XXXXXX";
  int descriptor = ::mkstemp(pattern.data());
  if (descriptor < 0) fail_errno("无法创建临时文件", "cannot create a temporary file beside it");
  TemporaryFile temporary(descriptor, pattern);

  write_all(temporary.descriptor(), content);
  if (::fchmod(temporary.descriptor(), expected.mode & 07777) != 0)
    fail_errno("无法设置临时文件的权限", "cannot set the mode of the temporary file");
  if (::fsync(temporary.descriptor()) != 0) fail_errno("无法写入磁盘", "cannot fsync the temporary file");

  FileVersion current = read_file_version(file);
  if (current.size != expected.size || !same_time(current.modified, expected.modified) ||
      current.content != expected.content)
    throw FileError("文件在修复期间被修改，未写入 (changed on disk while it was being fixed; not written)");
  if (::rename(temporary.path().c_str(), file.c_str()) != 0) fail_errno("无法替换文件", "cannot replace the file");
  temporary.release();

  // The rename is durable only once the directory entry is on disk.
  int directory_descriptor = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (directory_descriptor >= 0) {
    ::fsync(directory_descriptor);
    ::close(directory_descriptor);
  }
}

}  // namespace xxgk::cli
