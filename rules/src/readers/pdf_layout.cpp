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
constexpr double kCellParagraphGapHeights = 1.0;  // at most this much space between the paragraphs of one table cell
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

// A table row: the line its cells start on (where it is located) and the last line that continued it.
struct Row {
  Line line;
  Line last;
  std::vector<Cell> cells;
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
    right_margin_ = 0;
    for (const Line& line : lines) right_margin_ = std::max(right_margin_, line.boxes.back()->right);
    for (const Line& line : lines) {
      std::vector<Cell> cells = cells_of(line);
      const bool numeric = std::any_of(cells.begin(), cells.end(), [](const Cell& cell) { return is_number(cell); });
      const bool label_line = !table_.empty() && !numeric && cells.size() == 1 && aligned(table_.back().cells, cells.front());
      if (!pending_.empty() &&
          !(follows(pending_.back().first, line) && (cells.size() >= 2 || label_line)))
        to_prose(pending_);
      // A line with an item number of its own ("5.属于三类") in a column of the row above begins the next row's
      // label, even right under the wrapped label of the row above (and beside its group label, "其他处").
      const bool new_label =
          !table_.empty() && std::any_of(cells.begin(), cells.end(), [&](const Cell& cell) {
            return !is_number(cell) && starts_with_item_number(cell) && aligned(table_.back().cells, cell);
          });
      if (!carried_.empty()) {
        const Line& held = carried_.back().first;
        if (label_line && !new_label && held.page == line.page &&
            line.top - held.bottom <= kCellParagraphGapHeights * (line.bottom - line.top)) {
          carried_.emplace_back(line, cells.front());
          continue;
        }
        if (numeric || new_label) go_on_with_last_row(carried_);
        else to_prose(carried_);
      }
      if (pending_.empty() && !table_.empty() && !new_label && label_line &&
          line.page != table_.back().last.page && follows(table_.back().last, line)) {
        // The first line of a page under a table that ended the page before: the label of its last row going on,
        // if the table goes on after it; a heading after the table, if not.
        carried_.emplace_back(line, cells.front());
      } else if (pending_.empty() && !table_.empty() && !new_label &&
                 ((!numeric && follows(table_.back().last, line) &&
                   (label_line ||
                    (table_has_values_ && (cells.size() >= 2 || line.page == table_.back().last.page)))) ||
                  (label_line && label_goes_on(table_.back(), line)))) {
        // Wrapped lines of the row's cells (a long label, a vertical header written a few characters a line).
        merge_into(table_.back().cells, cells);
        table_.back().last = line;
      } else if (pending_.empty() && numeric && !new_label && table_has_values_ && !has_values(table_.back()) &&
                 follows(table_.back().last, line)) {
        // The values of a row whose label began above them, on lines of their own: set in the middle of a tall
        // row, they stand beside a later line of the label.
        Row& row = table_.back();
        for (Cell& cell : cells) {
          if (!is_number(cell)) {
            merge_into(row.cells, {cell});
            continue;
          }
          const auto after = std::find_if(row.cells.begin(), row.cells.end(),
                                          [&](const Cell& held) { return held.left > cell.left; });
          row.cells.insert(after, std::move(cell));
        }
        row.last = line;
      } else if (cells.size() >= 2) {
        end_paragraph();
        // The lines of its label above its values (a label set in the middle of a tall cell), in reading order.
        for (auto held = pending_.rbegin(); held != pending_.rend(); ++held) merge_into(cells, {held->second}, true);
        const Line first = pending_.empty() ? line : pending_.front().first;
        pending_.clear();
        table_.push_back({first, line, std::move(cells)});
        table_has_values_ = table_has_values_ || numeric;
      } else if (label_line) {
        // Perhaps a line of the next row's label, above the row's values: kept for that row.
        pending_.emplace_back(line, cells.front());
      } else {
        end_table();
        paragraph_line(line, cells.front());
      }
    }
    if (continues_last_row_over_page()) go_on_with_last_row(pending_);
    if (!pending_.empty()) to_prose(pending_);
  }

  void finish() {
    if (!carried_.empty()) go_on_with_last_row(carried_);
    end_paragraph();
    end_table();
  }

 private:
  // A line of prose: it goes on the paragraph when the previous line reached the right margin and, on the same page,
  // no paragraph spacing stands between them.
  void paragraph_line(const Line& line, const Cell& cell) {
    const double height = line.bottom - line.top;
    const bool spaced = previous_page_ == line.page && line.top - previous_bottom_ > kParagraphGapHeights * height;
    if (!paragraph_.empty() && (!previous_full_ || spaced)) end_paragraph();
    add_boxes(paragraph_, cell.boxes, line);
    previous_full_ = line.boxes.back()->right >= right_margin_ - kFullLineHeights * height;
    previous_page_ = line.page;
    previous_bottom_ = line.bottom;
  }

  // Whether the label lines held at the foot of the page are the last row's label going on over the page: they
  // stand under its label within a paragraph's spacing (a label cell of two paragraphs, "…行政机关" / "不再处理其…")
  // and the first has no item number, as the next row's label would.
  bool continues_last_row_over_page() const {
    if (pending_.empty() || table_.empty() || !table_has_values_ || starts_with_item_number(pending_.front().second))
      return false;
    const Line& first = pending_.front().first;
    const Line& last = table_.back().last;
    return first.page == last.page && first.top - last.bottom <= kCellParagraphGapHeights * (first.bottom - first.top);
  }

  static bool has_values(const Row& row) {
    return std::any_of(row.cells.begin(), row.cells.end(), [](const Cell& cell) { return is_number(cell); });
  }

  // The top and bottom of the row's label cells (`values` false) or of its values (true).
  static std::pair<double, double> extent(const Row& row, bool values) {
    double top = INFINITY, bottom = -INFINITY;
    for (const Cell& cell : row.cells)
      if (is_number(cell) == values) {
        const auto [cell_top, cell_bottom] = extent(cell);
        top = std::min(top, cell_top), bottom = std::max(bottom, cell_bottom);
      }
    return {top, bottom};
  }

  static double right_of(const Cell& cell) {
    double right = cell.left;
    for (const PdfTextBox* box : cell.boxes) right = std::max(right, box->right);
    return right;
  }

  // Whether `line`, a label line a paragraph's spacing under the last row (a label cell of two paragraphs), is
  // still that row's label: the row is cut by the page, so its label goes on at the top of the next page down to
  // the next row's item number or values; or the row's label, set in the middle of its cell as its values are, has
  // not yet reached as far below their middle as it began above it.
  bool label_goes_on(const Row& row, const Line& line) const {
    const double height = line.bottom - line.top;
    if (line.page != row.last.page || line.top - row.last.bottom > kCellParagraphGapHeights * height) return false;
    if (row.last.page > row.line.page) return true;
    if (!has_values(row)) return false;
    const auto [label_top, label_bottom] = extent(row, false);
    const auto [values_top, values_bottom] = extent(row, true);
    const double middle = (values_top + values_bottom) / 2;
    return (label_top + label_bottom) / 2 < middle - kAlign && line.bottom <= 2 * middle - label_top + kAlign;
  }

  // Held lines that no row followed closely: prose after all.
  void to_prose(std::vector<std::pair<Line, Cell>>& lines) {
    const std::vector<std::pair<Line, Cell>> held = std::move(lines);
    lines.clear();
    end_table();
    for (const auto& [line, cell] : held) paragraph_line(line, cell);
  }

  // Held lines that go on with the label of the table's last row (the table goes on under them, or the label
  // runs down to the foot of the page).
  void go_on_with_last_row(std::vector<std::pair<Line, Cell>>& lines) {
    for (const auto& [line, cell] : lines) merge_into(table_.back().cells, {cell});
    table_.back().last = lines.back().first;
    lines.clear();
  }

  static bool is_number(const Cell& cell) {
    std::string text;
    for (const PdfTextBox* box : cell.boxes) text += box->text;
    return !text.empty() && text.find_first_not_of("0123456789.") == std::string::npos;
  }

  // `line` comes right under `above` with no more than line spacing between (a new row comes after the cells'
  // padding, a new paragraph after paragraph spacing), or opens the page after `above`'s: a row broken by the page.
  static bool follows(const Line& above, const Line& line) {
    if (line.page == above.page + 1 && line.number == 1) return true;
    return above.page == line.page && line.top - above.bottom <= kParagraphGapHeights * (line.bottom - line.top);
  }

  static bool aligned(const std::vector<Cell>& row, const Cell& cell) {
    return std::any_of(row.begin(), row.end(),
                       [&](const Cell& above) { return std::abs(above.left - cell.left) <= kAlign; });
  }

  // Adds each of `pieces` to the cell of `row` that starts where it starts; a piece left of every cell becomes the
  // row's first cell; any other joins the nearest cell on its left. `before`: the pieces come first in their cells.
  static void merge_into(std::vector<Cell>& row, const std::vector<Cell>& pieces, bool before = false) {
    for (const Cell& piece : pieces) {
      auto target = std::find_if(row.begin(), row.end(),
                                 [&](const Cell& cell) { return std::abs(cell.left - piece.left) <= kAlign; });
      if (target == row.end() && (row.empty() || piece.left < row.front().left)) {
        row.insert(row.begin(), piece);
        continue;
      }
      if (target == row.end())
        target = std::prev(std::find_if(row.begin() + 1, row.end(), [&](const Cell& cell) { return cell.left > piece.left; }));
      auto& boxes = target->boxes;
      boxes.insert(before ? boxes.begin() : boxes.end(), piece.boxes.begin(), piece.boxes.end());
    }
  }

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

  // A label cell set in the middle of a tall merged cell ("（三）不予公" / "开", or a column label three characters a
  // line) shares its lines with the rows it spans: a row's first cell that carries on the first cell of the row
  // above at line spacing, on the same page, in the same column and without an item number of its own, is that
  // cell's next line.
  void join_labels_across_rows() {
    for (size_t r = table_.size() - 1; r >= 1; --r) {
      std::vector<Cell>& cells = table_[r].cells;
      Cell& above = table_[r - 1].cells.front();
      if (cells.size() < 2 || table_[r].line.page != table_[r - 1].last.page || is_number(cells.front()) ||
          is_number(above) ||
          std::abs(cells.front().left - above.left) > kAlign || starts_with_item_number(cells.front()))
        continue;
      const double height = table_[r].line.bottom - table_[r].line.top;
      if (extent(cells.front()).first - extent(above).second > kParagraphGapHeights * height) continue;
      above.boxes.insert(above.boxes.end(), cells.front().boxes.begin(), cells.front().boxes.end());
      cells.erase(cells.begin());
    }
    join_group_labels();
  }

  // A group label (a cell beside the labels of the rows it spans, "三、本年度办理结果" or "（五）不予处理") whose
  // pieces fell to rows further apart than line spacing: set a character or two a line with wide spacing, or cut by
  // the page. A piece without an item number goes on the nearest piece above it in its column, when the rows between
  // have no cell there (they lie within the group) and both stand beside a row's label.
  void join_group_labels() {
    for (size_t r = table_.size() - 1; r >= 1; --r) {
      std::vector<Cell>& cells = table_[r].cells;
      if (!has_values(table_[r])) continue;
      for (size_t c = 0; c < cells.size();) {
        Cell* group =
            is_group_piece(cells, c) && !starts_with_item_number(cells[c]) ? piece_above(r, cells[c]) : nullptr;
        if (!group) {
          ++c;
          continue;
        }
        group->boxes.insert(group->boxes.end(), cells[c].boxes.begin(), cells[c].boxes.end());
        cells.erase(cells.begin() + static_cast<std::ptrdiff_t>(c));
      }
    }
  }

  // Whether cells[c] is a label with another label to its right that starts past its end: a group label's column.
  static bool is_group_piece(const std::vector<Cell>& cells, size_t c) {
    return c + 1 < cells.size() && !is_number(cells[c]) && !is_number(cells[c + 1]) &&
           right_of(cells[c]) <= cells[c + 1].left;
  }

  // The group label piece in `piece`'s column in the nearest row above row `r` that has a cell over that column.
  Cell* piece_above(size_t r, const Cell& piece) {
    for (size_t above = r; above-- > 0;) {
      std::vector<Cell>& cells = table_[above].cells;
      for (size_t c = 0; c < cells.size(); ++c) {
        if (cells[c].left > piece.left + kAlign || right_of(cells[c]) < piece.left) continue;
        const bool joins = std::abs(cells[c].left - piece.left) <= kAlign && has_values(table_[above]) &&
                           is_group_piece(cells, c);
        return joins ? &cells[c] : nullptr;
      }
    }
    return nullptr;
  }

  // The top and bottom of a cell's text.
  static std::pair<double, double> extent(const Cell& cell) {
    double top = INFINITY, bottom = -INFINITY;
    for (const PdfTextBox* box : cell.boxes) top = std::min(top, box->top), bottom = std::max(bottom, box->bottom);
    return {top, bottom};
  }

  static bool starts_with_item_number(const Cell& cell) {
    const std::string_view text = cell.boxes.front()->text;
    if (text.starts_with("（") || text.starts_with("(") || (!text.empty() && text[0] >= '0' && text[0] <= '9'))
      return true;
    for (std::string_view numeral : {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"})
      if (text.starts_with(numeral) && text.substr(numeral.size()).starts_with("、")) return true;
    return false;
  }

  void end_table() {
    if (table_.empty()) return;
    join_labels_across_rows();
    readers::TableGrid grid;
    for (const Row& row : table_) {
      std::vector<Fragment>& out = grid.emplace_back();
      for (const Cell& cell : row.cells) add_boxes(out.emplace_back(), cell.boxes, row.line);
    }
    builder_.table(grid);
    table_.clear();
    table_has_values_ = false;
  }

  void end_paragraph() {
    builder_.paragraph(paragraph_);
    paragraph_ = Fragment();
    previous_full_ = false;
  }

  readers::ReportTextBuilder builder_;
  Fragment paragraph_;
  double right_margin_ = 0;  // of the page being read: the rightmost end of its lines
  bool previous_full_ = false;
  uint32_t previous_page_ = 0;
  double previous_bottom_ = 0;
  std::vector<Row> table_;                        // the rows of the table being read
  bool table_has_values_ = false;                 // a row of it holds numbers: past its header rows
  std::vector<std::pair<Line, Cell>> pending_;    // lines that may begin the next row's label
  std::vector<std::pair<Line, Cell>> carried_;    // lines atop a page that may go on with the last row's label
  size_t position_ = 0;
};

}  // namespace

SourceDocument layout_pdf_pages(const std::vector<std::vector<PdfTextBox>>& pages) {
  SourceDocument document;
  document.format = SourceFormat::Pdf;
  document.merged_cells_lost = true;
  PdfLayout layout(document);
  for (size_t i = 0; i < pages.size(); ++i) layout.page(page_lines(pages[i], static_cast<uint32_t>(i + 1)));
  layout.finish();
  if (!document.text.empty()) document.text += '\n';
  return document;
}

}  // namespace xxgk
