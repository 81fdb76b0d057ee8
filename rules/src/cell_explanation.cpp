#include "xxgk/cell_explanation.h"

#include "xxgk/analysis.h"

#include <algorithm>

#include "table_util.h"
#include "xxgk/format.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

bool touches(ByteRange range, size_t offset) { return range.begin <= offset && offset <= range.end; }

struct CellLocation {
  const Table* table = nullptr;
  const Row* row = nullptr;
  size_t cell = 0;
};

std::optional<CellLocation> cell_at(const Report& report, size_t offset) {
  for (const Table& table : report.tables) {
    if (!touches(table.range, offset)) continue;
    for (const Row& row : table.rows) {
      if (!touches(row.range, offset)) continue;
      for (size_t i = 0; i < row.cells.size(); ++i) {
        if (touches(row.cells[i].raw, offset)) return CellLocation{&table, &row, i};
      }
    }
  }
  return std::nullopt;
}

// The value column of a cell: only meaningful in a row with exactly the expected number of values.
std::optional<size_t> value_column(const Row& row, size_t cell) {
  if (!row.complete) return std::nullopt;
  const auto found = std::find(row.value_cells.begin(), row.value_cells.end(), cell);
  if (found == row.value_cells.end()) return std::nullopt;
  return static_cast<size_t>(found - row.value_cells.begin());
}

std::string column_label(const TableSpec& spec, const RowSpec* row, size_t column) {
  // Table 二 is a stack of blocks with their own headers; its first header cell is the label column.
  if (row && !spec.blocks.empty()) {
    for (const BlockSpec& block : spec.blocks) {
      if (block.group == row->group && column + 1 < block.header.size()) return block.header[column + 1];
    }
  }
  if (column < spec.columns.size()) return spec.columns[column];
  return "第" + std::to_string(column + 1) + "列";
}

std::string row_label(const Report& report, const Table& table, const Row& row) {
  if (const RowSpec* spec = row_spec(table, row); spec && !spec->label.empty()) return spec->label;
  return std::string(report.slice(row.label));
}

std::optional<TotalExplanation> total_explanation(const Table& table, const Row& row, size_t column) {
  const RowSpec* spec = row_spec(table, row);
  if (!table.spec || !spec) return std::nullopt;
  const int row_index = table.spec->row_index(spec->id);
  std::vector<CellTerm> terms;
  for (const IdentitySpec& identity : table.spec->identities) {
    if (identity.kind == IdentityKind::RowSum) {
      if (!identity.applies_to_row(row_index)) continue;
      for (const std::vector<int>& group : identity.column_sums) {
        if (group.empty() || group.back() != static_cast<int>(column)) continue;
        for (auto term = group.begin(); term + 1 != group.end(); ++term) {
          const auto term_column = static_cast<size_t>(*term);
          terms.push_back({column_label(*table.spec, spec, term_column), row.value(term_column)});
        }
      }
    } else if (identity.kind == IdentityKind::ColumnSum && identity.total_row_index == row_index) {
      for (const int index : identity.term_row_indices) {
        const RowSpec& term_spec = table.spec->rows[static_cast<size_t>(index)];
        const Row* term_row = table.row_for(index);
        terms.push_back({term_spec.label, term_row ? term_row->value(column) : nullptr});
      }
    }
    if (!terms.empty()) break;
  }
  if (terms.empty()) return std::nullopt;
  TotalExplanation total;
  total.terms = std::move(terms);
  for (const CellTerm& term : total.terms) {
    if (term.cell && term.cell->value.is_number()) {
      total.sum += term.cell->value.number;
    } else {
      total.complete = false;
    }
  }
  return total;
}

// Whether `rule` checks a sum (a row-sum or column-sum identity) in some table of the format.
bool checks_a_sum(const Report& report, std::string_view rule) {
  for (const Table& table : report.tables) {
    if (!table.spec) continue;
    for (const IdentitySpec& identity : table.spec->identities) {
      if (identity.rule == rule && identity.is_sum()) return true;
    }
  }
  return false;
}

}  // namespace

std::optional<CellExplanation> Analysis::explain_cell(size_t offset) const {
  const Report& report = report_;
  const std::optional<CellLocation> location = cell_at(report, offset);
  if (!location || !location->table->spec) return std::nullopt;
  const Table& table = *location->table;
  const Row& row = *location->row;
  const std::optional<size_t> column = value_column(row, location->cell);
  if (!column) return std::nullopt;
  return CellExplanation{&table,
                         &row,
                         &row.cells[location->cell],
                         row_label(report, table, row),
                         column_label(*table.spec, row_spec(table, row), *column),
                         total_explanation(table, row, *column)};
}

std::vector<WrongTotal> Analysis::wrong_totals(const std::vector<Diagnostic>& diagnostics) const {
  const Report& report = report_;
  std::vector<WrongTotal> totals;
  for (const Diagnostic& diagnostic : diagnostics) {
    if (!diagnostic.rule || !checks_a_sum(report, diagnostic.rule->id)) continue;
    // The fix (when there is one) rewrites exactly the total cell; otherwise the diagnostic points at it.
    const size_t anchor = !diagnostic.fixes.empty() && !diagnostic.fixes.front().edits.empty()
                              ? diagnostic.fixes.front().edits.front().range.begin
                              : diagnostic.range.begin;
    const std::optional<CellLocation> location = cell_at(report, anchor);
    if (!location) continue;
    const std::optional<size_t> column = value_column(*location->row, location->cell);
    if (!column) continue;
    const std::optional<TotalExplanation> total = total_explanation(*location->table, *location->row, *column);
    if (!total || !total->complete) continue;
    totals.push_back({&location->row->cells[location->cell], total->sum});
  }
  return totals;
}

}  // namespace xxgk
