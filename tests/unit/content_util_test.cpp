// The prose search helpers of the rules: find_word and rfind_word must give exactly what std::string_view's find and
// rfind give, on Chinese text where lead bytes repeat and on words that overlap themselves, in texts short and long
// enough for find_word's sixteen-byte blocks (and their remainder) to meet a word anywhere.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>

#include "../../rules/checks/content_util.h"

namespace {

using xxgk::content::find_word;
using xxgk::content::rfind_word;

TEST(ContentUtilTest, FindsWordsAsStringViewFindAndRfindDo) {
  const std::string_view pieces[] = {"部分", "。", "由", "包括", "分", "a", "aa", "，"};
  std::mt19937 random(20261201);
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    for (size_t n = random() % (round % 2 == 0 ? 10 : 60); n > 0; --n) text += pieces[random() % std::size(pieces)];
    const std::string_view word = pieces[random() % std::size(pieces)];
    const size_t at = random() % (text.size() + 2);
    const std::string_view view(text);
    ASSERT_EQ(find_word(view, word, at), view.find(word, at)) << text << " / " << word << " from " << at;
    // string_view::rfind(word, pos) finds the last occurrence starting at or before pos.
    ASSERT_EQ(rfind_word(view, word, at + word.size()), view.rfind(word, at)) << text << " / " << word << " at " << at;
  }
}

TEST(ContentUtilTest, RfindWordStopsAtTheGivenEnd) {
  const std::string_view text = "由甲、乙由丙";
  EXPECT_EQ(rfind_word(text, "由", text.size()), 12u);
  EXPECT_EQ(rfind_word(text, "由", 12), 0u);
  EXPECT_EQ(rfind_word(text, "由", 2), std::string_view::npos);
  EXPECT_EQ(rfind_word(text, "", 5), 5u);
}

}  // namespace

// find_ascii_byte skips Chinese text a block of bytes at a time (and the rest of a range byte by byte): it must give
// the first wanted ASCII byte, as a plain loop over the bytes does, wherever the range starts and ends.
TEST(ContentUtilTest, FindAsciiByteGivesTheFirstWantedAsciiByteOfTheRange) {
  const std::string_view pieces[] = {"部分", "公开", "(", ":", "a", " ", "，", "ÿ"};
  const auto wanted = [](char c) { return c == '(' || c == ':'; };
  std::mt19937 random(20261202);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (size_t n = random() % (round % 2 == 0 ? 14 : 60); n > 0; --n) text += pieces[random() % std::size(pieces)];
    const size_t begin = text.empty() ? 0 : random() % (text.size() + 1);
    const size_t end = begin + random() % (text.size() - begin + 1);
    size_t expected = begin;
    while (expected < end && !wanted(text[expected])) ++expected;
    ASSERT_EQ(xxgk::content::find_ascii_byte(text, begin, end, wanted), expected)
        << text << " [" << begin << ", " << end << ")";
  }
}
