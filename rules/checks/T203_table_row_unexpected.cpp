// T203 table-row-unexpected: a table row that matches no canonical row, or a canonical row written twice.
#include <algorithm>

#include "table_util.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "T203",
    .slug = "table-row-unexpected",
    .title_zh = "表格中有多余或重复的行",
    .title_en = "An unexpected or repeated table row",
    .severity = Severity::Warning,
    .fix = FixSafety::None,
    .fix_zh = "",
    .doc_zh =
        "检查统计表中是否有格式未规定的数据行（带数字、但标签不是任何规定行），或同一规定行出现了两次。"
        "表头、勾稽关系说明行、分组标签行不在检查之列；没有数字的文字碎片（如跨行断开的标签）也不报告。\n\n"
        "依据：国办公开办函〔2021〕30号所附表格的行是固定的，各地通知要求使用统一模板、不得擅自增删；"
        "多出的行（如旧格式的“其他对外管理服务事项”）或重复行会让汇总和核对出错。\n\n"
        "修复：删除多余的行；重复的行合并为一行；若是规定行的标签写错了，改成规定的标签。",
    .doc_en =
        "Checks that a table holds no data row outside the format (a row with numbers whose label matches no canonical "
        "row) and no canonical row twice. Header rows, the 勾稽关系 note and group-label rows are not data rows; text "
        "fragments without numbers (labels broken over lines) are not reported.\n\n"
        "Why: the rows of the tables annexed to notice 国办公开办函〔2021〕30号 are fixed, and local notices require the "
        "unified template; extra rows (e.g. the old-format 其他对外管理服务事项) or repeated rows break aggregation.\n\n"
        "Fix: delete the extra row, merge repeated rows, or correct the label of a canonical row.",
    .bad = "行政许可\t12\t\t\n其他对外管理服务事项\t3\t\t\n",
    .good = "行政许可\t12\t\t\n",
};

// Rows without any number are text fragments (a caption, a label broken over lines), not rows someone added.
bool has_number(const Row& row) {
  return std::any_of(row.cells.begin(), row.cells.end(), [](const Cell& cell) { return cell.value.is_number(); });
}

// The span naming a row: its label when it has one, its first non-empty cell otherwise.
ByteRange row_name_range(const Row& row) {
  if (!row.label.empty()) return row.label;
  for (const Cell& cell : row.cells)
    if (!cell.range.empty()) return cell.range;
  return row.range;
}

void check_table(const Report& report, const Table& table, DiagnosticSink& sink) {
  for (const Row& row : table.rows) {
    const bool unmatched = (row.kind == RowKind::Data || row.kind == RowKind::Unknown) && row.canonical < 0;
    if (!unmatched || !has_number(row)) continue;
    const ByteRange name = row_name_range(row);
    sink.report(name, "表格中有不属于规定格式的行“" + std::string(report.slice(name)) + "” / row matches no canonical row");
  }
  // A repeat is a matched row that is not the first one matched to its canonical row. (Reported in document order:
  // the diagnostics are sorted by position afterwards, and no two rows start at the same place.)
  const std::vector<const Row*> first = first_rows(table);
  for (const Row& row : table.rows) {
    if (row.kind != RowKind::Data || row.canonical < 0 || static_cast<size_t>(row.canonical) >= first.size()) continue;
    const Row* original = first[static_cast<size_t>(row.canonical)];
    if (original == &row) continue;
    const std::string& label = table.spec->rows[static_cast<size_t>(row.canonical)].label;
    Diagnostic& diagnostic = sink.report(row_name_range(row), "表格中的行“" +
                                                                  (label.empty() ? std::string("数据行") : label) +
                                                                  "”重复出现 / canonical row repeated");
    diagnostic.related.push_back({row_name_range(*original), "第一次出现"});
  }
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const Table& table : ctx.report.tables)
    if (table.spec) check_table(ctx.report, table, sink);
}

}  // namespace

extern const Rule rule_T203{kDescriptor, check};

}  // namespace xxgk
