// The libFuzzer entry of one target; fuzz/CMakeLists.txt builds it once per target with XXGK_FUZZ_ENTRY naming the
// function of fuzz_entries.h to call.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz_entries.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::optional<std::string> failure =
      xxgk::fuzz::XXGK_FUZZ_ENTRY(std::string_view(reinterpret_cast<const char*>(data), size));
  if (failure) {
    std::fprintf(stderr, "invariant broken: %s\n", failure->c_str());
    std::abort();
  }
  xxgk::fuzz::end_execution();
  return 0;
}
