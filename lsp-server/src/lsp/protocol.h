// The protocol layer: LSP/JSON-RPC JSON <-> the core's types. Every position that crosses the wire is converted here,
// through xxgk::LineIndex, in the encoding negotiated at initialize.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "xxgk/positions.h"

namespace xxgk::lsp {

using json = nlohmann::json;

// JSON-RPC 2.0 and LSP error codes.
enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  RequestCancelled = -32800,
};

// Thrown by a handler to answer its request with a specific error code.
class ProtocolError : public std::runtime_error {
 public:
  ProtocolError(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ErrorCode code() const { return code_; }

 private:
  ErrorCode code_;
};

// window/logMessage and window/showMessage types.
enum class MessageType { Error = 1, Warning = 2, Info = 3, Log = 4 };

json response(const json& id, json result);
json error_response(const json& id, ErrorCode code, std::string_view message);
json notification(std::string_view method, json params);
json request(const json& id, std::string_view method, json params);

// Serialises a message; invalid UTF-8 (impossible from parsed JSON, possible in a document) becomes U+FFFD rather
// than an exception.
std::string serialize(const json& message);

// Typed access to a message's params: a missing member or one of the wrong type is the client's error, reported
// as InvalidParams instead of a crash.
const json& member(const json& object, std::string_view key);
const json* optional_member(const json& object, std::string_view key);
std::string string_member(const json& object, std::string_view key);
int64_t integer_member(const json& object, std::string_view key);
const json& object_member(const json& object, std::string_view key);
const json& array_member(const json& object, std::string_view key);
// The value at `path` ("a.b.c") below `object`, or null when a step is missing.
const json* find_path(const json& object, std::string_view path);
// Whether the value at `path` is `true`.
bool flag_at(const json& object, std::string_view path);

std::string_view encoding_name(PositionEncoding encoding);
std::optional<PositionEncoding> parse_encoding(std::string_view name);
// The first of the client's `general.positionEncodings` the server supports (the client lists its preference
// first); UTF-16, the protocol's mandatory default, when the client offers none.
PositionEncoding negotiate_encoding(const json& client_capabilities);

// Positions and ranges on the wire.
Position position_from_json(const json& position);
json position_to_json(Position position);
struct WireRange {
  Position start;
  Position end;
};
WireRange range_from_json(const json& range);
json range_to_json(const LineIndex& lines, ByteRange range, PositionEncoding encoding);
// Whether `position` lies in the text: on an existing line (a character past the line's end means the line's end).
bool position_in_bounds(const LineIndex& lines, Position position);

// file:// URIs (percent-encoded) <-> paths. nullopt for other schemes (untitled:, …).
std::optional<std::filesystem::path> uri_to_path(std::string_view uri);
std::string path_to_uri(const std::filesystem::path& path);

}  // namespace xxgk::lsp
