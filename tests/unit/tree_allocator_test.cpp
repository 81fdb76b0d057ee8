// The free lists behind Tree-sitter's memory: blocks are reused per size class, keep their contents when resized,
// come zeroed from allocate_zeroed, and blocks that malloc made before the allocator was installed are still freed
// and resized correctly. Parsing on several threads with it gives the same trees as on one.
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "syntax.h"
#include "tree_allocator.h"

namespace {

namespace detail = xxgk::tree_allocator_detail;

// A sanitizer build has no pool (the sanitizers must see every block), so these two, which test the pool itself, are
// built only where it exists.
#if XXGK_TREE_ALLOCATOR_POOLS
TEST(TreeAllocatorTest, AFreedSmallBlockIsReusedForTheSameSizeClass) {
  void* first = detail::allocate(72);
  ASSERT_NE(first, nullptr);
  std::memset(first, 0xAB, 72);
  const size_t blocks = detail::free_blocks();
  detail::release(first);
  EXPECT_EQ(detail::free_blocks(), blocks + 1);
  void* second = detail::allocate(80);  // the same 16-byte class as 72
  EXPECT_EQ(second, first);
  EXPECT_EQ(detail::free_blocks(), blocks);
  detail::release(second);
}

TEST(TreeAllocatorTest, BlocksFromMallocAreFreedAndResizedByMalloc) {
  // Tree-sitter may hold memory from before the allocator was installed; it must go back to malloc, not a list.
  auto* old = static_cast<char*>(std::malloc(40));
  std::strcpy(old, "allocated before");
  const size_t blocks = detail::free_blocks();
  auto* moved = static_cast<char*>(detail::reallocate(old, 4000));
  ASSERT_NE(moved, nullptr);
  EXPECT_STREQ(moved, "allocated before");
  detail::release(moved);
  detail::release(std::malloc(24));
  EXPECT_EQ(detail::free_blocks(), blocks);
}
#endif

TEST(TreeAllocatorTest, ResizingKeepsTheContentsAndZeroedBlocksAreZero) {
  auto* block = static_cast<unsigned char*>(detail::allocate(10));
  for (int i = 0; i < 10; ++i) block[i] = static_cast<unsigned char>(i + 1);
  for (size_t size : {16u, 200u, 5000u, 100000u, 300u}) {
    block = static_cast<unsigned char*>(detail::reallocate(block, size));
    ASSERT_NE(block, nullptr) << size;
    for (int i = 0; i < 10; ++i) ASSERT_EQ(block[i], i + 1) << "after resizing to " << size;
  }
  detail::release(block);
  for (size_t size : {1u, 100u, 256u, 257u, 70000u}) {
    auto* zeroed = static_cast<unsigned char*>(detail::allocate_zeroed(size, 3));
    ASSERT_NE(zeroed, nullptr);
    for (size_t i = 0; i < size * 3; ++i) ASSERT_EQ(zeroed[i], 0) << size;
    std::memset(zeroed, 0xFF, size * 3);  // dirty it for the next round's reuse
    detail::release(zeroed);
  }
  EXPECT_EQ(detail::allocate_zeroed(SIZE_MAX / 2, 4), nullptr);
  detail::release(nullptr);
}

TEST(TreeAllocatorTest, TreesParsedOnManyThreadsEqualATreeParsedOnOne) {
  std::string text = "2022年度政府信息公开工作年度报告\n\n一、总体情况\n\n正文。\n\n";
  for (int i = 0; i < 50; ++i) text += "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t" + std::to_string(i) + "\t0\t3\n";
  xxgk::SyntaxTree reference;
  reference.parse(text);
  const std::string expected = reference.to_string();
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        xxgk::SyntaxTree tree;
        tree.parse(text);
        results[t] = tree.to_string();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& result : results) EXPECT_EQ(result, expected);
}

// A tree made on one thread may be freed on another (the language server parses on its worker): its blocks go to
// the freeing thread's lists, and a thread that only ever freed gives them back when it ends.
TEST(TreeAllocatorTest, ATreeMadeOnOneThreadIsFreedOnAnother) {
  const std::string text = "一、总体情况\n\n正文。\n\n规章\t1\t0\t3\n";
  auto tree = std::make_unique<xxgk::SyntaxTree>();
  tree->parse(text);
  const std::string expected = tree->to_string();
  std::thread freeing([&] { tree.reset(); });
  freeing.join();
  EXPECT_EQ(tree, nullptr);
  std::unique_ptr<xxgk::SyntaxTree> made_elsewhere;
  std::thread making([&] {
    made_elsewhere = std::make_unique<xxgk::SyntaxTree>();
    made_elsewhere->parse(text);
  });
  making.join();
  EXPECT_EQ(made_elsewhere->to_string(), expected);
  made_elsewhere.reset();
}

// What a thread's parser keeps between parses (its pools of stack nodes and subtrees) outlives every tree: a fuzz
// execution that ended with it kept looked to libFuzzer like a leak, and libFuzzer ran the input again and scanned the
// heap (fuzz/fuzz_entries.h, end_execution). Releasing the parser frees it; the next parse makes another parser, whose
// trees are the same.
TEST(TreeAllocatorTest, ReleasingTheThreadParserFreesWhatItKeptAndTheNextParseMakesAnother) {
  std::string text = "2022年度政府信息公开工作年度报告\n\n一、总体情况\n\n";
  for (int i = 0; i < 40; ++i) text += "规章\t" + std::to_string(i) + "\t0\n段落" + std::to_string(i) + "。\n\n";
  std::string before, after;
  [[maybe_unused]] size_t kept_blocks = 0, freed_blocks = 0;
  std::thread worker([&] {  // a thread of its own: its parser and lists start empty
    {
      xxgk::SyntaxTree tree;
      tree.parse(text);
      before = tree.to_string();
    }
    kept_blocks = detail::free_blocks();
    xxgk::release_thread_parser();
    freed_blocks = detail::free_blocks();
    xxgk::SyntaxTree tree;
    tree.parse(text);
    after = tree.to_string();
  });
  worker.join();
  EXPECT_EQ(after, before);
  EXPECT_NE(before.find("(row"), std::string::npos) << before;
#if XXGK_TREE_ALLOCATOR_POOLS
  // The parser's blocks went back to the thread's free lists (a sanitizer build frees them to malloc instead).
  EXPECT_GT(freed_blocks, kept_blocks);
#endif
}

}  // namespace
