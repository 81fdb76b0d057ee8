// The JSON-RPC side of the language server (as Verible's JsonRpcDispatcher): the queue between the transport's
// thread and the loop, cancellation, the LSP lifecycle's gate, routing of requests, notifications and responses to
// handlers registered by method name, and what the server says by itself (log, trace, requests to the client).
// Handlers take params and return a result or throw ProtocolError; they never see ids, the queue or the lifecycle.
//
// Cancellation: a $/cancelRequest is noted as soon as it is posted, so that the request it names is answered
// RequestCancelled if it still waits in the queue; the note is dropped when the loop reaches the notification (every
// request queued before it has been answered by then), whatever the lifecycle, so notes never outlive the queue.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "lsp/protocol.h"

namespace xxgk::lsp {

class Dispatcher {
 public:
  // Receives every outgoing message; called from the loop's thread and from the server's other threads (through
  // send() and log()), never by two at once.
  using Sink = std::function<void(const Payload&)>;
  using RequestHandler = std::function<Payload(const json& params)>;
  using NotificationHandler = std::function<void(const json& params)>;
  using ResultHandler = std::function<void(const json& result)>;
  enum class Lifecycle { Uninitialized, Running, ShuttingDown };

  // Handles `exit` and `$/setTrace` itself.
  explicit Dispatcher(Sink sink);
  Dispatcher(const Dispatcher&) = delete;
  Dispatcher& operator=(const Dispatcher&) = delete;

  void add_request(std::string method, RequestHandler handler);
  void add_notification(std::string method, NotificationHandler handler);

  // Thread-safe: queue a message body read by the transport.
  void post(std::string body);
  // Thread-safe: the transport could not read a frame (garbage header, oversized body).
  void post_transport_error(std::string message);
  // Thread-safe: the input has ended.
  void post_end_of_input();
  // Thread-safe: how many cancellations are noted whose notification the loop has not reached yet.
  size_t cancellations_noted();

  // Waits for the next message until `until` (or for ever) and handles it; false when none came.
  bool dispatch_next(std::optional<std::chrono::steady_clock::time_point> until);
  // Handles the messages queued so far.
  void process_pending();

  Lifecycle lifecycle() const { return lifecycle_; }
  void set_lifecycle(Lifecycle lifecycle) { lifecycle_ = lifecycle; }
  // 0 after shutdown + exit, 1 when the client went away without shutting the server down.
  std::optional<int> exit_code() const { return exit_code_; }
  void finish(int code) { exit_code_ = code; }
  void set_trace(std::string level) { trace_level_ = std::move(level); }

  // Thread-safe.
  void send(const Payload& message);
  void log(MessageType type, const std::string& text);
  // Loop's thread only: a request to the client; `on_result` (may be empty) gets its result.
  void send_request(std::string method, json params, ResultHandler on_result);

 private:
  struct Incoming {
    enum class Kind { Message, Unreadable, EndOfInput } kind;
    json message;       // Message: the parsed message
    ErrorCode code;     // Unreadable: the error answered
    std::string error;  // Unreadable: what could not be read
  };

  void enqueue(Incoming incoming);
  void handle(const Incoming& incoming);
  void handle_request(const json& message);
  void handle_notification(const json& message);
  void handle_response(const json& message);
  void forget_cancellation(const json& params);
  void trace(const std::string& message, const json& verbose);

  Sink sink_;
  std::mutex sink_mutex_;

  std::mutex inbox_mutex_;
  std::condition_variable inbox_changed_;
  std::deque<Incoming> inbox_;
  std::set<std::string> cancelled_;  // serialised ids of requests cancelled while queued

  // Loop state: touched only by the loop's thread.
  Lifecycle lifecycle_ = Lifecycle::Uninitialized;
  std::optional<int> exit_code_;
  std::string trace_level_ = "off";
  int64_t next_request_id_ = 1;
  std::map<int64_t, ResultHandler> pending_requests_;
  std::map<std::string, RequestHandler, std::less<>> request_handlers_;
  std::map<std::string, NotificationHandler, std::less<>> notification_handlers_;
};

}  // namespace xxgk::lsp
