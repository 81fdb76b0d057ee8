// The report-level facts several content rules need: the lines and prose of the report, the reporting year, the
// statistics-period statement, the fee statement, the integer value of a table cell.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xxgk/prose.h"
#include "xxgk/rule.h"
#include "xxgk/text.h"

namespace xxgk::content {

using text::Line;
using prose::Date;
using prose::YearMention;

// The lines of the report's search_text(), found once per lint: several rules walk them.
const std::vector<Line>& text_lines(const CheckContext& context);
// The lines of search_text() that start inside `range` (the last one may extend past range.end to its terminator; the
// first starts at range.begin, also when that is inside a line).
std::vector<Line> lines_in(const CheckContext& context, ByteRange range);
// The first line of `ranges` (clipped to its range) with text, trimmed.
std::optional<ByteRange> first_text_line(const CheckContext& context, const std::vector<ByteRange>& ranges);

// ---- the report ----------------------------------------------------------------------------------------------------

// The parts of `range` that are prose: tables and HTML comments cut out.
std::vector<ByteRange> prose_ranges(const Report& report, ByteRange range);
// The prose of a section's body.
std::vector<ByteRange> section_prose(const Report& report, const Section& section);
// The prose of the preamble and of every section body (no title, no headings, no tables), in order; found once per
// lint.
const std::vector<ByteRange>& document_prose(const CheckContext& context);

// The value cell `column` of row `row_id` in table `table_id` when it holds an integer; null when the table or the
// row is missing, the row is repeated or misshapen, or the cell is empty or not an integer (T2xx rules report those).
const Cell* integer_cell(const Report& report, std::string_view table_id, std::string_view row_id, size_t column);
// The cell's integer value (only for cells integer_cell returned).
long long cell_integer(const Cell& cell);

// The title's year, with its location in the title.
std::optional<YearMention> title_year(const Report& report);

// The sentence stating the statistics period ("本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止"): in
// the preamble, a sentence with 统计/期限/时限 and a date, or a range of dates from a 1 January (至/到); elsewhere in
// the prose, a sentence with 统计/期限/时限 and two dates.
struct StatisticsPeriod {
  ByteRange sentence;
  std::vector<Date> dates;  // in order; the first is the start
};
// Found once per lint.
const std::optional<StatisticsPeriod>& find_statistics_period(const CheckContext& context);

// Section 六's 信息处理费 statement: the prose lines that mention the fee (format.fee_keywords) or fee notices
// (format.fee_notice_count_words), and the sentence of the last fee mention, where a finding about it is shown.
struct FeeStatement {
  std::vector<ByteRange> lines;
  ByteRange sentence;
};
std::optional<FeeStatement> find_fee_statement(const CheckContext& context, const Section& section);

// The reporting year N: the configured year, else the title's year, else the statistics period's first year.
std::optional<int> reporting_year(const CheckContext& context);

}  // namespace xxgk::content
