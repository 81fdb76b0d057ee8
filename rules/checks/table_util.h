// Shared by the table rules (T201–T208) and the arithmetic rules (A301–A304): where rows and cells are, how the
// document writes its tables (separator, outer pipes, line terminator), and the evaluation of the arithmetic
// identities of the format definition.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "xxgk/diagnostic.h"
#include "xxgk/model.h"
#include "xxgk/prose.h"
#include "xxgk/rule.h"
#include "xxgk/templates.h"

namespace xxgk {

// ---- Layout of the document -------------------------------------------------------------------------------------

// Whether the line starting at `pos` holds only whitespace (false at the end of the text).
bool blank_line_at(std::string_view text, size_t pos);

// ---- Rows and cells ---------------------------------------------------------------------------------------------

// The canonical row spec of a recognised data row, or null.
const RowSpec* row_spec(const Table& table, const Row& row);
// The first row matched to each canonical row of `table`'s spec, null where none is: what Table::rows_for(i).front()
// gives for every i, found in one pass over the rows rather than one pass (and one vector) per canonical row.
std::vector<const Row*> first_rows(const Table& table);
// Number of leading cells before the values (label area), and of empty cells after them, in `row`'s layout.
size_t leading_cells(const Row& row);
size_t trailing_cells(const Row& row);
// What stands between two non-empty cells of `row`: "\t", " | " or "|".
std::string cell_separator(const Row& row);
// Text of one row with `cells`, written the way `like` is (its separator, spacing around `|`, outer pipes); no
// terminator.
std::string format_row_like(const std::vector<std::string>& cells, const Row& like);
// The edit that writes `text` into `cell` of `row` (an empty cell between spaced pipes gets the spaces around it).
TextEdit fill_cell(const Row& row, const Cell& cell, std::string_view text);
// Whether a value cell holds nothing usable as a number: blank or a placeholder ("/", "-", "无" …).
bool is_empty_value(const Cell& cell);
// Full-width digits and decimal point converted to ASCII; other characters kept.
std::string ascii_digits(std::string_view text);

// ---- Arithmetic identities --------------------------------------------------------------------------------------

// A cell taking part in an identity.
struct IdentityTerm {
  const Cell* cell = nullptr;
  double value = 0;
  std::string_view name;  // the column label or the row label it stands for (in the format definition)
};

// One instance of an identity in a table: one row (row-sum), one column group (row-sum by groups) or one column
// (column-sum, balance). `right` holds the single total cell for sums, the right-hand side for a balance.
struct IdentityInstance {
  const IdentitySpec* identity = nullptr;
  std::string_view subject;  // what the instance is about: the row label, the column group or the column label
  std::vector<IdentityTerm> left;
  std::vector<IdentityTerm> right;
  double left_sum() const;
  double right_sum() const;
  bool holds() const;
};

// "自然人 40 + 商业企业 5 = 45" (names shown when `with_names`); "0" for no terms.
std::string terms_text(const std::vector<IdentityTerm>& terms, bool with_names);
// "自然人 40 + 商业企业 5 = 45，实际为 46": `shown` terms (all or some of the instance's), the full sum and the
// total as written.
std::string sum_statement(const std::vector<IdentityTerm>& shown, const IdentityInstance& instance, bool with_names);
// One related-information entry per term: the cell and "name：value".
std::vector<RelatedInformation> related_terms(const std::vector<IdentityTerm>& terms);
// The failing instances of `rule_id`'s identities (IdentitySpec::rule) over all recognised tables of the report.
// Instances touching a missing, repeated, incomplete or non-numeric row or cell are left out: T202–T206 report those,
// and a sum cannot be judged without them.
std::vector<IdentityInstance> identity_mismatches(const Report& report, std::string_view rule_id);
// Reports every failing instance of `rule_id`'s sum identities at its total cell (the only right-hand term), with the
// terms as related information (only the non-zero ones when `nonzero_related_only`: 21 zero cells explain nothing)
// and the unsafe fix setting the total to the sum. `message` words the mismatch.
using MismatchMessage = std::string (*)(const IdentityInstance&);
void report_total_mismatches(const CheckContext& ctx, DiagnosticSink& sink, std::string_view rule_id,
                             MismatchMessage message, bool nonzero_related_only = false);

}  // namespace xxgk
