#include "xxgk/positions.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace xxgk {
namespace {

constexpr char32_t kReplacementCharacter = 0xFFFD;

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// The first position at or after `from` holding `byte`, or `text.size()`.
size_t find_byte(std::string_view text, size_t from, char byte) {
  if (from >= text.size()) return text.size();
  const void* found = std::memchr(text.data() + from, byte, text.size() - from);
  return found ? static_cast<size_t>(static_cast<const char*>(found) - text.data()) : text.size();
}

// Length in bytes of the run of ASCII bytes starting at `from`, scanning no further than `limit`. Most of a
// report's bytes on a line are CJK, but tables and numbers are ASCII, and each ASCII byte is one unit in every
// encoding, so this run can be skipped without decoding.
size_t ascii_run(std::string_view text, size_t from, size_t limit) {
  size_t i = from;
  while (i < limit && static_cast<unsigned char>(text[i]) < 0x80) ++i;
  return i - from;
}

// Counting columns along a line: `byte` is a character boundary (as decoding from the line's start meets them) and
// `column` its column.
struct ColumnScan {
  size_t byte;
  uint32_t column;

  // Moves to `target`, or to the start of the character containing it.
  void advance(std::string_view text, size_t target, PositionEncoding encoding) {
    while (byte < target) {
      const size_t ascii = ascii_run(text, byte, target);
      column += static_cast<uint32_t>(ascii);
      byte += ascii;
      if (byte >= target) break;
      size_t length;
      const char32_t cp = decode_utf8(text, byte, length);
      if (byte + length > target) break;  // `target` is inside this character: stop at its start
      column += code_units(cp, length, encoding);
      byte += length;
    }
  }
};

// Eight bytes from `p`, the first in the lowest byte whatever the machine's byte order.
uint64_t load_eight(const unsigned char* p) {
  uint64_t block;
  std::memcpy(&block, p, sizeof block);
  if constexpr (std::endian::native == std::endian::big) block = __builtin_bswap64(block);
  return block;
}

// Whether the first six bytes of `block` are two well-formed three-byte characters: a lead byte 1110xxxx and two
// continuation bytes 10xxxxxx each, without E0 80..9F (overlong) or ED A0..BF (surrogate). Per character, the lead's
// low four bits, with 0xD flipped in when bit 5 of the first continuation byte is set, are zero exactly for those two;
// adding 0x0F then carries into bit 4 for every other character.
bool two_good_characters(uint64_t block) {
  if ((block & 0xC0C0F0'C0C0F0) != 0x8080E0'8080E0) return false;
  const uint64_t flips = ((block >> 13) & 0x000001'000001) * 0x0D;
  const uint64_t carried = ((block & 0x00000F'00000F) ^ flips) + 0x00000F'00000F;
  return (carried & 0x000010'000010) == 0x000010'000010;
}

}  // namespace

char32_t detail::decode_utf8_sequence(std::string_view text, size_t i, size_t& length) {
  length = 1;
  if (i >= text.size()) return kReplacementCharacter;
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) return lead;

  size_t needed;
  char32_t cp;
  char32_t minimum;  // the smallest code point that needs this many bytes (anything below is an overlong form)
  if ((lead & 0xE0) == 0xC0) {
    needed = 2, cp = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    needed = 3, cp = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    needed = 4, cp = lead & 0x07, minimum = 0x10000;
  } else {
    return kReplacementCharacter;  // a stray continuation byte or 0xF8..0xFF
  }
  if (i + needed > text.size()) return kReplacementCharacter;
  for (size_t k = 1; k < needed; ++k) {
    const auto byte = static_cast<unsigned char>(text[i + k]);
    if (!is_continuation(byte)) return kReplacementCharacter;
    cp = (cp << 6) | (byte & 0x3F);
  }
  if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kReplacementCharacter;
  length = needed;
  return cp;
}

bool is_valid_utf8(std::string_view text) {
  // Every file the CLI reads is validated: a loop over the byte patterns of well-formed UTF-8 (RFC 3629: no overlong
  // forms, no surrogates, nothing past U+10FFFF), ASCII eight bytes at a time, costs a fraction of decoding each
  // character.
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + text.size();
  const auto continuation = [](unsigned char b) { return (b & 0xC0) == 0x80; };
  while (p < end) {
    if (*p < 0x80) {
      uint64_t block;
      while (end - p >= 8 && (std::memcpy(&block, p, 8), (block & 0x8080808080808080ULL) == 0)) p += 8;
      while (p < end && *p < 0x80) ++p;
      continue;
    }
    // Chinese text is runs of three-byte characters, read four at a time while they last (two loads of eight bytes),
    // then one at a time (one load of four bytes).
    const unsigned char* const run_start = p;
    while (end - p >= 14 && two_good_characters(load_eight(p)) && two_good_characters(load_eight(p + 6))) p += 12;
    while (end - p >= 4) {
      const uint32_t bytes = p[0] | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
      if ((bytes & 0xC0C0F0) != 0x8080E0) break;
      if ((bytes & 0x200F) == 0x0000 || (bytes & 0x20FF) == 0x20ED) return false;
      p += 3;
    }
    if (p != run_start) continue;
    const unsigned char lead = *p;
    const ptrdiff_t left = end - p;
    if (lead >= 0xE0 && lead <= 0xEF) {  // three bytes: the text's last character, or malformed
      if (left < 3 || !continuation(p[1]) || !continuation(p[2])) return false;
      if ((lead == 0xE0 && p[1] < 0xA0) || (lead == 0xED && p[1] >= 0xA0)) return false;  // overlong, surrogate
      p += 3;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      if (left < 2 || !continuation(p[1])) return false;
      p += 2;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      if (left < 4 || !continuation(p[1]) || !continuation(p[2]) || !continuation(p[3])) return false;
      if ((lead == 0xF0 && p[1] < 0x90) || (lead == 0xF4 && p[1] >= 0x90)) return false;  // overlong, > U+10FFFF
      p += 4;
    } else {
      return false;  // a continuation byte out of place, C0/C1 or F5..FF
    }
  }
  return true;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  // Two memchr scans advanced in step find both terminators without looking at every byte in C++; a text without
  // any "\r" (the usual case) costs one failed scan for it.
  size_t next_lf = find_byte(text, 0, '\n');
  size_t next_cr = find_byte(text, 0, '\r');
  while (next_lf < text.size() || next_cr < text.size()) {
    size_t line_start;
    if (next_lf < next_cr) {
      line_start = next_lf + 1;
    } else if (next_cr + 1 < text.size() && text[next_cr + 1] == '\n') {
      line_start = next_cr + 2;  // "\r\n"
    } else {
      line_start = next_cr + 1;  // a lone "\r"
    }
    starts_.push_back(line_start);
    if (next_lf < line_start) next_lf = find_byte(text, line_start, '\n');
    if (next_cr < line_start) next_cr = find_byte(text, line_start, '\r');
  }
}

size_t LineIndex::line_start(uint32_t line) const {
  return starts_[std::min<size_t>(line, starts_.size() - 1)];
}

size_t LineIndex::line_end(uint32_t line) const {
  const size_t index = std::min<size_t>(line, starts_.size() - 1);
  if (index + 1 == starts_.size()) return text_.size();
  const size_t next = starts_[index + 1];
  const bool crlf = next >= starts_[index] + 2 && text_[next - 2] == '\r' && text_[next - 1] == '\n';
  return next - (crlf ? 2 : 1);
}

uint32_t LineIndex::line_of(size_t byte) const {
  const auto after = std::upper_bound(starts_.begin(), starts_.end(), byte);
  return static_cast<uint32_t>(after - starts_.begin() - 1);
}

Position LineIndex::position(size_t byte, PositionEncoding encoding) const {
  byte = std::min(byte, text_.size());
  const uint32_t line = line_of(byte);
  // A byte inside the terminator belongs to the end of the line's content.
  ColumnScan scan{starts_[line], 0};
  scan.advance(text_, std::min(byte, line_end(line)), encoding);
  return {line, scan.column};
}

Position PositionCursor::position(size_t byte) {
  byte = std::min(byte, lines_.text().size());
  const bool on_line = byte >= lines_.line_start(line_) &&
                       (line_ + 1 == lines_.line_count() || byte < lines_.line_start(line_ + 1));
  if (!on_line) line_ = lines_.line_of(byte);
  if (!on_line || byte < byte_) byte_ = lines_.line_start(line_), column_ = 0;
  ColumnScan scan{byte_, column_};
  scan.advance(lines_.text(), std::min(byte, lines_.line_end(line_)), encoding_);
  byte_ = scan.byte, column_ = scan.column;
  return {line_, column_};
}

size_t LineIndex::offset(Position position, PositionEncoding encoding) const {
  if (position.line >= starts_.size()) return text_.size();
  const size_t end = line_end(position.line);
  size_t i = starts_[position.line];
  uint32_t column = 0;
  while (i < end && column < position.column) {
    const size_t ascii = std::min<size_t>(ascii_run(text_, i, end), position.column - column);
    column += static_cast<uint32_t>(ascii);
    i += ascii;
    if (i >= end || column >= position.column) break;
    size_t length;
    const char32_t cp = decode_utf8(text_, i, length);
    const uint32_t units = code_units(cp, length, encoding);
    if (column + units > position.column) break;  // the column falls inside this character: clamp to its start
    column += units;
    i += length;
  }
  return i;
}

std::string apply_edits(std::string_view text, std::vector<TextEdit> edits, size_t* skipped) {
  for (TextEdit& edit : edits) {
    edit.range.begin = std::min(edit.range.begin, text.size());
    edit.range.end = std::clamp(edit.range.end, edit.range.begin, text.size());
  }
  // Stable, so that several insertions at one point keep the order they were given in.
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) {
    return a.range.begin != b.range.begin ? a.range.begin < b.range.begin : a.range.end < b.range.end;
  });

  std::string result;
  result.reserve(text.size());
  size_t copied = 0;  // text before this offset is already in `result` (or replaced)
  size_t skipped_count = 0;
  for (const TextEdit& edit : edits) {
    // Sorted by start, an edit overlaps an earlier accepted one exactly when it starts before that one's end.
    if (edit.range.begin < copied) {
      ++skipped_count;
      continue;
    }
    result.append(text.substr(copied, edit.range.begin - copied));
    result.append(edit.new_text);
    copied = edit.range.end;
  }
  result.append(text.substr(copied));
  if (skipped) *skipped = skipped_count;
  return result;
}

std::string_view newline_of(std::string_view text) {
  const size_t end = line_end_at(text, 0);
  if (end == text.size() || text[end] == '\n') return "\n";
  return end + 1 < text.size() && text[end + 1] == '\n' ? "\r\n" : "\r";
}

size_t line_start_at(std::string_view text, size_t pos) {
  // Backwards the same way as line_end_at forwards: memrchr instead of a loop over every byte of a long line.
  const char* begin = text.data();
  const size_t before = std::min(pos, text.size());
  const char* lf = static_cast<const char*>(memrchr(begin, '\n', before));
  const char* limit = lf ? lf + 1 : begin;
  const char* cr = static_cast<const char*>(memrchr(limit, '\r', static_cast<size_t>(begin + before - limit)));
  return static_cast<size_t>((cr ? cr + 1 : limit) - begin);
}

size_t line_end_at(std::string_view text, size_t pos) {
  // One bounded pass: find_first_of("\r\n") would call memchr once per byte.
  const char* begin = text.data();
  const char* end = begin + text.size();
  const char* p = begin + std::min(pos, text.size());
  const char* lf = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
  const char* limit = lf ? lf : end;
  const char* cr = static_cast<const char*>(std::memchr(p, '\r', static_cast<size_t>(limit - p)));
  return static_cast<size_t>((cr ? cr : limit) - begin);
}

size_t next_line_start(std::string_view text, size_t pos) {
  const size_t end = line_end_at(text, pos);
  if (end == text.size()) return end;
  return text.compare(end, 2, "\r\n") == 0 ? end + 2 : end + 1;
}

}  // namespace xxgk
