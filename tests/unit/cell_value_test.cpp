// How a table cell's text reads as a value: integers (ASCII or full-width digits), decimals, numbers with a unit,
// placeholders, malformed numbers and labels.
#include <gtest/gtest.h>

#include "cell_value.h"

namespace {

using xxgk::parse_cell_value;
using xxgk::ValueKind;

TEST(CellValueTest, ReadsIntegersWhateverTheirLengthAndDigits) {
  for (const auto& [text, number] : std::initializer_list<std::pair<std::string_view, double>>{
           {"0", 0}, {"7", 7}, {"12", 12}, {"000123", 123}, {"999999999999999", 999999999999999.0},
           {"1234567890123456789", 1234567890123456789.0}}) {
    const xxgk::CellValue value = parse_cell_value(text, 100);
    EXPECT_EQ(value.kind, ValueKind::Integer) << text;
    EXPECT_EQ(value.number, number) << text;
    EXPECT_FALSE(value.fullwidth_digits) << text;
    EXPECT_EQ(value.number_range, (xxgk::ByteRange{100, 100 + text.size()})) << text;
  }
  const xxgk::CellValue fullwidth = parse_cell_value("１２", 0);
  EXPECT_EQ(fullwidth.kind, ValueKind::Integer);
  EXPECT_EQ(fullwidth.number, 12);
  EXPECT_TRUE(fullwidth.fullwidth_digits);
  EXPECT_EQ(fullwidth.number_range, (xxgk::ByteRange{0, 6}));
}

// A count is an integer that converts to long long as it was written: below 2⁵³. A longer run of digits is an Integer
// all the same (the T2xx rules read it as a number), but no count: a fuzzer's 54 nines made C403 convert 1e54.
TEST(CellValueTest, ACountIsAnIntegerBelowTwoToTheFiftyThree) {
  EXPECT_TRUE(parse_cell_value("0", 0).is_exact_count());
  EXPECT_TRUE(parse_cell_value("9007199254740991", 0).is_exact_count());
  EXPECT_FALSE(parse_cell_value("9007199254740992", 0).is_exact_count());
  const xxgk::CellValue nines = parse_cell_value(std::string(54, '9'), 0);
  EXPECT_EQ(nines.kind, ValueKind::Integer);
  EXPECT_FALSE(nines.is_exact_count());
  EXPECT_FALSE(parse_cell_value(std::string(400, '9'), 0).is_exact_count()) << "beyond a double: infinity";
  EXPECT_FALSE(parse_cell_value("1.5", 0).is_exact_count());
  EXPECT_FALSE(parse_cell_value("3件", 0).is_exact_count());
}

TEST(CellValueTest, TellsDecimalsUnitsPlaceholdersMalformedNumbersAndLabelsApart) {
  EXPECT_EQ(parse_cell_value("1.5", 0).kind, ValueKind::Decimal);
  EXPECT_EQ(parse_cell_value("1.5", 0).number, 1.5);
  EXPECT_EQ(parse_cell_value("5件", 0).kind, ValueKind::NumberWithUnit);
  EXPECT_EQ(parse_cell_value("5件", 0).number_range, (xxgk::ByteRange{0, 1}));
  EXPECT_EQ(parse_cell_value("/", 0).kind, ValueKind::Placeholder);
  EXPECT_EQ(parse_cell_value("-5", 0).kind, ValueKind::Invalid);
  EXPECT_EQ(parse_cell_value("12a", 0).kind, ValueKind::Invalid);
  EXPECT_EQ(parse_cell_value("1.属于国家秘密", 0).kind, ValueKind::Text);
  EXPECT_EQ(parse_cell_value("自然人", 0).kind, ValueKind::Text);
  // A digit after a word, ASCII or full-width (EF BC 90..99), marks a short cell as a malformed value; the lead byte
  // EF alone, or of another full-width form, does not.
  EXPECT_EQ(parse_cell_value("约10", 0).kind, ValueKind::Invalid);
  EXPECT_EQ(parse_cell_value("约１０", 0).kind, ValueKind::Invalid);
  EXPECT_EQ(parse_cell_value("约（十）", 0).kind, ValueKind::Text);
  EXPECT_EQ(parse_cell_value("约\xEF", 0).kind, ValueKind::Text);
  EXPECT_EQ(parse_cell_value("", 0).kind, ValueKind::Empty);
}

}  // namespace
