// Reports as they are published (web pages, Word documents, PDF files) read into the text the grammar reads: one
// paragraph per line, tables as tab-separated rows on the grid the format's tables have, headings as lines. A source
// map leads every byte of that text back to where it stands in the original, so that every rule runs unchanged on
// the text and every diagnostic is then moved to the source. No I/O: readers take bytes and return text and map.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "xxgk/diagnostic.h"
#include "xxgk/options.h"

namespace xxgk {

// The formats a report is read from. Text covers plain text and Markdown (read by the grammar directly).
enum class SourceFormat { Text, Html, Docx, Pdf };

// The format a file name's extension names (case-insensitive): .html/.htm, .docx, .pdf; Text for anything else.
SourceFormat source_format_of(std::string_view file_name);
// "HTML", "DOCX", "PDF", "text".
std::string_view source_format_name(SourceFormat format);

// Where a piece of a Word or PDF document stands, in words a user can look up in the document. HTML has none: its
// diagnostics carry byte ranges into the page's source (line:column).
struct SourceLocation {
  enum class Kind { None, Paragraph, TableCell, PageLine };
  Kind kind = Kind::None;
  uint32_t paragraph = 0;  // Paragraph: 1-based paragraph of the document body
  uint32_t table = 0;      // TableCell: 1-based table, row and column (grid columns, merged cells counted)
  uint32_t row = 0;
  uint32_t column = 0;
  uint32_t page = 0;       // PageLine: 1-based page and line on the page
  uint32_t line = 0;
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

// "第3段", "表三 第14行 第3列", "第2页 第17行".
std::string describe_location(const SourceLocation& location);

// One run of the report text and where it came from: bytes [text_begin, text_end) of the text are bytes
// [source_begin, source_end) of the source (byte for byte when both have the same length; otherwise the run is one
// unit, such as an entity "&nbsp;" read as a space).
struct SourceSpan {
  size_t text_begin = 0;
  size_t text_end = 0;
  size_t source_begin = 0;
  size_t source_end = 0;
  SourceLocation location;
};

// A document read from its source format.
struct SourceDocument {
  SourceFormat format = SourceFormat::Text;
  std::string text;               // the report as the grammar reads it
  std::string source;             // HTML: the page decoded to UTF-8 (line:column refer to it); empty for DOCX/PDF
  std::string source_encoding;    // HTML: the character set the page was decoded from ("UTF-8", "GB18030")
  std::vector<SourceSpan> spans;  // sorted by text_begin, not overlapping; bytes between spans were added by the
                                  // reader (line breaks, tabs between cells)
  // PDF: table cells merged over rows or columns are not rebuilt (a PDF's text layer has no rulings), so a header
  // written over several rows is not read reliably; lint_source() tells the model so (LintOptions).
  bool merged_cells_lost = false;
};

// A source that cannot be read: not the format its name says, corrupt, encrypted, too large once unpacked.
class SourceReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads a web page (a whole page or a fragment of one): finds the report's body, leaves out page chrome, expands
// merged table cells onto the grid, decodes the character set (UTF-8, else GBK/GB2312/GB18030).
SourceDocument read_html(std::string_view bytes);

// Reads a Word document (.docx): body paragraphs with Word's list numbers, tables onto their grid. Each diagnostic's
// place is a paragraph index or a table's row and column.
SourceDocument read_docx(std::string_view bytes);

// Reads a PDF file's text layer, rebuilding lines and table rows from the positions of its text boxes. A PDF without
// text (scanned pages), an encrypted or a broken one throws SourceReadError saying so. Only in builds with poppler
// (the static executable has none: Debian ships no static poppler); elsewhere it throws SourceReadError saying so.
SourceDocument read_pdf(std::string_view bytes);

// A word of a PDF page's text layer and its box, in points from the page's top left corner.
struct PdfTextBox {
  std::string text;  // UTF-8
  double left = 0, top = 0, right = 0, bottom = 0;
};
// Lays out the text boxes of each page as report text: boxes on one baseline make a line, a wide gap between boxes
// separates table cells, a cell's wrapped lines join the row whose values they stand beside, prose lines wrapped
// at the margin join into one paragraph. Locations are page and line.
SourceDocument layout_pdf_pages(const std::vector<std::vector<PdfTextBox>>& pages);

// Reads a document in `format`. Throws SourceReadError.
SourceDocument read_source(SourceFormat format, std::string_view bytes);

// A diagnostic moved to the source: its ranges (and its related information's) point into `SourceDocument::source`
// for HTML and into `SourceDocument::text` otherwise, with `location` naming the place for DOCX and PDF.
struct SourceDiagnostic {
  Diagnostic diagnostic;  // without fixes: the source is not rewritten
  SourceLocation location;
};

// Lints the document's text and moves each diagnostic to the source. Sorted by position.
std::vector<SourceDiagnostic> lint_source(const SourceDocument& document, const LintOptions& options);

// The language server's entry: the diagnostics of a web page given as UTF-8 (an editor's buffer), ranges into
// `page`; none when the page cannot be read, or when `reports_only` and its text does not look like a report.
std::vector<Diagnostic> lint_page(std::string_view page, const LintOptions& options, bool reports_only);

// The source position of a text range's start and end, through `spans` (exposed for tests and the language server).
ByteRange map_to_source(const SourceDocument& document, ByteRange text_range);
SourceLocation location_of(const SourceDocument& document, size_t text_offset);

}  // namespace xxgk
