#include "lsp/cross_documents.h"

#include <algorithm>

#include "lsp/workspace.h"

namespace xxgk::lsp {

namespace {

bool same_range(const WireRange& a, const WireRange& b) { return a.start == b.start && a.end == b.end; }

bool same_figures(const std::vector<std::optional<TableFigure>>& a, const std::vector<std::optional<TableFigure>>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const std::optional<TableFigure>& x, const std::optional<TableFigure>& y) {
                      return x.has_value() == y.has_value() && (!x || (x->value == y->value && x->range == y->range));
                    });
}

// Whether the other documents read the same of `a` as of `b`: who it is and what it carried forward, where.
bool same_for_others(const CrossDocumentEntry& a, const CrossDocumentEntry& b) {
  return a.report.identity.agency == b.report.identity.agency && a.report.identity.year == b.report.identity.year &&
         same_figures(a.report.carried_out, b.report.carried_out) &&
         std::equal(a.carried_out_wire.begin(), a.carried_out_wire.end(), b.carried_out_wire.begin(),
                    b.carried_out_wire.end(), [](const std::optional<WireRange>& x, const std::optional<WireRange>& y) {
                      return x.has_value() == y.has_value() && (!x || same_range(*x, *y));
                    });
}

bool same_diagnostic(const Diagnostic& a, const Diagnostic& b) {
  return a.rule == b.rule && a.severity == b.severity && a.message == b.message && a.range == b.range &&
         std::equal(a.related.begin(), a.related.end(), b.related.begin(), b.related.end(),
                    [](const RelatedInformation& x, const RelatedInformation& y) {
                      return x.range == y.range && x.message == y.message && x.document == y.document;
                    });
}

}  // namespace

bool operator==(const CrossDocumentFindings& a, const CrossDocumentFindings& b) {
  return std::equal(a.diagnostics.begin(), a.diagnostics.end(), b.diagnostics.begin(), b.diagnostics.end(),
                    same_diagnostic) &&
         std::equal(a.elsewhere.begin(), a.elsewhere.end(), b.elsewhere.begin(), b.elsewhere.end(),
                    [](const RangeElsewhere& x, const RangeElsewhere& y) {
                      return x.document == y.document && x.bytes == y.bytes && same_range(x.wire, y.wire);
                    }) &&
         a.notes == b.notes;
}

std::vector<std::shared_ptr<WorkspaceDocument>> CrossDocuments::others_of(const std::string& agency,
                                                                          const std::string& uri) const {
  std::vector<std::shared_ptr<WorkspaceDocument>> others;
  for (const auto& [other_uri, open] : open_)
    if (other_uri != uri && open.entry.report.identity.agency == agency)
      if (std::shared_ptr<WorkspaceDocument> other = open.document.lock()) others.push_back(std::move(other));
  return others;
}

std::vector<std::shared_ptr<WorkspaceDocument>> CrossDocuments::update(
    const std::shared_ptr<WorkspaceDocument>& document, std::optional<CrossDocumentEntry> entry) {
  const std::string& uri = document->uri;
  std::lock_guard lock(mutex_);
  std::vector<std::shared_ptr<WorkspaceDocument>> affected;
  const auto previous = open_.find(uri);
  if (previous != open_.end()) {
    if (entry && same_for_others(previous->second.entry, *entry)) {
      previous->second = {document, std::move(*entry)};
      return affected;
    }
    affected = others_of(previous->second.entry.report.identity.agency, uri);
    open_.erase(previous);
  }
  if (!entry || entry->report.identity.agency.empty()) return affected;
  for (std::shared_ptr<WorkspaceDocument>& other : others_of(entry->report.identity.agency, uri))
    if (std::find(affected.begin(), affected.end(), other) == affected.end()) affected.push_back(std::move(other));
  open_.emplace(uri, Open{document, std::move(*entry)});
  return affected;
}

CrossDocumentFindings CrossDocuments::findings(const std::string& uri) const {
  CrossDocumentFindings findings;
  std::lock_guard lock(mutex_);
  const auto self = open_.find(uri);
  if (self == open_.end()) return findings;
  // The reports of its agency: the check across reports never pairs reports of different agencies.
  std::vector<const CrossDocumentEntry*> group;
  size_t self_index = 0;
  for (const auto& [other_uri, open] : open_) {
    if (open.entry.report.identity.agency != self->second.entry.report.identity.agency) continue;
    if (other_uri == uri) self_index = group.size();
    group.push_back(&open.entry);
  }
  if (group.size() < 2) return findings;
  std::vector<LintedReport> reports;
  reports.reserve(group.size());
  for (const CrossDocumentEntry* entry : group) reports.push_back(entry->report);
  CrossDocumentResult result = cross_document_check(reports);
  for (const CrossDocumentNote& note : result.notes)
    if (note.report == self_index) findings.notes.push_back(note.message);
  for (CrossDocumentDiagnostic& finding : result.diagnostics) {
    if (finding.report != self_index) continue;
    for (const RelatedInformation& related : finding.diagnostic.related) {
      const auto other = std::find_if(group.begin(), group.end(), [&](const CrossDocumentEntry* entry) {
        return entry->report.name == related.document;
      });
      if (other == group.end()) continue;
      const std::vector<std::optional<TableFigure>>& cells = (*other)->report.carried_out;
      for (size_t column = 0; column < cells.size(); ++column)
        if (cells[column] && cells[column]->range == related.range && (*other)->carried_out_wire[column])
          findings.elsewhere.push_back({related.document, related.range, *(*other)->carried_out_wire[column]});
    }
    findings.diagnostics.push_back(std::move(finding.diagnostic));
  }
  return findings;
}

}  // namespace xxgk::lsp
