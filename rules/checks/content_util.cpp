#include "content_util.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace xxgk::content {

// ---- UTF-8 scanning ------------------------------------------------------------------------------------------------

char32_t code_point_at(std::string_view text, size_t pos, size_t& length) {
  if (pos >= text.size()) {
    length = 0;
    return 0;
  }
  return decode_utf8(text, pos, length);
}

size_t previous_code_point_start(std::string_view text, size_t pos) {
  if (pos == 0) return 0;
  size_t start = pos - 1;
  // Step back over continuation bytes, at most three (a code point is at most four bytes).
  while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  return start;
}

bool is_inline_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\u00A0'; }

namespace {

// The byte length of the inline space starting at `pos` / ending at `end`, 0 when there is none. Read from the bytes
// of the four spaces rather than by decoding a character: trimming and skipping spaces, done on every line, stop at
// the first character, and decoding it and the one before the end cost a hundred instructions a line.
size_t inline_space_at(std::string_view text, size_t pos) {
  const auto byte = [&](size_t at) { return at < text.size() ? static_cast<unsigned char>(text[at]) : 0; };
  if (byte(pos) == ' ' || byte(pos) == '\t') return 1;
  if (byte(pos) == 0xC2 && byte(pos + 1) == 0xA0) return 2;                            // U+00A0
  return byte(pos) == 0xE3 && byte(pos + 1) == 0x80 && byte(pos + 2) == 0x80 ? 3 : 0;  // U+3000
}

size_t inline_space_before(std::string_view text, size_t end) {
  const auto byte_before = [&](size_t back) {
    return back <= end && end <= text.size() ? static_cast<unsigned char>(text[end - back]) : 0;
  };
  if (byte_before(1) == ' ' || byte_before(1) == '\t') return 1;
  if (byte_before(2) == 0xC2 && byte_before(1) == 0xA0) return 2;
  return byte_before(3) == 0xE3 && byte_before(2) == 0x80 && byte_before(1) == 0x80 ? 3 : 0;
}

}  // namespace

size_t skip_inline_spaces(std::string_view text, size_t pos) {
  for (size_t length; (length = inline_space_at(text, pos)) > 0;) pos += length;
  return pos;
}

bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
         c == U'〇';
}

bool is_chinese_punctuation(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
         (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) || c == U'“' || c == U'”' || c == U'‘' ||
         c == U'’' || c == U'…' || c == U'—';
}

bool is_ascii_alnum(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

// ---- lines and sentences -------------------------------------------------------------------------------------------

namespace {

// End of the line's content starting at `pos` and the start of the next line.
Line line_from(std::string_view text, size_t pos) {
  const size_t end = line_end_at(text, pos);
  // Past the terminator at `end`: the line is not searched twice.
  const size_t terminator = end == text.size() ? 0 : starts_with_at(text, end, "\r\n") ? 2 : 1;
  return Line{{pos, end}, end + terminator};
}

bool is_sentence_end(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == U'!' || c == U'?' || c == U';';
}

bool is_clause_end(char32_t c) { return is_sentence_end(c) || c == U'，' || c == U',' || c == U'：' || c == U':'; }

template <typename IsEnd>
ByteRange span_around(std::string_view text, size_t pos, ByteRange limit, IsEnd is_end) {
  size_t begin = pos;
  while (begin > limit.begin) {
    const size_t previous = previous_code_point_start(text, begin);
    size_t length = 0;
    const char32_t c = code_point_at(text, previous, length);
    if (c == U'\n' || c == U'\r' || is_end(c)) break;
    begin = previous;
  }
  size_t end = pos;
  while (end < limit.end) {
    size_t length = 0;
    const char32_t c = code_point_at(text, end, length);
    if (c == U'\n' || c == U'\r') break;
    end += length;
    if (is_end(c)) break;
  }
  return {begin, std::min(end, limit.end)};
}

}  // namespace

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

Line line_at(std::string_view text, size_t pos) {
  pos = std::min(pos, text.size());
  const size_t previous_break = pos == 0 ? std::string_view::npos : text.find_last_of("\r\n", pos - 1);
  return line_from(text, previous_break == std::string_view::npos ? 0 : previous_break + 1);
}

bool is_blank(std::string_view text) { return skip_inline_spaces(text, 0) == text.size(); }

ByteRange trimmed(std::string_view text, ByteRange range) {
  size_t begin = range.begin, end = range.end;
  for (size_t length; begin < end && (length = inline_space_at(text, begin)) > 0;) begin += length;
  for (size_t length; end > begin && (length = inline_space_before(text, end)) > 0;) end -= length;
  return {begin, end};
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

namespace {

// The last occurrence of `mark` (a three-byte character) in `text`, or npos: memrchr for its last byte, which in
// Chinese text is rarer than its lead byte, then a comparison.
size_t rfind_mark(std::string_view text, std::string_view mark) {
  size_t end = text.size();
  while (end >= mark.size()) {
    const void* last = memrchr(text.data() + mark.size() - 1, mark.back(), end - (mark.size() - 1));
    if (!last) break;
    const size_t at = static_cast<size_t>(static_cast<const char*>(last) - text.data()) + 1 - mark.size();
    if (text.substr(at, mark.size()) == mark) return at;
    end = at + mark.size() - 1;
  }
  return std::string_view::npos;
}

}  // namespace

bool inside_title_marks(std::string_view text, size_t pos) {
  const std::string_view before = text.substr(0, pos).substr(line_start_at(text, pos));
  const size_t open = rfind_mark(before, "《");
  const size_t close = rfind_mark(before, "》");
  return open != std::string_view::npos && (close == std::string_view::npos || close < open);
}

ByteRange sentence_around(std::string_view text, size_t pos, ByteRange limit) {
  return span_around(text, pos, limit, is_sentence_end);
}

ByteRange clause_around(std::string_view text, size_t pos, ByteRange limit) {
  return span_around(text, pos, limit, is_clause_end);
}

size_t clause_end(std::string_view text, size_t pos, size_t limit) {
  return span_around(text, pos, {pos, limit}, is_clause_end).end;
}

// ---- numbers, counts, dates ----------------------------------------------------------------------------------------

namespace {

int arabic_digit(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'０' && c <= U'９') return static_cast<int>(c - U'０');
  return -1;
}

int chinese_digit(char32_t c) {
  switch (c) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

int chinese_unit(char32_t c) {
  switch (c) {
    case U'十': return 10;
    case U'百': return 100;
    case U'千': return 1000;
    case U'万': return 10000;
    default: return 0;
  }
}

std::optional<Number> parse_arabic(std::string_view text, size_t pos) {
  long long value = 0;
  size_t end = pos, length = 0;
  int digits = 0;
  for (int d; digits < 18 && (d = arabic_digit(code_point_at(text, end, length))) >= 0; ++digits) {
    value = value * 10 + d;
    end += length;
  }
  if (digits == 0) return std::nullopt;
  return Number{value, {pos, end}};
}

// "二〇二三" (a digit string, as years are written) or "一百零五" (a numeral with units).
std::optional<Number> parse_chinese(std::string_view text, size_t pos) {
  long long positional = 0, total = 0, section = 0, current = 0;
  bool has_unit = false, any = false;
  size_t end = pos, length = 0;
  // A numeral starts with a digit or with 十 ("十二"); a lone 百/千/万 is a word, not a number.
  if (const char32_t first = code_point_at(text, pos, length); chinese_digit(first) < 0 && first != U'十')
    return std::nullopt;
  for (;;) {
    const char32_t c = code_point_at(text, end, length);
    if (const int digit = chinese_digit(c); digit >= 0) {
      positional = positional * 10 + digit;
      current = digit;
    } else if (const int unit = chinese_unit(c); unit > 0) {
      has_unit = true;
      if (unit == 10000) {
        total += (section + current) * unit;
        section = 0;
      } else {
        // "十二": a leading 十 means 一十.
        section += (current == 0 && !any ? 1 : current) * unit;
      }
      current = 0;
    } else {
      break;
    }
    any = true;
    end += length;
    if (end - pos > 48) break;  // not a number anyone writes in a report
  }
  if (!any) return std::nullopt;
  return Number{has_unit ? total + section + current : positional, {pos, end}};
}

}  // namespace

namespace {

#if defined(__SSE2__)
// The first place in [p, end - 1) where the bytes `first` and `second` stand one after the other, or `end`. Sixteen
// places at a time: a pair of given bytes is rare in any text (which a single byte of Chinese text is not: the last
// byte of a character recurs every few dozen bytes), so nearly every block is settled by one test.
const char* find_byte_pair(const char* p, const char* end, char first, char second) {
  const __m128i firsts = _mm_set1_epi8(first), seconds = _mm_set1_epi8(second);
  for (; end - p >= 17; p += 16) {
    const __m128i here = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
    const auto pairs = static_cast<uint32_t>(
        _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(here, firsts), _mm_cmpeq_epi8(next, seconds))));
    if (pairs != 0) return p + std::countr_zero(pairs);
  }
  for (; end - p >= 2; ++p)
    if (p[0] == first && p[1] == second) return p;
  return end;
}
#endif

}  // namespace

size_t find_word(std::string_view text, std::string_view word, size_t from) {
  if (from > text.size()) return std::string_view::npos;
  if (word.empty()) return from;
  if (text.size() - from < word.size()) return std::string_view::npos;
  const size_t before_last = word.size() - 1;
  const char* const end = text.data() + text.size();
#if defined(__SSE2__)
  // Candidates are the places of the word's last two bytes; the rest of the word is compared there.
  if (before_last > 0) {
    for (const char* p = text.data() + from + before_last - 1; end - p >= 2; ++p) {
      p = find_byte_pair(p, end, word[before_last - 1], word.back());
      if (end - p < 2) break;
      if (std::memcmp(p + 1 - before_last, word.data(), before_last - 1) == 0)
        return static_cast<size_t>(p + 1 - before_last - text.data());
    }
    return std::string_view::npos;
  }
#endif
  // memchr for the word's last byte, then a comparison. (memmem prepares a shift table on every call: too costly for
  // the many short searches of the rules.) The byte before the last is compared before the rest: a continuation
  // byte is also the middle byte of other characters, and that one test settles most of the places memchr stops at.
  for (const char* p = text.data() + from + before_last; p < end; ++p) {
    p = static_cast<const char*>(std::memchr(p, word.back(), static_cast<size_t>(end - p)));
    if (!p) break;
    if (before_last > 0 && p[-1] != word[before_last - 1]) continue;
    if (std::memcmp(p - before_last, word.data(), before_last) == 0)
      return static_cast<size_t>(p - before_last - text.data());
  }
  return std::string_view::npos;
}

size_t rfind_word(std::string_view text, std::string_view word, size_t end) {
  end = std::min(end, text.size());
  if (word.empty()) return end;
  if (word.size() > end) return std::string_view::npos;
  const size_t before_last = word.size() - 1;
  for (size_t searched = end; searched > before_last;) {
    const void* found = memrchr(text.data() + before_last, word.back(), searched - before_last);
    if (!found) break;
    const size_t last = static_cast<size_t>(static_cast<const char*>(found) - text.data());
    if ((before_last == 0 || text[last - 1] == word[before_last - 1]) &&
        std::memcmp(text.data() + last - before_last, word.data(), before_last) == 0)
      return last - before_last;
    searched = last;
  }
  return std::string_view::npos;
}

bool starts_with_at(std::string_view text, size_t pos, std::string_view word) {
  return pos <= text.size() && text.substr(pos, word.size()) == word;
}

bool ends_with_at(std::string_view text, size_t end, std::string_view word) {
  return end >= word.size() && end <= text.size() && text.substr(end - word.size(), word.size()) == word;
}

std::optional<Number> parse_number(std::string_view text, size_t pos) {
  if (auto arabic = parse_arabic(text, pos)) return arabic;
  return parse_chinese(text, pos);
}

std::optional<Number> count_after(std::string_view text, size_t pos, bool unit_required) {
  static constexpr std::array<std::string_view, 10> kConnectives = {"共计", "合计", "累计", "总计", "数为", "共",
                                                                     "为", "：", ":", "达"};
  pos = skip_inline_spaces(text, pos);
  for (int skipped = 0; skipped < 3; ++skipped) {
    const auto connective = std::find_if(kConnectives.begin(), kConnectives.end(),
                                         [&](std::string_view word) { return starts_with_at(text, pos, word); });
    if (connective == kConnectives.end()) break;
    pos = skip_inline_spaces(text, pos + connective->size());
  }
  const auto number = parse_number(text, pos);
  if (!number) return std::nullopt;
  const size_t after = skip_inline_spaces(text, number->range.end);
  if (starts_with_at(text, after, "年")) return std::nullopt;
  static constexpr std::array<std::string_view, 5> kUnits = {"件", "起", "宗", "次", "个"};
  const bool has_unit = std::any_of(kUnits.begin(), kUnits.end(),
                                    [&](std::string_view unit) { return starts_with_at(text, after, unit); });
  if (unit_required && !has_unit) return std::nullopt;
  return number;
}

namespace {

// A number followed (after inline spaces) by `marker`; sets `marker_end` just past the marker.
std::optional<Number> number_before(std::string_view text, size_t pos, std::string_view marker, size_t& marker_end) {
  const auto number = parse_number(text, pos);
  if (!number) return std::nullopt;
  const size_t at = skip_inline_spaces(text, number->range.end);
  if (!starts_with_at(text, at, marker)) return std::nullopt;
  marker_end = at + marker.size();
  return number;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text, size_t pos, bool year_optional) {
  Date date;
  size_t month_at = pos;
  if (const auto year = year_at(text, pos)) {
    date.year = year->year;
    date.year_range = year->range;
    month_at = skip_inline_spaces(text, skip_inline_spaces(text, year->range.end) + std::string_view("年").size());
  } else if (!year_optional) {
    return std::nullopt;
  }
  size_t month_end = 0, day_end = 0;
  const auto month = number_before(text, month_at, "月", month_end);
  if (!month || month->value < 1 || month->value > 12) return std::nullopt;
  const auto day = number_before(text, skip_inline_spaces(text, month_end), "日", day_end);
  if (!day || day->value < 1 || day->value > 31) return std::nullopt;
  date.month = static_cast<int>(month->value);
  date.day = static_cast<int>(day->value);
  date.range = {pos, day_end};
  return date;
}

std::vector<Date> dates_in(std::string_view text, ByteRange range) {
  std::vector<Date> dates;
  size_t pos = range.begin, length = 0;
  while (pos < range.end) {
    const char32_t c = code_point_at(text, pos, length);
    const bool may_start = arabic_digit(c) >= 0 || chinese_digit(c) >= 0 || chinese_unit(c) == 10;
    // A number is read from its first digit only: "2022" must not also be tried as "022".
    const size_t previous = previous_code_point_start(text, pos);
    size_t previous_length = 0;
    const char32_t before = pos > range.begin ? code_point_at(text, previous, previous_length) : 0;
    const bool continues_number = arabic_digit(before) >= 0 || chinese_digit(before) >= 0 || chinese_unit(before) > 0;
    if (may_start && !continues_number) {
      if (auto date = parse_date(text, pos, !dates.empty()); date && date->range.end <= range.end) {
        if (date->year == 0) date->year = dates.back().year;
        pos = date->range.end;
        dates.push_back(*date);
        continue;
      }
    }
    pos += length;
  }
  return dates;
}

std::optional<YearMention> year_at(std::string_view text, size_t pos) {
  const auto number = parse_number(text, pos);
  if (!number || number->value < 1900 || number->value > 2100) return std::nullopt;
  if (!starts_with_at(text, skip_inline_spaces(text, number->range.end), "年")) return std::nullopt;
  return YearMention{static_cast<int>(number->value), number->range};
}

std::optional<YearMention> first_year_in(std::string_view text, ByteRange range) {
  size_t pos = range.begin, length = 0;
  while (pos < range.end) {
    const char32_t c = code_point_at(text, pos, length);
    if (arabic_digit(c) >= 0 || chinese_digit(c) >= 0)
      if (auto year = year_at(text, pos); year && year->range.end <= range.end) return year;
    pos += length;
  }
  return std::nullopt;
}

size_t subitem_marker_end(std::string_view text, size_t pos) {
  size_t length = 0;
  pos = skip_inline_spaces(text, pos);
  const char32_t open = code_point_at(text, pos, length);
  if (open != U'（' && open != U'(') return std::string_view::npos;
  const auto number = parse_chinese(text, pos + length);
  if (!number) return std::string_view::npos;
  const char32_t close = code_point_at(text, number->range.end, length);
  if (close != U'）' && close != U')') return std::string_view::npos;
  return number->range.end + length;
}

// ---- words ---------------------------------------------------------------------------------------------------------

size_t find_any(std::string_view text, ByteRange range, const std::vector<std::string>& words,
                std::string_view* found) {
  const std::string_view scope = text.substr(range.begin, range.size());
  size_t best = std::string_view::npos;
  for (const std::string& word : words) {
    // Only an occurrence starting before the best so far matters: search no further.
    const std::string_view before_best = best == std::string_view::npos ? scope : scope.substr(0, best - 1 + word.size());
    const size_t at = find_word(before_best, word);
    if (at < best) {
      best = at;
      if (found) *found = word;
    }
  }
  return best == std::string_view::npos ? best : range.begin + best;
}

bool contains_any(std::string_view text, const std::vector<std::string>& words) {
  return find_any(text, {0, text.size()}, words) != std::string_view::npos;
}

bool mentions_any(std::string_view text, const std::vector<ByteRange>& ranges, const std::vector<std::string>& words) {
  return std::any_of(ranges.begin(), ranges.end(),
                     [&](ByteRange range) { return find_any(text, range, words) != std::string_view::npos; });
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
