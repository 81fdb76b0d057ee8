// The language server's core loop per keystroke, driven in process: a textDocument/didChange with a UTF-16 range is
// posted to lsp::Server, which converts the positions, applies the edit to its Document (ts_tree_edit + incremental
// reparse), lints, and hands the textDocument/publishDiagnostics for the new version to its sink (diagnostics
// delay 0), which frames it with the stdio transport's FrameWriter. The time is from posting the change to having
// written those diagnostics. Goals (issue: language server): a single-character edit in a 20 KB
// report <= 2 ms at p99; in a 5 MB document <= 50 ms. Each case reports p50_ms and p99_ms over its iterations.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>
#include <sstream>
#include <streambuf>

#include "lsp/server.h"
#include "lsp/transport.h"
#include "xxgk/positions.h"

namespace {

// Sample 004 with the prose of its section 一 repeated (tables stay single) until the text is `bytes` long.
std::string grown_report(size_t bytes) {
  std::ifstream in(std::filesystem::path(XXGK_FIXTURES_DIR) / "lsp/004_6958a79bc20c0ed0.txt", std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  std::string text = contents.str();
  const size_t overview = text.find("（一）强化源头管理");
  const size_t overview_end = text.find("二、主动公开");
  const std::string prose = text.substr(overview, overview_end - overview);
  std::string grown = text.substr(0, overview_end);
  grown.reserve(bytes + text.size());
  while (grown.size() + text.size() - overview_end < bytes) grown += prose;
  return grown + text.substr(overview_end);
}

enum class EditSite { Prose, TableCell };

// Byte offset of the edit: a character typed after a full stop in the middle of the text, or the last digit of the
// 自然人 cell of table 三's row （一）予以公开 (so the arithmetic rules see a changed number).
size_t edit_offset(const std::string& text, EditSite site) {
  if (site == EditSite::TableCell) return text.find("(一) 予以公开\t19") + std::string("(一) 予以公开\t1").size();
  return text.find("。", text.size() / 2) + std::string("。").size();
}

constexpr const char* kUri = "file:///bench/report.txt";

// An output stream buffer that appends to a string, for a FrameWriter.
class StringAppender : public std::streambuf {
 public:
  explicit StringAppender(std::string& out) : out_(out) {}

 protected:
  std::streamsize xsputn(const char* data, std::streamsize count) override {
    out_.append(data, static_cast<size_t>(count));
    return count;
  }
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) out_.push_back(traits_type::to_char_type(c));
    return traits_type::not_eof(c);
  }

 private:
  std::string& out_;
};

std::string message(const std::string& method, const nlohmann::json& params, std::optional<int> id = std::nullopt) {
  nlohmann::json body{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}};
  if (id) body["id"] = *id;
  return body.dump();
}

void keystroke_latency(benchmark::State& state, size_t bytes, EditSite site) {
  std::string text = grown_report(bytes);
  const size_t at = edit_offset(text, site);
  const xxgk::Position where = xxgk::LineIndex(text).position(at, xxgk::PositionEncoding::Utf16);
  // The messages the server sent since the last check, written by the stdio transport's FrameWriter into one buffer
  // kept from one keystroke to the next (as a pipe's is): writing them is part of the time, reading them back is not.
  std::string wire;
  StringAppender appender(wire);
  std::ostream output(&appender);
  xxgk::lsp::FrameWriter writer(output);
  xxgk::lsp::Server server([&](const xxgk::lsp::Payload& out) { writer.write(out.pieces()); });
  // The version of the last diagnostics the server published. Only the envelope is kept: building the
  // diagnostics (depth 3 and below) as a tree between keystrokes would leave the heap to the next one fragmented.
  const auto published = [&] {
    int64_t version = 0;
    for (size_t at = 0; at < wire.size();) {
      const size_t body = wire.find("\r\n\r\n", at) + 4;
      const size_t length = std::stoul(wire.substr(at + std::string_view("Content-Length: ").size()));
      const nlohmann::json message = nlohmann::json::parse(
          wire.begin() + static_cast<ptrdiff_t>(body), wire.begin() + static_cast<ptrdiff_t>(body + length),
          [](int depth, nlohmann::json::parse_event_t, const nlohmann::json&) { return depth < 3; });
      if (message.value("method", "") == "textDocument/publishDiagnostics") {
        version = message["params"].value("version", 0);
      }
      at = body + length;
    }
    wire.clear();
    return version;
  };
  server.post(message("initialize",
                      {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", nlohmann::json::object()},
                       {"initializationOptions", {{"diagnosticsDelayMs", 0}}}},
                      1));
  server.post(message("initialized", nlohmann::json::object()));
  server.post(message("textDocument/didOpen",
                      {{"textDocument", {{"uri", kUri}, {"languageId", "plaintext"}, {"version", 1}, {"text", text}}}}));
  server.process_pending();
  server.wait_until_idle();
  if (published() != 1) state.SkipWithError("the server published no diagnostics for the opened report");

  // Alternately replace the character at `at` and put the original back, so every iteration is one keystroke and
  // the document keeps its size.
  const std::string original(1, text[at]);
  const std::string typed = site == EditSite::TableCell ? "8" : "x";
  const nlohmann::json range{{"start", {{"line", where.line}, {"character", where.column}}},
                             {"end", {{"line", where.line}, {"character", where.column + 1}}}};
  std::vector<double> milliseconds;
  int64_t version = 1;
  for (auto _ : state) {
    ++version;
    const std::string change =
        message("textDocument/didChange",
                {{"textDocument", {{"uri", kUri}, {"version", version}}},
                 {"contentChanges", {{{"range", range}, {"text", version % 2 == 0 ? typed : original}}}}});
    const auto start = std::chrono::steady_clock::now();
    server.post(change);
    server.process_pending();
    server.wait_until_idle();
    milliseconds.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    state.PauseTiming();
    if (published() != version) state.SkipWithError("the server did not publish diagnostics for the edit");
    state.ResumeTiming();
  }
  std::sort(milliseconds.begin(), milliseconds.end());
  const auto percentile = [&](double p) {
    return milliseconds[std::min(milliseconds.size() - 1, static_cast<size_t>(p * milliseconds.size()))];
  };
  state.counters["p50_ms"] = percentile(0.50);
  state.counters["p99_ms"] = percentile(0.99);
  state.counters["bytes"] = static_cast<double>(text.size());
}

BENCHMARK_CAPTURE(keystroke_latency, report_20KB_prose, 20 * 1024, EditSite::Prose)
    ->Iterations(4000)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(keystroke_latency, report_20KB_table_cell, 20 * 1024, EditSite::TableCell)
    ->Iterations(4000)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(keystroke_latency, document_5MB_prose, 5 * 1024 * 1024, EditSite::Prose)
    ->Iterations(200)
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
