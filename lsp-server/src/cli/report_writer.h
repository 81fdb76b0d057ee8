// The output formats of `check` and `fix` (interface.md): text lines, one JSON document, SARIF 2.1.0, and GitHub
// Actions workflow commands. Positions are 1-based lines and code-point columns, ends exclusive.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "cli/arguments.h"
#include "xxgk/diagnostic.h"

namespace xxgk::cli {

// One checked file as the writers see it.
struct FileReport {
  std::string display;                  // path as printed ("<stdin>" for standard input)
  std::string text;                     // UTF-8 text the diagnostics' byte ranges refer to
  std::vector<Diagnostic> diagnostics;  // sorted by position
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
