// Keyed jobs run once their key has been quiet for a delay. Scheduling a key again before its job ran replaces the
// job and restarts the delay, so a burst of edits to one document costs one lint — up to a ceiling: while a key keeps
// being rescheduled, its job still runs at least once per ceiling, so that a stream of edits (key repeat, a paste, a
// macro) does not keep the diagnostics back until it stops.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace xxgk::lsp {

// The schedule alone, with the time passed in: DebouncedWorker runs it on a thread against the steady clock, tests
// against made-up times.
class DebounceQueue {
 public:
  using Clock = std::chrono::steady_clock;
  using Job = std::function<void()>;

  explicit DebounceQueue(std::chrono::milliseconds ceiling) : ceiling_(ceiling) {}

  // `job` runs `delay` after `now`, but no later than max(ceiling, delay) after the key's job last ran, when that was
  // less than this bound before its pending job was first scheduled (a stream of edits), or else after the pending
  // job was first scheduled (the first edits after a pause).
  void schedule(const std::string& key, Clock::time_point now, std::chrono::milliseconds delay, Job job);
  void cancel(const std::string& key);
  bool empty() const { return pending_.empty(); }
  // When the earliest pending job is due; nullopt when none is pending.
  std::optional<Clock::time_point> next_due() const;
  // Removes and returns the earliest job if it is due at `now`.
  std::optional<Job> take_due(Clock::time_point now);

 private:
  struct Pending {
    Clock::time_point first_scheduled;
    Clock::time_point due;
    Job job;
  };
  std::chrono::milliseconds ceiling_;
  std::map<std::string, Pending> pending_;
  std::map<std::string, Clock::time_point> last_run_;
};

class DebouncedWorker {
 public:
  using Job = DebounceQueue::Job;

  explicit DebouncedWorker(std::chrono::milliseconds ceiling);
  ~DebouncedWorker();  // drops pending jobs, waits for a running one
  DebouncedWorker(const DebouncedWorker&) = delete;
  DebouncedWorker& operator=(const DebouncedWorker&) = delete;

  void schedule(const std::string& key, std::chrono::milliseconds delay, Job job);
  void cancel(const std::string& key);
  // Blocks until no job is pending or running.
  void wait_until_idle();

 private:
  using Clock = DebounceQueue::Clock;

  void loop();

  std::mutex mutex_;
  std::condition_variable changed_;
  DebounceQueue queue_;
  bool running_job_ = false;
  bool stopping_ = false;
  std::thread thread_;  // last: starts after the members it uses exist
};

}  // namespace xxgk::lsp
