#include "xxgk/analysis.h"

#include <algorithm>
#include <cstring>

namespace xxgk {
namespace {

// The ranges of `items` (in document order, not overlapping) that overlap `range`, found by binary search: a report
// may hold thousands of sections and tables.
template <typename Item, typename RangeOf>
void overlapping(const std::vector<Item>& items, ByteRange range, RangeOf range_of, std::vector<ByteRange>& out) {
  auto it = std::partition_point(items.begin(), items.end(),
                                 [&](const Item& item) { return range_of(item).end <= range.begin; });
  for (; it != items.end() && range_of(*it).begin < range.end; ++it) out.push_back(range_of(*it));
}

}  // namespace

// ---- lines and prose -----------------------------------------------------------------------------------------------

const std::vector<text::Line>& Analysis::lines() const {
  return once(lines_, [&] {
    const std::string_view text = report_.search_text();
    std::vector<text::Line> lines;
    if (text.find('\r') != std::string_view::npos) {
      for (size_t pos = 0; pos < text.size(); pos = lines.back().next) lines.push_back(text::line_from(text, pos));
      return lines;
    }
    // Without "\r" (the usual text), one memchr for the "\n" ends each line: line_from also looks for "\r" on every
    // line and compares the terminator.
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    for (const char* line = begin; line < end;) {
      const auto* lf = static_cast<const char*>(std::memchr(line, '\n', static_cast<size_t>(end - line)));
      const char* const content_end = lf ? lf : end;
      const char* const next = lf ? lf + 1 : end;
      lines.push_back(text::Line{{static_cast<size_t>(line - begin), static_cast<size_t>(content_end - begin)},
                                 static_cast<size_t>(next - begin)});
      line = next;
    }
    return lines;
  });
}

std::vector<text::Line> Analysis::lines_in(ByteRange range) const {
  if (range.empty()) return {};
  const std::vector<text::Line>& all = lines();
  // The line holding range.begin, cut to start there (inside its terminator, the rest of the line is empty).
  auto it =
      std::partition_point(all.begin(), all.end(), [&](const text::Line& line) { return line.next <= range.begin; });
  std::vector<text::Line> in_range{text::Line{{range.begin, std::max(range.begin, it->content.end)}, it->next}};
  for (++it; it != all.end() && it->content.begin < range.end; ++it) in_range.push_back(*it);
  return in_range;
}

std::optional<ByteRange> Analysis::first_text_line(const std::vector<ByteRange>& ranges) const {
  const std::string_view text = report_.search_text();
  for (const ByteRange& range : ranges)
    for (const text::Line& line : lines_in(range)) {
      const ByteRange content = text::trimmed(text, {line.content.begin, std::min(line.content.end, range.end)});
      if (!content.empty()) return content;
    }
  return std::nullopt;
}

std::vector<ByteRange> Analysis::prose_in(ByteRange range) const {
  std::vector<ByteRange> cut;
  overlapping(report_.tables, range, [](const Table& table) { return table.range; }, cut);
  overlapping(report_.comments, range, [](ByteRange comment) { return comment; }, cut);
  std::sort(cut.begin(), cut.end(), [](ByteRange a, ByteRange b) { return a.begin < b.begin; });
  std::vector<ByteRange> prose;
  size_t pos = range.begin;
  for (const ByteRange& hole : cut) {
    if (hole.begin > pos) prose.push_back({pos, std::min(hole.begin, range.end)});
    pos = std::max(pos, hole.end);
  }
  if (pos < range.end) prose.push_back({pos, range.end});
  return prose;
}

std::vector<ByteRange> Analysis::section_prose(const Section& section) const { return prose_in(section.body); }

const std::vector<ByteRange>& Analysis::document_prose() const {
  return once(document_prose_, [&] {
    std::vector<ByteRange> prose = prose_in(report_.preamble);
    for (const Section& section : report_.sections) {
      const auto body = section_prose(section);
      prose.insert(prose.end(), body.begin(), body.end());
    }
    return prose;
  });
}

// ---- years and dates -----------------------------------------------------------------------------------------------

const std::optional<prose::YearMention>& Analysis::title_year() const {
  return once(title_year_, [&]() -> std::optional<prose::YearMention> {
    if (!report_.title) return std::nullopt;
    for (const ByteRange& line : report_.title->lines)
      if (auto year = prose::first_year_in(report_.search_text(), line)) return year;
    return std::nullopt;
  });
}

std::optional<StatisticsPeriod> Analysis::find_statistics_period() const {
  const std::string_view text = report_.search_text();
  static const std::vector<std::string> kPeriodWords = {"统计", "期限", "时限"};
  static const std::vector<std::string> kRangeWords = {"至", "到"};
  // The first sentence of `areas` with one of `words` whose dates `fit`.
  const auto search = [&](const std::vector<ByteRange>& areas, const std::vector<std::string>& words,
                          auto fit) -> std::optional<StatisticsPeriod> {
    for (const ByteRange& area : areas) {
      for (size_t pos = area.begin;;) {
        const size_t word = text::find_any(text, {pos, area.end}, words);
        if (word == std::string_view::npos) break;
        const ByteRange sentence = text::sentence_around(text, word, area);
        std::vector<prose::Date> dates = prose::dates_in(text, sentence);
        if (fit(dates)) return StatisticsPeriod{sentence, std::move(dates)};
        pos = std::max(sentence.end, word + 1);
      }
    }
    return std::nullopt;
  };
  const auto at_least = [](size_t n) {
    return [n](const std::vector<prose::Date>& dates) { return dates.size() >= n; };
  };
  // A range from a 1 January, without the words ("报告采用数据为2024年1月1日至2024年12月31日").
  const auto from_new_year = [](const std::vector<prose::Date>& dates) {
    return dates.size() >= 2 && dates[0].month == 1 && dates[0].day == 1;
  };
  const std::vector<ByteRange> preamble = prose_in(report_.preamble);
  if (auto period = search(preamble, kPeriodWords, at_least(1))) return period;
  if (auto period = search(preamble, kRangeWords, from_new_year)) return period;
  return search(document_prose(), kPeriodWords, at_least(2));
}

const std::optional<StatisticsPeriod>& Analysis::statistics_period() const {
  return once(statistics_period_, [&] { return find_statistics_period(); });
}

const std::optional<ReportingYear>& Analysis::reporting_year() const {
  return once(reporting_year_, [&]() -> std::optional<ReportingYear> {
    if (options_.year) return ReportingYear{*options_.year, YearSource::Option};
    // The model's year first (the title's digits "2024", else a preamble date "2024年1月1日"): the model builder
    // reads it before any lint, for old-format detection and cross-document matching, and the rules agree with it.
    // The readings of prose below add what the model does not read: years in Chinese numerals and statements of
    // the period anywhere in the text.
    if (report_.year)
      return ReportingYear{*report_.year,
                           report_.title && report_.title->year ? YearSource::Title : YearSource::StatisticsPeriod};
    if (const auto& year = title_year()) return ReportingYear{year->year, YearSource::Title};
    if (const auto& period = statistics_period())
      return ReportingYear{period->dates.front().year, YearSource::StatisticsPeriod};
    return std::nullopt;
  });
}

const std::optional<prose::Date>& Analysis::signature_date() const {
  return once(signature_date_, [&] {
    const std::string_view text = report_.search_text();
    std::optional<prose::Date> signature;
    if (report_.sections.empty()) return signature;
    for (const ByteRange& prose : section_prose(report_.sections.back()))
      for (const text::Line& line : lines_in(prose)) {
        const ByteRange content = text::trimmed(text, line.content);
        if (content.empty()) continue;
        const auto date = prose::parse_date(text, content.begin);
        if (date && date->range.end == content.end) signature = date;
      }
    return signature;
  });
}

// ---- statements ----------------------------------------------------------------------------------------------------

std::optional<FeeStatement> Analysis::find_fee_statement() const {
  const Section* six = report_.section(6);
  if (!six) return std::nullopt;
  const std::string_view text = report_.search_text();
  std::vector<std::string> mentions = format_.fee_keywords;
  mentions.insert(mentions.end(), format_.fee_notice_count_words.begin(), format_.fee_notice_count_words.end());
  FeeStatement statement;
  size_t last_fee_mention = std::string_view::npos;
  for (const ByteRange& prose : section_prose(*six)) {
    for (const text::Line& line : lines_in(prose)) {
      const ByteRange content{line.content.begin, std::min(line.content.end, prose.end)};
      if (text::find_any(text, content, mentions) == std::string_view::npos) continue;
      statement.lines.push_back(content);
      // The last mention of the fee on the line: statements follow their sub-heading ("（二）信息处理费收取情况").
      for (size_t at = content.begin;;) {
        const size_t found = text::find_any(text, {at, content.end}, format_.fee_keywords);
        if (found == std::string_view::npos) break;
        last_fee_mention = found;
        at = found + 1;
      }
      if (last_fee_mention == std::string_view::npos) last_fee_mention = text::find_any(text, content, mentions);
    }
  }
  if (statement.lines.empty()) return std::nullopt;
  statement.sentence =
      text::trimmed(text, text::sentence_around(text, last_fee_mention, text::line_at(text, last_fee_mention).content));
  return statement;
}

const std::optional<FeeStatement>& Analysis::fee_statement() const {
  return once(fee_statement_, [&] { return find_fee_statement(); });
}

// ---- layout --------------------------------------------------------------------------------------------------------

TemplateStyle Analysis::document_style(const Table* table) const {
  TemplateStyle style;
  style.newline = newline_of(report_.text);
  style.markdown = table ? table->markdown : report_.markdown;
  style.separator = style.markdown ? '|' : '\t';
  if (!table)
    for (const Table& candidate : report_.tables)
      if (!candidate.rows.empty()) {
        table = &candidate;
        break;
      }
  if (!style.markdown && table && !table->rows.empty()) style.separator = table->rows.front().separator;
  return style;
}

// ---- cells ---------------------------------------------------------------------------------------------------------

const Cell* Analysis::integer_cell(NamedCell name) const {
  const CellRef& where = format_.cell(name);
  const Table* table = report_.table(where.table);
  if (!table) return nullptr;
  const Row* row = table->row_for(where.row);
  if (!row) return nullptr;
  const Cell* cell = row->value(where.column);
  if (!cell || !cell->value.is_exact_count()) return nullptr;
  return cell;
}

}  // namespace xxgk
