// The real `xxgk-lint lsp` over pipes: lifecycle and exit codes, error codes, garbage input, position encodings,
// incremental sync, code actions, pull diagnostics and the death of the client process.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <random>
#include <thread>

#include "sanitizers.h"
#include "test_client.h"

namespace xxgk::lsp::testing {
namespace {

const std::string kUri = "file:///reports/004.txt";

int error_code(const json& response) { return response.at("error").at("code").get<int>(); }

json text_document(const std::string& uri = kUri) { return {{"textDocument", {{"uri", uri}}}}; }

const json* find_code(const json& diagnostics, const std::string& code) {
  for (const json& diagnostic : diagnostics) {
    if (diagnostic["code"] == code) return &diagnostic;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------------------------------------------
// Lifecycle and exit codes

TEST(ProtocolTest, ShutdownAndExitEndWithZero) {
  ProcessClient client;
  EXPECT_EQ(error_code(client.request("textDocument/documentSymbol", text_document())), -32002);
  const json result = client.initialize();
  EXPECT_EQ(result["serverInfo"]["name"], "xxgk-lint");
  EXPECT_EQ(error_code(client.request("initialize", {{"processId", nullptr}, {"capabilities", json::object()}})),
            -32600);
  EXPECT_EQ(error_code(client.request("workspace/symbol", {{"query", ""}})), -32601);
  EXPECT_TRUE(client.request("shutdown", nullptr)["result"].is_null());
  EXPECT_EQ(error_code(client.request("textDocument/documentSymbol", text_document())), -32600);
  client.notify("exit", nullptr);
  EXPECT_EQ(client.wait_exit(), 0);
}

TEST(ProtocolTest, ExitWithoutShutdownEndsWithOne) {
  ProcessClient client;
  client.initialize();
  client.notify("exit", nullptr);
  EXPECT_EQ(client.wait_exit(), 1);
}

TEST(ProtocolTest, EndOfInputEndsWithOneUnlessShutDown) {
  ProcessClient abandoned;
  abandoned.initialize();
  abandoned.close_input();
  EXPECT_EQ(abandoned.wait_exit(), 1);

  ProcessClient orderly;
  orderly.initialize();
  orderly.request("shutdown", nullptr);
  orderly.close_input();
  EXPECT_EQ(orderly.wait_exit(), 0);
}

TEST(ProtocolTest, ExitsWhenTheClientProcessDies) {
  const pid_t editor = ::fork();
  ASSERT_GE(editor, 0);
  if (editor == 0) {
    ::pause();
    ::_exit(0);
  }
  ProcessClient client;
  client.initialize(json::object(), {{"diagnosticsDelayMs", 0}}, editor);
  EXPECT_FALSE(client.wait_exit(1500ms).has_value());
  ::kill(editor, SIGKILL);
  ::waitpid(editor, nullptr, 0);
  EXPECT_EQ(client.wait_exit(5s), 1);
}

// A processId that no pid_t holds is not watched: cut to 32 bits, 2^32 - 2 named the process group 2, which kill()
// reported gone, and the server exited on the first check.
TEST(ProtocolTest, AProcessIdOutsidePidRangeIsNotWatched) {
  ProcessClient client;
  client.initialize(json::object(), {{"diagnosticsDelayMs", 0}}, (int64_t{1} << 32) - 2);
  EXPECT_FALSE(client.wait_exit(1500ms).has_value());
  EXPECT_TRUE(client.request("shutdown", nullptr).contains("result"));
}

// ---------------------------------------------------------------------------------------------------------------
// Garbage in, errors out, and the server keeps working

TEST(ProtocolTest, MalformedInputGetsErrorsAndTheServerCarriesOn) {
  ProcessClient client;
  client.initialize();
  const auto next_error = [&] {
    const std::optional<json> error = client.wait_for([](const json& message) { return message.contains("error"); });
    return error ? error_code(*error) : 0;
  };
  client.write_raw("Content-Type: nothing-else\r\n\r\n");  // a header without Content-Length
  EXPECT_EQ(next_error(), -32700);
  client.write_raw("Content-Length: twelve\r\n\r\n");
  EXPECT_EQ(next_error(), -32700);
  client.write_raw("Content-Length: 9\r\n\r\n{\"id\": 1,");  // bad JSON
  EXPECT_EQ(next_error(), -32700);
  client.write_raw("Content-Length: 2\r\n\r\n42");  // JSON, but not a message
  EXPECT_EQ(next_error(), -32600);
  client.write(R"({"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover", "params": {"textDocument": 7}})"_json);
  EXPECT_EQ(next_error(), -32602);
  client.write(R"({"jsonrpc": "2.0", "id": 4, "method": "textDocument/hover",
                  "params": {"textDocument": {"uri": "file:///r.txt"}, "position": {"line": "x", "character": 0}}})"_json);
  EXPECT_EQ(next_error(), -32602);

  // A body over the 64 MB cap is skipped, not buffered.
  const size_t oversized = (64u << 20) + 1;
  client.write_raw("Content-Length: " + std::to_string(oversized) + "\r\n\r\n" + std::string(oversized, ' '));
  EXPECT_EQ(next_error(), -32700);

  client.open(kUri, read_fixture("004_6958a79bc20c0ed0.txt"));
  EXPECT_NE(find_code(client.diagnostics(kUri), "T202"), nullptr);
  EXPECT_TRUE(client.request("shutdown", nullptr).contains("result"));
}

TEST(ProtocolTest, NothingButProtocolReachesStdout) {
  ProcessClient client;
  client.initialize();
  client.open(kUri, read_fixture("004_6958a79bc20c0ed0.txt"));
  client.diagnostics(kUri);
  client.request("shutdown", nullptr);
  client.notify("exit", nullptr);
  // ProcessClient::read parses every byte as a frame: anything else would have thrown.
  EXPECT_NO_THROW(client.drain());
  EXPECT_EQ(client.wait_exit(), 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Position encodings

// The W503 diagnostic ("**" in plain text) on the line where 𠮷 stands between CJK characters, in each encoding.
TEST(ProtocolTest, PositionEncodingIsNegotiated) {
  const std::string text = read_fixture("astral_prose.txt");
  const size_t marker = text.find("**");
  const size_t line_start = text.rfind('\n', marker) + 1;
  const std::string before = text.substr(line_start, marker - line_start);
  ASSERT_NE(before.find("𠮷"), std::string::npos);
  // Counted here without the server's LineIndex: code points are the bytes that do not continue a sequence; each
  // 4-byte sequence is a surrogate pair in UTF-16.
  const auto code_points = static_cast<uint32_t>(
      std::count_if(before.begin(), before.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  const auto astral = static_cast<uint32_t>(
      std::count_if(before.begin(), before.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xF0; }));
  const uint32_t line = static_cast<uint32_t>(std::count(text.begin(), text.begin() + static_cast<long>(marker), '\n'));

  const std::map<std::string, std::pair<json, uint32_t>> cases = {
      {"utf-8", {json{"utf-8"}, static_cast<uint32_t>(before.size())}},
      {"utf-16", {json{"utf-16"}, code_points + astral}},
      {"utf-32", {json{"utf-32"}, code_points}},
      {"utf-16 by default", {json{"latin-1"}, code_points + astral}},
      {"client's first choice", {json{"utf-32", "utf-8"}, code_points}},
  };
  for (const auto& [name, expectation] : cases) {
    ProcessClient client;
    const json result = client.initialize({{"general", {{"positionEncodings", expectation.first}}}});
    const std::string negotiated = name == "utf-16 by default" ? "utf-16"
                                   : name == "client's first choice" ? "utf-32"
                                                                     : name;
    EXPECT_EQ(result["capabilities"]["positionEncoding"], negotiated);
    client.open(kUri, text);
    const json* w503 = nullptr;
    const json diagnostics = client.diagnostics(kUri);
    for (const json& diagnostic : diagnostics) {
      if (diagnostic["code"] == "W503" && diagnostic["range"]["start"]["line"] == line) w503 = &diagnostic;
    }
    ASSERT_NE(w503, nullptr) << name;
    EXPECT_EQ((*w503)["range"]["start"]["character"], expectation.second) << name;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Incremental sync

TEST(ProtocolTest, RandomIncrementalEditsMatchTheFullText) {
  const std::string original = read_fixture("004_6958a79bc20c0ed0.txt");
  const std::vector<std::string> insertions = {"0", "7", "\t", "\t0", "\n", "\r\n", "一", "、", "（七）总计", "𠮷",
                                               "👩‍💻", "**", "3.其他\t0\t0\t0\t0\t0\t0\t0\n", "五、", " ", "年"};
  std::mt19937 random(424242);
  Utf16Buffer buffer(original);
  ProcessClient client;
  // Edits may well garble the title and headings; the documents are compared whether they still look like reports
  // or not.
  client.initialize(json::object(), {{"diagnosticsDelayMs", 0}, {"lintAllDocuments", true}});
  client.open(kUri, original);
  int64_t version = 1;
  for (int edit = 0; edit < 240; ++edit) {
    // One to three changes per notification, each computed against the text as the previous one left it.
    json changes = json::array();
    const int batch = 1 + static_cast<int>(random() % 3);
    for (int k = 0; k < batch; ++k) {
      size_t begin = random() % (buffer.size() + 1);
      size_t end = std::min(buffer.size(), begin + (random() % 4 == 0 ? random() % 8 : 0));
      while (!buffer.boundary(begin) || buffer.splits_crlf(begin)) --begin;
      while (!buffer.boundary(end) || buffer.splits_crlf(end)) ++end;
      const std::string text = random() % 4 == 0 ? "" : insertions[random() % insertions.size()];
      changes.push_back({{"range", {{"start", buffer.position(begin)}, {"end", buffer.position(end)}}},
                         {"text", text}});
      buffer.replace(begin, end, text);
    }
    client.notify("textDocument/didChange",
                  {{"textDocument", {{"uri", kUri}, {"version", ++version}}}, {"contentChanges", changes}});
  }
  const json incremental = client.diagnostics(kUri, version);
  const std::string final_text = buffer.utf8();
  client.open("file:///reports/full.txt", final_text);
  const json full = client.diagnostics("file:///reports/full.txt");
  EXPECT_FALSE(full.empty());
  EXPECT_EQ(comparable(incremental), comparable(full));
  // And the server's buffer is the client's: the fix-all edit computed on it applies to the test's text.
  const json actions = client.request("textDocument/codeAction",
                                      {{"textDocument", {{"uri", kUri}}},
                                       {"range", {{"start", buffer.position(0)}, {"end", buffer.position(0)}}},
                                       {"context", {{"diagnostics", json::array()}, {"only", {"source.fixAll"}}}}});
  const json full_actions = client.request(
      "textDocument/codeAction", {{"textDocument", {{"uri", "file:///reports/full.txt"}}},
                                  {"range", {{"start", buffer.position(0)}, {"end", buffer.position(0)}}},
                                  {"context", {{"diagnostics", json::array()}, {"only", {"source.fixAll"}}}}});
  ASSERT_EQ(actions["result"].size(), full_actions["result"].size());
  if (!actions["result"].empty()) {
    EXPECT_EQ(actions["result"][0]["edit"]["changes"][kUri],
              full_actions["result"][0]["edit"]["changes"]["file:///reports/full.txt"]);
  }
}

// The server's peak resident memory (VmHWM), in KiB; 0 when /proc does not say.
long peak_rss_kib(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);)
    if (line.starts_with("VmHWM:")) return std::stol(line.substr(6));
  return 0;
}

// A client typing as fast as it can: 10,000 single-character edits, with requests in between and half of them
// cancelled right after they were sent. The server must answer every request exactly once (a result, or
// RequestCancelled), publish diagnostics for the last version that equal a from-scratch lint of the same text, and
// stay within a memory bound. A writer thread sends while this thread reads, as an editor does: a server that blocked
// on its output would stall the writer and hit the wait's timeout.
TEST(ProtocolTest, TenThousandEditsWithCancellationsKeepUpAndEndRight) {
  const std::string original = read_fixture("004_6958a79bc20c0ed0.txt");
  const std::vector<std::string> keystrokes = {"0", "7", "\t", "\n", "一", "、", "𠮷", "年", " ", ""};
  constexpr int kEdits = 10'000;
  constexpr int kRequestEvery = 50;
  constexpr long kMaxRssKib = 200 * 1024 * testing_support::kAsanMemoryFactor;
  ProcessClient client;
  client.initialize(json::object(), {{"lintAllDocuments", true}});  // the default debounce
  client.open(kUri, original);

  Utf16Buffer buffer(original);
  std::mt19937 random(20261122);
  std::map<int64_t, bool> requests;  // id -> cancelled
  int64_t version = 1;
  std::thread writer([&] {
    for (int edit = 0; edit < kEdits; ++edit) {
      // Typing mostly inserts one character; one keystroke in ten deletes the one before the cursor instead.
      size_t at = random() % (buffer.size() + 1);
      while (!buffer.boundary(at) || buffer.splits_crlf(at)) --at;
      const std::string text = keystrokes[random() % keystrokes.size()];
      size_t end = at;
      if (text.empty() && at < buffer.size()) {
        end = at + 1;
        while (!buffer.boundary(end) || buffer.splits_crlf(end)) ++end;
      }
      client.write({{"jsonrpc", "2.0"},
                    {"method", "textDocument/didChange"},
                    {"params",
                     {{"textDocument", {{"uri", kUri}, {"version", ++version}}},
                      {"contentChanges",
                       json::array({{{"range", {{"start", buffer.position(at)}, {"end", buffer.position(end)}}},
                                     {"text", text}}})}}}});
      buffer.replace(at, end, text);
      if (edit % kRequestEvery == 0) {
        const int64_t id = 1'000'000 + edit;
        const bool cancel = (edit / kRequestEvery) % 2 == 1;
        requests[id] = cancel;
        client.write({{"jsonrpc", "2.0"}, {"id", id}, {"method", "textDocument/documentSymbol"},
                      {"params", text_document()}});
        if (cancel) client.write({{"jsonrpc", "2.0"}, {"method", "$/cancelRequest"}, {"params", {{"id", id}}}});
      }
    }
  });
  const std::optional<json> last = client.wait_for(
      [&](const json& message) {
        return message.value("method", "") == "textDocument/publishDiagnostics" &&
               message["params"]["uri"] == kUri && message["params"].value("version", int64_t{0}) == 1 + kEdits;
      },
      180s);
  writer.join();
  ASSERT_TRUE(last.has_value()) << "no diagnostics for the last version";

  // Every request answered exactly once; only cancelled ones may answer RequestCancelled.
  const long peak = peak_rss_kib(client.pid());
  std::map<int64_t, int> answers;
  for (const json& message : client.drain()) {
    if (!message.contains("id") || message.contains("method")) continue;
    const int64_t id = message["id"].get<int64_t>();
    ++answers[id];
    if (message.contains("error")) {
      EXPECT_EQ(message["error"]["code"], -32800) << message.dump();
      EXPECT_TRUE(requests[id]) << "a request that was not cancelled failed: " << message.dump();
    }
  }
  ASSERT_EQ(answers.size(), requests.size());
  for (const auto& [id, count] : answers) EXPECT_EQ(count, 1) << "request " << id;

  client.open("file:///reports/full.txt", buffer.utf8());
  EXPECT_EQ(comparable((*last)["params"]["diagnostics"]), comparable(client.diagnostics("file:///reports/full.txt")));
  EXPECT_GT(peak, 0);
  EXPECT_LE(peak, kMaxRssKib) << "peak resident memory " << peak << " KiB";
}

// ---------------------------------------------------------------------------------------------------------------
// Code actions and pull diagnostics

// (code, message) of every diagnostic, counted: applying a fix must remove exactly its own diagnostic.
using Finding = std::pair<std::string, std::string>;

Finding finding(const json& diagnostic) {
  return {diagnostic["code"].get<std::string>(), diagnostic["message"].get<std::string>()};
}

std::multiset<Finding> findings(const json& diagnostics) {
  std::multiset<Finding> result;
  for (const json& diagnostic : diagnostics) result.insert(finding(diagnostic));
  return result;
}

TEST(ProtocolTest, EveryQuickFixRemovesItsDiagnostic) {
  const std::string report = read_fixture("004_6958a79bc20c0ed0.txt");
  ProcessClient client;
  client.initialize({{"workspace", {{"workspaceEdit", {{"documentChanges", true}}}}}});
  client.open(kUri, report);
  json diagnostics = client.diagnostics(kUri, 1);
  const size_t count = diagnostics.size();
  int64_t version = 1;
  int fixed = 0;
  for (size_t index = 0; index < count; ++index) {
    // The text is the original again, so the list is the same, but each round's diagnostics carry its version.
    const json diagnostic = diagnostics[index];
    const int64_t fixed_version = version;
    const json actions =
        client.request("textDocument/codeAction", {{"textDocument", {{"uri", kUri}}},
                                                   {"range", diagnostic["range"]},
                                                   {"context", {{"diagnostics", {diagnostic}}, {"only", {"quickfix"}}}}});
    for (const json& action : actions["result"]) {
      ASSERT_EQ(action["diagnostics"][0], diagnostic);
      const json& change = action["edit"]["documentChanges"][0];
      EXPECT_EQ(change["textDocument"]["version"], fixed_version);
      const std::string after = apply_wire_edits(report, change["edits"], PositionEncoding::Utf16);
      client.notify("textDocument/didChange",
                    {{"textDocument", {{"uri", kUri}, {"version", ++version}}}, {"contentChanges", {{{"text", after}}}}});
      EXPECT_LT(findings(client.diagnostics(kUri, version)).count(finding(diagnostic)),
                findings(diagnostics).count(finding(diagnostic)))
          << action["title"] << " did not remove " << diagnostic.dump();
      ++fixed;
      client.notify("textDocument/didChange", {{"textDocument", {{"uri", kUri}, {"version", ++version}}},
                                               {"contentChanges", {{{"text", report}}}}});
      diagnostics = client.diagnostics(kUri, version);
    }
  }
  EXPECT_GE(fixed, 10);
}

TEST(ProtocolTest, FixAllLeavesNoSafeFix) {
  const std::string report = read_fixture("astral_prose.txt");
  ProcessClient client;
  client.initialize();
  client.open(kUri, report);
  client.diagnostics(kUri, 1);
  const json actions = client.request("textDocument/codeAction",
                                      {{"textDocument", {{"uri", kUri}}},
                                       {"range", {{"start", {{"line", 0}, {"character", 0}}},
                                                  {"end", {{"line", 0}, {"character", 0}}}}},
                                       {"context", {{"diagnostics", json::array()}, {"only", {"source.fixAll"}}}}});
  ASSERT_EQ(actions["result"].size(), 1u);
  const std::string after =
      apply_wire_edits(report, actions["result"][0]["edit"]["changes"][kUri], PositionEncoding::Utf16);
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", kUri}, {"version", 2}}}, {"contentChanges", {{{"text", after}}}}});
  const json remaining = client.diagnostics(kUri, 2);
  EXPECT_NE(find_code(remaining, "T202"), nullptr);  // unsafe fixes are not part of fix-all
  for (const json& diagnostic : remaining) {
    for (const json& fix : diagnostic["data"]["fixes"]) EXPECT_FALSE(fix["safe"].get<bool>()) << diagnostic.dump();
  }
  EXPECT_NE(after.find("𠮷"), std::string::npos);
}

TEST(ProtocolTest, PullDiagnosticsAnswerUnchanged) {
  ProcessClient client;
  const json result = client.initialize({{"textDocument", {{"diagnostic", json::object()}}}});
  ASSERT_TRUE(result["capabilities"].contains("diagnosticProvider"));
  client.open(kUri, read_fixture("004_6958a79bc20c0ed0.txt"));
  const json first = client.request("textDocument/diagnostic", text_document())["result"];
  ASSERT_EQ(first["kind"], "full");
  EXPECT_NE(find_code(first["items"], "C406"), nullptr);
  const json again = client.request("textDocument/diagnostic",
                                    {{"textDocument", {{"uri", kUri}}}, {"previousResultId", first["resultId"]}});
  EXPECT_EQ(again["result"], json({{"kind", "unchanged"}, {"resultId", first["resultId"]}}));
}

}  // namespace
}  // namespace xxgk::lsp::testing
