#include <algorithm>
#include <string>

#include "xxgk/analysis.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "C403",
    .slug = "narrative-applications",
    .title_zh = "正文所述申请数与表三不符",
    .title_en = "Narrative application count contradicts table 三",
    .severity = Severity::Error,
    .fix = FixSafety::None,
    .fix_zh = "",
    .doc_zh =
        "检查正文关于本年新收政府信息公开申请数量的说法是否与表三第一行“一、本年新收政府信息公开申请数量”的总计一致："
        "正文说未收到申请（同一分句内“未收到……申请”），总计应为0；正文给出数量（“收到政府信息公开申请52件”"
        "“新收政府信息公开申请52件”“收到52件政府信息公开申请”“受理政府信息公开申请52件”），总计应等于该数。诊断位于正文的说法处，"
        "并附表三总计单元格的位置。\n\n"
        "不计入：“不予受理”（办理结果，不是收到的申请）；“未收到……申请”中间提到行政复议、诉讼、投诉、举报的（那是另一类申请）；“依申请公开”中的“申请”。"
        "表三缺行或总计不是整数时不检查（由T2xx规则报告）。\n\n"
        "依据：正文与表格是对同一事实的两种表述，必须一致 [derived, format-2021.md 2.4、C-11]。\n\n"
        "修改方法：核实申请数量，修改正文或表三，使二者一致。",
    .doc_en =
        "Checks that what the prose says about this year's new information-disclosure applications agrees with the "
        "总计 of table 三 row “一、本年新收政府信息公开申请数量”: prose saying none were received (“未收到……申请” "
        "within one clause) needs a total of 0; prose quoting a count (“收到政府信息公开申请52件”, "
        "“新收政府信息公开申请52件”, “收到52件政府信息公开申请”, “受理政府信息公开申请52件”) needs that total. The diagnostic is on the prose, "
        "with the table cell as related information.\n\n"
        "Not counted: 不予受理 (an outcome, not what was received); a “未收到……申请” that mentions 行政复议, 诉讼, 投诉 or 举报 in between (another kind of "
        "application), and the 申请 of 依申请公开. Nothing is checked when the row is missing or its total is not an "
        "integer (the T2xx rules report that).\n\n"
        "Why: prose and table state the same fact and must agree [derived, format-2021.md 2.4, C-11].\n\n"
        "How to fix: verify the count and correct the prose or the table.",
    .bad = "（二）依申请公开。全年共收到政府信息公开申请50件……\n一、本年新收政府信息公开申请数量\t\t40\t5\t1\t2\t3\t1\t52",
    .good = "（二）依申请公开。全年共收到政府信息公开申请52件……\n一、本年新收政府信息公开申请数量\t\t40\t5\t1\t2\t3\t1\t52",
};

constexpr std::string_view kApplication = "申请";
constexpr size_t kMaxGapBytes = 24 * 3;  // "未收到" and "申请" at most ~24 Chinese characters apart
constexpr size_t kMaxClauseBytes = 64 * 3;  // a statement is read in the first ~64 characters of its clause

// The "申请" of an information-disclosure application after `from` in the clause: not 依申请 (the procedure), not
// 申请人 (the applicant), not an application for 复议 or a complaint.
size_t application_after(std::string_view text, size_t from, ByteRange clause, const NarrativeWords& words) {
  const std::string_view scope = text.substr(from, std::min(clause.end - from, kMaxGapBytes + kApplication.size()));
  for (size_t at = text::find_word(scope, kApplication); at != std::string_view::npos;
       at = text::find_word(scope, kApplication, at + 1)) {
    const size_t begin = from + at;
    const std::string_view gap = text.substr(from, begin - from);
    for (const std::string& other : words.other_proceedings)
      if (text::find_word(gap, other) != std::string_view::npos) return std::string_view::npos;
    if (text::ends_with_at(text, begin, "依") || text::starts_with_at(text, begin + kApplication.size(), "人"))
      continue;
    return begin;
  }
  return std::string_view::npos;
}

struct Statement {
  ByteRange range;  // the words of the statement
  long long count = 0;
};

// "收到…申请N件" or "收到N件…申请" after the verb ending at `verb_end`.
std::optional<Statement> quoted_count(std::string_view text, size_t verb_begin, size_t verb_end, ByteRange clause,
                                      const NarrativeWords& words) {
  if (const size_t application = application_after(text, verb_end, clause, words);
      application != std::string_view::npos)
    if (const auto count = prose::count_after(text, application + kApplication.size(), true))
      return Statement{{verb_begin, count->range.end}, count->value};
  if (const auto count = prose::count_after(text, verb_end, true)) {
    const size_t application = application_after(text, count->range.end, clause, words);
    if (application != std::string_view::npos)
      return Statement{{verb_begin, application + kApplication.size()}, count->value};
  }
  return std::nullopt;
}

void check(const CheckContext& context, DiagnosticSink& sink) {
  const NarrativeWords& words = context.format.narrative;
  size_t longest_negation = 0;
  for (const std::string& word : words.negations.words) longest_negation = std::max(longest_negation, word.size());
  const Report& report = context.report;
  const std::string_view text = report.search_text();
  const Cell* total = context.analysis.integer_cell(NamedCell::ApplicationsReceived);
  if (!total) return;
  const long long table_count = cell_integer(*total);
  const auto report_disagreement = [&](ByteRange where, std::string said) {
    Diagnostic& diagnostic = sink.report(where, "正文称" + said + "，但表三“一、本年新收政府信息公开申请数量”总计为" +
                                                    std::to_string(table_count) +
                                                    " / the prose contradicts table 三 row 一 总计");
    diagnostic.related.push_back({total->range, "表三本年新收申请总计：" + std::to_string(table_count)});
  };

  for (const ByteRange& prose : context.analysis.document_prose()) {
    const std::string_view scope = report.search_slice(prose);
    for (const std::string& verb : words.application_verbs) {
      for (size_t at = text::find_word(scope, verb); at != std::string_view::npos;
           at = text::find_word(scope, verb, at + 1)) {
        const size_t verb_begin = prose.begin + at, verb_end = verb_begin + verb.size();
        // "新收到" is found once, as 收到; "不予受理" is an outcome, not what was received.
        if (verb == "新收" && text::starts_with_at(text, verb_end, "到")) continue;
        if (verb == "受理" && text::ends_with_at(text, verb_begin, "不予")) continue;
        const size_t clause_limit = std::min(prose.end, verb_end + kMaxClauseBytes);
        const ByteRange clause{verb_begin, text::clause_end(text, verb_end, clause_limit)};
        // A negation right before the verb ("未收到", "没有收到").
        const size_t longest = std::min(verb_begin, longest_negation);
        const auto negation_words = prose::negation_before(text, {verb_begin - longest, verb_begin}, words.negations);
        if (negation_words && negation_words->end == verb_begin) {
          const size_t negation = negation_words->begin;
          const size_t application = application_after(text, verb_end, clause, words);
          if (application != std::string_view::npos && table_count != 0)
            report_disagreement({negation, application + kApplication.size()}, "未收到政府信息公开申请");
          continue;
        }
        const auto statement = quoted_count(text, verb_begin, verb_end, clause, words);
        if (statement && statement->count != table_count)
          report_disagreement(statement->range,
                              std::string(verb) + "政府信息公开申请" + std::to_string(statement->count) + "件");
      }
    }
  }
}

}  // namespace

extern const Rule rule_C403{kDescriptor, check};

}  // namespace xxgk
