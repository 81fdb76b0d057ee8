// Every committed fuzz input — the seed corpora under fuzz/corpus/<target>/ and the reproducers of fixed crashes
// under tests/hardening/crashes/<target>/ — run through the same entry the libFuzzer target calls, in the plain
// build (and in the sanitizer build of scripts/test-sanitized.sh).
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>

#include "cli_test_support.h"
#include "fuzz_entries.h"

namespace xxgk::hardening {
namespace {

namespace fs = std::filesystem;

using Entry = std::function<std::optional<std::string>(std::string_view)>;

// Runs every file of the target's corpus and crash directories; returns how many there were.
size_t replay(const std::string& target, const Entry& entry) {
  size_t inputs = 0;
  for (const fs::path& directory : {fs::path(XXGK_FUZZ_CORPUS_DIR) / target, fs::path(XXGK_CRASHES_DIR) / target}) {
    if (!fs::is_directory(directory)) continue;
    for (const fs::directory_entry& file : fs::directory_iterator(directory)) {
      SCOPED_TRACE(file.path().string());
      const std::optional<std::string> failure = entry(cli_test::read_file(file.path()));
      EXPECT_FALSE(failure) << *failure;
      ++inputs;
    }
  }
  return inputs;
}

TEST(FuzzReplay, LintBytes) { EXPECT_GT(replay("lint_bytes", xxgk::fuzz::lint_bytes), 10u); }

TEST(FuzzReplay, FixUp) { EXPECT_GT(replay("fix_up", xxgk::fuzz::fix_up), 10u); }

TEST(FuzzReplay, IncrementalEdits) { EXPECT_GT(replay("incremental_edits", xxgk::fuzz::incremental_edits), 10u); }

TEST(FuzzReplay, LspStream) { EXPECT_GT(replay("lsp_stream", xxgk::fuzz::lsp_stream), 10u); }

TEST(FuzzReplay, HtmlReader) { EXPECT_GE(replay("html_reader", xxgk::fuzz::html_reader), 5u); }

TEST(FuzzReplay, DocxReader) { EXPECT_GE(replay("docx_reader", xxgk::fuzz::docx_reader), 3u); }

TEST(FuzzReplay, PdfReader) { EXPECT_GE(replay("pdf_reader", xxgk::fuzz::pdf_reader), 3u); }

TEST(FuzzReplay, PdfLayout) { EXPECT_GE(replay("pdf_layout", xxgk::fuzz::pdf_layout), 3u); }

// lsp_stream's invariant, read from the text the server writes: what it accepts and what it must not.
TEST(FuzzInvariant, AJsonRpcMessageIsAnObjectWhoseTopLevelJsonrpcIs2_0) {
  using xxgk::fuzz::is_json_rpc_message;
  EXPECT_TRUE(is_json_rpc_message(R"({"jsonrpc":"2.0","id":1,"result":null})"));
  EXPECT_TRUE(is_json_rpc_message(R"({"id":1,"result":{"jsonrpc":[1]},"jsonrpc":"2.0"})"));
  EXPECT_TRUE(is_json_rpc_message(R"({"method":"x","params":{"a":[{"b":"2.0"}]},"jsonrpc":"2.0"})"));

  EXPECT_FALSE(is_json_rpc_message(R"({"jsonrpc":"1.0","id":1})"));
  EXPECT_FALSE(is_json_rpc_message(R"({"jsonrpc":2.0,"id":1})"));
  EXPECT_FALSE(is_json_rpc_message(R"({"jsonrpc":["2.0"],"id":1})"));
  EXPECT_FALSE(is_json_rpc_message(R"({"id":1,"result":{"jsonrpc":"2.0"}})"));  // only a nested member says 2.0
  EXPECT_FALSE(is_json_rpc_message(R"({"id":"2.0","result":null})"));            // a value "2.0" of another member
  EXPECT_FALSE(is_json_rpc_message(R"(["jsonrpc","2.0"])"));
  EXPECT_FALSE(is_json_rpc_message(R"({"jsonrpc":"2.0","id":1)"));  // cut short
  EXPECT_FALSE(is_json_rpc_message(R"({"jsonrpc":"2.0"} {})"));     // two values
  EXPECT_FALSE(is_json_rpc_message(""));
}

}  // namespace
}  // namespace xxgk::hardening
