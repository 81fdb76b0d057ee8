// The condensed page the HTML parser reads (markup the reader never looks at taken out) gives the same document, to
// the byte and to every source position, as the whole page: on the real pages, on markup chosen to trip the condenser,
// and on many pages of random markup.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "read_file.h"
#include "readers/html_condenser.h"
#include "readers/html_reader.h"
#include "xxgk/source_reader.h"

namespace {

using xxgk::readers::CondensedPage;
using xxgk::testing_support::read_fixture;

std::string describe(const xxgk::SourceSpan& span) {
  return "[" + std::to_string(span.text_begin) + "," + std::to_string(span.text_end) + ")->[" +
         std::to_string(span.source_begin) + "," + std::to_string(span.source_end) + ")";
}

// Reads `page` both ways and expects the same document, or the same refusal.
void expect_same_document(const std::string& page, const std::string& what) {
  SCOPED_TRACE(what);
  std::string whole_error, condensed_error;
  xxgk::SourceDocument whole, condensed;
  try {
    whole = xxgk::readers::read_html_page(page, false);
  } catch (const xxgk::SourceReadError& error) {
    whole_error = error.what();
  }
  try {
    condensed = xxgk::readers::read_html_page(page, true);
  } catch (const xxgk::SourceReadError& error) {
    condensed_error = error.what();
  }
  ASSERT_EQ(condensed_error, whole_error);
  ASSERT_EQ(condensed.text, whole.text);
  ASSERT_EQ(condensed.spans.size(), whole.spans.size());
  for (size_t i = 0; i < whole.spans.size(); ++i) {
    const xxgk::SourceSpan& a = condensed.spans[i];
    const xxgk::SourceSpan& b = whole.spans[i];
    ASSERT_TRUE(a.text_begin == b.text_begin && a.text_end == b.text_end && a.source_begin == b.source_begin &&
                a.source_end == b.source_end)
        << "span " << i << ": " << describe(a) << " vs " << describe(b) << " text "
        << whole.text.substr(b.text_begin, b.text_end - b.text_begin);
  }
}

TEST(HtmlCondenser, RealPagesShrinkAndReadTheSame) {
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(XXGK_FIXTURES_DIR) / "html")) {
    if (entry.path().extension() != ".html") continue;
    const std::string page = read_fixture("html/" + entry.path().filename().string());
    expect_same_document(page, entry.path().filename().string());
  }
  // A published page (inline styles on every cell, scripts, indentation) is condensed to under a third.
  const std::string page = read_fixture("html/pingtan_2023.html");
  const CondensedPage condensed(page, 0);
  EXPECT_TRUE(condensed.condensed());
  EXPECT_LT(condensed.text().size(), page.size() / 3);
}

TEST(HtmlCondenser, RemovesAttributesScriptsCommentsAndIndentationButNoText) {
  const std::string page =
      "<html>\n    <head><script type=\"text/javascript\">if (a < b) x = '</scrip';</script>"
      "<style>td { color: red }</style><title>标题 <b>x</b></title></head>\n\n\n   <body class=\"a\">"
      "<!-- 注释 --><table border=1 style=\"x\"><tr><td style='y' rowspan=\"2\" width=30>一、  总体</td></tr></table>"
      "<p class=a  id=b>  文字 &nbsp; <span style=\"z\">内容</span></p></body></html>";
  const CondensedPage condensed(page, 0);
  EXPECT_EQ(condensed.text(),
            "<html>\n <head><script type=\"text/javascript\"></script><style></style><title>标题 <b>x</b></title>"
            "</head>\n\n<body><!----><table><tr><td rowspan=\"2\">一、  总体</td></tr></table>"
            "<p>  文字 &nbsp; <span>内容</span></p></body></html>");
  // Every byte kept maps back to its place in the page.
  for (const std::string_view needle : {"一、  总体", "文字 &nbsp; ", "内容", "<td", "标题 <b>x</b>"}) {
    const size_t at = condensed.text().find(needle);
    ASSERT_NE(at, std::string::npos) << needle;
    const size_t source = condensed.source_offset(at);
    EXPECT_EQ(page.substr(source, needle.size()), needle);
  }
  expect_same_document(page, "the page above");
}

TEST(HtmlCondenser, MarkupItDoesNotFollowLeavesThePageAsItIs) {
  for (const std::string page : {
           "<p>a<svg><style></svg><p>文字</style></svg>",  // in svg a style element holds markup
           "<math><mi style=x>x</mi></math>",
           "<frameset><frame src=a></frameset>",
           "<plaintext style=x>a</plaintext>",
           "<template><p class=x>a</p></template>",
           "<script>a = '<!--'; <script> </script> b </script><p class=x>",  // "<!--" in a script hides its end
           "<select><style>.a{}</style></select><p class=x>b",  // the parser ignores <style> in a select
           "<style>a < b</style><p class=x>",
           "<p class=x>a<!-- unterminated",
           "<p class=\"unterminated>a",
           "<title>unterminated <p class=x>",
       }) {
    const CondensedPage condensed(page, 0);
    EXPECT_FALSE(condensed.condensed()) << page;
    EXPECT_EQ(condensed.text(), page);
    expect_same_document(page, page);
  }
}

TEST(HtmlCondenser, TrickyMarkupReadsTheSame) {
  for (const std::string page : {
           "<td a=\"1\"style=\"x\"rowspan=2>一、</td>",       // attributes glued after a quoted value
           "<a/ class=x>b</a><br class=x/>c<br/ class=x>d",  // a '/' that does not close the tag
           "<td class=x/ rowspan=2>a<td class = \"y\" colspan = 3>b",
           "<td class=>a</td><td class= >b</td><td =x class>c</td>",
           "<pre>\n\n  </pre>x<pre>\r\n\r\n</pre>y<listing>\n\n</listing>z",
           "<table>   <tr>  <td>a</td>   </tr>\n\t </table>  文字",
           "a <   <b class=x>c</b> <p>d",  // a '<' that is text, before white space
           "<!----><!---><!--><!-- a --!> b <!-- c --->d<!--<!-- e -->f",
           "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\"><p class=x>quirks<table><tr><td>t</table>",
           "<?xml version=\"1.0\"?><![CDATA[ x ]]><p class=x>y</ p><//p>z</>w",
           "<textarea class=x>\n<p class=y>not a tag</textarea><p class=z>a",
           "<title><b class=x>t</b></title><xmp class=x><b class=y>u</b></xmp><iframe class=x><p>v</iframe>"
           "<noembed><p class=x>w</noembed><noframes><p class=x></noframes>",
           "<SCRIPT>x</scripty></SCRIPT ><STYLE>p{}</STYLE\t><P CLASS=x>大写</P>",
           "<select class=x><option style=y>a<script>b</script></select><p class=x>c",
           "<select><input class=x><style>d{}</style><p class=x>e",
           "<table><input type=hidden class=x><tr><td>a</td></tr></table>",
           "<isindex prompt=\"提示\" class=x>",
           "<font color=red class=a><font color=red class=b><font color=red class=c><font color=red class=d><p>x</font>y",
           "<b class=1><b class=2><b class=3><b class=4><p>misnested</b>text",
           "<p>a</p class=x><div id=\"1\" \n  data-x='2'\n>b</div>",
           "\xEF\xBB\xBF<p class=x>bom</p>",
           "<html lang=zh><body class=x>a<html lang=en class=y>b<body id=z>c",
           "<p>text</p>   ",
           "   \n  <p>lead</p>",
       }) {
    expect_same_document(page, page);
  }
}

const std::vector<std::string> kPieces = {
    "<p>", "</p>", "<div class=\"a\">", "</div>", "<td style='x' rowspan=2>", "<td colspan=\"3\" width=9>", "</td>",
    "<tr>", "</tr>", "<table border=1>", "</table>", "<br class=x/>", "<br/ class=x>", "<span a=1b=2>", "</span>",
    "<b class=a>", "</b>", "<font color=red size=3>", "</font>", "<a href=x/>", "</a>", "<select>", "</select>",
    "<option style=x>", "<input type=hidden class=x>", "</textarea>", "<title>t</title>", "</title>",
    "</script>", "<script>x<y</script>", "<style>p{}</style>", "</style>", "<iframe><p class=x></iframe>",
    "</iframe>", "<xmp class=x></xmp>", "<pre>", "</pre>", "-->", "<!-- c -->", "--!>", "<!---->", "<!DOCTYPE html>",
    "<?x?>", "</ x>", "</>", ">", "=", "/", " ", "  ", "\n", "\r\n", "\t", "&nbsp;", "&amp;", "&#20013;",
    "一、总体情况", "二、", "文字", "报告", "12", "a", "<meta name=\"ArticleTitle\" content=\"某某局2024年度报告\">",
    "<meta name=x content='y'>", "<html lang=zh>", "<body class=x>", "<head>", "</head>", "<h1 id=t>", "</h1>",
    "<isindex prompt=p>", "<noscript class=x>", "</noscript>", "<li class=x>", "<ul>", "</ul>", "<caption a=b>",
    "<col span=2 width=3>", "<tbody class=x>", "<th nowrap>", "<p class = \"x\" >", "<textarea>t</textarea>"};
  // Pieces that open something a page might not close (the condenser then leaves the page alone): rarer.
const std::vector<std::string> kOpeners = {"<", "\"", "'", "<!--", "<title>", "<textarea>", "<script>",
                                                  "<style>", "<iframe>", "<xmp>", "<td class=\"", "<p class='"};

// Random pages built from pieces of markup and text that stress the condenser: attributes in every syntax, raw-text
// elements, comments, white space, tables with spans, select boxes, stray '<' and unterminated constructs.
TEST(HtmlCondenser, RandomMarkupReadsTheSame) {
  std::mt19937 random(20261207);
  std::uniform_int_distribution<size_t> piece(0, kPieces.size() - 1);
  std::uniform_int_distribution<size_t> opener(0, kOpeners.size() - 1);
  std::uniform_int_distribution<int> percent(0, 99);
  std::uniform_int_distribution<int> length(1, 120);
  int condensed = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string page;
    for (int n = length(random); n > 0; --n) page += percent(random) < 2 ? kOpeners[opener(random)] : kPieces[piece(random)];
    condensed += CondensedPage(page, 0).condensed() ? 1 : 0;
    expect_same_document(page, "random page " + std::to_string(round) + ": " + page);
    if (::testing::Test::HasFatalFailure()) return;
  }
  // Most pages are condensed, not left alone (which would make the comparison hold trivially).
  EXPECT_GT(condensed, 1000);
}

// A real page with random pieces dropped into it (tables, cells and paragraphs of a real report around them).
TEST(HtmlCondenser, RealPageWithRandomMarkupReadsTheSame) {
  const std::string page = read_fixture("html/pingtan_2024.html");
  std::mt19937 random(7);
  std::uniform_int_distribution<size_t> place(0, page.size());
  std::uniform_int_distribution<size_t> piece(0, kPieces.size() - 1);
  for (int round = 0; round < 20; ++round) {
    std::string mutated = page;
    for (int n = 0; n < 30; ++n) mutated.insert(place(random) % mutated.size(), kPieces[piece(random)]);
    expect_same_document(mutated, "mutation round " + std::to_string(round));
    if (::testing::Test::HasFatalFailure()) return;
  }
}

}  // namespace
