# Every dependency comes from a Debian 12 package; a missing one stops the configure step with the package to install.
find_package(PkgConfig QUIET)

function(xxgk_require_package found debian_package what)
  if(NOT ${found})
    message(FATAL_ERROR "xxgk-lint needs ${what}: install the Debian package '${debian_package}' "
                        "(apt-get install ${debian_package}), or run scripts/setup.sh")
  endif()
endfunction()

if(PkgConfig_FOUND)
  pkg_check_modules(TREE_SITTER IMPORTED_TARGET tree-sitter)
endif()
xxgk_require_package(TREE_SITTER_FOUND libtree-sitter-dev "the Tree-sitter runtime 0.20.x")
# Debian's tree-sitter.pc carries the library's soname version (0.6.x for runtime 0.20.7), so check the parser ABI
# the runtime's header declares instead: the committed grammar/src/parser.c is generated for ABI 14.
find_file(XXGK_TREE_SITTER_API_H tree_sitter/api.h HINTS ${TREE_SITTER_INCLUDE_DIRS} /usr/include)
file(STRINGS ${XXGK_TREE_SITTER_API_H} xxgk_ts_abi REGEX "#define TREE_SITTER_LANGUAGE_VERSION [0-9]+")
string(REGEX MATCH "[0-9]+$" xxgk_ts_abi "${xxgk_ts_abi}")
if(xxgk_ts_abi LESS 14)
  message(FATAL_ERROR "xxgk-lint needs a Tree-sitter runtime with parser ABI 14 (libtree-sitter-dev 0.20.7); "
                      "${XXGK_TREE_SITTER_API_H} declares ABI ${xxgk_ts_abi}")
endif()

find_package(nlohmann_json 3.10 QUIET)
xxgk_require_package(nlohmann_json_FOUND nlohmann-json3-dev "nlohmann/json")

find_package(ICU 70 QUIET COMPONENTS uc i18n)
xxgk_require_package(ICU_FOUND libicu-dev "ICU (normalisation, transliteration, charset conversion)")

find_package(Threads REQUIRED)

if(XXGK_BUILD_TESTS)
  find_package(GTest QUIET)
  xxgk_require_package(GTest_FOUND "googletest libgmock-dev" "GoogleTest")
endif()
if(XXGK_BUILD_BENCH)
  find_package(benchmark QUIET)
  xxgk_require_package(benchmark_FOUND libbenchmark-dev "Google Benchmark")
endif()
