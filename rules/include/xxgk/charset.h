// Character-set conversion to UTF-8 with ICU, shared by the command line's input decoding and the web-page reader.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace xxgk {

// Converts `bytes` from `charset` (an ICU converter name: "GB18030", "UTF-16LE"…) to UTF-8, or nullopt at the first
// byte sequence that is not valid in `charset` (no substitution characters: a wrong guess must fail, not produce
// mojibake).
std::optional<std::string> convert_to_utf8(const char* charset, std::string_view bytes);

}  // namespace xxgk
