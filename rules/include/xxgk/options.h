// What the caller tells the core beyond the text: who wrote the report, for which year, and rule severities.
// Reading it from .xxgk-lint.json is the front ends' job (lsp-server/), not the core's.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "xxgk/diagnostic.h"

namespace xxgk {

enum class AgencyKind { Auto, Department, Government };

struct LintOptions {
  AgencyKind agency_kind = AgencyKind::Auto;
  std::optional<int> year;                   // reporting year; default: from the title
  std::map<std::string, Severity> severity;  // rule id -> severity override (Off disables the rule)
};

}  // namespace xxgk
