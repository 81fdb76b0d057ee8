// C408 template-placeholder: template text left in a report (【待填写】, {机关名称}, {N}, 某某/××/XX for a name, a
// number or a date).
#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "xxgk/analysis.h"
#include "xxgk/normalize.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "C408",
    .slug = "template-placeholder",
    .title_zh = "报告中留有模板占位文字",
    .title_en = "Template placeholder left in the report",
    .severity = Severity::Error,
    .fix = FixSafety::None,
    .fix_zh = "",
    .doc_zh =
        "检查报告中是否留有模板的占位文字：`xxgk-lint init` 生成的“【待填写】”（以及“【请填写】”“【待补充】”），"
        "自动修复插入的标题占位“{机关名称}”“{N}”等花括号占位，模板说明“（具体网址）”，以及代替名称、数字或日期的"
        "“某某”“××”“XX”（“某某市某某局”“××年××月××日”“XX件”）。\n\n"
        "为避免误报：“某某”“XX”只在其后紧跟表示机关、地名、日期或数量的字（省、市、县、区、局、委、办、厅、部、镇、乡、"
        "街、村、所、年、月、日、号、件、条）时才算占位；“XX”还须不是英文单词、网址或编号的一部分（前后不是字母或数字）；"
        "单个“×”（乘号，如“12×5”）不算。HTML 注释中的文字不检查。\n\n"
        "依据：报告以机关名义向社会公开，留有模板文字说明内容未填写完整，不能报送或公开 [practice, "
        "国办公开办函〔2021〕30号“内容雷同、敷衍塞责”的问责要求]。\n\n"
        "修改方法：把占位文字换成实际内容（机关全称、年度、数字、网址），或删去不适用的模板句子。",
    .doc_en =
        "Finds template text left in a report: the “【待填写】” that `xxgk-lint init` prints (and “【请填写】”, "
        "“【待补充】”), brace placeholders such as “{机关名称}” and “{N}” that the automatic title fix inserts, the "
        "template note “（具体网址）”, and “某某”, “××” or “XX” standing for a name, a number or a date "
        "(“某某市某某局”, “××年××月××日”, “XX件”).\n\n"
        "To avoid false alarms, 某某 and XX count only when directly followed by a character of an agency, place, date "
        "or count (省 市 县 区 局 委 办 厅 部 镇 乡 街 村 所 年 月 日 号 件 条); XX must also not be part of a Latin word, "
        "URL or code (no letter or digit next to it); a single × (a multiplication sign, “12×5”) does not count. Text "
        "in HTML comments is not checked.\n\n"
        "Why: the report is published in the agency's name; template text shows it was not completed and must not "
        "be submitted or published [practice; the accountability clause of 国办公开办函〔2021〕30号 on perfunctory "
        "reports].\n\n"
        "How to fix: replace the placeholder with the real content (the agency's full name, the year, the number, "
        "the URL), or delete template sentences that do not apply.",
    .bad = "某某市某某局2024年政府信息公开工作年度报告\n\n（一）主动公开。【待填写】本年度主动公开工作情况。",
    .good = "青山市自然资源和规划局2024年政府信息公开工作年度报告\n\n（一）主动公开。全年主动公开政府信息1268条。",
};

constexpr size_t kMostBraceContentBytes = 8 * 3;  // {机关名称}, {N}, {YYYY}: a few characters

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_word(char c) { return is_ascii_letter(c) || (c >= '0' && c <= '9'); }

// Whether the text after `end` (inline spaces skipped) starts with one of the suffixes a placeholder stands before.
bool before_name_suffix(std::string_view text, size_t end, const std::u32string& suffixes) {
  size_t length = 0;
  const char32_t next = text::code_point_at(text, text::skip_inline_spaces(text, end), length);
  return length > 0 && suffixes.find(next) != std::u32string::npos;
}

// "{机关名称}", "{N}": a short brace pair on one line holding Han characters or Latin letters only.
std::optional<ByteRange> brace_placeholder(std::string_view text, size_t open) {
  const size_t limit = std::min(text.size(), open + 1 + kMostBraceContentBytes + 1);
  const size_t close = text.find('}', open + 1);
  if (close == std::string_view::npos || close >= limit || close == open + 1) return std::nullopt;
  const std::string_view inside = text.substr(open + 1, close - open - 1);
  const bool latin = std::all_of(inside.begin(), inside.end(), is_ascii_letter);
  bool han = true;
  for (size_t i = 0, length = 0; i < inside.size() && han; i += length)
    han = text::is_han(text::code_point_at(inside, i, length)) && length > 0;
  if (!latin && !han) return std::nullopt;
  return ByteRange{open, close + 1};
}

// A run of `unit` (某, ×, X/x) of at least two at `at`; its end, or `at` when there is none.
size_t run_end(std::string_view text, size_t at, std::initializer_list<std::string_view> units) {
  size_t end = at, count = 0;
  for (bool more = true; more;) {
    more = false;
    for (std::string_view unit : units)
      if (text.substr(end, unit.size()) == unit) {
        end += unit.size();
        ++count;
        more = true;
        break;
      }
  }
  return count >= 2 ? end : at;
}

struct MarkGroup {
  std::string first;               // the first character the group's marks share
  std::vector<std::string> marks;  // placeholder_marks beginning with it
};

void check(const CheckContext& context, DiagnosticSink& sink) {
  const Report& report = context.report;
  const std::string_view text = report.search_text();
  const std::u32string& suffixes = derived_from_format(
      context.format, [](const FormatDefinition& f) { return utf8_code_points(f.placeholder_name_suffixes); });
  // The marks grouped by their first character ("【待填写】", "【请填写】" … share "【"): the text is searched once per
  // group, not once per mark.
  const std::vector<MarkGroup>& groups = derived_from_format(context.format, [](const FormatDefinition& f) {
    std::vector<MarkGroup> grouped;
    for (const std::string& mark : f.placeholder_marks) {
      size_t length = 0;
      text::code_point_at(mark, 0, length);
      const std::string first = mark.substr(0, std::max<size_t>(length, 1));
      auto group = std::find_if(grouped.begin(), grouped.end(), [&](const MarkGroup& g) { return g.first == first; });
      if (group == grouped.end()) group = grouped.insert(grouped.end(), MarkGroup{first, {}});
      group->marks.push_back(mark);
    }
    return grouped;
  });
  std::vector<ByteRange> found;
  for (const MarkGroup& group : groups)
    for (size_t at = text::find_word(text, group.first); at != std::string_view::npos;
         at = text::find_word(text, group.first, at + group.first.size()))
      for (const std::string& mark : group.marks)
        if (text::starts_with_at(text, at, mark)) found.push_back({at, at + mark.size()});
  for (size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1))
    if (const auto braces = brace_placeholder(text, open)) found.push_back(*braces);
  for (size_t at = text::find_word(text, "××"); at != std::string_view::npos;) {
    const size_t end = run_end(text, at, {"×"});
    found.push_back({at, end});
    at = text::find_word(text, "××", end);
  }
  for (size_t at = text::find_word(text, "某某"); at != std::string_view::npos;) {
    const size_t end = run_end(text, at, {"某"});
    if (before_name_suffix(text, end, suffixes)) found.push_back({at, end});
    at = text::find_word(text, "某某", end);
  }
  const auto is_x = [](char c) { return c == 'X' || c == 'x'; };
  for (size_t at = text::find_ascii_byte(text, 0, text.size(), is_x); at < text.size();
       at = text::find_ascii_byte(text, at, text.size(), is_x)) {
    const size_t end = run_end(text, at, {"X", "x"});
    // Not part of a Latin word, a URL or a code: nothing Latin, no digit, no dot or slash next to it.
    const bool after_word = at > 0 && (is_ascii_word(text[at - 1]) || text[at - 1] == '.' || text[at - 1] == '/');
    const bool alone = !after_word && (end >= text.size() || !is_ascii_word(text[end]));
    if (end > at && alone && before_name_suffix(text, end, suffixes)) found.push_back({at, end});
    at = std::max(end, at + 1);
  }

  std::sort(found.begin(), found.end(), [](ByteRange a, ByteRange b) { return a.begin < b.begin; });
  for (const ByteRange range : found) {
    const bool commented = std::any_of(report.comments.begin(), report.comments.end(),
                                       [&](ByteRange comment) { return comment.overlaps(range); });
    if (commented) continue;
    sink.report(range, "报告中留有模板占位文字“" + std::string(report.slice(range)) +
                           "”，应填写实际内容 / template placeholder left in the report");
  }
}

}  // namespace

extern const Rule rule_C408{kDescriptor, check};

}  // namespace xxgk
