// The one module that owns positions. Tree-sitter and the model speak byte offsets; LSP speaks UTF-16 (or UTF-8 /
// UTF-32 when negotiated); the CLI prints code points. Every conversion goes through LineIndex.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk {

// Half-open byte range [begin, end) into a document's text.
struct ByteRange {
  size_t begin = 0;
  size_t end = 0;
  size_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool contains(size_t byte) const { return byte >= begin && byte < end; }
  bool overlaps(ByteRange other) const { return begin < other.end && other.begin < end; }
  friend bool operator==(ByteRange, ByteRange) = default;
};

// How columns are counted: UTF-8 code units (bytes), UTF-16 code units, or code points (UTF-32).
enum class PositionEncoding { Utf8, Utf16, Utf32 };

// 0-based line and column; the column is counted in the units of a PositionEncoding.
struct Position {
  uint32_t line = 0;
  uint32_t column = 0;
  friend bool operator==(Position, Position) = default;
};

// Line starts of a text, recognising "\n", "\r\n" and a lone "\r" as line terminators. Invalid UTF-8 bytes count as
// one unit each in every encoding (they become U+FFFD), so conversions never fail.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  std::string_view text() const { return text_; }
  size_t line_count() const { return starts_.size(); }
  // Byte offset of the first byte of `line` (clamped to the last line).
  size_t line_start(uint32_t line) const;
  // Byte offset just past the line's content, before its terminator.
  size_t line_end(uint32_t line) const;
  // Line containing `byte` (a terminator belongs to the line it ends).
  uint32_t line_of(size_t byte) const;

  // Byte offset -> position. A byte inside a multi-byte character maps to that character's start.
  Position position(size_t byte, PositionEncoding encoding) const;
  // Position -> byte offset. Lines past the end clamp to the end of the text; columns past the line's end clamp to
  // the line's end (before the terminator); a column inside a surrogate pair or a character clamps to its start.
  size_t offset(Position position, PositionEncoding encoding) const;

 private:
  std::string_view text_;
  std::vector<size_t> starts_;
};

// Byte offset -> position for many offsets of one text, each giving what LineIndex::position gives. position() has
// to count a line's characters from its start for every call; the cursor remembers where its last conversion
// ended, so an offset at or after that point on the same line is counted from there. Offsets taken in ascending
// order (a document's diagnostics, which are sorted by position) thus read each line once, however many offsets
// it holds. Any order is correct: an offset before the remembered point is counted from its line's start.
class PositionCursor {
 public:
  PositionCursor(const LineIndex& lines, PositionEncoding encoding) : lines_(lines), encoding_(encoding) {}
  Position position(size_t byte);

 private:
  const LineIndex& lines_;
  PositionEncoding encoding_;
  // The last point reached: a character boundary on `line_` and its column.
  uint32_t line_ = 0;
  size_t byte_ = 0;
  uint32_t column_ = 0;
};

namespace detail {
char32_t decode_utf8_sequence(std::string_view text, size_t i, size_t& length);
}
// Decodes one UTF-8 sequence at `text[i]`; returns the code point (U+FFFD for invalid input) and sets `length` to the
// number of bytes consumed (1 for an invalid byte). ASCII and well-formed three-byte characters (all of Chinese
// text) are decoded inline, for the many loops that walk prose a character at a time; the rest out of line.
inline char32_t decode_utf8(std::string_view text, size_t i, size_t& length) {
  if (i + 2 < text.size()) {
    const auto b0 = static_cast<unsigned char>(text[i]), b1 = static_cast<unsigned char>(text[i + 1]),
               b2 = static_cast<unsigned char>(text[i + 2]);
    if (b0 < 0x80) return length = 1, b0;
    if ((b0 & 0xF0) == 0xE0 && (b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      const char32_t cp = (char32_t{b0 & 0x0Fu} << 12) | (char32_t{b1 & 0x3Fu} << 6) | (b2 & 0x3Fu);
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) return length = 3, cp;
    }
  }
  return detail::decode_utf8_sequence(text, i, length);
}
// Number of units `cp` takes in `encoding`. Inline: counting columns calls it once per character.
inline uint32_t code_units(char32_t cp, size_t utf8_length, PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::Utf8:
      return static_cast<uint32_t>(utf8_length);
    case PositionEncoding::Utf16:
      return cp >= 0x10000 ? 2 : 1;
    case PositionEncoding::Utf32:
      return 1;
  }
  return 1;
}
// True when the whole text is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

// Line layout on raw text, for code that edits text around a byte offset ("\n", "\r\n" and a lone "\r" end lines).
// The document's line terminator: its first one, "\n" when it has none.
std::string_view newline_of(std::string_view text);
// Start of the line containing `pos`.
size_t line_start_at(std::string_view text, size_t pos);
// End of the content of the line containing `pos` (before its terminator).
size_t line_end_at(std::string_view text, size_t pos);
// Start of the line after the one containing `pos` (text.size() on the last line).
size_t next_line_start(std::string_view text, size_t pos);

// A replacement of a byte range by new text.
struct TextEdit {
  ByteRange range;
  std::string new_text;
  friend bool operator==(const TextEdit&, const TextEdit&) = default;
};

// Applies edits to `text`. Edits are sorted by position first; an edit overlapping an earlier one is skipped and
// reported through `skipped` (when not null). Ranges are clamped to the text.
std::string apply_edits(std::string_view text, std::vector<TextEdit> edits, size_t* skipped = nullptr);

}  // namespace xxgk
