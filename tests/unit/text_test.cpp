// Each helper of xxgk/text.h. find_word and rfind_word must give exactly what std::string_view's find and rfind give,
// on Chinese text where lead bytes repeat and on words that overlap themselves, in texts short and long enough for
// find_word's sixteen-byte blocks (and their remainder) to meet a word anywhere.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>

#include "xxgk/text.h"

namespace {

using namespace xxgk::text;
using xxgk::ByteRange;

std::string_view slice(std::string_view text, ByteRange range) { return text.substr(range.begin, range.size()); }

TEST(TextTest, FindsWordsAsStringViewFindAndRfindDo) {
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

TEST(TextTest, RfindWordStopsAtTheGivenEnd) {
  const std::string_view text = "由甲、乙由丙";
  EXPECT_EQ(rfind_word(text, "由", text.size()), 12u);
  EXPECT_EQ(rfind_word(text, "由", 12), 0u);
  EXPECT_EQ(rfind_word(text, "由", 2), std::string_view::npos);
  EXPECT_EQ(rfind_word(text, "", 5), 5u);
}

// find_ascii_byte skips Chinese text a block of bytes at a time (and the rest of a range byte by byte): it must give
// the first wanted ASCII byte, as a plain loop over the bytes does, wherever the range starts and ends.
TEST(TextTest, FindAsciiByteGivesTheFirstWantedAsciiByteOfTheRange) {
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
    ASSERT_EQ(find_ascii_byte(text, begin, end, wanted), expected) << text << " [" << begin << ", " << end << ")";
  }
}

TEST(TextTest, CodePointAtDecodesAndGivesNothingPastTheEnd) {
  const std::string_view text = "a公";
  size_t length = 9;
  EXPECT_EQ(code_point_at(text, 0, length), U'a');
  EXPECT_EQ(length, 1u);
  EXPECT_EQ(code_point_at(text, 1, length), U'公');
  EXPECT_EQ(length, 3u);
  EXPECT_EQ(code_point_at(text, 4, length), 0u);
  EXPECT_EQ(length, 0u);
}

TEST(TextTest, PreviousCodePointStartStepsBackOverContinuationBytes) {
  const std::string_view text = "a公b";
  EXPECT_EQ(previous_code_point_start(text, 0), 0u);
  EXPECT_EQ(previous_code_point_start(text, 1), 0u);
  EXPECT_EQ(previous_code_point_start(text, 4), 1u);
  EXPECT_EQ(previous_code_point_start(text, 5), 4u);
}

TEST(TextTest, InlineSpacesAreTheFourSpacesOfExtractedText) {
  for (char32_t space : {U' ', U'\t', U'\u3000', U'\u00A0'}) EXPECT_TRUE(is_inline_space(space));
  EXPECT_FALSE(is_inline_space(U'\n'));
  EXPECT_FALSE(is_inline_space(U'，'));
  const std::string_view text = " \t\u3000\u00A0公 ";
  EXPECT_EQ(skip_inline_spaces(text, 0), 7u);
  EXPECT_EQ(skip_inline_spaces(text, 7), 7u);
  EXPECT_EQ(skip_inline_spaces(text, text.size()), text.size());
  EXPECT_TRUE(is_blank(" \u3000\t"));
  EXPECT_TRUE(is_blank(""));
  EXPECT_FALSE(is_blank(" 。"));
}

TEST(TextTest, ClassifiesHanPunctuationAndAsciiAlphanumerics) {
  EXPECT_TRUE(is_han(U'公'));
  EXPECT_TRUE(is_han(U'〇'));
  EXPECT_TRUE(is_han(U'\u3400'));
  EXPECT_FALSE(is_han(U'。'));
  EXPECT_FALSE(is_han(U'a'));
  for (char32_t mark : {U'。', U'，', U'：', U'“', U'”', U'…', U'—', U'（'}) EXPECT_TRUE(is_chinese_punctuation(mark));
  EXPECT_FALSE(is_chinese_punctuation(U','));
  EXPECT_FALSE(is_chinese_punctuation(U'公'));
  EXPECT_TRUE(is_ascii_alnum(U'z'));
  EXPECT_TRUE(is_ascii_alnum(U'7'));
  EXPECT_FALSE(is_ascii_alnum(U'７'));
  EXPECT_FALSE(is_ascii_alnum(U'_'));
}

TEST(TextTest, LinesEndAtEveryTerminator) {
  const std::string_view text = "甲\r\n乙\r丙\n丁";
  const Line first = line_from(text, 0);
  EXPECT_EQ(slice(text, first.content), "甲");
  EXPECT_EQ(first.next, 5u);
  const Line second = line_from(text, first.next);
  EXPECT_EQ(slice(text, second.content), "乙");
  EXPECT_EQ(second.next, 9u);
  const Line last = line_from(text, 13);
  EXPECT_EQ(slice(text, last.content), "丁");
  EXPECT_EQ(last.next, text.size());
  EXPECT_EQ(slice(text, line_at(text, 10).content), "丙");
  EXPECT_EQ(slice(text, line_at(text, 0).content), "甲");
  EXPECT_EQ(slice(text, line_at(text, text.size()).content), "丁");
}

TEST(TextTest, TrimmedCutsInlineSpacesFromBothEnds) {
  const std::string_view text = "\u3000 公开\u00A0\t";
  EXPECT_EQ(slice(text, trimmed(text, {0, text.size()})), "公开");
  const ByteRange blank = trimmed(text, {0, 4});
  EXPECT_TRUE(blank.empty());
}

TEST(TextTest, InsideTitleMarksOnlyWithinAnOpenBookTitleOnTheLine) {
  const std::string_view text = "依据《条例》规定，《通知\n要求";
  EXPECT_TRUE(inside_title_marks(text, text.find("条例")));
  EXPECT_FALSE(inside_title_marks(text, text.find("规定")));
  EXPECT_TRUE(inside_title_marks(text, text.find("通知")));
  EXPECT_FALSE(inside_title_marks(text, text.find("要求")));
}

TEST(TextTest, SentencesAndClausesEndAtTheirMarksAndAtLineEnds) {
  const std::string_view text = "甲。乙，丙；丁\n戊";
  const ByteRange all{0, text.size()};
  EXPECT_EQ(slice(text, sentence_around(text, text.find("丙"), all)), "乙，丙；");
  EXPECT_EQ(slice(text, clause_around(text, text.find("丙"), all)), "丙；");
  EXPECT_EQ(slice(text, sentence_around(text, text.find("丁"), all)), "丁");
  EXPECT_EQ(slice(text, sentence_around(text, text.find("丙"), {text.find("丙"), text.size()})), "丙；");
  EXPECT_EQ(clause_end(text, text.find("乙"), text.size()), text.find("丙"));
  EXPECT_EQ(clause_end(text, text.find("乙"), text.find("，")), text.find("，"));
}

TEST(TextTest, StartsAndEndsWithAtAPosition) {
  const std::string_view text = "政府信息";
  EXPECT_TRUE(starts_with_at(text, 6, "信息"));
  EXPECT_FALSE(starts_with_at(text, 3, "信息"));
  EXPECT_FALSE(starts_with_at(text, 99, ""));
  EXPECT_TRUE(ends_with_at(text, 6, "政府"));
  EXPECT_FALSE(ends_with_at(text, 3, "政府"));
  EXPECT_FALSE(ends_with_at(text, 99, "信息"));
}

TEST(TextTest, FindAnyGivesTheEarliestOfTheWordsInTheRange) {
  const std::string_view text = "本年度收费0元，未收取信息处理费";
  const std::vector<std::string> words = {"信息处理费", "收费", "未收取"};
  std::string_view found;
  EXPECT_EQ(find_any(text, {0, text.size()}, words, &found), text.find("收费"));
  EXPECT_EQ(found, "收费");
  EXPECT_EQ(find_any(text, {text.find("元"), text.size()}, words, &found), text.find("未收取"));
  EXPECT_EQ(found, "未收取");
  EXPECT_EQ(find_any(text, {0, text.find("费")}, words), std::string_view::npos);
  EXPECT_TRUE(contains_any(text, words));
  EXPECT_FALSE(contains_any("无", words));
  EXPECT_TRUE(mentions_any(text, {{0, 3}, {text.find("未"), text.size()}}, words));
  EXPECT_FALSE(mentions_any(text, {{0, 3}}, words));
}

}  // namespace
