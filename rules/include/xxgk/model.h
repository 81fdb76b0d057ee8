// The typed report model built from the syntax tree: title, preamble, sections, sub-items, paragraphs and the three
// tables recognised against the format definition. Every element carries its byte range in the original text, so
// rules can point at exact spans and build fixes as text edits.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xxgk/format.h"
#include "xxgk/positions.h"

namespace xxgk {

// How a piece of wording matched the format definition.
enum class Match {
  None,     // not recognised
  Exact,    // identical after normalisation
  Variant,  // one of the definition's accepted variants
  Fuzzy,    // close by edit distance (a typo) or by containment
};

struct Title {
  std::vector<ByteRange> lines;  // each title line's content (no terminator, trimmed of outer spaces)
  std::string text;              // the lines joined as written (no separator)
  std::string normalized;        // normalize_label(text)
  std::optional<int> year;       // the first plausible year (2000..2099) in the title
  ByteRange range() const { return lines.empty() ? ByteRange{} : ByteRange{lines.front().begin, lines.back().end}; }
};

// A section-level heading line ("一、总体情况", "## 二、…").
struct Heading {
  ByteRange range;          // the line's content, markdown marker included, terminator excluded
  ByteRange numeral;        // the Chinese numeral before "、"
  ByteRange text;           // the text after "、", trimmed
  int numeral_value = 0;    // value of the numeral (1..); 0 when unreadable
  std::string normalized;   // normalize_label of `text`
  int section = 0;          // canonical section it matches (1..6), 0 when none
  Match match = Match::None;
  bool markdown = false;    // written with an ATX marker
  bool found_inline = false;  // found inside a line of a text that lost its line breaks (S111)
};

// A sub-item line "（一）主动公开…" / "(二) …"; also the inline enumerations "一是…二是…" found in prose.
struct SubItem {
  ByteRange range;          // the line (for a subheading) or the enumeration marker (inline)
  ByteRange number;         // "（一）" / "(一)" / "一是"
  int number_value = 0;     // 1..
  ByteRange label;          // text after the number on a subheading line, trimmed; empty for inline markers
  bool inline_marker = false;  // "一是" style inside a paragraph
  bool half_width = false;     // written with ASCII brackets
};

struct Paragraph {
  ByteRange range;                // from the first line's start to the last line's content end
  std::vector<ByteRange> lines;   // each line's content
};

enum class ValueKind {
  Empty,           // nothing in the cell
  Placeholder,     // "/", "-", "—", "无", "－" …
  Integer,         // a non-negative integer (ASCII or full-width digits)
  Decimal,         // a non-negative decimal number
  NumberWithUnit,  // a number followed (or preceded) by unit text: "114 件", "3万元"
  Invalid,         // meant as a number but not a valid one: "-5", "12a", "约10", "1,234"
  Text,            // words: a label, not a value ("1.属于国家秘密", "行政许可")
};

struct CellValue {
  ValueKind kind = ValueKind::Empty;
  double number = 0;             // the number when kind is Integer, Decimal or NumberWithUnit
  bool fullwidth_digits = false; // written with full-width digits / point
  ByteRange number_range;        // where the number is (for unit stripping)
  bool is_number() const {
    return kind == ValueKind::Integer || kind == ValueKind::Decimal || kind == ValueKind::NumberWithUnit;
  }
  // An integer below 2⁵³, which a double holds exactly, so that it converts to `long long`: the counts the rules compare
  // with prose and with last year's report. A cell of 54 nines is an Integer too, but no count (and converting it
  // would be undefined behaviour).
  bool is_exact_count() const { return kind == ValueKind::Integer && number < 9007199254740992.0; }
};

struct Cell {
  ByteRange range;        // content, trimmed of spaces (empty cell: a zero-width range at its position)
  ByteRange raw;          // between the separators (or line start/end)
  std::string normalized; // normalize_label(content)
  CellValue value;        // how the content reads as a number
};

enum class RowKind {
  Data,        // a canonical data row (or an unrecognised row with values)
  Header,      // a column-header row
  Note,        // table 三's 勾稽关系 note row (often also carrying header cells)
  Group,       // a label-only row: table 三 group label, table 二 block title "第二十条第（一）项"
  Delimiter,   // a Markdown delimiter row |---|
  Unknown,     // text that matches nothing
  Blank,       // separators only, every cell empty
};

struct Row {
  ByteRange range;                 // the whole line, terminator excluded (leading tabs = empty cells included)
  std::vector<Cell> cells;         // every cell, empty ones included, outer Markdown pipes dropped
  char separator = '\t';           // '\t' or '|'
  bool outer_pipes = false;        // written "| a | b |"
  RowKind kind = RowKind::Unknown;
  int canonical = -1;              // index into TableSpec::rows for a recognised data row
  Match label_match = Match::None; // how the row's label matched its canonical label
  ByteRange label;                 // the label text that matched (may span several label cells)
  std::vector<size_t> label_cells;  // indices of the cells read as label
  std::vector<size_t> value_cells;  // indices of the cells read as values, aligned from the right; its size may
                                    // differ from the expected count (T204 reports that)
  // The value cell for value column `column` when the row has exactly the expected number of values, else null.
  const Cell* value(size_t column) const;
  bool complete = false;           // value_cells.size() == expected count
  // From the first to the last non-empty cell (the row as a reader sees it); `range` when every cell is empty.
  ByteRange content() const;
};

// A group label recognised in a table (table 三 "三、本年度办理结果", "（三）不予公开"; table 二 block titles),
// wherever it stands (own row or first label cell of a data row).
struct GroupLabel {
  int group = -1;                  // index into TableSpec::groups
  ByteRange range;                 // the label text as written (may be split, e.g. "（三）不" + "予公开")
  Match match = Match::None;
  size_t row = 0;                  // row index it was found on
};

struct Table {
  ByteRange range;                 // first row start .. last row end
  std::vector<Row> rows;
  std::vector<GroupLabel> groups;
  const TableSpec* spec = nullptr; // recognised schema, null when unknown
  int section = 0;                 // canonical number of the section the table stands in (0: before any heading)
  bool markdown = false;           // GFM table (has a delimiter row)
  // Rows rebuilt from a layout of one cell per line (a web page's or Word's table copied as text): the cells are
  // where they are written, but the rows' lines are not, so no fix may copy or rewrite a row's layout.
  bool recovered = false;
  // The table's text names its schema but its cells cannot be told apart (flattened without separators, or rows
  // that do not come out whole): `rows` is empty, and T209 reports the table once instead of per row.
  bool unreadable = false;
  // The header rows of a table whose header spans several rows with merged cells (tables 三 and 四), read from a
  // source that loses merged cells (LintOptions::merged_cells_lost): their words may be cut or out of place, so
  // header checks leave them alone. The data rows are unaffected.
  bool header_unreliable = false;
  // Per canonical row of `spec`: the index of the only data row matched to it, -1 when none or several are (built
  // with the model, so that the rules' row lookups do not scan the table).
  std::vector<int> single_row;
  // Rows matched to canonical row `canonical` (usually one; more when repeated).
  std::vector<const Row*> rows_for(int canonical) const;
  // The only row matched to `canonical`, or null when missing or repeated.
  const Row* row_for(int canonical) const;
  const Row* row_for(std::string_view id) const;
};

struct Section {
  const Heading* heading = nullptr;
  int number = 0;                  // canonical section (heading->section), 0 when unrecognised
  ByteRange range;                 // heading start .. before the next heading (or end of text)
  ByteRange body;                  // after the heading line .. range.end
  std::vector<size_t> paragraphs;  // indices into Report::paragraphs
  std::vector<size_t> subitems;    // indices into Report::subitems
  std::vector<size_t> tables;      // indices into Report::tables
};

struct Report {
  std::string_view text;                 // the checked text (owned by the caller)
  // The text with Traditional characters turned Simplified when the report is written in Traditional script (same
  // byte offsets as `text`; empty otherwise). Search prose for keywords in search_text(), never in `text`.
  std::string simplified;
  std::string_view search_text() const { return simplified.empty() ? text : std::string_view(simplified); }
  std::optional<Title> title;
  ByteRange preamble;                    // after the title, before the first heading
  std::vector<size_t> preamble_paragraphs;
  std::vector<Heading> headings;         // every section-level heading, in order
  std::vector<Section> sections;         // one per heading, in order
  std::vector<SubItem> subitems;
  std::vector<Paragraph> paragraphs;     // every paragraph, in order (titles and tables excluded)
  std::vector<Table> tables;
  std::vector<ByteRange> comments;       // HTML comments
  bool markdown = false;                 // the text uses Markdown (ATX headings or GFM tables)
  // The body lost its line breaks (copied from a web page onto one or a few lines): headings were found inline.
  bool line_structure_lost = false;
  std::optional<int> year;               // reporting year: options, else the title's, else the statistics period's
  const FormatDefinition* format = nullptr;

  std::string_view slice(ByteRange range) const { return text.substr(range.begin, range.end - range.begin); }
  // The same range of search_text() (Simplified): use it for keyword and number searches.
  std::string_view search_slice(ByteRange range) const {
    return search_text().substr(range.begin, range.end - range.begin);
  }
  // The first section whose canonical number is n, or null.
  const Section* section(int n) const;
  // The first table recognised as `table_id` ("table2" …), or null.
  const Table* table(std::string_view table_id) const;
};

}  // namespace xxgk
