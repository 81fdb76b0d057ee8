// S104 section-order: the six sections are out of order, or one appears twice.
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "S104",
    .slug = "section-order",
    .title_zh = "部分顺序错误或重复",
    .title_en = "Sections out of order or repeated",
    .severity = Severity::Error,
    .fix = FixSafety::None,
    .fix_zh = "",
    .doc_zh =
        "检查六个部分是否按“一”至“六”的顺序各出现一次。某一部分出现在编号更大的部分之后，或同一部分出现两次，"
        "都会报告（指在出错的那个标题上，重复时附第一次出现的位置）。\n\n"
        "国办公开办函〔2021〕30号规定的年度报告格式按固定顺序列出六个部分（format-2021.md 2.3、C-2）；"
        "顺序颠倒或重复会使读者和汇总统计无法按格式查找内容。\n\n"
        "修复：把该部分移到正确位置，或合并重复的部分。两种情况都需要人工判断，没有自动修复。",
    .doc_en =
        "Checks that the six sections appear once each, in the order 一 to 六. A section after a higher-numbered "
        "one, or a section appearing a second time, is reported at that heading (a repeat also points to the first "
        "occurrence).\n\n"
        "The format issued with 国办公开办函〔2021〕30号 lists the six sections in a fixed order (format-2021.md 2.3, "
        "C-2); out-of-order or repeated sections defeat readers and compilers looking for the prescribed content.\n\n"
        "Fix: move the section to its place or merge the repeated ones. Both need judgement: there is no automatic "
        "fix.",
    .bad = "一、总体情况\n……\n三、收到和处理政府信息公开申请情况\n……\n二、主动公开政府信息情况",
    .good = "一、总体情况\n……\n二、主动公开政府信息情况\n……\n三、收到和处理政府信息公开申请情况",
};

std::string quoted(const SectionSpec& section) { return "“" + section.heading() + "”"; }

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  const Report& report = ctx.report;
  const Section* latest = nullptr;  // the highest-numbered section seen so far
  std::vector<const Section*> first_of(ctx.format.sections.size() + 1, nullptr);
  for (const Section& section : report.sections) {
    const SectionSpec* spec = ctx.format.section(section.number);
    if (!spec || !section.heading) continue;
    const Section*& first = first_of[section.number];
    if (first) {
      Diagnostic& diagnostic = sink.report(
          section.heading->range, "第" + spec->numeral + "部分" + quoted(*spec) + "重复出现 / section " +
                                      std::to_string(section.number) + " appears twice");
      diagnostic.related.push_back({first->heading->range, "第一次出现在此"});
      continue;
    }
    first = &section;
    if (latest && latest->number > section.number) {
      const SectionSpec* later = ctx.format.section(latest->number);
      Diagnostic& diagnostic = sink.report(
          section.heading->range, "第" + spec->numeral + "部分" + quoted(*spec) + "应在第" + later->numeral + "部分" +
                                      quoted(*later) + "之前 / section " + std::to_string(section.number) +
                                      " comes after section " + std::to_string(latest->number));
      diagnostic.related.push_back({latest->heading->range, "编号更大的部分在此"});
      continue;
    }
    latest = &section;
  }
}

}  // namespace

extern const Rule rule_S104{kDescriptor, check};

}  // namespace xxgk
