// Template text generated from the format definition: every rendered table parses back as the table it renders, with
// every canonical row complete and 0 in every value cell, and the report skeleton of `xxgk-lint init` lints clean.
#include "xxgk/templates.h"

#include <gtest/gtest.h>

#include <string>

#include "xxgk/format.h"
#include "xxgk/linter.h"
#include "xxgk/rule.h"

namespace {

struct NamedStyle {
  const char* name;
  xxgk::TemplateStyle style;
};

const NamedStyle kStyles[] = {
    {"tabs", {'\t', false, "\n"}},
    {"pipes", {'|', false, "\n"}},
    {"markdown", {'|', true, "\n"}},
    {"tabs_crlf", {'\t', false, "\r\n"}},
};

std::string describe(const std::vector<xxgk::Diagnostic>& diagnostics, std::string_view text) {
  const xxgk::LineIndex lines(text);
  std::string out;
  for (const xxgk::Diagnostic& d : diagnostics) {
    const auto p = lines.position(d.range.begin, xxgk::PositionEncoding::Utf32);
    out += "  " + std::string(d.rule->id) + " " + std::to_string(p.line + 1) + ":" + std::to_string(p.column + 1) +
           " " + d.message + "\n";
  }
  return out;
}

TEST(Templates, EveryRenderedTableParsesBackWithEveryRowComplete) {
  const xxgk::FormatDefinition& format = xxgk::format_2021();
  for (const NamedStyle& named : kStyles) {
    for (const xxgk::TableSpec& spec : format.tables) {
      SCOPED_TRACE(std::string(named.name) + " " + spec.id);
      const std::string nl(named.style.newline);
      const std::string text = xxgk::render_heading(*format.section(spec.section), named.style) + nl + nl +
                               xxgk::render_table(spec, named.style);
      const xxgk::Report report = xxgk::build_report(text, {});
      const xxgk::Table* table = report.table(spec.id);
      ASSERT_NE(table, nullptr) << text;
      EXPECT_EQ(table->markdown, named.style.markdown);
      for (int index = 0; index < static_cast<int>(spec.rows.size()); ++index) {
        const xxgk::Row* row = table->row_for(index);
        ASSERT_NE(row, nullptr) << "row " << spec.rows[static_cast<size_t>(index)].id << " not recognised";
        ASSERT_TRUE(row->complete) << "row " << spec.rows[static_cast<size_t>(index)].id;
        for (size_t column = 0; column < static_cast<size_t>(spec.rows[static_cast<size_t>(index)].values); ++column) {
          const xxgk::Cell* cell = row->value(column);
          ASSERT_NE(cell, nullptr);
          EXPECT_EQ(cell->value.kind, xxgk::ValueKind::Integer);
          EXPECT_EQ(cell->value.number, 0);
        }
      }
    }
  }
}

TEST(Templates, HeaderAndRowsArePiecesOfTheTable) {
  for (const NamedStyle& named : kStyles) {
    for (const xxgk::TableSpec& spec : xxgk::format_2021().tables) {
      SCOPED_TRACE(std::string(named.name) + " " + spec.id);
      const std::string table = xxgk::render_table(spec, named.style);
      EXPECT_EQ(table.rfind(xxgk::render_header(spec, named.style), 0), 0u);
      for (int index = 0; index < static_cast<int>(spec.rows.size()); ++index)
        EXPECT_NE(table.find(xxgk::render_row(spec, index, named.style)), std::string::npos) << index;
    }
  }
}

TEST(Templates, TableThreeIsLaidOutLikeTheReferenceReport) {
  const xxgk::TableSpec& spec = *xxgk::format_2021().table("table3");
  const xxgk::TemplateStyle tabs{'\t', false, "\n"};
  EXPECT_EQ(xxgk::render_row(spec, spec.row_index("R01"), tabs), "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\n");
  EXPECT_EQ(xxgk::render_row(spec, spec.row_index("R03"), tabs), "三、本年度办理结果\t（一）予以公开\t0\t0\t0\t0\t0\t0\t0\n");
  EXPECT_EQ(xxgk::render_row(spec, spec.row_index("R05"), tabs),
            "\t（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n");
  EXPECT_EQ(xxgk::render_row(spec, spec.row_index("R06"), tabs), "\t\t2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0\n");
  EXPECT_EQ(xxgk::render_row(spec, spec.row_index("R24"), tabs), "\t（七）总计\t0\t0\t0\t0\t0\t0\t0\n");
}

// The skeleton's placeholders are left for the writer: each 【待填写】 gets C408, and nothing else is reported.
TEST(Templates, SkeletonGetsC408OnEachPlaceholderAndNothingElseInEveryStyle) {
  const xxgk::FormatDefinition& format = xxgk::format_2021();
  for (const NamedStyle& named : kStyles) {
    for (const char* agency : {"青山市自然资源和规划局", "青山市人民政府"}) {
      SCOPED_TRACE(std::string(named.name) + " " + agency);
      const std::string text = xxgk::render_skeleton(format, agency, 2024, named.style);
      EXPECT_EQ(text.rfind(std::string(named.style.markdown ? "# " : "") + agency + "2024年政府信息公开工作年度报告", 0),
                0u);
      EXPECT_NE(text.find(format.notice_citation), std::string::npos);
      EXPECT_NE(text.find("2024年1月1日"), std::string::npos);
      EXPECT_NE(text.find("2024年12月31日"), std::string::npos);
      const std::string placeholder = "【待填写】";
      std::vector<size_t> placeholders;
      for (size_t at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + 1))
        placeholders.push_back(at);
      ASSERT_FALSE(placeholders.empty());
      std::vector<xxgk::Diagnostic> others;
      std::vector<size_t> flagged;
      for (const xxgk::Diagnostic& d : xxgk::lint(text, {})) {
        if (d.rule->id == "C408" && d.range.size() == placeholder.size())
          flagged.push_back(d.range.begin);
        else if (d.severity == xxgk::Severity::Error || d.severity == xxgk::Severity::Warning)
          others.push_back(d);
      }
      EXPECT_EQ(flagged, placeholders);
      EXPECT_TRUE(others.empty()) << describe(others, text) << text;
    }
  }
}

}  // namespace
