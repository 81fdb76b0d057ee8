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
