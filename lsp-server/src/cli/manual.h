// What `cmake --install` puts beside the binary, generated at build time by xxgk-docgen from the help text
// (cli/help_text.h) and the rule descriptors: the man page xxgk-lint.1 and the bash and zsh completions.
#pragma once

#include <string>

namespace xxgk::cli {

// xxgk-lint(1), in roff (man(7) macros).
std::string man_page();
// A bash completion script (bash-completion's completions/xxgk-lint).
std::string bash_completion();
// A zsh completion function (site-functions/_xxgk-lint).
std::string zsh_completion();

}  // namespace xxgk::cli
