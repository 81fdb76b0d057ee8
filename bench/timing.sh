# Sourced by bench/cli_timing.sh, bench/review_timing.sh and bench/peers/run.sh: wall-clock medians of whole-process
# runs, taken by bench/run_median.c (the command started directly, no shell or `date` process inside the timed span).

# build_run_median DIR: compiles run_median into DIR and sets run_median to its path.
build_run_median() {
  run_median=$1/run_median
  cc -O2 -o "$run_median" "$(dirname "${BASH_SOURCE[0]}")/run_median.c"
}

# median_ms RUNS [-C DIR] [-t TIMEOUT_S] [-s SINGLE_RUN_ABOVE_MS] -- COMMAND [ARGS...]: one warm-up run, then the
# median of RUNS runs in milliseconds (see bench/run_median.c for the options).
median_ms() {
  "$run_median" "$@"
}

# prepare_inputs: a temporary directory (removed when the script exits) holding bench/make-reports.sh's inputs and
# run_median; sets data to it.
prepare_inputs() {
  data=$(mktemp -d)
  trap 'rm -rf "$data"' EXIT
  "$(dirname "${BASH_SOURCE[0]}")/make-reports.sh" "$data"
  build_run_median "$data"
}

# verdict MS GOAL_MS: "met" or "missed".
verdict() { awk -v t="$1" -v goal="$2" 'BEGIN { print (t <= goal ? "met" : "missed") }'; }
