#include "readers/report_text_builder.h"

#include <algorithm>

#include "xxgk/positions.h"

namespace xxgk::readers {

namespace {

bool is_collapsible_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0;
}

constexpr size_t kMaxGridColumns = 1000;

}  // namespace

bool is_wide(char32_t c) { return c >= 0x2E80 && !(c >= 0xFF61 && c <= 0xFFDC); }

void Fragment::append(std::string_view bytes, size_t source_begin, size_t source_size, const SourceLocation& location) {
  const size_t text_begin = text_.size();
  text_.append(bytes);
  // Extend the last span when this character continues it byte for byte in both text and source.
  if (!spans_.empty()) {
    SourceSpan& last = spans_.back();
    const bool last_linear = last.text_end - last.text_begin == last.source_end - last.source_begin;
    if (last_linear && last.text_end == text_begin && last.source_end == source_begin &&
        source_size == bytes.size() && last.location == location) {
      last.text_end = text_.size();
      last.source_end = source_begin + source_size;
      return;
    }
  }
  spans_.push_back({text_begin, text_.size(), source_begin, source_begin + source_size, location});
}

void Fragment::append_visible(std::string_view characters, char32_t first, char32_t last, size_t source_begin,
                              size_t source_size, const SourceLocation& location) {
  if (pending_space_ && !text_.empty() && !(is_wide(first) && last_wide_))
    append(" ", pending_source_, 1, pending_location_);
  pending_space_ = false;
  append(characters, source_begin, source_size, location);
  last_wide_ = is_wide(last);
}

void Fragment::add(std::string_view character, size_t source_begin, size_t source_size, SourceLocation location) {
  size_t length = 0;
  const char32_t c = decode_utf8(character, 0, length);
  if (is_collapsible_space(c)) {
    if (!pending_space_) {
      pending_space_ = true;
      pending_source_ = source_begin;
      pending_location_ = location;
    }
    return;
  }
  append_visible(character, c, c, source_begin, source_size, location);
}

void Fragment::add_text(std::string_view text, size_t source_begin, SourceLocation location) {
  // A run of characters between spaces is appended at once: it is one span, byte for byte, as character after
  // character would make it.
  for (size_t i = 0; i < text.size();) {
    size_t length = 0;
    const char32_t first = decode_utf8(text, i, length);
    if (is_collapsible_space(first)) {
      add(text.substr(i, length), source_begin + i, length, location);
      i += length;
      continue;
    }
    char32_t last = first;
    size_t end = i + length;
    while (end < text.size()) {
      const char32_t c = decode_utf8(text, end, length);
      if (is_collapsible_space(c)) break;
      last = c;
      end += length;
    }
    append_visible(text.substr(i, end - i), first, last, source_begin + i, end - i, location);
    i = end;
  }
}

void Fragment::set_anchor(size_t source_begin, SourceLocation location) {
  has_anchor_ = true;
  anchor_ = source_begin;
  anchor_location_ = location;
}

void ReportTextBuilder::put(const Fragment& fragment) {
  const size_t base = document_.text.size();
  document_.text += fragment.text_;
  if (fragment.text_.empty()) {
    if (fragment.has_anchor_)
      document_.spans.push_back({base, base, fragment.anchor_, fragment.anchor_, fragment.anchor_location_});
    return;
  }
  for (SourceSpan span : fragment.spans_) {
    span.text_begin += base;
    span.text_end += base;
    document_.spans.push_back(span);
  }
}

void ReportTextBuilder::separate_block() {
  if (!document_.text.empty()) document_.text += "\n\n";
}

void ReportTextBuilder::paragraph(const Fragment& fragment) {
  if (fragment.empty()) return;
  separate_block();
  put(fragment);
}

void ReportTextBuilder::table(const TableGrid& grid) {
  bool first = true;
  for (const std::vector<Fragment>& row : grid) {
    if (std::all_of(row.begin(), row.end(), [](const Fragment& cell) { return cell.empty(); })) continue;
    if (first) separate_block();
    else document_.text += '\n';
    first = false;
    for (size_t column = 0; column < row.size(); ++column) {
      if (column > 0) document_.text += '\t';
      put(row[column]);
    }
  }
}

TableGrid expand_spans(std::vector<std::vector<SpannedCell>> rows) {
  TableGrid grid(rows.size());
  std::vector<size_t> busy_until;  // per grid column: the first row not covered by a cell spanning from above
  size_t width = 0;
  for (size_t r = 0; r < rows.size(); ++r) {
    std::vector<Fragment>& out = grid[r];
    size_t column = 0;
    for (SpannedCell& cell : rows[r]) {
      while (column < busy_until.size() && busy_until[column] > r) ++column;
      if (column >= kMaxGridColumns) break;
      const size_t colspan = std::clamp<size_t>(cell.colspan, 1, kMaxGridColumns - column);
      const size_t rowspan = std::clamp<size_t>(cell.rowspan, 1, rows.size() - r);
      if (busy_until.size() < column + colspan) busy_until.resize(column + colspan, 0);
      if (out.size() < column + colspan) out.resize(column + colspan);
      for (size_t k = column; k < column + colspan; ++k) busy_until[k] = r + rowspan;
      out[column] = std::move(cell.fragment);
      column += colspan;
    }
    width = std::max({width, out.size(), busy_until.size()});
  }
  for (std::vector<Fragment>& row : grid) row.resize(width);
  return grid;
}

std::string chinese_numeral(uint32_t n) {
  static constexpr std::string_view kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  const std::string ones = n % 10 ? std::string(kDigits[n % 10]) : "";
  if (n < 10) return std::string(kDigits[n]);
  if (n < 20) return "十" + ones;
  if (n < 100) return std::string(kDigits[n / 10]) + "十" + ones;
  return std::to_string(n);
}

}  // namespace xxgk::readers
