// Document::replace must make the next lint reparse incrementally (ts_tree_edit, then a parse reusing the old tree),
// not from scratch: a keystroke re-lexes a few tokens around the edit, not the whole report. Counted through
// Tree-sitter's parse log, which names every token it lexes.
#include <gtest/gtest.h>

#include <cstring>

#include "read_file.h"
#include "syntax.h"
#include "xxgk/linter.h"

namespace {

// Counts the tokens the calling thread's parser lexes while it is alive.
class LexedTokenCounter {
 public:
  LexedTokenCounter() {
    ts_parser_set_logger(xxgk::thread_parser(), TSLogger{this, [](void* payload, TSLogType type, const char* message) {
                                                           if (type == TSLogTypeParse &&
                                                               std::strncmp(message, "lexed_lookahead", 15) == 0)
                                                             ++static_cast<LexedTokenCounter*>(payload)->count;
                                                         }});
  }
  ~LexedTokenCounter() { ts_parser_set_logger(xxgk::thread_parser(), TSLogger{nullptr, nullptr}); }
  LexedTokenCounter(const LexedTokenCounter&) = delete;
  LexedTokenCounter& operator=(const LexedTokenCounter&) = delete;

  size_t count = 0;
};

TEST(DocumentIncremental, AnEditReLexesOnlyTokensNearIt) {
  const std::string report = xxgk::testing_support::read_fixture("samples/004_6958a79bc20c0ed0.txt");
  xxgk::Document document(report);
  size_t from_scratch = 0;
  {
    LexedTokenCounter counter;
    document.lint({});
    from_scratch = counter.count;
  }
  ASSERT_GT(from_scratch, 80u);  // every line of the report (a table row is one token)

  // One character typed into a table cell, one into a paragraph in the middle of the report.
  for (const std::string_view anchor : {"1748", "秦皇岛开发区门户网站"}) {
    const size_t at = document.text().find(anchor);
    ASSERT_NE(at, std::string::npos) << anchor;
    LexedTokenCounter counter;
    document.replace({at, at}, "1");
    const auto diagnostics = document.lint({});
    EXPECT_LT(counter.count, 12u) << anchor << ": " << counter.count << " tokens lexed of " << from_scratch;
    EXPECT_EQ(document.syntax_tree_string(), xxgk::Document(document.text()).syntax_tree_string());
    EXPECT_EQ(diagnostics.size(), xxgk::lint(document.text(), {}).size());
  }

  // A whole-text change starts from scratch, as it must.
  LexedTokenCounter counter;
  document.set_text(report);
  document.lint({});
  EXPECT_EQ(counter.count, from_scratch);
}

}  // namespace

// Whether the text uses Traditional script is kept through edits (a keystroke does not read the whole text for it):
// after each edit the model's search text must be the one a model built from scratch has.
TEST(DocumentIncremental, TraditionalScriptIsTrackedThroughEdits) {
  xxgk::Document document(xxgk::testing_support::read_fixture("samples/004_6958a79bc20c0ed0.txt"));
  const auto expect_as_from_scratch = [&](const std::string& step) {
    const xxgk::Report& kept = document.report({});
    const xxgk::Report fresh = xxgk::build_report(document.text(), {});
    EXPECT_EQ(kept.simplified.empty(), fresh.simplified.empty()) << step;
    EXPECT_TRUE(kept.simplified == fresh.simplified) << step;
    EXPECT_EQ(document.lint({}).size(), xxgk::lint(document.text(), {}).size()) << step;
  };
  const auto replace = [&](std::string_view anchor, size_t removed, std::string_view inserted, const std::string& step) {
    const size_t at = document.text().find(anchor);
    ASSERT_NE(at, std::string::npos) << anchor;
    document.replace({at, at + removed}, inserted);
    expect_as_from_scratch(step);
  };
  expect_as_from_scratch("the report as written");
  ASSERT_TRUE(document.report({}).simplified.empty());
  replace("门户网站", 0, "開", "a Traditional character typed");
  EXPECT_FALSE(document.report({}).simplified.empty());
  replace("存在的主要问题", 0, "與", "another, earlier one");
  replace("强化源头管理", 0, "資", "a third, after both");
  replace("與", std::string("與").size(), "", "the first one deleted");
  replace("開", std::string("開").size(), "开", "the next one replaced by its Simplified form");
  const size_t broken = document.text().find("資");
  replace("資", 1, "", "the last one broken: its lead byte deleted");
  EXPECT_TRUE(document.report({}).simplified.empty());
  document.replace({broken, broken}, "\xE8");
  expect_as_from_scratch("the broken one given its lead byte back");
  EXPECT_FALSE(document.report({}).simplified.empty());
  document.replace({broken, broken + 1}, "");
  expect_as_from_scratch("its lead byte deleted again");
  document.replace({broken, broken + 2}, "");
  expect_as_from_scratch("the rest of it deleted");
  EXPECT_TRUE(document.report({}).simplified.empty());
  const size_t stray = document.text().find("门户网站");
  replace("门户网站", 0, "\xE9", "a stray lead byte before a character");
  document.replace({stray, stray + 1}, "");
  expect_as_from_scratch("the stray byte deleted");
  replace("存在的主要问题", 0, "開\n", "a Traditional character and a line break");
  EXPECT_FALSE(document.report({}).simplified.empty());
  document.set_text(xxgk::testing_support::read_fixture("samples/004_6958a79bc20c0ed0.txt"));
  expect_as_from_scratch("the whole text replaced");
}
