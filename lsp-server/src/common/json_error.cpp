#include "common/json_error.h"

#include "xxgk/text.h"

namespace xxgk {

std::string shortened_json_error(std::string_view what) {
  constexpr std::string_view kLastRead = "; last read: '";
  // The token is followed by "'" and, when the parser expected something else, by "; expected …".
  constexpr std::string_view kExpected = "'; expected ";
  const size_t marker = what.find(kLastRead);
  if (marker == std::string_view::npos) return std::string(what);
  const size_t token = marker + kLastRead.size();
  size_t end = what.rfind(kExpected);
  if (end == std::string_view::npos || end < token) end = what.ends_with('\'') ? what.size() - 1 : what.size();
  const std::string_view quoted = what.substr(token, end - token);
  size_t cut = quoted.size();
  for (size_t kept = 0; cut > 0 && kept < kJsonErrorTokenCodePoints; ++kept)
    cut = text::previous_code_point_start(quoted, cut);
  if (cut == 0) return std::string(what);
  std::string shortened(what.substr(0, token));
  shortened += "…";
  shortened += what.substr(token + cut);
  return shortened;
}

}  // namespace xxgk
