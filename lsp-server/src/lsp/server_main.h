// Entry point of `xxgk-lint lsp`: the language server on stdin/stdout.
#pragma once

namespace xxgk::lsp {

// Serves one client over stdio until `exit`, the end of input or the client process's death. Returns the process
// exit code: 0 after an orderly shutdown + exit, 1 otherwise.
int run_stdio_server();

}  // namespace xxgk::lsp
