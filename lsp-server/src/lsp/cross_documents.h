// The checks across reports (A306, xxgk/cross_document.h) over the documents open in the editor: when an agency's
// reports for consecutive years are both open, this year's gets A306 with last year's cell, in the other document,
// as related information.
//
// Each linted document leaves here what those checks need of it (its LintedReport, named by its URI, and where its
// carry-over cells are on the wire), kept from its last lint. A document's findings across reports are computed from
// the entries of its agency only, and only when another open report names that agency: a single open report costs
// one summary per lint, nothing more.
//
// Threads: called from the loop's thread and the diagnostics worker, with or without a document's lock held (the
// lock order is document, then this), never calling back into a document.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "lsp/diagnostics_wire.h"
#include "xxgk/cross_document.h"

namespace xxgk::lsp {

struct WorkspaceDocument;

// One document's findings across reports.
struct CrossDocumentFindings {
  std::vector<Diagnostic> diagnostics;    // A306 on this document's cells, related information in other documents
  std::vector<RangeElsewhere> elsewhere;  // where those related ranges are on the wire
  std::vector<std::string> notes;         // why the document takes no part (CrossDocumentNote), when it matters
};

bool operator==(const CrossDocumentFindings& a, const CrossDocumentFindings& b);

// What a lint leaves for the checks across reports: nullopt when the document is not linted as a report.
struct CrossDocumentEntry {
  LintedReport report;
  // Where each of `report.carried_out`'s cells is on the wire (same order; absent where the cell is).
  std::vector<std::optional<WireRange>> carried_out_wire;
};

class CrossDocuments {
 public:
  // A document's entry after a lint (nullopt: not linted as a report, or closed). Returns the other documents whose
  // findings may have changed with it: those of its agency, before and after, unless what they read of it is as it
  // was.
  std::vector<std::shared_ptr<WorkspaceDocument>> update(const std::shared_ptr<WorkspaceDocument>& document,
                                                         std::optional<CrossDocumentEntry> entry);
  // The findings of the document named `uri` against the other open reports of its agency.
  CrossDocumentFindings findings(const std::string& uri) const;

 private:
  struct Open {
    std::weak_ptr<WorkspaceDocument> document;
    CrossDocumentEntry entry;
  };
  // The documents whose agency is `agency`, but `uri` (the caller holds the lock).
  std::vector<std::shared_ptr<WorkspaceDocument>> others_of(const std::string& agency, const std::string& uri) const;

  mutable std::mutex mutex_;
  std::map<std::string, Open> open_;  // by URI; reports naming no agency are not kept
};

}  // namespace xxgk::lsp
