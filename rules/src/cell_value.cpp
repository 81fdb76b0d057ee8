#include "cell_value.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <charconv>
#include <cstdlib>
#include <string>

#include "xxgk/normalize.h"

namespace xxgk {
namespace {

constexpr std::array<std::string_view, 13> kPlaceholders = {"/", "／", "\\", "-", "－", "—", "——", "–", "无", "空",
                                                           "N/A", "n/a", "×"};
// Units drafters write into count and amount cells.
constexpr std::array<std::string_view, 16> kUnits = {"件", "个", "条", "项", "次", "人", "元", "万元", "万",
                                                     "宗", "起", "份", "篇", "家", "笔", "人次"};

struct Digit {
  int value = -1;     // 0..9, or -1 when not a digit
  size_t length = 0;  // bytes
  bool fullwidth = false;
};

Digit digit_at(std::string_view s, size_t i) {
  if (i >= s.size()) return {};
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  if (byte(i) >= '0' && byte(i) <= '9') return {byte(i) - '0', 1, false};
  // U+FF10..U+FF19 = EF BC 90..99
  if (byte(i) == 0xEF && i + 2 < s.size() && byte(i + 1) == 0xBC && byte(i + 2) >= 0x90 && byte(i + 2) <= 0x99)
    return {byte(i + 2) - 0x90, 3, true};
  return {};
}

bool is_point(std::string_view s, size_t i, size_t& length, bool& fullwidth) {
  if (i < s.size() && s[i] == '.') return length = 1, fullwidth = false, true;
  if (s.substr(i, 3) == "．") return length = 3, fullwidth = true, true;
  return false;
}

// Appends the run of ASCII or full-width digits at content[i] to `digits` (as ASCII) and moves `i` past it.
void read_digits(std::string_view content, size_t& i, std::string& digits, bool& fullwidth) {
  for (Digit d = digit_at(content, i); d.value >= 0; d = digit_at(content, i)) {
    digits += static_cast<char>('0' + d.value);
    fullwidth |= d.fullwidth;
    i += d.length;
  }
}

bool contains_digit(std::string_view s) {
  // Label cells are read here whole: the byte tests settle all but the lead byte of a full-width form.
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c >= '0' && c <= '9') || (c == 0xEF && digit_at(s, i).value >= 0)) return true;
  }
  return false;
}

// Everything but the empty cells and the plain integers, apart so that those two, most of a table's cells, cost no
// more than their own reading.
CellValue parse_written_value(std::string_view content, size_t offset) {
  CellValue value;
  for (std::string_view placeholder : kPlaceholders)
    if (content == placeholder) return value.kind = ValueKind::Placeholder, value;

  std::string digits;  // ASCII form of the number
  size_t i = 0;
  bool fullwidth = false;
  read_digits(content, i, digits, fullwidth);
  if (digits.empty()) {
    // A sign or a word before a number ("-5", "约10", "共5件") is a malformed value; other words are a label. Labels
    // are long: past 24 bytes a text has more than six code points (four bytes at most each) and is not read at all.
    value.kind = content.size() <= 4 * 6 && contains_digit(content) && code_point_count(content) <= 6
                     ? ValueKind::Invalid
                     : ValueKind::Text;
    return value;
  }
  size_t point_length = 0;
  bool point_fullwidth = false;
  bool decimal = false;
  if (is_point(content, i, point_length, point_fullwidth) && digit_at(content, i + point_length).value >= 0) {
    decimal = true;
    digits += '.';
    fullwidth |= point_fullwidth;
    i += point_length;
    read_digits(content, i, digits, fullwidth);
  } else if (point_length > 0 || content.substr(i, 3) == "、") {
    // "1.属于国家秘密", "2、重复申请": an item number opening a label.
    value.kind = ValueKind::Text;
    return value;
  }
  // from_chars reads the number as strtod does, without its locale and allocation overhead; strtod still gives the
  // result for a number out of a double's range (infinity or an underflow), which from_chars leaves unset.
  if (std::from_chars(digits.data(), digits.data() + digits.size(), value.number).ec != std::errc{})
    value.number = std::strtod(digits.c_str(), nullptr);
  value.fullwidth_digits = fullwidth;
  value.number_range = {offset, offset + i};
  const std::string_view rest = trim(content.substr(i));
  if (rest.empty()) {
    value.kind = decimal ? ValueKind::Decimal : ValueKind::Integer;
    return value;
  }
  for (std::string_view unit : kUnits)
    if (rest == unit) return value.kind = ValueKind::NumberWithUnit, value;
  value.kind = code_point_count(rest) <= 3 ? ValueKind::Invalid : ValueKind::Text;
  return value;
}

}  // namespace

CellValue parse_cell_value(std::string_view content, size_t offset) {
  if (content.empty()) return {};
  // Most value cells are a few ASCII digits ("0", "12"): read them at once, exactly as the general path would (an
  // integer of up to 15 digits is exact in a double).
  if (content.size() > 15) return parse_written_value(content, offset);
  int64_t number = 0;
  for (char c : content) {
    if (c < '0' || c > '9') return parse_written_value(content, offset);
    number = number * 10 + (c - '0');
  }
  CellValue value;
  value.kind = ValueKind::Integer;
  value.number = static_cast<double>(number);
  value.number_range = {offset, offset + content.size()};
  return value;
}

}  // namespace xxgk
