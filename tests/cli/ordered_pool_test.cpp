// run_in_order: every result is handed over exactly once and in index order, whatever the number of threads and
// however long each item takes; the hand-overs never overlap; progress only grows.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <random>
#include <thread>
#include <vector>

#include "cli/ordered_pool.h"

namespace xxgk::cli {
namespace {

TEST(OrderedPoolTest, HandsEveryResultOverOnceInIndexOrder) {
  for (const size_t count : {0u, 1u, 2u, 7u, 300u}) {
    for (const unsigned jobs : {1u, 2u, 8u}) {
      std::vector<unsigned> delays(count);
      std::mt19937 random(static_cast<unsigned>(count * 31 + jobs));
      for (unsigned& delay : delays) delay = random() % 200;  // microseconds, so that items finish out of order
      std::vector<size_t> emitted;
      std::atomic<int> inside_emit{0};
      bool overlapped = false;
      size_t last_progress = 0;
      bool progress_went_back = false;
      run_in_order<size_t>(
          count, jobs,
          [&](size_t item) {
            std::this_thread::sleep_for(std::chrono::microseconds(delays[item]));
            return item * 10;
          },
          [&](size_t&& result) {
            if (inside_emit.fetch_add(1) != 0) overlapped = true;
            emitted.push_back(result / 10);
            inside_emit.fetch_sub(1);
          },
          [&](size_t finished) {
            if (finished < last_progress) progress_went_back = true;
            last_progress = finished;
          });
      ASSERT_EQ(emitted.size(), count) << count << " items on " << jobs << " threads";
      for (size_t i = 0; i < count; ++i) ASSERT_EQ(emitted[i], i) << count << " items on " << jobs << " threads";
      EXPECT_FALSE(overlapped);
      EXPECT_FALSE(progress_went_back);
      if (count > 0) EXPECT_EQ(last_progress, count);
    }
  }
}

}  // namespace
}  // namespace xxgk::cli
