// S103 section-missing: one of the six sections prescribed by the 2021 format is absent.
#include <algorithm>
#include <map>
#include <string>
#include <tuple>

#include "structure_util.h"
#include "xxgk/analysis.h"
#include "xxgk/rule.h"
#include "xxgk/templates.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "S103",
    .slug = "section-missing",
    .title_zh = "缺少规定的部分",
    .title_en = "A prescribed section is missing",
    .severity = Severity::Error,
    .fix = FixSafety::Unsafe,
    .fix_zh = "在应有的位置插入该部分的标题；第二、三、四部分同时插入全部填 0 的统计表。",
    .doc_zh =
        "检查六个部分（一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；"
        "四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项）是否齐全，"
        "缺几个就报几个，每个都指在它应在的位置（下一个已有部分的标题处，或文末的落款之前）。\n\n"
        "六个部分由国办公开办函〔2021〕30号规定的年度报告格式确定，对应《中华人民共和国政府信息公开条例》"
        "第五十条所列的报告内容，“不能遗漏”（format-2021.md 2.3、C-1、C-2）。\n\n"
        "修复：补写该部分。自动修复在应有的位置插入规范标题，第二、三、四部分再插入模板统计表（数值全部为 0，"
        "须按实际情况填写）；若统计表已在文中、只缺标题，则只在表前插入标题。",
    .doc_en =
        "Checks that all six sections are present (一、总体情况 … 六、其他需要报告的事项). Every missing section is "
        "reported, each at the place it belongs: the heading of the next section present, or the end of the "
        "document, before the signature.\n\n"
        "The six sections are fixed by the report format issued with 国办公开办函〔2021〕30号 and follow the contents "
        "that Article 50 of the Regulation requires; none may be left out (format-2021.md 2.3, C-1, C-2).\n\n"
        "Fix: write the section. The automatic fix inserts the canonical heading at its place and, for sections 二, "
        "三 and 四, the template table with 0 in every cell (to be filled in with the real figures); when the table "
        "is already there and only its heading is missing, it inserts the heading before the table.",
    .bad = "四、政府信息公开行政复议、行政诉讼情况\n……\n六、其他需要报告的事项",
    .good = "四、政府信息公开行政复议、行政诉讼情况\n……\n五、存在的主要问题及改进情况\n……\n六、其他需要报告的事项",
};

// Where a missing section's heading goes, and what the diagnostic points at.
struct Placement {
  size_t insert_at = 0;     // start of the line the section goes before, or the end of the text
  ByteRange anchor;         // the next section's heading, the orphaned table's first row, the signature, or the
                            // last line
  bool at_end = false;      // appended after everything else
  bool table_present = false;  // the section's table is already in the document (only the heading is missing)
};

ByteRange last_content_line(std::string_view text) {
  size_t end = text.size();
  while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == '\r' || text[end - 1] == ' ' || text[end - 1] == '\t'))
    --end;
  return {line_start_at(text, end), end};
}

// The signature closing a report: a last line that is only a date ("2025年1月20日"), with the line above it when that
// names the body (a short line that is no sentence and no heading). A section missing at the end belongs before it.
std::optional<ByteRange> signature(const Report& report) {
  const std::string_view text = report.text;
  const ByteRange date_line = text::trimmed(text, last_content_line(text));
  const std::optional<prose::Date> date = prose::parse_date(text, date_line.begin);
  if (date_line.empty() || !date || date->range.end != date_line.end) return std::nullopt;
  ByteRange block{line_start_at(text, date_line.begin), date_line.end};
  if (block.begin == 0) return block;
  const size_t above_start = line_start_at(text, block.begin - 1);
  const ByteRange above = text::trimmed(text, {above_start, line_end_at(text, above_start)});
  constexpr size_t kLongestBodyName = 120;  // bytes: 40 Chinese characters
  const bool names_body = !above.empty() && above.size() <= kLongestBodyName &&
                          text.substr(above.begin, above.size()).find("。") == std::string_view::npos &&
                          std::none_of(report.headings.begin(), report.headings.end(),
                                       [&](const Heading& heading) { return heading.range.begin == above.begin; });
  if (names_body) block.begin = above_start;
  return block;
}

Placement place(const CheckContext& ctx, int number) {
  const Report& report = ctx.report;
  Placement placement;
  if (const TableSpec* spec = ctx.format.table_for_section(number)) {
    if (const Table* table = report.table(spec->id); table && !table->rows.empty()) {
      placement.insert_at = line_start_at(report.text, table->range.begin);
      placement.anchor = table->rows.front().range;
      placement.table_present = true;
      return placement;
    }
  }
  for (int next = number + 1; next <= static_cast<int>(ctx.format.sections.size()); ++next) {
    const Section* section = report.section(next);
    if (!section || !section->heading) continue;
    placement.insert_at = line_start_at(report.text, section->heading->range.begin);
    placement.anchor = section->heading->range;
    return placement;
  }
  if (const std::optional<ByteRange> closing = signature(report)) {
    placement.insert_at = closing->begin;
    placement.anchor = text::trimmed(report.text, {closing->begin, line_end_at(report.text, closing->begin)});
    return placement;
  }
  placement.insert_at = report.text.size();
  placement.anchor = last_content_line(report.text);
  placement.at_end = true;
  return placement;
}

// The template tables, rendered once per format, thread and layout: every lint of an excerpt puts one into the fix of
// each missing section with a table, whether or not the fix is applied (a quarter of linting a short excerpt).
struct RenderedTables {
  mutable std::map<std::tuple<const TableSpec*, char, bool, std::string>, std::string> by_layout;
};

const std::string& rendered_table(const CheckContext& ctx, const TableSpec& table, const TemplateStyle& style) {
  const RenderedTables& rendered =
      derived_from_format(ctx.format, [](const FormatDefinition&) { return RenderedTables{}; });
  auto key = std::make_tuple(&table, style.separator, style.markdown, std::string(style.newline));
  auto found = rendered.by_layout.find(key);
  if (found == rendered.by_layout.end())
    found = rendered.by_layout.emplace(std::move(key), render_table(table, style)).first;
  return found->second;
}

// The text that puts the section (heading, and the template table unless it is already there) at its place, laid out
// like the document: its line terminator, its table style, a blank line around headings when the document has them.
std::string insertion(const CheckContext& ctx, const SectionSpec& section, const Placement& placement) {
  const Report& report = ctx.report;
  const TemplateStyle style = ctx.analysis.document_style();
  const std::string newline(style.newline);
  const bool spaced = structure::headings_spaced(report) || style.markdown;

  std::string text;
  if (placement.at_end) {
    // Close the last line, then leave one blank line before the heading when the document spaces its headings.
    const std::string_view body = report.text;
    size_t trailing_breaks = 0;
    for (size_t i = body.size(); i > 0 && (body[i - 1] == '\n' || body[i - 1] == '\r');) {
      const bool crlf = i >= 2 && body[i - 1] == '\n' && body[i - 2] == '\r';
      i -= crlf ? 2 : 1;
      ++trailing_breaks;
    }
    const size_t wanted = !body.empty() ? (spaced ? 2 : 1) : 0;
    for (size_t i = trailing_breaks; i < wanted; ++i) text += newline;
  }
  text += structure::heading_line(report, section, style) + newline;
  const TableSpec* table = ctx.format.table_for_section(section.number);
  if (table && !placement.table_present) {
    if (spaced) text += newline;
    text += rendered_table(ctx, *table, style);
  }
  if (spaced && !placement.at_end) text += newline;
  return text;
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const SectionSpec& section : ctx.format.sections) {
    if (ctx.report.section(section.number)) continue;
    const Placement placement = place(ctx, section.number);
    const std::string heading = section.heading();
    Diagnostic& diagnostic = sink.report(
        placement.anchor, "缺少第" + section.numeral + "部分“" + heading + "”" +
                              (placement.table_present ? "的标题（统计表已在此处）" : "") + " / section " +
                              std::to_string(section.number) + " is missing");
    const bool with_table = ctx.format.table_for_section(section.number) && !placement.table_present;
    diagnostic.fixes.push_back(Fix{"插入“" + heading + "”" + (with_table ? "及统计表（填 0）" : ""), false,
                                   {TextEdit{{placement.insert_at, placement.insert_at},
                                             insertion(ctx, section, placement)}}});
  }
}

}  // namespace

extern const Rule rule_S103{kDescriptor, check};

}  // namespace xxgk
