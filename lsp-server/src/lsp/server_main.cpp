#include "lsp/server_main.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <iostream>
#include <thread>

#include "lsp/server.h"
#include "lsp/transport.h"

namespace xxgk::lsp {

int run_stdio_server() {
  // A client that goes away mid-write must not kill the server with SIGPIPE: the write fails and input ends.
  ::signal(SIGPIPE, SIG_IGN);
  // Protocol output gets a descriptor of its own; stdout (fd 1) is pointed at stderr so that nothing but protocol
  // can ever reach the client, whatever some library prints.
  const int protocol_fd = ::dup(STDOUT_FILENO);
  if (protocol_fd < 0 || ::dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
    std::cerr << "xxgk-lint lsp: cannot set up stdout\n";
    return 1;
  }
  FdStreamBuf output_buffer(protocol_fd);
  std::ostream output(&output_buffer);
  FrameWriter writer(output);
  int exit_code;
  {
    Server server([&writer](const Payload& message) { writer.write(message.pieces()); });
    std::atomic<bool> stop{false};
    std::thread reader([&server, &stop] {
      FdStreamBuf input_buffer(STDIN_FILENO, &stop);
      std::istream input(&input_buffer);
      FrameReader frames(input);
      while (std::optional<Frame> frame = frames.next()) {
        if (frame->error.empty()) {
          server.post(std::move(frame->body));
        } else {
          server.post_transport_error(std::move(frame->error));
        }
      }
      server.post_end_of_input();
    });
    exit_code = server.run();
    stop = true;
    reader.join();
  }  // the server's diagnostics worker is joined here, before its output goes away
  ::close(protocol_fd);
  return exit_code;
}

}  // namespace xxgk::lsp
