// Whether the test is built with AddressSanitizer: GCC defines __SANITIZE_ADDRESS__, clang (before 16) answers only
// __has_feature. Memory bounds scale by kAsanMemoryFactor under it (shadow memory and the 256 MB quarantine).
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define XXGK_TEST_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define XXGK_TEST_UNDER_ASAN 1
#endif
#endif

namespace xxgk::testing_support {

#if defined(XXGK_TEST_UNDER_ASAN)
inline constexpr long kAsanMemoryFactor = 3;
#else
inline constexpr long kAsanMemoryFactor = 1;
#endif

}  // namespace xxgk::testing_support
