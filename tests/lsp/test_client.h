// A scripted LSP client for the tests, over two transports: the Server in-process (InProcessClient) and the real
// `xxgk-lint lsp` binary over pipes (ProcessClient).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lsp/server.h"

namespace xxgk::lsp::testing {

using json = nlohmann::json;
using namespace std::chrono_literals;

// A file under tests/fixtures/lsp/ (throws when it is missing, so a typo cannot pass as an empty document).
std::string read_fixture(const std::string& name);
// Applies LSP TextEdits (positions in `encoding`) to `text`.
std::string apply_wire_edits(const std::string& text, const json& edits, PositionEncoding encoding);
// The text edits of a WorkspaceEdit for `uri` (from `documentChanges` or `changes`).
json workspace_edits_for(const json& workspace_edit, const std::string& uri);

// A diagnostic as the client sees it, minus what legitimately differs between two documents with the same text.
json comparable(json diagnostics);

// The test's own model of the text: UTF-16, as the client keeps it, with positions computed independently of the
// server (lines end at "\n", "\r\n" or a lone "\r").
class Utf16Buffer {
 public:
  explicit Utf16Buffer(const std::string& utf8) {
    for (size_t i = 0; i < utf8.size();) {
      const auto lead = static_cast<unsigned char>(utf8[i]);
      const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      char32_t cp = length == 1 ? lead : lead & (0xFF >> (length + 1));
      for (size_t k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
      append(cp);
      i += length;
    }
  }

  size_t size() const { return units_.size(); }
  // Whether `offset` is between characters (not inside a surrogate pair).
  bool boundary(size_t offset) const {
    return offset == 0 || offset >= units_.size() || units_[offset] < 0xDC00 || units_[offset] > 0xDFFF;
  }

  json position(size_t offset) const {
    uint32_t line = 0, column = 0;
    for (size_t i = 0; i < offset; ++i) {
      const char16_t unit = units_[i];
      if (unit == u'\r' && i + 1 < units_.size() && units_[i + 1] == u'\n') continue;  // its "\n" ends the line
      if (unit == u'\n' || unit == u'\r') {
        ++line;
        column = 0;
      } else {
        ++column;
      }
    }
    return {{"line", line}, {"character", column}};
  }

  // Avoids splitting "\r\n": a position between them does not exist on the wire.
  bool splits_crlf(size_t offset) const {
    return offset > 0 && offset < units_.size() && units_[offset - 1] == u'\r' && units_[offset] == u'\n';
  }

  void replace(size_t begin, size_t end, const std::string& utf8) {
    const Utf16Buffer inserted(utf8);
    units_.replace(begin, end - begin, inserted.units_);
  }

  std::string utf8() const {
    std::string out;
    for (size_t i = 0; i < units_.size(); ++i) {
      char32_t cp = units_[i];
      if (cp >= 0xD800 && cp <= 0xDBFF) cp = 0x10000 + ((cp - 0xD800) << 10) + (units_[++i] - 0xDC00);
      if (cp < 0x80) {
        out += static_cast<char>(cp);
      } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      }
    }
    return out;
  }

 private:
  void append(char32_t cp) {
    if (cp >= 0x10000) {
      units_ += static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
      units_ += static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      units_ += static_cast<char16_t>(cp);
    }
  }

  std::u16string units_;
};

class TestClient {
 public:
  virtual ~TestClient() = default;

  // Sends a request and returns the whole response message (with "result" or "error"); other messages that
  // arrive meanwhile are kept for later.
  json request(const std::string& method, json params);
  void notify(const std::string& method, json params);
  // The next message satisfying `accept` (earlier unmatched messages stay queued); nullopt on timeout.
  std::optional<json> wait_for(const std::function<bool(const json&)>& accept,
                               std::chrono::milliseconds timeout = 20s);
  // The next publishDiagnostics for `uri` (with `version`, when given).
  json diagnostics(const std::string& uri, std::optional<int64_t> version = std::nullopt);
  // Every message received and not yet consumed.
  std::vector<json> drain();

  // initialize (diagnostics without delay unless `options` says otherwise) + initialized; returns the result.
  json initialize(json capabilities = json::object(), json options = {{"diagnosticsDelayMs", 0}},
                  json process_id = nullptr);
  void open(const std::string& uri, const std::string& text, const std::string& language = "plaintext",
            int64_t version = 1);

  // Sends any message as it is.
  virtual void write(const json& message) = 0;

 protected:
  // The next message from the server, or nullopt when none came within `timeout`.
  virtual std::optional<json> read(std::chrono::milliseconds timeout) = 0;

 private:
  std::deque<json> backlog_;
  int64_t next_id_ = 1;
};

class InProcessClient : public TestClient {
 public:
  explicit InProcessClient(std::chrono::milliseconds longest_diagnostics_delay = Server::kLongestDiagnosticsDelay);
  Server& server() { return *server_; }
  void write(const json& message) override;

 protected:
  std::optional<json> read(std::chrono::milliseconds timeout) override;

 private:
  std::mutex mutex_;
  std::deque<json> outgoing_;
  std::unique_ptr<Server> server_;
};

class ProcessClient : public TestClient {
 public:
  explicit ProcessClient(const std::vector<std::string>& arguments = {"lsp"});
  ~ProcessClient() override;

  void write_raw(const std::string& bytes);
  void close_input();
  // The exit code once the process has ended, or nullopt after `timeout`.
  std::optional<int> wait_exit(std::chrono::milliseconds timeout = 10s);
  pid_t pid() const { return pid_; }
  void write(const json& message) override;

 protected:
  std::optional<json> read(std::chrono::milliseconds timeout) override;

 private:
  pid_t pid_ = -1;
  int to_server_ = -1;
  int from_server_ = -1;
  std::string buffer_;
  std::optional<int> exit_code_;
};

}  // namespace xxgk::lsp::testing
