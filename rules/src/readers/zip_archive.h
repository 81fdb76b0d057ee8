// The entries of a ZIP archive held in memory (the container of a .docx), inflated with zlib. Debian ships no static
// libzip, and the xxgk-lint executable is linked statically; the few records a .docx needs are read here instead.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::readers {

class ZipArchive {
 public:
  // Reads the central directory. Throws SourceReadError when `bytes` are not a readable ZIP archive.
  explicit ZipArchive(std::string_view bytes);
  // The entry named `name`, inflated; nullopt when there is none. Throws SourceReadError when it is corrupt or when
  // it inflates to more than `max_size` bytes (a zip bomb: the sizes the archive declares are not trusted).
  std::optional<std::string> read(std::string_view name, size_t max_size) const;

 private:
  struct Entry {
    std::string name;
    uint16_t method = 0;
    uint64_t compressed_size = 0;
    uint64_t local_header = 0;
  };
  std::string_view bytes_;
  std::vector<Entry> entries_;
};

}  // namespace xxgk::readers
