#include "lsp/settings.h"

#include "config/config_file.h"
#include "xxgk/rule.h"

namespace xxgk::lsp {

ClientSettings parse_client_settings(const json& settings, std::vector<std::string>& warnings) {
  ClientSettings parsed;
  if (!settings.is_object()) {
    if (!settings.is_null()) warnings.push_back("xxgkLint settings: expected an object, got " + serialize(settings));
    return parsed;
  }
  if (const json* rules = optional_member(settings, "rules")) {
    if (!rules->is_object()) {
      warnings.push_back("xxgkLint.rules: expected an object of rule id -> severity");
    } else {
      for (const auto& [id, value] : rules->items()) {
        Severity severity;
        if (!find_rule(id)) {
          warnings.push_back("xxgkLint.rules: unknown rule id '" + id + "'");
        } else if (!value.is_string() || !parse_severity(value.get<std::string>(), severity)) {
          warnings.push_back("xxgkLint.rules." + id + ": invalid severity " + serialize(value) +
                             " (off|info|warning|error)");
        } else {
          parsed.rules[id] = severity;
        }
      }
    }
  }
  if (const json* kind = optional_member(settings, "agencyKind")) {
    if (*kind == "department") {
      parsed.agency_kind = AgencyKind::Department;
    } else if (*kind == "government") {
      parsed.agency_kind = AgencyKind::Government;
    } else if (*kind != "auto") {
      warnings.push_back("xxgkLint.agencyKind: invalid value " + serialize(*kind) + " (auto|department|government)");
    }
  }
  if (const json* lint_all = optional_member(settings, "lintAllDocuments")) {
    if (lint_all->is_boolean()) {
      parsed.lint_all_documents = lint_all->get<bool>();
    } else {
      warnings.push_back("xxgkLint.lintAllDocuments: expected true or false");
    }
  }
  return parsed;
}

DocumentPolicy document_policy(const std::optional<std::filesystem::path>& document_path,
                               const std::optional<std::filesystem::path>& fallback_directory,
                               const ClientSettings& settings) {
  DocumentPolicy policy;
  const std::optional<std::filesystem::path> start = document_path ? document_path : fallback_directory;
  if (start) {
    try {
      config::ConfigFile config = config::config_for(*start, std::nullopt);
      policy.options = std::move(config.options);
      policy.config_file = config.path;
      policy.ignored = document_path && !config.path.empty() && config::is_ignored(config, *document_path);
    } catch (const config::ConfigError& error) {
      policy.config_error = error.what();
    }
  }
  for (const auto& [id, severity] : settings.rules) policy.options.severity[id] = severity;
  if (settings.agency_kind != AgencyKind::Auto) policy.options.agency_kind = settings.agency_kind;
  policy.lint_all_documents = settings.lint_all_documents;
  return policy;
}

}  // namespace xxgk::lsp
