// The scanner reads runs of text directly from the input (grammar/src/direct_input.h) instead of calling the
// runtime's advance for each character. That must change nothing but the speed: every input parses to the same tree,
// node for node, byte range for byte range, with direct reading on and off, whether the input comes as one string or
// in small chunks, and edits reparse incrementally to what a fresh parse gives.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "grammar_test_util.hpp"

namespace fs = std::filesystem;
using namespace xxgk_grammar_test;

namespace {

// Turns direct reading off for the lifetime of the guard.
class DirectInputOff {
 public:
  DirectInputOff() { tree_sitter_xxgk_report_set_direct_input(false); }
  ~DirectInputOff() { tree_sitter_xxgk_report_set_direct_input(true); }
};

// Parses a copy of `text` in a buffer of exactly its size (no terminating NUL, unlike a std::string's), so that
// AddressSanitizer builds catch a run that reads past the end of the input.
std::string dump_of(std::string_view text) {
  ParserPtr parser = make_parser();
  const auto exact = std::make_unique<char[]>(text.size());
  std::copy(text.begin(), text.end(), exact.get());
  TreePtr tree = parse(parser.get(), std::string_view(exact.get(), text.size()));
  return dump(ts_tree_root_node(tree.get()));
}

std::string dump_without_direct_input(std::string_view text) {
  DirectInputOff off;
  return dump_of(text);
}

// The input handed to the runtime `chunk` bytes at a time, so that runs meet the end of a chunk, often inside a
// character (the runtime then asks for a chunk at that character, so a chunk of four bytes holds any character).
struct ChunkedInput {
  std::string_view text;
  uint32_t chunk;
  static const char *read(void *payload, uint32_t byte, TSPoint, uint32_t *bytes_read) {
    const auto *self = static_cast<const ChunkedInput *>(payload);
    if (byte >= self->text.size()) {
      *bytes_read = 0;
      return "";
    }
    *bytes_read = std::min<uint32_t>(self->chunk, static_cast<uint32_t>(self->text.size() - byte));
    return self->text.data() + byte;
  }
};

std::string dump_in_chunks(std::string_view text, uint32_t chunk) {
  ParserPtr parser = make_parser();
  ChunkedInput input{text, chunk};
  TreePtr tree(ts_parser_parse(parser.get(), nullptr, TSInput{&input, ChunkedInput::read, TSInputEncodingUTF8}));
  return dump(ts_tree_root_node(tree.get()));
}

std::vector<fs::path> report_files() {
  std::vector<fs::path> files = sample_files();
  for (const auto &entry : fs::recursive_directory_iterator(XXGK_FIXTURES_DIR)) {
    const std::string extension = entry.path().extension().string();
    if (entry.is_regular_file() && (extension == ".txt" || extension == ".md")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Lines that stop or interrupt a run: every class of line, separators, escapes, whitespace of all kinds, characters
// of one to four bytes, ill-formed UTF-8, NUL, all three terminators.
const std::vector<std::string> kHardLines = {
    "二〇二三年度政府信息公开工作年度报告",
    "一、总体情况",
    "一、本年度，我局认真贯彻落实。",
    "某某市某某局关于印发通知：",
    "# 某某局 2023 年政府信息公开工作年度报告",
    "## 二、主动公开政府信息情况",
    "（一）主动公开。本年度共主动公开政府信息 1,234 条。",
    "本年度，我局坚持以习近平新时代中国特色社会主义思想为指导。\t尾",
    "第二十条第（一）项\t0\t12\t\t",
    "| 信息内容 | 本年制发件数 | 本年废止件数 |",
    "|:---|---:|:--:|",
    "a \\| b | c\\\\| d",
    "\t\t\t四、结转下年度继续办理\t0",
    "𠮷野家与😀表情\t𠮷\t😀😀",
    "全角空格　与不换行空格\u00a0及零宽\ufeff字符",
    std::string("无效\xff\xfe字节\xe4\xb8中间"),
    std::string("截断的三字节\xe6\x94"),
    std::string("代理项\xed\xa0\x80与过长\xe0\x80\xaf编码"),
    std::string("含有\0空字节的行", 23),
    std::string("三、标题\xff中😀有误\xe4\xb8"),
    std::string("甲\xe4\xb8\t乙\xff|丙😀\t\xf0\x9f\t😀丁\\|戊\xed\xa0\x80"),
    "<!-- 注释开始",
    "仍在注释中 -->",
    "   ",
    "",
    "Latin text with ASCII only, punctuation: a; b: c.",
};

std::string random_document(std::mt19937 &rng) {
  static const char *kTerminators[] = {"\n", "\r\n", "\r"};
  std::uniform_int_distribution<size_t> line(0, kHardLines.size() - 1), terminator(0, 2), count(1, 40);
  std::string text;
  for (size_t i = count(rng); i > 0; --i) text += kHardLines[line(rng)] + kTerminators[terminator(rng)];
  if (rng() % 2) text.pop_back();
  return text;
}

TEST(DirectInput, IsUsedForRunsOfText) {
  const unsigned long before = tree_sitter_xxgk_report_direct_input_runs();
  dump_of(read_file(sample_files().front()));
#if TREE_SITTER_LANGUAGE_VERSION == 14
  EXPECT_GT(tree_sitter_xxgk_report_direct_input_runs(), before + 100);
#else
  EXPECT_EQ(tree_sitter_xxgk_report_direct_input_runs(), before);  // another runtime: always through advance
#endif
}

TEST(DirectInput, IsNotUsedWhenTurnedOff) {
  DirectInputOff off;
  const unsigned long before = tree_sitter_xxgk_report_direct_input_runs();
  dump_of(read_file(sample_files().front()));
  EXPECT_EQ(tree_sitter_xxgk_report_direct_input_runs(), before);
}

TEST(DirectInput, FixturesParseToTheSameTree) {
  const std::vector<fs::path> files = report_files();
  ASSERT_GT(files.size(), 100u);
  for (const fs::path &file : files) {
    const std::string text = read_file(file);
    EXPECT_EQ(dump_of(text), dump_without_direct_input(text)) << file;
  }
}

TEST(DirectInput, HardLinesParseToTheSameTree) {
  std::mt19937 rng(20261202);
  for (int i = 0; i < 400; ++i) {
    const std::string text = random_document(rng);
    ASSERT_EQ(dump_of(text), dump_without_direct_input(text)) << "document " << i << ":\n" << text;
  }
}

TEST(DirectInput, ChunkedInputParsesToTheSameTree) {
  std::mt19937 rng(7);
  std::vector<std::string> texts = {read_file(sample_files().front())};
  for (int i = 0; i < 60; ++i) texts.push_back(random_document(rng));
  for (const std::string &text : texts) {
    const std::string whole = dump_without_direct_input(text);
    for (uint32_t chunk : {4u, 5u, 7u, 64u}) ASSERT_EQ(dump_in_chunks(text, chunk), whole) << "chunk " << chunk;
  }
}

TEST(DirectInput, EditsReparseToTheFreshTree) {
  std::mt19937 rng(99);
  ParserPtr parser = make_parser();
  std::string text = read_file(sample_files().front());
  TreePtr tree = parse(parser.get(), text);
  for (int step = 0; step < 300; ++step) {
    // Replace a random byte range (often splitting a character) by a random hard line fragment.
    std::uniform_int_distribution<size_t> at(0, text.size());
    const size_t start = at(rng);
    const size_t old_length = std::min<size_t>(rng() % 12, text.size() - start);
    const std::string &line = kHardLines[rng() % kHardLines.size()];
    const std::string inserted = line.substr(0, rng() % (line.size() + 1)) + (rng() % 3 == 0 ? "\n" : "");
    const std::string old_text = text;
    text.replace(start, old_length, inserted);
    TSInputEdit edit{};
    edit.start_byte = static_cast<uint32_t>(start);
    edit.old_end_byte = static_cast<uint32_t>(start + old_length);
    edit.new_end_byte = static_cast<uint32_t>(start + inserted.size());
    edit.start_point = point_at(old_text, start);
    edit.old_end_point = point_at(old_text, start + old_length);
    edit.new_end_point = point_at(text, start + inserted.size());
    ts_tree_edit(tree.get(), &edit);
    tree = parse(parser.get(), text, tree.get());
    ASSERT_EQ(dump(ts_tree_root_node(tree.get())), dump_without_direct_input(text)) << "step " << step;
  }
}

}  // namespace
