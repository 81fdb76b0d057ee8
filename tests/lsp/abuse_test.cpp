// Input the server must survive: messages the JSON parser rejects in every way it can (numbers that overflow a
// double, invalid UTF-8, nesting without end), settings and configuration files holding such values, cancellation
// storms before initialize, and a randomised mix of all of it with edits in and out of range. The server answers
// what it can, never exits on input, and ends with the client's text.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>
#include <random>

#include "test_client.h"

namespace xxgk::lsp::testing {
namespace {

const std::string kUri = "file:///reports/004.txt";

// The error code of every error response among `messages`, in order.
std::vector<int> error_codes(const std::vector<json>& messages) {
  std::vector<int> codes;
  for (const json& message : messages) {
    if (message.contains("error")) codes.push_back(message["error"]["code"].get<int>());
  }
  return codes;
}

bool has_method(const json& message, const std::string& method) {
  return message.value("method", "") == method;
}

// Posts a raw body to the in-process server, as the transport would, and handles it.
void post_raw(InProcessClient& client, std::string body) {
  client.server().post(std::move(body));
  client.server().process_pending();
}

// A value nested `depth` arrays deep.
std::string nested_arrays(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

class AbuseTest : public ::testing::Test {
 protected:
  // The server still works: it answers a request and lints a document.
  void expect_still_serving() {
    ASSERT_FALSE(client.server().exited());
    EXPECT_TRUE(client.request("textDocument/foldingRange", {{"textDocument", {{"uri", kUri}}}}).contains("result"));
  }

  InProcessClient client;
  const std::string report = read_fixture("004_6958a79bc20c0ed0.txt");
};

TEST_F(AbuseTest, EveryParserErrorIsAnsweredAndTheServerCarriesOn) {
  client.initialize();
  client.open(kUri, report);
  client.diagnostics(kUri);
  const std::vector<std::pair<std::string, int>> bodies = {
      {R"({"jsonrpc":"2.0","id":1e400,"method":"x"})", -32700},  // the 41 bytes of issue 19
      {R"({"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"position":{"line":-1e999}}})", -32700},
      {R"({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"x":[1,2,1.8e309]}})", -32700},
      {"{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"x\",\"params\":\"\xff\xfe\"}", -32700},  // invalid UTF-8
      {R"({"jsonrpc":"2.0","id":3,"method":"x","params":"\uD800"})", -32700},  // a lone surrogate escape
      {"", -32700},
      {R"({"id":4,)", -32700},
      {R"({"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":)" + nested_arrays(100000) + "}}", -32600},
      {nested_arrays(1000000), -32600},
      {R"({"jsonrpc":"2.0","id":1e300,"method":"x"})", -32600},  // a number, but not an id
      {R"({"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":{"textDocument":{"uri":")" + kUri +
           R"("},"position":{"line":1e300,"character":0}}})",
       -32602},
  };
  for (const auto& [body, code] : bodies) {
    SCOPED_TRACE(body.substr(0, 80));
    post_raw(client, body);
    EXPECT_EQ(error_codes(client.drain()), std::vector<int>{code});
    expect_still_serving();
  }
}

// An unterminated string is the token the parser was reading when the message ended: a megabyte of it used to come
// back twice (the log and the error response). Both quote its last 40 characters, cut at a character boundary.
TEST_F(AbuseTest, AnUnreadableMessageIsQuotedByItsEndOnly) {
  client.initialize();
  client.open(kUri, report);
  client.diagnostics(kUri);
  std::string tail;
  for (int i = 0; i < 20; ++i) tail += "一𠮷";
  post_raw(client, R"({"jsonrpc":"2.0","id":1,"method":"x","params":")" + std::string(1 << 20, 'a') + tail);
  const std::vector<json> messages = client.drain();
  ASSERT_EQ(error_codes(messages), std::vector<int>{-32700});
  size_t quoted = 0;
  for (const json& message : messages) {
    const std::string text = message.contains("error") ? message["error"]["message"].get<std::string>()
                                                       : message["params"]["message"].get<std::string>();
    EXPECT_THAT(text, ::testing::HasSubstr("column 1048"));
    EXPECT_THAT(text, ::testing::EndsWith("last read: '…" + tail + "'"));
    EXPECT_LT(text.size(), 400u);
    ++quoted;
  }
  EXPECT_EQ(quoted, 2u);  // the log and the error response
  expect_still_serving();
}

TEST_F(AbuseTest, TheFortyOneBytesDoNotKillTheRealServer) {
  ProcessClient process;
  process.initialize();
  const std::string body = R"({"jsonrpc":"2.0","id":1e400,"method":"x"})";
  ASSERT_EQ(body.size(), 41u);
  process.write_raw("Content-Length: 41\r\n\r\n" + body);
  const std::optional<json> error = process.wait_for([](const json& message) { return message.contains("error"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ((*error)["error"]["code"], -32700);
  EXPECT_TRUE((*error)["id"].is_null());
  EXPECT_TRUE(process.request("shutdown", nullptr).contains("result"));
  process.notify("exit", nullptr);
  EXPECT_EQ(process.wait_exit(), 0);
}

TEST_F(AbuseTest, SettingsWithOverflowingOrOutlandishValues) {
  client.initialize({{"workspace", {{"configuration", true}}}});
  const std::optional<json> asked =
      client.wait_for([](const json& message) { return has_method(message, "workspace/configuration"); });
  ASSERT_TRUE(asked.has_value());
  const std::string id = (*asked)["id"].dump();
  // The client's answer cannot be read: a parse error, and the server goes on with the settings it has.
  post_raw(client, R"({"jsonrpc":"2.0","id":)" + id + R"(,"result":[{"rules":{"T202":1e400}}]})");
  EXPECT_EQ(error_codes(client.drain()), std::vector<int>{-32700});
  client.open(kUri, report);
  EXPECT_NE(client.diagnostics(kUri).dump().find("T202"), std::string::npos);

  // Readable values of every wrong kind are warned about one by one and ignored.
  client.notify("workspace/didChangeConfiguration", {{"settings", nullptr}});
  const std::optional<json> asked_again =
      client.wait_for([](const json& message) { return has_method(message, "workspace/configuration"); });
  ASSERT_TRUE(asked_again.has_value());
  post_raw(client, R"({"jsonrpc":"2.0","id":)" + (*asked_again)["id"].dump() +
                       R"(,"result":[{"rules":{"T202":1.7e308,"C406":"off"},"agencyKind":-1e300,)"
                       R"("lintAllDocuments":18446744073709551615}]})");
  const json diagnostics = client.diagnostics(kUri);
  EXPECT_NE(diagnostics.dump().find("T202"), std::string::npos);
  EXPECT_EQ(diagnostics.dump().find("C406"), std::string::npos);
  int warnings = 0;
  for (const json& message : client.drain()) {
    if (has_method(message, "window/logMessage") && message["params"]["type"] == 2) ++warnings;
  }
  EXPECT_EQ(warnings, 3);
  expect_still_serving();
}

TEST_F(AbuseTest, AnUnreadableConfigFileIsShownAndTheDefaultsApply) {
  const std::filesystem::path directory =
      std::filesystem::temp_directory_path() / ("xxgk-lsp-abuse-" + std::to_string(::getpid()));
  std::filesystem::create_directories(directory);
  std::ofstream(directory / ".xxgk-lint.json") << "{\"year\": 1e400}\n";
  const std::string uri = path_to_uri(directory / "004.txt");
  client.initialize();
  client.open(uri, report);
  // The document is checked with the defaults rather than silently not at all …
  EXPECT_NE(client.diagnostics(uri).dump().find("T202"), std::string::npos);
  // … and the user is told which file is at fault.
  const std::optional<json> shown = client.wait_for([](const json& message) {
    return has_method(message, "window/showMessage") && message["params"]["type"] == 1;
  });
  ASSERT_TRUE(shown.has_value());
  EXPECT_NE((*shown)["params"]["message"].get<std::string>().find(directory.string()), std::string::npos);
  std::filesystem::remove_all(directory);
}

TEST_F(AbuseTest, CancellationsBeforeInitializeAreNotKept) {
  for (int id = 0; id < 200000; ++id) {
    client.server().post(serialize(notification("$/cancelRequest", {{"id", id}})));
  }
  EXPECT_EQ(client.server().cancellations_noted(), 200000u);  // noted at once, while queued …
  client.server().process_pending();
  EXPECT_EQ(client.server().cancellations_noted(), 0u);  // … and dropped once the loop has read them
  EXPECT_TRUE(client.drain().empty());
  client.initialize();
  // The ids are free again: a request reusing one is answered, not refused as cancelled.
  client.open(kUri, report);
  const json answer = client.request("textDocument/foldingRange", {{"textDocument", {{"uri", kUri}}}});
  EXPECT_TRUE(answer.contains("result")) << answer.dump();
}

// A seeded mix of edits the client applies too, edits out of range that it does not, unreadable and invalid
// messages, requests with absurd positions and cancellation storms. Every request is answered exactly once, the
// server never exits, and after a save (which carries the client's text) the server's document is the client's: its
// diagnostics and its fix-all edit are those of the same text opened afresh.
TEST_F(AbuseTest, RandomisedAbuseLeavesTheClientsDocument) {
  client.initialize({{"workspace", {{"workspaceEdit", {{"documentChanges", false}}}}}},
                    {{"diagnosticsDelayMs", 0}, {"lintAllDocuments", true}});
  client.open(kUri, report);
  Utf16Buffer buffer(report);
  std::mt19937 random(190019);
  const std::vector<std::string> insertions = {"0", "7", "\t", "\n", "\r\n", "一", "（七）总计", "𠮷", "**", "年", ""};
  const std::vector<std::string> garbage = {
      R"({"jsonrpc":"2.0","id":1e400,"method":"x"})", "{", "[]", "null", "\"\xc3\"", nested_arrays(5000),
      R"({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":")" + kUri +
          R"(","version":1e999},"contentChanges":[]}})",
      R"({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":")" + kUri +
          R"(","version":"x"},"contentChanges":[{"text":7}]}})",
      R"({"jsonrpc":"2.0","id":{"a":1},"method":"textDocument/hover"})",
  };
  int64_t version = 1;
  int64_t next_id = 1000;
  size_t requests = 0;
  for (int step = 0; step < 1500; ++step) {
    const unsigned kind = random() % 10;
    if (kind < 5) {  // an edit in range, applied by both sides
      size_t begin = random() % (buffer.size() + 1);
      size_t end = std::min(buffer.size(), begin + random() % 6);
      while (!buffer.boundary(begin) || buffer.splits_crlf(begin)) --begin;
      while (!buffer.boundary(end) || buffer.splits_crlf(end)) ++end;
      const std::string text = insertions[random() % insertions.size()];
      client.notify("textDocument/didChange",
                    {{"textDocument", {{"uri", kUri}, {"version", ++version}}},
                     {"contentChanges", {{{"range", {{"start", buffer.position(begin)}, {"end", buffer.position(end)}}},
                                          {"text", text}}}}});
      buffer.replace(begin, end, text);
    } else if (kind == 5) {  // an edit on a line neither side has: the server applies it clamped, the client not
      const uint32_t line = 100000 + random() % 1000000;
      client.notify("textDocument/didChange",
                    {{"textDocument", {{"uri", kUri}, {"version", ++version}}},
                     {"contentChanges", {{{"range", {{"start", {{"line", line}, {"character", 0}}},
                                                     {"end", {{"line", line}, {"character", 3}}}}},
                                          {"text", "x"}}}}});
    } else if (kind == 6) {
      post_raw(client, garbage[random() % garbage.size()]);
    } else if (kind == 7) {  // a storm of cancellations, for requests sent, never sent, and of odd ids
      for (int k = 0; k < 50; ++k) {
        json id = random() % 3 == 0 ? json(std::to_string(random())) : json(next_id - static_cast<int64_t>(k));
        client.notify("$/cancelRequest", {{"id", std::move(id)}});
      }
    } else {  // a request at an absurd or ordinary place, cancelled before it is read or not
      const json position = {{"line", random() % 2 ? random() % 200 : 2147483647u}, {"character", random() % 50}};
      const int64_t id = next_id++;
      const json request_message = {{"jsonrpc", "2.0"},
                                    {"id", id},
                                    {"method", kind == 8 ? "textDocument/hover" : "textDocument/completion"},
                                    {"params", {{"textDocument", {{"uri", kUri}}}, {"position", position}}}};
      if (random() % 2) {
        client.server().post(serialize(request_message));
        client.notify("$/cancelRequest", {{"id", id}});
      } else {
        client.write(request_message);
      }
      ++requests;
    }
    ASSERT_FALSE(client.server().exited()) << "step " << step;
  }
  // Every request answered exactly once.
  std::map<int64_t, int> answers;
  for (const json& message : client.drain()) {
    if (message.contains("id") && message["id"].is_number_integer() && !message.contains("method")) {
      ++answers[message["id"].get<int64_t>()];
    }
  }
  EXPECT_EQ(answers.size(), requests);
  for (const auto& [id, count] : answers) EXPECT_EQ(count, 1) << "request " << id;
  EXPECT_EQ(client.server().cancellations_noted(), 0u);

  // The save carries the client's text; from then on the server's document is the client's.
  const std::string final_text = buffer.utf8();
  client.notify("textDocument/didSave", {{"textDocument", {{"uri", kUri}}}, {"text", final_text}});
  client.notify("textDocument/didChange", {{"textDocument", {{"uri", kUri}, {"version", ++version}}},
                                           {"contentChanges", json::array()}});
  const json diagnostics = client.diagnostics(kUri, version);
  const std::string fresh_uri = "file:///reports/fresh.txt";
  client.open(fresh_uri, final_text);
  EXPECT_EQ(comparable(diagnostics), comparable(client.diagnostics(fresh_uri)));
  const auto fix_all = [&](const std::string& uri) {
    const json actions = client.request(
        "textDocument/codeAction",
        {{"textDocument", {{"uri", uri}}},
         {"range", {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}}},
         {"context", {{"diagnostics", json::array()}, {"only", {"source.fixAll"}}}}})["result"];
    return actions.empty() ? final_text
                           : apply_wire_edits(final_text, workspace_edits_for(actions[0]["edit"], uri),
                                              PositionEncoding::Utf16);
  };
  EXPECT_EQ(fix_all(kUri), fix_all(fresh_uri));
}

// ---------------------------------------------------------------------------------------------------------------
// The delay's ceiling, on a made-up clock: edits 10-45 ms apart for ten seconds, the worker running whatever is due
// before each edit arrives.

TEST(DebounceQueueTest, AStreamOfEditsIsPublishedAtLeastEveryCeiling) {
  using Clock = DebounceQueue::Clock;
  DebounceQueue queue(250ms);
  std::mt19937 random(19);
  const Clock::time_point start{};
  std::vector<Clock::time_point> published;
  Clock::time_point now = start;
  Clock::time_point last_edit = start;
  const auto run_due_before = [&](Clock::time_point until) {
    while (const std::optional<Clock::time_point> due = queue.next_due()) {
      if (*due > until) break;
      ASSERT_TRUE(queue.take_due(*due).has_value());
      published.push_back(*due);
    }
  };
  while (now - start < 10s) {
    queue.schedule("report", now, 50ms, [] {});
    last_edit = now;
    const Clock::time_point next_edit = now + std::chrono::milliseconds(10 + random() % 36);
    run_due_before(next_edit);
    now = next_edit;
  }
  run_due_before(last_edit + 1s);
  ASSERT_GE(published.size(), 40u);  // ten seconds, at most 250 ms apart
  EXPECT_LE(published.front() - start, 250ms);
  for (size_t i = 1; i < published.size(); ++i) EXPECT_LE(published[i] - published[i - 1], 250ms) << i;
  EXPECT_LE(published.back() - last_edit, 50ms);  // the last edit still waits only the delay
}

TEST(DebounceQueueTest, QuietKeysWaitTheDelayAndRescheduledOnesRestartIt) {
  using Clock = DebounceQueue::Clock;
  DebounceQueue queue(250ms);
  const Clock::time_point start{};
  queue.schedule("a", start, 50ms, [] {});
  queue.schedule("a", start + 30ms, 50ms, [] {});
  EXPECT_EQ(queue.next_due(), start + 80ms);
  EXPECT_FALSE(queue.take_due(start + 79ms).has_value());
  EXPECT_TRUE(queue.take_due(start + 80ms).has_value());
  EXPECT_TRUE(queue.empty());
  // A delay longer than the ceiling is the ceiling.
  queue.schedule("b", start, 400ms, [] {});
  queue.schedule("b", start + 300ms, 400ms, [] {});
  EXPECT_EQ(queue.next_due(), start + 400ms);
  queue.cancel("b");
  EXPECT_FALSE(queue.next_due().has_value());
  // After a pause longer than the ceiling, the first edit waits the delay again, not what is left of a ceiling.
  queue.schedule("a", start + 1000ms, 50ms, [] {});
  EXPECT_EQ(queue.next_due(), start + 1050ms);
}

}  // namespace
}  // namespace xxgk::lsp::testing
