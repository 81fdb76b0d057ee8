// The core entry points: text + options in, diagnostics with fixes out. No JSON, no I/O: the CLI and the language
// server are thin front ends over this header.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "xxgk/diagnostic.h"
#include "xxgk/model.h"
#include "xxgk/options.h"
#include "xxgk/positions.h"

namespace xxgk {

// Lints `text` once (parse, build the model, run every enabled rule). Diagnostics are sorted by position.
std::vector<Diagnostic> lint(std::string_view text, const LintOptions& options);

// A document that is edited over time (the language server's buffers): keeps its Tree-sitter tree and updates it
// incrementally (ts_tree_edit + reparse with the old tree) instead of reparsing from scratch on every keystroke.
class Document {
 public:
  explicit Document(std::string text = {});
  ~Document();
  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;

  const std::string& text() const { return text_; }
  const LineIndex& lines() const;

  // Replaces the bytes in `range` (clamped to the text) with `new_text`, and edits the syntax tree to match.
  void replace(ByteRange range, std::string_view new_text);
  // Replaces the whole text (a full-sync change); the tree is reparsed from scratch.
  void set_text(std::string text);

  // The model of the current text (rebuilt after edits, on demand).
  const Report& report(const LintOptions& options);
  // Lints the current text.
  std::vector<Diagnostic> lint(const LintOptions& options);
  // Whether the text looks like an annual report: a title or heading containing 政府信息公开 and 年度报告, or at
  // least three of the six section headings, or — for reports copied from web pages without their title line — a
  // beginning that names 政府信息公开工作年度报告 and has a section heading, a table or the regulation's name. The
  // language server and the command line lint only such documents by default (one decision for both).
  bool looks_like_report();

  // S-expression of the current syntax tree (tests and debugging).
  std::string syntax_tree_string() const;

 private:
  struct Impl;
  std::string text_;
  std::unique_ptr<Impl> impl_;
};

// Whether a diagnostic's fixes may be applied by `fix` / fix-all.
enum class FixMode { SafeOnly, IncludeUnsafe };

struct FixResult {
  std::string text;      // the fixed text
  size_t applied = 0;    // fixes applied, over all passes
  std::vector<std::string> applied_titles;  // "RULE: fix title" per applied fix, in order
};

// Applies the fixes of `diagnostics` allowed by `mode`, one fix per diagnostic (its first allowed fix), skipping a fix
// whose edits overlap one already taken. One pass.
FixResult apply_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics, FixMode mode);
// Lints and fixes repeatedly until no allowed fix remains (at most `max_passes`), as `xxgk-lint fix` does.
FixResult fix_all(std::string_view text, const LintOptions& options, FixMode mode, int max_passes = 8);

// Builds the model of `text` (parse + recognise) without running rules.
Report build_report(std::string_view text, const LintOptions& options);

// Frees what lints keep on the calling thread for the next one: the normalised labels and the parser with its pools of
// freed stack nodes and subtrees. For a caller that expects a unit of work to free what it allocated: the fuzz
// targets (fuzz/fuzz_entries.h, end_execution). The next lint rebuilds them.
void release_thread_state();

}  // namespace xxgk
