// The output formats of `check` and `fix` (interface.md): text lines, one JSON document, SARIF 2.1.0, and GitHub
// Actions workflow commands. Positions are 1-based lines and code-point columns, ends exclusive.
#pragma once

#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "cli/arguments.h"
#include "xxgk/cross_document.h"
#include "xxgk/diagnostic.h"
#include "xxgk/positions.h"
#include "xxgk/source_reader.h"

namespace xxgk::cli {

// 1-based line and code-point column, as every output format prints them.
struct DisplayPosition {
  uint32_t line = 1;
  uint32_t column = 1;
};

// Converts byte offsets of one text. A UTF-8 byte order mark is not counted: editors do not show it as a column.
class DisplayPositions {
 public:
  explicit DisplayPositions(std::string_view text)
      : index_(text), cursor_(index_, PositionEncoding::Utf32), bom_(text.starts_with("\xEF\xBB\xBF")) {}
  DisplayPositions(const DisplayPositions&) = delete;  // the cursor refers to the index
  DisplayPositions& operator=(const DisplayPositions&) = delete;
  // Diagnostics come in document order: the cursor goes forward from one to the next instead of counting each
  // column from its line's start.
  DisplayPosition at(size_t byte) const {
    Position position = cursor_.position(byte);
    uint32_t column = position.column;
    if (bom_ && position.line == 0 && column > 0) --column;
    return {position.line + 1, column + 1};
  }
  const LineIndex& lines() const { return index_; }

 private:
  LineIndex index_;
  mutable PositionCursor cursor_;
  bool bom_;
};

// One checked file as the writers see it.
struct FileReport {
  std::string display;                  // path as printed ("<stdin>" for standard input)
  std::string text;                     // UTF-8 text the diagnostics' byte ranges refer to
  std::vector<Diagnostic> diagnostics;  // sorted by position
  // Word and PDF documents: where each diagnostic stands in the document (parallel to `diagnostics`); empty for
  // text and web pages, whose ranges refer to `text` as written.
  std::vector<SourceLocation> locations;
  const SourceLocation* location(size_t i) const {
    return i < locations.size() && locations[i].kind != SourceLocation::Kind::None ? &locations[i] : nullptr;
  }
  ReportIdentity identity;              // agency and year from the title (the review page shows them)
  // The texts of the other files that related information points into (RelatedInformation::document, A306's last
  // year's report), by their display name.
  std::map<std::string, std::string_view, std::less<>> related_texts;
};

struct RunSummary {
  size_t files = 0;
  size_t errors = 0;
  size_t warnings = 0;
  size_t infos = 0;
  void count(const std::vector<Diagnostic>& diagnostics);
};

// "共 3 个文件：2 个错误，5 个警告，2 条提示 (3 files: 2 errors, 5 warnings, 2 info)"
std::string summary_line(const RunSummary& summary);

// How a writer presents its report, beyond the format.
struct ReportStyle {
  bool color = false;  // ANSI colours in text output (--color, NO_COLOR, terminal)
};

// A report format. Writers write each file as it comes (nothing of a file is kept after write_file), so a large run
// or file costs no tree of the whole output; `out` may be standard output or --output-file.
class ReportWriter {
 public:
  virtual ~ReportWriter() = default;
  // Called once per checked file, in input order.
  virtual void write_file(const FileReport& file) = 0;
  // A file that could not be checked (unreadable, not text, missing), with the reason; stderr has it already, so the
  // line formats (text, github) write nothing.
  virtual void write_failure(const std::string& /*display*/, const std::string& /*reason*/) {}
  // Called once at the end of the run.
  virtual void finish(const RunSummary& summary) = 0;
};

std::unique_ptr<ReportWriter> make_report_writer(OutputFormat format, std::ostream& out, const ReportStyle& style = {});
// --statistics: one line (text) or object (json) per rule with its count, most frequent first, as ruff's.
std::unique_ptr<ReportWriter> make_statistics_writer(OutputFormat format, std::ostream& out,
                                                     const ReportStyle& style = {});

}  // namespace xxgk::cli
