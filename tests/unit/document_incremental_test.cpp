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
