#include "tree_allocator.h"

#include <tree_sitter/api.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <mutex>

namespace xxgk {
namespace tree_allocator_detail {
namespace {

// Every block carries a 16-byte header (keeping the 16-byte alignment malloc gives) in front of what the caller gets.
// The magic word sits where glibc keeps a chunk's size, which is never this value: a block that lacks it came from
// malloc before the allocator was installed, and goes back to free().
constexpr uint64_t kMagic = 0x4c4f4f504b475858;  // "XXGKPOOL"
struct Header {
  uint64_t size_class;  // 1..kClasses: a pooled block of size_class * kGranule bytes; 0: a large block (malloc's)
  uint64_t magic;
};
static_assert(sizeof(Header) == 16);

constexpr size_t kGranule = 16;
constexpr size_t kClasses = 16;                     // pooled blocks: up to 256 bytes (subtrees, stack nodes)
constexpr size_t kMaxFreeBytesPerThread = 16 << 20;  // beyond this, freed blocks go back to malloc

Header* header_of(void* block) { return reinterpret_cast<Header*>(static_cast<char*>(block) - sizeof(Header)); }

// Plain data, so that it outlives every other thread-local object: a tree deleted by a thread-local destructor after
// the lists were drained still finds them (empty, and taking nothing more).
struct ThreadLists {
  void* head[kClasses];
  size_t count[kClasses];
  size_t bytes;
  bool drained;
};
thread_local ThreadLists lists;

// Gives the lists' blocks back to malloc when the thread ends. Constructed on the thread's first use of the lists, so
// it is destroyed after every thread-local object that allocated later (the thread's parser among them).
struct Drain {
  ~Drain() {
    for (size_t c = 0; c < kClasses; ++c) {
      while (void* block = lists.head[c]) {
        lists.head[c] = *static_cast<void**>(block);
        std::free(header_of(block));
      }
      lists.count[c] = 0;
    }
    lists.bytes = 0;
    lists.drained = true;
  }
};

// Registers the thread's Drain on the first use of its lists, by an allocation or by a free (a thread may free trees
// another thread made). Not called once the lists are drained.
void drain_at_thread_exit() { thread_local Drain drain; }

void* new_block(size_t size_class, size_t payload) {
  if (payload > std::numeric_limits<size_t>::max() - sizeof(Header)) return nullptr;
  auto* header = static_cast<Header*>(std::malloc(sizeof(Header) + payload));
  if (header == nullptr) return nullptr;
  header->size_class = size_class;
  header->magic = kMagic;
  return header + 1;
}

}  // namespace

void* allocate(size_t size) {
  const size_t size_class = size == 0 ? 1 : (size + kGranule - 1) / kGranule;
  if (size_class > kClasses) return new_block(0, size);
  if (lists.drained) return new_block(size_class, size_class * kGranule);
  drain_at_thread_exit();
  void*& head = lists.head[size_class - 1];
  if (head != nullptr) {
    void* block = head;
    head = *static_cast<void**>(block);
    --lists.count[size_class - 1];
    lists.bytes -= size_class * kGranule;
    return block;
  }
  return new_block(size_class, size_class * kGranule);
}

void release(void* block) {
  if (block == nullptr) return;
  Header* header = header_of(block);
  if (header->magic != kMagic) return std::free(block);  // from malloc, before the allocator was installed
  const size_t size_class = header->size_class;
  const size_t bytes = size_class * kGranule;
  if (size_class == 0 || lists.drained || lists.bytes + bytes > kMaxFreeBytesPerThread) return std::free(header);
  drain_at_thread_exit();
  *static_cast<void**>(block) = lists.head[size_class - 1];
  lists.head[size_class - 1] = block;
  ++lists.count[size_class - 1];
  lists.bytes += bytes;
}

void* allocate_zeroed(size_t count, size_t size) {
  if (size != 0 && count > std::numeric_limits<size_t>::max() / size) return nullptr;
  void* block = allocate(count * size);
  if (block != nullptr) std::memset(block, 0, count * size);
  return block;
}

void* reallocate(void* block, size_t size) {
  if (block == nullptr) return allocate(size);
  Header* header = header_of(block);
  if (header->magic != kMagic) {
    // From malloc, before the allocator was installed: realloc knows its size; the result moves into a block of ours.
    void* moved = std::realloc(block, size);
    if (moved == nullptr) return nullptr;
    void* copy = allocate(size);
    if (copy != nullptr) std::memcpy(copy, moved, size);
    std::free(moved);
    return copy;
  }
  if (header->size_class == 0) {
    // Large blocks (arrays that grow) are malloc's, header included: realloc may grow them in place.
    if (size > std::numeric_limits<size_t>::max() - sizeof(Header)) return nullptr;
    auto* resized = static_cast<Header*>(std::realloc(header, sizeof(Header) + size));
    return resized == nullptr ? nullptr : resized + 1;
  }
  const size_t capacity = header->size_class * kGranule;
  if (size <= capacity) return block;
  void* copy = allocate(size);
  if (copy == nullptr) return nullptr;
  std::memcpy(copy, block, capacity);
  release(block);
  return copy;
}

size_t free_blocks() {
  size_t total = 0;
  for (size_t c = 0; c < kClasses; ++c) total += lists.count[c];
  return total;
}

size_t free_bytes() { return lists.bytes; }

}  // namespace tree_allocator_detail

void install_tree_allocator() {
#if XXGK_TREE_ALLOCATOR_POOLS
  static std::once_flag installed;
  std::call_once(installed, [] {
    ts_set_allocator(tree_allocator_detail::allocate, tree_allocator_detail::allocate_zeroed,
                     tree_allocator_detail::reallocate, tree_allocator_detail::release);
  });
#endif
}

void free_tree_memory(void* block) {
#if XXGK_TREE_ALLOCATOR_POOLS
  tree_allocator_detail::release(block);
#else
  std::free(block);
#endif
}

}  // namespace xxgk
