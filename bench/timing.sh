# Sourced by bench/cli_timing.sh and bench/peers/run.sh: wall-clock medians of whole-process runs.

# median_ms RUNS COMMAND [ARGS...]: runs COMMAND once to warm the page cache, then RUNS times with its output
# discarded (exit status ignored: linters exit 1 on findings), and prints the median wall time in milliseconds.
# When SINGLE_RUN_ABOVE_MS is set and the warm-up run took longer, that run's time is printed instead: a tool
# that needs minutes per run is measured once.
median_ms() {
  local runs=$1
  shift
  local times=() start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  if [ -n "${SINGLE_RUN_ABOVE_MS:-}" ] && [ $(((end - start) / 1000000)) -gt "$SINGLE_RUN_ABOVE_MS" ]; then
    awk -v us=$(((end - start) / 1000)) 'BEGIN { printf "%.1f\n", us / 1000 }'
    return
  fi
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END {
    m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%.1f\n", m / 1000 }'
}
