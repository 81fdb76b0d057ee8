// Runs every entry of grammar/test/corpus/*.txt (Tree-sitter's corpus format) through the
// C runtime and compares ts_node_string(root) with the expected S-expression.
//
// Format (as the tree-sitter CLI reads it):
//   ===...        a line of 3+ '='
//   entry name
//   ===...
//   input bytes
//   ---...        a line of 3+ '-'
//   expected S-expression (whitespace-insensitive; ';' starts a comment line)
// The input is the text between the header and the divider minus one trailing "\n"
// and then one trailing "\r", so an input ending in a newline needs an empty line
// before the divider.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "grammar_test_util.hpp"

namespace fs = std::filesystem;
using namespace xxgk_grammar_test;

namespace {

struct CorpusEntry {
  std::string file;      // corpus file name
  std::string name;      // entry name as written
  std::string test_name; // GoogleTest-safe, unique
  std::string input;
  std::string expected;
  std::string load_error; // non-empty: the corpus itself is broken
};

bool is_rule_line(std::string_view line, char ch) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
  return line.size() >= 3 && std::all_of(line.begin(), line.end(), [ch](char c) { return c == ch; });
}

struct Line {
  size_t start, end_incl_nl;  // [start, end) including the '\n'
  std::string_view text;      // without '\n'
};

std::vector<Line> split_lines(const std::string &s) {
  std::vector<Line> lines;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t nl = s.find('\n', pos);
    size_t end = nl == std::string::npos ? s.size() : nl + 1;
    size_t text_end = nl == std::string::npos ? s.size() : nl;
    lines.push_back({pos, end, std::string_view(s).substr(pos, text_end - pos)});
    pos = end;
  }
  return lines;
}

std::string strip_comments(const std::string &expected) {
  std::string out;
  for (const Line &l : split_lines(expected)) {
    std::string_view t = l.text;
    size_t first = t.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && t[first] == ';') continue;
    out.append(t);
    out.push_back('\n');
  }
  return out;
}

std::vector<CorpusEntry> parse_corpus_file(const fs::path &path) {
  std::vector<CorpusEntry> entries;
  const std::string content = read_file(path);
  const std::vector<Line> lines = split_lines(content);

  // Header positions: line i is '=', i+1 the name, i+2 '='.
  std::vector<size_t> headers;
  for (size_t i = 0; i + 2 < lines.size(); i++) {
    if (is_rule_line(lines[i].text, '=') && !is_rule_line(lines[i + 1].text, '=') &&
        is_rule_line(lines[i + 2].text, '=')) {
      headers.push_back(i);
      i += 2;
    }
  }
  for (size_t h = 0; h < headers.size(); h++) {
    size_t i = headers[h];
    size_t end_line = h + 1 < headers.size() ? headers[h + 1] : lines.size();
    CorpusEntry e;
    e.file = path.filename().string();
    e.name = std::string(lines[i + 1].text);
    if (!e.name.empty() && e.name.back() == '\r') e.name.pop_back();
    size_t input_start = lines[i + 2].end_incl_nl;
    size_t divider = end_line;
    for (size_t j = i + 3; j < end_line; j++) {
      if (is_rule_line(lines[j].text, '-')) {
        divider = j;
        break;
      }
    }
    if (divider == end_line) {
      e.load_error = "no '---' divider";
      entries.push_back(e);
      continue;
    }
    std::string input = content.substr(input_start, lines[divider].start - input_start);
    if (!input.empty()) input.pop_back();  // the '\n' before the divider
    if (!input.empty() && input.back() == '\r') input.pop_back();
    e.input = std::move(input);
    size_t expected_end = end_line < lines.size() ? lines[end_line].start : content.size();
    e.expected = strip_comments(
        content.substr(lines[divider].end_incl_nl, expected_end - lines[divider].end_incl_nl));
    entries.push_back(std::move(e));
  }
  return entries;
}

std::string sanitize(const std::string &s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c)) out.push_back(static_cast<char>(c));
    else if (!out.empty() && out.back() != '_') out.push_back('_');
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out.empty() ? "entry" : out;
}

std::vector<CorpusEntry> load_corpus() {
  std::vector<CorpusEntry> all;
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto &e : fs::directory_iterator(XXGK_GRAMMAR_CORPUS_DIR, ec)) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::map<std::string, int> used;
  for (const auto &f : files) {
    for (auto &e : parse_corpus_file(f)) {
      std::string base = sanitize(f.stem().string()) + "__" + sanitize(e.name);
      int n = used[base]++;
      e.test_name = n == 0 ? base : base + "_" + std::to_string(n + 1);
      all.push_back(std::move(e));
    }
  }
  if (all.empty()) {
    CorpusEntry e;
    e.test_name = "no_corpus_found";
    e.load_error = std::string("no corpus entries under ") + XXGK_GRAMMAR_CORPUS_DIR;
    all.push_back(e);
  }
  return all;
}

class CorpusTest : public ::testing::TestWithParam<CorpusEntry> {};

TEST_P(CorpusTest, Parses) {
  const CorpusEntry &e = GetParam();
  ASSERT_TRUE(e.load_error.empty()) << e.file << ": " << e.name << ": " << e.load_error;
  auto parser = make_parser();
  auto tree = parse(parser.get(), e.input);
  ASSERT_NE(tree, nullptr);
  const std::string actual = normalize_sexp(node_string(ts_tree_root_node(tree.get())));
  const std::string expected = normalize_sexp(e.expected);
  EXPECT_EQ(actual, expected) << "corpus entry '" << e.name << "' in " << e.file;
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorpusTest, ::testing::ValuesIn(load_corpus()),
                         [](const ::testing::TestParamInfo<CorpusEntry> &info) {
                           return info.param.test_name;
                         });

// The corpus must stay meaningful: at least the shapes the grammar contract lists.
TEST(CorpusMeta, HasEntriesForEveryFile) {
  auto entries = load_corpus();
  std::map<std::string, int> per_file;
  for (const auto &e : entries) per_file[e.file]++;
  EXPECT_GE(entries.size(), 40u);
  EXPECT_GE(per_file["document.txt"], 1);
  EXPECT_GE(per_file["headings.txt"], 1);
  EXPECT_GE(per_file["tables.txt"], 1);
}

}  // namespace
