// The Tree-sitter side of the core: a syntax tree of the xxgk_report grammar that is kept between parses so that
// edits reparse incrementally, and the grammar's node kinds resolved once to symbols.
#pragma once

#include <tree_sitter/api.h>

#include <string>
#include <string_view>

#include "xxgk/positions.h"

namespace xxgk {

struct GrammarSymbols {
  TSSymbol title, heading, subheading, paragraph, line, table, row, delimiter_row, blank, html_comment;
  static const GrammarSymbols& get();
};

// The parser of the calling thread, which every SyntaxTree on the thread parses with.
TSParser* thread_parser();
// Frees the calling thread's parser and the pools it keeps between parses (the next parse makes another), for a
// caller that expects a unit of work to free what it allocated: the fuzz targets (fuzz/fuzz_entries.h, end_execution).
void release_thread_parser();

class SyntaxTree {
 public:
  SyntaxTree() = default;
  ~SyntaxTree();
  SyntaxTree(const SyntaxTree&) = delete;
  SyntaxTree& operator=(const SyntaxTree&) = delete;

  // Parses `text`, reusing the previous tree when edit() has described how the text changed since.
  void parse(std::string_view text);
  // Records that bytes [range) of `old_text` were replaced by `new_text`, so the next parse can reuse the tree.
  void edit(std::string_view old_text, ByteRange range, std::string_view new_text);
  // Forgets the tree: the next parse starts from scratch.
  void reset();

  bool has_tree() const { return tree_ != nullptr; }
  TSNode root() const { return ts_tree_root_node(tree_); }
  std::string to_string() const;

 private:
  TSTree* tree_ = nullptr;
};

}  // namespace xxgk
