#include "cli/file_replace.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "cli/temporary_files.h"

namespace xxgk::cli {

namespace fs = std::filesystem;

namespace {

// The caller prefixes the path it shows the user, so messages do not repeat it.
[[noreturn]] void fail_errno(const std::string& what_zh, const std::string& what_en) {
  throw FileError(what_zh + " (" + what_en + ": " + std::strerror(errno) + ")");
}

// A registered temporary file beside the file being replaced: closes its descriptor and, unless released, removes
// it.
class TemporaryFile {
 public:
  // Creates it in `directory`, named after `file`. Throws FileError.
  TemporaryFile(const fs::path& directory, const fs::path& file)
      : path_(directory.string() + "/." + file.filename().string() + ".xxgk-lint-XXXXXX") {
    std::unique_lock<std::mutex> lock = lock_temporary_files();
    descriptor_ = create_temporary_file(path_);
    if (descriptor_ < 0) {
      path_.clear();
      fail_errno("无法创建临时文件", "cannot create a temporary file beside it");
    }
  }
  ~TemporaryFile() {
    if (descriptor_ >= 0) ::close(descriptor_);
    if (!path_.empty()) {
      std::unique_lock<std::mutex> lock = lock_temporary_files();
      ::unlink(path_.c_str());
      forget_temporary_file(path_);
    }
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  int descriptor() const { return descriptor_; }
  const std::string& path() const { return path_; }
  // Called, under the registry's lock, once the path names nothing of ours to remove.
  void release() {
    forget_temporary_file(path_);
    path_.clear();
  }

 private:
  int descriptor_ = -1;
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

void take_metadata(const struct stat& status, FileVersion& version) {
  version.size = status.st_size;
  version.modified = status.st_mtim;
  version.mode = status.st_mode;
  version.owner = status.st_uid;
  version.group = status.st_gid;
  version.links = status.st_nlink;
  version.device = status.st_dev;
  version.inode = status.st_ino;
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
  // O_NONBLOCK: opening a FIFO without a writer would wait for one; it is refused below instead.
  int descriptor = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
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
  if (!S_ISREG(status.st_mode)) {
    ::close(descriptor);
    throw FileError("不是普通文件（管道、设备或套接字），未检查 (not a regular file but a FIFO, device or socket; not "
                    "checked)");
  }
  take_metadata(status, version);
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

namespace {

// What `fix` must not rewrite, whatever the fixes: FileError with the reason.
void refuse_unless_replaceable(const fs::path& file, const FileVersion& expected) {
  if (!S_ISREG(expected.mode)) throw FileError("不是普通文件，未写入 (not a regular file; not written)");
  if ((expected.mode & 0222) == 0)
    throw FileError("是只读文件，未修复 (read-only: no write permission is set; not rewritten)");
  if (::faccessat(AT_FDCWD, file.c_str(), W_OK, AT_EACCESS) != 0)
    fail_errno("没有写入此文件的权限，未修复", "not writable by this user; not rewritten");
  if (expected.links > 1)
    throw FileError("有 " + std::to_string(expected.links) + " 个硬链接，替换会拆开它们，未修复 (has " +
                    std::to_string(expected.links) + " hard links, which replacing it would split; not rewritten)");
}

bool same_version(const FileVersion& a, const FileVersion& b) {
  return a.device == b.device && a.inode == b.inode && a.size == b.size && same_time(a.modified, b.modified) &&
         a.content == b.content;
}

FileError changed_on_disk() {
  return FileError("文件在修复期间被修改，未写入 (changed on disk while it was being fixed; not written)");
}

FileError open_elsewhere() {
  return FileError("文件正被其他程序打开，未写入 (open in another program, which could still write to it; not written)");
}

// What the exchange took out of place, examined under a write lease where the file system grants one: the kernel
// grants it only while no other process has the file open, so once it is held no writer can add to the old copy after
// the comparison (a write to a descriptor opened before the swap would go to the copy about to be removed).
class SwappedOutFile {
 public:
  enum class State { AsRead, Changed, OpenElsewhere };

  explicit SwappedOutFile(const std::string& path)
      : descriptor_(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)) {}
  ~SwappedOutFile() {
    if (leased_) ::fcntl(descriptor_, F_SETLEASE, F_UNLCK);
    if (descriptor_ >= 0) ::close(descriptor_);
  }
  SwappedOutFile(const SwappedOutFile&) = delete;
  SwappedOutFile& operator=(const SwappedOutFile&) = delete;

  State examine(const FileVersion& expected) {
    if (descriptor_ < 0) return State::Changed;
    if (::fcntl(descriptor_, F_SETLEASE, F_WRLCK) == 0)
      leased_ = true;
    else if (errno == EAGAIN)
      return State::OpenElsewhere;  // (a file system without leases answers EINVAL: the comparison alone decides)
    struct stat status {};
    if (::fstat(descriptor_, &status) != 0 || !S_ISREG(status.st_mode)) return State::Changed;
    FileVersion found;
    take_metadata(status, found);
    try {
      if (!read_to_end(descriptor_, expected.content.size(), found.content)) return State::Changed;
    } catch (const FileError&) {
      return State::Changed;
    }
    return same_version(found, expected) ? State::AsRead : State::Changed;
  }

 private:
  int descriptor_;
  bool leased_ = false;
};

// Whether the file system can exchange two names atomically (ext4, XFS, Btrfs, tmpfs can; NFS cannot).
bool exchange_unsupported(int error) { return error == EINVAL || error == ENOSYS || error == ENOTSUP; }

}  // namespace

void replace_file_contents(const fs::path& file, const FileVersion& expected, std::string_view content) {
  refuse_unless_replaceable(file, expected);
  fs::path directory = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  TemporaryFile temporary(directory, file);

  write_all(temporary.descriptor(), content);
  // Owner and group first: changing them clears the set-user-ID and set-group-ID bits the mode then restores.
  if (::fchown(temporary.descriptor(), expected.owner, expected.group) != 0)
    fail_errno("无法保留文件的属主和属组，未修复", "cannot keep its owner and group; not rewritten");
  if (::fchmod(temporary.descriptor(), expected.mode & 07777) != 0)
    fail_errno("无法设置临时文件的权限", "cannot set the mode of the temporary file");
  if (::fsync(temporary.descriptor()) != 0) fail_errno("无法写入磁盘", "cannot fsync the temporary file");

  // A change seen now costs nothing to refuse; one made from here on is caught after the exchange.
  if (!same_version(read_file_version(file), expected)) throw changed_on_disk();
  {
    std::unique_lock<std::mutex> lock = lock_temporary_files();
    if (::renameat2(AT_FDCWD, temporary.path().c_str(), AT_FDCWD, file.c_str(), RENAME_EXCHANGE) == 0) {
      // The temporary name now holds what was in place: it must be the version read, or it goes back.
      SwappedOutFile swapped_out(temporary.path());
      const SwappedOutFile::State state = swapped_out.examine(expected);
      if (state != SwappedOutFile::State::AsRead) {
        if (::renameat2(AT_FDCWD, temporary.path().c_str(), AT_FDCWD, file.c_str(), RENAME_EXCHANGE) != 0) {
          // The changed version cannot go back: it is kept where it is, and the user is told where.
          const std::string kept = temporary.path();
          temporary.release();
          throw FileError("文件在修复期间被修改，且无法换回；原来在位的版本（含期间的修改）保存在 " + kept +
                          " (changed on disk while it was being fixed and could not be swapped back; the version "
                          "that was in place is in " + kept + ")");
        }
        throw state == SwappedOutFile::State::OpenElsewhere ? open_elsewhere() : changed_on_disk();
      }
      // The old version goes while the lease still keeps writers out.
      ::unlink(temporary.path().c_str());
      temporary.release();
    } else if (exchange_unsupported(errno)) {
      if (!same_version(read_file_version(file), expected)) throw changed_on_disk();
      if (::rename(temporary.path().c_str(), file.c_str()) != 0) fail_errno("无法替换文件", "cannot replace the file");
      temporary.release();
    } else {
      fail_errno("无法替换文件", "cannot replace the file");
    }
  }

  // The exchange is durable only once the directory entry is on disk.
  int directory_descriptor = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (directory_descriptor >= 0) {
    ::fsync(directory_descriptor);
    ::close(directory_descriptor);
  }
}

}  // namespace xxgk::cli
