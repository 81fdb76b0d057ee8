// T205 table-cell-empty: a value cell left blank or holding a placeholder ("/", "-", "—", "无").
#include "table_util.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "T205",
    .slug = "table-cell-empty",
    .title_zh = "表格数值单元格未填写",
    .title_en = "A table value cell is empty",
    .severity = Severity::Error,
    .fix = FixSafety::Unsafe,
    .fix_zh = "在空单元格（或占位符处）填 0（请核对实际数据）。",
    .doc_zh =
        "检查统计表数据行的数值单元格是否都填了数字：空白，或只写了“/”“-”“—”“无”等占位符，都视为未填写。"
        "一行的数值单元格全部为空时只报告一次。\n\n"
        "依据：国办公开办函〔2021〕30号所附表格的每个栏目都要求填写数字；各地通知和评估要求“格式规范、数据精确”，"
        "没有发生的事项填 0，而不是留空或画线（“表格缺项”）。\n\n"
        "修复：填入实际数字；确实为零的填 0。",
    .doc_en =
        "Checks that every value cell of a data row holds a number: a blank cell or a placeholder (/, -, —, 无) counts "
        "as not filled. A row whose value cells are all empty is reported once.\n\n"
        "Why: every cell of the tables annexed to notice 国办公开办函〔2021〕30号 takes a figure; local notices and "
        "evaluators require complete, exact data, with 0 for nothing rather than a blank or a dash.\n\n"
        "Fix: write the figure, 0 when there was none.",
    .bad = "\t\t2.重复申请\t1\t/\t0\t0\t0\t0\t1\n",
    .good = "\t\t2.重复申请\t1\t0\t0\t0\t0\t0\t1\n",
};

std::string placeholder_message(std::string_view written) {
  return written.empty() ? "表格数值单元格未填写：无数据应填 0 / empty value cell"
                         : "表格数值单元格填写了“" + std::string(written) +
                               "”：应填写数字，无数据填 0 / placeholder in a value cell";
}

void check_row(const Report& report, const Row& row, DiagnosticSink& sink) {
  std::vector<const Cell*> empty;
  for (const size_t index : row.value_cells)
    if (is_empty_value(row.cells[index])) empty.push_back(&row.cells[index]);
  if (empty.empty()) return;

  if (empty.size() == row.value_cells.size() && empty.size() > 1) {
    const ByteRange area{empty.front()->range.begin, empty.back()->range.end};
    Diagnostic& diagnostic =
        sink.report(area, "表格行“" + std::string(report.slice(row.label)) + "”的 " + std::to_string(empty.size()) +
                              " 个数值单元格均未填写：无数据应填 0 / no value cell of the row is filled");
    Fix fix{"各单元格填 0", false, {}};
    for (const Cell* cell : empty) fix.edits.push_back(fill_cell(row, *cell, "0"));
    diagnostic.fixes.push_back(std::move(fix));
    return;
  }
  for (const Cell* cell : empty) {
    Diagnostic& diagnostic = sink.report(cell->range, placeholder_message(report.slice(cell->range)));
    diagnostic.fixes.push_back(Fix{"填 0", false, {fill_cell(row, *cell, "0")}});
  }
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const Table& table : ctx.report.tables)
    for (const Row& row : table.rows)
      if (row.kind == RowKind::Data && row_spec(table, row)) check_row(ctx.report, row, sink);
}

}  // namespace

extern const Rule rule_T205{kDescriptor, check};

}  // namespace xxgk
