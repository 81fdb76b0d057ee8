#include "lsp/dispatcher.h"

namespace xxgk::lsp {

Dispatcher::Dispatcher(Sink sink) : sink_(std::move(sink)) {
  add_notification("exit", [this](const json&) { exit_code_ = lifecycle_ == Lifecycle::ShuttingDown ? 0 : 1; });
  add_notification("$/setTrace", [this](const json& params) { trace_level_ = string_member(params, "value"); });
}

void Dispatcher::add_request(std::string method, RequestHandler handler) {
  request_handlers_.emplace(std::move(method), std::move(handler));
}

void Dispatcher::add_notification(std::string method, NotificationHandler handler) {
  notification_handlers_.emplace(std::move(method), std::move(handler));
}

// ---------------------------------------------------------------------------------------------------------------
// The queue.

void Dispatcher::post(std::string body) {
  Incoming incoming{Incoming::Kind::Message, {}, ErrorCode::ParseError, {}};
  try {
    incoming.message = parse_message(body);
  } catch (const ProtocolError& error) {
    incoming = Incoming{Incoming::Kind::Unreadable, {}, error.code(), error.what()};
  }
  std::lock_guard lock(inbox_mutex_);
  const json& message = incoming.message;
  if (message.is_object() && message.value("method", json()) == "$/cancelRequest") {
    if (const json* id = find_path(message, "params.id")) cancelled_.insert(id->dump());
  }
  inbox_.push_back(std::move(incoming));
  inbox_changed_.notify_all();
}

void Dispatcher::post_transport_error(std::string message) {
  enqueue({Incoming::Kind::Unreadable, {}, ErrorCode::ParseError, std::move(message)});
}

void Dispatcher::post_end_of_input() { enqueue({Incoming::Kind::EndOfInput, {}, ErrorCode::ParseError, {}}); }

void Dispatcher::enqueue(Incoming incoming) {
  std::lock_guard lock(inbox_mutex_);
  inbox_.push_back(std::move(incoming));
  inbox_changed_.notify_all();
}

size_t Dispatcher::cancellations_noted() {
  std::lock_guard lock(inbox_mutex_);
  return cancelled_.size();
}

bool Dispatcher::dispatch_next(std::optional<std::chrono::steady_clock::time_point> until) {
  std::unique_lock lock(inbox_mutex_);
  if (until) {
    inbox_changed_.wait_until(lock, *until, [this] { return !inbox_.empty(); });
  } else {
    inbox_changed_.wait(lock, [this] { return !inbox_.empty(); });
  }
  if (inbox_.empty()) return false;
  const Incoming incoming = std::move(inbox_.front());
  inbox_.pop_front();
  lock.unlock();
  handle(incoming);
  return true;
}

void Dispatcher::process_pending() {
  while (!exit_code_) {
    std::optional<Incoming> incoming;
    {
      std::lock_guard lock(inbox_mutex_);
      if (inbox_.empty()) return;
      incoming = std::move(inbox_.front());
      inbox_.pop_front();
    }
    handle(*incoming);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Routing.

void Dispatcher::handle(const Incoming& incoming) {
  switch (incoming.kind) {
    case Incoming::Kind::Unreadable:
      log(MessageType::Error, incoming.error);
      send(error_response(nullptr, incoming.code, incoming.error));
      return;
    case Incoming::Kind::EndOfInput:
      exit_code_ = lifecycle_ == Lifecycle::ShuttingDown ? 0 : 1;
      return;
    case Incoming::Kind::Message:
      break;
  }
  const json& message = incoming.message;
  if (!message.is_object()) {
    send(error_response(nullptr, ErrorCode::InvalidRequest, "a message must be a JSON object"));
    return;
  }
  const json* method = optional_member(message, "method");
  if (method && method->is_string()) {
    if (message.contains("id")) {
      handle_request(message);
    } else {
      handle_notification(message);
    }
  } else if (message.contains("id") && (message.contains("result") || message.contains("error"))) {
    handle_response(message);
  } else {
    send(error_response(nullptr, ErrorCode::InvalidRequest, "not a request, a notification or a response"));
  }
}

void Dispatcher::handle_request(const json& message) {
  const json& id = message["id"];
  if (!id.is_string() && !id.is_number_integer()) {
    send(error_response(nullptr, ErrorCode::InvalidRequest, "a request id must be an integer or a string"));
    return;
  }
  const std::string method = message["method"].get<std::string>();
  bool cancelled;
  {
    std::lock_guard lock(inbox_mutex_);
    cancelled = cancelled_.erase(id.dump()) > 0;
  }
  if (cancelled) {
    send(error_response(id, ErrorCode::RequestCancelled, "request cancelled"));
    return;
  }
  if (lifecycle_ == Lifecycle::Uninitialized && method != "initialize") {
    send(error_response(id, ErrorCode::ServerNotInitialized, "the server has not been initialized"));
    return;
  }
  if (lifecycle_ == Lifecycle::ShuttingDown) {
    send(error_response(id, ErrorCode::InvalidRequest, "the server is shutting down"));
    return;
  }
  const auto handler = request_handlers_.find(method);
  if (handler == request_handlers_.end()) {
    send(error_response(id, ErrorCode::MethodNotFound, "unknown method: " + method));
    return;
  }
  const auto started = std::chrono::steady_clock::now();
  const json no_params = json::object();
  const json& params = message.contains("params") ? message["params"] : no_params;
  try {
    send(handler->second(params).placed_in(response(id, nullptr), {"result"}));
  } catch (const ProtocolError& error) {
    send(error_response(id, error.code(), error.what()));
  } catch (const std::exception& error) {
    log(MessageType::Error, method + " failed: " + error.what());
    send(error_response(id, ErrorCode::InternalError, method + " failed: " + error.what()));
  }
  const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
  trace("request " + method + " handled in " + std::to_string(elapsed.count()) + " µs", params);
}

void Dispatcher::handle_notification(const json& message) {
  const std::string method = message["method"].get<std::string>();
  const json no_params = json::object();
  const json& params = message.contains("params") ? message["params"] : no_params;
  // Whatever the lifecycle: a note kept because the server was not running would stay forever.
  if (method == "$/cancelRequest") {
    forget_cancellation(params);
    return;
  }
  // Before initialize only `exit` counts; after shutdown likewise.
  if (lifecycle_ != Lifecycle::Running && method != "exit") return;
  const auto handler = notification_handlers_.find(method);
  if (handler == notification_handlers_.end()) {
    if (!method.starts_with("$/")) trace("notification " + method + " ignored", nullptr);
    return;
  }
  try {
    handler->second(params);
  } catch (const std::exception& error) {
    log(MessageType::Error, method + " failed: " + error.what());
  }
  trace("notification " + method + " handled", params);
}

void Dispatcher::handle_response(const json& message) {
  const json& id = message["id"];
  const auto pending = id.is_number_integer() ? pending_requests_.find(id.get<int64_t>()) : pending_requests_.end();
  if (pending == pending_requests_.end()) {
    log(MessageType::Warning, "response to an unknown request: " + id.dump());
    return;
  }
  const auto on_result = std::move(pending->second);
  pending_requests_.erase(pending);
  if (const json* error = optional_member(message, "error")) {
    log(MessageType::Warning, "the client answered a request with an error: " + serialize(*error));
    return;
  }
  if (!on_result) return;
  try {
    on_result(message.contains("result") ? message["result"] : json());
  } catch (const std::exception& error) {
    log(MessageType::Error, std::string("handling a response failed: ") + error.what());
  }
}

void Dispatcher::forget_cancellation(const json& params) {
  // post() noted the id; by now the request it names has been answered, so the note is no longer needed.
  if (const json* id = optional_member(params, "id")) {
    std::lock_guard lock(inbox_mutex_);
    cancelled_.erase(id->dump());
  }
}

// ---------------------------------------------------------------------------------------------------------------
// What the server says by itself.

void Dispatcher::send(const Payload& message) {
  std::lock_guard lock(sink_mutex_);
  sink_(message);
}

void Dispatcher::log(MessageType type, const std::string& text) {
  send(notification("window/logMessage", {{"type", static_cast<int>(type)}, {"message", text}}));
}

void Dispatcher::trace(const std::string& message, const json& verbose) {
  if (trace_level_ == "off") return;
  json params = {{"message", message}};
  if (trace_level_ == "verbose" && !verbose.is_null()) params["verbose"] = serialize(verbose).substr(0, 4096);
  send(notification("$/logTrace", std::move(params)));
}

void Dispatcher::send_request(std::string method, json params, ResultHandler on_result) {
  const int64_t id = next_request_id_++;
  pending_requests_[id] = std::move(on_result);
  send(request(id, method, std::move(params)));
}

}  // namespace xxgk::lsp
