// The language server proper: lifecycle, documents, configuration, diagnostics and the editor features. It knows
// nothing of pipes — messages come in through post() and go out through the sink — so tests drive it in-process.
//
// Threads: the caller's thread runs the message loop (run() or process_pending()); a DebouncedWorker computes pushed
// diagnostics once a document has been quiet for the delay. Each open document has a mutex shared by the two.
//
// Choices the protocol leaves open:
// - Diagnostics are pushed (textDocument/publishDiagnostics) unless the client declares pull support
//   (textDocument.diagnostic); then they are only pulled, so that no client shows them twice.
// - An incremental edit on a line the text does not have cannot be bounced back (LSP has no resync request): it is
//   logged, applied clamped, the user is told once, and the document is marked suspect — no diagnostics or features
//   until the next didSave (save.includeText is on) or full-text change replaces the whole buffer with the client's.
//   A character past the end of an existing line is the line's end, as the protocol says, not a disagreement.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "lsp/debounce.h"
#include "lsp/protocol.h"
#include "lsp/settings.h"
#include "xxgk/linter.h"

namespace xxgk::lsp {

// What the server learnt from the client at initialize.
struct ClientCapabilities {
  PositionEncoding encoding = PositionEncoding::Utf16;
  bool related_information = false;      // textDocument.publishDiagnostics.relatedInformation
  bool pull_diagnostics = false;         // textDocument.diagnostic: the client pulls, so nothing is pushed
  bool diagnostic_refresh = false;       // workspace.diagnostics.refreshSupport
  bool document_changes = false;         // workspace.workspaceEdit.documentChanges
  bool hierarchical_symbols = false;     // textDocument.documentSymbol.hierarchicalDocumentSymbolSupport
  bool markdown_hover = false;           // textDocument.hover.contentFormat contains "markdown"
  bool configuration = false;            // workspace.configuration
  bool watch_files_registration = false; // workspace.didChangeWatchedFiles.dynamicRegistration

  static ClientCapabilities parse(const json& capabilities);
};

class Server {
 public:
  // Receives every outgoing message (its text for a transport, its tree for tests); called from the loop's thread and
  // from the diagnostics worker, never both at once.
  using Sink = std::function<void(const Payload&)>;

  explicit Server(Sink sink);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Thread-safe: queue a message body read by the transport. A $/cancelRequest is noted at once, so that the
  // request it names is answered RequestCancelled if it is still waiting in the queue.
  void post(std::string body);
  // Thread-safe: the transport could not read a frame (garbage header, oversized body).
  void post_transport_error(std::string message);
  // Thread-safe: the input has ended.
  void post_end_of_input();

  // Handles messages until `exit`, the end of input or the death of the client process; returns the exit code.
  int run();
  // Handles the messages queued so far (tests).
  void process_pending();
  // Blocks until no diagnostics are waiting to be computed or published (tests).
  void wait_until_idle();

  // How many cancellations post() noted whose notification the loop has not reached yet (tests).
  size_t cancellations_noted();

  bool exited() const { return exit_code_.has_value(); }
  // 0 after shutdown + exit, 1 when the client went away without shutting the server down.
  std::optional<int> exit_code() const { return exit_code_; }

 private:
  struct OpenDocument;
  struct Incoming {
    enum class Kind { Message, Unreadable, EndOfInput } kind;
    json message;       // Message: the parsed message
    ErrorCode code;     // Unreadable: the error answered
    std::string error;  // Unreadable: what could not be read
  };
  enum class Lifecycle { Uninitialized, Running, ShuttingDown };
  using RequestHandler = Payload (Server::*)(const json& params);
  using NotificationHandler = void (Server::*)(const json& params);

  // Message loop.
  std::optional<Incoming> next_incoming(std::optional<std::chrono::steady_clock::time_point> until);
  void handle(const Incoming& incoming);
  void handle_request(const json& message);
  void handle_notification(const json& message);
  void handle_response(const json& message);
  void check_client_process();
  void send(const Payload& message);
  void log(MessageType type, const std::string& text);
  void trace(const std::string& message, const json& verbose);
  void send_request(std::string method, json params, std::function<void(const json& result)> on_result);

  // Lifecycle.
  Payload on_initialize(const json& params);
  void on_initialized(const json& params);
  Payload on_shutdown(const json& params);
  void on_exit(const json& params);
  void on_set_trace(const json& params);
  // A $/cancelRequest has reached the loop: drops the note post() made of it.
  void forget_cancellation(const json& params);

  // Documents.
  void on_did_open(const json& params);
  void on_did_change(const json& params);
  void on_did_save(const json& params);
  void on_did_close(const json& params);
  std::shared_ptr<OpenDocument> document_for(const json& params);

  // Diagnostics.
  void schedule_diagnostics(const std::shared_ptr<OpenDocument>& document, std::chrono::milliseconds delay);
  void publish_diagnostics(const std::shared_ptr<OpenDocument>& document, uint64_t generation);
  // The document's current diagnostics as an LSP array in JSON text (the caller holds the document's lock).
  std::shared_ptr<const std::string> diagnostics_on_wire(OpenDocument& document);
  Payload on_document_diagnostic(const json& params);

  // Configuration.
  void on_did_change_configuration(const json& params);
  void on_did_change_watched_files(const json& params);
  void request_client_settings();
  void apply_client_settings(const json& settings);
  void refresh_policy(OpenDocument& document);
  void configuration_changed();

  // Features. Runs `feature(document, wire)` on the document named in `params`, under its lock; a document that is
  // not linted (not a report, ignored by the config) gets `nothing`.
  template <typename Feature>
  json with_linted_document(const json& params, json nothing, Feature&& feature);
  Payload on_code_action(const json& params);
  Payload on_document_symbol(const json& params);
  Payload on_folding_range(const json& params);
  Payload on_hover(const json& params);
  Payload on_inlay_hint(const json& params);
  Payload on_completion(const json& params);

  Sink sink_;
  std::mutex sink_mutex_;

  // The queue between the transport's thread and the loop.
  std::mutex inbox_mutex_;
  std::condition_variable inbox_changed_;
  std::deque<Incoming> inbox_;
  std::set<std::string> cancelled_;  // serialised ids of requests cancelled while queued

  // Loop state: touched only by the loop's thread.
  Lifecycle lifecycle_ = Lifecycle::Uninitialized;
  std::optional<int> exit_code_;
  ClientCapabilities client_;
  std::optional<int64_t> client_process_id_;
  std::optional<std::filesystem::path> workspace_root_;
  std::string trace_level_ = "off";
  std::chrono::milliseconds diagnostics_delay_{50};
  ClientSettings settings_;
  std::map<std::string, std::shared_ptr<OpenDocument>> documents_;
  std::set<std::string> reported_config_errors_;
  int64_t next_request_id_ = 1;
  std::map<int64_t, std::function<void(const json&)>> pending_requests_;
  const std::map<std::string, RequestHandler, std::less<>> request_handlers_;
  const std::map<std::string, NotificationHandler, std::less<>> notification_handlers_;

  // Last member: its thread stops (and drops its jobs, which point into this server) before the rest is destroyed.
  DebouncedWorker worker_;
};

}  // namespace xxgk::lsp
