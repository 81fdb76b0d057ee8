#include "test_client.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <thread>

#include "lsp/protocol.h"
#include "read_file.h"

namespace xxgk::lsp::testing {

std::string read_fixture(const std::string& name) {
  const std::filesystem::path path = std::filesystem::path(XXGK_LSP_FIXTURES_DIR) / name;
  if (!std::filesystem::is_regular_file(path)) throw std::runtime_error("missing fixture " + path.string());
  return testing_support::read_file(path);
}

std::string apply_wire_edits(const std::string& text, const json& edits, PositionEncoding encoding) {
  const LineIndex lines(text);
  std::vector<TextEdit> byte_edits;
  for (const json& edit : edits) {
    const WireRange range = range_from_json(edit["range"]);
    byte_edits.push_back({{lines.offset(range.start, encoding), lines.offset(range.end, encoding)},
                          edit["newText"].get<std::string>()});
  }
  return apply_edits(text, std::move(byte_edits));
}

json workspace_edits_for(const json& workspace_edit, const std::string& uri) {
  if (workspace_edit.contains("documentChanges")) {
    for (const json& change : workspace_edit["documentChanges"]) {
      if (change["textDocument"]["uri"] == uri) return change["edits"];
    }
  } else if (workspace_edit.contains("changes") && workspace_edit["changes"].contains(uri)) {
    return workspace_edit["changes"][uri];
  }
  return json::array();
}

// A diagnostic as the client sees it, minus what legitimately differs between two documents with the same text.
json comparable(json diagnostics) {
  for (json& diagnostic : diagnostics) {
    diagnostic.erase("data");
    if (diagnostic.contains("relatedInformation")) {
      for (json& related : diagnostic["relatedInformation"]) related["location"].erase("uri");
    }
  }
  return diagnostics;
}

// ---------------------------------------------------------------------------------------------------------------

json TestClient::request(const std::string& method, json params) {
  const int64_t id = next_id_++;
  write({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
  const std::optional<json> answer = wait_for([&](const json& message) {
    return message.contains("id") && message["id"] == id && !message.contains("method");
  });
  if (!answer) throw std::runtime_error("no response to " + method);
  return *answer;
}

void TestClient::notify(const std::string& method, json params) {
  write({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

std::optional<json> TestClient::wait_for(const std::function<bool(const json&)>& accept,
                                         std::chrono::milliseconds timeout) {
  for (auto it = backlog_.begin(); it != backlog_.end(); ++it) {
    if (accept(*it)) {
      json found = std::move(*it);
      backlog_.erase(it);
      return found;
    }
  }
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    std::optional<json> message = read(std::max(left, 1ms));
    if (!message) continue;
    if (accept(*message)) return message;
    backlog_.push_back(std::move(*message));
  }
  return std::nullopt;
}

json TestClient::diagnostics(const std::string& uri, std::optional<int64_t> version) {
  const std::optional<json> published = wait_for([&](const json& message) {
    return message.value("method", "") == "textDocument/publishDiagnostics" && message["params"]["uri"] == uri &&
           (!version || message["params"].value("version", int64_t{-1}) == *version);
  });
  if (!published) throw std::runtime_error("no diagnostics published for " + uri);
  return (*published)["params"]["diagnostics"];
}

std::vector<json> TestClient::drain() {
  while (std::optional<json> message = read(100ms)) backlog_.push_back(std::move(*message));
  std::vector<json> all(backlog_.begin(), backlog_.end());
  backlog_.clear();
  return all;
}

json TestClient::initialize(json capabilities, json options, json process_id) {
  json answer = request("initialize", {{"processId", std::move(process_id)},
                                       {"rootUri", nullptr},
                                       {"capabilities", std::move(capabilities)},
                                       {"initializationOptions", std::move(options)}});
  notify("initialized", json::object());
  return answer.at("result");
}

void TestClient::open(const std::string& uri, const std::string& text, const std::string& language,
                      int64_t version) {
  notify("textDocument/didOpen",
         {{"textDocument", {{"uri", uri}, {"languageId", language}, {"version", version}, {"text", text}}}});
}

// ---------------------------------------------------------------------------------------------------------------

InProcessClient::InProcessClient(std::chrono::milliseconds longest_diagnostics_delay)
    : server_(std::make_unique<Server>(
          [this](const json& message) {
            std::lock_guard lock(mutex_);
            outgoing_.push_back(message);
          },
          longest_diagnostics_delay)) {}

void InProcessClient::write(const json& message) {
  server_->post(serialize(message));
  server_->process_pending();
}

std::optional<json> InProcessClient::read(std::chrono::milliseconds) {
  // Everything the loop does happens inside write(); only the diagnostics worker may still be busy.
  server_->wait_until_idle();
  std::lock_guard lock(mutex_);
  if (outgoing_.empty()) return std::nullopt;
  json message = std::move(outgoing_.front());
  outgoing_.pop_front();
  return message;
}

// ---------------------------------------------------------------------------------------------------------------

ProcessClient::ProcessClient(const std::vector<std::string>& arguments) {
  int input[2], output[2];
  if (::pipe(input) != 0 || ::pipe(output) != 0) throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::dup2(input[0], STDIN_FILENO);
    ::dup2(output[1], STDOUT_FILENO);
    ::close(input[0]);
    ::close(input[1]);
    ::close(output[0]);
    ::close(output[1]);
    std::vector<std::string> args = {XXGK_LINT_BINARY};
    args.insert(args.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(input[0]);
  ::close(output[1]);
  to_server_ = input[1];
  from_server_ = output[0];
  ::signal(SIGPIPE, SIG_IGN);
}

ProcessClient::~ProcessClient() {
  if (to_server_ >= 0) ::close(to_server_);
  if (!exit_code_ && !wait_exit(2s)) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  ::close(from_server_);
}

void ProcessClient::write_raw(const std::string& bytes) {
  size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t result = ::write(to_server_, bytes.data() + written, bytes.size() - written);
    if (result <= 0) throw std::runtime_error("writing to the server failed");
    written += static_cast<size_t>(result);
  }
}

void ProcessClient::write(const json& message) {
  const std::string body = serialize(message);
  write_raw("Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
}

void ProcessClient::close_input() {
  ::close(to_server_);
  to_server_ = -1;
}

std::optional<json> ProcessClient::read(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    // The server writes exactly "Content-Length: N\r\n\r\n" + body.
    const size_t header_end = buffer_.find("\r\n\r\n");
    if (header_end != std::string::npos) {
      const size_t length = std::stoul(buffer_.substr(buffer_.find(':') + 1, header_end));
      if (buffer_.size() >= header_end + 4 + length) {
        json message = json::parse(buffer_.substr(header_end + 4, length));
        buffer_.erase(0, header_end + 4 + length);
        return message;
      }
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left <= 0ms) return std::nullopt;
    pollfd ready{from_server_, POLLIN, 0};
    if (::poll(&ready, 1, static_cast<int>(left.count())) <= 0) return std::nullopt;
    char chunk[65536];
    const ssize_t got = ::read(from_server_, chunk, sizeof chunk);
    if (got <= 0) {  // the server has closed its output: nothing more will come
      std::this_thread::sleep_for(std::min(left, 10ms));
      return std::nullopt;
    }
    buffer_.append(chunk, static_cast<size_t>(got));
  }
}

std::optional<int> ProcessClient::wait_exit(std::chrono::milliseconds timeout) {
  if (exit_code_) return exit_code_;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  do {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      return exit_code_;
    }
    std::this_thread::sleep_for(20ms);
  } while (std::chrono::steady_clock::now() < deadline);
  return std::nullopt;
}

}  // namespace xxgk::lsp::testing
