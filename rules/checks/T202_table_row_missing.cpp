// T202 table-row-missing: a canonical row of a recognised table is absent.
#include "table_util.h"
#include "xxgk/rule.h"
#include "xxgk/templates.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "T202",
    .slug = "table-row-missing",
    .title_zh = "表格缺少规定的行",
    .title_en = "A canonical table row is missing",
    .severity = Severity::Error,
    .fix = FixSafety::Unsafe,
    .fix_zh = "在应有的位置插入该行，各数值栏填 0（请再填入实际数据）。",
    .doc_zh =
        "检查第二、三、四部分的统计表是否具备年度报告格式规定的全部数据行，例如“收到和处理政府信息公开申请情况”表的 25 个"
        "数据行（“（六）其他处理”下的“3.其他”常被漏掉）。诊断标在缺行位置之后的第一行上（缺的是最后一行时，标在前一行末尾）。"
        "表格末尾连缺多行时（多为表格被截断），合并为一条诊断，列出前三行的名称和缺行总数。\n\n"
        "依据：国办公开办函〔2021〕30号所附表格逐行列出了统计项目；各地通知要求使用统一模板，严禁擅自删减报告事项。"
        "缺行使表格无法核对，也无法与其他报告汇总。\n\n"
        "修复：在应有位置插入该行，格式与同组相邻行一致（分隔符、标签列数），各数值栏填 0，再按实际情况填写。",
    .doc_en =
        "Checks that every table of sections 二, 三 and 四 has all rows of the format, e.g. the 25 data rows of table 三 "
        "(row 3.其他 under （六）其他处理 is often dropped). The diagnostic sits on the row after the gap (at the end of "
        "the previous row when the last row is missing). Several rows missing at the end of the table (a table cut off) "
        "make one diagnostic naming the first three and the count.\n\n"
        "Why: the tables annexed to notice 国办公开办函〔2021〕30号 list the items row by row; local notices forbid "
        "deleting items of the template. A missing row makes the table impossible to check or aggregate.\n\n"
        "Fix: insert the row at its place, laid out like its neighbours in the same group, with 0 in every value cell, "
        "then fill in the real figures.",
    .bad = "\t\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n"
           "\t（七）总计\t0\t0\t0\t0\t0\t0\t0\n",
    .good = "\t\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n"
            "\t\t3.其他\t0\t0\t0\t0\t0\t0\t0\n"
            "\t（七）总计\t0\t0\t0\t0\t0\t0\t0\n",
};

// The first row matched to the canonical row nearest to `index` in direction `step` (-1 or +1); only rows of
// `group` when it is given. `first` is the table's first_rows.
const Row* nearest_present(const Table& table, const std::vector<const Row*>& first, int index, int step,
                           const std::string* group) {
  const auto& specs = table.spec->rows;
  for (int other = index + step; other >= 0 && other < static_cast<int>(specs.size()); other += step) {
    if (group && specs[static_cast<size_t>(other)].group != *group) continue;
    if (first[static_cast<size_t>(other)]) return first[static_cast<size_t>(other)];
  }
  return nullptr;
}

// The group label the inserted row must carry: that of its group when it is the group's first row and the table has
// the label nowhere (it stood on the missing row); null otherwise.
const GroupSpec* group_label_to_carry(const Table& table, int index) {
  const TableSpec& spec = *table.spec;
  const std::string& id = spec.rows[static_cast<size_t>(index)].group;
  if (id.empty()) return nullptr;
  for (int before = 0; before < index; ++before)
    if (spec.rows[static_cast<size_t>(before)].group == id) return nullptr;
  for (size_t g = 0; g < spec.groups.size(); ++g) {
    if (spec.groups[g].id != id) continue;
    for (const GroupLabel& label : table.groups)
      if (label.group == static_cast<int>(g)) return nullptr;
    return &spec.groups[g];
  }
  return nullptr;
}

// `like`'s line with its label replaced by `label` (none when empty) and its value cells by `values` zeros: the text
// before the label (leading empty cells, indentation, pipes) and after the last value (trailing empty cells, the
// closing pipe) is copied as written, so the inserted row looks exactly like its neighbour.
std::string copy_layout(std::string_view text, const Row& like, const std::string& label, int values) {
  const size_t line = line_start_at(text, like.range.begin);
  const Cell& first_value = like.cells[like.value_cells.front()];
  const Cell& last_value = like.cells[like.value_cells.back()];
  const size_t leading = leading_cells(like);
  const size_t label_begin = leading > 0 ? like.cells[leading - 1].range.begin : first_value.range.begin;
  std::string row(text.substr(line, label_begin - line));
  row += label;
  for (int k = 0; k < values; ++k) row += (k == 0 && leading == 0 ? "" : cell_separator(like)) + "0";
  row += text.substr(last_value.range.end, line_end_at(text, last_value.range.end) - last_value.range.end);
  return row;
}

// The missing row's text (no terminator), laid out like its nearest neighbour in the same group (else any neighbour),
// 0 in every value cell. When the row must carry its group's label (the label stood on the missing row), the cells
// are rebuilt with the label before the row label. A table without any data row gets the template's row.
std::string missing_row_text(const Analysis& analysis, const Table& table, const std::vector<const Row*>& first,
                             int index) {
  const TableSpec& spec = *table.spec;
  const RowSpec& row = spec.rows[static_cast<size_t>(index)];
  const Row* like = nearest_present(table, first, index, -1, &row.group);
  if (!like) like = nearest_present(table, first, index, +1, &row.group);
  if (!like) like = nearest_present(table, first, index, -1, nullptr);
  if (!like) like = nearest_present(table, first, index, +1, nullptr);
  if (!like) {
    const TemplateStyle style = analysis.document_style(&table);
    std::string line = render_row(spec, index, style);
    return line.substr(0, line.size() - style.newline.size());
  }
  const GroupSpec* group = group_label_to_carry(table, index);
  if (!group && !like->value_cells.empty()) return copy_layout(analysis.report().text, *like, row.label, row.values);
  const size_t leading = leading_cells(*like);
  std::vector<std::string> cells(leading > 0 ? leading - 1 : 0);
  if (group && !cells.empty()) cells.back() = group->label;
  if (!spec.data_row_without_label) cells.push_back(row.label);
  cells.insert(cells.end(), static_cast<size_t>(row.values), "0");
  cells.insert(cells.end(), trailing_cells(*like), "");
  return format_row_like(cells, *like);
}

std::string row_name(const RowSpec& row) { return row.label.empty() ? "数据行" : row.label; }

// "“a”“b”“c”等 N 行": the first few names of `rows` and how many there are.
std::string name_list(const TableSpec& spec, const std::vector<int>& rows) {
  constexpr size_t kNamed = 3;
  std::string names;
  for (size_t k = 0; k < rows.size() && k < kNamed; ++k)
    names += "“" + row_name(spec.rows[static_cast<size_t>(rows[k])]) + "”";
  if (rows.size() > kNamed) names += "等";
  return names + " " + std::to_string(rows.size()) + " 行";
}

void check_table(const Analysis& analysis, const Table& table, DiagnosticSink& sink) {
  const Report& report = analysis.report();
  const TableSpec& spec = *table.spec;
  const std::string nl(newline_of(report.text));
  const std::vector<const Row*> first = first_rows(table);
  // A table rebuilt from one cell per line has no row layout to copy: its diagnostics come without the insertion.
  const auto offer = [&](Diagnostic& diagnostic, Fix fix) {
    if (!table.recovered) diagnostic.fixes.push_back(std::move(fix));
  };
  // The rows missing after the last present one: a table cut off (an excerpt ends, a page break lost the rest) lacks
  // them all at one place, which one diagnostic says better than one per row.
  std::vector<int> missing_at_end;
  for (int index = 0; index < static_cast<int>(spec.rows.size()); ++index) {
    if (first[static_cast<size_t>(index)]) continue;
    const RowSpec& row = spec.rows[static_cast<size_t>(index)];
    if (const Row* next = nearest_present(table, first, index, +1, nullptr)) {
      const std::string line = missing_row_text(analysis, table, first, index);
      const size_t label_end = next->label.empty() ? next->range.end : next->label.end;
      Diagnostic& diagnostic = sink.report(
          {next->content().begin, label_end}, "表格缺少规定的行“" + row_name(row) + "”，应位于“" +
                                              row_name(*row_spec(table, *next)) + "”行之前 / canonical row missing");
      const size_t at = line_start_at(report.text, next->range.begin);
      offer(diagnostic, Fix{"插入“" + row_name(row) + "”行（各列填 0）", false, {TextEdit{{at, at}, line + nl}}});
      continue;
    }
    missing_at_end.push_back(index);
  }
  if (missing_at_end.empty() || table.rows.empty()) return;
  const Row* previous = nearest_present(table, first, missing_at_end.front(), -1, nullptr);
  if (!previous) previous = &table.rows.back();
  const RowSpec* previous_spec = row_spec(table, *previous);
  const size_t after = line_end_at(report.text, previous->range.end);
  const std::string place = previous_spec ? "，应位于“" + row_name(*previous_spec) + "”行之后" : std::string();
  std::string inserted;
  for (int index : missing_at_end) inserted += nl + missing_row_text(analysis, table, first, index);
  if (missing_at_end.size() == 1) {
    const RowSpec& row = spec.rows[static_cast<size_t>(missing_at_end.front())];
    Diagnostic& diagnostic =
        sink.report({after, after}, "表格缺少规定的行“" + row_name(row) + "”" + place + " / canonical row missing");
    offer(diagnostic, Fix{"插入“" + row_name(row) + "”行（各列填 0）", false, {TextEdit{{after, after}, inserted}}});
    return;
  }
  Diagnostic& diagnostic = sink.report(
      {after, after}, "表格缺少规定的行" + name_list(spec, missing_at_end) + place + "（表格可能被截断） / " +
                          std::to_string(missing_at_end.size()) + " canonical rows missing (table cut off?)");
  offer(diagnostic, Fix{"插入缺少的 " + std::to_string(missing_at_end.size()) + " 行（各列填 0）", false,
                        {TextEdit{{after, after}, inserted}}});
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const Table& table : ctx.report.tables)
    if (table.spec) check_table(ctx.analysis, table, sink);
}

}  // namespace

extern const Rule rule_T202{kDescriptor, check};

}  // namespace xxgk
