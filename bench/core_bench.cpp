// Parse + model + all rules on a ~20 KB report, one core. Goal (issue: checker core): >= 50 MB/s, i.e. <= 0.4 ms per
// report. Google Benchmark prints bytes_per_second for each case.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "read_file.h"
#include "syntax.h"
#include "xxgk/linter.h"

namespace {

using xxgk::testing_support::read_fixture;

// A realistic 20 KB report: the clean report with its prose paragraphs repeated until the size is reached (the
// tables stay single, as in a real report).
std::string report_of_size(size_t bytes) {
  std::string text = read_fixture("clean/clean.txt");
  const std::string marker = "（五）监督保障。";
  const size_t at = text.find(marker);
  const std::string paragraph =
      "全年围绕重点领域信息公开，细化公开目录，规范发布流程，做好政策解读和回应关切，提升公开质量和实效。\n\n";
  std::string padding;
  while (text.size() + padding.size() < bytes) padding += paragraph;
  text.insert(at, padding);
  return text;
}

void BM_LintReport20KB(benchmark::State& state) {
  const std::string text = report_of_size(20 * 1024);
  for (auto _ : state) benchmark::DoNotOptimize(xxgk::lint(text, {}));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_LintReport20KB)->Unit(benchmark::kMicrosecond);

// The Tree-sitter parse alone (a fresh tree each time, as the CLI parses): the part of the budget the grammar and the
// 0.20 runtime take before the model and the rules.
void BM_Parse20KB(benchmark::State& state) {
  const std::string text = report_of_size(20 * 1024);
  for (auto _ : state) {
    xxgk::SyntaxTree tree;
    tree.parse(text);
    benchmark::DoNotOptimize(tree.root());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Parse20KB)->Unit(benchmark::kMicrosecond);

void BM_BuildModel20KB(benchmark::State& state) {
  const std::string text = report_of_size(20 * 1024);
  for (auto _ : state) benchmark::DoNotOptimize(xxgk::build_report(text, {}));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_BuildModel20KB)->Unit(benchmark::kMicrosecond);

void BM_LintSample(benchmark::State& state) {
  const std::string text = read_fixture("samples/004_6958a79bc20c0ed0.txt");
  for (auto _ : state) benchmark::DoNotOptimize(xxgk::lint(text, {}));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_LintSample)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
