// What the language server knows, apart from the protocol: the open documents with their text, how each is to be
// linted (config file and client settings) and its lint results as typed values — diagnostics with their fixes, the
// report model behind the outline, folding, hover and completion. The handlers (server.h) turn these into JSON.
//
// Threads: the loop's thread opens, edits and closes documents; the diagnostics worker lints them; both under the
// document's mutex.
//
// An incremental edit on a line the text does not have cannot be bounced back (LSP has no resync request): it is
// applied clamped, the user is told once, and the document is marked suspect — not linted until the next save (the
// server asks for save.includeText) or full-text change replaces the whole buffer with the client's. A character
// past the end of an existing line is the line's end, as the protocol says, not a disagreement.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "lsp/cross_documents.h"
#include "lsp/diagnostics_wire.h"
#include "lsp/settings.h"
#include "xxgk/analysis.h"
#include "xxgk/linter.h"

namespace xxgk::lsp {

// Something the workspace has to tell: logged, and with `show` also put in front of the user.
struct Notice {
  MessageType type;
  std::string text;
  bool show = false;
};

// One change of a didChange: a range in the client's position encoding replaced by `text`, or the whole text.
struct DocumentChange {
  std::optional<WireRange> range;
  std::string text;
};

struct WorkspaceDocument {
  WorkspaceDocument(std::string uri_, std::string text) : uri(std::move(uri_)), document(std::move(text)) {}

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
  bool web_page = false;  // linted through the HTML reader: diagnostics only
  std::vector<Diagnostic> diagnostics;
  // What the checks across reports need of this lint (xxgk/cross_document.h); nullopt when it is not of a report.
  std::optional<LintedReport> cross_summary;
  // The lint whose summary the server's CrossDocuments holds.
  uint64_t shared_generation = 0;
  // This document's findings across reports (A306 against the other open reports), as of `cross_revision`, which
  // counts their changes: with `generation`, the resultId of pull diagnostics.
  CrossDocumentFindings cross_findings;
  uint64_t cross_revision = 0;
  // `diagnostics` and `cross_findings` as last written for the client, as of `wire_generation` and
  // `wire_cross_revision`. It lives with the document because every edit must tell it what moved
  // (DiagnosticsOnWire::before_edit), so that a keystroke in a large document rewrites only the diagnostics the edit
  // touched.
  uint64_t wire_generation = 0;
  uint64_t wire_cross_revision = 0;
  DiagnosticsOnWire wire;

  // Lints when the text or policy changed since the last lint. Whether the document is linted at all: plain text or
  // Markdown, not ignored by the config, and looking like a report (unless lintAllDocuments). A suspect buffer is not:
  // diagnostics and fixes computed on text the client does not have would point at the wrong places.
  void update_lint();
  // The report model under the document's policy.
  const Report& report() { return document.report(policy.options); }
  // The analysis of that model, for the editor's explanations of table cells.
  Analysis analysis() {
    const Report& model = report();
    return Analysis(model, *model.format, policy.options);
  }
  // The text with every safe fix applied.
  std::string fix_all_text() const;
};

class Workspace {
 public:
  using Notify = std::function<void(const Notice&)>;

  explicit Workspace(Notify notify) : notify_(std::move(notify)) {}

  void set_root(std::optional<std::filesystem::path> root) { root_ = std::move(root); }
  void set_settings(ClientSettings settings) { settings_ = std::move(settings); }

  // Opens (or reopens) a document; the one it replaces is marked closed.
  std::shared_ptr<WorkspaceDocument> open(const std::string& uri, std::string language, int64_t version,
                                          std::string text);
  // nullptr when `uri` is not open.
  std::shared_ptr<WorkspaceDocument> find(const std::string& uri) const;
  // Applies a didChange's changes in order, positions in `encoding`.
  void change(WorkspaceDocument& document, int64_t version, std::vector<DocumentChange> changes,
              PositionEncoding encoding);
  // A save carrying the saved text (nullopt: the client sent none). Whether the document must be linted again: the
  // buffer differed, or it was suspect and is now in sync.
  bool save(WorkspaceDocument& document, const std::optional<std::string>& text);
  void close(WorkspaceDocument& document);

  // The configuration (settings or a config file) changed: every open document's policy is read again.
  void configuration_changed();
  const std::map<std::string, std::shared_ptr<WorkspaceDocument>>& documents() const { return documents_; }

 private:
  // Reads the document's policy again (the caller holds its lock); a config error is told once.
  void refresh_policy(WorkspaceDocument& document);

  Notify notify_;
  std::optional<std::filesystem::path> root_;
  ClientSettings settings_;
  std::map<std::string, std::shared_ptr<WorkspaceDocument>> documents_;
  std::set<std::string> reported_config_errors_;
};

}  // namespace xxgk::lsp
