#include <string>
#include <vector>

#include "xxgk/analysis.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "C407",
    .slug = "problems-and-improvements",
    .title_zh = "第五部分未同时写明问题和改进",
    .title_en = "Section 五 lacks problems or improvements",
    .severity = Severity::Warning,
    .fix = FixSafety::None,
    .fix_zh = "",
    .doc_zh =
        "检查第五部分“存在的主要问题及改进情况”的正文（不含标题）是否既写了存在的问题（含“问题”“不足”“差距”“短板”"
        "“薄弱”之一），又写了改进情况（含“改进”“整改”“下一步”“措施”“加强”“提升”之一）。词表来自格式定义的 "
        "`problem_words` 和 `improvement_words`。诊断位于第五部分标题。第五部分缺失时不报告（由S103报告）。\n\n"
        "依据：《中华人民共和国政府信息公开条例》第五十条要求年报包括“存在的主要问题及改进情况”，二者缺一不可 "
        "[notice, format-2021.md 2.5]。\n\n"
        "修改方法：补写本机关政府信息公开工作存在的主要问题，以及已采取或将采取的改进措施。",
    .doc_en =
        "Checks that the text of section 五 (存在的主要问题及改进情况, heading excluded) describes both problems "
        "(one of 问题, 不足, 差距, 短板, 薄弱) and improvements (one of 改进, 整改, 下一步, 措施, 加强, 提升). The word "
        "lists are the format definition's `problem_words` and `improvement_words`. The diagnostic is on the "
        "section's heading. Nothing is reported when section 五 is missing (S103 reports that).\n\n"
        "Why: Art. 50 of the Regulation requires the report to give “the main problems and how they are being "
        "improved”; one without the other does not meet it [notice, format-2021.md 2.5].\n\n"
        "How to fix: describe the main problems of the body's disclosure work and the measures taken or planned.",
    .bad = "五、存在的主要问题及改进情况\n\n2024年，我局政府信息公开工作取得一定成效。",
    .good = "五、存在的主要问题及改进情况\n\n2024年，我局政府信息公开工作仍存在不足：政策解读形式较为单一。下一步，"
            "我局将丰富政策解读形式。",
};

void check(const CheckContext& context, DiagnosticSink& sink) {
  const Report& report = context.report;
  const Section* five = report.section(5);
  if (!five) return;
  const std::vector<ByteRange> prose = context.analysis.section_prose(*five);
  const bool problems = text::mentions_any(report.search_text(), prose, context.format.problem_words);
  const bool improvements = text::mentions_any(report.search_text(), prose, context.format.improvement_words);
  if (problems && improvements) return;
  const std::string missing = !problems && !improvements ? "存在的问题和改进情况"
                              : !problems                ? "存在的问题"
                                                         : "改进情况";
  sink.report(five->heading ? five->heading->range : five->range,
              "第五部分未写明" + missing + " / section 五 must describe both problems and improvements");
}

}  // namespace

extern const Rule rule_C407{kDescriptor, check};

}  // namespace xxgk
