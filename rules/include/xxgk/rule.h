// A rule is a static descriptor plus a check function. Each rule lives in its own file under rules/checks/ and is
// listed once in rules/checks/rules.def; `xxgk-lint rules`, `explain`, docs/rules/*.md and the config schema are all
// produced from the descriptors.
#pragma once

#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "xxgk/analysis.h"
#include "xxgk/diagnostic.h"
#include "xxgk/model.h"
#include "xxgk/options.h"

namespace xxgk {

struct RuleDescriptor {
  std::string_view id;        // "T202"
  std::string_view slug;      // "table-row-missing"
  std::string_view title_zh;  // "表格缺少规定的行"
  std::string_view title_en;  // "A canonical table row is missing"
  Severity severity;          // default severity
  FixSafety fix;              // what its fixes are
  std::string_view fix_zh;    // what the fix does, in Chinese ("" when none)
  std::string_view doc_zh;    // documentation, Chinese (Markdown paragraphs)
  std::string_view doc_en;    // documentation, English
  std::string_view bad;       // an example that triggers the rule (report excerpt)
  std::string_view good;      // the corrected excerpt
};

// Everything a check may read.
struct CheckContext {
  const Report& report;
  const FormatDefinition& format;
  const LintOptions& options;
  const Analysis& analysis;  // the facts about this lint's report, derived once
  std::string_view text() const { return report.text; }
};

// What `derive(format)` returns, computed once per format definition and thread: the normalised wordings a check
// compares with, which would otherwise be normalised again on every check of every report. Each call site (each
// `derive` lambda) has its own cache.
template <typename Derive>
const auto& derived_from_format(const FormatDefinition& format, Derive derive) {
  thread_local std::unordered_map<const FormatDefinition*, std::decay_t<decltype(derive(format))>> cache;
  auto it = cache.find(&format);
  if (it == cache.end()) it = cache.emplace(&format, derive(format)).first;
  return it->second;
}

// Where checks put their findings. The diagnostic's rule and default severity are filled in by the sink; a rule with
// two severities (T206, C406) passes its own.
class DiagnosticSink {
 public:
  explicit DiagnosticSink(const RuleDescriptor& rule, std::vector<Diagnostic>& out) : rule_(rule), out_(out) {}
  Diagnostic& report(ByteRange range, std::string message);
  Diagnostic& report(ByteRange range, std::string message, Severity severity);

 private:
  const RuleDescriptor& rule_;
  std::vector<Diagnostic>& out_;
};

using CheckFunction = void (*)(const CheckContext&, DiagnosticSink&);

struct Rule {
  const RuleDescriptor& descriptor;
  CheckFunction check;
};

// All rules, in catalogue order (S, T, A, C, W).
const std::vector<Rule>& all_rules();
// The rule with this id, or null.
const Rule* find_rule(std::string_view id);
// Whether options.severity may name `id`: a catalogue rule, or the meta rule X002 unused-suppression.
bool is_configurable_rule(std::string_view id);

}  // namespace xxgk
