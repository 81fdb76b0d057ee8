// The memory of Tree-sitter's trees, parsers and cursors. A parse allocates a subtree per token and a tree's deletion
// frees them all; glibc's per-thread cache keeps only seven blocks of a size, so a report's parse and deletion go to
// the shared bins (and their consolidation) hundreds of times. Per-thread free lists of small blocks take that
// traffic instead: allocating or freeing a subtree is a list operation.
#pragma once

#include <cstddef>

// A sanitizer build keeps Tree-sitter on malloc, so that the sanitizers see every block: XXGK_TREE_ALLOCATOR_POOLS is
// 0 there and 1 elsewhere.
#define XXGK_TREE_ALLOCATOR_POOLS 1
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#undef XXGK_TREE_ALLOCATOR_POOLS
#define XXGK_TREE_ALLOCATOR_POOLS 0
#endif
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || __has_feature(thread_sanitizer)
#undef XXGK_TREE_ALLOCATOR_POOLS
#define XXGK_TREE_ALLOCATOR_POOLS 0
#endif
#endif

namespace xxgk {

// Makes Tree-sitter allocate through the free lists, once per process, before its first allocation (thread_parser()
// calls it). Blocks allocated before, by the default allocator, are still freed correctly.
void install_tree_allocator();

// Frees memory that Tree-sitter handed to the caller (ts_node_string's result): it came from whichever allocator
// Tree-sitter uses.
void free_tree_memory(void* block);

namespace tree_allocator_detail {
// The allocator's functions, for its tests.
void* allocate(size_t size);
void* allocate_zeroed(size_t count, size_t size);
void* reallocate(void* block, size_t size);
void release(void* block);
// Blocks on the calling thread's free lists, and their bytes.
size_t free_blocks();
size_t free_bytes();
}  // namespace tree_allocator_detail

}  // namespace xxgk
