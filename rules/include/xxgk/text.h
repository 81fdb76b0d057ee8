// Scanning Chinese prose on its UTF-8 bytes, beside positions.h (which converts between byte, UTF-16 and code point
// positions): stepping over code points, spaces, lines, sentences and clauses, and searching for words. No ICU, no
// regex: these run over whole reports. Pass Report::search_text() (Traditional turned Simplified, same offsets as
// Report::text) so that keywords written in Simplified match reports copied from a 繁體 page.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xxgk/positions.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace xxgk::text {

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
// The line starting at `pos`: its content up to the line end and where the next line starts.
Line line_from(std::string_view text, size_t pos);
// The line containing `pos`.
Line line_at(std::string_view text, size_t pos);
// Only inline spaces.
bool is_blank(std::string_view text);
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
}  // namespace xxgk::text
