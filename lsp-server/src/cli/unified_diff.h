// `fix --diff`: what a fix would change, as a unified diff (the format of `diff -u` and `git diff`, which patch and
// every review tool read).
#pragma once

#include <string>
#include <string_view>

namespace xxgk::cli {

// The unified diff from `before` to `after`, labelled `a/<name>` and `b/<name>`, with three lines of context; empty
// when the texts are equal. A last line without a newline is marked "\ No newline at end of file", as diff does.
std::string unified_diff(std::string_view name, std::string_view before, std::string_view after);

}  // namespace xxgk::cli
