// Diagnostics and fixes as the core produces them: byte ranges into the checked text, no protocol types.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "xxgk/positions.h"

namespace xxgk {

enum class Severity { Off, Info, Warning, Error };

std::string_view severity_name(Severity severity);  // "off" "info" "warning" "error"
bool parse_severity(std::string_view name, Severity& severity);

// Whether a rule's fixes may be applied without asking (they only normalise wording or punctuation) or only on the
// user's request (they invent data: zeros, template rows, computed totals).
enum class FixSafety { None, Safe, Unsafe };

struct Fix {
  std::string title;
  bool safe = false;
  std::vector<TextEdit> edits;
};

// Another place that explains the diagnostic (the cells feeding a total, the prose that contradicts a table).
struct RelatedInformation {
  ByteRange range;
  std::string message;
  // The other document `range` is in, as the caller named it (checks across reports: last year's report); "" when it
  // is in the diagnostic's own document.
  std::string document = {};
};

struct RuleDescriptor;

struct Diagnostic {
  const RuleDescriptor* rule = nullptr;
  Severity severity = Severity::Error;
  std::string message;
  ByteRange range;
  std::vector<RelatedInformation> related;
  std::vector<Fix> fixes;
};

// The order lint() returns diagnostics in: by start, then by rule id (stable).
void sort_by_position(std::vector<Diagnostic>& diagnostics);

}  // namespace xxgk
