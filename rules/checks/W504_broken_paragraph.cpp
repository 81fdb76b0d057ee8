#include <algorithm>
#include <string>
#include <vector>

#include "xxgk/analysis.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "W504",
    .slug = "broken-paragraph",
    .title_zh = "段落被分页断开",
    .title_en = "Paragraph broken mid-sentence",
    .severity = Severity::Info,
    .fix = FixSafety::Safe,
    .fix_zh = "删除断开处的换行和空行，把两行接成一段",
    .doc_zh =
        "检查从PDF等分页文档复制时在句子中间断开的段落：一行正文没有以句末标点（。！？；：…”）》等）结束，"
        "其后隔着一个或多个空行，又接着一行正文，如“……实体大厅宣传台、办事指”／空行／“南手册等向社会公布……”。\n\n"
        "为避免误报，以下情形不报告：标题、部分标题、表格行；不含任何中文句读（，。；、：）的行"
        "（如“（一）主动公开”这样单独成行的小标题、落款单位）；以序号开头、序号之后不含句读的小标题行（“1、主动公开”）；"
        "下一行以小标题序号（（一）、1.、一、、一是）"
        "或 Markdown 标记开头；下一行是日期（落款日期）。\n\n"
        "依据：分页断开的段落是转换残留，会使句子和词语（“办事指南”）被拆开，影响阅读和检索 [practice]。\n\n"
        "修改方法（安全修复）：删除两行之间的换行符和空行（及首尾空白），把两行接成一行。",
    .doc_en =
        "Finds paragraphs split mid-sentence by a page break when copied from a paginated document: a prose line "
        "that does not end with terminal punctuation (。！？；：…”）》 and the like), one or more blank lines, then "
        "a continuation line, e.g. “……实体大厅宣传台、办事指” / blank / “南手册等向社会公布……”.\n\n"
        "Not reported, to avoid false alarms: titles, section headings and table rows; lines with no Chinese "
        "punctuation at all (a sub-heading alone on its line such as “（一）主动公开”, the signing body); a numbered "
        "sub-heading with no punctuation after its number (“1、主动公开”); a next line "
        "opening with an item number (（一）, 1., 一、, 一是) or a Markdown marker; a next line that is a date (the "
        "signature date).\n\n"
        "Why: a paragraph broken by a page break is a conversion leftover; it splits sentences and even words "
        "(“办事指南”), which hurts reading and search [practice].\n\n"
        "How to fix (safe fix): delete the line break and blank lines between the two lines (and the spaces around "
        "them), joining them into one line.",
    .bad = "实体大厅宣传台、办事指\n\n南手册等向社会公布。",
    .good = "实体大厅宣传台、办事指南手册等向社会公布。",
};

bool is_terminal(char32_t c) {
  return std::u32string_view(U"。！？；：…”’）」』》】〕.!?;:)\"").find(c) != std::u32string_view::npos;
}

bool has_chinese_punctuation(std::string_view line) {
  for (std::string_view mark : {"，", "。", "；", "、", "："})
    if (text::find_word(line, mark) != std::string_view::npos) return true;
  return false;
}

// Where the item number opening the line ends: （一） (一) 1. 1、 一、 一是; npos when the line opens no numbered item.
size_t item_number_end(std::string_view text, ByteRange content) {
  if (const size_t end = prose::subitem_marker_end(text, content.begin); end != std::string_view::npos) return end;
  if (const auto number = prose::parse_number(text, content.begin)) {
    size_t length = 0;
    const char32_t after = text::code_point_at(text, number->range.end, length);
    const char first = text[content.begin];
    if (after == U'.' || after == U'．' || after == U'、') return number->range.end + length;
    if (after == U'是' && !(first >= '0' && first <= '9')) return number->range.end + length;
  }
  return std::string_view::npos;
}

// The line opens a new item: a numbered one, or a Markdown block marker.
bool opens_item(std::string_view text, ByteRange content) {
  if (item_number_end(text, content) != std::string_view::npos) return true;
  const char first = text[content.begin];
  if (first == '#' || first == '>' || first == '|') return true;
  return (first == '-' || first == '*' || first == '+') && content.begin + 1 < content.end &&
         text[content.begin + 1] == ' ';
}

// The line is a numbered sub-heading written as prose ("1、主动公开", "2.依申请公开"): after its number, no
// punctuation of a sentence. What follows it is its body, not the rest of a broken sentence.
bool is_numbered_heading(std::string_view text, ByteRange content) {
  const size_t number_end = item_number_end(text, content);
  return number_end != std::string_view::npos &&
         !has_chinese_punctuation(text.substr(number_end, content.end - std::min(number_end, content.end)));
}

bool is_date_line(std::string_view text, ByteRange content) {
  const auto date = prose::parse_date(text, content.begin);
  return date && date->range.end == content.end;
}

// The ranges that are not paragraph text: title, headings, tables, comments; sorted (they do not overlap).
std::vector<ByteRange> structure_ranges(const Report& report) {
  std::vector<ByteRange> ranges;
  if (report.title) ranges.push_back(report.title->range());
  for (const Heading& heading : report.headings) ranges.push_back(heading.range);
  for (const Table& table : report.tables) ranges.push_back(table.range);
  ranges.insert(ranges.end(), report.comments.begin(), report.comments.end());
  std::sort(ranges.begin(), ranges.end(), [](ByteRange a, ByteRange b) { return a.begin < b.begin; });
  return ranges;
}

// Up to `count` code points at the end (`from_end`) or start of `range`, for the message.
std::string excerpt(std::string_view text, ByteRange range, size_t count, bool from_end) {
  size_t pos = from_end ? range.end : range.begin, length = 0;
  for (size_t i = 0; i < count && (from_end ? pos > range.begin : pos < range.end); ++i) {
    if (from_end) {
      pos = text::previous_code_point_start(text, pos);
    } else {
      text::code_point_at(text, pos, length);
      pos += length;
    }
  }
  return from_end ? std::string(text.substr(pos, range.end - pos))
                  : std::string(text.substr(range.begin, pos - range.begin));
}

void check(const CheckContext& context, DiagnosticSink& sink) {
  const Report& report = context.report;
  const std::string_view text = report.search_text();
  const std::vector<ByteRange> structure = structure_ranges(report);
  const std::vector<text::Line>& lines = context.analysis.lines();
  std::vector<bool> paragraph_line(lines.size(), false);
  size_t next_structure = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const ByteRange content = text::trimmed(text, lines[i].content);
    while (next_structure < structure.size() && structure[next_structure].end <= content.begin) ++next_structure;
    const bool structural = next_structure < structure.size() && structure[next_structure].overlaps(content);
    const std::string_view line = text.substr(content.begin, content.size());
    paragraph_line[i] = !content.empty() && !structural && line.find('\t') == std::string_view::npos &&
                        has_chinese_punctuation(line);
  }

  for (size_t i = 0; i < lines.size(); ++i) {
    if (!paragraph_line[i]) continue;
    const ByteRange before = text::trimmed(text, lines[i].content);
    // The last character, ignoring stray bold markers ("……公开情**").
    size_t end = before.end;
    while (end > before.begin && text[end - 1] == '*') --end;
    size_t length = 0;
    const size_t last = text::previous_code_point_start(text, end);
    if (is_terminal(text::code_point_at(text, last, length)) || is_numbered_heading(text, before)) continue;
    size_t j = i + 1;
    while (j < lines.size() && text::is_blank(text.substr(lines[j].content.begin, lines[j].content.size()))) ++j;
    if (j == i + 1 || j == lines.size() || !paragraph_line[j]) continue;
    const ByteRange after = text::trimmed(text, lines[j].content);
    if (opens_item(text, after) || is_date_line(text, after)) continue;
    size_t first_length = 0;
    const char32_t first = text::code_point_at(text, after.begin, first_length);
    // Words in Latin script keep a space between them; Chinese joins directly.
    const bool latin_join =
        text::is_ascii_alnum(text::code_point_at(text, last, length)) && text::is_ascii_alnum(first);
    sink.report({last, after.begin + first_length},
                "段落在“" + excerpt(text, {before.begin, end}, 4, true) + "”与“" + excerpt(text, after, 4, false) +
                    "”之间被分页断开，应接成一段 / paragraph broken mid-sentence")
        .fixes.push_back(Fix{"合并被断开的段落", true, {TextEdit{{before.end, after.begin}, latin_join ? " " : ""}}});
  }
}

}  // namespace

extern const Rule rule_W504{kDescriptor, check};

}  // namespace xxgk
