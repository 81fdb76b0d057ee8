#include "xxgk/source_reader.h"

#include <algorithm>

#include "readers/report_text_builder.h"
#include "xxgk/linter.h"
#include "xxgk/rule.h"

namespace xxgk {

namespace {

bool ends_with_ignoring_case(std::string_view name, std::string_view suffix) {
  if (name.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), name.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                    [](char a, char b) { return a == (b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : b); });
}

// The span holding text byte `offset`, or the first span after it when the byte was added by the reader (a line
// break, a tab between cells); a span of no text standing exactly at `offset` (an empty cell) counts as holding it.
std::vector<SourceSpan>::const_iterator span_at_or_after(const std::vector<SourceSpan>& spans, size_t offset) {
  auto it = std::partition_point(spans.begin(), spans.end(), [&](const SourceSpan& span) {
    return span.text_end < offset || (span.text_end == offset && span.text_begin < offset);
  });
  return it;
}

bool linear(const SourceSpan& span) {
  return span.text_end - span.text_begin == span.source_end - span.source_begin;
}

size_t source_begin_of(const std::vector<SourceSpan>& spans, size_t offset) {
  auto it = span_at_or_after(spans, offset);
  if (it == spans.end()) return spans.empty() ? 0 : spans.back().source_end;
  if (it->text_begin >= offset) return it->source_begin;
  return linear(*it) ? it->source_begin + (offset - it->text_begin) : it->source_begin;
}

// The source end of a text range ending (exclusively) at `offset`: where its last byte ends in the source.
size_t source_end_of(const std::vector<SourceSpan>& spans, size_t offset) {
  if (offset == 0) return spans.empty() ? 0 : spans.front().source_begin;
  auto it = span_at_or_after(spans, offset - 1);
  if (it != spans.end() && it->text_begin <= offset - 1 && it->text_end > offset - 1)
    return linear(*it) ? it->source_begin + (offset - it->text_begin) : it->source_end;
  // The last byte was added by the reader: the range ends where the source before it ends.
  if (it == spans.begin()) return spans.empty() ? 0 : it->source_begin;
  return std::prev(it)->source_end;
}

}  // namespace

SourceFormat source_format_of(std::string_view file_name) {
  if (ends_with_ignoring_case(file_name, ".html") || ends_with_ignoring_case(file_name, ".htm"))
    return SourceFormat::Html;
  if (ends_with_ignoring_case(file_name, ".docx")) return SourceFormat::Docx;
  if (ends_with_ignoring_case(file_name, ".pdf")) return SourceFormat::Pdf;
  return SourceFormat::Text;
}

std::string_view source_format_name(SourceFormat format) {
  switch (format) {
    case SourceFormat::Html: return "HTML";
    case SourceFormat::Docx: return "DOCX";
    case SourceFormat::Pdf: return "PDF";
    case SourceFormat::Text: return "text";
  }
  return "text";
}

std::string describe_location(const SourceLocation& location) {
  switch (location.kind) {
    case SourceLocation::Kind::Paragraph:
      return "第" + std::to_string(location.paragraph) + "段";
    case SourceLocation::Kind::TableCell:
      return "表" + readers::chinese_numeral(location.table) + " 第" + std::to_string(location.row) + "行 第" +
             std::to_string(location.column) + "列";
    case SourceLocation::Kind::PageLine:
      return "第" + std::to_string(location.page) + "页 第" + std::to_string(location.line) + "行";
    case SourceLocation::Kind::None:
      break;
  }
  return "";
}

SourceDocument read_source(SourceFormat format, std::string_view bytes) {
  switch (format) {
    case SourceFormat::Html: return read_html(bytes);
    case SourceFormat::Docx: return read_docx(bytes);
    case SourceFormat::Pdf: return read_pdf(bytes);
    case SourceFormat::Text: break;
  }
  throw SourceReadError("不是网页、Word 或 PDF 文件 (not a web page, Word or PDF file)");
}

ByteRange map_to_source(const SourceDocument& document, ByteRange text_range) {
  if (document.format != SourceFormat::Html) return text_range;
  const size_t begin = source_begin_of(document.spans, text_range.begin);
  if (text_range.empty()) return {begin, begin};
  return {begin, std::max(begin, source_end_of(document.spans, text_range.end))};
}

SourceLocation location_of(const SourceDocument& document, size_t text_offset) {
  auto it = span_at_or_after(document.spans, text_offset);
  if (it == document.spans.end()) return document.spans.empty() ? SourceLocation{} : document.spans.back().location;
  return it->location;
}

std::vector<SourceDiagnostic> lint_source(const SourceDocument& document, const LintOptions& options) {
  std::vector<SourceDiagnostic> moved;
  LintOptions read_options = options;
  read_options.merged_cells_lost |= document.merged_cells_lost;
  std::vector<Diagnostic> diagnostics = lint(document.text, read_options);
  moved.reserve(diagnostics.size());
  for (Diagnostic& diagnostic : diagnostics) {
    SourceDiagnostic entry;
    entry.location = location_of(document, diagnostic.range.begin);
    diagnostic.range = map_to_source(document, diagnostic.range);
    for (RelatedInformation& related : diagnostic.related) related.range = map_to_source(document, related.range);
    diagnostic.fixes.clear();
    entry.diagnostic = std::move(diagnostic);
    moved.push_back(std::move(entry));
  }
  std::stable_sort(moved.begin(), moved.end(), [](const SourceDiagnostic& a, const SourceDiagnostic& b) {
    return a.diagnostic.range.begin < b.diagnostic.range.begin;
  });
  return moved;
}

std::vector<Diagnostic> lint_page(std::string_view page, const LintOptions& options, bool reports_only) {
  SourceDocument document;
  try {
    document = read_html(page);
  } catch (const SourceReadError&) {
    return {};
  }
  if (reports_only && !Document(document.text).looks_like_report()) return {};
  std::vector<Diagnostic> diagnostics;
  for (SourceDiagnostic& entry : lint_source(document, options)) diagnostics.push_back(std::move(entry.diagnostic));
  return diagnostics;
}

}  // namespace xxgk
