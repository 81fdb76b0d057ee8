#include "content_util.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace xxgk::content {

using namespace text;
using namespace prose;

const std::vector<Line>& text_lines(const CheckContext& context) {
  return context.facts.get([&] {
    const std::string_view text = context.report.search_text();
    std::vector<Line> lines;
    if (text.find('\r') != std::string_view::npos) {
      for (size_t pos = 0; pos < text.size(); pos = lines.back().next) lines.push_back(line_from(text, pos));
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
      lines.push_back(Line{{static_cast<size_t>(line - begin), static_cast<size_t>(content_end - begin)},
                           static_cast<size_t>(next - begin)});
      line = next;
    }
    return lines;
  });
}

std::vector<Line> lines_in(const CheckContext& context, ByteRange range) {
  if (range.empty()) return {};
  const std::vector<Line>& lines = text_lines(context);
  // The line holding range.begin, cut to start there (inside its terminator, the rest of the line is empty).
  auto it = std::partition_point(lines.begin(), lines.end(), [&](const Line& line) { return line.next <= range.begin; });
  std::vector<Line> in_range{Line{{range.begin, std::max(range.begin, it->content.end)}, it->next}};
  for (++it; it != lines.end() && it->content.begin < range.end; ++it) in_range.push_back(*it);
  return in_range;
}

std::optional<ByteRange> first_text_line(const CheckContext& context, const std::vector<ByteRange>& ranges) {
  const std::string_view text = context.report.search_text();
  for (const ByteRange& range : ranges)
    for (const Line& line : lines_in(context, range)) {
      const ByteRange content = trimmed(text, {line.content.begin, std::min(line.content.end, range.end)});
      if (!content.empty()) return content;
    }
  return std::nullopt;
}

// ---- the report ----------------------------------------------------------------------------------------------------

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

std::vector<ByteRange> prose_ranges(const Report& report, ByteRange range) {
  std::vector<ByteRange> cut;
  overlapping(report.tables, range, [](const Table& table) { return table.range; }, cut);
  overlapping(report.comments, range, [](ByteRange comment) { return comment; }, cut);
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

std::vector<ByteRange> section_prose(const Report& report, const Section& section) {
  return prose_ranges(report, section.body);
}

const std::vector<ByteRange>& document_prose(const CheckContext& context) {
  return context.facts.get([&] {
    const Report& report = context.report;
    std::vector<ByteRange> prose = prose_ranges(report, report.preamble);
    for (const Section& section : report.sections) {
      const auto body = section_prose(report, section);
      prose.insert(prose.end(), body.begin(), body.end());
    }
    return prose;
  });
}

const Cell* integer_cell(const Report& report, std::string_view table_id, std::string_view row_id, size_t column) {
  const Table* table = report.table(table_id);
  if (!table) return nullptr;
  const Row* row = table->row_for(row_id);
  if (!row) return nullptr;
  const Cell* cell = row->value(column);
  if (!cell || cell->value.kind != ValueKind::Integer) return nullptr;
  return cell;
}

long long cell_integer(const Cell& cell) { return static_cast<long long>(cell.value.number); }

std::optional<YearMention> title_year(const Report& report) {
  const std::string_view text = report.search_text();
  if (!report.title) return std::nullopt;
  for (const ByteRange& line : report.title->lines)
    if (auto year = first_year_in(text, line)) return year;
  return std::nullopt;
}

namespace {

std::optional<StatisticsPeriod> statistics_period_of(const CheckContext& context) {
  const Report& report = context.report;
  const std::string_view text = report.search_text();
  static const std::vector<std::string> kPeriodWords = {"统计", "期限", "时限"};
  static const std::vector<std::string> kRangeWords = {"至", "到"};
  // The first sentence of `areas` with one of `words` whose dates `fit`.
  const auto search = [&](const std::vector<ByteRange>& areas, const std::vector<std::string>& words,
                          auto fit) -> std::optional<StatisticsPeriod> {
    for (const ByteRange& area : areas) {
      for (size_t pos = area.begin;;) {
        const size_t word = find_any(text, {pos, area.end}, words);
        if (word == std::string_view::npos) break;
        const ByteRange sentence = sentence_around(text, word, area);
        std::vector<Date> dates = dates_in(text, sentence);
        if (fit(dates)) return StatisticsPeriod{sentence, std::move(dates)};
        pos = std::max(sentence.end, word + 1);
      }
    }
    return std::nullopt;
  };
  const auto at_least = [](size_t n) { return [n](const std::vector<Date>& dates) { return dates.size() >= n; }; };
  // A range from a 1 January, without the words ("报告采用数据为2024年1月1日至2024年12月31日").
  const auto from_new_year = [](const std::vector<Date>& dates) {
    return dates.size() >= 2 && dates[0].month == 1 && dates[0].day == 1;
  };
  const std::vector<ByteRange> preamble = prose_ranges(report, report.preamble);
  if (auto period = search(preamble, kPeriodWords, at_least(1))) return period;
  if (auto period = search(preamble, kRangeWords, from_new_year)) return period;
  return search(document_prose(context), kPeriodWords, at_least(2));
}

}  // namespace

const std::optional<StatisticsPeriod>& find_statistics_period(const CheckContext& context) {
  return context.facts.get([&] { return statistics_period_of(context); });
}

std::optional<FeeStatement> find_fee_statement(const CheckContext& context, const Section& section) {
  const Report& report = context.report;
  const FormatDefinition& format = context.format;
  const std::string_view text = report.search_text();
  std::vector<std::string> mentions = format.fee_keywords;
  mentions.insert(mentions.end(), format.fee_notice_count_words.begin(), format.fee_notice_count_words.end());
  FeeStatement statement;
  size_t last_fee_mention = std::string_view::npos;
  for (const ByteRange& prose : section_prose(report, section)) {
    for (const Line& line : lines_in(context, prose)) {
      const ByteRange content{line.content.begin, std::min(line.content.end, prose.end)};
      if (find_any(text, content, mentions) == std::string_view::npos) continue;
      statement.lines.push_back(content);
      // The last mention of the fee on the line: statements follow their sub-heading ("（二）信息处理费收取情况").
      for (size_t at = content.begin;;) {
        const size_t found = find_any(text, {at, content.end}, format.fee_keywords);
        if (found == std::string_view::npos) break;
        last_fee_mention = found;
        at = found + 1;
      }
      if (last_fee_mention == std::string_view::npos)
        last_fee_mention = find_any(text, content, mentions);
    }
  }
  if (statement.lines.empty()) return std::nullopt;
  statement.sentence = trimmed(text, sentence_around(text, last_fee_mention, line_at(text, last_fee_mention).content));
  return statement;
}

std::optional<int> reporting_year(const CheckContext& context) {
  if (context.options.year) return context.options.year;
  if (context.report.year) return context.report.year;
  if (const auto year = title_year(context.report)) return year->year;
  if (const auto& period = find_statistics_period(context)) return period->dates.front().year;
  return std::nullopt;
}

}  // namespace xxgk::content
