// A306 across the documents open in the editor, over the protocol: last year's and this year's report of one agency
// open together give this year's A306 with last year's cell (in the other document) as related information; editing
// either document or closing last year's updates it, for push and pull clients and through the real binary.
#include <gtest/gtest.h>

#include <map>

#include "test_client.h"

namespace xxgk::lsp::testing {
namespace {

const std::string kLastYearUri = "file:///reports/qingshan_2023.txt";
const std::string kThisYearUri = "file:///reports/qingshan_2024.txt";

// Last year's 结转下年度继续办理 (0-based line 64) carries forward 2 + 1 = 3; this year's 上年结转 (line 41) takes
// over 3 + 1 = 4: the first column and the total differ.
constexpr uint32_t kCarriedOutLine = 64;
constexpr std::string_view kCarriedOutRow = "四、结转下年度继续办理\t\t2\t1\t0\t0\t0\t0\t3";
constexpr uint32_t kCarriedInLine = 41;

json a306_of(const json& diagnostics) {
  json found = json::array();
  for (const json& diagnostic : diagnostics)
    if (diagnostic.value("code", "") == "A306") found.push_back(diagnostic);
  return found;
}

json text_document(const std::string& uri) { return {{"textDocument", {{"uri", uri}}}}; }

// The diagnostics last published for each document among the messages received so far, and how many publications
// each got.
struct Published {
  std::map<std::string, json> last;
  std::map<std::string, int> count;
};

Published published(TestClient& client) {
  Published result;
  for (const json& message : client.drain()) {
    if (message.value("method", "") != "textDocument/publishDiagnostics") continue;
    const std::string uri = message["params"]["uri"];
    result.last[uri] = message["params"]["diagnostics"];
    ++result.count[uri];
  }
  return result;
}

// Replaces last year's carry-over row, a whole line, by `row`.
void change_carried_out(TestClient& client, int64_t version, std::string_view row) {
  client.notify("textDocument/didChange", {{"textDocument", {{"uri", kLastYearUri}, {"version", version}}},
                                           {"contentChanges",
                                            {{{"range",
                                               {{"start", {{"line", kCarriedOutLine}, {"character", 0}}},
                                                {"end", {{"line", kCarriedOutLine + 1}, {"character", 0}}}}},
                                              {"text", std::string(row) + "\n"}}}}});
}

const json kRelatedInformation = {{"textDocument", {{"publishDiagnostics", {{"relatedInformation", true}}}}}};

class CrossDocumentsTest : public ::testing::Test {
 protected:
  InProcessClient client;
  const std::string last_year = read_fixture("../review/qingshan_2023.txt");
  const std::string this_year = read_fixture("../review/qingshan_2024.txt");
};

TEST_F(CrossDocumentsTest, FixtureRowsAreWhereTheTestsEditThem) {
  const size_t row = last_year.find(kCarriedOutRow);
  ASSERT_NE(row, std::string::npos);
  EXPECT_EQ(std::count(last_year.begin(), last_year.begin() + static_cast<long>(row), '\n'), kCarriedOutLine);
}

TEST_F(CrossDocumentsTest, ThisYearGetsA306PointingAtLastYearsCellInTheOtherDocument) {
  client.initialize(kRelatedInformation);
  client.open(kLastYearUri, last_year);
  EXPECT_TRUE(a306_of(client.diagnostics(kLastYearUri)).empty());
  client.open(kThisYearUri, this_year);
  const json a306 = a306_of(client.diagnostics(kThisYearUri));
  ASSERT_EQ(a306.size(), 2u) << a306.dump(1);
  // The first column: this year's 3 against last year's 2, at the cells' own places.
  EXPECT_EQ(a306[0]["range"]["start"], json({{"line", kCarriedInLine}, {"character", 18}}));
  EXPECT_EQ(a306[0]["severity"], 1);
  EXPECT_NE(a306[0]["message"].get<std::string>().find("“上年结转”“自然人”栏为 3"), std::string::npos);
  ASSERT_EQ(a306[0]["relatedInformation"].size(), 1u);
  const json& related = a306[0]["relatedInformation"][0];
  EXPECT_EQ(related["location"]["uri"], kLastYearUri);
  EXPECT_EQ(related["location"]["range"], json({{"start", {{"line", kCarriedOutLine}, {"character", 13}}},
                                                {"end", {{"line", kCarriedOutLine}, {"character", 14}}}}));
  EXPECT_EQ(a306[1]["relatedInformation"][0]["location"]["uri"], kLastYearUri);
  // Last year's report is not this year's: nothing for it.
  EXPECT_TRUE(a306_of(published(client).last[kLastYearUri]).empty());
}

TEST_F(CrossDocumentsTest, OpeningLastYearAfterThisYearPublishesThisYearAgain) {
  client.initialize(kRelatedInformation);
  client.open(kThisYearUri, this_year);
  EXPECT_TRUE(a306_of(client.diagnostics(kThisYearUri)).empty());
  client.open(kLastYearUri, last_year);
  const Published after = published(client);
  ASSERT_TRUE(after.last.contains(kThisYearUri)) << "this year's report was not published again";
  EXPECT_EQ(a306_of(after.last.at(kThisYearUri)).size(), 2u);
}

TEST_F(CrossDocumentsTest, EditingLastYearsCarryOverUpdatesThisYear) {
  client.initialize(kRelatedInformation);
  client.open(kLastYearUri, last_year);
  client.open(kThisYearUri, this_year);
  EXPECT_EQ(a306_of(client.diagnostics(kThisYearUri)).size(), 2u);
  published(client);

  // Last year's figures corrected to what this year took over: this year's A306 is cleared and published.
  change_carried_out(client, 2, "四、结转下年度继续办理\t\t3\t1\t0\t0\t0\t0\t4");
  Published after = published(client);
  ASSERT_TRUE(after.last.contains(kThisYearUri)) << "this year's report was not published again";
  EXPECT_TRUE(a306_of(after.last.at(kThisYearUri)).empty()) << after.last.at(kThisYearUri).dump(1);
  EXPECT_EQ(after.count[kThisYearUri], 1);

  // Only the total differs now.
  change_carried_out(client, 3, "四、结转下年度继续办理\t\t3\t1\t0\t0\t0\t0\t5");
  after = published(client);
  const json a306 = a306_of(after.last.at(kThisYearUri));
  ASSERT_EQ(a306.size(), 1u);
  EXPECT_NE(a306[0]["message"].get<std::string>().find("为 5"), std::string::npos) << a306[0]["message"];

  // An edit of last year's report that changes nothing this year reads of it publishes last year's only.
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", kLastYearUri}, {"version", 4}}},
                 {"contentChanges",
                  {{{"range", {{"start", {{"line", 75}, {"character", 0}}}, {"end", {{"line", 75}, {"character", 0}}}}},
                    {"text", "此外，"}}}}});
  after = published(client);
  EXPECT_EQ(after.count[kLastYearUri], 1);
  EXPECT_FALSE(after.count.contains(kThisYearUri));
}

TEST_F(CrossDocumentsTest, EditingThisYearsCarryOverClearsItsA306) {
  client.initialize(kRelatedInformation);
  client.open(kLastYearUri, last_year);
  client.open(kThisYearUri, this_year);
  EXPECT_EQ(a306_of(client.diagnostics(kThisYearUri)).size(), 2u);
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", kThisYearUri}, {"version", 2}}},
                 {"contentChanges",
                  {{{"range",
                     {{"start", {{"line", kCarriedInLine}, {"character", 0}}},
                      {"end", {{"line", kCarriedInLine + 1}, {"character", 0}}}}},
                    {"text", "二、上年结转政府信息公开申请数量\t\t2\t1\t0\t0\t0\t0\t3\n"}}}}});
  EXPECT_TRUE(a306_of(client.diagnostics(kThisYearUri, 2)).empty());
}

TEST_F(CrossDocumentsTest, ClosingLastYearsReportRemovesThisYearsA306) {
  client.initialize(kRelatedInformation);
  client.open(kLastYearUri, last_year);
  client.open(kThisYearUri, this_year);
  EXPECT_EQ(a306_of(client.diagnostics(kThisYearUri)).size(), 2u);
  client.notify("textDocument/didClose", text_document(kLastYearUri));
  const Published after = published(client);
  EXPECT_TRUE(after.last.at(kLastYearUri).empty());
  ASSERT_TRUE(after.last.contains(kThisYearUri));
  EXPECT_TRUE(a306_of(after.last.at(kThisYearUri)).empty());
}

TEST_F(CrossDocumentsTest, A306FollowsTheConfiguredSeverity) {
  client.initialize(kRelatedInformation, {{"diagnosticsDelayMs", 0}, {"rules", {{"A306", "warning"}}}});
  client.open(kLastYearUri, last_year);
  client.open(kThisYearUri, this_year);
  const json a306 = a306_of(client.diagnostics(kThisYearUri));
  ASSERT_EQ(a306.size(), 2u);
  EXPECT_EQ(a306[0]["severity"], 2);

  client.notify("workspace/didChangeConfiguration", {{"settings", {{"xxgkLint", {{"rules", {{"A306", "off"}}}}}}}});
  const Published after = published(client);
  ASSERT_TRUE(after.last.contains(kThisYearUri));
  EXPECT_TRUE(a306_of(after.last.at(kThisYearUri)).empty());
}

TEST_F(CrossDocumentsTest, WithoutRelatedInformationSupportTheMessageStillNamesLastYearsReport) {
  client.initialize();
  client.open(kLastYearUri, last_year);
  client.open(kThisYearUri, this_year);
  const json a306 = a306_of(client.diagnostics(kThisYearUri));
  ASSERT_EQ(a306.size(), 2u);
  EXPECT_FALSE(a306[0].contains("relatedInformation"));
  EXPECT_NE(a306[0]["message"].get<std::string>().find(kLastYearUri), std::string::npos);
}

TEST_F(CrossDocumentsTest, TwoOpenReportsClaimingOneAgencyAndYearAreNotPairedAndTheLogSaysWhy) {
  const std::string copy_uri = "file:///reports/qingshan_2023_copy.txt";
  client.initialize(kRelatedInformation);
  client.open(kLastYearUri, last_year);
  client.open(copy_uri, last_year);
  client.open(kThisYearUri, this_year);
  bool told = false;
  Published last;
  for (const json& message : client.drain()) {
    if (message.value("method", "") == "window/logMessage" &&
        message["params"]["message"].get<std::string>().starts_with(kLastYearUri + ": 与 " + copy_uri + " 同为")) {
      told = true;
    }
    if (message.value("method", "") == "textDocument/publishDiagnostics")
      last.last[message["params"]["uri"]] = message["params"]["diagnostics"];
  }
  EXPECT_TRUE(told);
  EXPECT_TRUE(a306_of(last.last.at(kThisYearUri)).empty());

  // The copy closed, the pair is unambiguous again.
  client.notify("textDocument/didClose", text_document(copy_uri));
  EXPECT_EQ(a306_of(published(client).last.at(kThisYearUri)).size(), 2u);
}

TEST_F(CrossDocumentsTest, AnOpenReportWithoutAYearIsNotPairedAndTheLogSaysWhy) {
  const std::string undated_uri = "file:///reports/undated.txt";
  client.initialize(kRelatedInformation);
  client.open(kThisYearUri, this_year);
  client.open(undated_uri, "青山市自然资源和规划局政府信息公开工作年度报告\n\n一、总体情况\n本局认真落实条例。\n");
  bool told = false;
  for (const json& message : client.drain()) {
    if (message.value("method", "") == "window/logMessage" &&
        message["params"]["message"].get<std::string>().starts_with(undated_uri + ": 标题和统计期限中都没有年份")) {
      told = true;
    }
    if (message.value("method", "") == "textDocument/publishDiagnostics")
      EXPECT_TRUE(a306_of(message["params"]["diagnostics"]).empty());
  }
  EXPECT_TRUE(told);
}

TEST_F(CrossDocumentsTest, APullingClientIsAskedToPullAgainWhenLastYearChanges) {
  const json result = client.initialize(
      {{"textDocument", {{"diagnostic", json::object()}, {"publishDiagnostics", {{"relatedInformation", true}}}}},
       {"workspace", {{"diagnostics", {{"refreshSupport", true}}}}}});
  EXPECT_EQ(result["capabilities"]["diagnosticProvider"]["interFileDependencies"], true);
  client.open(kLastYearUri, last_year);
  client.open(kThisYearUri, this_year);
  client.request("textDocument/diagnostic", text_document(kLastYearUri));
  const json first = client.request("textDocument/diagnostic", text_document(kThisYearUri))["result"];
  const json a306 = a306_of(first["items"]);
  ASSERT_EQ(a306.size(), 2u);
  EXPECT_EQ(a306[0]["relatedInformation"][0]["location"]["uri"], kLastYearUri);

  change_carried_out(client, 2, "四、结转下年度继续办理\t\t3\t1\t0\t0\t0\t0\t4");
  client.request("textDocument/diagnostic", text_document(kLastYearUri));
  EXPECT_TRUE(
      client.wait_for([](const json& message) { return message.value("method", "") == "workspace/diagnostic/refresh"; })
          .has_value());
  const json second = client.request("textDocument/diagnostic", {{"textDocument", {{"uri", kThisYearUri}}},
                                                                 {"previousResultId", first["resultId"]}})["result"];
  EXPECT_EQ(second["kind"], "full");
  EXPECT_TRUE(a306_of(second["items"]).empty());
  const json third = client.request("textDocument/diagnostic", {{"textDocument", {{"uri", kThisYearUri}}},
                                                                {"previousResultId", second["resultId"]}})["result"];
  EXPECT_EQ(third["kind"], "unchanged");
}

TEST(CrossDocumentsProcessTest, TheBinaryPublishesA306AcrossOpenDocuments) {
  ProcessClient client;
  client.initialize(kRelatedInformation);
  client.open(kLastYearUri, read_fixture("../review/qingshan_2023.txt"));
  client.open(kThisYearUri, read_fixture("../review/qingshan_2024.txt"));
  const std::optional<json> with_a306 = client.wait_for([](const json& message) {
    return message.value("method", "") == "textDocument/publishDiagnostics" &&
           message["params"]["uri"] == kThisYearUri && a306_of(message["params"]["diagnostics"]).size() == 2;
  });
  ASSERT_TRUE(with_a306.has_value());
  EXPECT_EQ(a306_of((*with_a306)["params"]["diagnostics"])[0]["relatedInformation"][0]["location"]["uri"],
            kLastYearUri);
  client.request("shutdown", nullptr);
  client.notify("exit", nullptr);
  EXPECT_EQ(client.wait_exit(), 0);
}

}  // namespace
}  // namespace xxgk::lsp::testing
