// The language server honours what the command line does (issue 20): suppression comments in Markdown, the
// configuration's per-file-ignores for plain text, and forceReport for documents that are not reports.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "lsp/protocol.h"
#include "test_client.h"

namespace xxgk::lsp::testing {
namespace {

namespace fs = std::filesystem;

bool has_code(const json& diagnostics, const std::string& code) {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [&](const json& d) { return d["code"] == code; });
}

// A workspace directory with a configuration file, removed afterwards.
class ConfiguredWorkspace : public ::testing::Test {
 protected:
  void SetUp() override {
    directory = fs::temp_directory_path() / ("xxgk-lsp-keys-" + std::to_string(::getpid()));
    fs::create_directories(directory / "2019");
    client.initialize(json::object(), {{"diagnosticsDelayMs", 0}});
  }
  void TearDown() override { fs::remove_all(directory); }
  void write_config(const std::string& contents) { std::ofstream(directory / ".xxgk-lint.json") << contents; }

  fs::path directory;
  InProcessClient client;
  const std::string report = read_fixture("004_6958a79bc20c0ed0.txt");  // has T202 (a missing row)
};

TEST_F(ConfiguredWorkspace, PerFileIgnoresTurnRulesOffForMatchingDocuments) {
  write_config(R"({"per-file-ignores": {"2019/*.txt": ["T202"]}})");
  const std::string ignored = path_to_uri(directory / "2019" / "r.txt");
  const std::string other = path_to_uri(directory / "r.txt");
  client.open(ignored, report);
  client.open(other, report);
  EXPECT_FALSE(has_code(client.diagnostics(ignored), "T202"));
  EXPECT_TRUE(has_code(client.diagnostics(other), "T202"));
}

TEST_F(ConfiguredWorkspace, SuppressionCommentsInMarkdown) {
  const std::string uri = path_to_uri(directory / "r.md");
  client.open(uri, "<!-- xxgk-lint-disable-file T202 -->\n" + report, "markdown");
  const json diagnostics = client.diagnostics(uri);
  EXPECT_FALSE(has_code(diagnostics, "T202"));
  EXPECT_FALSE(has_code(diagnostics, "X002"));
}

TEST_F(ConfiguredWorkspace, ForceReportLintsDocumentsThatAreNotReports) {
  const std::string uri = path_to_uri(directory / "notes.txt");
  client.open(uri, "会议纪要\n");
  EXPECT_TRUE(client.diagnostics(uri).empty());
  write_config(R"({"forceReport": true})");
  const std::string forced = path_to_uri(directory / "notes2.txt");
  client.open(forced, "会议纪要\n");
  EXPECT_TRUE(has_code(client.diagnostics(forced), "S103"));
}

}  // namespace
}  // namespace xxgk::lsp::testing
