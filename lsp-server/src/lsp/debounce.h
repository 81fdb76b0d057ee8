// A worker thread that runs keyed jobs once their key has been quiet for a delay. Scheduling a key again before its
// job ran replaces the job and restarts the delay, so a burst of edits to one document costs one lint.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace xxgk::lsp {

class DebouncedWorker {
 public:
  using Job = std::function<void()>;

  DebouncedWorker();
  ~DebouncedWorker();  // drops pending jobs, waits for a running one
  DebouncedWorker(const DebouncedWorker&) = delete;
  DebouncedWorker& operator=(const DebouncedWorker&) = delete;

  void schedule(const std::string& key, std::chrono::milliseconds delay, Job job);
  void cancel(const std::string& key);
  // Blocks until no job is pending or running.
  void wait_until_idle();

 private:
  using Clock = std::chrono::steady_clock;
  struct Pending {
    Clock::time_point due;
    Job job;
  };

  void loop();

  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::string, Pending> pending_;
  bool running_job_ = false;
  bool stopping_ = false;
  std::thread thread_;  // last: starts after the members it uses exist
};

}  // namespace xxgk::lsp
