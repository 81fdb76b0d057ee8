#include "xxgk/prose.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "xxgk/text.h"

namespace xxgk::prose {

using text::code_point_at;
using text::previous_code_point_start;
using text::skip_inline_spaces;
using text::starts_with_at;

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

std::optional<ByteRange> negation_before(std::string_view text, ByteRange before, const Negations& negations) {
  const std::string_view scope = text.substr(before.begin, before.size());
  std::optional<ByteRange> first;
  for (const std::string& word : negations.words) {
    const size_t search_end = first ? first->begin - before.begin + word.size() : scope.size();
    const std::string_view searched = scope.substr(0, std::min(search_end, scope.size()));
    for (size_t at = text::find_word(searched, word); at != std::string_view::npos;
         at = text::find_word(searched, word, at + 1)) {
      const size_t begin = before.begin + at;
      const auto idiom_tail = [&](const std::string& tail) {
        return text::starts_with_at(text, begin + word.size(), tail);
      };
      const bool idiom = std::any_of(negations.idiom_tails.begin(), negations.idiom_tails.end(), idiom_tail);
      if (idiom) continue;
      if (!first || begin < first->begin) first = ByteRange{begin, begin + word.size()};
      break;
    }
  }
  return first;
}

std::string format_number(double number, int significant_digits) {
  char buffer[40];
  if (std::fabs(number - std::round(number)) < 1e-9 && std::fabs(number) < 1e15)
    std::snprintf(buffer, sizeof buffer, "%lld", static_cast<long long>(std::llround(number)));
  else
    std::snprintf(buffer, sizeof buffer, "%.*g", significant_digits, number);
  return buffer;
}

}  // namespace xxgk::prose
