// T207 table-label-wording: a row or group label recognised as a canonical one but worded differently.
#include "table_util.h"
#include "xxgk/normalize.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "T207",
    .slug = "table-label-wording",
    .title_zh = "表格标签用语与规定不一致",
    .title_en = "A table label is worded differently from the format",
    .severity = Severity::Warning,
    .fix = FixSafety::Safe,
    .fix_zh = "把标签改为规定的用语。",
    .doc_zh =
        "检查统计表的行标签和分组标签是否使用年度报告格式规定的用语，例如“三、本年办理结果”应为“三、本年度办理结果”，"
        "“（二）部分公开”应写全“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”。"
        "只有空格、断行或全角半角不同的标签视为相同，不在此报告（半角括号由 W502 提示）。\n\n"
        "依据：国办公开办函〔2021〕30号所附表格规定了每一行的标签；标签一致，报告才能逐项比对、汇总，"
        "也便于读者确认数字对应的统计口径。\n\n"
        "修复：把标签改为规定的用语（修复直接替换）。",
    .doc_en =
        "Checks that row and group labels of the tables use the wording of the format, e.g. 三、本年度办理结果 rather "
        "than 三、本年办理结果, and the full label of row （二）部分公开 with its counting note. Labels that differ only "
        "in spaces, line breaks or character width are the same label and are not reported (half-width brackets are "
        "W502's concern).\n\n"
        "Why: the tables annexed to notice 国办公开办函〔2021〕30号 fix every label; identical labels let reports be "
        "compared and aggregated item by item, and tell the reader what each figure counts.\n\n"
        "Fix: replace the label with the canonical wording.",
    .bad = "三、本年办理结果\t（一）予以公开\t20\t3\t1\t1\t2\t0\t27\n",
    .good = "三、本年度办理结果\t（一）予以公开\t20\t3\t1\t1\t2\t0\t27\n",
};

bool worded_differently(Match match) { return match == Match::Variant || match == Match::Fuzzy; }

// Reports `written` unless it is the canonical label up to spaces, breaks, width and cell boundaries (a label spread
// over two label cells is still the same label). A label broken over lines is a parsing matter, not wording; a label
// spread over cells is reported without a fix, which would merge the cells.
void check_label(const Report& report, ByteRange written, const std::string& canonical, DiagnosticSink& sink) {
  const std::string_view text = report.slice(written);
  if (written.empty() || text.find_first_of("\r\n") != std::string_view::npos) return;
  std::string joined(text);
  std::erase(joined, '|');
  if (normalize_label(joined) == normalize_label(canonical)) return;
  Diagnostic& diagnostic = sink.report(written, "表格标签与规定用语不一致：应为“" + canonical + "”，实际为“" +
                                                    std::string(text) + "” / label differs from the format");
  if (text.find_first_of("\t|") == std::string_view::npos)
    diagnostic.fixes.push_back(Fix{"改为“" + canonical + "”", true, {TextEdit{written, canonical}}});
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const Table& table : ctx.report.tables) {
    if (!table.spec) continue;
    for (const Row& row : table.rows) {
      const RowSpec* spec = row_spec(table, row);
      if (spec && worded_differently(row.label_match)) check_label(ctx.report, row.label, spec->label, sink);
    }
    for (const GroupLabel& group : table.groups) {
      if (group.group < 0 || static_cast<size_t>(group.group) >= table.spec->groups.size()) continue;
      if (worded_differently(group.match))
        check_label(ctx.report, group.range, table.spec->groups[static_cast<size_t>(group.group)].label, sink);
    }
  }
}

}  // namespace

extern const Rule rule_T207{kDescriptor, check};

}  // namespace xxgk
