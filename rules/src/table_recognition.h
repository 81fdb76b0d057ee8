// Recognising a table against the format definition: which schema it follows, and for each row whether it is a
// header, the 勾稽关系 note, a group label or a canonical data row, with its label and value cells.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "xxgk/format.h"
#include "xxgk/model.h"

namespace xxgk {

// The schema whose fingerprints the table's labels match best, or the schema of `section` when some row label
// matches it; null when the table follows no known schema.
const TableSpec* recognise_table_spec(const Table& table, const FormatDefinition& format, int section);

// Splits a syntax-tree table whose rows follow several schemas (table 二 directly followed by table 三 when the
// heading between them is missing) into one table per schema. Rows that point at no schema (headers, blanks) go with
// the table whose rows follow them.
std::vector<Table> split_by_schema(Table table, const FormatDefinition& format);

// Classifies every row of `table` against `table.spec` and fills kind, canonical, label, label and value cells,
// and the table's group labels. Rows of a table without spec are only split into label and value cells.
void recognise_rows(Table& table, std::string_view text);

// The schema that a label (normalised) names by a canonical row label, group label, fingerprint or the 勾稽关系
// note; null when none.
const TableSpec* schema_named_by(std::string_view label, const FormatDefinition& format);

// Whether `label` (normalised) is the beginning of a row or group label of a table, not the whole of it ("三、本" of
// 三、本年度办理结果 broken over lines).
bool begins_label(std::string_view label, const FormatDefinition& format);

// A table rebuilt from cells written one per line (a web page's or Word's table copied as text), in reading order:
// its schema from the cells' labels, its rows from where labels and values stand. When the rows do not come out as
// whole canonical rows, the table is unreadable (no rows). Without a spec (no schema named, or no header, block title
// or note among the cells) the cells are no table. `section` is the canonical section it stands in.
Table table_from_cells(std::vector<Cell> cells, const FormatDefinition& format, int section, std::string_view text);

// Drops the rows of a table whose cells cannot be recovered, and marks it unreadable.
void mark_unreadable(Table& table);

// Fills `table.single_row` from the rows' canonical matches; once the table's rows are final (after merging).
void index_canonical_rows(Table& table);

// A canonical wording in normalised form with its length in code points, in which the fuzzy match counts.
struct NormalizedWording {
  std::string text;
  size_t code_points = 0;
  explicit NormalizedWording(std::string normalized);
};

// How `normalized` (a normalize_label result of `code_points` code points) matches `canonical` and its accepted
// `variants`.
Match match_wording(std::string_view normalized, size_t code_points, const NormalizedWording& canonical,
                    const std::vector<std::string>& variants);

}  // namespace xxgk
