#include "lsp/server.h"

#include <signal.h>

#include <atomic>
#include <cerrno>

#include "config/config_file.h"
#include "lsp/code_actions.h"
#include "lsp/diagnostics_wire.h"
#include "lsp/features.h"

#ifndef XXGK_VERSION
#error "XXGK_VERSION must be defined by the build"
#endif

namespace xxgk::lsp {

namespace {

using namespace std::chrono_literals;

constexpr std::string_view kSettingsSection = "xxgkLint";
constexpr std::chrono::milliseconds kClientProcessCheckInterval = 1000ms;
// While edits keep coming, diagnostics are published at least this often (or as often as the configured delay, if
// it is longer).
constexpr std::chrono::milliseconds kDiagnosticsCeiling = 250ms;

// Documents are linted when they are plain text or Markdown: by language id ("text" is Neovim's name for
// plaintext), or by file extension when the client maps such a file to some other language.
bool is_lintable_language(std::string_view language, const std::optional<std::filesystem::path>& path) {
  if (language == "plaintext" || language == "text" || language == "markdown") return true;
  if (!path) return false;
  const std::string extension = path->extension().string();
  return extension == ".txt" || extension == ".md" || extension == ".markdown";
}

std::optional<std::filesystem::path> workspace_root(const json& params) {
  if (const json* folders = optional_member(params, "workspaceFolders"); folders && folders->is_array()) {
    for (const json& folder : *folders) {
      const json* uri = optional_member(folder, "uri");
      if (uri && uri->is_string()) {
        if (auto path = uri_to_path(uri->get<std::string>())) return path;
      }
    }
  }
  if (const json* uri = optional_member(params, "rootUri"); uri && uri->is_string()) {
    if (auto path = uri_to_path(uri->get<std::string>())) return path;
  }
  if (const json* path = optional_member(params, "rootPath"); path && path->is_string()) {
    return std::filesystem::path(path->get<std::string>());
  }
  return std::nullopt;
}

}  // namespace

ClientCapabilities ClientCapabilities::parse(const json& capabilities) {
  ClientCapabilities client;
  client.encoding = negotiate_encoding(capabilities);
  client.related_information = flag_at(capabilities, "textDocument.publishDiagnostics.relatedInformation");
  client.pull_diagnostics = find_path(capabilities, "textDocument.diagnostic") != nullptr;
  client.diagnostic_refresh = flag_at(capabilities, "workspace.diagnostics.refreshSupport");
  client.document_changes = flag_at(capabilities, "workspace.workspaceEdit.documentChanges");
  client.hierarchical_symbols =
      flag_at(capabilities, "textDocument.documentSymbol.hierarchicalDocumentSymbolSupport");
  if (const json* formats = find_path(capabilities, "textDocument.hover.contentFormat"); formats && formats->is_array()) {
    client.markdown_hover = std::find(formats->begin(), formats->end(), "markdown") != formats->end();
  }
  client.configuration = flag_at(capabilities, "workspace.configuration");
  client.watch_files_registration = flag_at(capabilities, "workspace.didChangeWatchedFiles.dynamicRegistration");
  return client;
}

// An open document. The loop's thread edits it and the diagnostics worker lints it, both under `mutex`.
struct Server::OpenDocument {
  explicit OpenDocument(std::string uri_, std::string text) : uri(std::move(uri_)), document(std::move(text)) {}

  std::mutex mutex;
  const std::string uri;
  std::string language;
  std::optional<std::filesystem::path> path;
  int64_t version = 0;
  Document document;
  DocumentPolicy policy;
  // Changes with the text or the policy (from one counter for all documents, so a reopened document never reuses
  // an old value): the resultId of pull diagnostics, and how scheduled work knows it is stale.
  uint64_t generation = 0;
  bool suspect = false;  // an edit arrived out of bounds and was clamped: the buffer may differ from the client's
  bool closed = false;

  // The lint of `linted_generation`; empty when the document is not to be linted.
  uint64_t linted_generation = 0;
  bool linted = false;
  std::vector<Diagnostic> diagnostics;
  // `diagnostics` on the wire as of `wire_generation`: pushed, then pulled or read by code actions without being
  // written again.
  uint64_t wire_generation = 0;
  DiagnosticsOnWire wire;

  // Lints when the text or policy changed since the last lint. Whether the document is linted at all: plain text or
  // Markdown, not ignored by the config, and looking like a report (unless lintAllDocuments). A suspect buffer is not:
  // diagnostics and fixes computed on text the client does not have would point at the wrong places.
  void update_lint() {
    if (linted_generation == generation) return;
    linted = !suspect && !policy.ignored && is_lintable_language(language, path) &&
             (policy.lint_all_documents || document.looks_like_report());
    diagnostics = linted ? document.lint(policy.options) : std::vector<Diagnostic>{};
    linted_generation = generation;
  }
};

namespace {

// The counter behind OpenDocument::generation, shared by every Server in the process (tests run several).
uint64_t next_generation() {
  static std::atomic<uint64_t> counter{0};
  return ++counter;
}

}  // namespace

Server::Server(Sink sink)
    : sink_(std::move(sink)),
      request_handlers_{
          {"initialize", &Server::on_initialize},
          {"shutdown", &Server::on_shutdown},
          {"textDocument/codeAction", &Server::on_code_action},
          {"textDocument/documentSymbol", &Server::on_document_symbol},
          {"textDocument/foldingRange", &Server::on_folding_range},
          {"textDocument/hover", &Server::on_hover},
          {"textDocument/inlayHint", &Server::on_inlay_hint},
          {"textDocument/completion", &Server::on_completion},
          {"textDocument/diagnostic", &Server::on_document_diagnostic},
      },
      notification_handlers_{
          {"initialized", &Server::on_initialized},
          {"exit", &Server::on_exit},
          {"$/setTrace", &Server::on_set_trace},
          {"textDocument/didOpen", &Server::on_did_open},
          {"textDocument/didChange", &Server::on_did_change},
          {"textDocument/didSave", &Server::on_did_save},
          {"textDocument/didClose", &Server::on_did_close},
          {"workspace/didChangeConfiguration", &Server::on_did_change_configuration},
          {"workspace/didChangeWatchedFiles", &Server::on_did_change_watched_files},
      },
      worker_(kDiagnosticsCeiling) {}

Server::~Server() = default;

// ---------------------------------------------------------------------------------------------------------------
// The queue and the loop.

void Server::post(std::string body) {
  Incoming incoming{Incoming::Kind::Message, {}, ErrorCode::ParseError, {}};
  try {
    incoming.message = parse_message(body);
  } catch (const ProtocolError& error) {
    incoming = Incoming{Incoming::Kind::Unreadable, {}, error.code(), error.what()};
  }
  std::lock_guard lock(inbox_mutex_);
  const json& message = incoming.message;
  if (message.is_object() && message.value("method", json()) == "$/cancelRequest") {
    if (const json* id = find_path(message, "params.id")) cancelled_.insert(id->dump());
  }
  inbox_.push_back(std::move(incoming));
  inbox_changed_.notify_all();
}

void Server::post_transport_error(std::string message) {
  std::lock_guard lock(inbox_mutex_);
  inbox_.push_back({Incoming::Kind::Unreadable, {}, ErrorCode::ParseError, std::move(message)});
  inbox_changed_.notify_all();
}

void Server::post_end_of_input() {
  std::lock_guard lock(inbox_mutex_);
  inbox_.push_back({Incoming::Kind::EndOfInput, {}, ErrorCode::ParseError, {}});
  inbox_changed_.notify_all();
}

std::optional<Server::Incoming> Server::next_incoming(std::optional<std::chrono::steady_clock::time_point> until) {
  std::unique_lock lock(inbox_mutex_);
  if (until) {
    inbox_changed_.wait_until(lock, *until, [this] { return !inbox_.empty(); });
  } else {
    inbox_changed_.wait(lock, [this] { return !inbox_.empty(); });
  }
  if (inbox_.empty()) return std::nullopt;
  Incoming incoming = std::move(inbox_.front());
  inbox_.pop_front();
  return incoming;
}

int Server::run() {
  while (!exit_code_) {
    std::optional<std::chrono::steady_clock::time_point> until;
    if (client_process_id_) until = std::chrono::steady_clock::now() + kClientProcessCheckInterval;
    if (std::optional<Incoming> incoming = next_incoming(until)) handle(*incoming);
    check_client_process();
  }
  return *exit_code_;
}

void Server::process_pending() {
  while (!exit_code_) {
    std::optional<Incoming> incoming;
    {
      std::lock_guard lock(inbox_mutex_);
      if (inbox_.empty()) return;
      incoming = std::move(inbox_.front());
      inbox_.pop_front();
    }
    handle(*incoming);
  }
}

void Server::wait_until_idle() { worker_.wait_until_idle(); }

void Server::handle(const Incoming& incoming) {
  switch (incoming.kind) {
    case Incoming::Kind::Unreadable:
      log(MessageType::Error, incoming.error);
      send(error_response(nullptr, incoming.code, incoming.error));
      return;
    case Incoming::Kind::EndOfInput:
      exit_code_ = lifecycle_ == Lifecycle::ShuttingDown ? 0 : 1;
      return;
    case Incoming::Kind::Message:
      break;
  }
  const json& message = incoming.message;
  if (!message.is_object()) {
    send(error_response(nullptr, ErrorCode::InvalidRequest, "a message must be a JSON object"));
    return;
  }
  const json* method = optional_member(message, "method");
  if (method && method->is_string()) {
    if (message.contains("id")) {
      handle_request(message);
    } else {
      handle_notification(message);
    }
  } else if (message.contains("id") && (message.contains("result") || message.contains("error"))) {
    handle_response(message);
  } else {
    send(error_response(nullptr, ErrorCode::InvalidRequest, "not a request, a notification or a response"));
  }
}

void Server::handle_request(const json& message) {
  const json& id = message["id"];
  if (!id.is_string() && !id.is_number_integer()) {
    send(error_response(nullptr, ErrorCode::InvalidRequest, "a request id must be an integer or a string"));
    return;
  }
  const std::string method = message["method"].get<std::string>();
  bool cancelled;
  {
    std::lock_guard lock(inbox_mutex_);
    cancelled = cancelled_.erase(id.dump()) > 0;
  }
  if (cancelled) {
    send(error_response(id, ErrorCode::RequestCancelled, "request cancelled"));
    return;
  }
  if (lifecycle_ == Lifecycle::Uninitialized && method != "initialize") {
    send(error_response(id, ErrorCode::ServerNotInitialized, "the server has not been initialized"));
    return;
  }
  if (lifecycle_ == Lifecycle::ShuttingDown) {
    send(error_response(id, ErrorCode::InvalidRequest, "the server is shutting down"));
    return;
  }
  const auto handler = request_handlers_.find(method);
  if (handler == request_handlers_.end()) {
    send(error_response(id, ErrorCode::MethodNotFound, "unknown method: " + method));
    return;
  }
  const auto started = std::chrono::steady_clock::now();
  const json no_params = json::object();
  const json& params = message.contains("params") ? message["params"] : no_params;
  try {
    send((this->*(handler->second))(params).placed_in(response(id, nullptr), {"result"}));
  } catch (const ProtocolError& error) {
    send(error_response(id, error.code(), error.what()));
  } catch (const std::exception& error) {
    log(MessageType::Error, method + " failed: " + error.what());
    send(error_response(id, ErrorCode::InternalError, method + " failed: " + error.what()));
  }
  const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
  trace("request " + method + " handled in " + std::to_string(elapsed.count()) + " µs", params);
}

void Server::handle_notification(const json& message) {
  const std::string method = message["method"].get<std::string>();
  const json no_params = json::object();
  const json& params = message.contains("params") ? message["params"] : no_params;
  // Whatever the lifecycle: a note kept because the server was not running would stay forever.
  if (method == "$/cancelRequest") {
    forget_cancellation(params);
    return;
  }
  // Before initialize only `exit` counts; after shutdown likewise.
  if (lifecycle_ != Lifecycle::Running && method != "exit") return;
  const auto handler = notification_handlers_.find(method);
  if (handler == notification_handlers_.end()) {
    if (!method.starts_with("$/")) trace("notification " + method + " ignored", nullptr);
    return;
  }
  try {
    (this->*(handler->second))(params);
  } catch (const std::exception& error) {
    log(MessageType::Error, method + " failed: " + error.what());
  }
  trace("notification " + method + " handled", params);
}

void Server::handle_response(const json& message) {
  const json& id = message["id"];
  const auto pending = id.is_number_integer() ? pending_requests_.find(id.get<int64_t>()) : pending_requests_.end();
  if (pending == pending_requests_.end()) {
    log(MessageType::Warning, "response to an unknown request: " + id.dump());
    return;
  }
  const auto on_result = std::move(pending->second);
  pending_requests_.erase(pending);
  if (const json* error = optional_member(message, "error")) {
    log(MessageType::Warning, "the client answered a request with an error: " + serialize(*error));
    return;
  }
  if (!on_result) return;
  try {
    on_result(message.contains("result") ? message["result"] : json());
  } catch (const std::exception& error) {
    log(MessageType::Error, std::string("handling a response failed: ") + error.what());
  }
}

void Server::check_client_process() {
  if (!client_process_id_ || *client_process_id_ <= 0) return;
  if (::kill(static_cast<pid_t>(*client_process_id_), 0) == -1 && errno == ESRCH) {
    log(MessageType::Error, "the client process " + std::to_string(*client_process_id_) + " is gone; exiting");
    exit_code_ = 1;
  }
}

void Server::send(const Payload& message) {
  std::lock_guard lock(sink_mutex_);
  sink_(message);
}

void Server::log(MessageType type, const std::string& text) {
  send(notification("window/logMessage", {{"type", static_cast<int>(type)}, {"message", text}}));
}

void Server::trace(const std::string& message, const json& verbose) {
  if (trace_level_ == "off") return;
  json params = {{"message", message}};
  if (trace_level_ == "verbose" && !verbose.is_null()) params["verbose"] = serialize(verbose).substr(0, 4096);
  send(notification("$/logTrace", std::move(params)));
}

void Server::send_request(std::string method, json params, std::function<void(const json&)> on_result) {
  const int64_t id = next_request_id_++;
  pending_requests_[id] = std::move(on_result);
  send(request(id, method, std::move(params)));
}

// ---------------------------------------------------------------------------------------------------------------
// Lifecycle.

Payload Server::on_initialize(const json& params) {
  if (lifecycle_ != Lifecycle::Uninitialized) {
    throw ProtocolError(ErrorCode::InvalidRequest, "initialize may be sent only once");
  }
  if (!params.is_object()) throw ProtocolError(ErrorCode::InvalidParams, "initialize params must be an object");
  const json* capabilities = optional_member(params, "capabilities");
  client_ = ClientCapabilities::parse(capabilities ? *capabilities : json::object());
  if (const json* process_id = optional_member(params, "processId")) {
    if (!process_id->is_number_integer()) throw ProtocolError(ErrorCode::InvalidParams, "'processId' must be an integer");
    client_process_id_ = process_id->get<int64_t>();
  }
  workspace_root_ = workspace_root(params);
  if (const json* trace = optional_member(params, "trace"); trace && trace->is_string()) {
    trace_level_ = trace->get<std::string>();
  }
  if (const json* options = optional_member(params, "initializationOptions"); options && options->is_object()) {
    if (const json* delay = optional_member(*options, "diagnosticsDelayMs");
        delay && delay->is_number_integer() && delay->get<int64_t>() >= 0) {
      diagnostics_delay_ = std::chrono::milliseconds(delay->get<int64_t>());
    }
    // The VS Code extension sends its settings object itself; other clients may nest it under the section name.
    const json* settings = optional_member(*options, kSettingsSection);
    std::vector<std::string> warnings;
    settings_ = parse_client_settings(settings ? *settings : *options, warnings);
    for (const std::string& warning : warnings) log(MessageType::Warning, warning);
  }
  lifecycle_ = Lifecycle::Running;

  json capabilities_result = {
      {"positionEncoding", std::string(encoding_name(client_.encoding))},
      {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", true}}}}},
      {"codeActionProvider", {{"codeActionKinds", {"quickfix", std::string(kFixAllKind)}}}},
      {"documentSymbolProvider", true},
      {"foldingRangeProvider", true},
      {"hoverProvider", true},
      {"inlayHintProvider", true},
      {"completionProvider", {{"resolveProvider", false}}},
  };
  if (client_.pull_diagnostics) {
    capabilities_result["diagnosticProvider"] = {
        {"identifier", "xxgk-lint"}, {"interFileDependencies", false}, {"workspaceDiagnostics", false}};
  }
  return json{{"capabilities", std::move(capabilities_result)},
              {"serverInfo", {{"name", "xxgk-lint"}, {"version", XXGK_VERSION}}}};
}

void Server::on_initialized(const json&) {
  if (client_.configuration) request_client_settings();
  if (client_.watch_files_registration) {
    json watcher = {{"globPattern", "**/" + std::string(config::kConfigFileName)}};
    send_request("client/registerCapability",
                 {{"registrations", json::array({{{"id", "xxgk-lint-config-watcher"},
                                                  {"method", "workspace/didChangeWatchedFiles"},
                                                  {"registerOptions", {{"watchers", json::array({watcher})}}}}})}},
                 nullptr);
  }
}

Payload Server::on_shutdown(const json&) {
  lifecycle_ = Lifecycle::ShuttingDown;
  return json(nullptr);
}

void Server::on_exit(const json&) { exit_code_ = lifecycle_ == Lifecycle::ShuttingDown ? 0 : 1; }

void Server::on_set_trace(const json& params) { trace_level_ = string_member(params, "value"); }

size_t Server::cancellations_noted() {
  std::lock_guard lock(inbox_mutex_);
  return cancelled_.size();
}

void Server::forget_cancellation(const json& params) {
  // post() noted the id; by now the request it names has been answered, so the note is no longer needed.
  if (const json* id = optional_member(params, "id")) {
    std::lock_guard lock(inbox_mutex_);
    cancelled_.erase(id->dump());
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Documents.

std::shared_ptr<Server::OpenDocument> Server::document_for(const json& params) {
  const std::string uri = string_member(object_member(params, "textDocument"), "uri");
  const auto found = documents_.find(uri);
  if (found == documents_.end()) throw ProtocolError(ErrorCode::InvalidParams, "document is not open: " + uri);
  return found->second;
}

void Server::on_did_open(const json& params) {
  const json& item = object_member(params, "textDocument");
  const std::string uri = string_member(item, "uri");
  auto document = std::make_shared<OpenDocument>(uri, string_member(item, "text"));
  document->language = string_member(item, "languageId");
  document->version = integer_member(item, "version");
  document->path = uri_to_path(uri);
  refresh_policy(*document);
  if (const auto previous = documents_.find(uri); previous != documents_.end()) {
    std::lock_guard lock(previous->second->mutex);
    previous->second->closed = true;
  }
  documents_[uri] = document;
  schedule_diagnostics(document, 0ms);
}

void Server::on_did_change(const json& params) {
  const std::shared_ptr<OpenDocument> document = document_for(params);
  const int64_t version = integer_member(object_member(params, "textDocument"), "version");
  // Read every change before applying any, so that a malformed one leaves the buffer untouched.
  struct Change {
    std::optional<WireRange> range;
    std::string text;
  };
  std::vector<Change> changes;
  for (const json& change : array_member(params, "contentChanges")) {
    std::optional<WireRange> range;
    if (const json* wire_range = optional_member(change, "range")) range = range_from_json(*wire_range);
    changes.push_back({range, string_member(change, "text")});
  }

  std::lock_guard lock(document->mutex);
  for (Change& change : changes) {
    if (!change.range) {
      document->wire.forget();
      document->document.set_text(std::move(change.text));
      document->suspect = false;  // the client sent its whole buffer: in sync again
      continue;
    }
    const LineIndex& lines = document->document.lines();
    ByteRange bytes{lines.offset(change.range->start, client_.encoding), lines.offset(change.range->end, client_.encoding)};
    const bool in_bounds = position_in_bounds(lines, change.range->start) &&
                           position_in_bounds(lines, change.range->end) && bytes.begin <= bytes.end;
    if (!in_bounds) {
      // The client and the server disagree about the text. The edit is applied clamped so that later edits still
      // land near their place, but the buffer is suspect: no diagnostics or features until the next save
      // (save.includeText is on) or full-text change replaces it with the client's text.
      log(MessageType::Warning, document->uri + ": edit for version " + std::to_string(version) +
                                    " is out of bounds; applied clamped, resynchronising at the next save");
      if (!document->suspect) {
        send(notification("window/showMessage",
                          {{"type", static_cast<int>(MessageType::Warning)},
                           {"message", "xxgk-lint: 文档内容与编辑器不同步，保存后重新检查 (out of sync with the "
                                       "editor; checking resumes when the document is saved)"}}));
      }
      document->suspect = true;
      if (bytes.begin > bytes.end) std::swap(bytes.begin, bytes.end);
    }
    document->wire.before_edit(lines, bytes, change.text.size());
    document->document.replace(bytes, change.text);
  }
  if (version <= document->version) {
    log(MessageType::Warning, document->uri + ": version " + std::to_string(version) + " follows version " +
                                  std::to_string(document->version));
  }
  document->version = version;
  document->generation = next_generation();
  schedule_diagnostics(document, diagnostics_delay_);
}

void Server::on_did_save(const json& params) {
  const std::shared_ptr<OpenDocument> document = document_for(params);
  const json* text = optional_member(params, "text");
  std::lock_guard lock(document->mutex);
  if (!text || !text->is_string()) {
    if (document->suspect) log(MessageType::Warning, document->uri + ": saved without text; still out of sync");
    return;
  }
  const bool differs = text->get_ref<const std::string&>() != document->document.text();
  if (differs) {
    log(MessageType::Warning, document->uri + ": buffer differed from the saved text; resynchronised");
    document->wire.forget();
    document->document.set_text(text->get<std::string>());
  }
  if (differs || document->suspect) {
    document->suspect = false;
    document->generation = next_generation();
    schedule_diagnostics(document, 0ms);
  }
}

void Server::on_did_close(const json& params) {
  const std::shared_ptr<OpenDocument> document = document_for(params);
  {
    std::lock_guard lock(document->mutex);
    document->closed = true;
  }
  documents_.erase(document->uri);
  worker_.cancel(document->uri);
  if (!client_.pull_diagnostics) {
    send(notification("textDocument/publishDiagnostics", {{"uri", document->uri}, {"diagnostics", json::array()}}));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Diagnostics.

void Server::schedule_diagnostics(const std::shared_ptr<OpenDocument>& document, std::chrono::milliseconds delay) {
  if (client_.pull_diagnostics) return;  // the client asks when it wants them
  const uint64_t generation = document->generation;
  worker_.schedule(document->uri, delay, [this, document, generation] { publish_diagnostics(document, generation); });
}

void Server::publish_diagnostics(const std::shared_ptr<OpenDocument>& document, uint64_t generation) {
  try {
    std::lock_guard lock(document->mutex);
    // Work for an older version is dropped: the change that made it stale scheduled a newer job.
    if (document->closed || document->generation != generation) return;
    send(Payload::serialized(diagnostics_on_wire(*document))
             .placed_in(notification("textDocument/publishDiagnostics",
                                     {{"uri", document->uri}, {"version", document->version}}),
                        {"params", "diagnostics"}));
  } catch (const std::exception& error) {
    log(MessageType::Error, document->uri + ": linting failed: " + error.what());
  }
}

Payload Server::on_document_diagnostic(const json& params) {
  const std::shared_ptr<OpenDocument> document = document_for(params);
  std::lock_guard lock(document->mutex);
  const std::string result_id = std::to_string(document->generation);
  if (const json* previous = optional_member(params, "previousResultId"); previous && *previous == result_id) {
    return json{{"kind", "unchanged"}, {"resultId", result_id}};
  }
  return Payload::serialized(diagnostics_on_wire(*document))
      .placed_in({{"kind", "full"}, {"resultId", result_id}}, {"items"});
}

std::shared_ptr<const std::string> Server::diagnostics_on_wire(OpenDocument& document) {
  document.update_lint();
  if (document.wire_generation != document.generation) {
    const Wire wire{document.document.lines(), client_.encoding};
    document.wire.write(document.diagnostics, wire, document.uri, document.version, client_.related_information);
    document.wire_generation = document.generation;
  }
  return document.wire.text();
}

// ---------------------------------------------------------------------------------------------------------------
// Configuration.

void Server::request_client_settings() {
  send_request("workspace/configuration", {{"items", json::array({{{"section", kSettingsSection}}})}},
               [this](const json& result) {
                 if (result.is_array() && !result.empty()) apply_client_settings(result[0]);
               });
}

void Server::apply_client_settings(const json& settings) {
  std::vector<std::string> warnings;
  settings_ = parse_client_settings(settings, warnings);
  for (const std::string& warning : warnings) log(MessageType::Warning, warning);
  configuration_changed();
}

void Server::on_did_change_configuration(const json& params) {
  if (client_.configuration) {
    request_client_settings();
    return;
  }
  if (const json* settings = find_path(params, "settings." + std::string(kSettingsSection))) {
    apply_client_settings(*settings);
  }
}

void Server::on_did_change_watched_files(const json& params) {
  for (const json& change : array_member(params, "changes")) {
    if (string_member(change, "uri").ends_with("/" + std::string(config::kConfigFileName))) {
      log(MessageType::Info, "configuration file changed: " + change["uri"].get<std::string>());
      configuration_changed();
      return;
    }
  }
}

void Server::refresh_policy(OpenDocument& document) {
  document.policy = document_policy(document.path, workspace_root_, settings_);
  document.generation = next_generation();
  const std::string& error = document.policy.config_error;
  if (!error.empty() && reported_config_errors_.insert(error).second) {
    log(MessageType::Error, error);
    send(notification("window/showMessage",
                      {{"type", static_cast<int>(MessageType::Error)},
                       {"message", "xxgk-lint: 配置文件无效，使用默认设置 (invalid config, using defaults): " + error}}));
  }
}

void Server::configuration_changed() {
  reported_config_errors_.clear();
  for (auto& [uri, document] : documents_) {
    {
      std::lock_guard lock(document->mutex);
      refresh_policy(*document);
    }
    schedule_diagnostics(document, 0ms);
  }
  if (client_.pull_diagnostics && client_.diagnostic_refresh) {
    send_request("workspace/diagnostic/refresh", nullptr, nullptr);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Features. Documents that are not linted (not a report, ignored) get none of them either.

template <typename Feature>
json Server::with_linted_document(const json& params, json nothing, Feature&& feature) {
  const std::shared_ptr<OpenDocument> document = document_for(params);
  std::lock_guard lock(document->mutex);
  document->update_lint();
  if (!document->linted) return nothing;
  const Wire wire{document->document.lines(), client_.encoding};
  return feature(*document, wire);
}

Payload Server::on_code_action(const json& params) {
  return with_linted_document(params, json::array(), [&](OpenDocument& document, const Wire& wire) {
    const CodeActionContext context{
        document.uri,
        document.version,
        document.document.text(),
        wire,
        document.diagnostics,
        client_.related_information,
        [&] { return fix_all(document.document.text(), document.policy.options, FixMode::SafeOnly).text; },
        client_.document_changes};
    return code_actions(params, context);
  });
}

Payload Server::on_document_symbol(const json& params) {
  return with_linted_document(params, json::array(), [&](OpenDocument& document, const Wire& wire) {
    return document_symbols(document.document.report(document.policy.options), wire, document.uri,
                            client_.hierarchical_symbols);
  });
}

Payload Server::on_folding_range(const json& params) {
  return with_linted_document(params, json::array(), [&](OpenDocument& document, const Wire& wire) {
    return folding_ranges(document.document.report(document.policy.options), wire);
  });
}

Payload Server::on_hover(const json& params) {
  const Position position = position_from_json(object_member(params, "position"));
  return with_linted_document(params, nullptr, [&](OpenDocument& document, const Wire& wire) {
    const std::optional<json> result =
        hover(document.document.report(document.policy.options), wire, wire.offset(position), client_.markdown_hover);
    return result ? *result : json(nullptr);
  });
}

Payload Server::on_inlay_hint(const json& params) {
  const WireRange range = range_from_json(object_member(params, "range"));
  return with_linted_document(params, json::array(), [&](OpenDocument& document, const Wire& wire) {
    return inlay_hints(document.document.report(document.policy.options), document.diagnostics, wire,
                       {wire.offset(range.start), wire.offset(range.end)});
  });
}

Payload Server::on_completion(const json& params) {
  const Position position = position_from_json(object_member(params, "position"));
  return with_linted_document(params, nullptr, [&](OpenDocument& document, const Wire& wire) {
    // A position past the end of its line or of the text is read as the nearest real one.
    const Position cursor = wire.lines.position(wire.offset(position), client_.encoding);
    return json{{"isIncomplete", false},
                {"items", completions(document.document.report(document.policy.options), wire, cursor)}};
  });
}

}  // namespace xxgk::lsp
