// Paths in URIs, shared by the CLI's SARIF output and the language server's file:// URIs.
#pragma once

#include <string>
#include <string_view>

namespace xxgk {

// `path` with every byte but RFC 3986's unreserved characters and '/' percent-encoded (Chinese file names, spaces,
// the brackets of "<stdin>"), usable as a URI reference or after "file://".
std::string percent_encode_path(std::string_view path);

}  // namespace xxgk
