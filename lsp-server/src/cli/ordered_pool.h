// Checks files on several threads while keeping the output deterministic: results are handed over in input order,
// each as soon as it and every earlier one are done.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace xxgk::cli {

// Runs `work(i)` for every i in [0, count) on `jobs` threads, the calling thread being one of them. `emit` receives
// the results in index order and `on_progress` the number of finished items; the calls of both are made one at a
// time, each by the thread that finished the item that came next, so nothing waits to be woken to hand a result
// over (a wake-up per file cost more than writing its report). `work` must not throw.
template <typename Result>
void run_in_order(size_t count, unsigned jobs, const std::function<Result(size_t)>& work,
                  const std::function<void(Result&&)>& emit, const std::function<void(size_t)>& on_progress) {
  std::vector<std::optional<Result>> results(count);
  std::mutex mutex;
  size_t finished = 0;
  size_t next_to_emit = 0;
  bool emitting = false;  // a thread is handing results over; the others leave theirs to it
  std::atomic<size_t> next_item{0};

  const auto run = [&] {
    for (size_t item = next_item++; item < count; item = next_item++) {
      Result result = work(item);
      std::unique_lock lock(mutex);
      results[item] = std::move(result);
      ++finished;
      if (emitting || item != next_to_emit) continue;
      emitting = true;
      // Hands over every result that is ready in order, the lock released while `emit` runs. A result stored
      // meanwhile is seen when the lock is taken again, so none is left behind.
      while (next_to_emit < count && results[next_to_emit]) {
        std::vector<Result> ready;
        for (; next_to_emit < count && results[next_to_emit]; ++next_to_emit) {
          ready.push_back(std::move(*results[next_to_emit]));
          results[next_to_emit].reset();
        }
        const size_t progress = finished;
        lock.unlock();
        for (Result& r : ready) emit(std::move(r));
        on_progress(progress);
        lock.lock();
      }
      emitting = false;
    }
  };

  // One file (the usual editor or pre-commit call) is checked on the calling thread alone.
  std::vector<std::jthread> helpers;
  for (unsigned helper = 1; helper < std::max(1u, jobs) && helper < count; ++helper) helpers.emplace_back(run);
  run();
}

}  // namespace xxgk::cli
