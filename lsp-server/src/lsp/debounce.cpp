#include "lsp/debounce.h"

#include <algorithm>

namespace xxgk::lsp {

DebouncedWorker::DebouncedWorker() : thread_([this] { loop(); }) {}

DebouncedWorker::~DebouncedWorker() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    pending_.clear();
  }
  changed_.notify_all();
  thread_.join();
}

void DebouncedWorker::schedule(const std::string& key, std::chrono::milliseconds delay, Job job) {
  {
    std::lock_guard lock(mutex_);
    pending_[key] = Pending{Clock::now() + delay, std::move(job)};
  }
  changed_.notify_all();
}

void DebouncedWorker::cancel(const std::string& key) {
  std::lock_guard lock(mutex_);
  pending_.erase(key);
  changed_.notify_all();
}

void DebouncedWorker::wait_until_idle() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return stopping_ || (pending_.empty() && !running_job_); });
}

void DebouncedWorker::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (pending_.empty()) {
      changed_.wait(lock);
      continue;
    }
    const auto earliest = std::min_element(pending_.begin(), pending_.end(),
                                           [](const auto& a, const auto& b) { return a.second.due < b.second.due; });
    if (earliest->second.due > Clock::now()) {
      changed_.wait_until(lock, earliest->second.due);
      continue;  // a schedule() may have postponed or replaced it meanwhile
    }
    Job job = std::move(earliest->second.job);
    pending_.erase(earliest);
    running_job_ = true;
    lock.unlock();
    job();
    lock.lock();
    running_job_ = false;
    changed_.notify_all();
  }
}

}  // namespace xxgk::lsp
