// S101 title-missing: the report has no title before its first section heading.
#include "structure_util.h"
#include "xxgk/normalize.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "S101",
    .slug = "title-missing",
    .title_zh = "缺少报告标题",
    .title_en = "The report has no title",
    .severity = Severity::Error,
    .fix = FixSafety::Unsafe,
    .fix_zh = "在文首插入标题行“{机关名称}N年政府信息公开工作年度报告”（机关名称为占位符，需手工填写）。",
    .doc_zh =
        "检查报告在第一个部分标题（“一、总体情况”）之前是否有标题。\n\n"
        "《中华人民共和国政府信息公开条例》第四十九条、第五十条称此类报告为“政府信息公开工作年度报告”；"
        "通行做法（format-2021.md 2.1）是以“{机关全称}{N}年政府信息公开工作年度报告”为题，N 为统计年度。"
        "没有标题的报告无法看出是哪个机关、哪一年度的报告，转载或汇编时尤其容易混淆。\n\n"
        "修复：在文首补写标题。自动修复插入带占位符的标题行，机关名称（以及未知的年度）须手工填写。",
    .doc_en =
        "Checks that the report has a title before its first section heading (\"一、总体情况\").\n\n"
        "Articles 49 and 50 of the Regulation call the document a \"政府信息公开工作年度报告\"; the universal practice "
        "(format-2021.md 2.1) is the title \"{agency}{N}年政府信息公开工作年度报告\", N being the statistics year. "
        "Without a title neither the agency nor the year can be told, especially once the report is copied or "
        "compiled.\n\n"
        "Fix: write the title at the top. The automatic fix inserts a title line with placeholders; the agency name "
        "(and an unknown year) must be filled in by hand.",
    .bad = "根据《中华人民共和国政府信息公开条例》规定，现公布本机关2022年政府信息公开工作年度报告。\n一、总体情况",
    .good = "某某市某某局2022年政府信息公开工作年度报告\n\n根据《中华人民共和国政府信息公开条例》规定，……\n"
            "一、总体情况",
};

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Where the diagnostic points: the document's first non-blank line that is not a web page's chrome (where the title
// should stand above); the first non-blank line when every line is chrome.
ByteRange first_content_line(std::string_view text, const FormatDefinition& format) {
  std::optional<ByteRange> first;
  size_t begin = 0;
  while (begin < text.size()) {
    const size_t end = line_end_at(text, begin);
    const std::string_view line = trim(text.substr(begin, end - begin));
    if (!line.empty() && !first) {
      const size_t content = static_cast<size_t>(line.data() - text.data());
      first = ByteRange{content, content + line.size()};
    }
    if (!line.empty() && !format.is_page_chrome(line)) {
      const size_t content = static_cast<size_t>(line.data() - text.data());
      return {content, content + line.size()};
    }
    begin = next_line_start(text, begin);
  }
  return first.value_or(ByteRange{0, 0});
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  if (ctx.report.title && !ctx.report.title->lines.empty()) return;
  const std::string_view text = ctx.text();
  const std::string year = ctx.report.year ? std::to_string(*ctx.report.year) : "{N}";
  const std::string title = "{机关名称}" + year + "年" + ctx.format.title_phrase;

  // The message shows the expected title without the fix's placeholders: the agency is the writer's to fill in, and
  // an unknown year is said in words.
  const std::string expected = ctx.report.year ? "“（机关名称）" + year + "年" + ctx.format.title_phrase + "”形式的标题"
                                               : "写明机关名称、年度和“" + ctx.format.title_phrase + "”的标题";
  Diagnostic& diagnostic = sink.report(first_content_line(text, ctx.format),
                                       "缺少报告标题：第一部分之前应有" + expected + " / the report has no title");
  const std::string_view newline = newline_of(text);
  const size_t at = text.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
  diagnostic.fixes.push_back(Fix{"插入标题行“" + title + "”", false,
                                 {TextEdit{{at, at}, title + std::string(newline) + std::string(newline)}}});
}

}  // namespace

extern const Rule rule_S101{kDescriptor, check};

}  // namespace xxgk
