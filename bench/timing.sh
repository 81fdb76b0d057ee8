# Sourced by bench/cli_timing.sh and bench/peers/run.sh: wall-clock medians of whole-process runs.

# median_ms RUNS COMMAND [ARGS...]: runs COMMAND once to warm the page cache, then RUNS times with its output
# discarded (exit status ignored: linters exit 1 on findings), and prints the median wall time in milliseconds.
median_ms() {
  local runs=$1
  shift
  "$@" >/dev/null 2>&1 || true
  local times=() start end
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END {
    m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%.1f\n", m / 1000 }'
}
