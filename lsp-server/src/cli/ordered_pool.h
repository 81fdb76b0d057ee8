// Checks files on several threads while keeping the output deterministic: results are handed over in input order,
// each as soon as it and every earlier one are done.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace xxgk::cli {

// Runs `work(i)` for every i in [0, count) on `jobs` worker threads. `emit` receives the results in index order and
// `on_progress` the number of finished items; both run on the calling thread. `work` must not throw.
template <typename Result>
void run_in_order(size_t count, unsigned jobs, const std::function<Result(size_t)>& work,
                  const std::function<void(Result&&)>& emit, const std::function<void(size_t)>& on_progress) {
  // One file (the usual editor or pre-commit call) is checked on the calling thread: starting a worker for it is
  // start-up time spent on nothing.
  if (count == 1) {
    emit(work(0));
    on_progress(1);
    return;
  }
  std::vector<std::optional<Result>> results(count);
  std::mutex mutex;
  std::condition_variable finished_one;
  size_t finished = 0;
  std::atomic<size_t> next_item{0};

  std::vector<std::jthread> workers;
  for (unsigned worker = 0; worker < std::max(1u, jobs) && worker < count; ++worker) {
    workers.emplace_back([&] {
      for (size_t item = next_item++; item < count; item = next_item++) {
        Result result = work(item);
        {
          std::lock_guard lock(mutex);
          results[item] = std::move(result);
          ++finished;
        }
        finished_one.notify_one();
      }
    });
  }

  size_t emitted = 0;
  size_t progress_shown = 0;
  std::unique_lock lock(mutex);
  while (emitted < count) {
    finished_one.wait(lock, [&] { return results[emitted].has_value() || finished != progress_shown; });
    std::vector<Result> ready;
    for (; emitted < count && results[emitted]; ++emitted) {
      ready.push_back(std::move(*results[emitted]));
      results[emitted].reset();
    }
    progress_shown = finished;
    lock.unlock();
    for (Result& result : ready) emit(std::move(result));
    on_progress(progress_shown);
    lock.lock();
  }
}

}  // namespace xxgk::cli
