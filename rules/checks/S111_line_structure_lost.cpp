// S111 line-structure-lost: the body lost its line breaks; its headings were found inside the lines.
#include <algorithm>

#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "S111",
    .slug = "line-structure-lost",
    .title_zh = "报告正文失去分行",
    .title_en = "The text has lost its line breaks",
    .severity = Severity::Warning,
    .fix = FixSafety::None,
    .fix_zh = "",
    .doc_zh =
        "检查报告正文是否保留了分行。从网页复制的正文常挤在一行或几行里：各部分标题、正文和统计表首尾相连。"
        "这时检查工具在行内寻找各部分标题（序号加“、”，后接该部分的规定标题或其近似写法），按找到的标题划分各部分并照常检查；"
        "本规则只在第一个行内标题处报告一次。行内压平的统计表多半无法按格读出，由 T209 报告。\n\n"
        "依据：国办公开办函〔2021〕30号规定的报告由六个部分组成，各部分标题和统计表应当独立成行；"
        "挤成一行的正文难以阅读，也无法可靠地核对表格。\n\n"
        "修复：在各部分标题、段落和表格行之间恢复换行（从原始文档重新复制，或按格式重新排版）。",
    .doc_en =
        "Checks that the body kept its line breaks. Text copied from a web page often stands on one line or a few: "
        "headings, paragraphs and tables run into each other. The checker then finds the section headings inside the "
        "lines (a numeral and 、 followed by the section's title, a variant or a near miss of it), divides the report "
        "at them and checks it as usual; this rule reports once, at the first heading found inline. A table flattened "
        "into a line can rarely be read cell by cell; T209 reports that.\n\n"
        "Why: the report of notice 国办公开办函〔2021〕30号 has six sections whose headings and tables stand on lines of "
        "their own; a body on one line is hard to read and its tables cannot be checked reliably.\n\n"
        "Fix: restore the line breaks between headings, paragraphs and table rows (copy the original document again, "
        "or lay the report out anew).",
    .bad = "本报告根据《中华人民共和国政府信息公开条例》编制。 一、总体情况 2022年，本机关… 二、主动公开政府信息情况 …\n",
    .good = "本报告根据《中华人民共和国政府信息公开条例》编制。\n一、总体情况\n2022年，本机关…\n二、主动公开政府信息情况\n…\n",
};

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  const auto& headings = ctx.report.headings;
  const auto first = std::find_if(headings.begin(), headings.end(), [](const Heading& h) { return h.found_inline; });
  if (first != headings.end())
    sink.report(first->range, "报告正文失去分行：各部分标题与正文挤在同一行，已在行内识别标题 / the text has lost its "
                              "line breaks; headings were found inside the lines");
}

}  // namespace

extern const Rule rule_S111{kDescriptor, check};

}  // namespace xxgk
