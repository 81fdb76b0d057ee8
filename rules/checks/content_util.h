// Shared helpers of the content (A305, C4xx) and wording (W5xx) rules: scanning Chinese prose on its UTF-8 bytes
// (no ICU, no regex: these run over whole reports), reading counts, years and dates written in prose ("52件",
// "一件", "2022 年", "2022年1月1日", "二〇二三年一月十一日"), and the report-level facts several rules need: the
// reporting year, the statistics-period statement, the prose of a section, the integer value of a table cell.
// Scanning helpers take the text to scan: pass Report::search_text() (Traditional turned Simplified, same offsets as
// Report::text), so that keywords written in Simplified match reports copied from a 繁體 page.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xxgk/rule.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace xxgk::content {

// ---- UTF-8 scanning ------------------------------------------------------------------------------------------------

// The code point starting at `pos` and its byte length (0 at or past the end of the text).
char32_t code_point_at(std::string_view text, size_t pos, size_t& length);
// Start of the code point that ends just before `pos` (`pos` itself when it is 0).
size_t previous_code_point_start(std::string_view text, size_t pos);
// Spaces that may separate the parts of a number, a date or a word in extracted text: ' ', '\t', U+3000, U+00A0.
bool is_inline_space(char32_t c);
size_t skip_inline_spaces(std::string_view text, size_t pos);
// Han ideographs (basic block and extension A, compatibility ideographs, 〇).
bool is_han(char32_t c);
// Chinese prose punctuation: CJK symbols (U+3000–303F), full-width forms of punctuation, curly quotes, ……, ——.
bool is_chinese_punctuation(char32_t c);
bool is_ascii_alnum(char32_t c);
// The first byte in [pos, end) that is ASCII and `wanted`, or `end`. Chinese text is skipped a block at a time
// (sixteen bytes with SSE2, else eight): every byte of a CJK character has the high bit set, and an ASCII byte is
// always a character of its own, so only a block's ASCII bytes are tested.
template <typename Wanted>
size_t find_ascii_byte(std::string_view text, size_t pos, size_t end, Wanted wanted) {
#if defined(__SSE2__)
  constexpr size_t kBlock = 16, kBitsPerByte = 1;
  // Bit i set when byte i of the block is ASCII.
  const auto ascii_bytes = [&](size_t at) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
    return ~static_cast<uint32_t>(_mm_movemask_epi8(block)) & 0xFFFFu;
  };
#else
  constexpr size_t kBlock = 8, kBitsPerByte = 8;
  // Bit 8i + 7 set when byte i of the block is ASCII.
  const auto ascii_bytes = [&](size_t at) {
    uint64_t block = 0;
    std::memcpy(&block, text.data() + at, sizeof block);
    if constexpr (std::endian::native == std::endian::big) block = __builtin_bswap64(block);
    return ~block & 0x8080808080808080;
  };
#endif
  for (; pos + kBlock <= end; pos += kBlock) {
    for (auto ascii = ascii_bytes(pos); ascii != 0; ascii &= ascii - 1) {
      const size_t at = pos + static_cast<size_t>(std::countr_zero(ascii)) / kBitsPerByte;
      if (wanted(text[at])) return at;
    }
  }
  for (; pos < end; ++pos)
    if (static_cast<unsigned char>(text[pos]) < 0x80 && wanted(text[pos])) return pos;
  return end;
}

// ---- lines and sentences -------------------------------------------------------------------------------------------

struct Line {
  ByteRange content;  // without the terminator
  size_t next = 0;    // where the following line starts (past "\n", "\r\n" or "\r")
};
// The lines of the report's search_text(), found once per lint: several rules walk them.
const std::vector<Line>& text_lines(const CheckContext& context);
// The lines of search_text() that start inside `range` (the last one may extend past range.end to its terminator; the
// first starts at range.begin, also when that is inside a line).
std::vector<Line> lines_in(const CheckContext& context, ByteRange range);
// The line containing `pos`.
Line line_at(std::string_view text, size_t pos);
// Only inline spaces.
bool is_blank(std::string_view text);
// The first line of `ranges` (clipped to its range) with text, trimmed.
std::optional<ByteRange> first_text_line(const CheckContext& context, const std::vector<ByteRange>& ranges);
// `text` with inline spaces trimmed from both ends, as a range.
ByteRange trimmed(std::string_view text, ByteRange range);

// Whether `pos` lies inside an open 《 on its line: within a book or document title.
bool inside_title_marks(std::string_view text, size_t pos);

// The sentence around `pos` within `limit`: bounded by 。！？；!?; and line ends, terminator included.
ByteRange sentence_around(std::string_view text, size_t pos, ByteRange limit);
// The clause around `pos`: like a sentence, also bounded by ，, and ：: .
ByteRange clause_around(std::string_view text, size_t pos, ByteRange limit);
// Where the clause containing `pos` ends (its terminator included), at most at `limit`.
size_t clause_end(std::string_view text, size_t pos, size_t limit);

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
  int year = 0;         // 0 when the year is not written ("12月31日" after "2022年1月1日至")
  int month = 0;
  int day = 0;
  ByteRange range;      // the whole date as written
  ByteRange year_range; // the year's digits (empty when not written)
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

// ---- words ---------------------------------------------------------------------------------------------------------

// The first occurrence of `word` in `text` at or after `from`, or npos, as string_view::find gives it. Use it on
// prose rather than string_view::find, which stops at every byte equal to the word's first one: in Chinese text the
// lead byte of a character recurs every few bytes.
size_t find_word(std::string_view text, std::string_view word, size_t from = 0);
// The last occurrence of `word` in `text` that ends at or before `end` (std::string_view::rfind's answer, found the
// way find_word finds the first).
size_t rfind_word(std::string_view text, std::string_view word, size_t end);
// Whether `word` is written at `pos` / ends at `end`.
bool starts_with_at(std::string_view text, size_t pos, std::string_view word);
bool ends_with_at(std::string_view text, size_t end, std::string_view word);

// First occurrence in text[range) of any of `words`, or npos; `found` (optional) receives the word.
size_t find_any(std::string_view text, ByteRange range, const std::vector<std::string>& words,
                std::string_view* found = nullptr);
bool contains_any(std::string_view text, const std::vector<std::string>& words);
// Whether any of `words` occurs in any of `ranges`.
bool mentions_any(std::string_view text, const std::vector<ByteRange>& ranges, const std::vector<std::string>& words);

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
