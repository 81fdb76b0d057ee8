#include "cli/temporary_files.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <set>
#include <thread>

namespace xxgk::cli {

namespace {

std::mutex registry_mutex;
std::set<std::string>& registry() {
  static std::set<std::string> paths;
  return paths;
}

sigset_t cleanup_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGHUP);
  return signals;
}

[[noreturn]] void remove_and_die(sigset_t signals) {
  int signal_number = 0;
  while (sigwait(&signals, &signal_number) != 0) {
  }
  std::unique_lock<std::mutex> lock(registry_mutex);  // kept until the end: nothing is created any more
  for (const std::string& path : registry()) ::unlink(path.c_str());
  ::signal(signal_number, SIG_DFL);
  sigset_t only;
  sigemptyset(&only);
  sigaddset(&only, signal_number);
  pthread_sigmask(SIG_UNBLOCK, &only, nullptr);
  ::raise(signal_number);
  ::_exit(128 + signal_number);  // not reached: the default action of these signals ends the process
}

}  // namespace

void remove_temporary_files_on_signal() {
  const sigset_t signals = cleanup_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread(remove_and_die, signals).detach();
}

std::unique_lock<std::mutex> lock_temporary_files() { return std::unique_lock<std::mutex>(registry_mutex); }

int create_temporary_file(std::string& path_template) {
  const int descriptor = ::mkstemp(path_template.data());
  if (descriptor >= 0) registry().insert(path_template);
  return descriptor;
}

void forget_temporary_file(const std::string& path) { registry().erase(path); }

}  // namespace xxgk::cli
