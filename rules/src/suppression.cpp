#include "xxgk/suppression.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>

namespace xxgk {

namespace {

constexpr RuleDescriptor kUnusedSuppressionDescriptor{
    .id = "X002",
    .slug = "unused-suppression",
    .title_zh = "抑制注释未抑制任何诊断",
    .title_en = "Suppression comment suppresses nothing",
    .severity = Severity::Info,
    .fix = FixSafety::None,
    .fix_zh = "",
    .doc_zh = "Markdown 报告中的 `<!-- xxgk-lint-disable … -->`、`-disable-next-line`、`-disable-file` 注释没有抑制任何"
              "诊断（或其中列出的某条规则在其范围内没有诊断）。多半是问题已经改正，或规则编号写错：删除该注释或改正编号，"
              "免得它日后掩盖真正的问题。",
    .doc_en = "A `<!-- xxgk-lint-disable … -->`, `-disable-next-line` or `-disable-file` comment in a Markdown report "
              "suppresses no diagnostic (or one of the rules it names has none in its range): the problem was fixed, "
              "or the rule id is wrong. Remove the comment or correct the id, so that it cannot hide a real problem "
              "later. Plain-text reports have no comments: use `per-file-ignores` in `.xxgk-lint.json`.",
    .bad = "<!-- xxgk-lint-disable-next-line T204 -->\n一、总体情况\n",
    .good = "一、总体情况\n",
};

enum class Directive { Disable, Enable, DisableNextLine, DisableFile };

struct Comment {
  Directive directive;
  ByteRange range;                 // the whole `<!-- … -->`
  std::vector<std::string> rules;  // empty: all rules
  std::vector<bool> used;          // per rule (one entry when `rules` is empty)
};

constexpr std::string_view kPrefix = "xxgk-lint-";

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The suppression comments of `text`, in order. Other HTML comments are left alone.
std::vector<Comment> find_comments(std::string_view text) {
  std::vector<Comment> comments;
  for (size_t open = text.find("<!--"); open != std::string_view::npos; open = text.find("<!--", open + 4)) {
    const size_t close = text.find("-->", open + 4);
    if (close == std::string_view::npos) break;
    std::string_view body = text.substr(open + 4, close - open - 4);
    while (!body.empty() && is_space(body.front())) body.remove_prefix(1);
    while (!body.empty() && is_space(body.back())) body.remove_suffix(1);
    if (!body.starts_with(kPrefix)) continue;
    body.remove_prefix(kPrefix.size());
    const size_t word_end = std::min(body.find_first_of(" \t\r\n"), body.size());
    const std::string_view word = body.substr(0, word_end);
    Directive directive;
    if (word == "disable") directive = Directive::Disable;
    else if (word == "enable") directive = Directive::Enable;
    else if (word == "disable-next-line") directive = Directive::DisableNextLine;
    else if (word == "disable-file") directive = Directive::DisableFile;
    else continue;
    Comment comment{directive, ByteRange{open, close + 3}, {}, {}};
    std::string_view list = body.substr(word_end);
    while (!list.empty()) {
      const size_t begin = list.find_first_not_of(" \t\r\n,");
      if (begin == std::string_view::npos) break;
      const size_t end = std::min(list.find_first_of(" \t\r\n,", begin), list.size());
      std::string id(list.substr(begin, end - begin));
      std::transform(id.begin(), id.end(), id.begin(), [](unsigned char c) { return std::toupper(c); });
      comment.rules.push_back(std::move(id));
      list.remove_prefix(end);
    }
    comment.used.assign(std::max<size_t>(comment.rules.size(), 1), false);
    comments.push_back(std::move(comment));
  }
  return comments;
}

// Marks the entry of `comment` that covers `rule`; false when the comment does not name it.
bool cover(Comment& comment, std::string_view rule) {
  if (comment.rules.empty()) return comment.used[0] = true;
  for (size_t i = 0; i < comment.rules.size(); ++i)
    if (comment.rules[i] == rule) return comment.used[i] = true;
  return false;
}

// Which comments are in force at a point of the text: the `disable`/`enable` state, swept forward.
class RangeState {
 public:
  void apply(size_t index, const Comment& comment) {
    if (comment.directive == Directive::Disable) {
      if (comment.rules.empty()) {
        all_ = index;
        by_rule_.clear();
        enabled_.clear();
      }
      for (const std::string& rule : comment.rules) {
        by_rule_[rule] = index;
        enabled_.erase(rule);
      }
    } else if (comment.directive == Directive::Enable) {
      if (comment.rules.empty()) {
        all_.reset();
        by_rule_.clear();
        enabled_.clear();
      }
      for (const std::string& rule : comment.rules) {
        by_rule_.erase(rule);
        if (all_) enabled_[rule] = true;
      }
    }
  }
  // The comment that disables `rule` here, if any.
  std::optional<size_t> disabling(const std::string& rule) const {
    if (auto found = by_rule_.find(rule); found != by_rule_.end()) return found->second;
    if (all_ && !enabled_.contains(rule)) return all_;
    return std::nullopt;
  }

 private:
  std::optional<size_t> all_;
  std::map<std::string, size_t> by_rule_;
  std::map<std::string, bool> enabled_;  // re-enabled inside a disable-all range
};

std::string unused_message(const Comment& comment, const std::vector<std::string>& unused) {
  std::string names;
  for (const std::string& rule : unused) names += (names.empty() ? "" : ", ") + rule;
  if (comment.rules.empty() || unused.size() == comment.rules.size())
    return "抑制注释未抑制任何诊断，可删除 / the suppression comment suppresses nothing" +
           (names.empty() ? std::string() : " (" + names + ")");
  return "抑制注释中的 " + names + " 未抑制任何诊断 / " + names + " in the suppression comment suppresses nothing";
}

}  // namespace

const RuleDescriptor& unused_suppression_rule() { return kUnusedSuppressionDescriptor; }

void apply_suppressions(std::string_view text, std::vector<Diagnostic>& diagnostics, const LintOptions& options) {
  if (text.find("xxgk-lint-") == std::string_view::npos) return;  // nearly every report: one scan, nothing else
  std::vector<Comment> comments = find_comments(text);
  if (comments.empty()) return;

  // disable-next-line comments by the line they cover: the line after the one the comment ends on.
  std::multimap<size_t, size_t> next_line;  // start of the covered line -> comment index
  for (size_t i = 0; i < comments.size(); ++i) {
    if (comments[i].directive != Directive::DisableNextLine) continue;
    const size_t newline = text.find('\n', comments[i].range.end);
    if (newline != std::string_view::npos) next_line.emplace(newline + 1, i);
  }

  RangeState state;
  size_t next_comment = 0;
  std::vector<Diagnostic> kept;
  kept.reserve(diagnostics.size());
  for (Diagnostic& diagnostic : diagnostics) {
    const std::string rule(diagnostic.rule->id);
    const size_t at = diagnostic.range.begin;
    while (next_comment < comments.size() && comments[next_comment].range.end <= at)
      state.apply(next_comment, comments[next_comment]), ++next_comment;
    bool suppressed = false;
    for (Comment& comment : comments)
      if (comment.directive == Directive::DisableFile) suppressed = cover(comment, rule) || suppressed;
    if (std::optional<size_t> range = state.disabling(rule)) suppressed = cover(comments[*range], rule) || suppressed;
    const size_t newline_before = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
    const size_t line_start = newline_before == std::string_view::npos ? 0 : newline_before + 1;
    for (auto [it, end] = next_line.equal_range(line_start); it != end; ++it)
      suppressed = cover(comments[it->second], rule) || suppressed;
    if (!suppressed) kept.push_back(std::move(diagnostic));
  }
  diagnostics = std::move(kept);

  auto configured = options.severity.find(std::string(kUnusedSuppressionDescriptor.id));
  const Severity severity =
      configured != options.severity.end() ? configured->second : kUnusedSuppressionDescriptor.severity;
  if (severity == Severity::Off) return;
  for (const Comment& comment : comments) {
    if (comment.directive == Directive::Enable) continue;
    std::vector<std::string> unused;
    for (size_t i = 0; i < comment.rules.size(); ++i)
      if (!comment.used[i]) unused.push_back(comment.rules[i]);
    if (comment.rules.empty() ? comment.used[0] : unused.empty()) continue;
    DiagnosticSink(kUnusedSuppressionDescriptor, diagnostics)
        .report(comment.range, unused_message(comment, unused), severity);
  }
  sort_by_position(diagnostics);
}

}  // namespace xxgk
