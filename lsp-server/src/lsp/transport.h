// The transport: JSON-RPC messages framed by a Content-Length header (the base protocol of LSP). Reading is robust
// to garbage — a frame the reader cannot use becomes an error frame and reading resumes at the next header.
#pragma once

#include <atomic>
#include <cstddef>
#include <istream>
#include <mutex>
#include <optional>
#include <ostream>
#include <span>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::lsp {

// One frame read from the input: a message body, or a description of why none could be read.
struct Frame {
  std::string body;
  std::string error;  // non-empty: no body (missing/invalid Content-Length, body over the size limit)
};

// The default cap on a message body: far above any real report (5 MB) yet small enough that a corrupt length
// cannot make the server allocate gigabytes.
inline constexpr size_t kMaxMessageBytes = 64u << 20;

class FrameReader {
 public:
  explicit FrameReader(std::istream& input, size_t max_body = kMaxMessageBytes);
  // The next frame, or nullopt at the end of input (including a body cut short by the end of input).
  std::optional<Frame> next();

 private:
  // Reads one header line without its terminator; false at end of input. Overlong lines are truncated.
  bool read_line(std::string& line);
  // Discards `count` bytes; false when the input ends first.
  bool skip(size_t count);

  std::istream& input_;
  size_t max_body_;
};

// Writes framed messages; safe to call from several threads (the main loop and the diagnostics worker).
class FrameWriter {
 public:
  explicit FrameWriter(std::ostream& output) : output_(output) {}
  // Writes one message whose body is `pieces` in order. False when the output is gone (the client closed its end).
  bool write(std::span<const std::string_view> pieces);
  bool write(std::string_view body) { return write(std::span<const std::string_view>(&body, 1)); }

 private:
  std::mutex mutex_;
  std::ostream& output_;
};

// A stream buffer over a POSIX file descriptor: unbuffered writes, buffered reads. The stdio server uses it so that
// protocol output goes to a descriptor of its own (stdout is pointed at stderr, so a stray print from anywhere cannot
// corrupt the protocol) and input is not read one byte at a time through a synchronised std::cin. With `stop`,
// reading waits for input in short polls and ends the input once `stop` is set, so that a reader thread can be
// joined while the client keeps its end of the pipe open.
class FdStreamBuf : public std::streambuf {
 public:
  explicit FdStreamBuf(int fd, const std::atomic<bool>* stop = nullptr) : fd_(fd), stop_(stop), buffer_(64 * 1024) {}

 protected:
  int_type underflow() override;
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* data, std::streamsize count) override;

 private:
  int fd_;
  const std::atomic<bool>* stop_;
  std::vector<char> buffer_;
};

}  // namespace xxgk::lsp
