#include "lsp/debounce.h"

#include <algorithm>

namespace xxgk::lsp {

void DebounceQueue::schedule(const std::string& key, Clock::time_point now, std::chrono::milliseconds delay, Job job) {
  const auto [found, inserted] = pending_.try_emplace(key, Pending{now, now, nullptr});
  Pending& pending = found->second;
  const std::chrono::milliseconds bound = std::max(ceiling_, delay);
  Clock::time_point latest = pending.first_scheduled + bound;
  if (const auto ran = last_run_.find(key); ran != last_run_.end() && ran->second + bound > pending.first_scheduled) {
    latest = ran->second + bound;
  }
  pending.due = std::min(now + delay, latest);
  pending.job = std::move(job);
}

void DebounceQueue::cancel(const std::string& key) {
  pending_.erase(key);
  last_run_.erase(key);
}

namespace {

template <typename PendingMap>
auto earliest_in(PendingMap& pending) {
  return std::min_element(pending.begin(), pending.end(),
                          [](const auto& a, const auto& b) { return a.second.due < b.second.due; });
}

}  // namespace

std::optional<DebounceQueue::Clock::time_point> DebounceQueue::next_due() const {
  if (pending_.empty()) return std::nullopt;
  return earliest_in(pending_)->second.due;
}

std::optional<DebounceQueue::Job> DebounceQueue::take_due(Clock::time_point now) {
  if (pending_.empty()) return std::nullopt;
  const auto found = earliest_in(pending_);
  if (found->second.due > now) return std::nullopt;
  Job job = std::move(found->second.job);
  last_run_[found->first] = now;
  pending_.erase(found);
  return job;
}

DebouncedWorker::DebouncedWorker(std::chrono::milliseconds ceiling) : queue_(ceiling), thread_([this] { loop(); }) {}

DebouncedWorker::~DebouncedWorker() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    queue_ = DebounceQueue(std::chrono::milliseconds::zero());
  }
  changed_.notify_all();
  thread_.join();
}

void DebouncedWorker::schedule(const std::string& key, std::chrono::milliseconds delay, Job job) {
  {
    std::lock_guard lock(mutex_);
    queue_.schedule(key, Clock::now(), delay, std::move(job));
  }
  changed_.notify_all();
}

void DebouncedWorker::cancel(const std::string& key) {
  std::lock_guard lock(mutex_);
  queue_.cancel(key);
  changed_.notify_all();
}

void DebouncedWorker::wait_until_idle() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return stopping_ || (queue_.empty() && !running_job_); });
}

void DebouncedWorker::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    const std::optional<Clock::time_point> due = queue_.next_due();
    if (!due) {
      changed_.wait(lock);
      continue;
    }
    std::optional<Job> job = queue_.take_due(Clock::now());
    if (!job) {
      changed_.wait_until(lock, *due);
      continue;  // a schedule() may have postponed or replaced it meanwhile
    }
    running_job_ = true;
    lock.unlock();
    (*job)();
    lock.lock();
    running_job_ = false;
    changed_.notify_all();
  }
}

}  // namespace xxgk::lsp
