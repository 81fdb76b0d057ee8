#include "old_format.h"

#include <algorithm>

#include "xxgk/normalize.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

bool any_cell(const Report& report, const std::vector<std::string>& labels) {
  for (const Table& table : report.tables)
    for (const Row& row : table.rows)
      for (const Cell& cell : row.cells)
        if (!cell.normalized.empty() && std::find(labels.begin(), labels.end(), cell.normalized) != labels.end())
          return true;
  return false;
}

// The format's wordings the decision compares, normalised once per format definition.
struct Marks {
  std::vector<std::string> table_two_columns, trial_labels, era_2008_headings;
};

const Marks& marks_of(const FormatDefinition& format) {
  return derived_from_format(format, [](const FormatDefinition& f) {
    const auto normalized = [](const std::vector<std::string>& words) {
      std::vector<std::string> out;
      for (const std::string& word : words) out.push_back(normalize_label(word));
      return out;
    };
    const TableSpec* table_two = f.table("table2");
    return Marks{table_two ? normalized(table_two->columns) : std::vector<std::string>{},
                 normalized(f.old_format_labels), normalized(f.old_format_headings)};
  });
}

// The 2021 format's own marks: table 三 or 四 recognised, or heading 三 or 四 written as the format writes it (the
// 2008-era reports had neither); table 二's 2021 column labels (the 试行 format had others).
bool has_2021_tables_or_headings(const Report& report) {
  if (report.table("table3") || report.table("table4")) return true;
  return std::any_of(report.headings.begin(), report.headings.end(), [](const Heading& h) {
    return (h.section == 3 || h.section == 4) && h.match == Match::Exact;
  });
}

bool has_2008_marks(const Report& report, const FormatDefinition& format) {
  const std::vector<std::string>& headings = marks_of(format).era_2008_headings;
  if (std::any_of(report.headings.begin(), report.headings.end(), [&](const Heading& h) {
        return std::find(headings.begin(), headings.end(), h.normalized) != headings.end();
      }))
    return true;
  const std::string_view text = report.search_text();
  return std::any_of(format.era_2008_marks.begin(), format.era_2008_marks.end(),
                     [&](const std::string& mark) { return text.find(mark) != std::string_view::npos; });
}

}  // namespace

OldFormatFinding old_format_of(const Report& report, const FormatDefinition& format) {
  if (report.year) {
    if (*report.year >= format.first_year) return {};
    return {*report.year >= format.trial_first_year ? OldFormat::Trial2019 : OldFormat::Era2008, true};
  }
  const Marks& marks = marks_of(format);
  if (any_cell(report, marks.table_two_columns)) return {};
  // A report that also has the 2021 format's tables or headings is a 2021 report with old labels left in it (a mixed
  // template): S109 reports those labels, and the 2021 checks apply.
  if (has_2021_tables_or_headings(report)) return {};
  if (any_cell(report, marks.trial_labels)) return {OldFormat::Trial2019, false};
  if (has_2008_marks(report, format)) return {OldFormat::Era2008, false};
  return {};
}

}  // namespace xxgk
