// textDocument/codeAction: one quick fix per fix of each diagnostic in range, and `source.fixAll.xxgk-lint`
// applying every safe fix in one minimal edit.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "lsp/features.h"

namespace xxgk::lsp {

inline constexpr std::string_view kFixAllKind = "source.fixAll.xxgk-lint";

struct CodeActionContext {
  const std::string& uri;
  int64_t version;
  std::string_view text;
  const Wire& wire;
  // The document's current diagnostics, used when the request's context carries none of ours for this version.
  const std::vector<Diagnostic>& diagnostics;
  bool related_information;  // the client is sent relatedInformation (for the diagnostics an action echoes)
  // The text with every safe fix applied (core fix_all), computed only when the fix-all action is wanted.
  std::function<std::string()> fix_all_text;
  bool document_changes;  // the client accepts versioned `documentChanges`
};

json code_actions(const json& params, const CodeActionContext& context);

// The smallest single edit turning `before` into `after`: the differing middle, widened so that it neither splits a
// UTF-8 character nor a "\r\n" (either would make its wire range ambiguous).
TextEdit minimal_edit(std::string_view before, std::string_view after);

}  // namespace xxgk::lsp
