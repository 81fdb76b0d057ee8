#include "table_util.h"

#include <cmath>
#include <cstdio>
#include <optional>

namespace xxgk {

// ---- Layout of the document -------------------------------------------------------------------------------------

bool blank_line_at(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  const size_t end = line_end_at(text, pos);
  std::string_view line = text.substr(pos, end - pos);
  while (!line.empty()) {
    if (line[0] == ' ' || line[0] == '\t') {
      line.remove_prefix(1);
    } else if (line.starts_with("\u3000")) {
      line.remove_prefix(3);
    } else {
      return false;
    }
  }
  return true;
}

// ---- Rows and cells ---------------------------------------------------------------------------------------------

const RowSpec* row_spec(const Table& table, const Row& row) {
  if (!table.spec || row.canonical < 0 || static_cast<size_t>(row.canonical) >= table.spec->rows.size()) return nullptr;
  return &table.spec->rows[static_cast<size_t>(row.canonical)];
}

std::vector<const Row*> first_rows(const Table& table) {
  std::vector<const Row*> first(table.spec ? table.spec->rows.size() : 0, nullptr);
  for (const Row& row : table.rows)
    if (row.kind == RowKind::Data && row.canonical >= 0 && static_cast<size_t>(row.canonical) < first.size() &&
        !first[static_cast<size_t>(row.canonical)])
      first[static_cast<size_t>(row.canonical)] = &row;
  return first;
}

size_t leading_cells(const Row& row) {
  if (!row.value_cells.empty()) return row.value_cells.front();
  return row.label_cells.empty() ? 0 : row.label_cells.back() + 1;
}

size_t trailing_cells(const Row& row) {
  if (row.value_cells.empty()) return 0;
  return row.cells.size() - row.value_cells.back() - 1;
}

namespace {

// Whether the row writes its pipes with spaces around the cell text ("a | b") rather than tight ("a|b").
bool spaced_pipes(const Row& row) {
  for (const Cell& cell : row.cells)
    if (!cell.range.empty()) return cell.range.begin > cell.raw.begin || cell.range.end < cell.raw.end;
  return true;
}

}  // namespace

std::string cell_separator(const Row& row) {
  if (row.separator != '|') return std::string(1, row.separator);
  return spaced_pipes(row) ? " | " : "|";
}

std::string format_row_like(const std::vector<std::string>& cells, const Row& like) {
  const std::string separator = cell_separator(like);
  std::string line;
  if (!like.outer_pipes) {
    for (size_t i = 0; i < cells.size(); ++i) line += (i > 0 ? separator : "") + cells[i];
    while (!line.empty() && line.back() == ' ') line.pop_back();  // " | " before a trailing empty cell
    return line;
  }
  const std::string pad = separator == "|" ? "" : " ";
  line += '|';
  for (const std::string& cell : cells) line += (cell.empty() ? pad : pad + cell + pad) + "|";
  return line;
}

TextEdit fill_cell(const Row& row, const Cell& cell, std::string_view text) {
  if (row.separator != '|' || !cell.range.empty() || !spaced_pipes(row)) return {cell.range, std::string(text)};
  // An empty cell between spaced pipes is written like its neighbours: "| 0 |".
  // Appended piece by piece: " " + std::string(text) trips GCC 12's -Wrestrict false positive on string insert.
  std::string spaced;
  spaced.reserve(text.size() + 2);
  spaced.append(1, ' ').append(text).append(1, ' ');
  return {cell.raw, std::move(spaced)};
}

bool is_empty_value(const Cell& cell) {
  return cell.value.kind == ValueKind::Empty || cell.value.kind == ValueKind::Placeholder;
}

std::string ascii_digits(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    // U+FF10..U+FF19 (０..９) are EF BC 90..99; U+FF0E (．) is EF BC 8E.
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    if (i + 2 < text.size() && byte(i) == 0xEF && byte(i + 1) == 0xBC) {
      if (byte(i + 2) >= 0x90 && byte(i + 2) <= 0x99) {
        out += static_cast<char>('0' + (byte(i + 2) - 0x90));
        i += 2;
        continue;
      }
      if (byte(i + 2) == 0x8E) {
        out += '.';
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// ---- Arithmetic identities --------------------------------------------------------------------------------------

namespace {

double sum_of(const std::vector<IdentityTerm>& terms) {
  double sum = 0;
  for (const IdentityTerm& term : terms) sum += term.value;
  return sum;
}

// Table 四's value columns are named "行政复议·结果维持": the part before "·" names the group, the part after the
// column within it. Other tables' columns have no "·".
constexpr std::string_view kColumnGroupMark = "·";

std::string_view column_group(std::string_view label) {
  const size_t mark = label.find(kColumnGroupMark);
  return mark == std::string_view::npos ? label : label.substr(0, mark);
}

std::string_view column_leaf(std::string_view label) {
  const size_t mark = label.find(kColumnGroupMark);
  return mark == std::string_view::npos ? label : label.substr(mark + kColumnGroupMark.size());
}

// The term of `row` (the table's row_for a canonical row, null when missing or repeated) at `column`.
std::optional<IdentityTerm> term_at(const Row* row, size_t column, std::string_view name) {
  const Cell* cell = row ? row->value(column) : nullptr;
  if (!cell || !cell->value.is_number()) return std::nullopt;
  return IdentityTerm{cell, cell->value.number, name};
}

// Appends to `out` the term of each canonical row in `rows` at `column`; false when one cannot be read.
bool collect_rows(const Table& table, const std::vector<int>& rows, size_t column, std::vector<IdentityTerm>& out) {
  for (const int index : rows) {
    if (index < 0) return false;
    auto term = term_at(table.row_for(index), column, table.spec->rows[static_cast<size_t>(index)].label);
    if (!term) return false;
    out.push_back(std::move(*term));
  }
  return true;
}

// The instances are built in one scratch instance, reused, and copied out only when they fail: most hold, and a
// report has hundreds of them.
void keep_if_failing(const IdentityInstance& instance, std::vector<IdentityInstance>& mismatches) {
  if (!instance.holds()) mismatches.push_back(instance);
}

void row_sum_mismatches(const Table& table, const IdentitySpec& identity, IdentityInstance& scratch,
                        std::vector<IdentityInstance>& mismatches) {
  const TableSpec& spec = *table.spec;
  // Each column's name, cut from its label once rather than for every row.
  std::vector<std::string_view> column_names;
  column_names.reserve(spec.columns.size());
  for (const std::string& label : spec.columns) column_names.push_back(column_leaf(label));
  const auto check_group = [&](int row_index, const Row& row, const std::vector<int>& group) {
    if (group.size() < 2) return;
    scratch.left.clear();
    scratch.right.clear();
    const std::string& total_label = spec.columns.at(static_cast<size_t>(group.back()));
    scratch.subject = identity.groups.empty() ? std::string_view(spec.rows[static_cast<size_t>(row_index)].label)
                                              : column_group(total_label);
    for (size_t k = 0; k < group.size(); ++k) {
      const auto column = static_cast<size_t>(group[k]);
      auto term = term_at(&row, column, column_names.at(column));
      if (!term) return;
      (k + 1 < group.size() ? scratch.left : scratch.right).push_back(*term);
    }
    keep_if_failing(scratch, mismatches);
  };
  const auto check_row = [&](int row_index) {
    const Row* row = table.row_for(row_index);
    if (!row) return;  // no term of it can be read
    for (const std::vector<int>& group : identity.column_sums) check_group(row_index, *row, group);
  };
  if (identity.row_indices.empty()) {
    for (size_t i = 0; i < spec.rows.size(); ++i) check_row(static_cast<int>(i));
  } else {
    for (const int row_index : identity.row_indices) check_row(row_index);
  }
}

void per_column_mismatches(const Table& table, const IdentitySpec& identity, IdentityInstance& scratch,
                           std::vector<IdentityInstance>& mismatches) {
  const bool balance = identity.kind == IdentityKind::Balance;
  const std::vector<int>& left_rows = balance ? identity.left_indices : identity.term_row_indices;
  const std::vector<int> right_rows = balance ? identity.right_indices : std::vector<int>{identity.total_row_index};
  for (size_t column = 0; column < table.spec->columns.size(); ++column) {
    scratch.left.clear();
    scratch.right.clear();
    scratch.subject = table.spec->columns[column];
    if (collect_rows(table, left_rows, column, scratch.left) && collect_rows(table, right_rows, column, scratch.right))
      keep_if_failing(scratch, mismatches);
  }
}

}  // namespace

double IdentityInstance::left_sum() const { return sum_of(left); }
double IdentityInstance::right_sum() const { return sum_of(right); }
bool IdentityInstance::holds() const { return std::fabs(left_sum() - right_sum()) < 1e-6; }

std::vector<IdentityInstance> identity_mismatches(const Report& report, std::string_view rule_id) {
  std::vector<IdentityInstance> mismatches;
  IdentityInstance scratch;
  for (const Table& table : report.tables) {
    if (!table.spec) continue;
    for (const IdentitySpec& identity : table.spec->identities) {
      if (identity.rule != rule_id) continue;
      scratch.identity = &identity;
      if (identity.kind == IdentityKind::RowSum)
        row_sum_mismatches(table, identity, scratch, mismatches);
      else
        per_column_mismatches(table, identity, scratch, mismatches);
    }
  }
  return mismatches;
}

std::string terms_text(const std::vector<IdentityTerm>& terms, bool with_names) {
  if (terms.empty()) return "0";
  std::string text;
  for (const IdentityTerm& term : terms) {
    if (!text.empty()) text += " + ";
    if (with_names) text.append(term.name).append(" ");
    text += prose::format_number(term.value, prose::kMessageDigits);
  }
  return text;
}

std::string sum_statement(const std::vector<IdentityTerm>& shown, const IdentityInstance& instance, bool with_names) {
  return terms_text(shown, with_names) + " = " + prose::format_number(instance.left_sum(), prose::kMessageDigits) +
         "，实际为 " + prose::format_number(instance.right_sum(), prose::kMessageDigits);
}

std::vector<RelatedInformation> related_terms(const std::vector<IdentityTerm>& terms) {
  std::vector<RelatedInformation> related;
  for (const IdentityTerm& term : terms)
    related.push_back(
        {term.cell->range, std::string(term.name) + "：" + prose::format_number(term.value, prose::kMessageDigits)});
  return related;
}

void report_total_mismatches(const CheckContext& ctx, DiagnosticSink& sink, std::string_view rule_id,
                             MismatchMessage message, bool nonzero_related_only) {
  for (const IdentityInstance& mismatch : identity_mismatches(ctx.report, rule_id)) {
    const IdentityTerm& total = mismatch.right.front();
    const std::string sum = prose::format_number(mismatch.left_sum(), prose::kMessageDigits);
    Diagnostic& diagnostic = sink.report(total.cell->range, message(mismatch));
    std::vector<IdentityTerm> shown;
    for (const IdentityTerm& term : mismatch.left)
      if (!nonzero_related_only || term.value != 0) shown.push_back(term);
    diagnostic.related = related_terms(shown);
    diagnostic.fixes.push_back(Fix{"将“" + std::string(total.name) + "”改为 " + sum, false, {TextEdit{total.cell->range, sum}}});
  }
}

}  // namespace xxgk
