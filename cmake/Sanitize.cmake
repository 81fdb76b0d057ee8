# Initial cache of the sanitizer build (cmake -C cmake/Sanitize.cmake): ONE clang build directory (build-asan/) that
# serves scripts/test-sanitized.sh and fuzz/run.sh alike. Everything is built with AddressSanitizer and
# UndefinedBehaviorSanitizer (XXGK_SANITIZE); the core libraries are also coverage-instrumented for libFuzzer
# (XXGK_FUZZ, fuzz/CMakeLists.txt: -fsanitize=fuzzer-no-link), so the test programs and the fuzz targets link the same
# objects (the sanitizer runtime supplies the coverage callbacks to programs linked without libFuzzer).
# -O1 (building the test programs at -O0 saved less build time than it cost in their run time) with line tables only,
# so that reports name file and line; no benchmarks. FORCE: a build directory follows this file when it changes
# (the compiler excepted: a change of compiler needs a fresh directory, which the scripts see to).
set(CMAKE_C_COMPILER clang CACHE STRING "")
set(CMAKE_CXX_COMPILER clang++ CACHE STRING "")
set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "" FORCE)
set(CMAKE_C_FLAGS_RELWITHDEBINFO "-O1 -gline-tables-only" CACHE STRING "" FORCE)
set(CMAKE_CXX_FLAGS_RELWITHDEBINFO "-O1 -gline-tables-only" CACHE STRING "" FORCE)
set(XXGK_SANITIZE ON CACHE BOOL "" FORCE)
set(XXGK_FUZZ ON CACHE BOOL "" FORCE)
set(XXGK_BUILD_TESTS ON CACHE BOOL "" FORCE)
set(XXGK_BUILD_BENCH OFF CACHE BOOL "" FORCE)
# One CTest test per test program (tests/CMakeLists.txt, xxgk_add_gtest): an instrumented process is slow to start.
set(XXGK_TESTS_PER_PROGRAM ON CACHE BOOL "" FORCE)
