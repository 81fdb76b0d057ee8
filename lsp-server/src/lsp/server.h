// The language server's handlers: each LSP method's params read into typed calls on the Workspace (workspace.h),
// and the typed results written as JSON. The JSON-RPC loop, cancellation and the lifecycle's gate are the
// Dispatcher's (dispatcher.h); the framing on pipes is the transport's (transport.h), so tests drive the server
// in-process: messages come in through post() and go out through the sink.
//
// Threads: the caller's thread runs the message loop (run() or process_pending()); a DebouncedWorker computes pushed
// diagnostics once a document has been quiet for the delay (or at least every 250 ms while edits keep coming).
//
// Diagnostics are pushed (textDocument/publishDiagnostics) unless the client declares pull support
// (textDocument.diagnostic); then they are only pulled, so that no client shows them twice. A document's diagnostics
// include its findings against the other open reports (A306, cross_documents.h): a lint that changes what another
// document reads of it publishes that document again (or asks a pulling client to pull again).
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "lsp/debounce.h"
#include "lsp/dispatcher.h"
#include "lsp/protocol.h"
#include "lsp/workspace.h"

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
  using Sink = Dispatcher::Sink;

  // The longest diagnostics delay a client may ask for (initializationOptions.diagnosticsDelayMs): a longer one is
  // cut to it. Seconds of delay only keep the diagnostics back, and a delay near the limit of the clock's type would
  // overflow the arithmetic that schedules them. The fuzz target passes zero, so that its executions never sleep.
  static constexpr std::chrono::milliseconds kLongestDiagnosticsDelay{5000};

  explicit Server(Sink sink, std::chrono::milliseconds longest_diagnostics_delay = kLongestDiagnosticsDelay);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Thread-safe: queue a message body read by the transport. A $/cancelRequest is noted at once, so that the
  // request it names is answered RequestCancelled if it is still waiting in the queue.
  void post(std::string body) { dispatcher_.post(std::move(body)); }
  // Thread-safe: the transport could not read a frame (garbage header, oversized body).
  void post_transport_error(std::string message) { dispatcher_.post_transport_error(std::move(message)); }
  // Thread-safe: the input has ended.
  void post_end_of_input() { dispatcher_.post_end_of_input(); }

  // Handles messages until `exit`, the end of input or the death of the client process; returns the exit code.
  int run();
  // Handles the messages queued so far (tests).
  void process_pending() { dispatcher_.process_pending(); }
  // Blocks until no diagnostics are waiting to be computed or published (tests).
  void wait_until_idle() { worker_.wait_until_idle(); }
  // How many cancellations post() noted whose notification the loop has not reached yet (tests).
  size_t cancellations_noted() { return dispatcher_.cancellations_noted(); }

  bool exited() const { return exit_code().has_value(); }
  // 0 after shutdown + exit, 1 when the client went away without shutting the server down.
  std::optional<int> exit_code() const { return dispatcher_.exit_code(); }

 private:
  void check_client_process();
  void tell(const Notice& notice);

  // Lifecycle.
  Payload on_initialize(const json& params);
  void on_initialized(const json& params);
  Payload on_shutdown(const json& params);

  // Documents.
  void on_did_open(const json& params);
  void on_did_change(const json& params);
  void on_did_save(const json& params);
  void on_did_close(const json& params);
  // The open document `params` names; InvalidParams when there is none.
  std::shared_ptr<WorkspaceDocument> document_for(const json& params);

  // Diagnostics.
  void schedule_diagnostics(const std::shared_ptr<WorkspaceDocument>& document, std::chrono::milliseconds delay);
  // Publishes the document's diagnostics as of `generation`, when it is still current; without a generation, when
  // its findings across reports changed.
  void publish_diagnostics(const std::shared_ptr<WorkspaceDocument>& document, std::optional<uint64_t> generation);
  // The document's current diagnostics, with its findings across reports, as an LSP array in JSON text (the caller
  // holds the document's lock).
  std::shared_ptr<const std::string> diagnostics_on_wire(const std::shared_ptr<WorkspaceDocument>& document);
  Payload on_document_diagnostic(const json& params);

  // Diagnostics across documents (cross_documents.h). Shares the document's latest lint with the other open reports
  // and reads its findings against theirs; whether those changed (the caller holds the document's lock).
  bool update_cross_findings(const std::shared_ptr<WorkspaceDocument>& document);
  // What a document's lint leaves for the others: its summary, with its carry-over cells placed on the wire.
  std::optional<CrossDocumentEntry> cross_document_entry(WorkspaceDocument& document) const;
  // Other documents' findings across reports may have changed: each is published again if they did, or the pulling
  // client is asked to pull again.
  void recheck_across_documents(const std::vector<std::shared_ptr<WorkspaceDocument>>& documents);

  // Configuration.
  void on_did_change_configuration(const json& params);
  void on_did_change_watched_files(const json& params);
  void request_client_settings();
  void apply_client_settings(const json& settings);
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

  Dispatcher dispatcher_;
  Workspace workspace_;
  // Loop state: touched only by the loop's thread (and read by the worker's jobs, which it outlives).
  ClientCapabilities client_;
  std::optional<int64_t> client_process_id_;
  std::chrono::milliseconds longest_diagnostics_delay_;
  std::chrono::milliseconds diagnostics_delay_;

  CrossDocuments cross_documents_;

  // Last member: its thread stops (and drops its jobs, which point into this server) before the rest is destroyed.
  DebouncedWorker worker_;
};

}  // namespace xxgk::lsp
