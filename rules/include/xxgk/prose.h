// Reading what Chinese prose says: numbers written in digits or Chinese numerals ("52", "五十二", "二〇二三"), counts
// ("52件", "共计一件"), years ("2022 年"), dates ("2022年1月1日", "二〇二三年一月十一日") and sub-item numbers
// ("（一）"). Built on text.h; the facts about one report that use them are in analysis.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xxgk/positions.h"

namespace xxgk::prose {

// ---- numbers, counts, dates ----------------------------------------------------------------------------------------

struct Number {
  long long value = 0;
  ByteRange range;
};
// The number written at `pos`: ASCII or full-width digits ("52", "５２"), or Chinese numerals, positional
// ("二〇二三") or with units ("十二", "一百零五", "两").
std::optional<Number> parse_number(std::string_view text, size_t pos);

// A count written after a phrase: optional connectives (spaces, 共, 共计, 合计, 累计, 总计, 为, 数为, 达, ：) then a
// number and, when `unit_required`, a counting unit (件 起 宗 次 个). Years ("2022年") are never counts.
std::optional<Number> count_after(std::string_view text, size_t pos, bool unit_required);

struct Date {
  int year = 0;  // 0 when the year is not written ("12月31日" after "2022年1月1日至")
  int month = 0;
  int day = 0;
  ByteRange range;       // the whole date as written
  ByteRange year_range;  // the year's digits (empty when not written)
};
// A date "2022年1月1日" (inline spaces allowed between the parts, digits ASCII, full-width or Chinese) at `pos`;
// with `year_optional`, also "12月31日".
std::optional<Date> parse_date(std::string_view text, size_t pos, bool year_optional = false);
// Every date in `range`, in order; a date without a year inherits the year of the date before it (its year_range
// stays empty).
std::vector<Date> dates_in(std::string_view text, ByteRange range);

struct YearMention {
  int year = 0;
  ByteRange range;  // the year's digits
};
// A year written as "2022年" / "2022 年" / "2022年度" at `pos` (1900..2100).
std::optional<YearMention> year_at(std::string_view text, size_t pos);
// The first year mention in `range`.
std::optional<YearMention> first_year_in(std::string_view text, ByteRange range);

// The end of a sub-item number "（一）" / "(一)" (either bracket width, inline spaces before it allowed) starting the
// text at `pos`, or npos.
size_t subitem_marker_end(std::string_view text, size_t pos);
// ---- negations ----------------------------------------------------------------------------------------------------

// What negates a statement in prose ("未收到", "没有", "无"): the words, and what may follow one of them in a word that
// negates nothing (无法, 无论, 未经 …).
struct Negations {
  std::vector<std::string> words;        // a longer word before a shorter one it starts with (未曾 before 未)
  std::vector<std::string> idiom_tails;  // 法 论 需 须 偿 正当 经
};
// The first negation in `before` (by position; at one position the first word of the list) that is not an idiom,
// or nullopt.
std::optional<ByteRange> negation_before(std::string_view text, ByteRange before, const Negations& negations);

// ---- writing numbers -----------------------------------------------------------------------------------------------

// Significant digits of a decimal written by format_number: a finding's message says "12.5833" (six digits, the
// wording its snapshots hold), the editor's computed sum says "12.58333333" (ten: what it shows is checked by eye).
inline constexpr int kMessageDigits = 6;
inline constexpr int kEditorDigits = 10;

// `number` as written: an integer (within 1e-9, below 1e15) without a decimal point, else with up to
// `significant_digits` significant digits.
std::string format_number(double number, int significant_digits);

}  // namespace xxgk::prose
