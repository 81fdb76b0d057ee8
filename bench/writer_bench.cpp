// The report writers of `check --format text|json|sarif|github` on the 5 MB file of bench/make-reports.sh (the
// samples and the clean report repeated to 5 MB): the time to write one file's diagnostics, the lint done once
// beforehand. Side by side, the single-pass reader of bench/peers/reader.c on the same bytes: the physical limit of
// touching 5 MB once. Goal (issue 20): each format writes the 5 MB file's report in ≤ 90 ms.
//
// And the review page (`check --format html`) of bench/make-reports.sh's 2,000 reports, against their text output:
// the part of issue 21's goal (2,000 reports, page written, ≤ 1 s on 2 cores) that the page adds to the check, which
// runs after every file is linted, on one core.
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
#include "xxgk/cross_document.h"
#include "xxgk/linter.h"

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& file) {
  std::ifstream stream(file, std::ios::binary);
  std::ostringstream content;
  content << stream.rdbuf();
  return content.str();
}

// The samples and the clean report in the order bench/make-reports.sh takes them.
std::vector<std::string> sample_texts() {
  std::vector<fs::path> sources;
  for (const fs::directory_entry& entry : fs::directory_iterator(fs::path(XXGK_FIXTURES_DIR) / "samples"))
    if (entry.path().extension() == ".txt") sources.push_back(entry.path());
  std::sort(sources.begin(), sources.end());
  sources.push_back(fs::path(XXGK_FIXTURES_DIR) / "clean" / "clean.txt");
  std::vector<std::string> texts;
  for (const fs::path& source : sources) texts.push_back(read_file(source));
  return texts;
}

// The samples and the clean report, repeated to 5 MB and cut at a line end, as bench/make-reports.sh writes big.txt.
const std::string& big_text() {
  static const std::string text = [] {
    const std::vector<std::string> samples = sample_texts();
    constexpr size_t kSize = 5u << 20;
    std::string text;
    while (text.size() < kSize)
      for (const std::string& sample : samples) text += sample;
    text.resize(kSize);
    text.resize(text.rfind('\n', text.size() - 1) + 1);  // the last whole line, as `sed '$d'` keeps
    return text;
  }();
  return text;
}

// bench/make-reports.sh's batch: 2,000 reports, the samples in turn, each title prefixed with its number; linted.
const std::vector<xxgk::cli::FileReport>& batch_reports() {
  static const std::vector<xxgk::cli::FileReport> reports = [] {
    const std::vector<std::string> samples = sample_texts();
    std::vector<xxgk::cli::FileReport> batch;
    for (size_t i = 0; i < 2000; ++i) {
      char name[32];
      std::snprintf(name, sizeof name, "batch/%04zu.txt", i);
      xxgk::Document document("第" + std::to_string(i) + "号" + samples[i % samples.size()]);
      const xxgk::LintOptions options;
      std::vector<xxgk::Diagnostic> diagnostics = document.lint(options);
      batch.push_back({name, document.text(), std::move(diagnostics), {},
                       xxgk::report_identity(document.report(options)), {}});
    }
    return batch;
  }();
  return reports;
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

void write_reports(benchmark::State& state, xxgk::cli::OutputFormat format,
                   const std::vector<xxgk::cli::FileReport>& reports) {
  xxgk::cli::RunSummary summary;
  for (const xxgk::cli::FileReport& report : reports) {
    ++summary.files;
    summary.count(report.diagnostics);
  }
  size_t bytes = 0;
  for (auto _ : state) {
    CountingBuffer buffer;
    std::ostream out(&buffer);
    std::unique_ptr<xxgk::cli::ReportWriter> writer = xxgk::cli::make_report_writer(format, out);
    for (const xxgk::cli::FileReport& report : reports) writer->write_file(report);
    writer->finish(summary);
    bytes = buffer.written;
  }
  state.counters["diagnostics"] = static_cast<double>(summary.errors + summary.warnings + summary.infos);
  state.counters["output_MB"] = static_cast<double>(bytes) / (1 << 20);
}

void write_report(benchmark::State& state, xxgk::cli::OutputFormat format) {
  write_reports(state, format, {big_report()});
}

void BM_WriteText5MB(benchmark::State& state) { write_report(state, xxgk::cli::OutputFormat::Text); }
void BM_WriteJson5MB(benchmark::State& state) { write_report(state, xxgk::cli::OutputFormat::Json); }
void BM_WriteSarif5MB(benchmark::State& state) { write_report(state, xxgk::cli::OutputFormat::Sarif); }
void BM_WriteGithub5MB(benchmark::State& state) { write_report(state, xxgk::cli::OutputFormat::Github); }
void BM_WriteReviewPage2000Reports(benchmark::State& state) {
  write_reports(state, xxgk::cli::OutputFormat::Html, batch_reports());
}
void BM_WriteText2000Reports(benchmark::State& state) {
  write_reports(state, xxgk::cli::OutputFormat::Text, batch_reports());
}

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
BENCHMARK(BM_WriteReviewPage2000Reports)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WriteText2000Reports)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
