#include "lsp/server.h"

#include <signal.h>

#include <algorithm>
#include <cerrno>
#include <limits>

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
// How long a document must be quiet after an edit before its diagnostics are computed, unless the client asks for
// another delay.
constexpr std::chrono::milliseconds kDefaultDiagnosticsDelay = 50ms;
// The worker's key for republishing a document whose findings across reports may have changed, after its URI: apart
// from the key of its own publication, which it must not replace (a URI has no spaces).
constexpr std::string_view kAcrossReportsKey = " across reports";

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

Server::Server(Sink sink, std::chrono::milliseconds longest_diagnostics_delay)
    : dispatcher_(std::move(sink)),
      workspace_([this](const Notice& notice) { tell(notice); }),
      longest_diagnostics_delay_(longest_diagnostics_delay),
      diagnostics_delay_(std::min(kDefaultDiagnosticsDelay, longest_diagnostics_delay)),
      worker_(kDiagnosticsCeiling) {
  const auto request = [this](const char* method, Payload (Server::*handler)(const json&)) {
    dispatcher_.add_request(method, [this, handler](const json& params) { return (this->*handler)(params); });
  };
  const auto notification = [this](const char* method, void (Server::*handler)(const json&)) {
    dispatcher_.add_notification(method, [this, handler](const json& params) { (this->*handler)(params); });
  };
  request("initialize", &Server::on_initialize);
  request("shutdown", &Server::on_shutdown);
  request("textDocument/codeAction", &Server::on_code_action);
  request("textDocument/documentSymbol", &Server::on_document_symbol);
  request("textDocument/foldingRange", &Server::on_folding_range);
  request("textDocument/hover", &Server::on_hover);
  request("textDocument/inlayHint", &Server::on_inlay_hint);
  request("textDocument/completion", &Server::on_completion);
  request("textDocument/diagnostic", &Server::on_document_diagnostic);
  notification("initialized", &Server::on_initialized);
  notification("textDocument/didOpen", &Server::on_did_open);
  notification("textDocument/didChange", &Server::on_did_change);
  notification("textDocument/didSave", &Server::on_did_save);
  notification("textDocument/didClose", &Server::on_did_close);
  notification("workspace/didChangeConfiguration", &Server::on_did_change_configuration);
  notification("workspace/didChangeWatchedFiles", &Server::on_did_change_watched_files);
}

Server::~Server() = default;

int Server::run() {
  while (!exited()) {
    std::optional<std::chrono::steady_clock::time_point> until;
    if (client_process_id_) until = std::chrono::steady_clock::now() + kClientProcessCheckInterval;
    dispatcher_.dispatch_next(until);
    check_client_process();
  }
  return *exit_code();
}

void Server::check_client_process() {
  // No pid_t holds an id outside (0, max]: cut to it, the id would name another process or a process group.
  if (!client_process_id_ || *client_process_id_ <= 0 || *client_process_id_ > std::numeric_limits<pid_t>::max())
    return;
  if (::kill(static_cast<pid_t>(*client_process_id_), 0) == -1 && errno == ESRCH) {
    dispatcher_.log(MessageType::Error,
                    "the client process " + std::to_string(*client_process_id_) + " is gone; exiting");
    dispatcher_.finish(1);
  }
}

void Server::tell(const Notice& notice) {
  if (notice.show) {
    dispatcher_.send(
        notification("window/showMessage", {{"type", static_cast<int>(notice.type)}, {"message", notice.text}}));
  } else {
    dispatcher_.log(notice.type, notice.text);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Lifecycle.

Payload Server::on_initialize(const json& params) {
  if (dispatcher_.lifecycle() != Dispatcher::Lifecycle::Uninitialized) {
    throw ProtocolError(ErrorCode::InvalidRequest, "initialize may be sent only once");
  }
  if (!params.is_object()) throw ProtocolError(ErrorCode::InvalidParams, "initialize params must be an object");
  const json* capabilities = optional_member(params, "capabilities");
  client_ = ClientCapabilities::parse(capabilities ? *capabilities : json::object());
  if (const json* process_id = optional_member(params, "processId")) {
    if (!process_id->is_number_integer()) throw ProtocolError(ErrorCode::InvalidParams, "'processId' must be an integer");
    client_process_id_ = process_id->get<int64_t>();
  }
  workspace_.set_root(workspace_root(params));
  if (const json* trace = optional_member(params, "trace"); trace && trace->is_string()) {
    dispatcher_.set_trace(trace->get<std::string>());
  }
  if (const json* options = optional_member(params, "initializationOptions"); options && options->is_object()) {
    if (const json* delay = optional_member(*options, "diagnosticsDelayMs");
        delay && delay->is_number_integer() && delay->get<int64_t>() >= 0) {
      diagnostics_delay_ = std::min(std::chrono::milliseconds(delay->get<int64_t>()), longest_diagnostics_delay_);
    }
    // The VS Code extension sends its settings object itself; other clients may nest it under the section name.
    const json* settings = optional_member(*options, kSettingsSection);
    std::vector<std::string> warnings;
    workspace_.set_settings(parse_client_settings(settings ? *settings : *options, warnings));
    for (const std::string& warning : warnings) dispatcher_.log(MessageType::Warning, warning);
  }
  dispatcher_.set_lifecycle(Dispatcher::Lifecycle::Running);

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
        {"identifier", "xxgk-lint"}, {"interFileDependencies", true}, {"workspaceDiagnostics", false}};
  }
  return json{{"capabilities", std::move(capabilities_result)},
              {"serverInfo", {{"name", "xxgk-lint"}, {"version", XXGK_VERSION}}}};
}

void Server::on_initialized(const json&) {
  if (client_.configuration) request_client_settings();
  if (client_.watch_files_registration) {
    json watcher = {{"globPattern", "**/" + std::string(config::kConfigFileName)}};
    dispatcher_.send_request("client/registerCapability",
                 {{"registrations", json::array({{{"id", "xxgk-lint-config-watcher"},
                                                  {"method", "workspace/didChangeWatchedFiles"},
                                                  {"registerOptions", {{"watchers", json::array({watcher})}}}}})}},
                 nullptr);
  }
}

Payload Server::on_shutdown(const json&) {
  dispatcher_.set_lifecycle(Dispatcher::Lifecycle::ShuttingDown);
  return json(nullptr);
}

// ---------------------------------------------------------------------------------------------------------------
// Documents.

std::shared_ptr<WorkspaceDocument> Server::document_for(const json& params) {
  const std::string uri = string_member(object_member(params, "textDocument"), "uri");
  std::shared_ptr<WorkspaceDocument> document = workspace_.find(uri);
  if (!document) throw ProtocolError(ErrorCode::InvalidParams, "document is not open: " + uri);
  return document;
}

void Server::on_did_open(const json& params) {
  const json& item = object_member(params, "textDocument");
  const std::string uri = string_member(item, "uri");
  std::string text = string_member(item, "text");
  std::string language = string_member(item, "languageId");
  const int64_t version = integer_member(item, "version");
  schedule_diagnostics(workspace_.open(uri, std::move(language), version, std::move(text)), 0ms);
}

void Server::on_did_change(const json& params) {
  const std::shared_ptr<WorkspaceDocument> document = document_for(params);
  const int64_t version = integer_member(object_member(params, "textDocument"), "version");
  // Read every change before applying any, so that a malformed one leaves the buffer untouched.
  std::vector<DocumentChange> changes;
  for (const json& change : array_member(params, "contentChanges")) {
    std::optional<WireRange> range;
    if (const json* wire_range = optional_member(change, "range")) range = range_from_json(*wire_range);
    changes.push_back({range, string_member(change, "text")});
  }
  workspace_.change(*document, version, std::move(changes), client_.encoding);
  schedule_diagnostics(document, diagnostics_delay_);
}

void Server::on_did_save(const json& params) {
  const std::shared_ptr<WorkspaceDocument> document = document_for(params);
  const json* text = optional_member(params, "text");
  if (workspace_.save(*document, text && text->is_string() ? std::optional(text->get<std::string>()) : std::nullopt)) {
    schedule_diagnostics(document, 0ms);
  }
}

void Server::on_did_close(const json& params) {
  const std::shared_ptr<WorkspaceDocument> document = document_for(params);
  workspace_.close(*document);
  worker_.cancel(document->uri);
  worker_.cancel(document->uri + std::string(kAcrossReportsKey));
  recheck_across_documents(cross_documents_.update(document, std::nullopt));
  if (!client_.pull_diagnostics) {
    dispatcher_.send(
        notification("textDocument/publishDiagnostics", {{"uri", document->uri}, {"diagnostics", json::array()}}));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Diagnostics.

void Server::schedule_diagnostics(const std::shared_ptr<WorkspaceDocument>& document, std::chrono::milliseconds delay) {
  if (client_.pull_diagnostics) return;  // the client asks when it wants them
  const uint64_t generation = document->generation;
  worker_.schedule(document->uri, delay, [this, document, generation] { publish_diagnostics(document, generation); });
}

void Server::publish_diagnostics(const std::shared_ptr<WorkspaceDocument>& document,
                                 std::optional<uint64_t> generation) {
  try {
    std::lock_guard lock(document->mutex);
    if (document->closed) return;
    if (generation) {
      // Work for an older version is dropped: the change that made it stale scheduled a newer job.
      if (document->generation != *generation) return;
    } else if (document->linted_generation != document->generation || !update_cross_findings(document)) {
      // Only the findings across reports may have changed: published when they did. A document edited since its
      // last lint has its own publication coming, which reads them afresh.
      return;
    }
    dispatcher_.send(Payload::serialized(diagnostics_on_wire(document))
             .placed_in(notification("textDocument/publishDiagnostics",
                                     {{"uri", document->uri}, {"version", document->version}}),
                        {"params", "diagnostics"}));
  } catch (const std::exception& error) {
    dispatcher_.log(MessageType::Error, document->uri + ": linting failed: " + error.what());
  }
}

Payload Server::on_document_diagnostic(const json& params) {
  const std::shared_ptr<WorkspaceDocument> document = document_for(params);
  std::lock_guard lock(document->mutex);
  std::shared_ptr<const std::string> items = diagnostics_on_wire(document);
  const std::string result_id = std::to_string(document->generation) + "." + std::to_string(document->cross_revision);
  if (const json* previous = optional_member(params, "previousResultId"); previous && *previous == result_id) {
    return json{{"kind", "unchanged"}, {"resultId", result_id}};
  }
  return Payload::serialized(std::move(items)).placed_in({{"kind", "full"}, {"resultId", result_id}}, {"items"});
}

std::shared_ptr<const std::string> Server::diagnostics_on_wire(const std::shared_ptr<WorkspaceDocument>& shared) {
  WorkspaceDocument& document = *shared;
  document.update_lint();
  update_cross_findings(shared);
  if (document.wire_generation != document.generation || document.wire_cross_revision != document.cross_revision) {
    const Wire wire{document.document.lines(), client_.encoding};
    const CrossDocumentFindings& across = document.cross_findings;
    if (across.diagnostics.empty()) {
      document.wire.write(document.diagnostics, wire, document.uri, document.version, client_.related_information);
    } else {
      std::vector<Diagnostic> all = document.diagnostics;
      all.insert(all.end(), across.diagnostics.begin(), across.diagnostics.end());
      sort_by_position(all);
      document.wire.write(all, wire, document.uri, document.version, client_.related_information, across.elsewhere);
    }
    document.wire_generation = document.generation;
    document.wire_cross_revision = document.cross_revision;
  }
  return document.wire.text();
}

// ---------------------------------------------------------------------------------------------------------------
// Diagnostics across documents.

bool Server::update_cross_findings(const std::shared_ptr<WorkspaceDocument>& document) {
  if (document->shared_generation != document->linted_generation) {
    recheck_across_documents(cross_documents_.update(document, cross_document_entry(*document)));
    document->shared_generation = document->linted_generation;
  }
  CrossDocumentFindings findings = cross_documents_.findings(document->uri);
  if (findings == document->cross_findings) return false;
  for (const std::string& note : findings.notes) {
    const std::vector<std::string>& told = document->cross_findings.notes;
    if (std::find(told.begin(), told.end(), note) == told.end())
      dispatcher_.log(MessageType::Info, document->uri + ": " + note);
  }
  document->cross_findings = std::move(findings);
  ++document->cross_revision;
  return true;
}

std::optional<CrossDocumentEntry> Server::cross_document_entry(WorkspaceDocument& document) const {
  if (!document.cross_summary) return std::nullopt;
  CrossDocumentEntry entry{*document.cross_summary, {}};
  // The cells of a row come in order along its line: one cursor walks them, as it does a document's diagnostics.
  PositionCursor positions(document.document.lines(), client_.encoding);
  for (const std::optional<TableFigure>& cell : entry.report.carried_out) {
    std::optional<WireRange>& wire = entry.carried_out_wire.emplace_back();
    if (cell) wire = WireRange{positions.position(cell->range.begin), positions.position(cell->range.end)};
  }
  return entry;
}

void Server::recheck_across_documents(const std::vector<std::shared_ptr<WorkspaceDocument>>& documents) {
  if (documents.empty()) return;
  if (client_.pull_diagnostics) {
    if (client_.diagnostic_refresh) dispatcher_.send_request("workspace/diagnostic/refresh", nullptr, nullptr);
    return;
  }
  for (const std::shared_ptr<WorkspaceDocument>& document : documents) {
    worker_.schedule(document->uri + std::string(kAcrossReportsKey), 0ms,
                     [this, document] { publish_diagnostics(document, std::nullopt); });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Configuration.

void Server::request_client_settings() {
  dispatcher_.send_request("workspace/configuration", {{"items", json::array({{{"section", kSettingsSection}}})}},
                           [this](const json& result) {
                             if (result.is_array() && !result.empty()) apply_client_settings(result[0]);
                           });
}

void Server::apply_client_settings(const json& settings) {
  std::vector<std::string> warnings;
  workspace_.set_settings(parse_client_settings(settings, warnings));
  for (const std::string& warning : warnings) dispatcher_.log(MessageType::Warning, warning);
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
      dispatcher_.log(MessageType::Info, "configuration file changed: " + change["uri"].get<std::string>());
      configuration_changed();
      return;
    }
  }
}

void Server::configuration_changed() {
  workspace_.configuration_changed();
  for (const auto& [uri, document] : workspace_.documents()) schedule_diagnostics(document, 0ms);
  if (client_.pull_diagnostics && client_.diagnostic_refresh) {
    dispatcher_.send_request("workspace/diagnostic/refresh", nullptr, nullptr);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Features. Documents that are not linted (not a report, ignored) get none of them either.

template <typename Feature>
json Server::with_linted_document(const json& params, json nothing, Feature&& feature) {
  const std::shared_ptr<WorkspaceDocument> document = document_for(params);
  std::lock_guard lock(document->mutex);
  document->update_lint();
  if (!document->linted || document->web_page) return nothing;
  const Wire wire{document->document.lines(), client_.encoding};
  return feature(*document, wire);
}

Payload Server::on_code_action(const json& params) {
  return with_linted_document(params, json::array(), [&](WorkspaceDocument& document, const Wire& wire) {
    const CodeActionContext context{
        document.uri,
        document.version,
        document.document.text(),
        wire,
        document.diagnostics,
        client_.related_information,
        [&] { return document.fix_all_text(); },
        client_.document_changes};
    return code_actions(params, context);
  });
}

Payload Server::on_document_symbol(const json& params) {
  return with_linted_document(params, json::array(), [&](WorkspaceDocument& document, const Wire& wire) {
    return document_symbols(document.report(), wire, document.uri,
                            client_.hierarchical_symbols);
  });
}

Payload Server::on_folding_range(const json& params) {
  return with_linted_document(params, json::array(), [&](WorkspaceDocument& document, const Wire& wire) {
    return folding_ranges(document.report(), wire);
  });
}

Payload Server::on_hover(const json& params) {
  const Position position = position_from_json(object_member(params, "position"));
  return with_linted_document(params, nullptr, [&](WorkspaceDocument& document, const Wire& wire) {
    const std::optional<json> result = hover(document.analysis(), wire, wire.offset(position), client_.markdown_hover);
    return result ? *result : json(nullptr);
  });
}

Payload Server::on_inlay_hint(const json& params) {
  const WireRange range = range_from_json(object_member(params, "range"));
  return with_linted_document(params, json::array(), [&](WorkspaceDocument& document, const Wire& wire) {
    return inlay_hints(document.analysis(), document.diagnostics, wire,
                       {wire.offset(range.start), wire.offset(range.end)});
  });
}

Payload Server::on_completion(const json& params) {
  const Position position = position_from_json(object_member(params, "position"));
  return with_linted_document(params, nullptr, [&](WorkspaceDocument& document, const Wire& wire) {
    // A position past the end of its line or of the text is read as the nearest real one.
    const Position cursor = wire.lines.position(wire.offset(position), client_.encoding);
    return json{{"isIncomplete", false},
                {"items", completions(document.report(), wire, cursor)}};
  });
}

}  // namespace xxgk::lsp
