#include "lsp/code_actions.h"

#include <algorithm>

#include "lsp/diagnostics_wire.h"
#include "xxgk/rule.h"

namespace xxgk::lsp {
namespace {

bool before_or_at(Position a, Position b) { return a.line < b.line || (a.line == b.line && a.column <= b.column); }

// Whether a diagnostic's range meets the requested range (touching counts: the request is often just the cursor).
bool meets(const WireRange& a, const WireRange& b) { return before_or_at(a.start, b.end) && before_or_at(b.start, a.end); }

json workspace_edit(const CodeActionContext& context, json edits) {
  if (context.document_changes) {
    return {{"documentChanges",
             json::array({{{"textDocument", {{"uri", context.uri}, {"version", context.version}}},
                           {"edits", std::move(edits)}}})}};
  }
  return {{"changes", {{context.uri, std::move(edits)}}}};
}

json quick_fix(std::string_view title, std::string_view code, const json& diagnostic, json edits, bool preferred,
               const CodeActionContext& context) {
  json action = {{"title", std::string(title) + " (" + std::string(code) + ")"},
                 {"kind", "quickfix"},
                 {"diagnostics", json::array({diagnostic})},
                 {"edit", workspace_edit(context, std::move(edits))}};
  if (preferred) action["isPreferred"] = true;
  return action;
}

// The quick fixes of diagnostics the client sent back for this very version: their `data` holds the fixes. Whether
// there were any.
bool add_client_quick_fixes(const json& request_context, const CodeActionContext& context, json& actions) {
  const json* given = optional_member(request_context, "diagnostics");
  if (!given || !given->is_array()) return false;
  bool found = false;
  for (const json& diagnostic : *given) {
    const json* data = optional_member(diagnostic, "data");
    const json* version = data ? optional_member(*data, "version") : nullptr;
    const json* fixes = data ? optional_member(*data, "fixes") : nullptr;
    if (!optional_member(diagnostic, "source") || diagnostic["source"] != "xxgk-lint" || !version ||
        *version != context.version || !fixes || !fixes->is_array()) {
      continue;
    }
    found = true;
    const std::string code = diagnostic.contains("code") ? diagnostic["code"].get<std::string>() : "xxgk-lint";
    for (const json& fix : *fixes) {
      actions.push_back(quick_fix(fix.value("title", std::string("修复 (fix)")), code, diagnostic,
                                  fix.value("edits", json::array()), fixes->size() == 1 && fix.value("safe", false),
                                  context));
    }
  }
  return found;
}

// The quick fixes of the server's own current diagnostics in `range`.
void add_own_quick_fixes(const WireRange& range, const CodeActionContext& context, json& actions) {
  const PositionEncoding encoding = context.wire.encoding;
  for (const Diagnostic& diagnostic : context.diagnostics) {
    const WireRange at{context.wire.lines.position(diagnostic.range.begin, encoding),
                       context.wire.lines.position(diagnostic.range.end, encoding)};
    if (!meets(at, range) || diagnostic.fixes.empty()) continue;
    const json echoed =
        diagnostic_to_json(diagnostic, context.wire, context.uri, context.version, context.related_information);
    const std::string_view code = diagnostic.rule ? diagnostic.rule->id : std::string_view("xxgk-lint");
    for (const Fix& fix : diagnostic.fixes) {
      actions.push_back(quick_fix(fix.title, code, echoed, text_edits_to_json(fix.edits, context.wire),
                                  diagnostic.fixes.size() == 1 && fix.safe, context));
    }
  }
}

bool has_safe_fix(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& diagnostic) {
    return std::any_of(diagnostic.fixes.begin(), diagnostic.fixes.end(), [](const Fix& fix) { return fix.safe; });
  });
}

bool splits_character(std::string_view text, size_t offset) {
  if (offset == 0 || offset >= text.size()) return false;
  const auto byte = static_cast<unsigned char>(text[offset]);
  return (byte & 0xC0) == 0x80 || (text[offset - 1] == '\r' && text[offset] == '\n');
}

}  // namespace

TextEdit minimal_edit(std::string_view before, std::string_view after) {
  const size_t shorter = std::min(before.size(), after.size());
  size_t prefix = 0;
  while (prefix < shorter && before[prefix] == after[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < shorter - prefix && before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix]) {
    ++suffix;
  }
  while (splits_character(before, prefix) || splits_character(after, prefix)) --prefix;
  while (suffix > 0 &&
         (splits_character(before, before.size() - suffix) || splits_character(after, after.size() - suffix))) {
    --suffix;
  }
  return {{prefix, before.size() - suffix}, std::string(after.substr(prefix, after.size() - suffix - prefix))};
}

json code_actions(const json& params, const CodeActionContext& context) {
  const WireRange range = range_from_json(object_member(params, "range"));
  const json& request_context = object_member(params, "context");
  std::vector<std::string> only;
  if (const json* kinds = optional_member(request_context, "only"); kinds && kinds->is_array()) {
    for (const json& kind : *kinds) {
      if (kind.is_string()) only.push_back(kind.get<std::string>());
    }
  }
  // A kind is wanted when `only` is absent, or names it or one of its parents ("source" covers "source.fixAll…").
  auto wanted = [&](std::string_view kind) {
    return only.empty() || std::any_of(only.begin(), only.end(), [&](const std::string& prefix) {
             return kind == prefix || (kind.starts_with(prefix) && kind[prefix.size()] == '.');
           });
  };

  json actions = json::array();
  if (wanted("quickfix") && !add_client_quick_fixes(request_context, context, actions)) {
    add_own_quick_fixes(range, context, actions);
  }
  // Fix-all lints repeatedly; without an explicit request for it, offer it only when there is a safe fix to apply.
  if (wanted(kFixAllKind) && (!only.empty() || has_safe_fix(context.diagnostics))) {
    const std::string fixed = context.fix_all_text();
    if (fixed != context.text) {
      const TextEdit edit = minimal_edit(context.text, fixed);
      json edits = json::array({{{"range", context.wire.range(edit.range)}, {"newText", edit.new_text}}});
      actions.push_back({{"title", "修复全部可安全修复的问题 (xxgk-lint: fix all safe issues)"},
                         {"kind", std::string(kFixAllKind)},
                         {"edit", workspace_edit(context, std::move(edits))}});
    }
  }
  return actions;
}

}  // namespace xxgk::lsp
