// Helpers shared by the grammar tests: RAII wrappers around the Tree-sitter C API,
// file loading, and tree dumps that (unlike ts_node_string) include anonymous tokens
// and byte ranges.
#pragma once

#include <tree_sitter/api.h>
#include <xxgk/grammar.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk_grammar_test {

struct ParserDeleter {
  void operator()(TSParser *p) const { ts_parser_delete(p); }
};
struct TreeDeleter {
  void operator()(TSTree *t) const { ts_tree_delete(t); }
};
using ParserPtr = std::unique_ptr<TSParser, ParserDeleter>;
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;

inline ParserPtr make_parser() {
  ParserPtr parser(ts_parser_new());
  if (!ts_parser_set_language(parser.get(), tree_sitter_xxgk_report())) {
    throw std::runtime_error("tree_sitter_xxgk_report: ABI version not supported by the runtime");
  }
  return parser;
}

inline TreePtr parse(TSParser *parser, std::string_view text, const TSTree *old_tree = nullptr) {
  return TreePtr(ts_parser_parse_string(parser, old_tree, text.data(),
                                        static_cast<uint32_t>(text.size())));
}

// ts_node_string, freed.
inline std::string node_string(TSNode node) {
  char *raw = ts_node_string(node);
  std::string s(raw);
  std::free(raw);
  return s;
}

// Collapses whitespace so that hand-formatted S-expressions compare equal to
// ts_node_string output (same rules as the tree-sitter CLI).
inline std::string normalize_sexp(std::string_view in) {
  std::string out;
  bool pending_space = false;
  for (char c : in) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty() && out.back() != '(' && c != ')') out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

inline std::string read_file(const std::filesystem::path &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Full structural dump: every node (named or not) with kind and byte range, plus
// start/end points. Two trees with equal dumps are identical for every consumer.
inline void dump_node(TSNode node, std::string &out, int depth) {
  out.append(static_cast<size_t>(depth) * 2, ' ');
  std::string type = ts_node_type(node);
  if (!ts_node_is_named(node)) {
    std::string quoted = "'";
    for (char c : type) {
      if (c == '\t') quoted += "\\t";
      else quoted += c;
    }
    type = quoted + "'";
  }
  if (ts_node_is_missing(node)) type = "MISSING " + type;
  TSPoint sp = ts_node_start_point(node), ep = ts_node_end_point(node);
  out += type + " [" + std::to_string(ts_node_start_byte(node)) + "," +
         std::to_string(ts_node_end_byte(node)) + ") (" + std::to_string(sp.row) + ":" +
         std::to_string(sp.column) + "-" + std::to_string(ep.row) + ":" +
         std::to_string(ep.column) + ")\n";
  uint32_t n = ts_node_child_count(node);
  for (uint32_t i = 0; i < n; i++) dump_node(ts_node_child(node, i), out, depth + 1);
}

inline std::string dump(TSNode node) {
  std::string out;
  dump_node(node, out, 0);
  return out;
}

// The point Tree-sitter gives byte `offset` of `text`: rows counted at '\n' only, columns in bytes.
inline TSPoint point_at(std::string_view text, size_t offset) {
  uint32_t row = 0;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; i++) {
    if (text[i] == '\n') {
      row++;
      line_start = i + 1;
    }
  }
  return TSPoint{row, static_cast<uint32_t>(offset - line_start)};
}

// Text of a node.
inline std::string_view node_text(std::string_view src, TSNode node) {
  uint32_t s = ts_node_start_byte(node), e = ts_node_end_byte(node);
  return src.substr(s, e - s);
}

// All descendants (depth-first, pre-order) of the given kind, named or anonymous.
inline void collect(TSNode node, std::string_view kind, std::vector<TSNode> &out) {
  if (kind == ts_node_type(node)) out.push_back(node);
  uint32_t n = ts_node_child_count(node);
  for (uint32_t i = 0; i < n; i++) collect(ts_node_child(node, i), kind, out);
}

inline std::vector<TSNode> collect(TSNode node, std::string_view kind) {
  std::vector<TSNode> out;
  collect(node, kind, out);
  return out;
}

inline std::vector<TSNode> children(TSNode node) {
  std::vector<TSNode> out;
  uint32_t n = ts_node_child_count(node);
  for (uint32_t i = 0; i < n; i++) out.push_back(ts_node_child(node, i));
  return out;
}

inline std::vector<std::filesystem::path> sample_files() {
  std::vector<std::filesystem::path> files;
  for (const auto &e : std::filesystem::directory_iterator(XXGK_GRAMMAR_SAMPLES_DIR)) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace xxgk_grammar_test
