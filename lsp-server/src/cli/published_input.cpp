#include "cli/published_input.h"

namespace xxgk::cli {

FileReport check_published(std::string display, SourceFormat format, std::string_view bytes,
                           const LintOptions& options, bool errors_only) {
  SourceDocument document = read_source(format, bytes);
  FileReport report;
  report.display = std::move(display);
  for (SourceDiagnostic& entry : lint_source(document, options)) {
    const Severity severity = entry.diagnostic.severity;
    if (severity == Severity::Off || (errors_only && severity != Severity::Error)) continue;
    report.diagnostics.push_back(std::move(entry.diagnostic));
    report.locations.push_back(entry.location);
  }
  report.text = format == SourceFormat::Html ? std::move(document.source) : std::move(document.text);
  return report;
}

std::string published_fix_refusal(SourceFormat format) {
  const std::string name(source_format_name(format));
  return "是 " + name + " 文件，fix 不修改；请在原文档中修改后再检查 (a " + name +
         " file: fix does not rewrite it; correct the original document, then check it again)";
}

}  // namespace xxgk::cli
