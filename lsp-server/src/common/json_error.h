// What the front ends say when JSON from outside (a message, a settings answer, a configuration file) cannot be read.
#pragma once

#include <string>
#include <string_view>

namespace xxgk {

// nlohmann::json's parse error ends with the token it was reading when it failed ("…; last read: '<token>'"). For an
// unterminated string that token is the rest of the input: a message of megabytes would be echoed back whole, in the
// log and again in the error response. The line and column already say where; the token keeps its last
// kJsonErrorTokenCodePoints code points after "…" (cut at a character boundary), which say what was read there.
inline constexpr size_t kJsonErrorTokenCodePoints = 40;
std::string shortened_json_error(std::string_view what);

}  // namespace xxgk
