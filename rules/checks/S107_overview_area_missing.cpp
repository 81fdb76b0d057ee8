// S107 overview-area-missing: section 一 does not cover one of the five areas the notice lists.
#include <string>
#include <vector>

#include "xxgk/analysis.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "S107",
    .slug = "overview-area-missing",
    .title_zh = "总体情况缺少规定方面",
    .title_en = "The overview misses one of the prescribed areas",
    .severity = Severity::Warning,
    .fix = FixSafety::None,
    .fix_zh = "",
    .doc_zh =
        "检查第一部分“总体情况”是否涵盖主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障"
        "五个方面，每缺一个方面报告一次（指在第一部分标题上）。\n\n"
        "国办公开办函〔2021〕30号对“总体情况”的说明是“主要包括主动公开、依申请公开、政府信息管理、"
        "政府信息公开平台建设、监督保障等方面内容”（format-2021.md 2.4）。按方面分小标题是通行做法，"
        "不是硬性要求，因此只要第一部分的文字谈到该方面即可：依申请公开须交代申请的收到或办理情况"
        "（只提及“依申请公开办理规范”之类制度名称不算；“未收到依申请公开申请”“无依申请公开事项”这类说明该方面"
        "本年没有发生情况的表述也算涵盖），平台建设也可写作“公开平台”“网站建设”。\n\n"
        "修复：在第一部分补写该方面的情况（通常为“（二）依申请公开”之类的小标题及其内容）。",
    .doc_en =
        "Checks that section 一 (总体情况) covers the five areas 主动公开, 依申请公开, 政府信息管理, "
        "政府信息公开平台建设 and 监督保障; one warning per missing area, on the section's heading.\n\n"
        "国办公开办函〔2021〕30号 describes the overview as \"mainly including\" these five areas (format-2021.md "
        "2.4). Sub-headings per area are customary, not required, so it is enough that the section's text deals "
        "with the area: for 依申请公开 it must account for applications received or handled (naming a procedure "
        "such as 依申请公开办理规范 is not enough, while a statement that nothing happened in the area, such as "
        "未收到依申请公开申请 or 无依申请公开事项, accounts for it); platform construction may also be written 公开平台 "
        "or 网站建设.\n\n"
        "Fix: add an account of the area to section 一 (usually a sub-heading such as \"（二）依申请公开\" and its "
        "text).",
    .bad = "一、总体情况\n（一）主动公开。……\n（二）平台建设。……",
    .good = "一、总体情况\n（一）主动公开。……\n（二）依申请公开。全年收到政府信息公开申请3件……\n"
            "（三）政府信息管理。……\n（四）平台建设。……\n（五）监督保障。……",
};

// The area 依申请公开 (disclosure on application) is covered by an account of applications: "申请" used for the
// applications themselves, not only inside the procedure's name "依申请公开" ("转发依申请公开办理规范" is not one),
// or a statement that there were none ("未收到依申请公开信息", "无依申请公开事项"): an area in which nothing happened
// is accounted for by saying so.
constexpr std::string_view kOnApplicationArea = "依申请公开";
constexpr std::string_view kOnApplication = "依申请";

// Whether the clause around the "依申请" at `at` denies that anything happened before naming it (within a few
// characters: "2022年,未收到依申请公开事项", "我局未收到政府信息依申请公开").
bool negated(std::string_view scope, size_t at) {
  constexpr size_t kNegationReach = 8;  // code points between the negation and 依申请: "未收到政府信息依申请"
  constexpr std::string_view kNegations[] = {"未收到", "未受理", "未接到", "未发生", "未产生", "未有", "没有", "无"};
  const size_t clause_begin = text::clause_around(scope, at, {0, scope.size()}).begin;
  size_t from = at;
  for (size_t steps = 0; steps < kNegationReach && from > clause_begin; ++steps)
    from = text::previous_code_point_start(scope, from);
  for (std::string_view negation : kNegations) {
    const size_t found = text::find_word(scope.substr(0, at), negation, from);
    if (found != std::string_view::npos) return true;
  }
  return false;
}

bool mentions_applications(std::string_view text, const std::vector<ByteRange>& prose) {
  constexpr std::string_view kApplication = "申请";
  for (const ByteRange range : prose) {
    const std::string_view scope = text.substr(range.begin, range.size());
    for (size_t at = text::find_word(scope, kApplication); at != std::string_view::npos;
         at = text::find_word(scope, kApplication, at + 1)) {
      const size_t prefix = kOnApplication.size() - kApplication.size();
      if (at < prefix || scope.substr(at - prefix, kOnApplication.size()) != kOnApplication) return true;
      if (negated(scope, at - prefix)) return true;
      // "收到依申请公开信息": the applications received, named after the procedure.
      for (std::string_view received : {"收到", "受理"})
        if (text::ends_with_at(scope, at - prefix, received)) return true;
    }
  }
  return false;
}

// The sub-heading titles of section 一: the label of each "（二）依申请公开。……" line up to its first full stop or
// colon, so that an area named as a sub-heading counts even when its text uses other words.
std::string subheading_titles(const Report& report, const Section& section) {
  std::string titles;
  for (size_t index : section.subitems) {
    const SubItem& item = report.subitems[index];
    if (item.inline_marker) continue;
    std::string_view label = report.slice(item.label);
    for (std::string_view stop : {"。", "：", ":", "；"}) label = label.substr(0, label.find(stop));
    titles.append(label).push_back('\n');
  }
  return titles;
}

// `prose`: ranges of `text`, the section's body without its tables and comments.
bool covered(const KeywordArea& area, std::string_view text, const std::vector<ByteRange>& prose,
             std::string_view titles) {
  if (area.name == kOnApplicationArea)
    return text::contains_any(titles, area.keywords) || mentions_applications(text, prose);
  return text::mentions_any(text, prose, area.keywords);
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  const Report& report = ctx.report;
  const Section* overview = report.section(1);
  if (!overview || !overview->heading) return;  // S103
  // Searched in place: a large document's overview is megabytes, too much to copy on every keystroke.
  const std::vector<ByteRange> prose = ctx.analysis.section_prose(*overview);
  const std::string titles = subheading_titles(report, *overview);
  std::string all_areas;
  for (const KeywordArea& area : ctx.format.overview_areas) all_areas += (all_areas.empty() ? "" : "、") + area.name;
  for (const KeywordArea& area : ctx.format.overview_areas) {
    if (covered(area, report.search_text(), prose, titles)) continue;
    sink.report(overview->heading->range, "第一部分“总体情况”未涉及“" + area.name + "”方面（应涵盖" + all_areas +
                                              "） / the overview does not cover " + area.name);
  }
}

}  // namespace

extern const Rule rule_S107{kDescriptor, check};

}  // namespace xxgk
