#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "xxgk/analysis.h"
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
    .fix_zh = "删除网站页脚中认得出的网站信息行（其他行仅在不安全修复中删除）；删除纯文本报告中的 Markdown 加粗标记“**”"
              "（保留其间文字）",
    .doc_zh =
        "报告三类从网页或编辑器带入的残留：\n\n"
        "1. **网站页脚**：报告末尾（最后一个部分标题之后）含“主办:”“承办:”“ICP备”“公网安备”“网站标识码”等"
        "（格式定义的 `footer_markers`）的行，以及夹在这些行之间和之后的短行（如“联系我们 站点地图”）。"
        "落款单位和落款日期保留。修复只删除认得出的网站信息行（含上述标记或“联系我们”“网站地图”“版权所有”等）"
        "及其前面的空行；页脚中的其他短行（如“附件：2022年度统计表”“联系电话：…”）可能是报告的内容，"
        "逐行另行报告，删除它们是不安全的修复（`--unsafe`）。\n"
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
        "deletes only the lines recognised as website chrome (the markers, or 联系我们, 网站地图, 版权所有 and the "
        "like), terminators included, and the blank lines before them; any other short line among the footer (such "
        "as “附件：2022年度统计表” or “联系电话：…”) may be the author's: it is reported on its own, and deleting it "
        "is an unsafe fix (`--unsafe`).\n"
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
  const auto date = prose::parse_date(text, content.begin);
  return date && date->range.end == content.end;
}

// A line that may belong to a website footer: short, not a sentence, not a date.
bool is_chrome_like(std::string_view text, ByteRange content) {
  const std::string_view line = text.substr(content.begin, content.size());
  return code_point_count(line) <= kMaxChromeLineCodePoints && line.find("。") == std::string_view::npos &&
         !is_date_line(text, content);
}

// Phrases of website chrome besides the format's footer markers: a footer line containing one is the site's, not
// the report's. Lines with none of them (an attachment, a contact line) may be the author's and are only deleted by
// the unsafe fix.
constexpr std::string_view kChromePhrases[] = {
    "联系我们", "网站地图", "站点地图", "关于我们", "网站声明", "免责声明", "隐私声明", "隐私政策", "版权所有",
    "Copyright", "copyright", "©", "返回顶部", "打印本页", "关闭窗口", "【打印】", "【关闭】", "分享到",
    "访问量", "浏览次数", "网站纠错", "我要纠错", "适老化", "无障碍", "网站导航", "政务微博", "官方微信"};

bool is_chrome(std::string_view line, const FormatDefinition& format) {
  return text::contains_any(line, format.footer_markers) ||
         std::any_of(std::begin(kChromePhrases), std::end(kChromePhrases),
                     [&](std::string_view phrase) { return line.find(phrase) != std::string_view::npos; });
}

// The footer found at the end of the text: the lines from its first marker line on (lines[first..]), the last
// non-blank one, and where its deletion starts (the end of the last report line, so the blank lines before go too).
struct Footer {
  size_t first = 0, last_text = 0;
  size_t delete_from = 0;
};

std::optional<Footer> find_footer(const CheckContext& context, const std::vector<text::Line>& lines) {
  const Report& report = context.report;
  const std::string_view text = report.search_text();
  // Walk back from the end over the footer: marker lines, chrome-like lines and blank lines.
  size_t first_marker = lines.size(), last_text = lines.size();
  for (size_t i = lines.size(); i-- > 0;) {
    const ByteRange content = lines[i].content;
    const std::string_view line = text.substr(content.begin, content.size());
    if (text::is_blank(line)) continue;
    const bool in_table = std::any_of(report.tables.begin(), report.tables.end(),
                                      [&](const Table& table) { return table.range.overlaps(content); });
    const bool marker = !in_table && text::contains_any(line, context.format.footer_markers);
    if (!marker && (in_table || !is_chrome_like(text, content))) break;
    if (last_text == lines.size()) last_text = i;
    if (marker) first_marker = i;
  }
  if (first_marker == lines.size()) return std::nullopt;
  Footer footer{first_marker, last_text, lines[first_marker].content.begin};
  for (size_t i = first_marker; i-- > 0;) {
    if (text::is_blank(text.substr(lines[i].content.begin, lines[i].content.size()))) continue;
    footer.delete_from = lines[i].next;
    break;
  }
  return footer;
}

void check_footer(const CheckContext& context, DiagnosticSink& sink) {
  const std::string_view text = context.report.search_text();
  const size_t tail_begin = context.report.headings.empty() ? 0 : context.report.headings.back().range.end;
  const std::vector<text::Line> lines = context.analysis.lines_in({tail_begin, text.size()});
  const std::optional<Footer> footer = find_footer(context, lines);
  if (!footer) return;
  auto line_text = [&](size_t i) { return text.substr(lines[i].content.begin, lines[i].content.size()); };

  // Which footer lines the safe fix deletes: chrome lines, and blank lines before a chrome line or trailing after
  // one. The others stay and are reported on their own, their deletion an unsafe fix.
  std::vector<bool> deleted(lines.size(), false);
  std::vector<size_t> kept;
  bool after_chrome = false;
  for (size_t i = lines.size(); i-- > footer->first;) {
    if (text::is_blank(line_text(i))) continue;
    deleted[i] = is_chrome(line_text(i), context.format);
    if (!deleted[i]) kept.insert(kept.begin(), i);
    // The blank lines between this line and the next non-blank one (or the end) go when that one goes, or, at the
    // end of the text, when this one does.
    const bool blanks_go = after_chrome || (i >= footer->last_text && deleted[i]);
    for (size_t j = i + 1; j < lines.size() && text::is_blank(line_text(j)); ++j) deleted[j] = blanks_go;
    after_chrome = deleted[i];
  }
  std::vector<TextEdit> edits;
  for (size_t i = footer->first; i < lines.size(); ++i) {
    if (!deleted[i]) continue;
    const size_t begin = i == footer->first ? footer->delete_from : lines[i].content.begin;
    if (!edits.empty() && edits.back().range.end == begin)
      edits.back().range.end = lines[i].next;
    else
      edits.push_back(TextEdit{{begin, lines[i].next}, ""});
  }

  const ByteRange range{lines[footer->first].content.begin, text::trimmed(text, lines[footer->last_text].content).end};
  std::string message = "报告正文后附有网站页脚信息（主办、承办、备案号等），不属于年报内容 / website footer after the report";
  if (!kept.empty())
    message += "；页脚中另有 " + std::to_string(kept.size()) + " 行不是网站信息，修复时保留 / " +
               std::to_string(kept.size()) + (kept.size() == 1 ? " line" : " lines") +
               " among it that are not website chrome stay";
  sink.report(range, std::move(message)).fixes.push_back(Fix{"删除报告末尾的网站页脚", true, std::move(edits)});
  for (size_t i : kept) {
    // The unsafe deletion takes the blank lines before the line too (the safe fix keeps those before a kept line).
    size_t from = i;
    while (from > footer->first && text::is_blank(line_text(from - 1))) --from;
    const ByteRange line = text::trimmed(text, lines[i].content);
    sink.report(line,
                "网站页脚中夹有其他文字“" + std::string(text.substr(line.begin, line.size())) +
                    "”，请确认是否属于报告 / text among the website footer: keep it if it belongs to the report")
        .fixes.push_back(Fix{"删除网站页脚中的这一行", false, {TextEdit{{lines[from].content.begin, lines[i].next}, ""}}});
  }
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
  if (step > 0) return text::code_point_at(text, text::skip_inline_spaces(text, pos), length);
  while (pos > 0) {
    pos = text::previous_code_point_start(text, pos);
    const char32_t c = text::code_point_at(text, pos, length);
    if (!text::is_inline_space(c)) return c;
  }
  return 0;
}

bool is_chinese_text(char32_t c) { return text::is_han(c) || text::is_chinese_punctuation(c); }

void check_english_words(const CheckContext& context, DiagnosticSink& sink) {
  const Report& report = context.report;
  const std::string_view text = report.search_text();
  for (const ByteRange& prose : context.analysis.document_prose()) {
    for (size_t pos = text::find_ascii_byte(text, prose.begin, prose.end, is_ascii_word_char); pos < prose.end;
         pos = text::find_ascii_byte(text, pos, prose.end, is_ascii_word_char)) {
      size_t end = pos;
      while (end < prose.end && is_ascii_word_char(text[end])) ++end;
      const ByteRange word{pos, end};
      pos = end;
      const bool lowercase_word = word.size() >= 3 && std::all_of(text.begin() + word.begin, text.begin() + word.end,
                                                                  is_lower_ascii);
      if (!lowercase_word || !is_chinese_text(neighbour(text, word.begin, -1)) ||
          !is_chinese_text(neighbour(text, word.end, +1)) || text::inside_title_marks(text, word.begin))
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
