#include "lsp/protocol.h"

#include "common/json_error.h"
#include "common/json_text.h"
#include "common/uri.h"

#include <charconv>
#include <limits>
#include <span>

namespace xxgk::lsp {

json parse_message(std::string_view body) {
  const json::parser_callback_t limit_depth = [](int depth, json::parse_event_t event, json&) {
    if (depth > kMaxMessageDepth &&
        (event == json::parse_event_t::object_start || event == json::parse_event_t::array_start)) {
      // Stops the parse: an exception is the callback's only way out, and it is caught below.
      throw ProtocolError(ErrorCode::InvalidRequest,
                          "message nested deeper than " + std::to_string(kMaxMessageDepth) + " levels");
    }
    return true;
  };
  try {
    return json::parse(body, limit_depth);
  } catch (const ProtocolError&) {
    throw;
  } catch (const json::exception& error) {
    throw ProtocolError(ErrorCode::ParseError, "invalid JSON: " + shortened_json_error(error.what()));
  }
}

json response(const json& id, json result) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json error_response(const json& id, ErrorCode code, std::string_view message) {
  return {{"jsonrpc", "2.0"},
          {"id", id},
          {"error", {{"code", static_cast<int>(code)}, {"message", std::string(message)}}}};
}

json notification(std::string_view method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", std::string(method)}, {"params", std::move(params)}};
}

json request(const json& id, std::string_view method, json params) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", std::string(method)}, {"params", std::move(params)}};
}

std::string serialize(const json& message) {
  return message.dump(-1, ' ', false, json::error_handler_t::replace);
}

void JsonWriter::separate() {
  if (after_value_) out_ += ',';
}

JsonWriter& JsonWriter::open(char bracket) {
  separate();
  out_ += bracket;
  after_value_ = false;
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  out_ += bracket;
  after_value_ = true;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  string(name);
  out_ += ':';
  after_value_ = false;
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
  separate();
  after_value_ = true;
  append_json_string(out_, text);
  return *this;
}

JsonWriter& JsonWriter::number(int64_t value) {
  separate();
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out_.append(digits, end);
  after_value_ = true;
  return *this;
}

JsonWriter& JsonWriter::boolean(bool value) { return raw(value ? "true" : "false"); }

JsonWriter& JsonWriter::raw(std::string_view json_text) {
  separate();
  out_ += json_text;
  after_value_ = true;
  return *this;
}

namespace {

// `tree` serialised into `out` (writing to `written`) without its value at `path`, where the tree holds a
// placeholder; returns the offset in `written` where that value goes.
size_t write_around_splice(JsonWriter& out, const std::string& written, const json& tree,
                           std::span<const std::string> path) {
  if (path.empty()) {
    out.raw("");
    return written.size();
  }
  size_t splice_at = 0;
  out.begin_object();
  for (const auto& [name, value] : tree.items()) {
    out.key(name);
    if (name == path.front()) {
      splice_at = write_around_splice(out, written, value, path.subspan(1));
    } else {
      out.raw(serialize(value));
    }
  }
  out.end_object();
  return splice_at;
}

}  // namespace

Payload Payload::serialized(std::shared_ptr<const std::string> text) {
  Payload payload;
  payload.spliced_ = std::move(text);
  return payload;
}

Payload Payload::placed_in(json outer, std::initializer_list<std::string_view> path) && {
  json* at = &outer;
  for (std::string_view name : path) at = &(*at)[std::string(name)];
  *at = std::move(tree_);
  Payload placed(std::move(outer));
  if (spliced_) {
    placed.path_.assign(path.begin(), path.end());
    placed.path_.insert(placed.path_.end(), path_.begin(), path_.end());
    placed.spliced_ = std::move(spliced_);
  }
  return placed;
}

std::array<std::string_view, 3> Payload::pieces() const {
  if (!envelope_) {
    std::string envelope;
    if (spliced_) {
      JsonWriter out(envelope);
      splice_at_ = write_around_splice(out, envelope, tree_, path_);
    } else {
      envelope = serialize(tree_);
      splice_at_ = envelope.size();
    }
    envelope_ = std::move(envelope);
  }
  const std::string_view envelope = *envelope_;
  return {envelope.substr(0, splice_at_), spliced_ ? std::string_view(*spliced_) : std::string_view(),
          envelope.substr(splice_at_)};
}

const std::string& Payload::text() const {
  if (!text_) {
    std::string text;
    for (const std::string_view piece : pieces()) text += piece;
    text_ = std::move(text);
  }
  return *text_;
}

const json& Payload::tree() const {
  if (!spliced_) return tree_;
  if (!whole_) {
    json whole = tree_;
    json* at = &whole;
    for (const std::string& name : path_) at = &(*at)[name];
    *at = json::parse(*spliced_);
    whole_ = std::move(whole);
  }
  return *whole_;
}

namespace {

[[noreturn]] void invalid_params(std::string_view key, std::string_view problem) {
  throw ProtocolError(ErrorCode::InvalidParams, "'" + std::string(key) + "' " + std::string(problem));
}

}  // namespace

const json* optional_member(const json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  const auto found = object.find(key);
  return found == object.end() || found->is_null() ? nullptr : &*found;
}

const json& member(const json& object, std::string_view key) {
  if (!object.is_object()) invalid_params(key, "expected inside an object");
  const json* value = optional_member(object, key);
  if (!value) invalid_params(key, "is missing");
  return *value;
}

std::string string_member(const json& object, std::string_view key) {
  const json& value = member(object, key);
  if (!value.is_string()) invalid_params(key, "must be a string");
  return value.get<std::string>();
}

int64_t integer_member(const json& object, std::string_view key) {
  const json& value = member(object, key);
  if (!value.is_number_integer()) invalid_params(key, "must be an integer");
  return value.get<int64_t>();
}

const json& object_member(const json& object, std::string_view key) {
  const json& value = member(object, key);
  if (!value.is_object()) invalid_params(key, "must be an object");
  return value;
}

const json& array_member(const json& object, std::string_view key) {
  const json& value = member(object, key);
  if (!value.is_array()) invalid_params(key, "must be an array");
  return value;
}

const json* find_path(const json& object, std::string_view path) {
  const json* current = &object;
  while (current && !path.empty()) {
    const size_t dot = path.find('.');
    current = optional_member(*current, path.substr(0, dot));
    path = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
  }
  return current;
}

bool flag_at(const json& object, std::string_view path) {
  const json* value = find_path(object, path);
  return value && value->is_boolean() && value->get<bool>();
}

std::string_view encoding_name(PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::Utf8: return "utf-8";
    case PositionEncoding::Utf16: return "utf-16";
    case PositionEncoding::Utf32: return "utf-32";
  }
  return "utf-16";
}

std::optional<PositionEncoding> parse_encoding(std::string_view name) {
  if (name == "utf-8") return PositionEncoding::Utf8;
  if (name == "utf-16") return PositionEncoding::Utf16;
  if (name == "utf-32") return PositionEncoding::Utf32;
  return std::nullopt;
}

PositionEncoding negotiate_encoding(const json& client_capabilities) {
  const json* general = optional_member(client_capabilities, "general");
  const json* offered = general ? optional_member(*general, "positionEncodings") : nullptr;
  if (offered && offered->is_array()) {
    for (const json& name : *offered) {
      if (!name.is_string()) continue;
      if (const auto encoding = parse_encoding(name.get<std::string>())) return *encoding;
    }
  }
  return PositionEncoding::Utf16;
}

namespace {

uint32_t coordinate(const json& position, std::string_view key) {
  const int64_t value = integer_member(position, key);
  if (value < 0) invalid_params(key, "must not be negative");
  // uinteger in LSP is at most 2^31 - 1; anything larger clamps like any other position past the end.
  return static_cast<uint32_t>(std::min<int64_t>(value, std::numeric_limits<uint32_t>::max()));
}

}  // namespace

Position position_from_json(const json& position) {
  return {coordinate(position, "line"), coordinate(position, "character")};
}

json position_to_json(Position position) {
  return {{"line", position.line}, {"character", position.column}};
}

WireRange range_from_json(const json& range) {
  return {position_from_json(object_member(range, "start")), position_from_json(object_member(range, "end"))};
}

json range_to_json(const LineIndex& lines, ByteRange range, PositionEncoding encoding) {
  return {{"start", position_to_json(lines.position(range.begin, encoding))},
          {"end", position_to_json(lines.position(range.end, encoding))}};
}

bool position_in_bounds(const LineIndex& lines, Position position) {
  // LSP 3.17: "If the character value is greater than the line length it defaults back to the line length", so only
  // a line the text does not have is out of bounds.
  return position.line < lines.line_count();
}

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Characters a path segment may carry unescaped (RFC 3986 unreserved, plus the separators VS Code leaves alone).
}  // namespace

std::optional<std::filesystem::path> uri_to_path(std::string_view uri) {
  constexpr std::string_view kScheme = "file://";
  if (!uri.starts_with(kScheme)) return std::nullopt;
  std::string_view rest = uri.substr(kScheme.size());
  rest = rest.substr(0, rest.find_first_of("?#"));
  // file://host/path: only the local host is meaningful here.
  const size_t path_start = rest.find('/');
  if (path_start == std::string_view::npos) return std::nullopt;
  rest = rest.substr(path_start);
  std::string decoded;
  decoded.reserve(rest.size());
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && hex_value(rest[i + 1]) >= 0 && hex_value(rest[i + 2]) >= 0) {
      decoded += static_cast<char>(hex_value(rest[i + 1]) * 16 + hex_value(rest[i + 2]));
      i += 2;
    } else {
      decoded += rest[i];
    }
  }
  return std::filesystem::path(decoded);
}

std::string path_to_uri(const std::filesystem::path& path) {
  return "file://" + percent_encode_path(std::filesystem::absolute(path).string());
}

}  // namespace xxgk::lsp
