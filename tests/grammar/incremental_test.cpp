// Incremental reparsing must give exactly the tree a fresh parse gives.
//
// Random edit chains over the samples: every step applies one edit with ts_tree_edit,
// reparses with the old tree, and compares the result (ts_node_string and a full dump
// with anonymous tokens, byte ranges and points) with a fresh parse of the same text.
// Edits include byte-level edits inside CJK characters (invalid UTF-8), code-point
// aligned edits, line splits/joins, and turning a paragraph line into a table row and
// back.
//
// Environment: XXGK_GRAMMAR_FUZZ_ITERATIONS (edits per sample, default 600),
//              XXGK_GRAMMAR_FUZZ_SEED (base seed, default 20220101).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "grammar_test_util.hpp"

namespace fs = std::filesystem;
using namespace xxgk_grammar_test;

namespace {

uint64_t env_u64(const char *name, uint64_t fallback) {
  const char *v = std::getenv(name);
  if (!v || !*v) return fallback;
  return std::strtoull(v, nullptr, 10);
}

struct Edit {
  size_t start = 0;
  size_t old_len = 0;
  std::string replacement;
  std::string kind;
};

std::string apply_edit(const std::string &text, const Edit &e) {
  return text.substr(0, e.start) + e.replacement + text.substr(e.start + e.old_len);
}

TSInputEdit to_input_edit(const std::string &old_text, const std::string &new_text, const Edit &e) {
  TSInputEdit ie;
  ie.start_byte = static_cast<uint32_t>(e.start);
  ie.old_end_byte = static_cast<uint32_t>(e.start + e.old_len);
  ie.new_end_byte = static_cast<uint32_t>(e.start + e.replacement.size());
  ie.start_point = point_at(old_text, e.start);
  ie.old_end_point = point_at(old_text, e.start + e.old_len);
  ie.new_end_point = point_at(new_text, e.start + e.replacement.size());
  return ie;
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

class EditGenerator {
 public:
  explicit EditGenerator(uint64_t seed) : rng_(seed) {}

  size_t below(size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  bool chance(int percent) { return static_cast<int>(below(100)) < percent; }

  // A code-point boundary at or before `pos`.
  static size_t boundary(const std::string &t, size_t pos) {
    while (pos > 0 && pos < t.size() && is_continuation(static_cast<unsigned char>(t[pos]))) pos--;
    return pos;
  }

  const std::string &fragment() {
    static const std::vector<std::string> fragments = {
        "\t", "|", " | ", "\t\t", "\n", "\r\n", "\r", "\n\n", "一、", "四、", "十", "、",
        "（一）", "(二) ", "（", "）", "# ", "## ", "### ", "#", "<!-- ", " -->", "-->", "<!--",
        "。", "：", ";", "\xEF\xBB\xBF", "\xE3\x80\x80", " ", "0", "中", "政府信息公开",
        "\\|", "|---|:---:|", "---", "**", "四、结转下年度继续办理\t\t0\t0", "一、总体情况\n",
        "（二）依申请公开\n", "\t0\t0\t0\n", "| 0 | 0 |\n", "\n\t\n", "\xE4", "\xB8\x80", "\x80",
        "\xFF", std::string("\0", 1), "x", "2022年", "\n一、总体情况", "正文。\n",
    };
    return fragments[below(fragments.size())];
  }

  // Start offset of a random line and its end (excluding the terminator).
  std::pair<size_t, size_t> random_line(const std::string &t) {
    size_t pos = boundary(t, below(t.size() + 1));
    size_t start = pos;
    while (start > 0 && t[start - 1] != '\n' && t[start - 1] != '\r') start--;
    size_t end = pos;
    while (end < t.size() && t[end] != '\n' && t[end] != '\r') end++;
    return {start, end};
  }

  Edit next(const std::string &t) {
    Edit e;
    switch (below(12)) {
      case 0: {  // insert at any byte (may split a CJK character)
        e.start = below(t.size() + 1);
        e.replacement = fragment();
        e.kind = "insert-byte";
        break;
      }
      case 1:
      case 2: {  // insert at a code-point boundary
        e.start = boundary(t, below(t.size() + 1));
        e.replacement = fragment();
        e.kind = "insert";
        break;
      }
      case 3: {  // delete whole characters
        e.start = boundary(t, below(t.size() + 1));
        size_t end = boundary(t, std::min(t.size(), e.start + 1 + below(12)));
        if (end <= e.start) end = std::min(t.size(), e.start + 1);
        while (end < t.size() && is_continuation(static_cast<unsigned char>(t[end]))) end++;
        e.old_len = end - e.start;
        e.kind = "delete";
        break;
      }
      case 4: {  // delete or replace single bytes anywhere (CJK boundary / inside)
        e.start = below(t.size() + 1);
        e.old_len = std::min(t.size() - e.start, 1 + below(3));
        if (chance(50)) e.replacement = fragment();
        e.kind = "byte-edit";
        break;
      }
      case 5: {  // replace one multi-byte character with another character
        size_t pos = boundary(t, below(t.size() + 1));
        size_t end = pos;
        if (end < t.size()) end++;
        while (end < t.size() && is_continuation(static_cast<unsigned char>(t[end]))) end++;
        static const std::vector<std::string> chars = {"一", "、", "。", "中", "（", "）", "：", "\t",
                                                       "|", "\xE3\x80\x80", "五", "亡"};
        e.start = pos;
        e.old_len = end - pos;
        e.replacement = chars[below(chars.size())];
        e.kind = "replace-char";
        break;
      }
      case 6: {  // paragraph line -> row (insert a separator into a line)
        auto [ls, le] = random_line(t);
        e.start = boundary(t, ls + below(le - ls + 1));
        e.replacement = chance(50) ? "\t" : " | ";
        e.kind = "line-to-row";
        break;
      }
      case 7: {  // row -> paragraph line (remove every separator of a line)
        auto [ls, le] = random_line(t);
        std::string line = t.substr(ls, le - ls), stripped;
        for (char c : line)
          if (c != '\t' && c != '|') stripped += c;
        e.start = ls;
        e.old_len = le - ls;
        e.replacement = stripped;
        e.kind = "row-to-line";
        break;
      }
      case 8: {  // join two lines / split a line
        auto [ls, le] = random_line(t);
        (void)ls;
        if (chance(50) && le < t.size()) {
          e.start = le;
          e.old_len = (t[le] == '\r' && le + 1 < t.size() && t[le + 1] == '\n') ? 2 : 1;
          e.kind = "join-lines";
        } else {
          e.start = boundary(t, below(t.size() + 1));
          e.replacement = chance(70) ? "\n" : (chance(50) ? "\r\n" : "\r");
          e.kind = "split-line";
        }
        break;
      }
      case 9: {  // replace a whole line with a structurally interesting one
        static const std::vector<std::string> lines = {
            "一、总体情况", "## 二、主动公开政府信息情况", "（三）政府信息管理", "(四) 平台建设",
            "四、结转下年度继续办理\t\t0\t0\t0", "一、本年新收 | 0 | 0 |", "|---|---|",
            "<!-- 注 -->", "<!--", "-->", "", "  ", "\t \t", "XX局2022年政府信息公开工作年度报告",
            "# 标题", "正文。正文。", "一、本年度我局主动公开信息。", "说明：无"};
        auto [ls, le] = random_line(t);
        e.start = ls;
        e.old_len = le - ls;
        e.replacement = lines[below(lines.size())];
        e.kind = "replace-line";
        break;
      }
      case 10: {  // at the very start (BOM, title region)
        e.start = 0;
        if (chance(50) && t.size() >= 3 && t.compare(0, 3, "\xEF\xBB\xBF") == 0) {
          e.old_len = 3;
        } else if (chance(50)) {
          e.replacement = "\xEF\xBB\xBF";
        } else {
          e.replacement = fragment();
        }
        e.kind = "at-start";
        break;
      }
      default: {  // at the very end (final newline or not)
        if (chance(50) && !t.empty()) {
          e.start = t.size() - 1;
          e.old_len = 1;
        } else {
          e.start = t.size();
          e.replacement = fragment();
        }
        e.kind = "at-end";
        break;
      }
    }
    if (e.start > t.size()) e.start = t.size();
    if (e.start + e.old_len > t.size()) e.old_len = t.size() - e.start;
    return e;
  }

 private:
  std::mt19937_64 rng_;
};

std::string excerpt(const std::string &t, size_t at, size_t len = 80) {
  size_t s = at > len / 2 ? at - len / 2 : 0;
  std::string out;
  for (char c : t.substr(s, len)) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (u < 0x20 || u == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", u);
      out += buf;
    } else out += c;
  }
  return out;
}

// Runs `steps` edits starting from `original`, resetting every `chain` edits.
// Returns the number of mismatches (stops after the first few).
int run_chain(const std::string &original, uint64_t seed, size_t steps, size_t chain,
              bool undo_row_edits) {
  auto parser = make_parser();
  auto fresh_parser = make_parser();
  EditGenerator gen(seed);
  std::string text = original;
  TreePtr tree = parse(parser.get(), text);
  int failures = 0;
  Edit pending_undo;
  bool has_undo = false;
  std::string chain_start = text;  // for XXGK_GRAMMAR_FUZZ_DUMP
  std::vector<Edit> chain_edits;

  for (size_t step = 0; step < steps && failures < 3; step++) {
    if (chain && step % chain == 0 && step) {
      text = original;
      tree = parse(parser.get(), text);
      has_undo = false;
      chain_start = text;
      chain_edits.clear();
    }
    Edit e;
    if (has_undo && undo_row_edits) {
      e = pending_undo;  // turn the row back into a paragraph line (or vice versa)
      has_undo = false;
    } else {
      e = gen.next(text);
      if (e.kind == "line-to-row" || e.kind == "row-to-line") {
        pending_undo.start = e.start;
        pending_undo.old_len = e.replacement.size();
        pending_undo.replacement = text.substr(e.start, e.old_len);
        pending_undo.kind = "undo-" + e.kind;
        has_undo = true;
      }
    }
    chain_edits.push_back(e);
    std::string new_text = apply_edit(text, e);
    TSInputEdit ie = to_input_edit(text, new_text, e);
    ts_tree_edit(tree.get(), &ie);
    TreePtr incremental = parse(parser.get(), new_text, tree.get());
    TreePtr fresh = parse(fresh_parser.get(), new_text);

    TSNode inc_root = ts_tree_root_node(incremental.get());
    TSNode fresh_root = ts_tree_root_node(fresh.get());
    std::string inc_s = node_string(inc_root), fresh_s = node_string(fresh_root);
    std::string inc_d = dump(inc_root), fresh_d = dump(fresh_root);
    if (inc_s != fresh_s || inc_d != fresh_d) {
      failures++;
      if (const char *dir = std::getenv("XXGK_GRAMMAR_FUZZ_DUMP")) {
        // The text at the last reset and every edit since, to replay the chain.
        std::string base = std::string(dir) + "/fail" + std::to_string(seed % 100000) + "_" +
                           std::to_string(step);
        std::ofstream(base + ".start", std::ios::binary) << chain_start;
        std::ofstream log(base + ".edits", std::ios::binary);
        for (const Edit &c : chain_edits) {
          log << c.start << " " << c.old_len << " " << c.replacement.size() << " ";
          log.write(c.replacement.data(), static_cast<std::streamsize>(c.replacement.size()));
          log << "\n";
        }
      }
      ADD_FAILURE() << "seed " << seed << " step " << step << ": edit " << e.kind << " at byte "
                    << e.start << " (-" << e.old_len << " +" << e.replacement.size() << ")\n"
                    << "  before: " << excerpt(text, e.start) << "\n"
                    << "  after:  " << excerpt(new_text, e.start) << "\n"
                    << "  incremental: " << inc_s << "\n"
                    << "  fresh:       " << fresh_s;
    }
    if (ts_node_has_error(fresh_root)) {
      failures++;
      ADD_FAILURE() << "seed " << seed << " step " << step << ": ERROR/MISSING in fresh parse after "
                    << e.kind << ": " << excerpt(new_text, e.start);
    }
    text = std::move(new_text);
    tree = std::move(incremental);
  }
  return failures;
}

// Eight preamble items (a title, six blank lines, a second title) make a whole run of the preamble list; more blank
// lines follow, then the body. An edit in the body leaves the run to be reused, and the parse resumes after it in a
// state that lists neither LINE nor END: the scanner, still at the end of the second title's line, took that end for
// an empty ATX title (a zero-width title node the parse from scratch has not), and the document's title grew to span
// both title lines.
TEST(IncrementalReuse, ARunOfPreambleItemsEndingInATitle) {
  const std::string text = "标题\n\n\n\n\n\n\n副标题\n\n\n\n正文的第一行。\n";
  const Edit edit{text.size() - 1, 0, "x", "insert"};
  auto parser = make_parser();
  TreePtr tree = parse(parser.get(), text);
  const std::string edited = apply_edit(text, edit);
  TSInputEdit input_edit = to_input_edit(text, edited, edit);
  ts_tree_edit(tree.get(), &input_edit);
  TreePtr incremental = parse(parser.get(), edited, tree.get());
  TreePtr fresh = parse(make_parser().get(), edited);
  EXPECT_EQ(dump(ts_tree_root_node(incremental.get())), dump(ts_tree_root_node(fresh.get())));
}

class IncrementalTest : public ::testing::TestWithParam<fs::path> {};

TEST_P(IncrementalTest, RandomEditsMatchFreshParse) {
  const std::string original = read_file(GetParam());
  const uint64_t base = env_u64("XXGK_GRAMMAR_FUZZ_SEED", 20220101);
  const size_t iterations = env_u64("XXGK_GRAMMAR_FUZZ_ITERATIONS", 600);
  const uint64_t seed = base + std::hash<std::string>{}(GetParam().filename().string()) % 1000;
  EXPECT_EQ(run_chain(original, seed, iterations, 30, false), 0);
}

TEST_P(IncrementalTest, ParagraphToRowAndBack) {
  const std::string original = read_file(GetParam());
  const uint64_t base = env_u64("XXGK_GRAMMAR_FUZZ_SEED", 20220101);
  const size_t iterations = env_u64("XXGK_GRAMMAR_FUZZ_ITERATIONS", 600) / 2;
  const uint64_t seed = base + 7 + std::hash<std::string>{}(GetParam().filename().string()) % 1000;
  EXPECT_EQ(run_chain(original, seed, iterations, 0, true), 0);
}

// Every line of the sample in turn gets a tab inserted after its first character
// (code-point aligned) and removed again; every line's separators are removed and
// restored. Deterministic and exhaustive over the sample.
TEST_P(IncrementalTest, EveryLineToRowAndBack) {
  const std::string original = read_file(GetParam());
  auto parser = make_parser();
  auto fresh_parser = make_parser();
  TreePtr tree = parse(parser.get(), original);
  std::string text = original;
  size_t line_start = 0;
  int failures = 0;
  while (line_start < original.size() && failures < 3) {
    size_t line_end = original.find('\n', line_start);
    if (line_end == std::string::npos) line_end = original.size();
    size_t at = line_start;
    if (at < line_end) {
      at++;
      while (at < line_end && is_continuation(static_cast<unsigned char>(original[at]))) at++;
    }
    std::string line = original.substr(line_start, line_end - line_start);
    std::string stripped;
    for (char c : line)
      if (c != '\t' && c != '|') stripped += c;
    std::vector<Edit> edits = {
        {at, 0, "\t", "insert-tab"},
        {at, 1, "", "remove-tab"},
        {line_start, line.size(), stripped, "strip-separators"},
        {line_start, stripped.size(), line, "restore-separators"},
    };
    for (const Edit &e : edits) {
      std::string new_text = apply_edit(text, e);
      TSInputEdit ie = to_input_edit(text, new_text, e);
      ts_tree_edit(tree.get(), &ie);
      TreePtr inc = parse(parser.get(), new_text, tree.get());
      TreePtr fresh = parse(fresh_parser.get(), new_text);
      if (dump(ts_tree_root_node(inc.get())) != dump(ts_tree_root_node(fresh.get()))) {
        failures++;
        ADD_FAILURE() << e.kind << " on line at byte " << line_start << ": " << excerpt(new_text, at);
      }
      text = std::move(new_text);
      tree = std::move(inc);
    }
    EXPECT_EQ(text, original);
    line_start = line_end + 1;
  }
}

INSTANTIATE_TEST_SUITE_P(Samples, IncrementalTest, ::testing::ValuesIn(sample_files()),
                         [](const ::testing::TestParamInfo<fs::path> &info) {
                           return "sample_" + info.param.stem().string().substr(0, 3);
                         });

// ---------------------------------------------------------------------------------
// Arbitrary input: never an ERROR or MISSING node, never a crash or hang, and the
// same tree whether the text arrives in one piece or in tiny chunks.

std::string random_document(std::mt19937_64 &rng, size_t pieces) {
  static const std::vector<std::string> parts = {
      "\n", "\r\n", "\r", "\t", "|", " ", "\xE3\x80\x80", "\xEF\xBB\xBF", "一", "、", "十",
      "（", "）", "(", ")", "#", "# ", "<!--", "-->", "-", ":", "。", "；", "\\", "*", "0",
      "政府信息公开", "XX局2022年政府信息公开工作年度报告", "\xE4", "\x80", "\xFF", "\xC3",
      std::string("\0", 1), "a", "\n\n", "一、总体情况", "（一）主动公开", "|---|", "\t\t0"};
  std::string doc;
  std::uniform_int_distribution<size_t> pick(0, parts.size() - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  for (size_t i = 0; i < pieces; i++) {
    if (rng() % 10 == 0) doc.push_back(static_cast<char>(byte(rng)));
    else doc += parts[pick(rng)];
  }
  return doc;
}

struct ChunkReader {
  const std::string *text;
  uint32_t chunk;
};

const char *read_chunk(void *payload, uint32_t byte_index, TSPoint, uint32_t *bytes_read) {
  auto *r = static_cast<ChunkReader *>(payload);
  if (byte_index >= r->text->size()) {
    *bytes_read = 0;
    return "";
  }
  *bytes_read = std::min<uint32_t>(r->chunk, static_cast<uint32_t>(r->text->size()) - byte_index);
  return r->text->data() + byte_index;
}

TEST(Robustness, RandomInputNeverErrors) {
  std::mt19937_64 rng(env_u64("XXGK_GRAMMAR_FUZZ_SEED", 20220101));
  auto parser = make_parser();
  const size_t docs = env_u64("XXGK_GRAMMAR_FUZZ_ITERATIONS", 600) * 2;
  for (size_t i = 0; i < docs; i++) {
    std::string doc = random_document(rng, 1 + rng() % 80);
    TreePtr tree = parse(parser.get(), doc);
    TSNode root = ts_tree_root_node(tree.get());
    ASSERT_FALSE(ts_node_has_error(root)) << "doc #" << i << ": " << excerpt(doc, 0, 100000) << "\n"
                                          << node_string(root);
    ASSERT_EQ(ts_node_end_byte(root), doc.size()) << "doc #" << i << ": " << excerpt(doc, 0, 100000)
                                                   << "\n" << dump(root);
  }
}

TEST(Robustness, ChunkedInputGivesTheSameTree) {
  std::mt19937_64 rng(env_u64("XXGK_GRAMMAR_FUZZ_SEED", 20220101) + 1);
  auto parser = make_parser();
  std::vector<std::string> docs;
  for (const auto &f : sample_files()) docs.push_back(read_file(f));
  for (int i = 0; i < 200; i++) docs.push_back(random_document(rng, 1 + rng() % 60));
  for (const std::string &doc : docs) {
    const std::string whole = dump(ts_tree_root_node(parse(parser.get(), doc).get()));
    for (uint32_t chunk : {4u, 5u, 7u, 64u}) {
      ChunkReader reader{&doc, chunk};
      TSInput input{&reader, read_chunk, TSInputEncodingUTF8};
      TreePtr tree(ts_parser_parse(parser.get(), nullptr, input));
      ASSERT_EQ(dump(ts_tree_root_node(tree.get())), whole)
          << "chunk size " << chunk << " for: " << excerpt(doc, 0);
    }
  }
}

TEST(Robustness, RandomEditsOnRandomInput) {
  std::mt19937_64 rng(env_u64("XXGK_GRAMMAR_FUZZ_SEED", 20220101) + 2);
  const size_t docs = env_u64("XXGK_GRAMMAR_FUZZ_ITERATIONS", 600) / 6 + 1;
  for (size_t i = 0; i < docs; i++) {
    std::string doc = random_document(rng, 20 + rng() % 60);
    ASSERT_EQ(run_chain(doc, rng(), 30, 0, false), 0) << "doc #" << i;
  }
}

}  // namespace

namespace {

// Inputs that would make a naive line scanner quadratic or deep; the test's
// timeout (CTest TIMEOUT) catches a regression, the assertions catch errors.
TEST(Robustness, PathologicalInputs) {
  auto parser = make_parser();
  std::vector<std::pair<std::string, std::string>> docs;
  {
    std::string d = "a\tb\n";
    for (int i = 0; i < 20000; i++) d += "\n";
    d += "c\td\n";
    docs.emplace_back("20000 blank lines inside a table", d);
  }
  {
    std::string d;
    for (int i = 0; i < 5000; i++) d += "<!-- 未结束的注释\n";
    docs.emplace_back("5000 unclosed comment openers", d);
  }
  {
    std::string d = "正文。\n";
    for (int i = 0; i < 200000; i++) d += "政府信息公开";
    docs.emplace_back("one 3.6 MB line", d);
  }
  {
    std::string d;
    for (int i = 0; i < 30000; i++) d += "四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0\n";
    docs.emplace_back("30000 rows", d);
  }
  {
    std::string d;
    for (int i = 0; i < 30000; i++) d += (i % 2 ? "\r" : "\n");
    docs.emplace_back("30000 lone terminators", d);
  }
  for (const auto &[name, doc] : docs) {
    TreePtr tree = parse(parser.get(), doc);
    TSNode root = ts_tree_root_node(tree.get());
    EXPECT_FALSE(ts_node_has_error(root)) << name;
    EXPECT_EQ(ts_node_end_byte(root), doc.size()) << name;
  }
}

}  // namespace
