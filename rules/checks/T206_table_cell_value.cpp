// T206 table-cell-value: a value cell that is not a non-negative integer (a non-negative decimal for 万元 rows); unit
// text and full-width digits are warnings with a safe fix.
#include <cmath>

#include "table_util.h"
#include "xxgk/normalize.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "T206",
    .slug = "table-cell-value",
    .title_zh = "表格数值单元格内容不规范",
    .title_en = "A table value cell does not hold a valid number",
    .severity = Severity::Error,
    .fix = FixSafety::Safe,
    .fix_zh = "删除单元格中的单位等文字、把全角数字改为半角，只保留数字；无效内容须手工改正。",
    .doc_zh =
        "检查统计表数据行的数值单元格：件数必须是非负整数，“本年收费金额（单位：万元）”可以是非负小数。"
        "负数、带“约”“余”等字样、夹杂其他文字的内容报告为错误；数字后带单位（如“114 件”）或使用全角数字（如“１２”）"
        "报告为警告。\n\n"
        "依据：国办公开办函〔2021〕30号所附表格各栏均为计数（收费金额栏以万元计）；单位已由栏目规定，单元格内只填数字，"
        "以便核对和汇总。\n\n"
        "修复：只保留数字（修复会删除单位文字、把全角数字改为半角）；无效内容须按实际数据改正。"
        "万元栏中写了“元”等其他单位时，须先换算，修复不会自动删除。",
    .doc_en =
        "Checks the value cells of data rows: counts must be non-negative integers, the fee amount (万元) a "
        "non-negative decimal. Negative numbers, approximations (约, 余) and mixed text are errors; a number with unit "
        "text (114 件) or written in full-width digits (１２) is a warning.\n\n"
        "Why: every column of the tables annexed to notice 国办公开办函〔2021〕30号 is a count (the fee column is in "
        "万元); the unit is fixed by the column, so cells hold bare numbers that can be checked and summed.\n\n"
        "Fix: keep the bare number (the fix strips unit text and converts full-width digits); correct invalid content "
        "by hand. An amount written in another unit than 万元 must be converted first and is not fixed automatically.",
    .bad = "行政许可\t114 件\t\t\n",
    .good = "行政许可\t114\t\t\n",
};

// Stripping the unit is safe when it only repeats the column's unit: any unit in a count column ("件", "条"), only
// 万元 in the 万元 column (a figure in 元 would change its meaning).
bool unit_strip_is_safe(const RowSpec& spec, std::string_view unit) {
  if (!spec.decimal) return true;
  const std::string_view trimmed = trim(unit);
  return trimmed == "万元" || trimmed == "万";
}

void check_cell(const Report& report, const RowSpec& spec, const Cell& cell, DiagnosticSink& sink) {
  const CellValue& value = cell.value;
  const std::string written(report.slice(cell.range));
  const std::string expected = spec.decimal ? "非负数（单位：万元）" : "非负整数";
  if (value.kind == ValueKind::Invalid ||
      (value.is_number() && !spec.decimal && std::fabs(value.number - std::round(value.number)) > 1e-9)) {
    sink.report(cell.range, "表格单元格“" + written + "”不是" + expected + " / not a valid number");
    return;
  }
  if (value.kind == ValueKind::NumberWithUnit) {
    const std::string number = ascii_digits(report.slice(value.number_range));
    Diagnostic& diagnostic = sink.report(
        cell.range, "表格单元格含有单位等文字“" + written + "”：应只填数字 " + number + " / unit text in a value cell",
        Severity::Warning);
    const bool number_inside = value.number_range.begin >= cell.range.begin && value.number_range.end <= cell.range.end;
    std::string unit = written;
    if (number_inside) unit.erase(value.number_range.begin - cell.range.begin, value.number_range.size());
    if (number_inside && unit_strip_is_safe(spec, unit))
      diagnostic.fixes.push_back(Fix{"删除单位文字，只保留数字 " + number, true, {TextEdit{cell.range, number}}});
    return;
  }
  if (value.is_number() && value.fullwidth_digits) {
    const std::string number = ascii_digits(written);
    Diagnostic& diagnostic = sink.report(
        cell.range, "表格单元格使用全角数字“" + written + "”：应为 " + number + " / full-width digits", Severity::Warning);
    diagnostic.fixes.push_back(Fix{"改为半角数字 " + number, true, {TextEdit{cell.range, number}}});
  }
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const Table& table : ctx.report.tables) {
    for (const Row& row : table.rows) {
      const RowSpec* spec = row_spec(table, row);
      if (!spec || row.kind != RowKind::Data) continue;
      for (const size_t index : row.value_cells) check_cell(ctx.report, *spec, row.cells[index], sink);
    }
  }
}

}  // namespace

extern const Rule rule_T206{kDescriptor, check};

}  // namespace xxgk
