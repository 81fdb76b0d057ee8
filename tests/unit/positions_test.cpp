#include "xxgk/positions.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace xxgk {
namespace {

constexpr PositionEncoding kAllEncodings[] = {PositionEncoding::Utf8, PositionEncoding::Utf16,
                                              PositionEncoding::Utf32};

// 𠮷 (U+20BB7): 4 UTF-8 bytes, a UTF-16 surrogate pair, one code point.
const std::string kYoshi = "\xF0\xA0\xAE\xB7";
// 👩‍💻: woman (U+1F469) + ZWJ (U+200D) + laptop (U+1F4BB): three code points, 5 UTF-16 units, 11 bytes.
const std::string kWomanTechnologist = "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB";

// Every offset where a character (or an invalid byte) starts, plus the text's end.
std::vector<size_t> char_boundaries(std::string_view text) {
  std::vector<size_t> boundaries;
  size_t i = 0;
  while (i < text.size()) {
    boundaries.push_back(i);
    size_t length;
    decode_utf8(text, i, length);
    i += length;
  }
  boundaries.push_back(text.size());
  return boundaries;
}

// byte -> position -> byte is the identity on every boundary outside a terminator, in every encoding.
void expect_round_trips(std::string_view text) {
  const LineIndex index(text);
  for (PositionEncoding encoding : kAllEncodings) {
    for (size_t byte : char_boundaries(text)) {
      const Position position = index.position(byte, encoding);
      const bool inside_terminator = byte > index.line_end(position.line);
      if (inside_terminator) continue;  // the "\n" of "\r\n" maps to the line's end
      EXPECT_EQ(index.offset(position, encoding), byte)
          << "byte " << byte << " encoding " << static_cast<int>(encoding) << " in " << text;
    }
  }
}

TEST(LineIndexTest, EmptyTextHasOneEmptyLine) {
  const LineIndex index("");
  EXPECT_EQ(index.line_count(), 1u);
  EXPECT_EQ(index.line_start(0), 0u);
  EXPECT_EQ(index.line_end(0), 0u);
  EXPECT_EQ(index.position(0, PositionEncoding::Utf16), (Position{0, 0}));
  EXPECT_EQ(index.position(10, PositionEncoding::Utf16), (Position{0, 0}));
  EXPECT_EQ(index.offset({0, 5}, PositionEncoding::Utf16), 0u);
  EXPECT_EQ(index.offset({3, 0}, PositionEncoding::Utf16), 0u);
}

TEST(LineIndexTest, RecognisesLfCrlfAndLoneCr) {
  const std::string text = "a\nbb\r\nccc\rdddd\r\r\ne";
  const LineIndex index(text);
  ASSERT_EQ(index.line_count(), 6u);
  EXPECT_EQ(index.line_start(1), 2u);
  EXPECT_EQ(index.line_start(2), 6u);
  EXPECT_EQ(index.line_start(3), 10u);
  EXPECT_EQ(index.line_start(4), 15u);
  EXPECT_EQ(index.line_start(5), 17u);
  EXPECT_EQ(index.line_end(0), 1u);
  EXPECT_EQ(index.line_end(1), 4u);
  EXPECT_EQ(index.line_end(2), 9u);
  EXPECT_EQ(index.line_end(3), 14u);
  EXPECT_EQ(index.line_end(4), 15u);  // an empty line ended by "\r\n"
  EXPECT_EQ(index.line_end(5), 18u);
  // A terminator belongs to the line it ends.
  EXPECT_EQ(index.line_of(4), 1u);
  EXPECT_EQ(index.line_of(5), 1u);
  EXPECT_EQ(index.line_of(9), 2u);
  EXPECT_EQ(index.line_of(10), 3u);
  expect_round_trips(text);
}

TEST(LineIndexTest, TrailingTerminatorStartsAnEmptyLastLine) {
  EXPECT_EQ(LineIndex("abc\n").line_count(), 2u);
  EXPECT_EQ(LineIndex("abc\r\n").line_count(), 2u);
  EXPECT_EQ(LineIndex("abc\r").line_count(), 2u);
  EXPECT_EQ(LineIndex("abc").line_count(), 1u);
  EXPECT_EQ(LineIndex("\r\n\r\n").line_count(), 3u);
  EXPECT_EQ(LineIndex("\n\r").line_count(), 3u);  // "\n" then a lone "\r": not a "\r\n" pair
}

TEST(LineIndexTest, ClampsLinesAndColumns) {
  const std::string text = "一二三\r\nab";
  const LineIndex index(text);
  // Past the line's end: the line's end, before the terminator.
  EXPECT_EQ(index.offset({0, 100}, PositionEncoding::Utf16), 9u);
  EXPECT_EQ(index.offset({1, 100}, PositionEncoding::Utf16), text.size());
  // Past the last line: the end of the text.
  EXPECT_EQ(index.offset({2, 0}, PositionEncoding::Utf16), text.size());
  EXPECT_EQ(index.offset({UINT32_MAX, UINT32_MAX}, PositionEncoding::Utf8), text.size());
  EXPECT_EQ(index.line_start(99), 11u);
  EXPECT_EQ(index.line_end(99), text.size());
  // Past the text's end.
  EXPECT_EQ(index.position(1000, PositionEncoding::Utf32), (Position{1, 2}));
  // Inside the terminator: the end of the line's content.
  EXPECT_EQ(index.position(9, PositionEncoding::Utf32), (Position{0, 3}));
  EXPECT_EQ(index.position(10, PositionEncoding::Utf32), (Position{0, 3}));
}

TEST(LineIndexTest, CountsCjkInEachEncoding) {
  const std::string text = "一、总体情况";  // 6 characters, 18 bytes
  const LineIndex index(text);
  EXPECT_EQ(index.position(text.size(), PositionEncoding::Utf8), (Position{0, 18}));
  EXPECT_EQ(index.position(text.size(), PositionEncoding::Utf16), (Position{0, 6}));
  EXPECT_EQ(index.position(text.size(), PositionEncoding::Utf32), (Position{0, 6}));
  EXPECT_EQ(index.offset({0, 2}, PositionEncoding::Utf16), 6u);
  EXPECT_EQ(index.offset({0, 6}, PositionEncoding::Utf8), 6u);
  expect_round_trips(text);
}

TEST(LineIndexTest, AstralCharacterTakesTwoUtf16Units) {
  const std::string text = "a" + kYoshi + "b";
  const LineIndex index(text);
  EXPECT_EQ(index.position(5, PositionEncoding::Utf8), (Position{0, 5}));
  EXPECT_EQ(index.position(5, PositionEncoding::Utf16), (Position{0, 3}));
  EXPECT_EQ(index.position(5, PositionEncoding::Utf32), (Position{0, 2}));
  EXPECT_EQ(index.offset({0, 3}, PositionEncoding::Utf16), 5u);
  EXPECT_EQ(index.offset({0, 2}, PositionEncoding::Utf32), 5u);
  expect_round_trips(text);
}

TEST(LineIndexTest, ColumnInsideSurrogatePairOrCharacterClampsToItsStart) {
  const std::string text = "a" + kYoshi + "b";
  const LineIndex index(text);
  EXPECT_EQ(index.offset({0, 2}, PositionEncoding::Utf16), 1u);  // between the two surrogates
  for (uint32_t column = 2; column <= 4; ++column) {
    EXPECT_EQ(index.offset({0, column}, PositionEncoding::Utf8), 1u) << column;
  }
  const LineIndex cjk("一二");
  EXPECT_EQ(cjk.offset({0, 4}, PositionEncoding::Utf8), 3u);
}

TEST(LineIndexTest, ByteInsideCharacterMapsToItsStart) {
  const std::string text = "a" + kYoshi + "b";
  const LineIndex index(text);
  for (size_t byte = 2; byte <= 4; ++byte) {
    EXPECT_EQ(index.position(byte, PositionEncoding::Utf16), (Position{0, 1})) << byte;
    EXPECT_EQ(index.position(byte, PositionEncoding::Utf8), (Position{0, 1})) << byte;
  }
}

TEST(LineIndexTest, EmojiZwjSequenceCountsEachCodePoint) {
  const std::string text = kWomanTechnologist + "x";
  const LineIndex index(text);
  EXPECT_EQ(index.position(11, PositionEncoding::Utf8), (Position{0, 11}));
  EXPECT_EQ(index.position(11, PositionEncoding::Utf16), (Position{0, 5}));
  EXPECT_EQ(index.position(11, PositionEncoding::Utf32), (Position{0, 3}));
  // The ZWJ is its own code point: a position may stand between it and the laptop.
  EXPECT_EQ(index.offset({0, 2}, PositionEncoding::Utf32), 7u);
  expect_round_trips(text + "\n😀👍🏽\r\n");
}

TEST(LineIndexTest, MixedTerminatorsAndScriptsRoundTrip) {
  const std::string text = "（一）主动公开\r\n" + kYoshi + "野家\n\n| 行 | 😀 |\r" + kWomanTechnologist +
                           "\r\n最后一行没有换行符" + kYoshi;
  const LineIndex index(text);
  EXPECT_EQ(index.line_count(), 6u);
  const size_t last_line_start = index.line_start(5);
  EXPECT_EQ(index.position(text.size(), PositionEncoding::Utf16), (Position{5, 9 + 2}));
  EXPECT_EQ(index.position(text.size(), PositionEncoding::Utf32), (Position{5, 9 + 1}));
  EXPECT_EQ(index.position(text.size(), PositionEncoding::Utf8),
            (Position{5, static_cast<uint32_t>(text.size() - last_line_start)}));
  expect_round_trips(text);
}

TEST(LineIndexTest, InvalidBytesCountAsOneUnitEach) {
  // A lone continuation byte, a truncated 3-byte sequence, an overlong "/" and 0xFF.
  const std::string text = std::string("a\x80") + "\xE4\xB8" + "b\xC0\xAF\xFF" + "一";
  const LineIndex index(text);
  for (PositionEncoding encoding : kAllEncodings) {
    const uint32_t tail = encoding == PositionEncoding::Utf8 ? 3 : 1;
    EXPECT_EQ(index.position(text.size(), encoding), (Position{0, 8 + tail}));
    EXPECT_EQ(index.offset({0, 3}, encoding), 3u);
  }
  expect_round_trips(text);
}

TEST(LineIndexTest, RandomTextsRoundTrip) {
  const std::vector<std::string> pieces = {"a", "1", "\t", "|", "一", "、", "（", "\n", "\r\n", "\r",
                                           kYoshi, "😀", "\xE2\x80\x8D", "\x80", "\xE4\xB8", "\xFF"};
  std::mt19937 random(20240601);
  for (int round = 0; round < 200; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 40);
    for (int k = 0; k < length; ++k) text += pieces[random() % pieces.size()];
    expect_round_trips(text);
    // position() is monotonic in the byte offset.
    const LineIndex index(text);
    Position previous{};
    for (size_t byte = 0; byte <= text.size(); ++byte) {
      const Position position = index.position(byte, PositionEncoding::Utf16);
      EXPECT_TRUE(position.line > previous.line ||
                  (position.line == previous.line && position.column >= previous.column));
      previous = position;
    }
  }
}

// A cursor gives what LineIndex::position gives for every offset of `text` (inside characters and terminators and
// past the end included), in every encoding, whether the offsets come in ascending, descending or shuffled order.
void expect_cursor_matches_index(std::string_view text, std::mt19937& random) {
  const LineIndex index(text);
  std::vector<size_t> offsets;
  for (size_t byte = 0; byte <= text.size() + 2; ++byte) offsets.push_back(byte);
  std::vector<std::vector<size_t>> orders = {offsets, {offsets.rbegin(), offsets.rend()}, offsets};
  std::shuffle(orders[2].begin(), orders[2].end(), random);
  for (PositionEncoding encoding : kAllEncodings) {
    for (const std::vector<size_t>& order : orders) {
      PositionCursor cursor(index, encoding);
      for (size_t byte : order) {
        EXPECT_EQ(cursor.position(byte), index.position(byte, encoding))
            << "byte " << byte << " encoding " << static_cast<int>(encoding) << " in " << text;
      }
    }
  }
}

TEST(PositionCursorTest, MatchesLineIndexOnEveryScriptAndTerminator) {
  std::mt19937 random(20250101);
  expect_cursor_matches_index("", random);
  expect_cursor_matches_index("一、总体情况", random);                            // CJK
  expect_cursor_matches_index("a" + kYoshi + "b" + kYoshi, random);               // 𠮷: a surrogate pair
  expect_cursor_matches_index(kWomanTechnologist + "x\n😀👍🏽\r\n", random);       // emoji and a ZWJ sequence
  expect_cursor_matches_index("a\nbb\r\nccc\rdddd\r\r\ne", random);              // LF, CRLF, lone CR
  expect_cursor_matches_index("一二三\r\nab\r", random);                          // past the line's and the text's end
  expect_cursor_matches_index(std::string("a\x80") + "\xE4\xB8" + "b\xC0\xAF\xFF" + "一\n\xF0\x9F", random);
}

TEST(PositionCursorTest, MatchesLineIndexOnRandomTexts) {
  const std::vector<std::string> pieces = {"a", "1", "\t", "|", "一", "、", "（", "\n", "\r\n", "\r",
                                           kYoshi, "😀", "\xE2\x80\x8D", "\x80", "\xE4\xB8", "\xFF"};
  std::mt19937 random(20250102);
  for (int round = 0; round < 100; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 60);
    for (int k = 0; k < length; ++k) text += pieces[random() % pieces.size()];
    expect_cursor_matches_index(text, random);
  }
}

TEST(PositionCursorTest, ResumesOnTheLineAfterOffsetsOnOtherLines) {
  const std::string text = "第一行" + kYoshi + "\r\n第二行\n" + kYoshi + "三";
  const LineIndex index(text);
  PositionCursor cursor(index, PositionEncoding::Utf16);
  EXPECT_EQ(cursor.position(3), (Position{0, 1}));
  EXPECT_EQ(cursor.position(13), (Position{0, 5}));   // the line's end, after 𠮷
  EXPECT_EQ(cursor.position(14), (Position{0, 5}));   // the "\n" of "\r\n"
  EXPECT_EQ(cursor.position(18), (Position{1, 1}));
  EXPECT_EQ(cursor.position(6), (Position{0, 2}));    // back to the first line
  EXPECT_EQ(cursor.position(30), (Position{2, 2}));   // inside 三: its start
  EXPECT_EQ(cursor.position(99), (Position{2, 3}));   // past the end
  EXPECT_EQ(cursor.position(26), (Position{2, 0}));   // back inside 𠮷: its start
}

TEST(Utf8Test, DecodesEachLength) {
  size_t length;
  EXPECT_EQ(decode_utf8("A", 0, length), U'A');
  EXPECT_EQ(length, 1u);
  EXPECT_EQ(decode_utf8("\xC3\xA9", 0, length), U'é');
  EXPECT_EQ(length, 2u);
  EXPECT_EQ(decode_utf8("一", 0, length), U'一');
  EXPECT_EQ(length, 3u);
  EXPECT_EQ(decode_utf8(kYoshi, 0, length), U'\U00020BB7');
  EXPECT_EQ(length, 4u);
  EXPECT_EQ(decode_utf8("", 0, length), U'\uFFFD');
  EXPECT_EQ(length, 1u);
}

TEST(Utf8Test, InvalidSequencesDecodeToReplacementOfOneByte) {
  const std::vector<std::string> invalid = {
      "\x80",              // lone continuation byte
      "\xC0\xAF",          // overlong "/"
      "\xE0\x80\xAF",      // overlong, 3 bytes
      "\xF0\x80\x80\xAF",  // overlong, 4 bytes
      "\xED\xA0\x80",      // UTF-16 surrogate U+D800
      "\xF4\x90\x80\x80",  // U+110000
      "\xE4\xB8",          // truncated
      "\xE4" "a" "\xB8",   // continuation missing
      "\xF8\x88\x80\x80\x80",
      "\xFF"};
  for (const std::string& bytes : invalid) {
    size_t length;
    EXPECT_EQ(decode_utf8(bytes, 0, length), U'\uFFFD') << bytes;
    EXPECT_EQ(length, 1u);
    EXPECT_FALSE(is_valid_utf8(bytes));
    EXPECT_FALSE(is_valid_utf8("一二三" + bytes + "ok"));
  }
}

// is_valid_utf8 reads byte patterns instead of decoding: on any bytes it must agree with the decoder, which reports an
// invalid sequence as a one-byte U+FFFD.
TEST(Utf8Test, ValidityAgreesWithTheDecoderOnRandomBytes) {
  auto decodes_cleanly = [](const std::string& bytes) {
    for (size_t i = 0; i < bytes.size();) {
      size_t length;
      if (decode_utf8(bytes, i, length) == U'\uFFFD' && length == 1) return false;
      i += length;
    }
    return true;
  };
  // Pieces that make valid and invalid sequences when strung together at random, and cut at any byte.
  const std::string pieces[] = {"a", "abcdefgh", "一", "\xE4", "\xB8", "\x80", "\xED\x9F\xBF", "\xED\xA0\x80",
                                "\xE0\xA0\x80", "\xE0\x9F\xBF", "\xC2\x80", "\xC1\xBF", "\xF0\x90\x80\x80",
                                "\xF0\x8F\xBF\xBF", "\xF4\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xFF", "\xEF\xBF\xBD"};
  std::mt19937 random(20261202);
  for (int round = 0; round < 20000; ++round) {
    std::string bytes;
    for (size_t n = random() % 8; n > 0; --n) bytes += pieces[random() % std::size(pieces)];
    if (!bytes.empty() && random() % 4 == 0) bytes.resize(random() % bytes.size());
    ASSERT_EQ(is_valid_utf8(bytes), decodes_cleanly(bytes)) << testing::PrintToString(bytes);
  }
}

TEST(Utf8Test, ValidText) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ascii\r\n"));
  EXPECT_TRUE(is_valid_utf8("政府信息公开工作年度报告" + kYoshi + kWomanTechnologist));
  EXPECT_TRUE(is_valid_utf8("\xEF\xBF\xBD"));      // a real U+FFFD
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
  EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
}

TEST(Utf8Test, CodeUnits) {
  EXPECT_EQ(code_units(U'a', 1, PositionEncoding::Utf16), 1u);
  EXPECT_EQ(code_units(U'一', 3, PositionEncoding::Utf8), 3u);
  EXPECT_EQ(code_units(U'一', 3, PositionEncoding::Utf16), 1u);
  EXPECT_EQ(code_units(U'\U00020BB7', 4, PositionEncoding::Utf16), 2u);
  EXPECT_EQ(code_units(U'\U00020BB7', 4, PositionEncoding::Utf32), 1u);
  EXPECT_EQ(code_units(U'\uFFFD', 1, PositionEncoding::Utf8), 1u);  // an invalid byte
}

TEST(ApplyEditsTest, AppliesUnsortedEdits) {
  const std::string text = "0123456789";
  size_t skipped = 99;
  const std::string result =
      apply_edits(text, {{{8, 9}, "X"}, {{0, 1}, "一"}, {{4, 6}, ""}}, &skipped);
  EXPECT_EQ(result, "一12367X9");
  EXPECT_EQ(skipped, 0u);
}

TEST(ApplyEditsTest, SkipsEditsOverlappingAnEarlierOne) {
  const std::string text = "0123456789";
  size_t skipped = 0;
  // [5,7) overlaps [3,6); the insertion at 4 falls inside [3,6); the insertion at 6 touches only its end.
  const std::string result =
      apply_edits(text, {{{5, 7}, "B"}, {{3, 6}, "A"}, {{4, 4}, "C"}, {{6, 6}, "D"}}, &skipped);
  EXPECT_EQ(result, "012AD6789");
  EXPECT_EQ(skipped, 2u);
}

TEST(ApplyEditsTest, InsertionsAtOnePointKeepTheirOrder) {
  EXPECT_EQ(apply_edits("ab", {{{1, 1}, "x"}, {{1, 1}, "y"}, {{1, 2}, "Z"}}), "axyZ");
}

TEST(ApplyEditsTest, ClampsOutOfRangeEdits) {
  EXPECT_EQ(apply_edits("abc", {{{10, 20}, "!"}}), "abc!");
  EXPECT_EQ(apply_edits("abc", {{{1, 100}, "X"}}), "aX");
  EXPECT_EQ(apply_edits("abc", {{{2, 1}, "X"}}), "abXc");  // an inverted range becomes an insertion
  EXPECT_EQ(apply_edits("", {{{5, 5}, "new"}}), "new");
  EXPECT_EQ(apply_edits("abc", {}), "abc");
}

}  // namespace
}  // namespace xxgk

namespace {

TEST(LineLayoutTest, FindsLineBoundsWithEveryTerminator) {
  const std::string_view text = "甲\r\n乙\r丙\n丁";
  EXPECT_EQ(xxgk::newline_of(text), "\r\n");
  EXPECT_EQ(xxgk::newline_of("a\rb"), "\r");
  EXPECT_EQ(xxgk::newline_of("no terminator"), "\n");
  const size_t second = text.find("乙"), third = text.find("丙"), fourth = text.find("丁");
  EXPECT_EQ(xxgk::line_end_at(text, 0), text.find('\r'));
  EXPECT_EQ(xxgk::next_line_start(text, 0), second);        // "\r\n" is one terminator
  EXPECT_EQ(xxgk::next_line_start(text, second), third);    // a lone "\r" ends a line
  EXPECT_EQ(xxgk::next_line_start(text, third + 1), fourth);
  EXPECT_EQ(xxgk::line_start_at(text, third + 2), third);
  EXPECT_EQ(xxgk::line_end_at(text, fourth), text.size());
  EXPECT_EQ(xxgk::next_line_start(text, fourth), text.size());
  EXPECT_EQ(xxgk::line_start_at(text, text.size() + 5), fourth);  // clamped
}

}  // namespace
