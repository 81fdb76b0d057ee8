// The report writers of `check --format text|json|sarif|github` on the 5 MB file of bench/make-reports.sh (the
// samples and the clean report repeated to 5 MB): the time to write one file's diagnostics, the lint done once
// beforehand. Side by side, the single-pass reader of bench/peers/reader.c on the same bytes: the physical limit of
// touching 5 MB once. Goal (issue 20): each format writes the 5 MB file's report in ≤ 90 ms.
//
//   build/bench/writer_bench
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <streambuf>
#include <vector>

#include "cli/report_writer.h"
#include "xxgk/linter.h"

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& file) {
  std::ifstream stream(file, std::ios::binary);
  std::ostringstream content;
  content << stream.rdbuf();
  return content.str();
}

// The samples and the clean report, repeated to 5 MB and cut at a line end, as bench/make-reports.sh writes big.txt.
const std::string& big_text() {
  static const std::string text = [] {
    std::vector<fs::path> sources;
    for (const fs::directory_entry& entry : fs::directory_iterator(fs::path(XXGK_FIXTURES_DIR) / "samples"))
      if (entry.path().extension() == ".txt") sources.push_back(entry.path());
    std::sort(sources.begin(), sources.end());
    sources.push_back(fs::path(XXGK_FIXTURES_DIR) / "clean" / "clean.txt");
    constexpr size_t kSize = 5u << 20;
    std::string text;
    while (text.size() < kSize)
      for (const fs::path& source : sources) text += read_file(source);
    text.resize(kSize);
    text.resize(text.rfind('\n', text.size() - 1) + 1);  // the last whole line, as `sed '$d'` keeps
    return text;
  }();
  return text;
}

const xxgk::cli::FileReport& big_report() {
  static const xxgk::cli::FileReport report{"big.txt", big_text(), xxgk::lint(big_text(), xxgk::LintOptions{})};
  return report;
}

// Counts what is written and drops it: the writing is timed, not the terminal or the disk.
class CountingBuffer : public std::streambuf {
 public:
  size_t written = 0;

 protected:
  std::streamsize xsputn(const char*, std::streamsize count) override {
    written += static_cast<size_t>(count);
    return count;
  }
  int_type overflow(int_type c) override {
    ++written;
    return c;
  }
};

void write_report(benchmark::State& state, xxgk::cli::OutputFormat format) {
  const xxgk::cli::FileReport& report = big_report();
  xxgk::cli::RunSummary summary;
  summary.files = 1;
  summary.count(report.diagnostics);
  size_t bytes = 0;
  for (auto _ : state) {
    CountingBuffer buffer;
    std::ostream out(&buffer);
    std::unique_ptr<xxgk::cli::ReportWriter> writer = xxgk::cli::make_report_writer(format, out);
    writer->write_file(report);
    writer->finish(summary);
    bytes = buffer.written;
  }
  state.counters["diagnostics"] = static_cast<double>(report.diagnostics.size());
  state.counters["output_MB"] = static_cast<double>(bytes) / (1 << 20);
}

void BM_WriteText5MB(benchmark::State& state) { write_report(state, xxgk::cli::OutputFormat::Text); }
void BM_WriteJson5MB(benchmark::State& state) { write_report(state, xxgk::cli::OutputFormat::Json); }
void BM_WriteSarif5MB(benchmark::State& state) { write_report(state, xxgk::cli::OutputFormat::Sarif); }
void BM_WriteGithub5MB(benchmark::State& state) { write_report(state, xxgk::cli::OutputFormat::Github); }

// bench/peers/reader.c's loop over the same 5 MB, in memory: one pass counting lines and tabs.
void BM_SinglePassReader5MB(benchmark::State& state) {
  const std::string& text = big_text();
  for (auto _ : state) {
    unsigned long long lines = 0;
    unsigned long long tabs = 0;
    for (char c : text) {
      lines += c == '\n';
      tabs += c == '\t';
    }
    benchmark::DoNotOptimize(lines);
    benchmark::DoNotOptimize(tabs);
  }
}

BENCHMARK(BM_SinglePassReader5MB)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WriteText5MB)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WriteJson5MB)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WriteSarif5MB)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WriteGithub5MB)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
