// Median wall time of whole-process runs of one command, started directly (posix_spawn, no shell in between), its
// output to /dev/null and its exit status ignored (linters exit 1 on findings). Timing with `date` around a shell
// command added two process starts to every run: 13 ms of a 24 ms figure for one report here, and it weighed on
// each tool by the same amount, not in proportion to its own time. Figures are milliseconds with one decimal.
//
//   run_median RUNS [-C DIR] [-t TIMEOUT_S] [-s SINGLE_RUN_ABOVE_MS] -- COMMAND [ARGS...]
//
// One untimed run first warms the page cache. -C runs the command in DIR. -t stops a run that takes longer than
// TIMEOUT_S seconds (with its whole process group) and prints TIMEOUT_S * 1000. -s: when the warm-up run took longer
// than SINGLE_RUN_ABOVE_MS, its time is printed instead, so a tool that needs minutes per run is run once.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char** environ;

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int compare_doubles(const void* a, const void* b) {
  double x = *(const double*)a, y = *(const double*)b;
  return (x > y) - (x < y);
}

static void usage(void) {
  fprintf(stderr, "usage: run_median RUNS [-C DIR] [-t TIMEOUT_S] [-s SINGLE_RUN_ABOVE_MS] -- COMMAND [ARGS...]\n");
  exit(2);
}

// One run: its wall time in milliseconds, or timeout_ms when it was stopped. SIGCHLD is blocked by the caller, so
// sigtimedwait wakes at the child's end without polling.
static double run_once(char** command, const char* directory, double timeout_ms) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  if (directory != NULL) posix_spawn_file_actions_addchdir_np(&actions, directory);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setpgroup(&attributes, 0);  // its own process group, so that a timeout stops its children too
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP);

  const double start = now_ms();
  pid_t child;
  const int error = posix_spawnp(&child, command[0], &actions, &attributes, command, environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (error != 0) {
    fprintf(stderr, "run_median: cannot start %s: %s\n", command[0], strerror(error));
    exit(2);
  }
  sigset_t chld;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  for (;;) {
    const double left_ms = timeout_ms - (now_ms() - start);
    if (left_ms <= 0) {
      kill(-child, SIGKILL);
      waitpid(child, NULL, 0);
      return timeout_ms;
    }
    struct timespec wait = {(time_t)(left_ms / 1e3), (long)((left_ms - (time_t)(left_ms / 1e3) * 1e3) * 1e6)};
    const int signal_number = sigtimedwait(&chld, NULL, &wait);
    if (signal_number == SIGCHLD && waitpid(child, NULL, WNOHANG) == child) return now_ms() - start;
    if (signal_number < 0 && errno != EAGAIN && errno != EINTR) {
      perror("run_median: sigtimedwait");
      exit(2);
    }
  }
}

int main(int argc, char** argv) {
  if (argc < 4) usage();
  const int runs = atoi(argv[1]);
  const char* directory = NULL;
  double timeout_ms = 1e12, single_run_above_ms = 1e12;
  int i = 2;
  for (; i < argc && strcmp(argv[i], "--") != 0; i += 2) {
    if (i + 1 >= argc) usage();
    if (strcmp(argv[i], "-C") == 0) directory = argv[i + 1];
    else if (strcmp(argv[i], "-t") == 0) timeout_ms = atof(argv[i + 1]) * 1e3;
    else if (strcmp(argv[i], "-s") == 0) single_run_above_ms = atof(argv[i + 1]);
    else usage();
  }
  if (runs < 1 || i + 1 >= argc) usage();
  char** command = argv + i + 1;

  sigset_t chld;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  sigprocmask(SIG_BLOCK, &chld, NULL);

  const double warm_up = run_once(command, directory, timeout_ms);
  if (warm_up >= timeout_ms || warm_up > single_run_above_ms) {
    printf("%.1f\n", warm_up);
    return 0;
  }
  double* times = malloc(sizeof(double) * runs);
  if (times == NULL) return 2;
  for (int run = 0; run < runs; ++run) times[run] = run_once(command, directory, timeout_ms);
  qsort(times, runs, sizeof(double), compare_doubles);
  const double median = runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
  printf("%.1f\n", median);
  free(times);
  return 0;
}
