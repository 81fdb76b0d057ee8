// The Server driven in-process: lifecycle, documents, diagnostics (pushed and pulled), configuration and the editor
// features, without pipes.
#include <gtest/gtest.h>

#include <fstream>
#include <limits>

#include "lsp/code_actions.h"
#include "test_client.h"
#include "xxgk/linter.h"

namespace xxgk::lsp::testing {
namespace {

const std::string kUri = "file:///reports/004.txt";

std::vector<std::string> codes(const json& diagnostics) {
  std::vector<std::string> result;
  for (const json& diagnostic : diagnostics) result.push_back(diagnostic["code"].get<std::string>());
  return result;
}

bool has_code(const json& diagnostics, const std::string& code) {
  const std::vector<std::string> all = codes(diagnostics);
  return std::find(all.begin(), all.end(), code) != all.end();
}

const json* find_code(const json& diagnostics, const std::string& code) {
  for (const json& diagnostic : diagnostics) {
    if (diagnostic["code"] == code) return &diagnostic;
  }
  return nullptr;
}

// Whether a window/logMessage among `messages` contains `text`.
bool logs_mention(const std::vector<json>& messages, const std::string& text) {
  return std::any_of(messages.begin(), messages.end(), [&](const json& message) {
    return message.value("method", "") == "window/logMessage" &&
           message["params"]["message"].get<std::string>().find(text) != std::string::npos;
  });
}

int error_code(const json& response) { return response.at("error").at("code").get<int>(); }

json text_document(const std::string& uri = kUri) { return {{"textDocument", {{"uri", uri}}}}; }

json at(const std::string& uri, uint32_t line, uint32_t character) {
  return {{"textDocument", {{"uri", uri}}}, {"position", {{"line", line}, {"character", character}}}};
}

json whole_range(uint32_t last_line = 1000) {
  return {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", last_line}, {"character", 0}}}};
}

// 0-based line of the first line containing `needle`.
uint32_t line_containing(const std::string& text, const std::string& needle) {
  const size_t at_byte = text.find(needle);
  if (at_byte == std::string::npos) throw std::runtime_error("no line contains " + needle);
  return static_cast<uint32_t>(std::count(text.begin(), text.begin() + static_cast<long>(at_byte), '\n'));
}

// didChange params that put a space before the first character of kUri, making it `version`.
json space_at_start(int64_t version) {
  return {{"textDocument", {{"uri", kUri}, {"version", version}}},
          {"contentChanges",
           {{{"range", {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}}},
             {"text", " "}}}}};
}

class ServerTest : public ::testing::Test {
 protected:
  InProcessClient client;
  const std::string report = read_fixture("004_6958a79bc20c0ed0.txt");
};

// ---------------------------------------------------------------------------------------------------------------
// Lifecycle

TEST_F(ServerTest, RequestsBeforeInitializeAreRefused) {
  EXPECT_EQ(error_code(client.request("textDocument/hover", at(kUri, 0, 0))), -32002);
  // Notifications before initialize are dropped: opening a document publishes nothing.
  client.open(kUri, report);
  EXPECT_TRUE(client.drain().empty());
}

TEST_F(ServerTest, InitializeAnswersCapabilitiesAndServerInfo) {
  const json result = client.initialize();
  EXPECT_EQ(result["serverInfo"]["name"], "xxgk-lint");
  EXPECT_EQ(result["serverInfo"]["version"], XXGK_VERSION);
  const json& capabilities = result["capabilities"];
  EXPECT_EQ(capabilities["positionEncoding"], "utf-16");
  EXPECT_EQ(capabilities["textDocumentSync"]["change"], 2);
  EXPECT_EQ(capabilities["textDocumentSync"]["save"]["includeText"], true);
  EXPECT_EQ(capabilities["codeActionProvider"]["codeActionKinds"], json({"quickfix", "source.fixAll.xxgk-lint"}));
  EXPECT_FALSE(capabilities.contains("diagnosticProvider"));  // the client did not offer pull diagnostics
}

TEST_F(ServerTest, SecondInitializeIsRefused) {
  client.initialize();
  const json second = client.request("initialize", {{"processId", nullptr}, {"capabilities", json::object()}});
  EXPECT_EQ(error_code(second), -32600);
}

TEST_F(ServerTest, ShutdownThenExitEndsWithZero) {
  client.initialize();
  EXPECT_TRUE(client.request("shutdown", nullptr).at("result").is_null());
  EXPECT_EQ(error_code(client.request("textDocument/hover", at(kUri, 0, 0))), -32600);
  EXPECT_FALSE(client.server().exited());
  client.notify("exit", nullptr);
  EXPECT_EQ(client.server().exit_code(), 0);
}

TEST_F(ServerTest, ExitWithoutShutdownEndsWithOne) {
  client.initialize();
  client.notify("exit", nullptr);
  EXPECT_EQ(client.server().exit_code(), 1);
}

TEST_F(ServerTest, EndOfInputWithoutShutdownEndsWithOne) {
  client.initialize();
  client.server().post_end_of_input();
  client.server().process_pending();
  EXPECT_EQ(client.server().exit_code(), 1);
}

TEST_F(ServerTest, UnknownRequestsAndDollarNotifications) {
  client.initialize();
  EXPECT_EQ(error_code(client.request("textDocument/rename", at(kUri, 0, 0))), -32601);
  EXPECT_EQ(error_code(client.request("$/unknownRequest", json::object())), -32601);
  client.notify("$/unknownNotification", json::object());
  client.notify("workspace/unknownNotification", json::object());
  EXPECT_TRUE(client.drain().empty());
}

TEST_F(ServerTest, QueuedRequestCancelledBeforeItRuns) {
  client.initialize();
  client.open(kUri, report);
  client.drain();
  Server& server = client.server();
  server.post(serialize(request(77, "textDocument/documentSymbol", text_document())));
  server.post(serialize(notification("$/cancelRequest", {{"id", 77}})));
  server.process_pending();
  const std::vector<json> messages = client.drain();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0]["id"], 77);
  EXPECT_EQ(error_code(messages[0]), -32800);
  // A cancel for a request already answered changes nothing.
  const json answered = client.request("textDocument/documentSymbol", text_document());
  client.notify("$/cancelRequest", {{"id", answered["id"]}});
  EXPECT_TRUE(answered.contains("result"));
}

TEST_F(ServerTest, MalformedMessagesGetErrorsAndTheServerCarriesOn) {
  client.initialize();
  Server& server = client.server();
  server.post("{not json");
  server.post("[1, 2]");
  server.post(R"({"jsonrpc": "2.0", "id": {"x": 1}, "method": "shutdown"})");
  server.post(R"({"jsonrpc": "2.0", "id": 5, "method": "textDocument/hover", "params": {"textDocument": 3}})");
  server.post(R"({"jsonrpc": "2.0", "id": 6, "method": "textDocument/hover",
                  "params": {"textDocument": {"uri": "file:///x"}, "position": {"line": -1, "character": 0}}})");
  server.process_pending();
  std::vector<int> errors;
  for (const json& message : client.drain()) {
    if (message.contains("error")) errors.push_back(error_code(message));
  }
  EXPECT_EQ(errors, (std::vector<int>{-32700, -32600, -32600, -32602, -32602}));
  EXPECT_TRUE(client.request("shutdown", nullptr).contains("result"));
}

TEST_F(ServerTest, HandlerFailureAnswersInternalErrorAndTheServerCarriesOn) {
  client.initialize();
  client.open(kUri, report);
  client.diagnostics(kUri);
  // A diagnostic echoed back with fixes of the wrong shape makes the code-action handler throw.
  const json broken = {{"source", "xxgk-lint"}, {"code", "T202"}, {"range", whole_range(0)},
                       {"message", "x"}, {"data", {{"version", 1}, {"fixes", {42}}}}};
  const json answer = client.request(
      "textDocument/codeAction",
      {{"textDocument", {{"uri", kUri}}}, {"range", whole_range(0)}, {"context", {{"diagnostics", {broken}}}}});
  EXPECT_EQ(error_code(answer), -32603);
  EXPECT_TRUE(client.request("textDocument/documentSymbol", text_document()).contains("result"));
}

// ---------------------------------------------------------------------------------------------------------------
// Diagnostics

TEST_F(ServerTest, PublishesDiagnosticsWithVersionCodeSourceLinkAndFixData) {
  client.initialize();
  client.open(kUri, report, "plaintext", 7);
  const json diagnostics = client.diagnostics(kUri, 7);
  ASSERT_TRUE(has_code(diagnostics, "T202"));
  ASSERT_TRUE(has_code(diagnostics, "C406"));
  const json& t202 = *find_code(diagnostics, "T202");
  EXPECT_EQ(t202["source"], "xxgk-lint");
  EXPECT_EQ(t202["severity"], 1);
  EXPECT_NE(t202["codeDescription"]["href"].get<std::string>().find("T202"), std::string::npos);
  EXPECT_EQ(t202["data"]["version"], 7);
  ASSERT_EQ(t202["data"]["fixes"].size(), 1u);
  EXPECT_EQ(t202["data"]["fixes"][0]["safe"], false);
  const uint32_t t202_line = t202["range"]["start"]["line"];
  EXPECT_TRUE(t202_line == 59 || t202_line == 60) << t202_line;
  EXPECT_EQ((*find_code(diagnostics, "C406"))["range"]["start"]["line"], 76);
}

TEST_F(ServerTest, DocumentsThatAreNotReportsGetNoDiagnostics) {
  client.initialize();
  const std::string notes = "Meeting notes\n\n一、会议议程\n\n讨论了 2022 年的工作。\n";
  client.open("file:///notes.txt", notes);
  EXPECT_TRUE(client.diagnostics("file:///notes.txt").empty());
  client.open("file:///report.py", report, "python");
  EXPECT_TRUE(client.diagnostics("file:///report.py").empty());
  EXPECT_TRUE(client.request("textDocument/documentSymbol", text_document("file:///notes.txt"))["result"].empty());
}

TEST_F(ServerTest, AReportBeyondTheInputLimitsGetsOneTooLargeDiagnosticUntilItShrinks) {
  client.initialize();
  // Past LintLimits::max_lines (200,000) the report is not parsed: one X001 diagnostic, not a hang or a flood.
  const std::string padding(200'000, '\n');
  client.open(kUri, report + padding);
  const json too_large = client.diagnostics(kUri, 1);
  ASSERT_EQ(too_large.size(), 1u) << too_large.dump(1);
  EXPECT_EQ(too_large[0]["code"], "X001");
  EXPECT_EQ(too_large[0]["severity"], 1);
  // Deleting the padding brings the report's own diagnostics back.
  const uint32_t report_lines = static_cast<uint32_t>(std::count(report.begin(), report.end(), '\n'));
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", kUri}, {"version", 2}}},
                 {"contentChanges", {{{"range", {{"start", {{"line", report_lines}, {"character", 100}}},
                                                {"end", {{"line", report_lines + 200'000}, {"character", 0}}}}},
                                      {"text", ""}}}}});
  const json diagnostics = client.diagnostics(kUri, 2);
  EXPECT_TRUE(has_code(diagnostics, "T202")) << diagnostics.dump(1);
  EXPECT_FALSE(has_code(diagnostics, "X001"));
  // A large plain-text file that does not name a report at its top is none of the linter's business.
  client.open("file:///server.log", "INFO start\n" + padding);
  EXPECT_TRUE(client.diagnostics("file:///server.log").empty());
}

TEST_F(ServerTest, LintAllDocumentsLintsEveryPlainTextDocument) {
  client.initialize(json::object(), {{"diagnosticsDelayMs", 0}, {"lintAllDocuments", true}});
  client.open("file:///notes.txt", "Meeting notes\n\n一、会议议程\n");
  EXPECT_TRUE(has_code(client.diagnostics("file:///notes.txt"), "S103"));
}

TEST_F(ServerTest, RelatedInformationOnlyForClientsThatSupportIt) {
  // Table 三 says 25 applications; the prose saying none were received contradicts it (C403 points at both).
  std::string contradicting = report;
  const std::string anchor = "一、总体情况\n";
  contradicting.insert(contradicting.find(anchor) + anchor.size(), "\n本年度未收到政府信息公开申请。\n");
  for (const bool supported : {true, false}) {
    InProcessClient fresh;
    fresh.initialize({{"textDocument", {{"publishDiagnostics", {{"relatedInformation", supported}}}}}});
    fresh.open(kUri, contradicting);
    const json diagnostics = fresh.diagnostics(kUri);
    const json* c403 = find_code(diagnostics, "C403");
    ASSERT_NE(c403, nullptr) << diagnostics.dump(1);
    EXPECT_EQ(c403->contains("relatedInformation"), supported);
    if (supported) EXPECT_EQ((*c403)["relatedInformation"][0]["location"]["uri"], kUri);
  }
}

TEST_F(ServerTest, IncrementalChangesAreAppliedInOrder) {
  client.initialize();
  client.open(kUri, report);
  client.diagnostics(kUri, 1);
  const uint32_t total_line = line_containing(report, "(七) 总计");
  // Two changes in one notification: insert the missing row, then edit inside the inserted text.
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", kUri}, {"version", 2}}},
                 {"contentChanges",
                  {{{"range", {{"start", {{"line", total_line}, {"character", 0}}},
                               {"end", {{"line", total_line}, {"character", 0}}}}},
                    {"text", "\t\t3.其他\t9\t0\t0\t0\t0\t0\t0\n"}},
                   {{"range", {{"start", {{"line", total_line}, {"character", 7}}},
                               {"end", {{"line", total_line}, {"character", 8}}}}},
                    {"text", "0"}}}}});
  const json diagnostics = client.diagnostics(kUri, 2);
  EXPECT_FALSE(has_code(diagnostics, "T202")) << diagnostics.dump(1);
  const json symbols = client.request("textDocument/documentSymbol", text_document())["result"];
  EXPECT_FALSE(symbols.empty());
}

TEST_F(ServerTest, OutOfBoundsEditIsClampedAndResynchronisedAtSave) {
  client.initialize();
  client.open(kUri, report);
  client.diagnostics(kUri, 1);
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", kUri}, {"version", 2}}},
                 {"contentChanges", {{{"range", {{"start", {{"line", 5000}, {"character", 0}}},
                                                {"end", {{"line", 5000}, {"character", 3}}}}},
                                      {"text", "\n附件：无\n"}}}}});
  const std::optional<json> warning = client.wait_for([](const json& message) {
    return message.value("method", "") == "window/logMessage" && message["params"]["type"] == 2 &&
           message["params"]["message"].get<std::string>().find("out of bounds") != std::string::npos;
  });
  ASSERT_TRUE(warning.has_value());
  // Until the buffer is in sync again nothing computed on it is shown: no diagnostics, no fixes.
  EXPECT_TRUE(client.diagnostics(kUri, 2).empty());
  EXPECT_TRUE(client.request("textDocument/codeAction", {{"textDocument", {{"uri", kUri}}},
                                                         {"range", whole_range()},
                                                         {"context", {{"diagnostics", json::array()}}}})["result"]
                  .empty());
  // The client's buffer never had that text: the save carries the truth and replaces the server's buffer.
  client.notify("textDocument/didSave", {{"textDocument", {{"uri", kUri}}}, {"text", report}});
  const std::optional<json> resynchronised = client.wait_for([](const json& message) {
    return message.value("method", "") == "window/logMessage" &&
           message["params"]["message"].get<std::string>().find("resynchronised") != std::string::npos;
  });
  EXPECT_TRUE(resynchronised.has_value());
  EXPECT_TRUE(has_code(client.diagnostics(kUri, 2), "T202"));
  const json hover_past_end = client.request("textDocument/completion", at(kUri, 80, 0));
  EXPECT_TRUE(hover_past_end.contains("result"));
}

TEST_F(ServerTest, EditPastTheEndOfALineAppliesAtTheLineEnd) {
  client.initialize();
  client.open(kUri, report);
  client.diagnostics(kUri, 1);
  // LSP 3.17: a character beyond the line's length means the line's end. Line 77 (0-based 76), the last, is section
  // 六's "无。".
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", kUri}, {"version", 2}}},
                 {"contentChanges", {{{"range", {{"start", {{"line", 76}, {"character", 500}}},
                                                {"end", {{"line", 76}, {"character", 500}}}}},
                                      {"text", "X"}}}}});
  const json diagnostics = client.diagnostics(kUri, 2);
  EXPECT_TRUE(has_code(diagnostics, "T202")) << diagnostics.dump(1);
  EXPECT_FALSE(logs_mention(client.drain(), "out of bounds"));
  std::string expected = report;
  size_t line_start = 0;
  for (int n = 0; n < 76; ++n) line_start = expected.find('\n', line_start) + 1;
  expected.insert(std::min(expected.find_first_of("\r\n", line_start), expected.size()), "X");
  client.notify("textDocument/didSave", {{"textDocument", {{"uri", kUri}}}, {"text", expected}});
  // The buffer equals the client's: the save finds nothing to resynchronise.
  EXPECT_FALSE(logs_mention(client.drain(), "resynchronised"));
}

TEST_F(ServerTest, BurstOfEditsIsDebouncedIntoOnePublication) {
  client.initialize(json::object(), {{"diagnosticsDelayMs", 200}});
  client.open(kUri, report);
  client.diagnostics(kUri, 1);
  for (int version = 2; version <= 6; ++version) {
    client.notify("textDocument/didChange", space_at_start(version));
  }
  int published = 0;
  for (const json& message : client.drain()) {
    if (message.value("method", "") != "textDocument/publishDiagnostics") continue;
    ++published;
    EXPECT_EQ(message["params"]["version"], 6);
  }
  EXPECT_EQ(published, 1);
}

// A delay near the limit of the clock's type overflowed the arithmetic that schedules the diagnostics (undefined
// behaviour; the sanitizer build reported it); any delay longer than the server's longest is cut to it.
TEST_F(ServerTest, AnOverlongDiagnosticsDelayIsCutToTheLongest) {
  InProcessClient patient(100ms);
  patient.initialize(json::object(), {{"diagnosticsDelayMs", std::numeric_limits<int64_t>::max()}});
  patient.open(kUri, report);
  patient.diagnostics(kUri, 1);
  patient.notify("textDocument/didChange", space_at_start(2));
  EXPECT_NO_THROW(patient.diagnostics(kUri, 2));
}

TEST_F(ServerTest, ClosingClearsDiagnostics) {
  client.initialize();
  client.open(kUri, report);
  client.diagnostics(kUri, 1);
  client.notify("textDocument/didClose", text_document());
  EXPECT_TRUE(client.diagnostics(kUri).empty());
  EXPECT_EQ(error_code(client.request("textDocument/documentSymbol", text_document())), -32602);
}

TEST_F(ServerTest, PullDiagnosticsAnswerUnchangedUntilTheTextChanges) {
  const json result = client.initialize({{"textDocument", {{"diagnostic", {{"dynamicRegistration", false}}}}}});
  EXPECT_EQ(result["capabilities"]["diagnosticProvider"]["interFileDependencies"], true);
  client.open(kUri, report);
  const json first = client.request("textDocument/diagnostic", text_document())["result"];
  EXPECT_EQ(first["kind"], "full");
  EXPECT_TRUE(has_code(first["items"], "T202"));
  const json second = client.request("textDocument/diagnostic",
                                     {{"textDocument", {{"uri", kUri}}}, {"previousResultId", first["resultId"]}});
  EXPECT_EQ(second["result"]["kind"], "unchanged");
  EXPECT_EQ(second["result"]["resultId"], first["resultId"]);
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", kUri}, {"version", 2}}}, {"contentChanges", {{{"text", report + "\n"}}}}});
  const json third = client.request("textDocument/diagnostic",
                                    {{"textDocument", {{"uri", kUri}}}, {"previousResultId", first["resultId"]}});
  EXPECT_EQ(third["result"]["kind"], "full");
  EXPECT_NE(third["result"]["resultId"], first["resultId"]);
  // A pulling client gets nothing pushed.
  for (const json& message : client.drain()) EXPECT_NE(message.value("method", ""), "textDocument/publishDiagnostics");
}

// ---------------------------------------------------------------------------------------------------------------
// Configuration

TEST_F(ServerTest, ClientSettingsComeFromWorkspaceConfiguration) {
  client.initialize({{"workspace", {{"configuration", true}}},
                     {"textDocument", {{"diagnostic", json::object()}}}});
  const std::optional<json> asked = client.wait_for(
      [](const json& message) { return message.value("method", "") == "workspace/configuration"; });
  ASSERT_TRUE(asked.has_value());
  EXPECT_EQ((*asked)["params"]["items"][0]["section"], "xxgkLint");
  client.open(kUri, report);
  EXPECT_TRUE(has_code(client.request("textDocument/diagnostic", text_document())["result"]["items"], "T202"));

  client.server().post(serialize(response((*asked)["id"], json::array({{{"rules", {{"T202", "off"}}}}}))));
  client.server().process_pending();
  const json items = client.request("textDocument/diagnostic", text_document())["result"]["items"];
  EXPECT_FALSE(has_code(items, "T202"));
  EXPECT_TRUE(has_code(items, "C406"));

  // A change of settings makes the server ask again.
  client.notify("workspace/didChangeConfiguration", {{"settings", nullptr}});
  EXPECT_TRUE(client.wait_for([](const json& message) {
    return message.value("method", "") == "workspace/configuration";
  }).has_value());
}

TEST_F(ServerTest, PullingClientIsAskedToRefreshAfterAConfigurationChange) {
  client.initialize({{"textDocument", {{"diagnostic", json::object()}}},
                     {"workspace", {{"diagnostics", {{"refreshSupport", true}}}}}});
  client.open(kUri, report);
  client.notify("workspace/didChangeConfiguration", {{"settings", {{"xxgkLint", {{"rules", {{"C406", "off"}}}}}}}});
  const std::optional<json> refresh = client.wait_for(
      [](const json& message) { return message.value("method", "") == "workspace/diagnostic/refresh"; });
  ASSERT_TRUE(refresh.has_value());
  client.server().post(serialize(response((*refresh)["id"], nullptr)));
  client.server().process_pending();
  EXPECT_FALSE(has_code(client.request("textDocument/diagnostic", text_document())["result"]["items"], "C406"));
}

TEST_F(ServerTest, SetTraceLogsEachMessage) {
  client.initialize();
  client.notify("$/setTrace", {{"value", "verbose"}});
  client.request("textDocument/foldingRange", text_document("file:///not-open.txt"));
  const std::optional<json> logged = client.wait_for([](const json& message) {
    return message.value("method", "") == "$/logTrace" &&
           message["params"]["message"].get<std::string>().find("foldingRange") != std::string::npos;
  });
  ASSERT_TRUE(logged.has_value());
  EXPECT_TRUE((*logged)["params"].contains("verbose"));
}

TEST_F(ServerTest, PushedSettingsWithoutConfigurationSupport) {
  client.initialize();
  client.open(kUri, report);
  client.diagnostics(kUri);
  client.notify("workspace/didChangeConfiguration",
                {{"settings", {{"xxgkLint", {{"rules", {{"C406", "warning"}, {"NOPE", "off"}}}}}}}});
  const json diagnostics = client.diagnostics(kUri);
  ASSERT_NE(find_code(diagnostics, "C406"), nullptr);
  EXPECT_EQ((*find_code(diagnostics, "C406"))["severity"], 2);
  EXPECT_TRUE(client.wait_for([](const json& message) {
    return message.value("method", "") == "window/logMessage" &&
           message["params"]["message"].get<std::string>().find("NOPE") != std::string::npos;
  }).has_value());
}

TEST_F(ServerTest, ConfigFileIsReadAndWatched) {
  const std::filesystem::path directory =
      std::filesystem::temp_directory_path() / ("xxgk-lsp-config-" + std::to_string(::getpid()));
  std::filesystem::create_directories(directory / "reports");
  const auto write_config = [&](const std::string& contents) {
    std::ofstream(directory / ".xxgk-lint.json") << contents;
  };
  write_config("{ // comments allowed\n  \"rules\": {\"C406\": \"off\"},\n}\n");
  const std::string uri = path_to_uri(directory / "reports" / "004.txt");

  client.initialize({{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}});
  const std::optional<json> registration = client.wait_for(
      [](const json& message) { return message.value("method", "") == "client/registerCapability"; });
  ASSERT_TRUE(registration.has_value());
  EXPECT_EQ((*registration)["params"]["registrations"][0]["method"], "workspace/didChangeWatchedFiles");

  client.open(uri, report);
  json diagnostics = client.diagnostics(uri);
  EXPECT_FALSE(has_code(diagnostics, "C406"));
  EXPECT_TRUE(has_code(diagnostics, "T202"));

  write_config("{\"rules\": {\"T202\": \"off\"}}");
  client.notify("workspace/didChangeWatchedFiles",
                {{"changes", {{{"uri", path_to_uri(directory / ".xxgk-lint.json")}, {"type", 2}}}}});
  diagnostics = client.diagnostics(uri);
  EXPECT_TRUE(has_code(diagnostics, "C406"));
  EXPECT_FALSE(has_code(diagnostics, "T202"));

  // An invalid file is reported once and the defaults apply.
  write_config("{\"rules\": {\"T202\": \"sometimes\"}}");
  client.notify("workspace/didChangeWatchedFiles",
                {{"changes", {{{"uri", path_to_uri(directory / ".xxgk-lint.json")}, {"type", 2}}}}});
  EXPECT_TRUE(has_code(client.diagnostics(uri), "T202"));
  EXPECT_TRUE(client.wait_for([](const json& message) {
    return message.value("method", "") == "window/showMessage" && message["params"]["type"] == 1;
  }).has_value());
  std::filesystem::remove_all(directory);
}

// ---------------------------------------------------------------------------------------------------------------
// Code actions

TEST_F(ServerTest, QuickFixInsertsTheMissingRow) {
  client.initialize({{"workspace", {{"workspaceEdit", {{"documentChanges", true}}}}}});
  client.open(kUri, report, "plaintext", 3);
  const json diagnostics = client.diagnostics(kUri, 3);
  const json& t202 = *find_code(diagnostics, "T202");
  const json actions = client.request("textDocument/codeAction",
                                      {{"textDocument", {{"uri", kUri}}},
                                       {"range", t202["range"]},
                                       {"context", {{"diagnostics", {t202}}, {"only", {"quickfix"}}}}})["result"];
  ASSERT_EQ(actions.size(), 1u);
  const json& action = actions[0];
  EXPECT_EQ(action["kind"], "quickfix");
  EXPECT_NE(action["title"].get<std::string>().find("3.其他"), std::string::npos);
  EXPECT_FALSE(action.contains("isPreferred"));  // the row's zeros are invented data: not safe
  const json& change = action["edit"]["documentChanges"][0];
  EXPECT_EQ(change["textDocument"]["version"], 3);
  const std::string fixed = apply_wire_edits(report, change["edits"], PositionEncoding::Utf16);
  EXPECT_NE(fixed.find("\t\t3.其他\t0\t0\t0\t0\t0\t0\t0\n"), std::string::npos);

  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", kUri}, {"version", 4}}}, {"contentChanges", {{{"text", fixed}}}}});
  EXPECT_FALSE(has_code(client.diagnostics(kUri, 4), "T202"));
}

TEST_F(ServerTest, QuickFixesFromTheServersOwnDiagnosticsWhenTheContextHasNone) {
  client.initialize();
  client.open(kUri, report);
  const json diagnostics = client.diagnostics(kUri);
  const json& s105 = *find_code(diagnostics, "S105");
  const json actions = client.request("textDocument/codeAction", {{"textDocument", {{"uri", kUri}}},
                                                                  {"range", s105["range"]},
                                                                  {"context", {{"diagnostics", json::array()}}}});
  bool found = false;
  for (const json& action : actions["result"]) {
    if (action["kind"] != "quickfix" || action["diagnostics"][0]["code"] != "S105") continue;
    found = true;
    EXPECT_EQ(action["isPreferred"], true);  // the only fix, and safe
    ASSERT_TRUE(action["edit"].contains("changes"));  // no documentChanges support declared
  }
  EXPECT_TRUE(found) << actions.dump(1);
}

TEST_F(ServerTest, FixAllAppliesEverySafeFixInOneEdit) {
  client.initialize();
  client.open(kUri, report);
  client.diagnostics(kUri);
  const json actions = client.request("textDocument/codeAction",
                                      {{"textDocument", {{"uri", kUri}}},
                                       {"range", whole_range(0)},
                                       {"context", {{"diagnostics", json::array()}, {"only", {"source.fixAll"}}}}});
  ASSERT_EQ(actions["result"].size(), 1u) << actions.dump(1);
  const json& action = actions["result"][0];
  EXPECT_EQ(action["kind"], "source.fixAll.xxgk-lint");
  const json edits = action["edit"]["changes"][kUri];
  ASSERT_EQ(edits.size(), 1u);
  const std::string fixed = apply_wire_edits(report, edits, PositionEncoding::Utf16);
  EXPECT_EQ(fixed, fix_all(report, {}, FixMode::SafeOnly).text);
  EXPECT_NE(fixed, report);
}

TEST_F(ServerTest, OnlyFiltersActionKinds) {
  client.initialize();
  client.open(kUri, report);
  client.diagnostics(kUri);
  const auto kinds = [&](json only) {
    json context = {{"diagnostics", json::array()}};
    if (!only.is_null()) context["only"] = std::move(only);
    std::set<std::string> found;
    const json actions = client.request(
        "textDocument/codeAction", {{"textDocument", {{"uri", kUri}}}, {"range", whole_range()}, {"context", context}});
    for (const json& action : actions["result"]) found.insert(action["kind"].get<std::string>());
    return found;
  };
  EXPECT_EQ(kinds({"quickfix"}), (std::set<std::string>{"quickfix"}));
  EXPECT_EQ(kinds({"source"}), (std::set<std::string>{"source.fixAll.xxgk-lint"}));
  EXPECT_EQ(kinds({"refactor"}), (std::set<std::string>{}));
  EXPECT_EQ(kinds(nullptr), (std::set<std::string>{"quickfix", "source.fixAll.xxgk-lint"}));
}

TEST(MinimalEditTest, ReplacesOnlyTheDifferingMiddleOnCharacterBoundaries) {
  EXPECT_EQ(minimal_edit("abcdef", "abXdef"), (TextEdit{{2, 3}, "X"}));
  EXPECT_EQ(minimal_edit("abc", "abc"), (TextEdit{{3, 3}, ""}));
  EXPECT_EQ(minimal_edit("", "new"), (TextEdit{{0, 0}, "new"}));
  // 一 (E4 B8 80) → 丁 (E4 B8 81): the shared lead bytes must not split the character.
  EXPECT_EQ(minimal_edit("a一b", "a丁b"), (TextEdit{{1, 4}, "丁"}));
  // "\r\n" → "\n": the edit must not start between "\r" and "\n".
  EXPECT_EQ(minimal_edit("x\r\ny", "x\ny"), (TextEdit{{1, 3}, "\n"}));
  EXPECT_EQ(minimal_edit("x\ny", "x\r\ny"), (TextEdit{{1, 2}, "\r\n"}));
}

// ---------------------------------------------------------------------------------------------------------------
// Outline, folding, hover, inlay hints, completion

TEST_F(ServerTest, DocumentSymbolsOutlineTheReport) {
  client.initialize({{"textDocument", {{"documentSymbol", {{"hierarchicalDocumentSymbolSupport", true}}}}}});
  client.open(kUri, report);
  const json symbols = client.request("textDocument/documentSymbol", text_document())["result"];
  ASSERT_EQ(symbols.size(), 7u) << symbols.dump(1);  // the title and six sections
  EXPECT_NE(symbols[0]["name"].get<std::string>().find("年度报告"), std::string::npos);
  EXPECT_EQ(symbols[1]["name"], "一、总体情况");
  EXPECT_EQ(symbols[6]["name"], "六、其他需要报告的事项");
  EXPECT_EQ(symbols[1]["children"][0]["name"].get<std::string>().rfind("（一）强化源头管理", 0), 0u);
  EXPECT_EQ(symbols[3]["children"].back()["name"], "表：收到和处理政府信息公开申请情况");
}

TEST_F(ServerTest, FlatSymbolsForClientsWithoutHierarchy) {
  client.initialize();
  client.open(kUri, report);
  const json symbols = client.request("textDocument/documentSymbol", text_document())["result"];
  ASSERT_GT(symbols.size(), 7u);
  for (const json& symbol : symbols) {
    EXPECT_TRUE(symbol.contains("location"));
    EXPECT_FALSE(symbol.contains("children"));
  }
}

TEST_F(ServerTest, FoldingRangesCoverSectionsAndTables) {
  client.initialize();
  client.open(kUri, report);
  const json ranges = client.request("textDocument/foldingRange", text_document())["result"];
  const uint32_t table3_first = line_containing(report, "(本列数据的勾稽关系为");
  const uint32_t table3_last = line_containing(report, "四、结转下年度继续办理");
  bool table3_folds = false;
  for (const json& range : ranges) {
    table3_folds |= range["startLine"] == table3_first && range["endLine"] == table3_last;
  }
  EXPECT_TRUE(table3_folds) << ranges.dump();
  EXPECT_GE(ranges.size(), 9u);  // six sections, three tables
}

TEST_F(ServerTest, HoverOnATotalShowsLabelsTermsAndSum) {
  client.initialize({{"textDocument", {{"hover", {{"contentFormat", {"markdown", "plaintext"}}}}}}});
  client.open(kUri, report);
  // Table 四's data row "1 0 0 1 2 | 3 0 0 1 4 | 1 0 0 0 1": the fifth cell is 行政复议·总计.
  const uint32_t row = line_containing(report, "1\t0\t0\t1\t2\t3");
  const json result = client.request("textDocument/hover", at(kUri, row, 8))["result"];
  ASSERT_TRUE(result.is_object());
  const std::string value = result["contents"]["value"];
  EXPECT_EQ(result["contents"]["kind"], "markdown");
  EXPECT_NE(value.find("行政复议·总计"), std::string::npos) << value;
  EXPECT_NE(value.find("**2**"), std::string::npos) << value;
  EXPECT_NE(value.find("行政复议·尚未审结：1"), std::string::npos) << value;
  EXPECT_EQ(result["range"]["start"], json({{"line", row}, {"character", 8}}));

  // Table 三's （七）总计 in the 自然人 column sums 21 rows, one of them missing.
  const uint32_t total = line_containing(report, "(七) 总计");
  const json total_hover = client.request("textDocument/hover", at(kUri, total, 8))["result"];
  const std::string total_value = total_hover["contents"]["value"];
  EXPECT_NE(total_value.find("（七）总计** × **自然人"), std::string::npos) << total_value;
  EXPECT_NE(total_value.find("**25**"), std::string::npos) << total_value;
  EXPECT_NE(total_value.find("3.其他：缺少此行"), std::string::npos) << total_value;

  // Not a value cell: nothing.
  EXPECT_TRUE(client.request("textDocument/hover", at(kUri, total, 1))["result"].is_null());
}

TEST_F(ServerTest, InlayHintShowsTheComputedTotal) {
  // Row （一）予以公开: 19 natural persons, total written as 41.
  std::string wrong = report;
  const std::string row = "(一) 予以公开\t19\t0\t0\t0\t0\t0\t19";
  ASSERT_NE(wrong.find(row), std::string::npos);
  wrong.replace(wrong.find(row), row.size(), "(一) 予以公开\t19\t0\t0\t0\t0\t0\t41");
  client.initialize();
  client.open(kUri, wrong);
  ASSERT_TRUE(has_code(client.diagnostics(kUri), "A301"));
  const json hints = client.request("textDocument/inlayHint",
                                    {{"textDocument", {{"uri", kUri}}}, {"range", whole_range()}})["result"];
  bool found = false;
  for (const json& hint : hints) found |= hint["label"] == "≠ 19";
  EXPECT_TRUE(found) << hints.dump(1);
}

TEST_F(ServerTest, CompletionOffersMissingRowsInsideATableAndHeadings) {
  client.initialize();
  client.open(kUri, report);
  const uint32_t total = line_containing(report, "(七) 总计");
  const json items = client.request("textDocument/completion", at(kUri, total, 0))["result"]["items"];
  ASSERT_FALSE(items.empty());
  EXPECT_EQ(items[0]["label"], "3.其他");
  EXPECT_EQ(items[0]["textEdit"]["newText"], "\t\t3.其他\t0\t0\t0\t0\t0\t0\t0");
  bool heading = false;
  for (const json& item : items) heading |= item["label"] == "六、其他需要报告的事项";
  EXPECT_TRUE(heading);
  // Far from any table only headings; after a tab (in a cell) nothing.
  const json prose = client.request("textDocument/completion", at(kUri, 0, 0))["result"]["items"];
  ASSERT_EQ(prose.size(), 6u);
  const json in_cell = client.request("textDocument/completion", at(kUri, total, 9))["result"]["items"];
  EXPECT_TRUE(in_cell.empty());
}

}  // namespace
}  // namespace xxgk::lsp::testing
