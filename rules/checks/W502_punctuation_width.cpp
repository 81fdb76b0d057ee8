#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "xxgk/analysis.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "W502",
    .slug = "punctuation-width",
    .title_zh = "标题或表格标签中使用半角标点",
    .title_en = "Half-width punctuation in headings and labels",
    .severity = Severity::Info,
    .fix = FixSafety::Safe,
    .fix_zh = "把半角标点 ( ) : , ; 改为全角（ ）： ， ；",
    .doc_zh =
        "检查标题、部分标题、小标题和表格标签中的半角标点 `(` `)` `:` `,` `;`，如“(四) 无法提供”"
        "“本年收费金额(单位:万元)”“(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)”。"
        "每个标题或标签报告一次，范围从第一个到最后一个半角标点。\n\n"
        "检查范围：标题行；部分标题；以“(一)”“（一）”开头的小标题，到第一个句号、逗号、分号或全角冒号为止"
        "（其后是正文，不查；半角冒号作为小标题的结束也一并检查）；表格中除数值单元格以外的单元格"
        "（行标签、表头、分组标签、勾稽关系说明）。正文和数值单元格不查；两个数字之间的 `,` `:`（如 1,000、12:30）和 "
        "`://` 中的冒号不算。\n\n"
        "依据：中文标题和标签应使用全角标点；半角标点多为从网页或其他格式转换时带入 [practice, format-2021.md C-13]。"
        "规范化比较标签时会折叠标点宽度，故只作提示。\n\n"
        "修改方法（安全修复）：逐个换成对应的全角标点。",
    .doc_en =
        "Reports half-width `(` `)` `:` `,` `;` in the title, section headings, sub-headings and table labels, "
        "e.g. “(四) 无法提供”, “本年收费金额(单位:万元)”, “(本列数据的勾稽关系为:第一项加第二项之和,"
        "等于第三项加第四项之和)”. One diagnostic per heading or label, spanning its first to its last half-width "
        "mark.\n\n"
        "Scope: the title lines; section headings; sub-headings opened by “(一)” or “（一）”, up to the first full "
        "stop, comma, semicolon or full-width colon (the prose after it is not checked; a half-width colon ending "
        "the sub-heading is included); every table cell that is not a value cell (row labels, header cells, group "
        "labels, the 勾稽关系 note). Prose and value cells are not checked; `,` and `:` between two digits (1,000, "
        "12:30) and the colon of `://` are not marks.\n\n"
        "Why: Chinese headings and labels take full-width punctuation; half-width marks usually come from a web or "
        "format conversion [practice, format-2021.md C-13]. Label comparison folds the width, so this is only a "
        "hint.\n\n"
        "How to fix (safe fix): each mark is replaced by its full-width form.",
    .bad = "(四) 无法提供",
    .good = "（四）无法提供",
};

// The full-width form of a half-width mark, or null when `c` is not one.
const char* full_width(char32_t c) {
  switch (c) {
    case U'(': return "（";
    case U')': return "）";
    case U':': return "：";
    case U',': return "，";
    case U';': return "；";
    default: return nullptr;
  }
}

// Whether the mark at `pos` belongs to ASCII text rather than to the Chinese label: 1,000, 12:30, http://.
bool is_ascii_usage(std::string_view text, size_t pos, char32_t c) {
  if (c != U',' && c != U':') return false;
  size_t length = 0;
  const char32_t before = pos == 0 ? 0 : text::code_point_at(text, text::previous_code_point_start(text, pos), length);
  const char32_t after = text::code_point_at(text, pos + 1, length);
  const bool digits = before >= U'0' && before <= U'9' && after >= U'0' && after <= U'9';
  return digits || (c == U':' && after == U'/');
}

// One diagnostic for the half-width marks of a heading or label, with one fix replacing them all.
void check_label(std::string_view text, ByteRange label, DiagnosticSink& sink) {
  // The marks are ASCII, and an ASCII byte is always a character of its own: only those bytes need looking at.
  const auto is_mark = [](char c) { return full_width(static_cast<unsigned char>(c)) != nullptr; };
  const size_t first_mark = text::find_ascii_byte(text, label.begin, label.end, is_mark);
  if (first_mark == label.end) return;  // most labels
  // The message names each mark written once, in byte order: a flag per mark rather than a set of strings, which
  // cost more than finding the marks.
  static constexpr std::string_view kMarksInOrder = "(),:;";
  std::array<bool, kMarksInOrder.size()> written{};
  std::vector<TextEdit> edits;
  for (size_t pos = first_mark; pos < label.end; pos = text::find_ascii_byte(text, pos + 1, label.end, is_mark)) {
    const auto c = static_cast<unsigned char>(text[pos]);
    const char* replacement = full_width(c);
    if (is_ascii_usage(text, pos, c)) continue;
    edits.push_back({{pos, pos + 1}, replacement});
    written[kMarksInOrder.find(static_cast<char>(c))] = true;
  }
  if (edits.empty()) return;
  std::string marks;
  for (size_t i = 0; i < kMarksInOrder.size(); ++i)
    if (written[i]) marks.append("“").append(1, kMarksInOrder[i]).append("”");
  const ByteRange span{edits.front().range.begin, edits.back().range.end};
  sink.report(span, "标题或标签中使用了半角标点" + marks + "，应使用全角标点 / half-width punctuation in a heading "
                    "or label")
      .fixes.push_back(Fix{"将半角标点改为全角", true, std::move(edits)});
}

// The sub-heading part of a line opened by "(一)"/"（一）": up to the first sentence or clause mark; a half-width
// colon ending it belongs to it.
std::optional<ByteRange> subheading_part(std::string_view text, ByteRange line) {
  const size_t marker_end = prose::subitem_marker_end(text, line.begin);
  if (marker_end == std::string_view::npos || marker_end > line.end) return std::nullopt;
  size_t end = marker_end;
  for (size_t length = 0; end < line.end; end += length) {
    const char32_t c = text::code_point_at(text, end, length);
    if (c == U':') return ByteRange{line.begin, end + length};
    if (std::u32string_view(U"。，,；;：！？").find(c) != std::u32string_view::npos) break;
  }
  return ByteRange{line.begin, end};
}

// The cells of `row` that are not value cells: row labels, header cells, group labels, notes.
template <typename Visit>
void for_each_label_cell(const Row& row, Visit visit) {
  // value_cells is ascending: one walk along it beside the cells (a search per cell cost more than the label checks).
  const bool has_values = row.kind == RowKind::Data;
  auto next_value = row.value_cells.begin();
  for (size_t i = 0; i < row.cells.size(); ++i) {
    while (has_values && next_value != row.value_cells.end() && *next_value < i) ++next_value;
    if (!has_values || next_value == row.value_cells.end() || *next_value != i) visit(row.cells[i]);
  }
}

void check(const CheckContext& context, DiagnosticSink& sink) {
  const Report& report = context.report;
  const std::string_view text = report.search_text();
  if (report.title)
    for (const ByteRange& line : report.title->lines) check_label(text, line, sink);
  for (const Heading& heading : report.headings) check_label(text, heading.range, sink);
  for (const ByteRange& prose : context.analysis.document_prose())
    for (const text::Line& line : context.analysis.lines_in(prose))
      if (const auto part = subheading_part(text, {line.content.begin, std::min(line.content.end, prose.end)}))
        check_label(text, *part, sink);
  for (const Table& table : report.tables)
    for (const Row& row : table.rows)
      for_each_label_cell(row, [&](const Cell& cell) { check_label(text, cell.range, sink); });
}

}  // namespace

extern const Rule rule_W502{kDescriptor, check};

}  // namespace xxgk
