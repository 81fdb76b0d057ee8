// The protocol layer: LSP/JSON-RPC JSON <-> the core's types. Every position that crosses the wire is converted by
// the positions module (xxgk::LineIndex here, xxgk::PositionCursor for diagnostics, diagnostics_wire.h), in the
// encoding negotiated at initialize.
#pragma once

#include <array>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

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

// The deepest nesting a message may have. LSP messages nest a dozen levels; a deeper value is refused before anything
// walks it, because serialising or copying a json value recurses once per level.
inline constexpr int kMaxMessageDepth = 256;

// Parses one message body. Whatever the JSON parser can raise (bad syntax, invalid UTF-8, a number that overflows a
// double) becomes ProtocolError(ParseError); nesting deeper than kMaxMessageDepth, ProtocolError(InvalidRequest).
json parse_message(std::string_view body);

json response(const json& id, json result);
json error_response(const json& id, ErrorCode code, std::string_view message);
json notification(std::string_view method, json params);
json request(const json& id, std::string_view method, json params);

// Serialises a message; invalid UTF-8 (impossible from parsed JSON, possible in a document) becomes U+FFFD rather
// than an exception.
std::string serialize(const json& message);

// Writes JSON text straight into a string, for values too large to build as a json tree first: a large document's
// diagnostics, whose tree costs more to build and free than linting the document. The text is what serialize()
// gives for the same value, byte for byte, provided members are written in the order a json object keeps them
// (sorted by key).
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}
  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  JsonWriter& key(std::string_view name);
  JsonWriter& string(std::string_view text);
  JsonWriter& number(int64_t value);
  JsonWriter& boolean(bool value);
  // A value that is JSON text already.
  JsonWriter& raw(std::string_view json_text);

 private:
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  // The comma before every member or element but the first of its object or array.
  void separate();

  std::string& out_;
  bool after_value_ = false;
};

// JSON on its way to the client. Usually a tree; a value too costly to build as a tree (a large document's
// diagnostics) can be held as JSON text already written, at one place inside it, where the tree holds null. The
// text is shared, not copied: it is megabytes, kept by its writer for the next write. The transport writes the
// message as pieces (the envelope around the shared text, and the text itself), so that the megabytes are not copied
// into one string per message; tests and the fuzzer want it whole, as text or as a tree: each is made on first use.
class Payload {
 public:
  Payload(json tree = nullptr) : tree_(std::move(tree)) {}  // NOLINT: implicit, most messages are plain trees
  static Payload serialized(std::shared_ptr<const std::string> text);
  // This payload as the value at `path` (member names from the top) inside `outer`.
  Payload placed_in(json outer, std::initializer_list<std::string_view> path) &&;

  // The message's text in order: the envelope before the shared text, the shared text, the envelope after it (a
  // message without shared text is all in the first piece). Valid while the payload lives.
  std::array<std::string_view, 3> pieces() const;
  const std::string& text() const;
  const json& tree() const;
  operator const json&() const { return tree(); }  // NOLINT: a sink written for trees takes a Payload as well

 private:
  json tree_;
  std::vector<std::string> path_;      // where `spliced_` goes in `tree_`
  std::shared_ptr<const std::string> spliced_;
  mutable std::optional<std::string> envelope_;  // the text without `spliced_`, which goes at `splice_at_`
  mutable size_t splice_at_ = 0;
  mutable std::optional<std::string> text_;
  mutable std::optional<json> whole_;  // `tree_` with `spliced_` parsed in
};

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
