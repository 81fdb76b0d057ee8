#include "xxgk/model.h"

#include <algorithm>

namespace xxgk {

const Cell* Row::value(size_t column) const {
  if (!complete || column >= value_cells.size()) return nullptr;
  return &cells[value_cells[column]];
}

ByteRange Row::content() const {
  const auto filled = [](const Cell& c) { return !c.range.empty(); };
  const auto first = std::find_if(cells.begin(), cells.end(), filled);
  if (first == cells.end()) return range;
  const auto last = std::find_if(cells.rbegin(), cells.rend(), filled);
  return {first->range.begin, last->range.end};
}

std::vector<const Row*> Table::rows_for(int canonical) const {
  std::vector<const Row*> out;
  for (const Row& row : rows)
    if (row.kind == RowKind::Data && row.canonical == canonical) out.push_back(&row);
  return out;
}

const Row* Table::row_for(int canonical) const {
  if (canonical < 0 || static_cast<size_t>(canonical) >= single_row.size() || single_row[canonical] < 0) return nullptr;
  return &rows[static_cast<size_t>(single_row[canonical])];
}

const Row* Table::row_for(std::string_view id) const {
  if (!spec) return nullptr;
  const int index = spec->row_index(id);
  return index < 0 ? nullptr : row_for(index);
}

const Section* Report::section(int n) const {
  for (const Section& s : sections)
    if (s.number == n) return &s;
  return nullptr;
}

const Table* Report::table(std::string_view table_id) const {
  for (const Table& t : tables)
    if (t.spec && t.spec->id == table_id) return &t;
  return nullptr;
}

}  // namespace xxgk
