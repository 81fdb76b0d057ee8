// The readers of published formats, in process: a 120 KB real web page (pingtan_2023.html, 118,759 bytes) read, and
// read and linted; the Word and PDF versions of a report (tests/fixtures/documents/). Whole-process timings:
// bench/cli_timing.sh.
#include <benchmark/benchmark.h>

#include "read_file.h"
#include "xxgk/source_reader.h"

namespace {

using xxgk::testing_support::read_fixture;

void BM_ReadHtmlPage120KB(benchmark::State& state) {
  const std::string page = read_fixture("html/pingtan_2023.html");
  for (auto _ : state) benchmark::DoNotOptimize(xxgk::read_html(page));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * page.size()));
}
BENCHMARK(BM_ReadHtmlPage120KB)->Unit(benchmark::kMicrosecond);

void BM_ReadAndLintHtmlPage120KB(benchmark::State& state) {
  const std::string page = read_fixture("html/pingtan_2023.html");
  for (auto _ : state) benchmark::DoNotOptimize(xxgk::lint_source(xxgk::read_html(page), {}));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * page.size()));
}
BENCHMARK(BM_ReadAndLintHtmlPage120KB)->Unit(benchmark::kMicrosecond);

void BM_ReadAndLintDocx(benchmark::State& state) {
  const std::string document = read_fixture("documents/pingtan_2024.docx");
  for (auto _ : state) benchmark::DoNotOptimize(xxgk::lint_source(xxgk::read_docx(document), {}));
}
BENCHMARK(BM_ReadAndLintDocx)->Unit(benchmark::kMicrosecond);

void BM_ReadAndLintPdf(benchmark::State& state) {
  const std::string document = read_fixture("documents/pingtan_2024.pdf");
  for (auto _ : state) benchmark::DoNotOptimize(xxgk::lint_source(xxgk::read_pdf(document), {}));
}
BENCHMARK(BM_ReadAndLintPdf)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
