// Writes the report text a reader produces (paragraphs, tables on their grid) and the source map beside it. Shared by
// the HTML, DOCX and PDF readers: each reads its format into fragments (a paragraph's or a cell's text with the
// source of every character) and hands them here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "xxgk/source_reader.h"

namespace xxgk::readers {

// CJK characters and full-width punctuation: Chinese text has no spaces between words, so a line break between two
// of them in the source is not a space in the text.
bool is_wide(char32_t c);

// A run of text with the source of each of its characters. White space is collapsed as a browser does: a run of
// spaces, tabs, line breaks and no-break spaces becomes one space, none at the start or the end, and none between two
// wide (CJK) characters, where it comes from a line break in the source, not from the author.
class Fragment {
 public:
  // Appends one character (UTF-8 bytes) that stands at [source_begin, source_begin + source_size) in the source.
  void add(std::string_view character, size_t source_begin, size_t source_size, SourceLocation location = {});
  // Appends every character of `text`, which stands byte for byte at `source_begin`.
  void add_text(std::string_view text, size_t source_begin, SourceLocation location = {});
  // Where the fragment stands when it has no text (an empty table cell): diagnostics at it point there.
  void set_anchor(size_t source_begin, SourceLocation location);
  bool empty() const { return text_.empty(); }
  const std::string& text() const { return text_; }

 private:
  friend class ReportTextBuilder;
  void append(std::string_view bytes, size_t source_begin, size_t source_size, const SourceLocation& location);
  // Appends characters other than collapsible spaces, the first `first` and the last `last`, after the pending space
  // if one is due.
  void append_visible(std::string_view characters, char32_t first, char32_t last, size_t source_begin,
                      size_t source_size, const SourceLocation& location);
  std::string text_;
  std::vector<SourceSpan> spans_;  // text offsets relative to text_
  bool pending_space_ = false;
  size_t pending_source_ = 0;
  SourceLocation pending_location_;
  bool last_wide_ = false;
  bool has_anchor_ = false;
  size_t anchor_ = 0;
  SourceLocation anchor_location_;
};

// A table as rows of cells on its grid: a merged cell's text stands in its top-left slot, the slots it covers are
// empty (the layout the text format's tables are written in).
using TableGrid = std::vector<std::vector<Fragment>>;

class ReportTextBuilder {
 public:
  explicit ReportTextBuilder(SourceDocument& document) : document_(document) {}
  // A paragraph (or heading) line; empty fragments are dropped. Paragraphs are separated by a blank line.
  void paragraph(const Fragment& fragment);
  // A table: one line per row, cells separated by tabs, blank lines around it. Rows that are empty are dropped.
  void table(const TableGrid& grid);

 private:
  void put(const Fragment& fragment);
  void separate_block();
  SourceDocument& document_;
};

// Expands a table given as rows of cells with their spans onto the grid. Spans are clamped (colspan ≤ 1000 slots in
// all, rowspan to the rows left) so that a hostile table cannot make the grid huge.
struct SpannedCell {
  Fragment fragment;
  size_t colspan = 1;
  size_t rowspan = 1;
};
TableGrid expand_spans(std::vector<std::vector<SpannedCell>> rows);

// "一" … "九十九" for 1..99 (table numbers, Word's Chinese list numbering); decimal digits beyond.
std::string chinese_numeral(uint32_t n);

}  // namespace xxgk::readers
