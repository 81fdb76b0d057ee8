// T209 table-layout-unreadable: a table whose text names its schema but whose cells cannot be recovered.
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "T209",
    .slug = "table-layout-unreadable",
    .title_zh = "表格版式无法识别",
    .title_en = "A table's layout cannot be read",
    .severity = Severity::Warning,
    .fix = FixSafety::None,
    .fix_zh = "",
    .doc_zh =
        "检查统计表能否按行、按格读出。从网页或文档复制的表格常失去版式：每格一行、格与格之间隔着空行或只有“|”的行、"
        "或整张表压成一串文字和数字（“规章000行政规范性文件8855698”）。检查工具先按规定格式的行标签和每行的数值个数"
        "重组各行；重组不出完整的规定行时（例如数字连写无法拆分），对该表只报告这一条，不再逐行报告缺行、多行、"
        "格数不符等问题，也不核对该表的数字。\n\n"
        "依据：国办公开办函〔2021〕30号所附表格规定了行和列；无法按格读出的表格既不能核对，也无法汇总。\n\n"
        "修复：按规定格式重新制表，每行一个统计项目，单元格之间用制表符或“|”分隔。",
    .doc_en =
        "Checks that a table can be read row by row and cell by cell. Tables copied from web pages or documents often "
        "lose their layout: one cell per line, cells separated by blank lines or lines holding a bare `|`, or the whole "
        "table flattened into one run of labels and digits (`规章000行政规范性文件8855698`). The checker first rebuilds "
        "the rows from the format's row labels and the number of values each row takes; when that does not give whole "
        "canonical rows (digits written together cannot be split, for instance), this one diagnostic is reported for "
        "the table instead of per-row missing, unexpected or misshapen rows, and the table's figures are not checked.\n\n"
        "Why: the tables annexed to notice 国办公开办函〔2021〕30号 fix the rows and columns; a table whose cells "
        "cannot be told apart can be neither checked nor aggregated.\n\n"
        "Fix: write the table again in the format's layout, one item per row, cells separated by tabs or `|`.",
    .bad = "二、主动公开政府信息情况第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 "
           "规章000行政规范性文件8855698 三、收到和处理政府信息公开申请情况 …\n",
    .good = "二、主动公开政府信息情况\n第二十条第（一）项\t\t\t\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
            "规章\t0\t0\t0\n行政规范性文件\t88\t5\t5698\n",
};

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const Table& table : ctx.report.tables)
    if (table.unreadable && table.spec)
      sink.report(table.range, "“" + table.spec->title + "”表格的单元格无法按行读出（版式在复制中丢失），未核对该表 / "
                                                          "the table's cells cannot be read; its figures are not checked");
}

}  // namespace

extern const Rule rule_T209{kDescriptor, check};

}  // namespace xxgk
