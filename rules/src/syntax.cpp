#include "syntax.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <stdexcept>

#include "tree_allocator.h"
#include "xxgk/grammar.h"

namespace xxgk {
namespace {

TSSymbol symbol(const TSLanguage* language, const char* name) {
  const TSSymbol s = ts_language_symbol_for_name(language, name, static_cast<uint32_t>(std::strlen(name)), true);
  if (s == 0) throw std::logic_error(std::string("grammar has no node kind '") + name + "'");
  return s;
}

// Tree-sitter counts rows by '\n' only and columns in bytes; its points only need to be consistent with what its
// own lexer computes, since the model reads byte offsets.
TSPoint point_at(std::string_view text, size_t byte) {
  TSPoint point{0, 0};
  size_t line_start = 0;
  for (const char* p = text.data(); (p = static_cast<const char*>(std::memchr(p, '\n', text.data() + byte - p)));) {
    ++point.row;
    ++p;
    line_start = static_cast<size_t>(p - text.data());
  }
  point.column = static_cast<uint32_t>(byte - line_start);
  return point;
}

TSPoint advance_point(TSPoint start, std::string_view inserted) {
  const size_t last_newline = inserted.rfind('\n');
  if (last_newline == std::string_view::npos)
    return {start.row, start.column + static_cast<uint32_t>(inserted.size())};
  const auto rows = static_cast<uint32_t>(std::count(inserted.begin(), inserted.end(), '\n'));
  return {start.row + rows, static_cast<uint32_t>(inserted.size() - last_newline - 1)};
}

struct ParserDeleter {
  void operator()(TSParser* parser) const { ts_parser_delete(parser); }
};

}  // namespace

// One parser per thread, shared by the trees on it, rather than one per document: making and freeing a parser (its
// stacks and pools) costs about 45,000 instructions, and parses on one thread never overlap (a parser keeps nothing
// of a finished parse but its memory pools).
namespace {
std::unique_ptr<TSParser, ParserDeleter>& thread_parser_slot() {
  thread_local std::unique_ptr<TSParser, ParserDeleter> parser;
  return parser;
}
}  // namespace

TSParser* thread_parser() {
  std::unique_ptr<TSParser, ParserDeleter>& parser = thread_parser_slot();
  if (!parser) {
    install_tree_allocator();
    std::unique_ptr<TSParser, ParserDeleter> made(ts_parser_new());
    if (!ts_parser_set_language(made.get(), tree_sitter_xxgk_report()))
      throw std::logic_error("the xxgk_report grammar does not match the Tree-sitter runtime's ABI");
    parser = std::move(made);
  }
  return parser.get();
}

void release_thread_parser() { thread_parser_slot().reset(); }

const GrammarSymbols& GrammarSymbols::get() {
  static const GrammarSymbols symbols = [] {
    const TSLanguage* language = tree_sitter_xxgk_report();
    GrammarSymbols s{};
    s.title = symbol(language, "title");
    s.heading = symbol(language, "heading");
    s.subheading = symbol(language, "subheading");
    s.paragraph = symbol(language, "paragraph");
    s.line = symbol(language, "line");
    s.table = symbol(language, "table");
    s.row = symbol(language, "row");
    s.delimiter_row = symbol(language, "delimiter_row");
    s.blank = symbol(language, "blank");
    s.html_comment = symbol(language, "html_comment");
    return s;
  }();
  return symbols;
}

SyntaxTree::~SyntaxTree() { reset(); }

void SyntaxTree::reset() {
  if (tree_) ts_tree_delete(tree_);
  tree_ = nullptr;
}

void SyntaxTree::parse(std::string_view text) {
  TSTree* old = tree_;
  tree_ = ts_parser_parse_string(thread_parser(), old, text.data(), static_cast<uint32_t>(text.size()));
  if (old) ts_tree_delete(old);
  if (!tree_) throw std::runtime_error("Tree-sitter could not parse the document");
}

void SyntaxTree::edit(std::string_view old_text, ByteRange range, std::string_view new_text) {
  if (!tree_) return;
  TSInputEdit e;
  e.start_byte = static_cast<uint32_t>(range.begin);
  e.old_end_byte = static_cast<uint32_t>(range.end);
  e.new_end_byte = static_cast<uint32_t>(range.begin + new_text.size());
  e.start_point = point_at(old_text, range.begin);
  e.old_end_point = advance_point(e.start_point, old_text.substr(range.begin, range.size()));
  e.new_end_point = advance_point(e.start_point, new_text);
  ts_tree_edit(tree_, &e);
}

std::string SyntaxTree::to_string() const {
  if (!tree_) return {};
  char* s = ts_node_string(root());
  std::string out(s);
  free_tree_memory(s);
  return out;
}

}  // namespace xxgk
