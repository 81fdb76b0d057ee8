// Each helper of xxgk/prose.h: numbers, counts, years and dates as Chinese reports write them.
#include "xxgk/prose.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace xxgk::prose;
using xxgk::ByteRange;

std::string_view slice(std::string_view text, ByteRange range) { return text.substr(range.begin, range.size()); }

TEST(ProseTest, ParseNumberReadsDigitsFullWidthDigitsAndChineseNumerals) {
  const auto value = [](std::string_view text) { return parse_number(text, 0).value().value; };
  EXPECT_EQ(value("52件"), 52);
  EXPECT_EQ(value("５２"), 52);
  EXPECT_EQ(value("二〇二三年"), 2023);
  EXPECT_EQ(value("十二"), 12);
  EXPECT_EQ(value("一百零五"), 105);
  EXPECT_EQ(value("两万三千"), 23000);
  EXPECT_EQ(value("零"), 0);
  const std::string_view text = "共52件";
  EXPECT_EQ(slice(text, parse_number(text, 3)->range), "52");
  EXPECT_FALSE(parse_number("百姓", 0));
  EXPECT_FALSE(parse_number("件", 0));
  EXPECT_FALSE(parse_number("", 0));
}

TEST(ProseTest, CountAfterSkipsConnectivesAndWantsAUnitWhenAsked) {
  const std::string_view text = "收到申请共计 12件";
  const auto count = count_after(text, text.find("共"), true);
  ASSERT_TRUE(count);
  EXPECT_EQ(count->value, 12);
  EXPECT_EQ(slice(text, count->range), "12");
  EXPECT_EQ(count_after("为一件", 0, true)->value, 1);
  EXPECT_EQ(count_after("：3", 0, false)->value, 3);
  EXPECT_FALSE(count_after("：3", 0, true));
  EXPECT_FALSE(count_after("为2022年", 0, false));
  EXPECT_FALSE(count_after("若干件", 0, false));
}

TEST(ProseTest, ParseDateReadsDigitsAndChineseNumeralsWithSpaces) {
  const std::string_view text = "2022 年 1 月 1 日起";
  const auto date = parse_date(text, 0);
  ASSERT_TRUE(date);
  EXPECT_EQ(date->year, 2022);
  EXPECT_EQ(date->month, 1);
  EXPECT_EQ(date->day, 1);
  EXPECT_EQ(slice(text, date->range), "2022 年 1 月 1 日");
  EXPECT_EQ(slice(text, date->year_range), "2022");
  const auto chinese = parse_date("二〇二三年一月十一日", 0);
  ASSERT_TRUE(chinese);
  EXPECT_EQ(chinese->year, 2023);
  EXPECT_EQ(chinese->day, 11);
  EXPECT_FALSE(parse_date("12月31日", 0));
  const auto without_year = parse_date("12月31日", 0, true);
  ASSERT_TRUE(without_year);
  EXPECT_EQ(without_year->year, 0);
  EXPECT_TRUE(without_year->year_range.empty());
  EXPECT_FALSE(parse_date("2022年13月1日", 0));
  EXPECT_FALSE(parse_date("2022年1月32日", 0));
}

TEST(ProseTest, DatesInGivesEveryDateAndLendsTheYearToADateWithout) {
  const std::string_view text = "统计期限自2024年1月1日起至12月31日止，2025年2月3日公布";
  const auto dates = dates_in(text, {0, text.size()});
  ASSERT_EQ(dates.size(), 3u);
  EXPECT_EQ(dates[0].year, 2024);
  EXPECT_EQ(dates[1].year, 2024);
  EXPECT_EQ(dates[1].month, 12);
  EXPECT_TRUE(dates[1].year_range.empty());
  EXPECT_EQ(dates[2].year, 2025);
  // A date that runs past the range is not in it; a number is read from its first digit only.
  EXPECT_TRUE(dates_in(text, {0, text.find("日起")}).empty());
  const std::string_view long_number = "12024年1月1日";
  EXPECT_TRUE(dates_in(long_number, {0, long_number.size()}).empty());
}

TEST(ProseTest, YearsAreFrom1900To2100AndFollowedBy年) {
  const std::string_view text = "截至2022 年度";
  const auto year = year_at(text, text.find("2022"));
  ASSERT_TRUE(year);
  EXPECT_EQ(year->year, 2022);
  EXPECT_EQ(slice(text, year->range), "2022");
  EXPECT_FALSE(year_at("1800年", 0));
  EXPECT_FALSE(year_at("2022件", 0));
  EXPECT_EQ(year_at("二〇二一年", 0)->year, 2021);
  const std::string_view title = "某局12件2023年政府信息公开工作年度报告";
  const auto first = first_year_in(title, {0, title.size()});
  ASSERT_TRUE(first);
  EXPECT_EQ(first->year, 2023);
  EXPECT_FALSE(first_year_in(title, {0, title.find("2023")}));
}

TEST(ProseTest, SubitemMarkerEndIsPastTheClosingBracketOfEitherWidth) {
  const std::string_view full = " （三）公开";
  EXPECT_EQ(subitem_marker_end(full, 0), full.find("公"));
  const std::string_view half = "(十二)公开";
  EXPECT_EQ(subitem_marker_end(half, 0), half.find("公"));
  EXPECT_EQ(subitem_marker_end("（a）", 0), std::string_view::npos);
  EXPECT_EQ(subitem_marker_end("（三", 0), std::string_view::npos);
  EXPECT_EQ(subitem_marker_end("三）", 0), std::string_view::npos);
}

TEST(ProseTest, NegationBeforeIsTheFirstNegationThatIsNoIdiom) {
  const Negations negations{{"未曾", "没有", "未", "无"}, {"法", "论", "经"}};
  const auto negation = [&](std::string_view text) {
    const auto found = negation_before(text, {0, text.size()}, negations);
    return found ? std::string(slice(text, *found)) : std::string("-");
  };
  EXPECT_EQ(negation("本年度未曾收到"), "未曾");
  EXPECT_EQ(negation("没有收到"), "没有");
  EXPECT_EQ(negation("无法统计，未收到"), "未");
  EXPECT_EQ(negation("未经复议"), "-");
  EXPECT_EQ(negation("收到"), "-");
  // The first by position, whatever the order of the list.
  EXPECT_EQ(negation("无一件未办结"), "无");
  const std::string_view text = "未收到没有";
  const auto within = negation_before(text, {3, text.size()}, negations);
  ASSERT_TRUE(within);
  EXPECT_EQ(slice(text, *within), "没有");
}

TEST(ProseTest, FormatNumberWritesIntegersWithoutAPointAndDecimalsToTheDigitsAsked) {
  EXPECT_EQ(format_number(52, kEditorDigits), "52");
  EXPECT_EQ(format_number(52.0000000001, kEditorDigits), "52");
  EXPECT_EQ(format_number(-3, kMessageDigits), "-3");
  EXPECT_EQ(format_number(12.58 + 0.01, kEditorDigits), "12.59");
  EXPECT_EQ(format_number(1.0 / 3, kEditorDigits), "0.3333333333");
  EXPECT_EQ(format_number(1.0 / 3, kMessageDigits), "0.333333");
  EXPECT_EQ(format_number(1e15, kMessageDigits), "1e+15");
}

}  // namespace
