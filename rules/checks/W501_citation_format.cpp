#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "xxgk/analysis.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "W501",
    .slug = "citation-format",
    .title_zh = "引用条例或格式通知的写法不规范",
    .title_en = "Citation of the Regulation or the format notice",
    .severity = Severity::Warning,
    .fix = FixSafety::Safe,
    .fix_zh = "只改用错的标点或漏写的“第”：书名中的书名用〈〉、条例用《》、文号年份用〔〕、令号写作“国务院令第711号”",
    .doc_zh =
        "检查引用《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号通知时的写法：\n\n"
        "- 通知标题中嵌套的书名应写作“〈中华人民共和国政府信息公开工作年度报告格式〉”，不能用ASCII尖括号`<>`、"
        "全角`＜＞`，也不能在外层书名号内再用`《》`；\n"
        "- 条例名称应用书名号`《》`，不能用`<>`；\n"
        "- 文号中的年份应使用六角括号`〔2021〕`，不能用`[2021]`、`【2021】`、`（2021）`、`(2021)`、`﹝2021﹞`、"
        "`［2021］`。文号指汉字机关代字后紧跟“括号+年份+括号+序号+号”的写法，如“国办公开办函〔2021〕30号”"
        "“国办函〔2020〕109号”；\n"
        "- 紧跟在条例名称后括号里的令号应为“国务院令第711号”（2019年修订的条例）：写错号码（如“国务院令第771号”）"
        "只提示不修复，漏写“第”（“国务院令711号”）则补上；\n"
        "- 格式通知的文号是“国办公开办函〔2021〕30号”：写成其他国务院办公厅机关代字而年份、序号相同，且紧跟在格式通知的"
        "标题之后、或不带标题而所在句子谈的是编制年度报告（如“按照国办发〔2021〕30号文件要求编制”）时提示，不修复。"
        "地方文件（如“宁政办公开办函〔2023〕2号”）和带着自己标题的其他国务院办公厅文件不受影响。只引用已被取代的国办公开办函〔2019〕60号通知作为依据的由 S109 提示。\n\n"
        "依据：党政机关公文格式（GB/T 9704—2012）规定发文字号的年份用六角括号；书名号内再用书名时用单书名号 "
        "[practice, format-2021.md C-7、C-8]。\n\n"
        "修改方法（安全修复）：只把用错的标点换成规范标点、补上漏写的“第”，其余文字不变。号码写错"
        "没有自动修复：应按原文核对后改正。",
    .doc_en =
        "Checks how the Regulation on the Disclosure of Government Information and notice 国办公开办函〔2021〕30号 "
        "are cited:\n\n"
        "- the title nested in the notice's title is written “〈中华人民共和国政府信息公开工作年度报告格式〉”: not "
        "with ASCII `<>` or full-width `＜＞`, nor with `《》` inside the outer title marks;\n"
        "- the Regulation's name takes `《》`, not `<>`;\n"
        "- the year of a document number takes tortoise-shell brackets `〔2021〕`, not `[2021]`, `【2021】`, "
        "`（2021）`, `(2021)`, `﹝2021﹞` or `［2021］`. A document number is an issuer abbreviation in Chinese "
        "followed by bracket, year, bracket, serial and 号, as in “国办公开办函〔2021〕30号”, “国办函〔2020〕109号”;\n"
        "- the decree number in the parenthesis right after the Regulation's name is “国务院令第711号” (the 2019 "
        "revision): a wrong number (“国务院令第771号”) is reported without a fix, a missing 第 (“国务院令711号”) is "
        "put in;\n"
        "- the format notice's number is “国办公开办函〔2021〕30号”: the same year and serial under another State "
        "Council office issuer code, right after the notice's title or, with no title, in a sentence about drafting "
        "the report (“按照国办发〔2021〕30号文件要求编制”), is reported without a fix. Local documents "
        "(“宁政办公开办函〔2023〕2号”) and other State Council documents named by their own titles are left alone. "
        "Citing only the superseded notice 国办公开办函〔2019〕60号 as the basis is S109's.\n\n"
        "Why: the official document standard (GB/T 9704—2012) writes the year of a document number in 〔〕, and a "
        "title inside a title takes single title marks 〈〉 [practice, format-2021.md C-7, C-8].\n\n"
        "How to fix (safe fix): only the wrong marks are replaced and a missing 第 is put in; the text is otherwise "
        "unchanged. Wrong numbers have no automatic fix: check the cited document and correct "
        "them.",
    .bad = "《国务院办公厅政府信息与政务公开办公室关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》"
           "（国办公开办函[2021]30号）",
    .good = "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》"
            "（国办公开办函〔2021〕30号）",
};


struct Mark {
  ByteRange range;
  char32_t c = 0;
};

Mark mark_before(std::string_view text, size_t pos) {
  const size_t begin = text::previous_code_point_start(text, pos);
  size_t length = 0;
  return Mark{{begin, pos}, pos == 0 ? 0 : text::code_point_at(text, begin, length)};
}

Mark mark_at(std::string_view text, size_t pos) {
  size_t length = 0;
  const char32_t c = text::code_point_at(text, pos, length);
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
void check_titles(std::string_view text, const FormatDefinition& format, DiagnosticSink& sink) {
  const std::string_view format_title = format.format_title, regulation_title = format.regulation_title;
  // Both names begin with the country's name and 政府信息公开: the text is searched once for what they share (by
  // whole characters), or for each name when they share nothing.
  size_t shared = 0;
  while (shared < format_title.size() && shared < regulation_title.size() &&
         format_title[shared] == regulation_title[shared])
    ++shared;
  while (shared > 0 && shared < format_title.size() && (static_cast<unsigned char>(format_title[shared]) & 0xC0) == 0x80)
    --shared;
  std::vector<size_t> format_titles, regulation_titles;
  const auto collect = [&](std::string_view beginning) {
    for (size_t at = text::find_word(text, beginning); at != std::string_view::npos;
         at = text::find_word(text, beginning, at + 1)) {
      if (text::starts_with_at(text, at, format_title)) format_titles.push_back(at);
      if (text::starts_with_at(text, at, regulation_title)) regulation_titles.push_back(at);
    }
  };
  if (shared > 0) {
    collect(format_title.substr(0, shared));
  } else {
    collect(format_title);
    collect(regulation_title);
  }
  for (const size_t at : format_titles) {
    const Mark open = mark_before(text, at), close = mark_at(text, at + format_title.size());
    const bool angle = (open.c == U'<' || open.c == U'＜') && (close.c == U'>' || close.c == U'＞');
    const bool nested_title_marks =
        open.c == U'《' && close.c == U'》' && text::inside_title_marks(text, open.range.begin);
    if (angle || nested_title_marks) report_marks(sink, text, open, close, "〈", "〉", "通知标题中的书名");
  }
  for (const size_t at : regulation_titles) {
    const Mark open = mark_before(text, at), close = mark_at(text, at + regulation_title.size());
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
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A document number "国办公开办函[2021]30号": a Chinese issuer abbreviation, bracket, year, bracket, serial, 号.
struct DocumentNumber {
  ByteRange range;         // from the issuer (or the opening bracket when no 国办 issuer is known) to 号
  std::string_view issuer;  // from the last "国办" before the bracket ("国办公开办函"), or empty for other issuers
  Mark open, close;
  long long year = 0, serial = 0;
};

// The document number ending with the 号 at `sign`, read backwards: serial digits, closing bracket, a year, opening
// bracket, and a Chinese issuer abbreviation before it.
std::optional<DocumentNumber> document_number_at(std::string_view text, size_t sign) {
  constexpr size_t kIssuerReach = 12;  // code points searched back for "国办": "国办公开办函" and a few before it
  size_t pos = sign;
  while (pos > 0 && is_digit(text[pos - 1])) --pos;
  if (pos == sign) return std::nullopt;
  DocumentNumber number;
  number.close = mark_before(text, pos);
  if (!is_year_bracket_close(number.close.c)) return std::nullopt;
  const size_t year_end = number.close.range.begin;
  size_t year_begin = year_end;
  while (year_begin > 0 && year_end - year_begin < 4 && is_digit(text[year_begin - 1])) --year_begin;
  const auto year = prose::parse_number(text, year_begin);
  if (year_end - year_begin != 4 || !year || year->value < 1949 || year->value > 2100) return std::nullopt;
  number.open = mark_before(text, year_begin);
  if (!is_year_bracket_open(number.open.c) || !text::is_han(mark_before(text, number.open.range.begin).c))
    return std::nullopt;
  const auto serial = prose::parse_number(text, pos);
  if (!serial) return std::nullopt;
  number.year = year->value;
  number.serial = serial->value;
  size_t issuer_begin = number.open.range.begin;
  for (size_t steps = 0; steps < kIssuerReach && issuer_begin > 0; ++steps) {
    const Mark before = mark_before(text, issuer_begin);
    if (!text::is_han(before.c)) break;
    issuer_begin = before.range.begin;
  }
  const size_t state_office =
      text::rfind_word(text.substr(0, number.open.range.begin), "国办", number.open.range.begin);
  if (state_office != std::string_view::npos && state_office >= issuer_begin)
    number.issuer = text.substr(state_office, number.open.range.begin - state_office);
  number.range = {number.issuer.empty() ? number.open.range.begin : state_office, sign + std::string_view("号").size()};
  return number;
}

// A State Council office number with the format notice's year and serial: the notice, whatever the issuer code.
bool has_notice_year_and_serial(const DocumentNumber& number, const DocumentNumber& notice) {
  return !number.issuer.empty() && number.year == notice.year && number.serial == notice.serial;
}

std::vector<DocumentNumber> document_numbers(std::string_view text) {
  constexpr std::string_view kNumberSign = "号";
  std::vector<DocumentNumber> numbers;
  for (size_t at = text::find_word(text, kNumberSign); at != std::string_view::npos;
       at = text::find_word(text, kNumberSign, at + 1))
    if (auto number = document_number_at(text, at)) numbers.push_back(*number);
  return numbers;
}

// The year of a document number in 〔〕.
void check_year_brackets(std::string_view text, const DocumentNumber& number, DiagnosticSink& sink) {
  if (number.open.c == U'〔' && number.close.c == U'〕') return;
  report_marks(sink, text, number.open, number.close, "〔", "〕", "文号中的年份");
}

// The title "《…》" that a document number follows in parentheses ("《…》（国办发〔2021〕30号）"), if any.
std::optional<std::string_view> cited_title(std::string_view text, const DocumentNumber& number) {
  const Mark paren = mark_before(text, number.range.begin);
  if (paren.c != U'(' && paren.c != U'（') return std::nullopt;
  const Mark close = mark_before(text, paren.range.begin);
  if (close.c != U'》') return std::nullopt;
  const size_t open = text::rfind_word(text.substr(0, close.range.begin), "《", close.range.begin);
  if (open == std::string_view::npos) return std::nullopt;
  return text.substr(open, close.range.end - open);
}

// The format notice's number written with another State Council issuer code ("国办发〔2021〕30号文件要求编制"): the
// year and serial are the notice's, and the title it follows is the notice's or, with no title, the sentence is
// about drafting the report, so the notice is meant. A local document ("宁政办公开办函〔2023〕2号") or another State
// Council document, named by its own title, is left alone.
void check_format_notice_number(const CheckContext& context, const DocumentNumber& notice,
                                const DocumentNumber& number, DiagnosticSink& sink) {
  const std::string_view text = context.report.search_text();
  if (!has_notice_year_and_serial(number, notice) || number.issuer == notice.issuer) return;
  if (const auto title = cited_title(text, number)) {
    if (text::find_word(*title, context.format.format_title) == std::string_view::npos) return;
  } else {
    const ByteRange sentence = text::sentence_around(text, number.range.begin, {0, text.size()});
    static const std::vector<std::string> kAboutTheReport = {"编制", "年度报告", "年报", "格式"};
    if (text::find_any(text, sentence, kAboutTheReport) == std::string_view::npos) return;
  }
  sink.report(number.range, "年度报告格式通知的文号应写作“" + context.format.notice + "”，此处写作“" +
                                std::string(text.substr(number.range.begin, number.range.size())) +
                                "” / the format notice is " + context.format.notice);
}

// The Regulation's decree number in the parenthesis right after its name: "《中华人民共和国政府信息公开条例》
// （国务院令第711号）" (the revision of 2019, in force for every report checked here). A wrong number is reported
// with no fix (which number was meant is not the checker's to decide); a missing 第 is put in.
constexpr std::string_view kRegulationDecreeIssuer = "国务院令";
constexpr long long kRegulationDecree = 711;

void check_regulation_decrees(std::string_view text, DiagnosticSink& sink) {
  static const std::vector<std::string_view> kRegulationNames = {"政府信息公开条例》", "《条例》"};
  for (size_t at = text::find_word(text, kRegulationDecreeIssuer); at != std::string_view::npos;
       at = text::find_word(text, kRegulationDecreeIssuer, at + 1)) {
    const Mark paren = mark_before(text, at);
    if (paren.c != U'(' && paren.c != U'（') continue;
    const bool after_regulation = std::any_of(kRegulationNames.begin(), kRegulationNames.end(), [&](auto name) {
      return text::ends_with_at(text, paren.range.begin, name);
    });
    if (!after_regulation) continue;
    size_t pos = at + kRegulationDecreeIssuer.size();
    const bool ordinal = text::starts_with_at(text, pos, "第");
    if (ordinal) pos += std::string_view("第").size();
    const auto decree = prose::parse_number(text, pos);
    if (!decree || !is_digit(text[pos]) || !text::starts_with_at(text, decree->range.end, "号")) continue;
    const ByteRange written{at, decree->range.end + std::string_view("号").size()};
    const std::string as_written(text.substr(written.begin, written.size()));
    const std::string expected = std::string(kRegulationDecreeIssuer) + "第" + std::to_string(kRegulationDecree) + "号";
    if (ordinal && decree->value == kRegulationDecree) continue;
    Diagnostic& diagnostic = sink.report(written, "条例的令号应写作“" + expected + "”，此处写作“" + as_written +
                                                      "” / the Regulation is " + expected);
    if (decree->value == kRegulationDecree)
      diagnostic.fixes.push_back(Fix{"改为“" + expected + "”", true, {TextEdit{{pos, pos}, "第"}}});
  }
}

void check(const CheckContext& context, DiagnosticSink& sink) {
  const std::string_view text = context.report.search_text();
  // The format notice's own number, read once per format definition (it refers into the definition's text).
  const std::optional<DocumentNumber>& notice = derived_from_format(context.format, [](const FormatDefinition& format) {
    const std::string_view number = format.notice;
    return number.ends_with("号") ? document_number_at(number, number.size() - std::string_view("号").size())
                                  : std::nullopt;
  });
  check_titles(text, context.format, sink);
  check_regulation_decrees(text, sink);
  const std::vector<DocumentNumber> numbers = document_numbers(text);
  for (const DocumentNumber& number : numbers) {
    check_year_brackets(text, number, sink);
    if (notice) check_format_notice_number(context, *notice, number, sink);
  }
}

}  // namespace

extern const Rule rule_W501{kDescriptor, check};

}  // namespace xxgk
