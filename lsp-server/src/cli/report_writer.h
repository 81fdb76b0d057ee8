// The output formats of `check` and `fix` (interface.md): text lines, one JSON document, SARIF 2.1.0, and GitHub
// Actions workflow commands. Positions are 1-based lines and code-point columns, ends exclusive.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "cli/arguments.h"
#include "xxgk/diagnostic.h"
#include "xxgk/source_reader.h"

namespace xxgk::cli {

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

class ReportWriter {
 public:
  virtual ~ReportWriter() = default;
  // Called once per checked file, in input order.
  virtual void write_file(const FileReport& file) = 0;
  // Called once at the end of the run.
  virtual void finish(const RunSummary& summary) = 0;
};

std::unique_ptr<ReportWriter> make_report_writer(OutputFormat format, std::ostream& out);

}  // namespace xxgk::cli
