// The five real reports in tests/fixtures/samples parse without ERROR/MISSING nodes
// and with the block structure the document model expects.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "grammar_test_util.hpp"

namespace fs = std::filesystem;
using namespace xxgk_grammar_test;

namespace {

struct SampleExpectation {
  int titles;
  int tables;
  int rows;            // lines holding a tab or '|' (and something besides whitespace)
  int blanks_in_table; // sample 000 L50
  bool preamble_first; // the first block is a paragraph (no title)
};

const std::map<std::string, SampleExpectation> kExpected = {
    {"000_665c97d63233bba3.txt", {1, 3, 46, 1, false}},
    {"001_12f801b671389a59.txt", {2, 3, 46, 0, false}},
    {"002_8f6a0cdd81ca4d1e.txt", {0, 3, 46, 0, true}},
    {"003_53998b694067610d.txt", {1, 3, 46, 0, false}},
    {"004_6958a79bc20c0ed0.txt", {1, 3, 45, 0, false}},
};

const char *const kNumerals[] = {"一", "二", "三", "四", "五", "六"};

class SampleTest : public ::testing::TestWithParam<fs::path> {};

TEST_P(SampleTest, ParsesCleanly) {
  const std::string text = read_file(GetParam());
  auto parser = make_parser();
  auto tree = parse(parser.get(), text);
  TSNode root = ts_tree_root_node(tree.get());
  EXPECT_STREQ(ts_node_type(root), "document");
  EXPECT_FALSE(ts_node_has_error(root)) << node_string(root);
  EXPECT_EQ(ts_node_end_byte(root), text.size());
  const std::string s = node_string(root);
  EXPECT_EQ(s.find("ERROR"), std::string::npos);
  EXPECT_EQ(s.find("MISSING"), std::string::npos);
}

TEST_P(SampleTest, HasTheExpectedBlocks) {
  const std::string name = GetParam().filename().string();
  auto it = kExpected.find(name);
  ASSERT_NE(it, kExpected.end()) << "no expectation for " << name;
  const SampleExpectation &want = it->second;

  const std::string text = read_file(GetParam());
  auto parser = make_parser();
  auto tree = parse(parser.get(), text);
  TSNode root = ts_tree_root_node(tree.get());

  EXPECT_EQ(static_cast<int>(collect(root, "title").size()), want.titles);
  EXPECT_EQ(static_cast<int>(collect(root, "table").size()), want.tables);
  EXPECT_EQ(static_cast<int>(collect(root, "row").size()), want.rows);

  int blanks_in_table = 0;
  for (TSNode table : collect(root, "table")) {
    for (TSNode c : children(table)) blanks_in_table += std::string(ts_node_type(c)) == "blank";
    // a table never ends with a blank line
    TSNode last = ts_node_child(table, ts_node_child_count(table) - 1);
    EXPECT_STREQ(ts_node_type(last), "row");
  }
  EXPECT_EQ(blanks_in_table, want.blanks_in_table);

  // The six section headings, in order; never a table-三 row label such as 四、结转….
  auto headings = collect(root, "heading");
  ASSERT_EQ(headings.size(), 6u);
  for (size_t i = 0; i < headings.size(); i++) {
    TSNode numeral = ts_node_named_child(headings[i], 0);
    ASSERT_STREQ(ts_node_type(numeral), "numeral");
    EXPECT_EQ(node_text(text, numeral), kNumerals[i]);
    TSNode heading_text = ts_node_named_child(headings[i], 1);
    EXPECT_EQ(node_text(text, heading_text).find("结转"), std::string_view::npos);
  }

  TSNode first = ts_node_named_child(root, 0);
  while (std::string(ts_node_type(first)) == "blank") first = ts_node_next_named_sibling(first);
  EXPECT_STREQ(ts_node_type(first), want.preamble_first ? "paragraph" : "title");

  // Every line that holds a tab or '|' lies inside a row.
  size_t pos = 0;
  int row_lines = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    bool has_sep = line.find_first_of("\t|") != std::string_view::npos;
    bool has_text = line.find_first_not_of(" \t\r") != std::string_view::npos;
    if (has_sep && has_text) {
      row_lines++;
      uint32_t at = static_cast<uint32_t>(pos + line.find_first_not_of(' '));
      TSNode n = ts_node_descendant_for_byte_range(root, at, at);
      bool in_row = false;
      for (; !ts_node_is_null(n); n = ts_node_parent(n)) {
        if (std::string(ts_node_type(n)) == "row") {
          in_row = true;
          break;
        }
      }
      EXPECT_TRUE(in_row) << name << ": line at byte " << pos << " is not a row: " << line;
    }
    pos = end + 1;
  }
  EXPECT_EQ(row_lines, want.rows);
}

INSTANTIATE_TEST_SUITE_P(Samples, SampleTest, ::testing::ValuesIn(sample_files()),
                         [](const ::testing::TestParamInfo<fs::path> &info) {
                           return "sample_" + info.param.stem().string().substr(0, 3);
                         });

TEST(SampleFixtures, AllFivePresent) { EXPECT_EQ(sample_files().size(), 5u); }

}  // namespace
