#include <string>
#include <vector>

#include "content_util.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "W501",
    .slug = "citation-format",
    .title_zh = "引用文件的标点不规范",
    .title_en = "Citation punctuation",
    .severity = Severity::Warning,
    .fix = FixSafety::Safe,
    .fix_zh = "只替换用错的标点：书名中的书名用〈〉、条例用《》、文号年份用〔〕",
    .doc_zh =
        "检查引用《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号通知时的标点：\n\n"
        "- 通知标题中嵌套的书名应写作“〈中华人民共和国政府信息公开工作年度报告格式〉”，不能用ASCII尖括号`<>`、"
        "全角`＜＞`，也不能在外层书名号内再用`《》`；\n"
        "- 条例名称应用书名号`《》`，不能用`<>`；\n"
        "- 文号中的年份应使用六角括号`〔2021〕`，不能用`[2021]`、`【2021】`、`（2021）`、`(2021)`、`﹝2021﹞`、"
        "`［2021］`。文号指汉字机关代字后紧跟“括号+年份+括号+序号+号”的写法，如“国办公开办函〔2021〕30号”"
        "“国办函〔2020〕109号”。\n\n"
        "依据：党政机关公文格式（GB/T 9704—2012）规定发文字号的年份用六角括号；书名号内再用书名时用单书名号 "
        "[practice, format-2021.md C-7、C-8]。\n\n"
        "修改方法（安全修复）：只把用错的标点换成规范标点，其余文字不变。",
    .doc_en =
        "Checks the punctuation of citations of the Regulation on the Disclosure of Government Information and of "
        "notice 国办公开办函〔2021〕30号:\n\n"
        "- the title nested in the notice's title is written “〈中华人民共和国政府信息公开工作年度报告格式〉”: not "
        "with ASCII `<>` or full-width `＜＞`, nor with `《》` inside the outer title marks;\n"
        "- the Regulation's name takes `《》`, not `<>`;\n"
        "- the year of a document number takes tortoise-shell brackets `〔2021〕`, not `[2021]`, `【2021】`, "
        "`（2021）`, `(2021)`, `﹝2021﹞` or `［2021］`. A document number is an issuer abbreviation in Chinese "
        "followed by bracket, year, bracket, serial and 号, as in “国办公开办函〔2021〕30号”, “国办函〔2020〕109号”.\n\n"
        "Why: the official document standard (GB/T 9704—2012) writes the year of a document number in 〔〕, and a "
        "title inside a title takes single title marks 〈〉 [practice, format-2021.md C-7, C-8].\n\n"
        "How to fix (safe fix): only the wrong marks are replaced; the text is unchanged.",
    .bad = "《国务院办公厅政府信息与政务公开办公室关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》"
           "（国办公开办函[2021]30号）",
    .good = "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》"
            "（国办公开办函〔2021〕30号）",
};

constexpr std::string_view kFormatTitle = "中华人民共和国政府信息公开工作年度报告格式";
constexpr std::string_view kRegulationTitle = "中华人民共和国政府信息公开条例";

struct Mark {
  ByteRange range;
  char32_t c = 0;
};

Mark mark_before(std::string_view text, size_t pos) {
  const size_t begin = content::previous_code_point_start(text, pos);
  size_t length = 0;
  return Mark{{begin, pos}, pos == 0 ? 0 : content::code_point_at(text, begin, length)};
}

Mark mark_at(std::string_view text, size_t pos) {
  size_t length = 0;
  const char32_t c = content::code_point_at(text, pos, length);
  return Mark{{pos, pos + length}, c};
}

void report_marks(DiagnosticSink& sink, std::string_view text, Mark open, Mark close, std::string_view right_open,
                  std::string_view right_close, std::string_view what) {
  const auto slice = [&](ByteRange range) { return std::string(text.substr(range.begin, range.size())); };
  const std::string wrong_open = slice(open.range), wrong_close = slice(close.range);
  const std::string inside = slice({open.range.end, close.range.begin});
  std::vector<TextEdit> edits;
  if (wrong_open != right_open) edits.push_back({open.range, std::string(right_open)});
  if (wrong_close != right_close) edits.push_back({close.range, std::string(right_close)});
  Diagnostic& diagnostic = sink.report(
      {open.range.begin, close.range.end},
      std::string(what) + "应写作“" + std::string(right_open) + inside + std::string(right_close) + "”，此处写作“" +
          wrong_open + inside + wrong_close + "” / use " + std::string(right_open) + std::string(right_close) +
          " in this citation");
  diagnostic.fixes.push_back(Fix{"将“" + wrong_open + "”“" + wrong_close + "”改为“" + std::string(right_open) + "”“" +
                                     std::string(right_close) + "”",
                                 true, std::move(edits)});
}

// The nested format title and the Regulation's name, with angle brackets or (for the nested title) title marks.
void check_titles(std::string_view text, DiagnosticSink& sink) {
  for (size_t at = content::find_word(text, kFormatTitle); at != std::string_view::npos;
       at = content::find_word(text, kFormatTitle, at + 1)) {
    const Mark open = mark_before(text, at), close = mark_at(text, at + kFormatTitle.size());
    const bool angle = (open.c == U'<' || open.c == U'＜') && (close.c == U'>' || close.c == U'＞');
    const bool nested_title_marks =
        open.c == U'《' && close.c == U'》' && content::inside_title_marks(text, open.range.begin);
    if (angle || nested_title_marks) report_marks(sink, text, open, close, "〈", "〉", "通知标题中的书名");
  }
  for (size_t at = content::find_word(text, kRegulationTitle); at != std::string_view::npos;
       at = content::find_word(text, kRegulationTitle, at + 1)) {
    const Mark open = mark_before(text, at), close = mark_at(text, at + kRegulationTitle.size());
    if ((open.c == U'<' || open.c == U'＜') && (close.c == U'>' || close.c == U'＞'))
      report_marks(sink, text, open, close, "《", "》", "条例名称");
  }
}

bool is_year_bracket_open(char32_t c) {
  return std::u32string_view(U"〔[【（(﹝［").find(c) != std::u32string_view::npos;
}
bool is_year_bracket_close(char32_t c) {
  return std::u32string_view(U"〕]】）)﹞］").find(c) != std::u32string_view::npos;
}

// Document numbers "国办公开办函[2021]30号", found backwards from each 号: serial digits, closing bracket, a year,
// opening bracket, and a Chinese issuer abbreviation before it.
void check_document_numbers(std::string_view text, DiagnosticSink& sink) {
  constexpr std::string_view kNumberSign = "号";
  for (size_t at = content::find_word(text, kNumberSign); at != std::string_view::npos;
       at = content::find_word(text, kNumberSign, at + 1)) {
    size_t pos = at;
    while (pos > 0 && text[pos - 1] >= '0' && text[pos - 1] <= '9') --pos;
    if (pos == at) continue;
    const Mark close = mark_before(text, pos);
    if (!is_year_bracket_close(close.c)) continue;
    const size_t year_end = close.range.begin;
    size_t year_begin = year_end;
    while (year_begin > 0 && year_end - year_begin < 4 && text[year_begin - 1] >= '0' && text[year_begin - 1] <= '9')
      --year_begin;
    const auto year = content::parse_number(text, year_begin);
    if (year_end - year_begin != 4 || !year || year->value < 1949 || year->value > 2100) continue;
    const Mark open = mark_before(text, year_begin);
    if (!is_year_bracket_open(open.c) || !content::is_han(mark_before(text, open.range.begin).c)) continue;
    if (open.c == U'〔' && close.c == U'〕') continue;
    report_marks(sink, text, open, close, "〔", "〕", "文号中的年份");
  }
}

void check(const CheckContext& context, DiagnosticSink& sink) {
  check_titles(context.report.search_text(), sink);
  check_document_numbers(context.report.search_text(), sink);
}

}  // namespace

extern const Rule rule_W501{kDescriptor, check};

}  // namespace xxgk
