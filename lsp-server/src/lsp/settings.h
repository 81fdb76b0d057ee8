// What decides how a document is linted: the .xxgk-lint.json nearest to it (read exactly as the CLI reads it) and
// the client's `xxgkLint` settings layered on top.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lsp/protocol.h"
#include "xxgk/options.h"

namespace xxgk::lsp {

// The client's settings section `xxgkLint` (workspace/configuration, didChangeConfiguration, initializationOptions).
struct ClientSettings {
  std::map<std::string, Severity> rules;  // override the config file's severities
  // Overrides the config file unless Auto: VS Code always sends its default "auto", which must not undo an explicit
  // "agencyKind" in .xxgk-lint.json.
  AgencyKind agency_kind = AgencyKind::Auto;
  bool lint_all_documents = false;
};

// Reads a settings object; values that make no sense are skipped and described in `warnings`.
ClientSettings parse_client_settings(const json& settings, std::vector<std::string>& warnings);

// How one document is to be linted.
struct DocumentPolicy {
  LintOptions options;
  bool ignored = false;             // matched by the config file's `ignore` patterns
  bool lint_all_documents = false;  // lint even when the text does not look like a report
  std::filesystem::path config_file;  // the file read; empty when none was found
  std::string config_error;         // why the config file was not used (defaults apply instead)
};

// The policy for a document at `document_path` (nullopt for an unsaved buffer: the config is looked up from
// `fallback_directory`, the first workspace folder, when there is one).
DocumentPolicy document_policy(const std::optional<std::filesystem::path>& document_path,
                               const std::optional<std::filesystem::path>& fallback_directory,
                               const ClientSettings& settings);

}  // namespace xxgk::lsp
