# Sourced by fuzz/run.sh and fuzz/long-run.sh (which set $root and $build): the fuzz targets, how each is run, and the
# build of the sanitizer directory they live in.
# shellcheck shell=bash

XXGK_FUZZ_TARGETS=(lint_bytes fix_up incremental_edits lsp_stream html_reader docx_reader pdf_reader pdf_layout)

# The dictionary and the input size bound of each target: small inputs keep executions cheap (the seeds are pieces of
# under 1 KB, and an execution's cost grows with the text it lints); the fix-up's inputs stay shorter (its fixes insert
# template sections: the text linted after them is larger); an LSP session carries its framing and JSON around the
# report text; a web page (its seeds 1–2.5 KB), a Word file (a zip, 5–12 KB) or a PDF file (uncompressed, 1–9 KB) is
# bigger than the report text it holds. A bound below a seed's size would cut the seed when it is loaded.
fuzz_dictionary() {
  case $1 in
    lsp_stream) echo "$root/fuzz/dictionaries/lsp.dict" ;;
    *) echo "$root/fuzz/dictionaries/report.dict" ;;
  esac
}
fuzz_max_len() {
  case $1 in
    fix_up) echo 1024 ;;
    lsp_stream) echo 4096 ;;
    html_reader) echo 4096 ;;
    pdf_reader) echo 16384 ;;
    pdf_layout) echo 4096 ;;
    docx_reader) echo 65536 ;;
    *) echo 2048 ;;
  esac
}

# Configures and builds the sanitizer directory's targets for the named fuzz targets; exits when clang's libFuzzer is
# missing. XXGK_FUZZ_SKIP_BUILD=1 uses the targets as built (a long run while the tree is being edited). libFuzzer ships with clang's runtime libraries (scripts/install-deps.sh --tests installs clang and
# libclang-rt-14-dev); probe for it rather than for package names.
build_fuzz_targets() {
  [ "${XXGK_FUZZ_SKIP_BUILD:-0}" = 1 ] && return 0
  if ! command -v clang++ >/dev/null ||
    ! echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' |
    clang++ -fsanitize=fuzzer -x c++ - -o /dev/null 2>/dev/null; then
    echo "fuzz: clang with libFuzzer is missing: run scripts/install-deps.sh --tests" >&2
    exit 1
  fi
  # A directory configured with another compiler (an older g++ build-asan/) starts afresh: the cache would keep it.
  if [ -f "$build/CMakeCache.txt" ] && ! grep -q '^CMAKE_CXX_COMPILER:.*clang++' "$build/CMakeCache.txt"; then
    rm -rf "$build"
  fi
  cmake -C "$root/cmake/Sanitize.cmake" -S "$root" -B "$build" >/dev/null
  cmake --build "$build" -j "$(nproc)" --target "${@/#/fuzz_}" >/dev/null
}

# run_fuzz_target TARGET LIBFUZZER-ARGS...: one libFuzzer process (one core) with the target's dictionary and bounds.
# -timeout: one input taking 25 s is a hang; -rss_limit_mb: the bound a single input may cost. -entropic=0: the
# entropic schedule's per-feature bookkeeping took 40% of the time of an execution here (measured on lint_bytes:
# 945 against 1,630 executions per processor second). The sanitizers report into the fuzzer's output. No
# detect_stack_use_after_return: it costs a quarter of the executions, and the tests run with it. malloc_context_size=2:
# recording 30 frames of every allocation took a tenth of an execution (lint_bytes: 1.27 against 1.14 processor
# seconds for 1,200 inputs, the mean of two runs); a report then shows two frames of where the memory was allocated and freed, and
# replaying the reproducer (fuzz_replay_test in the sanitizer build, or the target on the file) gives the whole stacks.
#
# quarantine_size_mb=4: ASan's default holds 256 MB of freed memory back from reuse, so every allocation lands on memory
# the process has not touched for a long while (fix_up took about 12 page faults per execution, now under 2). Poppler
# and gumbo free megabytes per input: pdf_reader 13.3 against 9.5 processor seconds for 3,000 executions (16 MB: 11.5;
# 64 MB: 12.9); html_reader 11.3 against 9.2. The lint-bound targets, the same executions (-seed, -runs) with either
# quarantine at the same time on the two cores, then swapped, twice: 1.04–1.14× as fast (tests/hardening/README.md).
# A use of memory freed within the last 4 MB (several executions' worth) is still caught, which covers an execution's
# own dangling pointers (OSS-Fuzz fuzzes with 10 MB); the tests and the replay of reproducers run with the default.
#
# fuzz/side-by-side.sh runs another binary (XXGK_FUZZ_BINARY) or adds ASan options (XXGK_FUZZ_ASAN_EXTRA, which win
# over these) to measure a change.
run_fuzz_target() {
  local target=$1
  shift
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:malloc_context_size=2:quarantine_size_mb=4${XXGK_FUZZ_ASAN_EXTRA:+:$XXGK_FUZZ_ASAN_EXTRA}" \
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    "${XXGK_FUZZ_BINARY:-$build/fuzz/fuzz_$target}" -timeout=25 -rss_limit_mb=2048 -entropic=0 -max_len="$(fuzz_max_len "$target")" \
    -dict="$(fuzz_dictionary "$target")" "$@"
}
