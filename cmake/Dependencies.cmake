# Every dependency comes from a Debian 12 package; a missing one stops the configure step with the package to install.
function(xxgk_require_package found debian_package what)
  if(NOT ${found})
    message(FATAL_ERROR "xxgk-lint needs ${what}: install the Debian package '${debian_package}' "
                        "(apt-get install ${debian_package}), or run scripts/setup.sh")
  endif()
endfunction()

# Tree-sitter is linked statically, from the libtree-sitter.a that libtree-sitter-dev ships: the model walks each tree
# through thousands of ts_node_* and ts_tree_cursor_* calls, which into the shared library each go through the PLT.
find_path(XXGK_TREE_SITTER_INCLUDE_DIR tree_sitter/api.h)
find_library(XXGK_TREE_SITTER_LIBRARY NAMES libtree-sitter.a)
if(XXGK_TREE_SITTER_INCLUDE_DIR AND XXGK_TREE_SITTER_LIBRARY)
  set(xxgk_tree_sitter_found TRUE)
endif()
xxgk_require_package(xxgk_tree_sitter_found libtree-sitter-dev "the Tree-sitter runtime 0.20.x (static library)")
add_library(xxgk::tree_sitter STATIC IMPORTED)
set_target_properties(xxgk::tree_sitter PROPERTIES IMPORTED_LOCATION ${XXGK_TREE_SITTER_LIBRARY}
                                                   INTERFACE_INCLUDE_DIRECTORIES ${XXGK_TREE_SITTER_INCLUDE_DIR})
# The library's version says nothing of the parser ABI (Debian's soname is 0.6.x for runtime 0.20.7), so check the ABI
# the runtime's header declares instead: the committed grammar/src/parser.c is generated for ABI 14.
set(XXGK_TREE_SITTER_API_H ${XXGK_TREE_SITTER_INCLUDE_DIR}/tree_sitter/api.h)
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

# The xxgk-lint executable is linked fully statically (XXGK_STATIC_EXECUTABLE). A `check` of one report spends most of
# its time starting the process, and on a virtual machine, where a page fault costs 10-15 µs, most of that is the
# dynamic loader's work: mapping libicuuc and libstdc++ and resolving their symbols (~2M instructions, ~150 page
# faults; 12 ms for one report against 7 ms static). A static executable also runs on machines without ICU 72, which
# the VS Code extension needs, as it bundles the binary. What it costs: ~36 MB on disk (ICU's data, which is mapped
# and read only where used) and a fixed address for the executable image (the stack, the heap and other mappings are
# still randomised). Sanitizer runtimes need dynamic linking, so a sanitizer build links dynamically.
if(XXGK_STATIC_EXECUTABLE AND XXGK_SANITIZE)
  set(XXGK_STATIC_EXECUTABLE OFF)
endif()
if(XXGK_STATIC_EXECUTABLE)
  find_library(XXGK_ICU_UC_ARCHIVE NAMES libicuuc.a)
  find_library(XXGK_ICU_DATA_ARCHIVE NAMES libicudata.a)
  if(XXGK_ICU_UC_ARCHIVE AND XXGK_ICU_DATA_ARCHIVE)
    set(xxgk_icu_archives_found TRUE)
  endif()
  xxgk_require_package(xxgk_icu_archives_found libicu-dev
                       "ICU's static libraries for the static executable (or configure with -DXXGK_STATIC_EXECUTABLE=OFF)")
endif()
# xxgk::icu_uc is ICU's common library as each target links it: its static archives for a target whose
# XXGK_STATIC_ICU property is set (the static xxgk-lint), the shared library for every other (tests, benchmarks).
add_library(xxgk_icu_uc INTERFACE)
add_library(xxgk::icu_uc ALIAS xxgk_icu_uc)
if(XXGK_STATIC_EXECUTABLE)
  target_link_libraries(xxgk_icu_uc INTERFACE
    "$<IF:$<BOOL:$<TARGET_PROPERTY:XXGK_STATIC_ICU>>,${XXGK_ICU_UC_ARCHIVE};${XXGK_ICU_DATA_ARCHIVE};${CMAKE_DL_LIBS},ICU::uc>")
else()
  target_link_libraries(xxgk_icu_uc INTERFACE ICU::uc)
endif()

# xxgk::NAME: a library imported from its static archive (preferred, for the static executable) or shared library,
# with the directory of HEADER.
function(xxgk_import_library name header archive debian_package what)
  string(TOUPPER ${name} upper)
  find_path(XXGK_${upper}_INCLUDE_DIR ${header})
  find_library(XXGK_${upper}_LIBRARY NAMES lib${archive}.a ${archive})
  if(XXGK_${upper}_INCLUDE_DIR AND XXGK_${upper}_LIBRARY)
    set(found TRUE)
  endif()
  xxgk_require_package(found ${debian_package} "${what}")
  add_library(xxgk::${name} UNKNOWN IMPORTED GLOBAL)
  set_target_properties(xxgk::${name} PROPERTIES IMPORTED_LOCATION ${XXGK_${upper}_LIBRARY}
                                                 INTERFACE_INCLUDE_DIRECTORIES ${XXGK_${upper}_INCLUDE_DIR})
endfunction()

# Readers of published reports, from the static archives Debian ships, so that the static executable reads them:
# Gumbo (web pages); pugixml and zlib (Word documents: the core reads the ZIP container itself, as Debian ships no
# static libzip).
xxgk_import_library(gumbo gumbo.h gumbo libgumbo-dev "the Gumbo HTML5 parser (web-page reports)")
xxgk_import_library(pugixml pugixml.hpp pugixml libpugixml-dev "pugixml (Word documents)")
xxgk_import_library(zlib zlib.h z zlib1g-dev "zlib (the ZIP container of Word documents)")

# PDF files: poppler-cpp, which Debian ships as a shared library only. The static executable therefore has no PDF
# reader (it says so for a .pdf); every other target (tests, benchmarks, a -DXXGK_STATIC_EXECUTABLE=OFF build) reads
# PDF. xxgk::pdf_reader picks per target, like xxgk::icu_uc below.
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(XXGK_POPPLER_CPP QUIET IMPORTED_TARGET poppler-cpp)
endif()
xxgk_require_package(XXGK_POPPLER_CPP_FOUND libpoppler-cpp-dev "poppler-cpp (PDF files)")

find_package(Threads REQUIRED)

if(XXGK_BUILD_TESTS)
  find_package(GTest QUIET)
  xxgk_require_package(GTest_FOUND "googletest libgmock-dev" "GoogleTest")
endif()
if(XXGK_BUILD_BENCH)
  find_package(benchmark QUIET)
  xxgk_require_package(benchmark_FOUND libbenchmark-dev "Google Benchmark")
endif()
