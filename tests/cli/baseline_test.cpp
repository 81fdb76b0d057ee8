// The baseline file of `check --write-baseline` / `--baseline` as a module: its text, its parsing, and how records
// absorb findings (one record, one finding).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/baseline.h"
#include "xxgk/fingerprint.h"
#include "xxgk/rule.h"

namespace xxgk::cli {
namespace {

using ::testing::HasSubstr;

Diagnostic finding(std::string_view rule, ByteRange range) {
  Diagnostic diagnostic;
  diagnostic.rule = &find_rule(rule)->descriptor;
  diagnostic.range = range;
  return diagnostic;
}

// Two identical rows: the same finding twice, with the same fingerprint.
constexpr std::string_view kText = "行政许可\t5 件\n行政许可\t5 件\n其他\t1\n";

TEST(Baseline, TextIsSortedWithItsHeaderAndTheSameWhateverTheOrder) {
  const std::vector<Diagnostic> diagnostics = {finding("T206", {13, 18}), finding("T205", {45, 46})};
  std::vector<BaselineEntry> entries = baseline_entries("./b/../a.txt", kText, diagnostics);
  const std::string text = baseline_text(entries);
  EXPECT_TRUE(text.starts_with(std::string(kBaselineHeader) + "\n"));
  const std::string first = "a.txt\tT205\t" + diagnostic_fingerprint(kText, diagnostics[1]).hash + "\t1\n";
  const std::string second = "a.txt\tT206\t" + diagnostic_fingerprint(kText, diagnostics[0]).hash + "\t5件\n";
  EXPECT_THAT(text, HasSubstr("\n" + first + second));
  std::reverse(entries.begin(), entries.end());
  EXPECT_EQ(baseline_text(entries), text);
}

TEST(Baseline, EachRecordAbsorbsOneFindingSoADuplicatedFaultIsNew) {
  const Diagnostic first = finding("T206", {13, 18});
  const Diagnostic second = finding("T206", {32, 37});
  ASSERT_EQ(diagnostic_fingerprint(kText, first).hash, diagnostic_fingerprint(kText, second).hash);
  Baseline baseline = Baseline::parse(baseline_text(baseline_entries("a.txt", kText, {first})), "baseline");
  std::vector<Diagnostic> run = {first, second, finding("T205", {45, 46})};
  EXPECT_EQ(baseline.remove_known("a.txt", kText, run), 1u);
  ASSERT_EQ(run.size(), 2u);
  EXPECT_EQ(run[0].range.begin, 32u);
  EXPECT_EQ(run[1].rule->id, "T205");
  // Another file's findings are not absorbed by this file's records.
  Baseline again = Baseline::parse(baseline_text(baseline_entries("a.txt", kText, {first})), "baseline");
  std::vector<Diagnostic> elsewhere = {first};
  EXPECT_EQ(again.remove_known("b.txt", kText, elsewhere), 0u);
}

TEST(Baseline, CommentsBlankLinesAndWindowsLineEndsAreRead) {
  const std::string hash = diagnostic_fingerprint(kText, finding("T206", {13, 18})).hash;
  Baseline baseline = Baseline::parse(std::string(kBaselineHeader) + "\r\n# note\r\n\r\na.txt\tT206\t" + hash + "\t\r\n",
                                      "baseline");
  std::vector<Diagnostic> run = {finding("T206", {13, 18})};
  EXPECT_EQ(baseline.remove_known("a.txt", kText, run), 1u);
}

TEST(Baseline, WhatIsNotABaselineIsRefusedWithTheLineAndTheReason) {
  auto refusal = [](const std::string& text) {
    try {
      Baseline::parse(text, "b.txt");
    } catch (const BaselineError& error) {
      return std::string(error.what());
    }
    return std::string("accepted");
  };
  EXPECT_THAT(refusal(""), HasSubstr("b.txt: 不是 xxgk-lint 基线文件"));
  EXPECT_THAT(refusal("a.txt\tT206\t0123456789abcdef\tx\n"), HasSubstr("不是 xxgk-lint 基线文件"));
  EXPECT_THAT(refusal("# xxgk-lint baseline 7\n"), HasSubstr("b.txt: 基线文件格式版本为“7”"));
  const std::string header = std::string(kBaselineHeader) + "\n";
  EXPECT_THAT(refusal(header + "a.txt\tT206\t0123456789abcdef\n"), HasSubstr("b.txt:2: 基线文件已损坏"));
  EXPECT_THAT(refusal(header + "\tT206\t0123456789abcdef\tx\n"), HasSubstr("b.txt:2: 基线文件已损坏"));
  EXPECT_THAT(refusal(header + "a.txt\tT206\t0123456789ABCDEF\tx\n"), HasSubstr("b.txt:2: 基线文件已损坏：指纹"));
  EXPECT_THAT(refusal(header + "# c\na.txt\tQ100\t0123456789abcdef\tx\n"), HasSubstr("b.txt:3: 基线文件中的规则“Q100”不存在"));
  EXPECT_EQ(refusal(header + "a.txt\tX001\t0123456789abcdef\t\n"), "accepted");
}

}  // namespace
}  // namespace xxgk::cli
