// Checks across reports: what needs two reports at once (A306, last year's carry-over against this year's). The
// front ends lint each report on its own, keep a small summary of each (LintedReport) and, once all are linted, call
// cross_document_check. The summaries hold positions and figures only, so a run over thousands of reports keeps no
// texts or models for it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "xxgk/diagnostic.h"
#include "xxgk/model.h"
#include "xxgk/options.h"

namespace xxgk {

// Who wrote a report and for which year, as its title says: what reports are matched across years by.
struct ReportIdentity {
  std::string agency;       // the agency named in the title, normalised (normalize_label); "" when there is none
  std::optional<int> year;  // the title's year, else the report's (statistics period, configuration)
  ByteRange title;          // where the title is (empty when there is none)
};

// The identity of `report`. The agency is the title's text before its year ("某某局2023年政府信息公开…" → "某某局"), or
// after it when the title starts with the year ("2023年某某局政府信息公开…"), normalised, without book-title marks.
ReportIdentity report_identity(const Report& report);

// A number in a table cell and where the cell is.
struct TableFigure {
  double value = 0;
  ByteRange range;
};

// What the checks across reports need of one linted report.
struct LintedReport {
  std::string name;  // the document as the caller names it (a path, a URI); related information in another report
                     // points at it through RelatedInformation::document
  ReportIdentity identity;
  // Table 三 row 二 (上年结转) and row 四 (结转下年度继续办理), one entry per value column (absent where the cell is not
  // a number); empty when the row is missing, repeated or has the wrong number of cells.
  std::vector<std::optional<TableFigure>> carried_in;
  std::vector<std::optional<TableFigure>> carried_out;
  Severity carry_over_severity = Severity::Error;  // A306's severity under this report's options; Off: not checked
};

LintedReport summarize_for_cross_document(std::string name, const Report& report, const LintOptions& options);

// A diagnostic of one of the reports: its range is in that report, its related information in the other report
// names it (RelatedInformation::document).
struct CrossDocumentDiagnostic {
  size_t report = 0;  // index into the reports given
  Diagnostic diagnostic;
};

// Why a report takes no part in the checks across years although a report of its agency for another year was
// checked with it: it has no year, or another report claims the same agency and year (which one is last year's is
// not guessed). Duplicates with no neighbouring year are no one's business and get no note.
struct CrossDocumentNote {
  size_t report = 0;
  std::string message;
};

struct CrossDocumentResult {
  std::vector<CrossDocumentDiagnostic> diagnostics;  // by report index, then position
  std::vector<CrossDocumentNote> notes;              // by report index
};

// A306: for every agency with reports for consecutive years N−1 and N among `reports`, each column of year N's
// 上年结转 must equal year N−1's 结转下年度继续办理. Reports without an agency, without a year, or sharing agency and
// year with another report are not paired (notes say why, where it matters: see CrossDocumentNote).
CrossDocumentResult cross_document_check(const std::vector<LintedReport>& reports);

}  // namespace xxgk
