#include "xxgk/rule.h"

#include "xxgk/suppression.h"

namespace xxgk {

#define XXGK_RULE(ID) extern const Rule rule_##ID;
#include "rules.def"
#undef XXGK_RULE

const std::vector<Rule>& all_rules() {
  static const std::vector<Rule> rules = {
#define XXGK_RULE(ID) rule_##ID,
#include "rules.def"
#undef XXGK_RULE
  };
  return rules;
}

const Rule* find_rule(std::string_view id) {
  for (const Rule& rule : all_rules())
    if (rule.descriptor.id == id) return &rule;
  return nullptr;
}

bool is_configurable_rule(std::string_view id) {
  return find_rule(id) != nullptr || id == unused_suppression_rule().id;
}

Diagnostic& DiagnosticSink::report(ByteRange range, std::string message) {
  return report(range, std::move(message), rule_.severity);
}

Diagnostic& DiagnosticSink::report(ByteRange range, std::string message, Severity severity) {
  Diagnostic& diagnostic = out_.emplace_back();
  diagnostic.rule = &rule_;
  diagnostic.severity = severity;
  diagnostic.message = std::move(message);
  diagnostic.range = range;
  return diagnostic;
}

}  // namespace xxgk
