// The language server's core loop per keystroke: Document::replace (ts_tree_edit + incremental reparse) followed by
// Document::lint. Goals (issue: language server): a single-character edit in a 20 KB report gives new diagnostics in
// <= 2 ms at p99; in a 5 MB document <= 50 ms. Each case reports p50_ms and p99_ms over its iterations.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "xxgk/linter.h"

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

void keystroke_latency(benchmark::State& state, size_t bytes, EditSite site) {
  xxgk::Document document(grown_report(bytes));
  const xxgk::LintOptions options;
  const size_t at = edit_offset(document.text(), site);
  document.lint(options);
  // Alternately replace the character at `at` and put the original back, so every iteration is one keystroke and
  // the document keeps its size.
  const std::string original(1, document.text()[at]);
  const std::string typed = site == EditSite::TableCell ? "8" : "x";
  std::vector<double> milliseconds;
  bool changed = false;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    document.replace({at, at + 1}, changed ? original : typed);
    changed = !changed;
    benchmark::DoNotOptimize(document.lint(options));
    milliseconds.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(milliseconds.begin(), milliseconds.end());
  const auto percentile = [&](double p) {
    return milliseconds[std::min(milliseconds.size() - 1, static_cast<size_t>(p * milliseconds.size()))];
  };
  state.counters["p50_ms"] = percentile(0.50);
  state.counters["p99_ms"] = percentile(0.99);
  state.counters["bytes"] = static_cast<double>(document.text().size());
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
