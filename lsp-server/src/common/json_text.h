// JSON written straight into a string, without building a tree: what the language server sends for a large
// document's diagnostics and what `check --format json|sarif` prints. The text is byte for byte what nlohmann::json's
// dump gives for the same value (members in the order written), so the writers can replace a tree without changing
// a byte of output.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk {

// Appends `text` as a JSON string, with the escapes nlohmann::json writes (without ensure_ascii); invalid UTF-8
// becomes U+FFFD as in nlohmann's `replace` error handling.
void append_json_string(std::string& out, std::string_view text);

// Indented JSON (nlohmann's dump(2)): one member or element per line, `[]` and `{}` when empty. Values are written
// after `key()` in an object, or after `item()` in an array.
class IndentedJsonWriter {
 public:
  explicit IndentedJsonWriter(std::string& out) : out_(out) {}
  IndentedJsonWriter& begin_object() { return open('{'); }
  IndentedJsonWriter& end_object() { return close('}'); }
  IndentedJsonWriter& begin_array() { return open('['); }
  IndentedJsonWriter& end_array() { return close(']'); }
  IndentedJsonWriter& key(std::string_view name);
  IndentedJsonWriter& item();
  IndentedJsonWriter& string(std::string_view text);
  IndentedJsonWriter& number(uint64_t value);
  IndentedJsonWriter& boolean(bool value);
  // `key(name)` then `string(text)`, and the like: most members are one line.
  IndentedJsonWriter& member(std::string_view name, std::string_view text) { return key(name).string(text); }
  IndentedJsonWriter& member(std::string_view name, uint64_t value) { return key(name).number(value); }

 private:
  IndentedJsonWriter& open(char bracket);
  IndentedJsonWriter& close(char bracket);
  // The line break and indentation (and comma) before a member or element.
  void next_line();

  std::string& out_;
  std::vector<bool> empty_;  // per open object or array: nothing written in it yet
};

}  // namespace xxgk
