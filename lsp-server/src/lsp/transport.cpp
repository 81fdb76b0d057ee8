#include "lsp/transport.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>

namespace xxgk::lsp {
namespace {

// Header lines are short ("Content-Length: 123", "Content-Type: …"); a longer line is garbage, kept only in part.
constexpr size_t kMaxHeaderLine = 1024;

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Where "content-length:" starts in `line`, case-insensitively, or npos. Searched anywhere in the line so that
// garbage glued in front of a header (a stray print without a newline) does not lose the message after it.
size_t find_content_length(std::string_view line) {
  constexpr std::string_view kName = "content-length:";
  const auto found = std::search(line.begin(), line.end(), kName.begin(), kName.end(),
                                 [](char a, char b) { return ascii_lower(a) == b; });
  return found == line.end() ? std::string_view::npos : static_cast<size_t>(found - line.begin());
}

std::optional<size_t> parse_length(std::string_view value) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  size_t length = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), length);
  if (error != std::errc() || end != value.data() + value.size() || value.empty()) return std::nullopt;
  return length;
}

}  // namespace

FrameReader::FrameReader(std::istream& input, size_t max_body) : input_(input), max_body_(max_body) {}

bool FrameReader::read_line(std::string& line) {
  line.clear();
  std::streambuf& buffer = *input_.rdbuf();
  for (;;) {
    const auto c = buffer.sbumpc();
    if (c == std::char_traits<char>::eof()) return false;
    if (c == '\n') break;
    if (line.size() < kMaxHeaderLine) line += static_cast<char>(c);
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

bool FrameReader::skip(size_t count) {
  char scratch[16 * 1024];
  while (count > 0) {
    const auto chunk = static_cast<std::streamsize>(std::min(count, sizeof scratch));
    const std::streamsize got = input_.rdbuf()->sgetn(scratch, chunk);
    if (got <= 0) return false;
    count -= static_cast<size_t>(got);
  }
  return true;
}

std::optional<Frame> FrameReader::next() {
  std::optional<size_t> length;
  std::string problem;
  bool in_header = false;
  std::string line;
  for (;;) {
    if (!read_line(line)) return std::nullopt;
    if (line.empty()) {
      if (in_header) break;
      continue;  // blank lines between messages carry nothing
    }
    in_header = true;
    const size_t name = find_content_length(line);
    if (name == std::string_view::npos) continue;  // Content-Type or garbage: ignored
    length = parse_length(std::string_view(line).substr(name + std::string_view("content-length:").size()));
    if (!length) problem = "invalid Content-Length header: '" + line + "'";
  }
  if (!length) {
    return Frame{{}, problem.empty() ? "message header without a Content-Length" : problem};
  }
  if (*length > max_body_) {
    if (!skip(*length)) return std::nullopt;
    return Frame{{}, "message of " + std::to_string(*length) + " bytes exceeds the limit of " +
                         std::to_string(max_body_) + " bytes; skipped"};
  }
  Frame frame;
  frame.body.resize(*length);
  const std::streamsize got = input_.rdbuf()->sgetn(frame.body.data(), static_cast<std::streamsize>(*length));
  if (got != static_cast<std::streamsize>(*length)) return std::nullopt;
  return frame;
}

bool FrameWriter::write(std::span<const std::string_view> pieces) {
  size_t length = 0;
  for (const std::string_view piece : pieces) length += piece.size();
  const std::string header = "Content-Length: " + std::to_string(length) + "\r\n\r\n";
  std::lock_guard lock(mutex_);
  output_.write(header.data(), static_cast<std::streamsize>(header.size()));
  for (const std::string_view piece : pieces) output_.write(piece.data(), static_cast<std::streamsize>(piece.size()));
  output_.flush();
  return static_cast<bool>(output_);
}

FdStreamBuf::int_type FdStreamBuf::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  if (stop_) {
    pollfd ready{fd_, POLLIN, 0};
    for (;;) {
      if (*stop_) return traits_type::eof();
      const int result = ::poll(&ready, 1, 100);
      if (result > 0) break;
      if (result < 0 && errno != EINTR) return traits_type::eof();
    }
  }
  ssize_t got;
  do {
    got = ::read(fd_, buffer_.data(), buffer_.size());
  } while (got < 0 && errno == EINTR);
  if (got <= 0) return traits_type::eof();
  setg(buffer_.data(), buffer_.data(), buffer_.data() + got);
  return traits_type::to_int_type(*gptr());
}

std::streamsize FdStreamBuf::xsputn(const char* data, std::streamsize count) {
  std::streamsize written = 0;
  while (written < count) {
    const ssize_t result = ::write(fd_, data + written, static_cast<size_t>(count - written));
    if (result < 0 && errno == EINTR) continue;
    if (result <= 0) break;
    written += result;
  }
  return written;
}

FdStreamBuf::int_type FdStreamBuf::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  const char byte = traits_type::to_char_type(c);
  return xsputn(&byte, 1) == 1 ? c : traits_type::eof();
}

}  // namespace xxgk::lsp
