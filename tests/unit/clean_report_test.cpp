// A clean, fully filled report (tests/fixtures/clean/clean.txt: non-zero numbers, every identity holds) must get no
// error and no warning in every shape real reports come in. The shapes are derived from the one file so that they
// cannot drift apart.
#include <gtest/gtest.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <memory>
#include <sstream>

#include "read_file.h"
#include "xxgk/linter.h"
#include "xxgk/rule.h"

namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

bool is_row(const std::string& line) { return line.find('\t') != std::string::npos; }

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

std::string with_pipe_tables(const std::string& text) {
  std::vector<std::string> lines = split_lines(text);
  for (std::string& line : lines)
    if (is_row(line)) line = replace_all(line, "\t", " | ");
  return join_lines(lines);
}

bool is_section_heading(const std::string& line) {
  for (const char* numeral : {"一、", "二、", "三、", "四、", "五、", "六、"})
    if (line.rfind(numeral, 0) == 0 && !is_row(line)) return true;
  return false;
}

// ATX title and headings, GFM tables with outer pipes and a delimiter row after each table's first row.
std::string as_markdown(const std::string& text) {
  std::vector<std::string> out;
  bool in_table = false;
  for (const std::string& line : split_lines(text)) {
    if (out.empty()) {
      out.push_back("# " + line);
      continue;
    }
    if (is_section_heading(line)) {
      out.push_back("## " + line);
    } else if (is_row(line)) {
      out.push_back("| " + replace_all(line, "\t", " | ") + " |");
      if (!in_table) {
        const size_t columns = std::count(line.begin(), line.end(), '\t') + 1;
        std::string delimiter = "|";
        for (size_t c = 0; c < columns; ++c) delimiter += " --- |";
        out.push_back(delimiter);
      }
    } else {
      out.push_back(line);
    }
    in_table = is_row(line);
  }
  return join_lines(out);
}

std::string with_bom_and_crlf(const std::string& text) { return "\xEF\xBB\xBF" + replace_all(text, "\n", "\r\n"); }

std::string with_half_width_brackets(const std::string& text) {
  return replace_all(replace_all(text, "（", "("), "）", ")");
}

std::string in_traditional_script(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance("Hans-Hant", UTRANS_FORWARD, status));
  EXPECT_TRUE(U_SUCCESS(status));
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  t->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

struct Shape {
  const char* name;
  std::string (*make)(const std::string&);
};

class CleanReport : public testing::TestWithParam<Shape> {};

TEST_P(CleanReport, HasNoErrorOrWarning) {
  const std::string text = GetParam().make(xxgk::testing_support::read_fixture("clean/clean.txt"));
  const std::vector<xxgk::Diagnostic> diagnostics = xxgk::lint(text, {});
  const xxgk::LineIndex lines(text);
  for (const xxgk::Diagnostic& d : diagnostics) {
    if (d.severity != xxgk::Severity::Error && d.severity != xxgk::Severity::Warning) continue;
    const auto at = lines.position(d.range.begin, xxgk::PositionEncoding::Utf32);
    ADD_FAILURE() << GetParam().name << ": " << d.rule->id << " at " << at.line + 1 << ":" << at.column + 1 << " "
                  << d.message;
  }
}

TEST_P(CleanReport, IsRecognisedAsAWholeReport) {
  const std::string text = GetParam().make(xxgk::testing_support::read_fixture("clean/clean.txt"));
  const xxgk::Report report = xxgk::build_report(text, {});
  EXPECT_TRUE(report.title);
  EXPECT_EQ(report.sections.size(), 6u);
  for (const char* id : {"table2", "table3", "table4"}) EXPECT_NE(report.table(id), nullptr) << id;
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, CleanReport,
    testing::Values(Shape{"tabs", [](const std::string& t) { return t; }}, Shape{"pipes", with_pipe_tables},
                    Shape{"markdown", as_markdown}, Shape{"bom_crlf", with_bom_and_crlf},
                    Shape{"half_width_brackets", with_half_width_brackets},
                    Shape{"traditional", in_traditional_script}),
    [](const testing::TestParamInfo<Shape>& info) { return std::string(info.param.name); });

}  // namespace
