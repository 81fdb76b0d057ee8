// An execution of a fuzz target frees every block it allocated, once the program has called end_execution() as the
// libFuzzer program does after each input: libFuzzer runs an input a second time, looking for a leak, whenever more
// blocks were allocated than freed during it, and a cache that keeps something from every input makes it run each
// new input twice. This file counts the blocks of operator new and delete for the whole test program.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <new>
#include <vector>

#include "cli_test_support.h"
#include "fuzz_entries.h"

namespace {
std::atomic<long> live_blocks{0};
}  // namespace

// Every form of new and delete but the aligned ones, so that none is left to the sanitizer runtime's own (which would
// free what this malloc took, or the other way round).
void* operator new(std::size_t size) {
  void* block = std::malloc(size == 0 ? 1 : size);
  if (block == nullptr) throw std::bad_alloc();
  live_blocks.fetch_add(1, std::memory_order_relaxed);
  return block;
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return operator new(size);
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t& nothrow) noexcept { return operator new(size, nothrow); }
void operator delete(void* block) noexcept {
  if (block == nullptr) return;
  live_blocks.fetch_sub(1, std::memory_order_relaxed);
  std::free(block);
}
void operator delete[](void* block) noexcept { operator delete(block); }
void operator delete(void* block, std::size_t) noexcept { operator delete(block); }
void operator delete[](void* block, std::size_t) noexcept { operator delete(block); }
void operator delete(void* block, const std::nothrow_t&) noexcept { operator delete(block); }
void operator delete[](void* block, const std::nothrow_t&) noexcept { operator delete(block); }

namespace xxgk::hardening {
namespace {

namespace fs = std::filesystem;

using Entry = std::optional<std::string> (*)(std::string_view);

// The committed inputs of the target, largest first.
std::vector<std::string> seeds_by_size(const std::string& target) {
  std::vector<fs::path> files;
  for (const fs::directory_entry& file : fs::directory_iterator(fs::path(XXGK_FUZZ_CORPUS_DIR) / target))
    files.push_back(file.path());
  std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
    return std::pair(fs::file_size(b), a) < std::pair(fs::file_size(a), b);
  });
  std::vector<std::string> seeds;
  for (const fs::path& file : files) seeds.push_back(cli_test::read_file(file));
  return seeds;
}

enum class EndExecution { Yes, No };

// Blocks still allocated after an execution of the target's largest input, once it and the next twenty have run and
// end_execution() has followed each: they fill what is kept for the life of the process or thread (the format's
// normalised tables, the statics a rule builds on first use, buffers grown near their largest; a buffer that grows
// later frees its old block). The parser, which end_execution() frees, allocates with malloc and is not counted here
// (TreeAllocatorTest.ReleasingTheThreadParserFreesWhatItKeptAndTheNextParseMakesAnother). The labels the largest
// input taught the cache were forgotten after its first run, so it teaches them again: kept, they are counted.
long blocks_left_by_the_largest_input(const std::string& target, Entry entry, EndExecution end) {
  const std::vector<std::string> seeds = seeds_by_size(target);
  EXPECT_GT(seeds.size(), 1u) << target;
  if (seeds.size() < 2) return 0;
  for (size_t i = 0; i < std::min<size_t>(seeds.size(), 21); ++i) {
    (void)entry(seeds[i]);
    xxgk::fuzz::end_execution();
  }
  const long before = live_blocks.load();
  (void)entry(seeds[0]);
  if (end == EndExecution::Yes) xxgk::fuzz::end_execution();
  const long left = live_blocks.load() - before;
  xxgk::fuzz::end_execution();
  return left;
}

class FuzzAllocations : public testing::TestWithParam<std::pair<const char*, Entry>> {};

TEST_P(FuzzAllocations, AnExecutionFreesWhatItAllocated) {
  const auto& [target, entry] = GetParam();
  EXPECT_EQ(blocks_left_by_the_largest_input(target, entry, EndExecution::Yes), 0);
}

INSTANTIATE_TEST_SUITE_P(
    EveryTarget, FuzzAllocations,
    testing::Values(std::pair{"lint_bytes", &xxgk::fuzz::lint_bytes}, std::pair{"fix_up", &xxgk::fuzz::fix_up},
                    std::pair{"incremental_edits", &xxgk::fuzz::incremental_edits},
                    std::pair{"lsp_stream", &xxgk::fuzz::lsp_stream}, std::pair{"html_reader", &xxgk::fuzz::html_reader},
                    std::pair{"docx_reader", &xxgk::fuzz::docx_reader}, std::pair{"pdf_reader", &xxgk::fuzz::pdf_reader},
                    std::pair{"pdf_layout", &xxgk::fuzz::pdf_layout}),
    [](const testing::TestParamInfo<FuzzAllocations::ParamType>& info) { return std::string(info.param.first); });

// The count sees what end_execution() is for: without it, the labels the lint learnt from an input stay behind (and
// were end_execution() to forget nothing, the warm-up would have left them cached, and this would fail).
TEST(FuzzAllocations, WithoutEndExecutionTheLabelsOfAnInputStay) {
  EXPECT_GT(blocks_left_by_the_largest_input("lint_bytes", xxgk::fuzz::lint_bytes, EndExecution::No), 0);
  EXPECT_GT(blocks_left_by_the_largest_input("html_reader", xxgk::fuzz::html_reader, EndExecution::No), 0);
}

}  // namespace
}  // namespace xxgk::hardening
