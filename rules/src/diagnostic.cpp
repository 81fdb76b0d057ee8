#include "xxgk/diagnostic.h"

#include <algorithm>

#include "xxgk/rule.h"

namespace xxgk {

namespace {
constexpr std::pair<Severity, std::string_view> kSeverityNames[] = {
    {Severity::Off, "off"}, {Severity::Info, "info"}, {Severity::Warning, "warning"}, {Severity::Error, "error"}};
}

std::string_view severity_name(Severity severity) {
  for (const auto& [value, name] : kSeverityNames)
    if (value == severity) return name;
  return "error";
}

bool parse_severity(std::string_view name, Severity& severity) {
  for (const auto& [value, known] : kSeverityNames)
    if (known == name) {
      severity = value;
      return true;
    }
  return false;
}

void sort_by_position(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.range.begin != b.range.begin) return a.range.begin < b.range.begin;
    return a.rule->id < b.rule->id;
  });
}

}  // namespace xxgk
