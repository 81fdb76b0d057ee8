#include "common/json_text.h"

#include <charconv>

#include <nlohmann/json.hpp>

#include "xxgk/positions.h"

namespace xxgk {

void append_json_string(std::string& out, std::string_view text) {
  // Text that is not UTF-8 goes through nlohmann::json, so that its invalid bytes become U+FFFD exactly as in every
  // other message.
  if (!is_valid_utf8(text)) {
    out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  // The escapes nlohmann::json writes (without ensure_ascii). No byte of a multi-byte character needs one.
  out += '"';
  size_t copied = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.substr(copied, i - copied));
    copied = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
      }
    }
  }
  out.append(text.substr(copied));
  out += '"';
}

void IndentedJsonWriter::next_line() {
  if (empty_.empty()) return;
  out_ += empty_.back() ? "\n" : ",\n";
  empty_.back() = false;
  out_.append(2 * empty_.size(), ' ');
}

IndentedJsonWriter& IndentedJsonWriter::open(char bracket) {
  out_ += bracket;
  empty_.push_back(true);
  return *this;
}

IndentedJsonWriter& IndentedJsonWriter::close(char bracket) {
  const bool was_empty = empty_.back();
  empty_.pop_back();
  if (!was_empty) {
    out_ += '\n';
    out_.append(2 * empty_.size(), ' ');
  }
  out_ += bracket;
  return *this;
}

IndentedJsonWriter& IndentedJsonWriter::key(std::string_view name) {
  next_line();
  append_json_string(out_, name);
  out_ += ": ";
  return *this;
}

IndentedJsonWriter& IndentedJsonWriter::item() {
  next_line();
  return *this;
}

IndentedJsonWriter& IndentedJsonWriter::string(std::string_view text) {
  append_json_string(out_, text);
  return *this;
}

IndentedJsonWriter& IndentedJsonWriter::number(uint64_t value) {
  char digits[24];
  out_.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
  return *this;
}

IndentedJsonWriter& IndentedJsonWriter::boolean(bool value) {
  out_ += value ? "true" : "false";
  return *this;
}

}  // namespace xxgk
