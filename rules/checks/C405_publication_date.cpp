#include <string>

#include "structure_util.h"
#include "xxgk/analysis.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "C405",
    .slug = "publication-date",
    .title_zh = "发布日期晚于法定期限",
    .title_en = "Publication date after the deadline",
    .severity = Severity::Warning,
    .fix = FixSafety::None,
    .fix_zh = "",
    .doc_zh =
        "检查落款（发布）日期是否在法定期限之内。落款日期指最后一个部分正文之后单独成行的日期（如“2023年1月11日”"
        "“二〇二三年一月十一日”），正文句子中的日期不算。期限：县级以上人民政府部门为次年1月31日；"
        "县级以上地方人民政府为次年3月31日；任何机关晚于次年3月31日都已逾期。\n\n"
        "机关类型取配置 `agencyKind`；为 "
        "`auto`（默认）时，标题中的机关名称以“人民政府”“政府”“乡”“镇”结尾的按人民政府处理"
        "（与 S108 相同），其余（如“人民政府办公室”）按部门处理。"
        "报告年度N取配置的 `year`，否则取标题年份，再否则取统计期限年份。\n\n"
        "依据：《中华人民共和国政府信息公开条例》第四十九条：县级以上人民政府部门应在每年1月31日前向本级政府信息公开工"
        "作主管部门"
        "提交并向社会公布本部门上一年度年报；县级以上地方人民政府的政府信息公开工作主管部门应在每年3月31日前公布本级政"
        "府上一年度年报 "
        "[regulation, format-2021.md D-1…D-3]。\n\n"
        "修改方法：按期发布；落款日期写错的，改为实际发布日期。",
    .doc_en =
        "Checks that the signature (publication) date is within the statutory deadline. The signature date is a date "
        "standing alone on a line after the last section's prose (“2023年1月11日”, “二〇二三年一月十一日”); dates "
        "inside sentences are ignored. Deadlines: 31 January of the next year for departments of governments at "
        "county level and above; 31 March for local governments at county level and above; after 31 March is late "
        "for any body.\n\n"
        "The body's kind comes from the `agencyKind` setting; with `auto` (the default) a title whose agency name ends "
        "with 人民政府, 政府, 乡 or 镇 means a government (as for S108), anything else (人民政府办公室, say) a "
        "department. The reporting year N is the configured `year`, else the title's "
        "year, else the statistics period's.\n\n"
        "Why: Art. 49 of the Regulation on the Disclosure of Government Information: departments publish the "
        "previous year's report by 31 January, the disclosure office of a local government publishes the "
        "government's report by 31 March [regulation, format-2021.md D-1…D-3].\n\n"
        "How to fix: publish on time; if the date is wrong, write the actual publication date.",
    .bad = "青山市自然资源和规划局\n2025年2月20日",
    .good = "青山市自然资源和规划局\n2025年1月20日",
};

// A date as one comparable number: 2023-01-31 → 20230131.
int day_number(int year, int month, int day) { return year * 10000 + month * 100 + day; }

void check(const CheckContext& context, DiagnosticSink& sink) {
  const auto& reporting_year = context.analysis.reporting_year();
  const auto& date = context.analysis.signature_date();
  if (!reporting_year || !date) return;
  const int year = reporting_year->value;
  const bool government = structure::is_government(context.report, context.options);
  // Both deadlines fall on the 31st: January for departments, March for governments (and for anyone).
  const int deadline_month = government ? 3 : 1;
  const int published = day_number(date->year, date->month, date->day);
  if (published <= day_number(year + 1, deadline_month, 31)) return;
  const std::string next_year = std::to_string(year + 1);
  const std::string written = std::to_string(date->year) + "年" + std::to_string(date->month) + "月" +
                              std::to_string(date->day) + "日";
  const bool late_for_anyone = published > day_number(year + 1, 3, 31);
  std::string message = "发布日期" + written + "晚于" + (government ? "人民政府" : "政府部门") + "年报的法定期限" +
                        next_year + "年" + std::to_string(deadline_month) + "月31日";
  if (!government && late_for_anyone) message += "，也晚于任何机关的最迟期限" + next_year + "年3月31日";
  sink.report(date->range, message + "（《条例》第四十九条） / published after the statutory deadline");
}

}  // namespace

extern const Rule rule_C405{kDescriptor, check};

}  // namespace xxgk
