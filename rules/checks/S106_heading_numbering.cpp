// S106 heading-numbering: a section heading carries another section's numeral, or sub-items skip or repeat a number.
#include <algorithm>
#include <optional>

#include "structure_util.h"
#include "xxgk/normalize.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "S106",
    .slug = "heading-numbering",
    .title_zh = "编号错误",
    .title_en = "Wrong numbering",
    .severity = Severity::Error,
    .fix = FixSafety::Safe,
    .fix_zh = "改正编号：部分标题改为其内容对应的序号；子项按顺序重新编号。",
    .doc_zh =
        "检查两类编号：\n\n"
        "1. 部分标题的序号与其文字不符，例如文字是“主动公开政府信息情况”（第二部分）却写成“三、”；\n"
        "2. 子项编号跳号或重号：各部分内的小标题“（一）（二）（四）”，或段落内的“一是……三是……三是”。"
        "小标题按部分分别计数，“一是、二是”按段落分别计数；嵌套的编号（“（一）”下再分“一是、二是”，"
        "或“二是”之下再列“一是、二是”）分层计数；段落以“三是”开头（上一段的续写）时不作判断。"
        "括号内夹有空格的编号（“( 二)”“（ 三 ）”，常见于从网页复制的文本）照常计数。\n\n"
        "六个部分的序号由国办公开办函〔2021〕30号规定的格式确定（format-2021.md 2.3）；"
        "跳号、重号常是删改内容后遗留的痕迹，会让读者以为漏掉了内容。\n\n"
        "修复：部分标题的序号改为其文字对应的序号；子项从出错处起按顺序重新编号（只改括号或“是”前的数字）。",
    .doc_en =
        "Checks two kinds of numbering:\n\n"
        "1. a section heading whose numeral disagrees with its text, e.g. \"三、主动公开政府信息情况\" (the text is "
        "section 二's);\n"
        "2. sub-items that skip or repeat a number: sub-headings \"（一）（二）（四）\" within a section, or inline "
        "enumerations \"一是……三是……三是\" within a paragraph. Sub-headings are counted per section, inline markers "
        "per paragraph; nested enumerations (\"一是、二是\" under a \"（一）\", or a new \"一是\" list inside \"二是\") "
        "are counted per level; a paragraph that starts at \"三是\" (continuing the previous one) is not judged. A number "
        "with a stray space inside its brackets (\"( 二)\", \"（ 三 ）\", common in text copied from a web page) counts "
        "as written.\n\n"
        "The section numerals are fixed by the format issued with 国办公开办函〔2021〕30号 (format-2021.md 2.3); "
        "skipped or repeated numbers are usually left over from edits and make readers think content is missing.\n\n"
        "Fix: give the heading the numeral of its text; renumber sub-items consecutively from the first wrong one "
        "(only the numeral inside the brackets or before 是 changes).",
    .bad = "二是加强培训；三是完善制度；三是强化考核。",
    .good = "一是加强培训；二是完善制度；三是强化考核。",
};

// ---- section headings ---------------------------------------------------------------------------------------------

void check_heading_numerals(const CheckContext& ctx, DiagnosticSink& sink) {
  const Report& report = ctx.report;
  for (const Heading& heading : report.headings) {
    const SectionSpec* spec = ctx.format.section(heading.section);
    if (!spec || heading.numeral.empty() || heading.numeral_value == heading.section) continue;
    const std::string written(report.slice(heading.numeral));
    Diagnostic& diagnostic = sink.report(
        heading.numeral, "标题“" + std::string(report.slice({heading.numeral.begin, heading.range.end})) +
                             "”是第" + spec->numeral + "部分，序号应为“" + spec->numeral + "”，实际为“" + written +
                             "” / the heading of section " + std::to_string(spec->number) + " is numbered " + written);
    diagnostic.fixes.push_back(
        Fix{"将序号“" + written + "”改为“" + spec->numeral + "”", true, {TextEdit{heading.numeral, spec->numeral}}});
  }
}

// ---- sub-item sequences -------------------------------------------------------------------------------------------

// One numbered marker of a sequence, as written.
struct Marker {
  const SubItem* item;
  ByteRange numeral;  // the numeral inside the marker
};

// A wrong number found in a level, with the renumbering of that level's later markers.
struct Finding {
  ByteRange range;
  std::string message;
  std::string fix_title;
  std::vector<TextEdit> edits;
};

// One level of an enumeration being read: the numbers written so far and what they should have been.
struct Level {
  int written = 0;                  // the last number as written
  int expected = 0;                 // the last number after renumbering (differs once a wrong number was found)
  std::optional<size_t> finding;    // index of the level's finding, which collects the renumbering edits
};

std::string marker_text(std::string_view text, const Marker& marker, int value) {
  const ByteRange number = marker.item->number;
  return std::string(text.substr(number.begin, marker.numeral.begin - number.begin)) + chinese_numeral(value) +
         std::string(text.substr(marker.numeral.end, number.end - marker.numeral.end));
}

// Checks one enumeration (the sub-headings of a section, or the inline markers of a paragraph). A "一" opens a new
// level (a nested list, or a restart); any other number continues the innermost level it follows from, which closes
// the levels nested inside it. A number that follows from no level is an error of the innermost level, reported only
// when there is no nesting to make it ambiguous; that level's later numbers are then renumbered by the same fix.
void check_sequence(std::string_view text, const std::vector<Marker>& markers, DiagnosticSink& sink) {
  std::vector<Level> levels;
  std::vector<Finding> findings;
  for (const Marker& marker : markers) {
    const int value = marker.item->number_value;
    if (value <= 0) continue;
    if (value == 1) {
      levels.push_back({1, 1, std::nullopt});
      continue;
    }
    if (levels.empty()) {  // a list continued from an earlier paragraph: take it as written
      levels.push_back({value, value, std::nullopt});
      continue;
    }
    auto follows = [&](const Level& level) { return value == level.written + 1 || value == level.expected + 1; };
    auto owner = std::find_if(levels.rbegin(), levels.rend(), follows);
    if (owner != levels.rend()) {
      levels.erase(owner.base(), levels.end());  // close the lists nested inside it
      Level& level = levels.back();
      level.written = value;
      level.expected += 1;
      if (level.expected != value && level.finding)
        findings[*level.finding].edits.push_back({marker.numeral, chinese_numeral(level.expected)});
      continue;
    }
    Level& level = levels.back();
    const bool ambiguous = levels.size() > 1;
    const int expected = level.expected + 1;
    level.written = value;
    level.expected = expected;
    if (ambiguous || level.finding || marker.numeral.empty()) continue;
    const std::string written(text.substr(marker.item->number.begin, marker.item->number.size()));
    const std::string wanted = marker_text(text, marker, expected);
    const bool repeated = value < expected;
    level.finding = findings.size();
    findings.push_back({marker.item->number,
                        std::string(repeated ? "编号重复" : "编号跳号") + "：此处应为“" + wanted + "”，实际为“" +
                            written + "” / numbering " + (repeated ? "repeats" : "skips") + ": expected " + wanted,
                        "从“" + written + "”起按顺序重新编号",
                        {TextEdit{marker.numeral, chinese_numeral(expected)}}});
  }
  for (Finding& finding : findings)
    sink.report(finding.range, std::move(finding.message))
        .fixes.push_back(Fix{std::move(finding.fix_title), true, std::move(finding.edits)});
}

// Index of the paragraph containing `offset`, or the start of its line when no paragraph does (sub-heading lines).
size_t enumeration_scope(const Report& report, size_t offset) {
  const auto& paragraphs = report.paragraphs;
  auto after = std::upper_bound(paragraphs.begin(), paragraphs.end(), offset,
                                [](size_t at, const Paragraph& p) { return at < p.range.begin; });
  if (after != paragraphs.begin() && std::prev(after)->range.contains(offset))
    return static_cast<size_t>(std::prev(after) - paragraphs.begin());
  return paragraphs.size() + line_start_at(report.text, offset);
}

void check_subitems(const CheckContext& ctx, DiagnosticSink& sink) {
  const Report& report = ctx.report;
  std::vector<Marker> subheadings, inline_list;
  for (const Section& section : report.sections) {
    subheadings.clear();
    // The model lists the inline markers of a paragraph (or line) one after the other, in text order: a list ends
    // where the next marker's scope differs.
    size_t list_scope = 0;
    inline_list.clear();
    for (size_t index : section.subitems) {
      const SubItem& item = report.subitems[index];
      const Marker marker{&item, structure::subitem_numeral(report.text, item)};
      if (!item.inline_marker) {
        subheadings.push_back(marker);
        continue;
      }
      const size_t scope = enumeration_scope(report, item.number.begin);
      if (!inline_list.empty() && scope != list_scope) {
        check_sequence(report.text, inline_list, sink);
        inline_list.clear();
      }
      list_scope = scope;
      inline_list.push_back(marker);
    }
    check_sequence(report.text, inline_list, sink);
    check_sequence(report.text, subheadings, sink);
  }
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  check_heading_numerals(ctx, sink);
  check_subitems(ctx, sink);
}

}  // namespace

extern const Rule rule_S106{kDescriptor, check};

}  // namespace xxgk
