// The five real reports of tests/fixtures/samples/: every deviation listed in EXPECTED.md is reported by the rule it
// names, at its line, and nothing is reported on what EXPECTED.md lists as correct; no error or warning is reported
// that EXPECTED.md does not list.
#include <gtest/gtest.h>

#include <filesystem>

#include "read_file.h"
#include "xxgk/linter.h"
#include "xxgk/rule.h"

namespace {

struct Reported {
  const char* sample;
  const char* rule;
  uint32_t first_line;  // the diagnostic starts on a line in [first_line, last_line]
  uint32_t last_line;
  const char* why;      // the EXPECTED.md item
  // Text the message must contain, where one item makes several diagnostics of a rule on a line; null: any message.
  const char* message_part = nullptr;
};

struct Silent {
  const char* sample;
  const char* rule;
  const char* why;
};

constexpr const char* k000 = "000_665c97d63233bba3.txt";
constexpr const char* k001 = "001_12f801b671389a59.txt";
constexpr const char* k002 = "002_8f6a0cdd81ca4d1e.txt";
constexpr const char* k003 = "003_53998b694067610d.txt";
constexpr const char* k004 = "004_6958a79bc20c0ed0.txt";

const Reported kReported[] = {
    {k000, "T206", 31, 31, "1. unit text 114 件"},
    {k000, "T204", 58, 58, "2. R13 has 6 value cells"},
    {k000, "W502", 58, 58, "4. half-width (四)"},
    {k000, "W502", 61, 61, "4. half-width (五)"},
    {k000, "W502", 66, 66, "4. half-width (六)"},
    {k000, "W502", 69, 69, "4. half-width (七)"},
    {k000, "W502", 99, 99, "4. half-width (二) in section 六"},
    {k000, "W503", 97, 97, "5. stray English word latest"},
    {k000, "W503", 83, 83, "6. Markdown ** in plain text"},
    {k000, "W503", 85, 85, "6. Markdown ** in plain text"},
    {k000, "C406", 99, 99, "7. fee statement gives only the collected amount"},
    {k000, "W504", 11, 11, "8. paragraph broken at 办事指/南手册"},
    {k000, "W504", 83, 83, "8. paragraph broken"},
    {k000, "W504", 93, 93, "8. paragraph broken"},
    {k001, "W501", 7, 7, "2. <…> instead of 〈…〉"},
    {k001, "S105", 76, 76, "3. 五、存在主要问题及改进情况"},
    {k001, "W502", 19, 19, "4. (五) half-width"},
    {k001, "W502", 40, 40, "5. half-width table note"},
    {k001, "W502", 46, 46, "5. R04 note with ASCII commas"},
    {k001, "W503", 78, 78, "6. Markdown **一是**"},
    {k001, "W503", 80, 80, "6. Markdown **一是**"},
    {k001, "W504", 80, 80, "6. paragraph broken 高效/运行"},
    {k001, "C406", 88, 88, "7. fee statement gives only 未收取"},
    {k002, "S101", 1, 2, "1. no title"},
    {k002, "W502", 3, 3, "2. ASCII punctuation (一)主动公开情况"},
    {k002, "S110", 1, 1, "3. preamble names part 四 differently", "第四部分"},
    {k002, "S110", 1, 1, "3. preamble names part 六 differently", "其他需要汇报的事项"},
    {k002, "S105", 69, 69, "4. regulation wording of heading 五"},
    {k002, "T208", 66, 67, "5. table 四 header truncated"},
    {k002, "C406", 75, 76, "7. 未产生信息处理费 only"},
    {k002, "W503", 79, 82, "8. website footer"},
    {k003, "S102", 3, 3, "1. stray space in 政府信息公开 工作年度报告"},
    {k003, "C402", 1, 5, "2. no statistics period"},
    {k003, "W502", 38, 38, "3. half-width table note"},
    {k004, "S102", 5, 5, "1. preamble calls it 政府信息公开年度报告 (missing 工作)", "政府信息公开年度报告"},
    {k004, "S110", 5, 5, "1. preamble says 六部分 but lists five", "六部分"},
    {k004, "S110", 5, 5, "1. preamble names part 二 主动公开政府信息公开情况", "主动公开政府信息公开情况"},
    {k004, "S105", 17, 17, "2. 二、主动公开政府信息公开情况"},
    {k004, "S107", 7, 7, "3. section 一 lacks 依申请公开", "依申请公开"},
    {k004, "S107", 7, 7, "3. section 一 lacks 政府信息管理", "政府信息管理"},
    {k004, "S107", 7, 7, "3. section 一 lacks 监督保障", "监督保障"},
    {k004, "T207", 41, 41, "4. 三、 本 年 办 理 结 果"},
    {k004, "T205", 60, 60, "5. R22 has no numbers"},
    {k004, "T202", 60, 61, "6. R23 3.其他 missing"},
    {k004, "C406", 77, 77, "9. section 六 is just 无。"},
    {k004, "W504", 9, 9, "12. paragraph broken 转/发河北省"},
    {k004, "W504", 11, 11, "12. paragraph broken 开发区/政府网站绩效考核办法"},
};

const Silent kSilent[] = {
    {k000, "S101", "10. title correct"},         {k000, "S102", "10. title correct"},
    {k000, "W501", "10. exact 30号 citation"},    {k000, "C402", "10. statistics period present"},
    {k000, "S103", "10. six headings"},          {k000, "S105", "10. six headings"},
    {k000, "A301", "10. identities hold"},       {k000, "A302", "10. identities hold"},
    {k000, "A303", "10. identities hold"},       {k000, "A304", "10. identities hold"},
    {k000, "S108", "9. not a government unless configured"},
    {k000, "T203", "3. split labels are rejoined"}, {k000, "T207", "3. split labels are rejoined"},
    {k001, "S101", "1. two-line title"},          {k001, "S102", "1. two-line title"},
    {k001, "S108", "8. department"},              {k001, "C403", "8. narrative consistent"},
    {k001, "C404", "8. narrative consistent"},    {k001, "T207", "5. labels match after normalisation"},
    {k002, "C405", "9. signature date in time"},  {k002, "C402", "9. statistics period present"},
    {k002, "S108", "9. includes 社会评议 and 责任追究"}, {k002, "A303", "9. identities hold"},
    {k002, "T204", "6. trailing empty cells"},
    {k003, "T204", "4. rows shifted left, aligned from the right"}, {k003, "C406", "5. all three figures given"},
    {k003, "S108", "6. not a government"},        {k003, "A303", "7. identities hold"},
    {k003, "C403", "7. narrative consistent"},    {k003, "C404", "7. narrative consistent"},
    {k004, "A301", "7. T3-C holds"},              {k004, "A302", "7. T3-B holds on present rows"},
    {k004, "A303", "7. T3-A holds"},              {k004, "A304", "8. T4-A holds"},
    {k004, "T206", "11. 1748 万元 is plausible"},
    // Cross-sample: every title year equals its statistics period's; none but 002 states a publication date.
    {k000, "C401", "title year = period year"},   {k001, "C401", "title year = period year"},
    {k002, "C401", "title year = period year"},   {k003, "C401", "title year = period year"},
    {k004, "C401", "title year = period year"},   {k000, "C405", "no publication date"},
    {k001, "C405", "no publication date"},        {k003, "C405", "no publication date"},
    {k004, "C405", "no publication date"},
    {k000, "S104", "10. six headings in order"},  {k000, "S106", "10. six headings"},
    {k000, "T201", "10. three tables"},           {k000, "T202", "10. every canonical row present"},
};

std::vector<xxgk::Diagnostic> lint_sample(const std::string& name, std::string& text) {
  text = xxgk::testing_support::read_fixture(std::filesystem::path("samples") / name);
  EXPECT_FALSE(text.empty()) << name;
  return xxgk::lint(text, {});
}

bool matches(const Reported& expected, const xxgk::Diagnostic& d, const xxgk::LineIndex& lines) {
  const uint32_t line = lines.line_of(d.range.begin) + 1;
  return d.rule->id == expected.rule && line >= expected.first_line && line <= expected.last_line &&
         (!expected.message_part || d.message.find(expected.message_part) != std::string::npos);
}

TEST(Samples, EveryListedDeviationIsReported) {
  for (const Reported& expected : kReported) {
    std::string text;
    const auto diagnostics = lint_sample(expected.sample, text);
    const xxgk::LineIndex lines(text);
    const bool found = std::any_of(diagnostics.begin(), diagnostics.end(),
                                   [&](const xxgk::Diagnostic& d) { return matches(expected, d, lines); });
    EXPECT_TRUE(found) << expected.sample << ": " << expected.rule << " expected on line " << expected.first_line
                       << (expected.last_line != expected.first_line ? "–" + std::to_string(expected.last_line) : "")
                       << " (" << expected.why << ")";
  }
}

TEST(Samples, NothingIsReportedOnWhatIsCorrect) {
  for (const Silent& silent : kSilent) {
    std::string text;
    const auto diagnostics = lint_sample(silent.sample, text);
    const xxgk::LineIndex lines(text);
    for (const xxgk::Diagnostic& d : diagnostics)
      if (d.rule->id == silent.rule)
        ADD_FAILURE() << silent.sample << ": unexpected " << d.rule->id << " on line "
                      << lines.line_of(d.range.begin) + 1 << ": " << d.message << " (" << silent.why << ")";
  }
}

TEST(Samples, NoErrorOrWarningBeyondTheListedDeviations) {
  for (const char* sample : {k000, k001, k002, k003, k004}) {
    std::string text;
    const auto diagnostics = lint_sample(sample, text);
    const xxgk::LineIndex lines(text);
    for (const xxgk::Diagnostic& d : diagnostics) {
      if (d.severity == xxgk::Severity::Info) continue;
      const bool listed = std::any_of(std::begin(kReported), std::end(kReported), [&](const Reported& expected) {
        return std::string_view(expected.sample) == sample && matches(expected, d, lines);
      });
      EXPECT_TRUE(listed) << sample << ": " << d.rule->id << " on line " << lines.line_of(d.range.begin) + 1
                          << " is not a deviation EXPECTED.md lists: " << d.message;
    }
  }
}

TEST(Samples, ExitWithErrorsWhereEXPECTEDListsErrors) {
  // Samples 000, 002 and 004 contain error-severity deviations (表格缺项, 标题缺失, missing fee statement).
  for (const char* sample : {k000, k002, k004}) {
    std::string text;
    const auto diagnostics = lint_sample(sample, text);
    EXPECT_TRUE(std::any_of(diagnostics.begin(), diagnostics.end(),
                            [](const xxgk::Diagnostic& d) { return d.severity == xxgk::Severity::Error; }))
        << sample;
  }
}

}  // namespace
