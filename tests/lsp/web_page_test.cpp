// A published web page opened in an editor (language id "html"): diagnostics at the page's own positions, read
// through the core's HTML reader; no fixes and no report features on markup.
#include <gtest/gtest.h>

#include "read_file.h"
#include "test_client.h"
#include "xxgk/source_reader.h"

namespace xxgk::lsp::testing {
namespace {

const std::string kPageUri = "file:///reports/pingtan_2024.html";

std::string page_fixture(const std::string& name) {
  return testing_support::read_file(std::filesystem::path(XXGK_LSP_FIXTURES_DIR) / ".." / "html" / name);
}

TEST(WebPageDocument, DiagnosticsStandAtThePageSourcePositions) {
  InProcessClient client;
  client.initialize();
  // A wrong grand total edited into table 三 of a real published page.
  std::string page = page_fixture("pingtan_2024.html");
  const size_t cell = page.find(">218<", page.find("（七）总计")) + 1;
  page.replace(cell, 3, "219");
  client.open(kPageUri, page, "html");
  const json published = client.diagnostics(kPageUri);
  const LineIndex lines(page);
  const Position expected = lines.position(cell, PositionEncoding::Utf16);
  bool found = false;
  for (const json& diagnostic : published) {
    if (diagnostic["range"]["start"]["line"] == expected.line &&
        diagnostic["range"]["start"]["character"] == expected.column && diagnostic["severity"] == 1)
      found = true;
  }
  EXPECT_TRUE(found) << published.dump(1);

  // No quick fixes or report features on the page's markup.
  const json actions = client.request(
      "textDocument/codeAction",
      {{"textDocument", {{"uri", kPageUri}}},
       {"range", {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 400}, {"character", 0}}}}},
       {"context", {{"diagnostics", json::array()}}}});
  EXPECT_TRUE(actions["result"].empty()) << actions.dump(1);
  const json symbols = client.request("textDocument/documentSymbol", {{"textDocument", {{"uri", kPageUri}}}});
  EXPECT_TRUE(symbols["result"].empty());
}

TEST(WebPageDocument, PageThatIsNotAReportGetsNoDiagnostics) {
  InProcessClient client;
  client.initialize();
  client.open("file:///site/index.html", "<html><body><p>首页</p></body></html>", "html");
  EXPECT_TRUE(client.diagnostics("file:///site/index.html").empty());
}

}  // namespace
}  // namespace xxgk::lsp::testing
