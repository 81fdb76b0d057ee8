// The Workspace on its own, with no protocol in between: documents opened and edited with positions in the client's
// encoding, what it tells when an edit falls outside the text, how a save resynchronises, and the typed lint
// results the handlers write out.
#include <gtest/gtest.h>

#include "lsp/workspace.h"
#include "test_client.h"
#include "xxgk/rule.h"

namespace xxgk::lsp::testing {
namespace {

const std::string kUri = "file:///reports/workspace.txt";

class WorkspaceTest : public ::testing::Test {
 protected:
  std::vector<Notice> notices;
  Workspace workspace{[this](const Notice& notice) { notices.push_back(notice); }};
  const std::string report = read_fixture("004_6958a79bc20c0ed0.txt");
};

DocumentChange insert_at(uint32_t line, uint32_t character, std::string text) {
  return {WireRange{{line, character}, {line, character}}, std::move(text)};
}

TEST_F(WorkspaceTest, EditsInTheClientsEncodingAndTypedResults) {
  const auto document = workspace.open(kUri, "plaintext", 1, "一二三\n𠮷四\n");
  // After 𠮷 (two UTF-16 units) on line 1.
  workspace.change(*document, 2, {insert_at(1, 2, "x")}, PositionEncoding::Utf16);
  EXPECT_EQ(document->document.text(), "一二三\n𠮷x四\n");
  workspace.change(*document, 3, {insert_at(0, 1, "y")}, PositionEncoding::Utf32);
  EXPECT_EQ(document->document.text(), "一y二三\n𠮷x四\n");
  EXPECT_TRUE(notices.empty());

  // Not a report: nothing linted. The same workspace with the report's text: diagnostics with their fixes.
  document->update_lint();
  EXPECT_FALSE(document->linted);
  workspace.change(*document, 4, {{std::nullopt, report}}, PositionEncoding::Utf16);
  document->update_lint();
  ASSERT_TRUE(document->linted);
  const auto with_fix = std::find_if(document->diagnostics.begin(), document->diagnostics.end(),
                                     [](const Diagnostic& diagnostic) { return !diagnostic.fixes.empty(); });
  EXPECT_NE(with_fix, document->diagnostics.end());
  EXPECT_FALSE(document->report().tables.empty());
  EXPECT_NE(document->fix_all_text(), report);
}

TEST_F(WorkspaceTest, AnEditOutsideTheTextIsToldOnceAndASaveResynchronises) {
  const auto document = workspace.open(kUri, "plaintext", 1, report);
  const uint64_t opened = document->generation;
  workspace.change(*document, 2, {insert_at(100000, 0, "x")}, PositionEncoding::Utf16);
  workspace.change(*document, 3, {insert_at(200000, 0, "y")}, PositionEncoding::Utf16);
  EXPECT_TRUE(document->suspect);
  EXPECT_GT(document->generation, opened);
  // Each edit logged, the user told once.
  ASSERT_EQ(notices.size(), 3u);
  EXPECT_FALSE(notices[0].show);
  EXPECT_TRUE(notices[1].show);
  EXPECT_FALSE(notices[2].show);
  document->update_lint();
  EXPECT_FALSE(document->linted);  // a suspect buffer is not linted

  EXPECT_FALSE(workspace.save(*document, std::nullopt));  // no text: still out of sync
  EXPECT_TRUE(document->suspect);
  EXPECT_TRUE(workspace.save(*document, report));
  EXPECT_FALSE(document->suspect);
  EXPECT_EQ(document->document.text(), report);
  EXPECT_FALSE(workspace.save(*document, report));  // in sync and unchanged: nothing to redo
  document->update_lint();
  EXPECT_TRUE(document->linted);
}

TEST_F(WorkspaceTest, ReopeningClosesTheOldDocumentAndCloseForgetsIt) {
  const auto first = workspace.open(kUri, "plaintext", 1, report);
  const auto second = workspace.open(kUri, "plaintext", 1, report);
  EXPECT_TRUE(first->closed);
  EXPECT_NE(first->generation, second->generation);
  EXPECT_EQ(workspace.find(kUri), second);
  workspace.close(*second);
  EXPECT_TRUE(second->closed);
  EXPECT_EQ(workspace.find(kUri), nullptr);
  EXPECT_TRUE(workspace.documents().empty());
}

TEST_F(WorkspaceTest, SettingsApplyWhenTheConfigurationChanges) {
  const auto document = workspace.open(kUri, "plaintext", 1, report);
  document->update_lint();
  const auto has_c406 = [&] {
    return std::any_of(document->diagnostics.begin(), document->diagnostics.end(),
                       [](const Diagnostic& diagnostic) { return diagnostic.rule && diagnostic.rule->id == "C406"; });
  };
  ASSERT_TRUE(has_c406());
  ClientSettings settings;
  settings.rules["C406"] = Severity::Off;
  workspace.set_settings(settings);
  workspace.configuration_changed();
  document->update_lint();
  EXPECT_FALSE(has_c406());
}

}  // namespace
}  // namespace xxgk::lsp::testing
