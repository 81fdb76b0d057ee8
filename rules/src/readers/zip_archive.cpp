#include "readers/zip_archive.h"

#include <zlib.h>

#include <algorithm>

#include "xxgk/source_reader.h"

namespace xxgk::readers {

namespace {

[[noreturn]] void corrupt(const std::string& what) {
  throw SourceReadError("不是有效的 DOCX 文件：ZIP 压缩包损坏 (not a valid DOCX file: corrupt ZIP archive: " + what + ")");
}

uint32_t read_le(std::string_view bytes, size_t at, size_t size) {
  if (at + size > bytes.size()) corrupt("record past the end");
  uint32_t value = 0;
  for (size_t i = 0; i < size; ++i) value |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
  return value;
}

constexpr uint32_t kEndOfCentralDirectory = 0x06054b50;
constexpr uint32_t kCentralHeader = 0x02014b50;
constexpr uint32_t kLocalHeader = 0x04034b50;
constexpr size_t kMaxEntries = 10'000;

}  // namespace

ZipArchive::ZipArchive(std::string_view bytes) : bytes_(bytes) {
  if (bytes.size() < 22) corrupt("too short");
  // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
  size_t end = std::string_view::npos;
  const size_t lowest = bytes.size() > 22 + 65535 ? bytes.size() - 22 - 65535 : 0;
  for (size_t at = bytes.size() - 22 + 1; at-- > lowest;)
    if (read_le(bytes, at, 4) == kEndOfCentralDirectory) {
      end = at;
      break;
    }
  if (end == std::string_view::npos) corrupt("no central directory");
  const size_t count = read_le(bytes, end + 10, 2);
  size_t at = read_le(bytes, end + 16, 4);
  if (count > kMaxEntries) corrupt("too many entries");
  for (size_t i = 0; i < count; ++i) {
    if (read_le(bytes, at, 4) != kCentralHeader) corrupt("bad central directory entry");
    Entry entry;
    entry.method = static_cast<uint16_t>(read_le(bytes, at + 10, 2));
    entry.compressed_size = read_le(bytes, at + 20, 4);
    const size_t name_size = read_le(bytes, at + 28, 2);
    const size_t extra_size = read_le(bytes, at + 30, 2);
    const size_t comment_size = read_le(bytes, at + 32, 2);
    entry.local_header = read_le(bytes, at + 42, 4);
    if (at + 46 + name_size > bytes.size()) corrupt("entry name past the end");
    entry.name = std::string(bytes.substr(at + 46, name_size));
    entries_.push_back(std::move(entry));
    at += 46 + name_size + extra_size + comment_size;
  }
}

std::optional<std::string> ZipArchive::read(std::string_view name, size_t max_size) const {
  auto entry = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.name == name; });
  if (entry == entries_.end()) return std::nullopt;
  const size_t at = entry->local_header;
  if (read_le(bytes_, at, 4) != kLocalHeader) corrupt("bad local header of " + entry->name);
  const size_t data = at + 30 + read_le(bytes_, at + 26, 2) + read_le(bytes_, at + 28, 2);
  if (data > bytes_.size() || entry->compressed_size > bytes_.size() - data) corrupt(entry->name + " past the end");
  const std::string_view compressed = bytes_.substr(data, entry->compressed_size);
  if (entry->method == 0) {
    if (compressed.size() > max_size) throw SourceReadError("DOCX 文件内容解压后过大 (the document unpacks to too much data)");
    return std::string(compressed);
  }
  if (entry->method != 8) corrupt("unsupported compression method in " + entry->name);
  z_stream stream{};
  if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) corrupt("zlib");
  std::string out;
  char buffer[65536];
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    status = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
    if (out.size() > max_size) {
      inflateEnd(&stream);
      throw SourceReadError("DOCX 文件内容解压后过大 (the document unpacks to too much data)");
    }
    if (status == Z_BUF_ERROR && stream.avail_in == 0) break;  // truncated input
  }
  inflateEnd(&stream);
  if (status != Z_STREAM_END) corrupt(entry->name + " does not inflate");
  return out;
}

}  // namespace xxgk::readers
