// S109 old-format: a label or heading of the 2019 试行 format (or the 2008-era reports) in a report for 2021 or later;
// a report for an earlier year (or, its year unknown, written only in an old format) gets one finding saying so.
#include <algorithm>
#include <optional>
#include <string>
#include <unordered_set>

#include "old_format.h"
#include "xxgk/analysis.h"
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
        "2021 年以前年度的报告按其年度的格式编写：2019、2020 年度用国办公开办函〔2019〕60号的试行格式，"
        "更早的年度用 2008 年条例时期的格式。这样的报告只得到一条本规则的提示（info），说明其年度所用的格式、"
        "2021 年格式的各项检查不适用，不再有其他诊断。报告年度取自配置的 `year`、标题或统计期限；"
        "年度无法确定时，若正文只有旧格式的痕迹（试行格式的表格栏目，或“一、概述”“政府信息公开总体工作情况”"
        "等 2008 年时期的标题）而没有 2021 年格式的表格和标题，也按旧格式报告处理。正文中提到更早的年份"
        "（如引用 2019 年的文件）不影响报告年度。\n\n"
        "2021 年度及以后的报告在前言中只以国办公开办函〔2019〕60号（或其标题“……关于政府信息公开工作年度报告有关事项的"
        "通知”）为编制依据、未引用国办公开办函〔2021〕30号时，另报告一条提示（info，format-2021.md C-9）。\n\n"
        "修复：按国办公开办函〔2021〕30号的格式重新填报统计表和标题（可用 `xxgk-lint init` 生成模板）。",
    .doc_en =
        "Checks that a report for 2021 or later (or of unknown year) does not use an old format: table labels of "
        "the 2019 试行 format (本年新制作数量, 本年新公开数量, 对外公开总数量, 上一年项目数量, 本年增/减, "
        "处理决定数量, 其他对外管理服务事项, 第二十条第（九）项, 政府集中采购 …) or section headings of the "
        "2008-era reports (概述, 依申请公开政府信息情况, 政府信息公开的收费及减免情况).\n\n"
        "国办公开办函〔2021〕30号 replaced the 试行 format of 国办公开办函〔2019〕60号 from the 2021 reports on "
        "(format-2021.md 2.7, C-3). Labels are compared as whole cells after normalisation, so the new "
        "本年处理决定数量 is not mistaken for the old 处理决定数量; 概述 counts only as a heading.\n\n"
        "A report for a year before 2021 follows the format of its year: the 试行 format of 国办公开办函〔2019〕60号 "
        "for 2019 and 2020, the 2008-era format before. Such a report gets this rule's one finding (info) naming "
        "the format of its year and saying that the 2021 checks do not apply, and no other diagnostic. The year "
        "comes from the configured `year`, the title or the statistics period; when it is unknown, a text with "
        "only an old format's marks (the 试行 table labels, or 2008-era headings such as 一、概述 and "
        "政府信息公开总体工作情况) and none of the 2021 tables and headings is taken as an old report too. Earlier "
        "years mentioned in the text (a cited 2019 document) do not change the report's year.\n\n"
        "A report for 2021 or later whose preamble cites only 国办公开办函〔2019〕60号 (or its title "
        "\"……关于政府信息公开工作年度报告有关事项的通知\") as its basis, without the 2021 notice, gets an info as well "
        "(format-2021.md C-9).\n\n"
        "Fix: redo the tables and headings in the 2021 format (`xxgk-lint init` prints the template).",
    .bad = "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量",
    .good = "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
};

std::string year_clause(const Report& report) {
  return report.year ? std::to_string(*report.year) + "年度报告" : "2021年度及以后的报告";
}

// Where the one finding on an old report stands: its title, else its first heading, else its first line.
ByteRange old_report_anchor(const Report& report) {
  if (report.title && !report.title->lines.empty()) return report.title->lines.front();
  if (!report.headings.empty()) return report.headings.front().range;
  const std::string_view first_line = trim(report.text.substr(0, line_end_at(report.text, 0)));
  const size_t begin = static_cast<size_t>(first_line.data() - report.text.data());
  return {begin, begin + first_line.size()};
}

void report_old_report(const CheckContext& ctx, const OldFormatFinding& finding, DiagnosticSink& sink) {
  const Report& report = ctx.report;
  const FormatDefinition& format = ctx.format;
  const bool trial = finding.format == OldFormat::Trial2019;
  const std::string format_zh = trial ? format.trial_notice + "印发的试行格式" : "2008年《条例》时期的格式";
  const std::string format_en = trial ? "the 2019 试行 format" : "the 2008-era format";
  const std::string first_year = std::to_string(format.first_year);
  const std::string whose = finding.from_year ? std::to_string(*report.year) + "年度报告按其年度使用" : "未能确定报告年度，正文按";
  const std::string whose_en = finding.from_year ? "a report for " + std::to_string(*report.year) + " follows "
                                                 : "the year is unknown and the text follows ";
  sink.report(old_report_anchor(report),
              whose + format_zh + "编写；" + format.notice + "规定的格式自" + first_year + "年度报告起施行，其各项检查"
                  "不适用于本报告 / " + whose_en + format_en + "; the " + first_year + " format's checks do not apply",
              Severity::Info);
}

// The preamble's citation of the 试行 format's notice as the report's basis (format-2021.md C-9): "(国办公开办函〔2019〕
// 60号)", or its title "《……关于政府信息公开工作年度报告有关事项的通知》"; where it is written, when the preamble does
// not cite the 2021 notice too.
std::optional<ByteRange> outdated_basis(const CheckContext& ctx) {
  const Report& report = ctx.report;
  const FormatDefinition& format = ctx.format;
  const std::string_view text = report.search_text();
  const std::vector<ByteRange> preamble = ctx.analysis.prose_in(report.preamble);
  if (text::mentions_any(text, preamble, format.notice_marks)) return std::nullopt;
  constexpr size_t kYearBeforeNumberBytes = 12;  // "2019〕60号", "[2019]60号"
  for (const ByteRange& prose : preamble) {
    for (size_t at = text::find_word(text.substr(0, prose.end), format.trial_number, prose.begin);
         at != std::string_view::npos; at = text::find_word(text.substr(0, prose.end), format.trial_number, at + 1)) {
      const size_t from = std::max(prose.begin, at > kYearBeforeNumberBytes ? at - kYearBeforeNumberBytes : 0);
      const size_t year = text.substr(from, at - from).find(std::to_string(format.trial_first_year));
      if (year != std::string_view::npos) return ByteRange{from + year, at + format.trial_number.size()};
    }
    const size_t title = text::find_word(text.substr(0, prose.end), format.trial_title_words, prose.begin);
    if (title != std::string_view::npos) return ByteRange{title, title + format.trial_title_words.size()};
  }
  return std::nullopt;
}

void report_outdated_basis(const CheckContext& ctx, DiagnosticSink& sink) {
  const auto basis = outdated_basis(ctx);
  if (!basis) return;
  sink.report(*basis,
              "前言以" + ctx.format.trial_notice + "（试行格式的通知）为编制依据，" + std::to_string(ctx.format.first_year) +
                  "年度起应依据" + ctx.format.notice + " / the preamble cites the superseded 试行 notice as its basis",
              Severity::Info);
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  const Report& report = ctx.report;
  if (const OldFormatFinding old = old_format_of(report, ctx.format); old.format != OldFormat::None) {
    report_old_report(ctx, old, sink);
    return;
  }
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
  report_outdated_basis(ctx, sink);
}

}  // namespace

extern const Rule rule_S109{kDescriptor, check};

}  // namespace xxgk
