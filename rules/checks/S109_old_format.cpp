// S109 old-format: a label or heading of the 2019 试行 format (or the 2008-era reports) in a report for 2021 or later.
#include <string>
#include <unordered_set>

#include "xxgk/normalize.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "S109",
    .slug = "old-format",
    .title_zh = "使用了旧版报告格式",
    .title_en = "Old report format used",
    .severity = Severity::Error,
    .fix = FixSafety::None,
    .fix_zh = "",
    .doc_zh =
        "检查 2021 年度及以后的报告（年度未知时也检查）是否仍使用旧版格式：统计表中出现 2019 年试行格式的"
        "栏目（如“本年新制作数量”“本年新公开数量”“对外公开总数量”“上一年项目数量”“本年增/减”“处理决定数量”"
        "“其他对外管理服务事项”“第二十条第（九）项”“政府集中采购”），或出现 2008 年条例时期报告的部分标题"
        "（如“概述”“依申请公开政府信息情况”“政府信息公开的收费及减免情况”）。\n\n"
        "国办公开办函〔2021〕30号自 2021 年度报告起启用新格式，取代国办公开办函〔2019〕60号印发的试行格式"
        "（format-2021.md 2.7、C-3）。栏目按整格比较（规范化后），因此新格式的“本年处理决定数量”不会被误认为"
        "旧格式的“处理决定数量”；“概述”只在作部分标题时才算。\n\n"
        "修复：按国办公开办函〔2021〕30号的格式重新填报统计表和标题（可用 `xxgk-lint init` 生成模板）。",
    .doc_en =
        "Checks that a report for 2021 or later (or of unknown year) does not use an old format: table labels of "
        "the 2019 试行 format (本年新制作数量, 本年新公开数量, 对外公开总数量, 上一年项目数量, 本年增/减, "
        "处理决定数量, 其他对外管理服务事项, 第二十条第（九）项, 政府集中采购 …) or section headings of the "
        "2008-era reports (概述, 依申请公开政府信息情况, 政府信息公开的收费及减免情况).\n\n"
        "国办公开办函〔2021〕30号 replaced the 试行 format of 国办公开办函〔2019〕60号 from the 2021 reports on "
        "(format-2021.md 2.7, C-3). Labels are compared as whole cells after normalisation, so the new "
        "本年处理决定数量 is not mistaken for the old 处理决定数量; 概述 counts only as a heading.\n\n"
        "Fix: redo the tables and headings in the 2021 format (`xxgk-lint init` prints the template).",
    .bad = "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量",
    .good = "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
};

std::string year_clause(const Report& report) {
  return report.year ? std::to_string(*report.year) + "年度报告" : "2021年度及以后的报告";
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  const Report& report = ctx.report;
  if (report.year && *report.year < ctx.format.first_year) return;
  const std::string rule_text = "应使用" + ctx.format.notice + "规定的格式 / old-format ";

  struct OldFormat {
    std::unordered_set<std::string> labels, headings;  // normalised; an empty wording names nothing
  };
  const OldFormat& old_format = derived_from_format(ctx.format, [](const FormatDefinition& format) {
    OldFormat old;
    for (const std::string& label : format.old_format_labels) old.labels.insert(normalize_label(label));
    for (const std::string& heading : format.old_format_headings) old.headings.insert(normalize_label(heading));
    old.labels.erase("");
    old.headings.erase("");
    return old;
  });
  for (const Table& table : report.tables)
    for (const Row& row : table.rows)
      for (const Cell& cell : row.cells) {
        // Only text cells have a normalised form: number cells are passed over without hashing.
        if (cell.range.empty() || cell.normalized.empty() || !old_format.labels.count(cell.normalized)) continue;
        sink.report(cell.range, "旧格式栏目“" + std::string(report.slice(cell.range)) + "”：" + year_clause(report) +
                                    rule_text + "label");
      }

  for (const Heading& heading : report.headings) {
    if (heading.text.empty() || !old_format.headings.count(heading.normalized)) continue;
    sink.report(heading.text, "旧格式标题“" + std::string(report.slice(heading.text)) + "”：" + year_clause(report) +
                                  rule_text + "heading");
  }
}

}  // namespace

extern const Rule rule_S109{kDescriptor, check};

}  // namespace xxgk
