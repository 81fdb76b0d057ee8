// The build-time Traditional → Simplified tables (rules/src/hant_hans.h) against ICU's Hant-Hans transliterator
// itself: on every fixture (whole texts, so the phrase rules meet real neighbours, and each character alone), on the
// clean report written in Traditional script, on every character ICU maps and on every phrase the tables hold.
#include "hant_hans.h"

#include <gtest/gtest.h>
#include <unicode/translit.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <memory>
#include <set>
#include <string>

#include "read_file.h"

namespace {

using xxgk::testing_support::read_file;
using xxgk::testing_support::read_fixture;

std::u32string code_points(const icu::UnicodeString& u) {
  std::u32string out(static_cast<size_t>(u.countChar32()), U'\0');
  UErrorCode status = U_ZERO_ERROR;
  u.toUTF32(reinterpret_cast<UChar32*>(out.data()), static_cast<int32_t>(out.size()), status);
  return out;
}

std::unique_ptr<icu::Transliterator> transliterator(const char* id) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
  EXPECT_TRUE(U_SUCCESS(status) && t);
  return t;
}

std::u32string by_icu(const char* id, const std::u32string& text) {
  static const std::unique_ptr<icu::Transliterator> to_simplified = transliterator("Hant-Hans");
  static const std::unique_ptr<icu::Transliterator> to_traditional = transliterator("Hans-Hant");
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(text.data()), static_cast<int32_t>(text.size()));
  (std::string_view(id) == "Hant-Hans" ? to_simplified : to_traditional)->transliterate(u);
  return code_points(u);
}

std::u32string by_table(const std::u32string& text) {
  std::u32string out;
  xxgk::append_simplified(text, out);
  return out;
}

std::u32string decoded(const std::string& utf8) { return code_points(icu::UnicodeString::fromUTF8(utf8)); }

// Where two results first differ, for a readable failure.
std::string first_difference(const std::u32string& expected, const std::u32string& actual) {
  size_t i = 0;
  while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) ++i;
  std::string at;
  icu::UnicodeString(static_cast<UChar32>(i < expected.size() ? expected[i] : U' ')).toUTF8String(at);
  return "first difference at code point " + std::to_string(i) + " (ICU: '" + at + "')";
}

void expect_same_as_icu(const std::u32string& text, const std::string& what) {
  const std::u32string expected = by_icu("Hant-Hans", text);
  const std::u32string actual = by_table(text);
  EXPECT_TRUE(actual == expected) << what << ": " << first_difference(expected, actual);
}

TEST(HantHansTable, AgreesWithIcuOnEveryFixtureAndEachOfItsCharacters) {
  std::set<char32_t> characters;
  size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(XXGK_FIXTURES_DIR)) {
    if (!entry.is_regular_file()) continue;
    const std::u32string text = decoded(read_file(entry.path()));
    expect_same_as_icu(text, entry.path().string());
    characters.insert(text.begin(), text.end());
    ++files;
  }
  EXPECT_GT(files, 300u);
  for (char32_t c : characters) expect_same_as_icu(std::u32string(1, c), "a fixture character alone");
}

TEST(HantHansTable, AgreesWithIcuOnTheCleanReportInTraditionalScript) {
  const std::u32string traditional = by_icu("Hans-Hant", decoded(read_fixture("clean/clean.txt")));
  EXPECT_NE(by_table(traditional), traditional);
  expect_same_as_icu(traditional, "clean.txt in Traditional script");
}

TEST(HantHansTable, AgreesWithIcuOnEveryCharacterOfItsSourceSet) {
  icu::UnicodeSet source;
  transliterator("Hant-Hans")->getSourceSet(source);
  std::u32string all;
  for (int32_t r = 0; r < source.getRangeCount(); ++r)
    for (UChar32 c = source.getRangeStart(r); c <= source.getRangeEnd(r); ++c) {
      expect_same_as_icu(std::u32string(1, static_cast<char32_t>(c)), "a source-set character alone");
      all += static_cast<char32_t>(c);
    }
  expect_same_as_icu(all, "the source set in order");
}

// Phrases side by side, with and without a separator: one phrase's tail may start another.
TEST(HantHansTable, AgreesWithIcuOnEveryPhraseAloneAndInARow) {
  std::u32string in_a_row, separated;
  for (size_t i = 0; i < xxgk::hant_hans::kPhraseCount; ++i) {
    const std::u32string phrase(xxgk::hant_hans::kPhrases[i].from);
    expect_same_as_icu(phrase, "a phrase alone");
    in_a_row += phrase;
    separated += phrase + U"，";
  }
  expect_same_as_icu(in_a_row, "every phrase in a row");
  expect_same_as_icu(separated, "every phrase, separated");
}

}  // namespace
