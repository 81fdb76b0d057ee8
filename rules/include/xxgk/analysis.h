// The facts about one report that rules and the language server read: worked out here, once per lint and only when
// first asked for, from the model (model.h), the format definition and the options. Readers never derive a fact
// again; a new fact gets a member here. CONTRIBUTING.md "Where each fact lives" lists each fact and where it is made.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xxgk/cell_explanation.h"
#include "xxgk/format.h"
#include "xxgk/model.h"
#include "xxgk/options.h"
#include "xxgk/prose.h"
#include "xxgk/templates.h"
#include "xxgk/text.h"

namespace xxgk {

// Where the reporting year came from.
enum class YearSource { Option, Title, StatisticsPeriod };

struct ReportingYear {
  int value = 0;
  YearSource source = YearSource::Option;
};

// The sentence stating the statistics period ("本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止"): in
// the preamble, a sentence with 统计/期限/时限 and a date, or a range of dates from a 1 January (至/到); elsewhere in
// the prose, a sentence with 统计/期限/时限 and two dates.
struct StatisticsPeriod {
  ByteRange sentence;
  std::vector<prose::Date> dates;  // in order; the first is the start
};

// Section 六's 信息处理费 statement: the prose lines that mention the fee (format.fee_keywords) or fee notices
// (format.fee_notice_count_words), and the sentence of the last fee mention, where a finding about it is shown.
struct FeeStatement {
  std::vector<ByteRange> lines;
  ByteRange sentence;
};

class Analysis {
 public:
  Analysis(const Report& report, const FormatDefinition& format, const LintOptions& options)
      : report_(report), format_(format), options_(options) {}
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;

  // ---- lines and prose ----
  // The lines of the report's search_text().
  const std::vector<text::Line>& lines() const;
  // The lines that start inside `range` (the last one may extend past range.end to its terminator; the first starts
  // at range.begin, also when that is inside a line).
  std::vector<text::Line> lines_in(ByteRange range) const;
  // The first line of `ranges` (clipped to its range) with text, trimmed.
  std::optional<ByteRange> first_text_line(const std::vector<ByteRange>& ranges) const;
  // The parts of `range` that are prose: tables and HTML comments cut out.
  std::vector<ByteRange> prose_in(ByteRange range) const;
  // The prose of a section's body.
  std::vector<ByteRange> section_prose(const Section& section) const;
  // The prose of the preamble and of every section body (no title, no headings, no tables), in order.
  const std::vector<ByteRange>& document_prose() const;

  // ---- years and dates ----
  // The title's year ("2023年", "二〇二三年"), with its place in the title.
  const std::optional<prose::YearMention>& title_year() const;
  const std::optional<StatisticsPeriod>& statistics_period() const;
  // The reporting year N: the configured year, else the title's, else the statistics period's first year (the
  // model's Report::year, completed by the title_year() and statistics_period() read from the prose).
  const std::optional<ReportingYear>& reporting_year() const;
  // The signature (publication) date: the last line of the last section that is only a date.
  const std::optional<prose::Date>& signature_date() const;

  // ---- statements ----
  // Section 六's fee statement; nullopt without section 六 or without a statement in it.
  const std::optional<FeeStatement>& fee_statement() const;

  // ---- layout ----
  // The style for inserting template text: the document's line terminator; GFM in a Markdown report, otherwise the
  // separator of `table`'s rows, or of the report's first table when `table` is null ('\t' when there is none).
  TemplateStyle document_style(const Table* table = nullptr) const;

  // ---- cells ----
  // The named cell (format "named_cells") when it holds a count (CellValue::is_exact_count); null when its table or row
  // is missing, the row is repeated or misshapen, or the cell is empty or not an integer (T2xx rules report those), or
  // an integer of 2⁵³ or more.
  const Cell* integer_cell(NamedCell name) const;

  // ---- the editor's explanations (cell_explanation.h) ----
  // The value cell of a recognised table whose text touches `offset`, explained; nullopt anywhere else (labels,
  // prose, a row without the expected number of values).
  std::optional<CellExplanation> explain_cell(size_t offset) const;
  // The totals that `diagnostics` report as wrong, each with the sum of its terms.
  std::vector<WrongTotal> wrong_totals(const std::vector<Diagnostic>& diagnostics) const;

  const Report& report() const { return report_; }

 private:
  // A fact computed on first use.
  template <typename T>
  struct Lazy {
    bool done = false;
    T value{};
  };
  template <typename T, typename Derive>
  const T& once(Lazy<T>& slot, Derive derive) const {
    if (!slot.done) {
      slot.value = derive();
      slot.done = true;
    }
    return slot.value;
  }

  std::optional<StatisticsPeriod> find_statistics_period() const;
  std::optional<FeeStatement> find_fee_statement() const;

  const Report& report_;
  const FormatDefinition& format_;
  const LintOptions& options_;
  mutable Lazy<std::vector<text::Line>> lines_;
  mutable Lazy<std::vector<ByteRange>> document_prose_;
  mutable Lazy<std::optional<prose::YearMention>> title_year_;
  mutable Lazy<std::optional<StatisticsPeriod>> statistics_period_;
  mutable Lazy<std::optional<ReportingYear>> reporting_year_;
  mutable Lazy<std::optional<prose::Date>> signature_date_;
  mutable Lazy<std::optional<FeeStatement>> fee_statement_;
};

// The integer value of a cell Analysis::integer_cell returned.
inline long long cell_integer(const Cell& cell) { return static_cast<long long>(cell.value.number); }

}  // namespace xxgk
