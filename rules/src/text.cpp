#include "xxgk/text.h"

#include <algorithm>
#include <cstring>

namespace xxgk::text {

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
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) || c == U'〇';
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

Line line_from(std::string_view text, size_t pos) {
  const size_t end = line_end_at(text, pos);
  // Past the terminator at `end`: the line is not searched twice.
  const size_t terminator = end == text.size() ? 0 : starts_with_at(text, end, "\r\n") ? 2 : 1;
  return Line{{pos, end}, end + terminator};
}

namespace {

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

// ---- words ---------------------------------------------------------------------------------------------------------

size_t find_any(std::string_view text, ByteRange range, const std::vector<std::string>& words,
                std::string_view* found) {
  const std::string_view scope = text.substr(range.begin, range.size());
  size_t best = std::string_view::npos;
  for (const std::string& word : words) {
    // Only an occurrence starting before the best so far matters: search no further.
    const std::string_view before_best =
        best == std::string_view::npos ? scope : scope.substr(0, best - 1 + word.size());
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

}  // namespace xxgk::text
