/* The physical limit for a linter's batch: one process that reads every file once and counts its lines and tabs
 * in the same pass. bench/peers/run.sh compiles it into its scratch directory.
 *
 *   reader FILE...     prints "LINES TABS" over all files
 */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv) {
  static char buffer[1 << 16];
  unsigned long long lines = 0, tabs = 0;
  for (int i = 1; i < argc; i++) {
    const int fd = open(argv[i], O_RDONLY);
    if (fd < 0) {
      perror(argv[i]);
      return 2;
    }
    ssize_t n;
    while ((n = read(fd, buffer, sizeof buffer)) > 0)
      for (ssize_t k = 0; k < n; k++) {
        lines += buffer[k] == '\n';
        tabs += buffer[k] == '\t';
      }
    close(fd);
  }
  printf("%llu %llu\n", lines, tabs);
  return 0;
}
