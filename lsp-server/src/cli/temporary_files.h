// The temporary files `fix` writes beside the files it replaces, kept in one registry so that an interrupted run
// (SIGINT, SIGTERM, SIGHUP) removes them before it dies instead of leaving a hidden copy of a report behind.
//
// The signals are blocked in every thread and waited for by one thread of their own, which — holding the registry's
// lock, so no file is created or swapped meanwhile — removes the registered files and then dies of the signal it got,
// as the process would have without it.
#pragma once

#include <mutex>
#include <string>

namespace xxgk::cli {

// Blocks SIGINT, SIGTERM and SIGHUP in the calling thread (and the threads it starts afterwards) and starts the
// thread that removes the registered temporary files when one arrives. Call once, before starting other threads.
void remove_temporary_files_on_signal();

// The registry's lock: held while a registered file is created, and while a file is swapped with one and it is
// decided which of the two is removed, so the signal thread never removes a file holding the only copy of a text.
std::unique_lock<std::mutex> lock_temporary_files();

// Creates a file from mkstemp's `path_template` (its "XXXXXX" replaced) and registers it; the caller holds the lock.
// Returns the descriptor, or -1 with errno set.
int create_temporary_file(std::string& path_template);
// Unregisters `path` (renamed into place, or removed by the caller); the caller holds the lock.
void forget_temporary_file(const std::string& path);

}  // namespace xxgk::cli
