// The report model built from real reports: titles, sections, tables recognised against the 2021 format, rows matched
// to canonical rows with their label and value cells.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <vector>

#include "read_file.h"
#include "xxgk/linter.h"
#include "table_recognition.h"
#include "xxgk/normalize.h"

namespace {

using xxgk::testing_support::read_fixture;

class ModelTest : public testing::Test {
 protected:
  xxgk::Report build(const std::string& relative) {
    text_ = read_fixture(relative);
    EXPECT_FALSE(text_.empty()) << relative;
    return xxgk::build_report(text_, {});
  }
  std::string line_of(const xxgk::Report& report, size_t byte) const {
    return std::to_string(xxgk::LineIndex(report.text).line_of(byte) + 1);
  }
  std::string text_;
};

int row_index(const xxgk::Table& table, std::string_view id) { return table.spec->row_index(id); }

TEST_F(ModelTest, CleanReportHasTitleSixSectionsAndThreeCompleteTables) {
  const xxgk::Report report = build("clean/clean.txt");
  ASSERT_TRUE(report.title);
  EXPECT_EQ(report.title->text, "青山市自然资源和规划局2024年政府信息公开工作年度报告");
  EXPECT_EQ(report.year, 2024);
  ASSERT_EQ(report.sections.size(), 6u);
  for (int n = 1; n <= 6; ++n) {
    EXPECT_EQ(report.sections[n - 1].number, n);
    EXPECT_EQ(report.sections[n - 1].heading->match, xxgk::Match::Exact);
  }
  for (const char* id : {"table2", "table3", "table4"}) {
    const xxgk::Table* table = report.table(id);
    ASSERT_NE(table, nullptr) << id;
    for (size_t r = 0; r < table->spec->rows.size(); ++r) {
      const xxgk::Row* row = table->row_for(static_cast<int>(r));
      ASSERT_NE(row, nullptr) << id << " row " << table->spec->rows[r].id;
      EXPECT_TRUE(row->complete) << id << " row " << table->spec->rows[r].id;
      EXPECT_EQ(row->label_match, xxgk::Match::Exact) << id << " row " << table->spec->rows[r].id;
    }
    for (const xxgk::Row& row : table->rows)
      EXPECT_NE(row.kind, xxgk::RowKind::Unknown) << report.slice(row.range);
  }
  const xxgk::Table& t3 = *report.table("table3");
  EXPECT_EQ(t3.section, 3);
  EXPECT_EQ(t3.row_for("R01")->value(6)->value.number, 52);
  EXPECT_EQ(t3.row_for("R24")->value(0)->value.number, 41);
  EXPECT_EQ(report.table("table2")->row_for("行政事业性收费")->value(0)->value.kind, xxgk::ValueKind::Decimal);
  EXPECT_EQ(report.table("table4")->row_for("D")->value(14)->value.number, 2);
  // Group labels of table 三: 三、本年度办理结果 and the four sub-groups.
  EXPECT_EQ(t3.groups.size(), 5u);
}

TEST_F(ModelTest, Sample000JoinsSplitLabelsAndKeepsTheShortRow) {
  const xxgk::Report report = build("samples/000_665c97d63233bba3.txt");
  const xxgk::Table* t3 = report.table("table3");
  ASSERT_NE(t3, nullptr);
  // "（三）不" / blank line / "予公开" is one group label; its rows still match R05 and R06.
  ASSERT_NE(t3->row_for("R05"), nullptr);
  ASSERT_NE(t3->row_for("R06"), nullptr);
  bool found_split_group = false;
  for (const xxgk::GroupLabel& g : t3->groups)
    if (t3->spec->groups[static_cast<size_t>(g.group)].id == "G3-3") found_split_group = true;
  EXPECT_TRUE(found_split_group);
  // L58: R13 has six values only.
  const xxgk::Row* r13 = t3->row_for("R13");
  ASSERT_NE(r13, nullptr);
  EXPECT_EQ(line_of(report, r13->range.begin), "58");
  EXPECT_FALSE(r13->complete);
  EXPECT_EQ(r13->value_cells.size(), 6u);
  // Every other row is complete, whatever its trailing tabs.
  for (size_t r = 0; r < t3->spec->rows.size(); ++r)
    if (t3->spec->rows[r].id != "R13") EXPECT_TRUE(t3->row_for(static_cast<int>(r))->complete) << t3->spec->rows[r].id;
  // L31: "114 件" is a number with unit text.
  const xxgk::Cell* permit = report.table("table2")->row_for("行政许可")->value(0);
  ASSERT_NE(permit, nullptr);
  EXPECT_EQ(permit->value.kind, xxgk::ValueKind::NumberWithUnit);
  EXPECT_EQ(permit->value.number, 114);
  // Table 四 with its space-split headers.
  EXPECT_TRUE(report.table("table4")->row_for("D")->complete);
}

TEST_F(ModelTest, Sample001JoinsTheTwoLineTitleAndRecognisesTheHeadingVariant) {
  const xxgk::Report report = build("samples/001_12f801b671389a59.txt");
  ASSERT_TRUE(report.title);
  EXPECT_EQ(report.title->lines.size(), 2u);
  EXPECT_EQ(report.title->normalized, "红寺堡区审批服务管理局2022年政府信息公开工作年度报告");
  ASSERT_EQ(report.sections.size(), 6u);
  EXPECT_EQ(report.sections[4].number, 5);
  EXPECT_NE(report.sections[4].heading->match, xxgk::Match::Exact);
  EXPECT_NE(report.sections[4].heading->match, xxgk::Match::None);
  const xxgk::Table* t3 = report.table("table3");
  ASSERT_NE(t3, nullptr);
  EXPECT_EQ(t3->row_for("R04")->label_match, xxgk::Match::Exact);  // ASCII commas and brackets normalise
  for (size_t r = 0; r < t3->spec->rows.size(); ++r) EXPECT_TRUE(t3->row_for(static_cast<int>(r))->complete);
}

TEST_F(ModelTest, Sample002HasNoTitleAndPipeTables) {
  const xxgk::Report report = build("samples/002_8f6a0cdd81ca4d1e.txt");
  EXPECT_FALSE(report.title);
  EXPECT_EQ(report.year, 2022);  // from the statistics period, for want of a title
  ASSERT_EQ(report.sections.size(), 6u);
  EXPECT_EQ(report.sections[3].number, 4);
  EXPECT_EQ(report.sections[4].number, 5);
  for (const char* id : {"table2", "table3", "table4"}) {
    const xxgk::Table* table = report.table(id);
    ASSERT_NE(table, nullptr) << id;
    for (size_t r = 0; r < table->spec->rows.size(); ++r) {
      const xxgk::Row* row = table->row_for(static_cast<int>(r));
      ASSERT_NE(row, nullptr) << id << " " << table->spec->rows[r].id;
      EXPECT_TRUE(row->complete) << id << " " << table->spec->rows[r].id;
      EXPECT_EQ(row->separator, '|');
    }
  }
}

TEST_F(ModelTest, Sample003AlignsShiftedRowsFromTheRight) {
  const xxgk::Report report = build("samples/003_53998b694067610d.txt");
  const xxgk::Table* t3 = report.table("table3");
  ASSERT_NE(t3, nullptr);
  for (const char* id : {"R23", "R24"}) {
    const xxgk::Row* row = t3->row_for(id);
    ASSERT_NE(row, nullptr) << id;
    EXPECT_TRUE(row->complete) << id;
  }
  EXPECT_EQ(report.sections.size(), 6u);
}

TEST_F(ModelTest, Sample004LacksR23AndHasAnEmptyR22) {
  const xxgk::Report report = build("samples/004_6958a79bc20c0ed0.txt");
  const xxgk::Table* t3 = report.table("table3");
  ASSERT_NE(t3, nullptr);
  EXPECT_EQ(t3->row_for("R23"), nullptr);
  EXPECT_TRUE(t3->rows_for(row_index(*t3, "R23")).empty());
  const xxgk::Row* r22 = t3->row_for("R22");
  ASSERT_NE(r22, nullptr);
  EXPECT_EQ(line_of(report, r22->range.begin), "60");
  ASSERT_EQ(r22->value_cells.size(), 7u);
  for (size_t c = 0; c < 7; ++c) EXPECT_EQ(r22->value(c)->value.kind, xxgk::ValueKind::Empty);
  // "三、 本 年 办 理 结 果" is the group label 三、本年度办理结果 worded differently.
  bool found = false;
  for (const xxgk::GroupLabel& g : t3->groups)
    if (t3->spec->groups[static_cast<size_t>(g.group)].id == "G3") {
      found = true;
      EXPECT_NE(g.match, xxgk::Match::Exact);
      EXPECT_EQ(line_of(report, g.range.begin), "41");
    }
  EXPECT_TRUE(found);
  EXPECT_EQ(t3->row_for("R01")->value(6)->value.number, 25);
  const xxgk::Row* t4 = report.table("table4")->row_for("D");
  ASSERT_NE(t4, nullptr);
  EXPECT_EQ(t4->value(9)->value.number, 4);
  // Section 二's heading carries an extra 公开: still section 2.
  EXPECT_EQ(report.sections[1].number, 2);
  EXPECT_NE(report.sections[1].heading->match, xxgk::Match::Exact);
}

TEST_F(ModelTest, TablesOfTwoSchemasWithoutAHeadingBetweenAreTwoTables) {
  std::string text = read_fixture("clean/clean.txt");
  const std::string heading = "三、收到和处理政府信息公开申请情况\n\n";
  text.erase(text.find(heading), heading.size());
  const xxgk::Report report = xxgk::build_report(text, {});
  const xxgk::Table* t2 = report.table("table2");
  const xxgk::Table* t3 = report.table("table3");
  ASSERT_NE(t2, nullptr);
  ASSERT_NE(t3, nullptr);
  EXPECT_NE(t2, t3);
  EXPECT_NE(t2->row_for("行政事业性收费"), nullptr);
  // Table 三's note and header rows open table 三, they do not trail table 二.
  EXPECT_EQ(t3->rows.front().kind, xxgk::RowKind::Note);
  for (size_t r = 0; r < t3->spec->rows.size(); ++r) EXPECT_NE(t3->row_for(static_cast<int>(r)), nullptr);
}

// Rows are split eight bytes at a time where a block holds no tab, pipe or backslash: an escaped pipe stays in its
// cell wherever it falls, also when the backslash ends one block and the pipe opens the next.
TEST_F(ModelTest, EscapedPipesStayInTheirCellWhereverTheyFall) {
  const std::vector<std::string> labels = {"规章\\|说明", "a规章\\|说明", "ab规章\\|说明", "abc规章\\|说明",
                                           "abcd规章\\|说明", "abcde规章\\|说明", "abcdef规章\\|说明",
                                           "abcdefg规章\\|说明"};
  text_ = "二、主动公开政府信息情况\n\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| --- | --- | --- | --- |\n";
  for (const std::string& label : labels) text_ += "| " + label + " | 1 | 2 | 3 |\n";
  const xxgk::Report report = xxgk::build_report(text_, {});
  ASSERT_EQ(report.tables.size(), 1u);
  const std::vector<xxgk::Row>& rows = report.tables[0].rows;
  ASSERT_EQ(rows.size(), 2 + labels.size());
  for (size_t i = 0; i < labels.size(); ++i) {
    const xxgk::Row& row = rows[2 + i];
    ASSERT_EQ(row.cells.size(), 4u) << labels[i];
    EXPECT_EQ(report.slice(row.cells[0].range), labels[i]);
    EXPECT_EQ(report.slice(row.cells[3].range), "3");
  }
}

TEST_F(ModelTest, DocumentAppliesTheOptionsYearToItsOneModel) {
  xxgk::Document document(read_fixture("clean/clean.txt"));
  xxgk::LintOptions configured;
  configured.year = 2023;
  const xxgk::Report* first = &document.report(configured);
  EXPECT_EQ(first->year, 2023);
  const xxgk::Report* second = &document.report({});
  EXPECT_EQ(second, first);  // the same model, not a rebuild
  EXPECT_EQ(second->year, 2024);  // the title's year when the options name none
  document.replace({0, 0}, "\n");
  EXPECT_EQ(document.report(configured).year, 2023);
}

TEST(NormalizeTest, FoldsWidthSpacesItemNumbersAndScript) {
  EXPECT_EQ(xxgk::normalize_label("(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)"),
            xxgk::normalize_label("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"));
  EXPECT_EQ(xxgk::normalize_label("1. 属于国家秘密"), "1.属于国家秘密");
  EXPECT_EQ(xxgk::normalize_label("1．属于国家秘密"), "1.属于国家秘密");
  EXPECT_EQ(xxgk::normalize_label("1、属于国家秘密"), "1.属于国家秘密");
  EXPECT_EQ(xxgk::normalize_label("三、 本 年 办 理 结 果"), "三、本年办理结果");
  EXPECT_EQ(xxgk::normalize_label("主動公開政府信息情況"), "主动公开政府信息情况");
  EXPECT_EQ(xxgk::normalize_label("２０２２年"), "2022年");
  EXPECT_EQ(xxgk::normalize_label("自然\u3000人"), "自然人");
}

// normalize_label takes text of ASCII, of code points NFKC leaves alone and of full-width ASCII forms in one pass
// without ICU, and the rest through ICU: each way, and the seams between them, give what NFKC, the simplification and
// the folding give.
TEST(NormalizeTest, EveryWayThroughTheNormalisationGivesNfkcAndTheFolding) {
  EXPECT_EQ(xxgk::normalize_label("(a) b:c"), "（a）b：c");                   // ASCII, punctuation widened
  EXPECT_EQ(xxgk::normalize_label("a\tb\rc\vd\fe"), "abcde");                  // ASCII white space
  EXPECT_EQ(xxgk::normalize_label("统计表Ａ说明"), "统计表A说明");             // one full-width letter amid inert text
  EXPECT_EQ(xxgk::normalize_label("\u1100\u1161"), "\uAC00");                 // conjoining jamo compose
  EXPECT_EQ(xxgk::normalize_label("e\u0301"), "\u00E9");                      // a combining mark after ASCII
  EXPECT_EQ(xxgk::normalize_label("\uF900"), "岂");  // a compatibility ideograph: NFKC makes it 豈, simplified 岂
  EXPECT_EQ(xxgk::normalize_label("\u2003x\u00A0y\u0085z"), "xyz");           // white space beyond ASCII
  EXPECT_EQ(xxgk::normalize_label("\xFF统计"), "\uFFFD统计");                  // an ill-formed byte
  EXPECT_EQ(xxgk::normalize_label("\xE4\xB8统计"), "\uFFFD统计");             // a sequence cut short: one U+FFFD
  EXPECT_EQ(xxgk::normalize_label("（一）予以公开"), "（一）予以公开");         // full-width brackets: "(" and back
  EXPECT_EQ(xxgk::normalize_label("Ａ\u0301"), "\u00C1");  // a combining mark after a full-width letter composes
  EXPECT_EQ(xxgk::normalize_label("公开\u3000\u3000情况"), "公开情况");       // ideographic spaces
  EXPECT_EQ(xxgk::normalize_label("（三）不予公開"), "（三）不予公开");         // a Traditional character amid them
  EXPECT_EQ(xxgk::normalize_label("公眾"), "公众");  // 公 starts Traditional phrases: the text's own is simplified
  EXPECT_EQ(xxgk::normalize_label("公开"), "公开");
}

// U+FF01–U+FF5E are NFKC's full-width forms of "!" to "~": each normalises as its ASCII character does, alone and
// between Chinese characters.
TEST(NormalizeTest, EveryFullWidthFormIsItsAsciiCharacter) {
  for (char32_t ascii = U'!'; ascii <= U'~'; ++ascii) {
    const std::string narrow(1, static_cast<char>(ascii));
    const char32_t c = ascii + (U'\uFF01' - U'!');  // three bytes in UTF-8
    const std::string wide{static_cast<char>(0xE0 | c >> 12), static_cast<char>(0x80 | (c >> 6 & 0x3F)),
                           static_cast<char>(0x80 | (c & 0x3F))};
    EXPECT_EQ(xxgk::normalize_label(wide), xxgk::normalize_label(narrow)) << narrow;
    EXPECT_EQ(xxgk::normalize_label("本年" + wide + "1"), xxgk::normalize_label("本年" + narrow + "1")) << narrow;
  }
}

TEST(NormalizeTest, EditDistanceCountsCodePointsAndStopsAtTheCap) {
  EXPECT_EQ(xxgk::edit_distance("本年度办理结果", "本年办理结果"), 1u);
  EXPECT_EQ(xxgk::edit_distance("𠮷", "吉"), 1u);
  EXPECT_EQ(xxgk::edit_distance("abcdef", "uvwxyz", 2), 3u);
}

// The distance computes only a band around the diagonal; it must agree with the whole Levenshtein table, capped, on
// any pair of strings and any cap.
TEST(NormalizeTest, EditDistanceEqualsTheFullTableCapped) {
  auto full_table = [](const std::u32string& a, const std::u32string& b) {
    std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (size_t i = 1; i <= a.size(); ++i)
      for (size_t j = 1; j <= b.size(); ++j)
        d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    return d[a.size()][b.size()];
  };
  // Characters of one, three and four bytes, so that the UTF-8 form and the code points differ in length.
  const std::string_view alphabet[] = {"本", "年", "办", "理", "结", "果", "a", "𠮷"};
  std::mt19937 random(20261201);
  auto random_string = [&] {
    std::string s;
    for (size_t n = random() % 12; n > 0; --n) s += alphabet[random() % std::size(alphabet)];
    return s;
  };
  for (int round = 0; round < 3000; ++round) {
    const std::string a = random_string(), b = random_string();
    const size_t cap = random() % 8;
    const size_t expected = std::min(full_table(xxgk::utf8_code_points(a), xxgk::utf8_code_points(b)), cap + 1);
    ASSERT_EQ(xxgk::edit_distance(a, b, cap), expected) << a << " / " << b << " cap " << cap;
  }
}

// match_wording settles most pairs by their lengths before computing the distance: the tolerance is a sixth of the
// canonical length (at least one), and a wording as far off in length as that is still a fuzzy match.
TEST(NormalizeTest, MatchWordingToleratesATypoPerSixCharacters) {
  const xxgk::NormalizedWording canonical(xxgk::normalize_label("本年新收政府信息公开申请数量"));  // 14 characters
  EXPECT_EQ(canonical.code_points, 14u);
  const std::vector<std::string> variants = {"本年新收申请数量"};
  auto match = [&](const std::string& written) {
    return xxgk::match_wording(written, xxgk::code_point_count(written), canonical, variants);
  };
  EXPECT_EQ(match("本年新收政府信息公开申请数量"), xxgk::Match::Exact);
  EXPECT_EQ(match("本年新收申请数量"), xxgk::Match::Variant);
  EXPECT_EQ(match("本年新收政府信息公开申请数"), xxgk::Match::Fuzzy);    // one shorter, two allowed
  EXPECT_EQ(match("本年新收政府公开申请数量"), xxgk::Match::Fuzzy);      // two shorter
  EXPECT_EQ(match("本年新收政府公开申请数"), xxgk::Match::None);         // three shorter
  EXPECT_EQ(match("本年新收政府信息公开的申请的数量"), xxgk::Match::Fuzzy);  // two longer
  EXPECT_EQ(match("本年新收政府信息公开的申请的总数量"), xxgk::Match::None);  // three longer
  EXPECT_EQ(match("今年新收政府信息公开申请数目"), xxgk::Match::Fuzzy);     // same length, two substitutions
  EXPECT_EQ(match("今年新收政府信息公示申请数目"), xxgk::Match::None);      // same length, three substitutions
}

TEST(NormalizeTest, ChineseNumerals) {
  EXPECT_EQ(xxgk::chinese_numeral_value("六"), 6);
  EXPECT_EQ(xxgk::chinese_numeral_value("十"), 10);
  EXPECT_EQ(xxgk::chinese_numeral_value("十二"), 12);
  EXPECT_EQ(xxgk::chinese_numeral_value("二十"), 20);
  EXPECT_EQ(xxgk::chinese_numeral_value("甲"), 0);
  EXPECT_EQ(xxgk::chinese_numeral(12), "十二");
  EXPECT_EQ(xxgk::chinese_numeral(3), "三");
}

TEST(NormalizeTest, TraditionalTextGetsASameLengthSimplifiedSearchText) {
  const std::string traditional = "主動公開政府信息情況";
  const std::string simplified = xxgk::to_simplified_same_length(traditional);
  EXPECT_EQ(simplified, "主动公开政府信息情况");
  EXPECT_EQ(xxgk::to_simplified_same_length("主动公开"), "");
}

}  // namespace

// A web page's chrome above the report is no title: the title is the line under it that names the report, its year
// is the report's, and the paragraphs above it are not the preamble.
TEST_F(ModelTest, TheTitleUnderPageChromeIsFoundAndTheChromeIsLeftOut) {
  const std::string clean = read_fixture("clean/clean.txt");
  const std::string title = clean.substr(0, clean.find('\n'));
  const std::string chrome = "关怀版 无障碍 无障碍\n\n您当前所在位置: 首页 > 部门公开信息 > 信息公开年度报告\n\n";
  text_ = chrome + clean;
  const xxgk::Report report = xxgk::build_report(text_, {});
  ASSERT_TRUE(report.title.has_value());
  ASSERT_EQ(report.title->lines.size(), 1u);
  EXPECT_EQ(report.slice(report.title->lines[0]), title);
  EXPECT_EQ(report.year, 2024);
  EXPECT_GE(report.preamble.begin, chrome.size() + title.size());
  for (size_t p : report.preamble_paragraphs) EXPECT_GE(report.paragraphs[p].range.begin, chrome.size());
}

// A page's "标题:" metadata line gives the title when nothing above the report names it.
TEST_F(ModelTest, APageTitleLabelGivesTheTitle) {
  text_ = "标题: 青山市2018年度政府信息公开工作年度报告\n发布时间: 2019-01-10 16:13\n\n一、总体情况\n\n正文。\n";
  const xxgk::Report report = xxgk::build_report(text_, {});
  ASSERT_TRUE(report.title.has_value());
  EXPECT_EQ(report.slice(report.title->range()), "青山市2018年度政府信息公开工作年度报告");
  EXPECT_EQ(report.year, 2018);
}

// A sub-item number with a stray space inside its brackets is a sub-item all the same.
TEST_F(ModelTest, ASpacedSubItemNumberOpensASubItem) {
  text_ = "一、总体情况\n\n（一）主动公开。全年公开。\n\n( 二)依申请公开。全年收到。\n\n（ 三 ）政府信息管理。严格。\n";
  const xxgk::Report report = xxgk::build_report(text_, {});
  std::vector<int> numbers;
  for (const xxgk::SubItem& item : report.subitems)
    if (!item.inline_marker) numbers.push_back(item.number_value);
  EXPECT_EQ(numbers, (std::vector<int>{1, 2, 3}));
}
