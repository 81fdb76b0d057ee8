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
  InProcessClient();
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
