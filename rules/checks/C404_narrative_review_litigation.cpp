#include <string>
#include <vector>

#include "xxgk/analysis.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "C404",
    .slug = "narrative-review-litigation",
    .title_zh = "正文所述行政复议、行政诉讼情况与表四不符",
    .title_en = "Narrative review/litigation statement contradicts table 四",
    .severity = Severity::Error,
    .fix = FixSafety::None,
    .fix_zh = "",
    .doc_zh =
        "检查正文关于政府信息公开行政复议、行政诉讼的说法是否与表四一致：\n\n"
        "- 正文说没有（同一分句内否定词在前：“无因政府信息公开申请引起的行政复议、行政诉讼案件”"
        "“未发生政府信息公开行政复议、行政诉讼情况”“未收到……行政复议及行政诉讼”），提到行政复议的，"
        "表四行政复议总计应为0；提到行政诉讼的，未经复议直接起诉和复议后起诉两组的总计应为0；\n"
        "- 正文给出数量（“被申请行政复议4件”“被提起行政诉讼4件”），行政复议数应等于行政复议总计，"
        "行政诉讼数应等于两组诉讼总计之和。\n\n"
        "诊断位于正文的说法处，并附表四相应总计单元格的位置。表四缺失、不是15个数或总计不是整数时不检查。\n\n"
        "依据：正文说“无行政复议、行政诉讼”时表四应全为0 [derived, format-2021.md T4-C、C-11]。\n\n"
        "修改方法：核实复议、诉讼数量，修改正文或表四，使二者一致。",
    .doc_en =
        "Checks that what the prose says about administrative reviews (行政复议) and lawsuits (行政诉讼) over "
        "information disclosure agrees with table 四:\n\n"
        "- prose saying there were none (a negation before the words within one clause: "
        "“无因政府信息公开申请引起的行政复议、行政诉讼案件”, “未发生政府信息公开行政复议、行政诉讼情况”, "
        "“未收到……行政复议及行政诉讼”) needs a 行政复议 总计 of 0 when it names reviews, and 总计 0 in both lawsuit "
        "groups (未经复议直接起诉, 复议后起诉) when it names lawsuits;\n"
        "- prose quoting counts (“被申请行政复议4件”, “被提起行政诉讼4件”) needs the review total, or the sum of "
        "the two lawsuit totals, to equal them.\n\n"
        "The diagnostic is on the prose, with the table's total cells as related information. Nothing is checked "
        "when table 四 is missing, has not 15 values, or a total is not an integer.\n\n"
        "Why: “no reviews or lawsuits” in the prose means all of table 四 is 0 [derived, format-2021.md T4-C, C-11].\n\n"
        "How to fix: verify the counts and correct the prose or table 四.",
    .bad = "全年因政府信息公开被申请行政复议3件……\n2\t1\t0\t1\t4\t1\t0\t1\t0\t2\t1\t0\t0\t1\t2",
    .good = "全年因政府信息公开被申请行政复议4件……\n2\t1\t0\t1\t4\t1\t0\t1\t0\t2\t1\t0\t0\t1\t2",
};

// Table 四's group totals: 行政复议, and the two 行政诉讼 groups (未经复议直接起诉, 复议后起诉).
struct Totals {
  const Cell* review = nullptr;
  const Cell* direct_litigation = nullptr;
  const Cell* litigation_after_review = nullptr;
  long long litigation() const { return cell_integer(*direct_litigation) + cell_integer(*litigation_after_review); }
};

// Whether the clause quotes a count ("4件"): such a clause states numbers, not absence.
bool quotes_count(std::string_view text, ByteRange clause) {
  for (size_t pos = clause.begin, length = 0; pos < clause.end; pos += length) {
    text::code_point_at(text, pos, length);
    if (prose::count_after(text, pos, true)) return true;
  }
  return false;
}

// The occurrences of the two keywords in a scope, in order. Each keyword's next occurrence is kept until it is passed:
// searching both again after every occurrence scanned the scope after it once per occurrence of the other.
class KeywordCursor {
 public:
  KeywordCursor(std::string_view scope, const NarrativeWords& words)
      : scope_(scope),
        review_word_(words.review),
        litigation_word_(words.litigation),
        review_(text::find_word(scope, review_word_)),
        litigation_(text::find_word(scope, litigation_word_)) {}
  // The first occurrence of either keyword at or after `from`, or npos; `from` never decreases.
  size_t next(size_t from) {
    if (review_ < from) review_ = text::find_word(scope_, review_word_, from);
    if (litigation_ < from) litigation_ = text::find_word(scope_, litigation_word_, from);
    return std::min(review_, litigation_);
  }

 private:
  std::string_view scope_;
  std::string_view review_word_, litigation_word_;
  size_t review_;      // the next occurrence of review_word_, or npos
  size_t litigation_;  // the next occurrence of litigation_word_, or npos
};

void check(const CheckContext& context, DiagnosticSink& sink) {
  const NarrativeWords& words = context.format.narrative;
  const std::string_view review_word = words.review, litigation_word = words.litigation;
  const Report& report = context.report;
  const std::string_view text = report.search_text();
  const Analysis& analysis = context.analysis;
  const Totals totals{analysis.integer_cell(NamedCell::ReviewTotal),
                      analysis.integer_cell(NamedCell::DirectLitigationTotal),
                      analysis.integer_cell(NamedCell::LitigationAfterReviewTotal)};
  if (!totals.review || !totals.direct_litigation || !totals.litigation_after_review) return;
  const auto relate_review = [&](Diagnostic& diagnostic) {
    diagnostic.related.push_back(
        {totals.review->range, "表四行政复议总计：" + std::to_string(cell_integer(*totals.review))});
  };
  const auto relate_litigation = [&](Diagnostic& diagnostic) {
    diagnostic.related.push_back(
        {totals.direct_litigation->range,
         "表四行政诉讼（未经复议直接起诉）总计：" + std::to_string(cell_integer(*totals.direct_litigation))});
    diagnostic.related.push_back(
        {totals.litigation_after_review->range,
         "表四行政诉讼（复议后起诉）总计：" + std::to_string(cell_integer(*totals.litigation_after_review))});
  };
  const std::string review_total = std::to_string(cell_integer(*totals.review));
  const std::string litigation_total = std::to_string(totals.litigation());

  for (const ByteRange& prose : context.analysis.document_prose()) {
    const std::string_view scope = report.search_slice(prose);
    ByteRange previous_clause{};
    KeywordCursor keywords(scope, words);
    for (size_t at = keywords.next(0); at != std::string_view::npos; at = keywords.next(at + 1)) {
      const bool review = text::starts_with_at(scope, at, review_word);
      const bool litigation = !review;
      const size_t keyword = prose.begin + at;
      const size_t keyword_end = keyword + (review ? review_word : litigation_word).size();

      // A quoted count right after the keyword: "被申请行政复议4件", "行政诉讼案件2起".
      size_t count_at = keyword_end;
      for (std::string_view filler : {"案件", "申请"})
        if (text::starts_with_at(text, count_at, filler)) count_at += filler.size();
      if (const auto count = prose::count_after(text, count_at, true)) {
        const bool agrees = review ? count->value == cell_integer(*totals.review) : count->value == totals.litigation();
        if (!agrees) {
          const std::string said = std::string(review ? "行政复议" : "行政诉讼") + std::to_string(count->value) + "件";
          const size_t said_begin =
              text::ends_with_at(text, keyword, "行政") ? keyword - std::string_view("行政").size() : keyword;
          Diagnostic& diagnostic = sink.report(
              {said_begin, count->range.end},
              "正文称" + said + "，但表四" + (review ? "行政复议总计为" + review_total
                                                    : "两组行政诉讼总计之和为" + litigation_total) +
                  " / the prose contradicts table 四");
          review ? relate_review(diagnostic) : relate_litigation(diagnostic);
        }
        continue;
      }

      // A statement of absence: the clause's first keyword, a negation before it, no count in the clause.
      if (keyword < previous_clause.end) continue;  // the clause's first keyword decided it
      const ByteRange clause = text::clause_around(text, keyword, prose);
      previous_clause = clause;
      const auto negation_words =
          prose::negation_before(text, {clause.begin, keyword}, context.format.narrative.negations);
      if (!negation_words || quotes_count(text, clause)) continue;
      const size_t negation = negation_words->begin;
      const std::string_view said = report.search_slice({keyword, clause.end});
      const bool says_review = review || text::find_word(said, review_word) != std::string_view::npos;
      const bool says_litigation = litigation || text::find_word(said, litigation_word) != std::string_view::npos;
      const bool review_wrong = says_review && cell_integer(*totals.review) != 0;
      const bool litigation_wrong = says_litigation && totals.litigation() != 0;
      if (!review_wrong && !litigation_wrong) continue;
      // The last keyword in the clause; npos + 1 == 0.
      const size_t last_review = said.rfind(review_word) + 1, last_litigation = said.rfind(litigation_word) + 1;
      const size_t last_keyword = std::max(last_review, last_litigation) - 1;
      const size_t last_keyword_size = (last_review > last_litigation ? review_word : litigation_word).size();
      std::string table_says;
      if (review_wrong) table_says += "行政复议总计为" + review_total;
      if (litigation_wrong) table_says += std::string(review_wrong ? "、" : "") + "行政诉讼总计为" + litigation_total;
      Diagnostic& diagnostic = sink.report({negation, keyword + last_keyword + last_keyword_size},
                                           std::string("正文称无") +
                                               (says_review && says_litigation ? "行政复议、行政诉讼"
                                                : says_review                  ? "行政复议"
                                                                               : "行政诉讼") +
                                               "，但表四" + table_says + " / the prose says none, table 四 disagrees");
      if (review_wrong) relate_review(diagnostic);
      if (litigation_wrong) relate_litigation(diagnostic);
    }
  }
}

}  // namespace

extern const Rule rule_C404{kDescriptor, check};

}  // namespace xxgk
