// T204 table-row-shape: a canonical data row with the wrong number of value cells ("unbalanced table").
#include <optional>

#include "table_util.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "T204",
    .slug = "table-row-shape",
    .title_zh = "表格行的数值单元格数量不符",
    .title_en = "A table row has the wrong number of value cells",
    .severity = Severity::Error,
    .fix = FixSafety::Unsafe,
    .fix_zh = "在行末补齐缺少的数值单元格并填 0，或删除多余的空单元格。",
    .doc_zh =
        "检查每个数据行的数值单元格个数：“收到和处理政府信息公开申请情况”表每行 7 个（自然人、五类法人或其他组织、总计），"
        "“政府信息公开行政复议、行政诉讼情况”表 15 个，“主动公开政府信息情况”表按栏目 3 个或 1 个。"
        "数值单元格从行的右端对齐计数，标签占几列不影响。\n\n"
        "依据：国办公开办函〔2021〕30号所附表格的栏目是固定的；少一格或多一格，数字就会错位到别的栏目下，"
        "表格无法核对（“表格缺项”）。\n\n"
        "修复：补上漏填的单元格（修复在行末补 0，请核对数字所在栏目），或删除多出的空单元格。",
    .doc_en =
        "Checks the number of value cells of each data row: 7 in table 三 (natural persons, five kinds of legal persons, "
        "total), 15 in table 四, 3 or 1 in table 二 depending on the block. Value cells are counted from the right end "
        "of the row, so merged label cells do not matter.\n\n"
        "Why: the columns of the tables annexed to notice 国办公开办函〔2021〕30号 are fixed; a missing or extra cell "
        "shifts figures under the wrong column and the table cannot be checked.\n\n"
        "Fix: add the missing cells (the fix appends 0 at the right end: check which column was really left out) or "
        "remove surplus empty cells.",
    .bad = "\t（四）无法提供\t1.本机关不掌握相关政府信息\t0\t0\t0\t0\t0\t0\n",
    .good = "\t（四）无法提供\t1.本机关不掌握相关政府信息\t0\t0\t0\t0\t0\t0\t0\n",
};

// Appends `count` cells holding 0 after the last value cell (before any trailing empty cells), or after the label when
// the row has no value cell.
Fix pad_fix(const Row& row, size_t count) {
  size_t at = row.range.end;
  if (!row.value_cells.empty())
    at = row.cells[row.value_cells.back()].range.end;
  else if (!row.label_cells.empty())
    at = row.cells[row.label_cells.back()].range.end;
  std::string text;
  for (size_t i = 0; i < count; ++i) text += cell_separator(row) + "0";
  return Fix{"补齐 " + std::to_string(count) + " 个数值单元格（填 0）", false, {TextEdit{{at, at}, text}}};
}

// Removes `count` empty value cells, leftmost first (the value cells are aligned from the right, so the surplus is
// on the left), each with the separator before it; no fix when fewer empty cells than `count` are there.
std::optional<Fix> drop_fix(const Row& row, size_t count) {
  std::vector<TextEdit> edits;
  for (const size_t index : row.value_cells) {
    if (edits.size() == count) break;
    const Cell& cell = row.cells[index];
    if (cell.value.kind != ValueKind::Empty) continue;
    const ByteRange removed =
        index > 0 ? ByteRange{cell.raw.begin - 1, cell.raw.end} : ByteRange{cell.raw.begin, cell.raw.end + 1};
    edits.push_back({removed, ""});
  }
  if (edits.size() < count) return std::nullopt;
  return Fix{"删除 " + std::to_string(count) + " 个多余的空单元格", false, std::move(edits)};
}

void check_table(const Table& table, DiagnosticSink& sink) {
  for (const Row& row : table.rows) {
    const RowSpec* spec = row_spec(table, row);
    if (!spec || row.kind != RowKind::Data) continue;
    const auto expected = static_cast<size_t>(spec->values);
    const size_t actual = row.value_cells.size();
    if (actual == expected) continue;
    const ByteRange area = actual == 0 ? row.range
                                       : ByteRange{row.cells[row.value_cells.front()].range.begin,
                                                   row.cells[row.value_cells.back()].range.end};
    Diagnostic& diagnostic = sink.report(area, "表格行数值单元格数量不符：应为 " + std::to_string(expected) +
                                                   " 个，实际 " + std::to_string(actual) +
                                                   " 个 / row has the wrong number of value cells");
    if (actual < expected) {
      diagnostic.fixes.push_back(pad_fix(row, expected - actual));
    } else if (auto fix = drop_fix(row, actual - expected)) {
      diagnostic.fixes.push_back(std::move(*fix));
    }
  }
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const Table& table : ctx.report.tables)
    if (table.spec) check_table(table, sink);
}

}  // namespace

extern const Rule rule_T204{kDescriptor, check};

}  // namespace xxgk
