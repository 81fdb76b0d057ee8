// PDF text boxes laid out as report text, the way table extractors such as pdfplumber rebuild text from positions:
// boxes whose vertical centres fall inside one another's line make a line; a gap wider than a few characters
// between boxes separates table cells; in a table, a line that continues a cell (a wrapped label) joins that cell;
// outside tables, a line that reaches the right margin continues into the next one.
#include <algorithm>
#include <cmath>

#include "readers/report_text_builder.h"
#include "xxgk/positions.h"
#include "xxgk/source_reader.h"

namespace xxgk {

namespace {

using readers::Fragment;

constexpr double kCellGap = 3.2;      // points between boxes that separate cells (word gaps are 2–3 points)
constexpr double kAlign = 2.0;        // points within which wrapped cell lines start at the same x
constexpr double kParagraphGapHeights = 0.5;  // space between lines (in line heights) that separates paragraphs
constexpr double kFullLineHeights = 2.5;  // a line ending within this many line heights of the right margin wraps on

struct Line {
  uint32_t page = 0;
  uint32_t number = 0;  // 1-based line on its page
  double top = 0, bottom = 0;
  std::vector<const PdfTextBox*> boxes;  // left to right
};

struct Cell {
  double left = 0, right = 0;
  std::vector<const PdfTextBox*> boxes;
};

char32_t first_character(std::string_view text) {
  size_t length = 0;
  return text.empty() ? U' ' : decode_utf8(text, 0, length);
}

char32_t last_character(std::string_view text) {
  size_t at = text.size();
  while (at > 0 && (static_cast<unsigned char>(text[at - 1]) & 0xC0) == 0x80) --at;
  size_t length = 0;
  return at == 0 ? U' ' : decode_utf8(text, at - 1, length);
}

bool is_page_number(const Line& line) {
  std::string text;
  for (const PdfTextBox* box : line.boxes) text += box->text;
  return !text.empty() && text.size() <= 12 &&
         text.find_first_not_of("0123456789-–— ") == std::string::npos &&
         text.find_first_of("0123456789") != std::string::npos;
}

std::vector<Line> page_lines(const std::vector<PdfTextBox>& boxes, uint32_t page) {
  std::vector<const PdfTextBox*> sorted;
  for (const PdfTextBox& box : boxes)
    if (!box.text.empty() && std::isfinite(box.top) && std::isfinite(box.bottom) && std::isfinite(box.left))
      sorted.push_back(&box);
  std::stable_sort(sorted.begin(), sorted.end(), [](const PdfTextBox* a, const PdfTextBox* b) {
    return a->top + a->bottom < b->top + b->bottom;
  });
  std::vector<Line> lines;
  for (const PdfTextBox* box : sorted) {
    const double centre = (box->top + box->bottom) / 2;
    if (lines.empty() || centre > lines.back().bottom) {
      lines.push_back({page, 0, box->top, box->bottom, {}});
    }
    Line& line = lines.back();
    line.top = std::min(line.top, box->top);
    line.bottom = std::max(line.bottom, box->bottom);
    line.boxes.push_back(box);
  }
  for (Line& line : lines)
    std::stable_sort(line.boxes.begin(), line.boxes.end(),
                     [](const PdfTextBox* a, const PdfTextBox* b) { return a->left < b->left; });
  // Running page numbers in the first or last line are not part of the report.
  if (!lines.empty() && is_page_number(lines.back())) lines.pop_back();
  if (!lines.empty() && is_page_number(lines.front())) lines.erase(lines.begin());
  for (size_t i = 0; i < lines.size(); ++i) lines[i].number = static_cast<uint32_t>(i + 1);
  return lines;
}

// The line's boxes grouped into cells: a box starting within a cell gap of the previous cell's end joins it.
std::vector<Cell> cells_of(const Line& line) {
  std::vector<Cell> cells;
  for (const PdfTextBox* box : line.boxes) {
    if (!cells.empty() && box->left <= cells.back().right + kCellGap) {
      cells.back().right = std::max(cells.back().right, box->right);
      cells.back().boxes.push_back(box);
    } else {
      cells.push_back({box->left, box->right, {box}});
    }
  }
  // A cell's boxes read top to bottom (its wrapped lines), left to right within each.
  for (Cell& cell : cells)
    std::stable_sort(cell.boxes.begin(), cell.boxes.end(), [](const PdfTextBox* a, const PdfTextBox* b) {
      if (std::abs(a->top - b->top) > (a->bottom - a->top) / 2) return a->top < b->top;
      return a->left < b->left;
    });
  return cells;
}

class PdfLayout {
 public:
  explicit PdfLayout(SourceDocument& document) : builder_(document) {}

  void page(std::vector<Line> lines) {
    double right_margin = 0;
    for (const Line& line : lines) right_margin = std::max(right_margin, line.boxes.back()->right);
    for (const Line& line : lines) {
      std::vector<Cell> cells = cells_of(line);
      if (cells.size() >= 2) {
        end_paragraph();
        row(line, cells);
      } else if (!table_.empty() && continues_cell(cells.front(), line)) {
        append(table_.back().second, cells.front());
        table_.back().first.bottom = line.bottom;
      } else {
        end_table();
        // A paragraph goes on in this line when the previous one reached the right margin and, on the same page,
        // no paragraph spacing stands between them.
        const double height = line.bottom - line.top;
        const bool spaced = previous_page_ == line.page && line.top - previous_bottom_ > kParagraphGapHeights * height;
        if (!paragraph_.empty() && (!previous_full_ || spaced)) end_paragraph();
        add_boxes(paragraph_, cells.front().boxes, line);
        previous_full_ = line.boxes.back()->right >= right_margin - kFullLineHeights * height;
        previous_page_ = line.page;
        previous_bottom_ = line.bottom;
      }
    }
  }

  void finish() {
    end_paragraph();
    end_table();
  }

 private:
  // The location of text on `line`.
  static SourceLocation at(const Line& line) {
    SourceLocation location;
    location.kind = SourceLocation::Kind::PageLine;
    location.page = line.page;
    location.line = line.number;
    return location;
  }

  // Boxes are words. Between two Latin words (or numbers) a space is kept; next to a Chinese character none is, as
  // the space an office suite sets between Chinese and Latin text is not in the document's text.
  void add_boxes(Fragment& out, const std::vector<const PdfTextBox*>& boxes, const Line& line) {
    const PdfTextBox* previous = nullptr;
    for (const PdfTextBox* box : boxes) {
      if (previous && !readers::is_wide(last_character(previous->text)) && !readers::is_wide(first_character(box->text)))
        out.add(" ", position_++, 1, at(line));
      out.add_text(box->text, position_, at(line));
      position_ += box->text.size();
      previous = box;
    }
  }

  // A wrapped line of a cell follows the row closely (a new row, such as a block title spanning the table, comes
  // after the cells' padding) and starts where one of the row's cells starts.
  bool continues_cell(const Cell& cell, const Line& line) const {
    const Line& row = table_.back().first;
    if (row.page != line.page || line.top - row.bottom > kParagraphGapHeights * (line.bottom - line.top)) return false;
    return std::any_of(table_.back().second.begin(), table_.back().second.end(),
                       [&](const Cell& above) { return std::abs(above.left - cell.left) <= kAlign; });
  }

  // A wrapped cell line joins the cell above that starts where it starts.
  static void append(std::vector<Cell>& row, const Cell& continuation) {
    for (Cell& cell : row)
      if (std::abs(cell.left - continuation.left) <= kAlign) {
        cell.boxes.insert(cell.boxes.end(), continuation.boxes.begin(), continuation.boxes.end());
        return;
      }
  }

  void row(const Line& line, std::vector<Cell> cells) { table_.emplace_back(line, std::move(cells)); }

  void end_table() {
    if (table_.empty()) return;
    readers::TableGrid grid;
    for (const auto& [line, cells] : table_) {
      std::vector<Fragment>& out = grid.emplace_back();
      for (const Cell& cell : cells) add_boxes(out.emplace_back(), cell.boxes, line);
    }
    builder_.table(grid);
    table_.clear();
  }

  void end_paragraph() {
    builder_.paragraph(paragraph_);
    paragraph_ = Fragment();
    previous_full_ = false;
  }

  readers::ReportTextBuilder builder_;
  Fragment paragraph_;
  bool previous_full_ = false;
  uint32_t previous_page_ = 0;
  double previous_bottom_ = 0;
  std::vector<std::pair<Line, std::vector<Cell>>> table_;  // the rows of the table being read
  size_t position_ = 0;
};

}  // namespace

SourceDocument layout_pdf_pages(const std::vector<std::vector<PdfTextBox>>& pages) {
  SourceDocument document;
  document.format = SourceFormat::Pdf;
  PdfLayout layout(document);
  for (size_t i = 0; i < pages.size(); ++i) layout.page(page_lines(pages[i], static_cast<uint32_t>(i + 1)));
  layout.finish();
  if (!document.text.empty()) document.text += '\n';
  return document;
}

}  // namespace xxgk
