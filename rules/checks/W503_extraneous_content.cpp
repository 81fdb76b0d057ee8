#include <algorithm>
#include <string>
#include <vector>

#include "content_util.h"
#include "xxgk/normalize.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "W503",
    .slug = "extraneous-content",
    .title_zh = "报告中混入网页或排版残留",
    .title_en = "Extraneous content",
    .severity = Severity::Info,
    .fix = FixSafety::Safe,
    .fix_zh = "删除网站页脚各行；删除纯文本报告中的 Markdown 加粗标记“**”（保留其间文字）",
    .doc_zh =
        "报告三类从网页或编辑器带入的残留：\n\n"
        "1. **网站页脚**：报告末尾（最后一个部分标题之后）含“主办:”“承办:”“ICP备”“公网安备”“网站标识码”等"
        "（格式定义的 `footer_markers`）的行，以及夹在这些行之间和之后的短行（如“联系我们 站点地图”）。"
        "落款单位和落款日期保留。修复删除这些整行（含换行符）及其前面的空行。\n"
        "2. **Markdown 加粗标记**：纯文本报告（不含 Markdown 标题或表格）中的 `**`，每行报告一次。修复只删除 `**`，"
        "不删除其间的文字。Markdown 报告中的 `**` 是合法的加粗，不报告。\n"
        "3. **夹杂的英文单词**：中文正文中前后（忽略空格）都是汉字或中文标点的、全由小写字母组成的3个以上字母的单词，"
        "如“政府出台的 latest 政策文件”。大写缩写（LED、ICP、QQ）、网址、邮箱、书名号内的文字不报告。此类不提供修复，"
        "因为删除后句子可能仍需改写。\n\n"
        "依据：年报正文之外的网页元素、排版符号和残留单词不属于报告内容 [practice, format-2021.md C-14]。\n\n"
        "修改方法：删除这些内容。",
    .doc_en =
        "Reports three kinds of leftovers from web pages and editors:\n\n"
        "1. **Website footer**: lines at the end of the report (after the last section heading) containing 主办:, "
        "承办:, ICP备, 公网安备, 网站标识码 and the like (the format definition's `footer_markers`), and the short "
        "lines between and after them (such as “联系我们 站点地图”). The signature (body and date) stays. The fix "
        "deletes these whole lines, terminators included, and the blank lines before them.\n"
        "2. **Markdown bold markers**: `**` in a plain-text report (one without Markdown headings or tables), once "
        "per line. The fix deletes the `**` only, not the text between them. In a Markdown report `**` is legitimate "
        "bold and is not reported.\n"
        "3. **Stray English words**: an all-lowercase ASCII word of three or more letters with Chinese characters "
        "or Chinese punctuation on both sides (spaces ignored), as in “政府出台的 latest 政策文件”. Upper-case "
        "abbreviations (LED, ICP, QQ), URLs, e-mail addresses and text inside 《》 are not reported. No fix: the "
        "sentence may need rewording.\n\n"
        "Why: web-page elements, formatting symbols and leftover words are not part of the report [practice, "
        "format-2021.md C-14].\n\n"
        "How to fix: delete them.",
    .bad = "呼伦贝尔经济技术开发区管委会\n2023年1月11日\n主办:呼伦贝尔经济技术开发区管理委员会\n蒙ICP备19004337号-1",
    .good = "呼伦贝尔经济技术开发区管委会\n2023年1月11日",
};

constexpr size_t kMaxChromeLineCodePoints = 40;

bool is_date_line(std::string_view text, ByteRange content) {
  const auto date = content::parse_date(text, content.begin);
  return date && date->range.end == content.end;
}

// A line that may belong to a website footer: short, not a sentence, not a date.
bool is_chrome_like(std::string_view text, ByteRange content) {
  const std::string_view line = text.substr(content.begin, content.size());
  return code_point_count(line) <= kMaxChromeLineCodePoints && line.find("。") == std::string_view::npos &&
         !is_date_line(text, content);
}

void check_footer(const CheckContext& context, DiagnosticSink& sink) {
  const Report& report = context.report;
  const FormatDefinition& format = context.format;
  const std::string_view text = report.search_text();
  const size_t tail_begin = report.headings.empty() ? 0 : report.headings.back().range.end;
  const std::vector<content::Line> lines = content::lines_in(context, {tail_begin, text.size()});
  // Walk back from the end over the footer: marker lines, chrome-like lines and blank lines.
  size_t first_marker = lines.size(), last_text = lines.size();
  for (size_t i = lines.size(); i-- > 0;) {
    const ByteRange content = lines[i].content;
    const std::string_view line = text.substr(content.begin, content.size());
    if (content::is_blank(line)) continue;
    const bool in_table = std::any_of(report.tables.begin(), report.tables.end(),
                                      [&](const Table& table) { return table.range.overlaps(content); });
    const bool marker = !in_table && content::contains_any(line, format.footer_markers);
    if (!marker && (in_table || !is_chrome_like(text, content))) break;
    if (last_text == lines.size()) last_text = i;
    if (marker) first_marker = i;
  }
  if (first_marker == lines.size()) return;
  // Delete from the end of the last report line: the blank lines before the footer go with it.
  size_t delete_from = lines[first_marker].content.begin;
  for (size_t i = first_marker; i-- > 0;) {
    if (content::is_blank(text.substr(lines[i].content.begin, lines[i].content.size()))) continue;
    delete_from = lines[i].next;
    break;
  }
  const ByteRange footer{lines[first_marker].content.begin, content::trimmed(text, lines[last_text].content).end};
  sink.report(footer, "报告正文后附有网站页脚信息（主办、承办、备案号等），不属于年报内容 / website footer after the "
                      "report")
      .fixes.push_back(Fix{"删除报告末尾的网站页脚", true, {TextEdit{{delete_from, text.size()}, ""}}});
}

void check_bold_markers(const Report& report, DiagnosticSink& sink) {
  if (report.markdown) return;
  const std::string_view text = report.search_text();
  // From one '*' to the next (memchr), line by line: most lines have none.
  for (size_t star = text.find('*'); star != std::string_view::npos;) {
    const size_t line_end = line_end_at(text, star);
    std::vector<TextEdit> edits;
    for (size_t pos = star; pos < line_end; pos = text.find('*', pos)) {
      size_t end = pos;
      while (end < line_end && text[end] == '*') ++end;
      if (end - pos >= 2) edits.push_back({{pos, end}, ""});
      pos = end;
    }
    star = text.find('*', line_end);
    if (edits.empty()) continue;
    const ByteRange span{edits.front().range.begin, edits.back().range.end};
    sink.report(span, "纯文本报告中出现Markdown加粗标记“**”，应删除 / stray Markdown bold markers")
        .fixes.push_back(Fix{"删除加粗标记“**”", true, std::move(edits)});
  }
}

bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The code point next to `pos` in direction `step` (-1 before, +1 after), skipping inline spaces.
char32_t neighbour(std::string_view text, size_t pos, int step) {
  size_t length = 0;
  if (step > 0) return content::code_point_at(text, content::skip_inline_spaces(text, pos), length);
  while (pos > 0) {
    pos = content::previous_code_point_start(text, pos);
    const char32_t c = content::code_point_at(text, pos, length);
    if (!content::is_inline_space(c)) return c;
  }
  return 0;
}

bool is_chinese_text(char32_t c) { return content::is_han(c) || content::is_chinese_punctuation(c); }

void check_english_words(const CheckContext& context, DiagnosticSink& sink) {
  const Report& report = context.report;
  const std::string_view text = report.search_text();
  for (const ByteRange& prose : content::document_prose(context)) {
    for (size_t pos = content::find_ascii_byte(text, prose.begin, prose.end, is_ascii_word_char); pos < prose.end;
         pos = content::find_ascii_byte(text, pos, prose.end, is_ascii_word_char)) {
      size_t end = pos;
      while (end < prose.end && is_ascii_word_char(text[end])) ++end;
      const ByteRange word{pos, end};
      pos = end;
      const bool lowercase_word = word.size() >= 3 && std::all_of(text.begin() + word.begin, text.begin() + word.end,
                                                                  is_lower_ascii);
      if (!lowercase_word || !is_chinese_text(neighbour(text, word.begin, -1)) ||
          !is_chinese_text(neighbour(text, word.end, +1)) || content::inside_title_marks(text, word.begin))
        continue;
      sink.report(word, "中文正文中夹杂英文单词“" + std::string(report.slice(word)) +
                            "”，疑为编辑残留 / stray English word in Chinese prose");
    }
  }
}

void check(const CheckContext& context, DiagnosticSink& sink) {
  check_footer(context, sink);
  check_bold_markers(context.report, sink);
  check_english_words(context, sink);
}

}  // namespace

extern const Rule rule_W503{kDescriptor, check};

}  // namespace xxgk
