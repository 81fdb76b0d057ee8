// What ts_node_string does not show: anonymous tokens, node texts and byte
// ranges. The document model relies on these (texts are taken from node
// ranges; cells are split at the separators within a row's range).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "grammar_test_util.hpp"

using namespace xxgk_grammar_test;

namespace {

// "kind:text" for every child of `node` (anonymous kinds quoted, \t spelled out).
std::vector<std::string> child_shapes(std::string_view src, TSNode node) {
  std::vector<std::string> out;
  for (TSNode c : children(node)) {
    std::string kind = ts_node_type(c);
    if (!ts_node_is_named(c)) kind = kind == "\t" ? "'\\t'" : "'" + kind + "'";
    out.push_back(kind + ":" + std::string(node_text(src, c)));
  }
  return out;
}

struct Parsed {
  std::string src;
  ParserPtr parser;
  TreePtr tree;
  explicit Parsed(std::string text) : src(std::move(text)), parser(make_parser()) {
    tree = parse(parser.get(), src);
  }
  TSNode root() const { return ts_tree_root_node(tree.get()); }
  TSNode first(std::string_view kind) const {
    auto v = collect(root(), kind);
    if (v.empty()) ADD_FAILURE() << "no " << kind << " in tree of: " << src;
    return v.empty() ? root() : v.front();
  }
  std::string text(TSNode n) const { return std::string(node_text(src, n)); }
};

using V = std::vector<std::string>;

// A row is one token: no children, whatever its cells.
void expect_row_text(const Parsed& p, TSNode row, std::string_view text) {
  EXPECT_EQ(ts_node_child_count(row), 0u) << p.src;
  EXPECT_EQ(p.text(row), text) << p.src;
}

// The texts of all rows of the document, in order.
void expect_rows(const Parsed& p, const std::vector<std::string_view>& texts) {
  const auto rows = collect(p.root(), "row");
  ASSERT_EQ(rows.size(), texts.size()) << p.src;
  for (size_t i = 0; i < rows.size(); ++i) expect_row_text(p, rows[i], texts[i]);
}

TEST(Shape, TabRowSpansLeadingAndTrailingSeparators) {
  Parsed p("\t\t自然人\t法人或其他组织\t\t\n");
  expect_row_text(p, p.first("row"), "\t\t自然人\t法人或其他组织\t\t");
  EXPECT_FALSE(ts_node_has_error(p.root()));
}

TEST(Shape, RowRunsFromItsFirstSeparatorToTheLineEnd) {
  Parsed p("  \t a \t\t b \t  \n");
  expect_row_text(p, p.first("row"), "\t a \t\t b \t  ");
}

TEST(Shape, RowEndingInTextRunsToTheLineEnd) {
  Parsed p("　　第二十条第(一)项 | 规章  \r\n");
  expect_row_text(p, p.first("row"), "第二十条第(一)项 | 规章  ");
}

TEST(Shape, GfmRowAndDelimiterRow) {
  Parsed p("| 规章 | 0 |\n|---|:--:|\n");
  expect_rows(p, {"| 规章 | 0 |"});
  TSNode delim = p.first("delimiter_row");
  EXPECT_EQ(p.text(delim), "|---|:--:|");
}

TEST(Shape, SeparatorOnlyRowEndsAtItsLastSeparator) {
  Parsed p("| ||| \t \n");
  expect_row_text(p, p.first("row"), "| ||| \t");
  EXPECT_FALSE(ts_node_has_error(p.root()));
}

TEST(Shape, EscapedPipeSeparatesNothing) {
  expect_rows(Parsed("a \\| b\n"), {});
  Parsed p("a \\| b|c\n");
  expect_row_text(p, p.first("row"), "a \\| b|c");
}

TEST(Shape, RowNodeExcludesItsTerminator) {
  Parsed p("a\tb\r\nc\n");
  expect_row_text(p, p.first("row"), "a\tb");
}

TEST(Shape, RowOpeningAnUnclosedCommentEndsWithItsLine) {
  // The scanner reads on over the next lines for the comment's end before it settles on a row.
  expect_rows(Parsed("<!-- a\tb\nc\td\n"), {"<!-- a\tb", "c\td"});
}

TEST(Shape, LongRowIsOneToken) {
  std::string text;
  for (int i = 0; i < 40; i++) text += "c" + std::to_string(i) + "\t";
  Parsed p(text + "\n");
  expect_row_text(p, p.first("row"), text);
}

TEST(Shape, HeadingParts) {
  Parsed p("  ## 四、政府信息公开行政复议、行政诉讼情况  \n");
  TSNode h = p.first("heading");
  EXPECT_EQ(child_shapes(p.src, h),
            (V{"atx_marker:##", "numeral:四", "'、':、", "heading_text:政府信息公开行政复议、行政诉讼情况  "}));
}

TEST(Shape, HeadingWithoutMarker) {
  Parsed p("十一、 补充\n");
  EXPECT_EQ(child_shapes(p.src, p.first("heading")),
            (V{"numeral:十一", "'、':、", "heading_text:补充"}));
}

TEST(Shape, SubheadingParts) {
  Parsed p("正文。\n　　（三）政府信息管理情况。本年度……\n### (五) 监督保障\n");
  auto subs = collect(p.root(), "subheading");
  ASSERT_EQ(subs.size(), 2u);
  EXPECT_EQ(child_shapes(p.src, subs[0]),
            (V{"item_number:（三）", "subheading_text:政府信息管理情况。本年度……"}));
  EXPECT_EQ(child_shapes(p.src, subs[1]),
            (V{"atx_marker:###", "item_number:(五)", "subheading_text:监督保障"}));
}

TEST(Shape, TitleTextExcludesMarkerBomAndIndent) {
  {
    Parsed p("\xEF\xBB\xBF# XX局2022年政府信息公开工作年度报告\n");
    EXPECT_EQ(p.text(p.first("title")), "XX局2022年政府信息公开工作年度报告");
  }
  {
    Parsed p("\xEF\xBB\xBF　　红寺堡区审批服务管理局 \r\n");
    EXPECT_EQ(p.text(p.first("title")), "红寺堡区审批服务管理局 ");
  }
}

TEST(Shape, LineTextExcludesIndentAndTerminator) {
  Parsed p("正文。\n　　第二行，缩进。\r\n");
  auto lines = collect(p.root(), "line");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(p.text(lines[0]), "正文。");
  EXPECT_EQ(p.text(lines[1]), "第二行，缩进。");
  TSNode para = p.first("paragraph");
  EXPECT_EQ(p.text(para), "正文。\n　　第二行，缩进。");
}

TEST(Shape, BlankIncludesTerminator) {
  Parsed p("正文。\n  \r\n");
  EXPECT_EQ(p.text(p.first("blank")), "\r\n");
}

TEST(Shape, HtmlCommentSpansLines) {
  Parsed p("<!-- a\n| b |\n-->\n正文。\n");
  EXPECT_EQ(p.text(p.first("html_comment")), "<!-- a\n| b |\n-->");
}

TEST(Shape, RootCoversInputWithoutFinalNewline) {
  const std::string text = "一、总体情况\n正文";
  Parsed p(text);
  EXPECT_EQ(ts_node_end_byte(p.root()), text.size());
  EXPECT_FALSE(ts_node_has_error(p.root()));
}

TEST(Shape, RootCoversFinalTerminatorAndSpaces) {
  for (const std::string text : {"正文\n", "正文\r\n", "正文\r", "一、总体情况  \r\n", "a\tb\t\n", "<!-- x -->\t\n"}) {
    Parsed p(text);
    EXPECT_EQ(ts_node_end_byte(p.root()), text.size()) << text;
    EXPECT_FALSE(ts_node_has_error(p.root())) << text;
  }
}

TEST(Shape, TableBlankIsInsideTheTable) {
  Parsed p("a\tb\n\nc\td\n\n正文。\n");
  TSNode table = p.first("table");
  auto kids = children(table);
  ASSERT_EQ(kids.size(), 3u);
  EXPECT_STREQ(ts_node_type(kids[1]), "blank");
  EXPECT_EQ(ts_node_end_byte(table), std::string("a\tb\n\nc\td").size());
}

}  // namespace
