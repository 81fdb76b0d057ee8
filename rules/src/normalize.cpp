#include "xxgk/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "hant_hans.h"
#include "xxgk/positions.h"

namespace xxgk {
namespace {

const icu::Normalizer2* nfkc() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// The code points of `text` as ICU reads UTF-8 (an ill-formed sequence becomes one U+FFFD).
icu::UnicodeString from_utf8(std::string_view text) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

// The code points of `u`, into `out`.
void code_points(const icu::UnicodeString& u, std::u32string& out) {
  out.resize(static_cast<size_t>(u.countChar32()));
  UErrorCode status = U_ZERO_ERROR;
  u.toUTF32(reinterpret_cast<UChar32*>(out.data()), static_cast<int32_t>(out.size()), status);
}

// NFKC, then Traditional -> Simplified: for text that label_of_settled_text cannot take.
std::u32string nfkc_simplified(std::string_view text) {
  icu::UnicodeString u = from_utf8(text);
  if (const icu::Normalizer2* n = nfkc()) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString nfkc_form = n->normalize(u, status);
    if (U_SUCCESS(status)) u = std::move(nfkc_form);
  }
  std::u32string normalized;
  code_points(u, normalized);
  std::u32string simplified;
  simplified.reserve(normalized.size());
  append_simplified(normalized, simplified);
  return simplified;
}

char32_t fold_punctuation(char32_t c) {
  switch (c) {
    case U'(': return U'（';
    case U')': return U'）';
    case U':': return U'：';
    case U',': return U'，';
    case U';': return U'；';
    case U'!': return U'！';
    case U'?': return U'？';
    case U'"': case U'”': case U'「': case U'」': case U'『': case U'』': case U'＂': return U'“';
    case U'\'': case U'’': return U'‘';
    case U'［': case U'[': case U'【': case U'﹝': return U'〔';
    case U'］': case U']': case U'】': case U'﹞': return U'〕';
    case U'<': case U'＜': return U'〈';
    case U'>': case U'＞': return U'〉';
    case U'—': case U'－': case U'–': return U'-';
    default: return c;
  }
}

// ICU's White_Space ends at U+3000; below U+0080 it is the tab to the carriage return and the space.
bool is_space(char32_t c) {
  if (c < 0x80) return c == U' ' || (c >= U'\t' && c <= U'\r');
  return c <= U'\u3000' && (c == U'\u3000' || u_isUWhiteSpace(static_cast<UChar32>(c)));
}

// Writes `c` as UTF-8 at `at`, which has room for four bytes; returns the end of what it wrote.
char* put_utf8(char* at, char32_t c) {
  if (c < 0x80) {
    *at++ = static_cast<char>(c);
  } else if (c < 0x800) {
    *at++ = static_cast<char>(0xC0 | (c >> 6));
    *at++ = static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    *at++ = static_cast<char>(0xE0 | (c >> 12));
    *at++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *at++ = static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *at++ = static_cast<char>(0xF0 | (c >> 18));
    *at++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *at++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *at++ = static_cast<char>(0x80 | (c & 0x3F));
  }
  return at;
}

// Writes the label of a sequence of code points (NFKC and Simplified already), one code point at a time.
class LabelWriter {
 public:
  // `at` has room for three bytes per code point to come (fold_punctuation makes "(" "（"), four for a supplementary
  // one.
  explicit LabelWriter(char* at) : end_(at) {}
  void put(char32_t c) {
    // A Chinese character (the CJK Unified Ideographs block), most of a label, is none of the cases below.
    if (c >= U'\u4E00' && c <= U'\u9FFF') {
      after_digit_ = false;
      end_ = put_utf8(end_, c);
      return;
    }
    if (is_space(c)) return;
    // "1、" and "1．" (NFKC has made the latter "1.") are the same item number as "1.".
    if (after_digit_ && c == U'、') c = U'.';
    c = fold_punctuation(c);
    after_digit_ = c >= U'0' && c <= U'9';
    end_ = put_utf8(end_, c);
  }
  char* end() const { return end_; }

 private:
  char* end_;
  bool after_digit_ = false;
};

// The label of `text` without ICU's UTF-16 round trip, when NFKC's work on it is known without ICU and the
// simplification leaves it as it is: well-formed UTF-8 of
// - ASCII characters;
// - code points that NFKC leaves as they are whatever surrounds them (ICU's "inert": most Chinese characters and
//   punctuation without full-width forms);
// - the full-width forms of ASCII (U+FF01–U+FF5E: "（一）" "１．"), which NFKC maps to ASCII, and the ideographic space,
//   which it maps to a space;
// with no Traditional character or phrase. An ASCII character, written or mapped, cannot combine with an ASCII or
// inert neighbour, so these mappings are NFKC's whatever the text around them. Most labels are such text.
// False, `out` unspecified, for other text; a U+FFFD (what decode_utf8 makes of an ill-formed sequence, which ICU may
// count differently) is other text.
bool label_of_settled_text(std::string_view text, std::string& out) {
  const icu::Normalizer2* n = nfkc();
  if (!n) return false;
  // A short text is decoded and its label written on the stack, so that a label that fits the string's own buffer
  // allocates nothing. A code point takes at least a byte and writes at most three per byte it takes.
  constexpr size_t kShortText = 128;
  const bool short_text = text.size() <= kShortText;
  char32_t short_code_points[kShortText];
  char short_label[3 * kShortText];
  std::u32string long_code_points(short_text ? 0 : text.size(), U'\0');
  char32_t* const code_points = short_text ? short_code_points : long_code_points.data();
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++count) {
    size_t length = 1;
    char32_t c = decode_utf8(text, i, length);
    if (c >= U'\uFF01' && c <= U'\uFF5E')
      c -= U'\uFF01' - U'!';
    else if (c == U'\u3000')
      c = U' ';
    else if (c >= 0x80 && (c == U'\uFFFD' || !n->isInert(static_cast<UChar32>(c))))
      return false;
    code_points[count] = c;
    i += length;
  }
  if (!is_simplified_already({code_points, count})) return false;
  if (!short_text) out.resize(3 * text.size());
  char* const begin = short_text ? short_label : out.data();
  LabelWriter writer(begin);
  for (size_t k = 0; k < count; ++k) writer.put(code_points[k]);
  if (short_text)
    out.assign(begin, writer.end());
  else
    out.resize(static_cast<size_t>(writer.end() - begin));
  return true;
}

// The label of text that label_of_settled_text does not take.
std::string compute_label(std::string_view text) {
  const std::u32string code_points = nfkc_simplified(text);
  std::string out(4 * code_points.size(), '\0');
  LabelWriter writer(out.data());
  for (char32_t c : code_points) writer.put(c);
  out.resize(static_cast<size_t>(writer.end() - out.data()));
  return out;
}

// Labels that need ICU repeat across the rows of a report and across the reports of a batch: remember them per thread.
// Looked up by string_view, so that a hit allocates nothing but the copy returned.
struct LabelHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using LabelCache = std::unordered_map<std::string, std::string, LabelHash, std::equal_to<>>;
LabelCache& label_cache() {
  thread_local LabelCache cache;
  return cache;
}

}  // namespace

void forget_normalized_labels() { label_cache().clear(); }

std::string normalize_label(std::string_view text) {
  // Most labels take the one pass, which costs about what a lookup in the cache would.
  if (std::string label; label_of_settled_text(text, label)) return label;
  LabelCache& cache = label_cache();
  constexpr size_t kCacheLimit = 1 << 14;
  constexpr size_t kCacheableLength = 256;
  if (text.size() > kCacheableLength) return compute_label(text);
  if (auto it = cache.find(text); it != cache.end()) return it->second;
  if (cache.size() >= kCacheLimit) cache.clear();
  return cache.emplace(std::string(text), compute_label(text)).first->second;
}

std::string to_simplified_same_length(std::string_view text) {
  if (is_ascii(text)) return {};
  std::u32string original;
  code_points(from_utf8(text), original);
  std::u32string simplified;
  simplified.reserve(original.size());
  append_simplified(original, simplified);
  if (simplified == original) return {};
  std::string out(4 * simplified.size(), '\0');
  char* end = out.data();
  for (char32_t c : simplified) end = put_utf8(end, c);
  out.resize(static_cast<size_t>(end - out.data()));
  // Offsets must stay valid: accept the result only when every character kept its UTF-8 length.
  if (out.size() != text.size()) return {};
  return out;
}

size_t code_point_count(std::string_view text) {
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++count) {
    size_t length = 1;
    decode_utf8(text, i, length);
    i += length;
  }
  return count;
}

std::u32string utf8_code_points(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t length = 1;
    out.push_back(decode_utf8(text, i, length));
    i += length;
  }
  return out;
}

size_t edit_distance(std::u32string_view x, std::u32string_view y, size_t cap) {
  if (x == y) return 0;
  const size_t n = x.size(), m = y.size();
  if ((n > m ? n - m : m - n) > cap) return cap + 1;
  // Only cells within `cap` of the diagonal can hold a distance up to `cap` (a path that leaves the band costs more),
  // so each row computes that band alone (Ukkonen): O(n * cap) instead of O(n * m). A cell just outside the band
  // stands for "more than cap". The rows are kept per thread: labels are compared against every canonical wording.
  thread_local std::vector<size_t> previous, current;
  const size_t over = cap + 1;
  previous.assign(m + 1, over);
  current.assign(m + 1, over);
  for (size_t j = 0; j <= std::min(m, cap); ++j) previous[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    const size_t first = i > cap ? i - cap : 1;
    const size_t last = std::min(m, i + cap);
    current[first - 1] = first == 1 ? std::min(i, over) : over;
    size_t row_minimum = current[first - 1];
    for (size_t j = first; j <= last; ++j) {
      const size_t substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution, over});
      row_minimum = std::min(row_minimum, current[j]);
    }
    if (last < m) current[last + 1] = over;
    if (row_minimum > cap) return over;
    std::swap(previous, current);
  }
  return std::min(previous[m], over);
}

size_t edit_distance(std::string_view a, std::string_view b, size_t cap) {
  if (a == b) return 0;
  thread_local std::u32string x, y;
  // Decodes `s`, stopping once it has more than `limit` code points: a string that much longer than the other is
  // farther than the cap whatever it says, and a long sentence compared with a short title is not read to its end.
  auto decode = [](std::string_view s, std::u32string& out, size_t limit) {
    out.resize(std::min(s.size(), limit + 1));  // a code point takes at least a byte
    size_t count = 0;
    for (size_t i = 0; i < s.size() && count < out.size(); ++count) {
      size_t length = 1;
      out[count] = decode_utf8(s, i, length);
      i += length;
    }
    out.resize(count);
  };
  // The distance is symmetric: the string of fewer bytes is decoded whole, the other only as far as it can still be
  // within the cap.
  if (a.size() > b.size()) std::swap(a, b);
  decode(a, x, a.size());
  decode(b, y, x.size() + cap);
  return edit_distance(std::u32string_view(x), std::u32string_view(y), cap);
}

std::string_view trim(std::string_view text) {
  // Every cell of every table is trimmed: one test of the first (last) byte settles all but the white space.
  auto ascii_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
  auto space_prefix = [&](std::string_view s) -> size_t {
    if (s.empty()) return 0;
    if (ascii_space(s[0])) return 1;
    switch (static_cast<unsigned char>(s[0])) {
      case 0xE3: return s.starts_with("\u3000") ? 3 : 0;
      case 0xC2: return s.starts_with("\u00a0") ? 2 : 0;
      case 0xEF: return s.starts_with("\ufeff") ? 3 : 0;
      default: return 0;
    }
  };
  auto space_suffix = [&](std::string_view s) -> size_t {
    if (s.empty()) return 0;
    if (ascii_space(s.back())) return 1;
    switch (static_cast<unsigned char>(s.back())) {
      case 0x80: return s.ends_with("\u3000") ? 3 : 0;
      case 0xA0: return s.ends_with("\u00a0") ? 2 : 0;
      default: return 0;
    }
  };
  while (size_t n = space_prefix(text)) text.remove_prefix(n);
  while (size_t n = space_suffix(text)) text.remove_suffix(n);
  return text;
}

namespace {
constexpr std::string_view kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
int digit_value(std::string_view text) {
  for (int v = 1; v <= 9; ++v)
    if (text == kDigits[v]) return v;
  return 0;
}
}  // namespace

int chinese_numeral_value(std::string_view text) {
  constexpr std::string_view kTen = "十";
  const size_t ten = text.find(kTen);
  if (ten == std::string_view::npos) return digit_value(text);
  const std::string_view tens = text.substr(0, ten), units = text.substr(ten + kTen.size());
  const int tens_value = tens.empty() ? 1 : digit_value(tens);
  const int units_value = units.empty() ? 0 : digit_value(units);
  if (tens_value == 0 || (!units.empty() && units_value == 0)) return 0;
  return tens_value * 10 + units_value;
}

std::string chinese_numeral(int value) {
  if (value <= 0 || value >= 100) return {};
  if (value < 10) return std::string(kDigits[value]);
  std::string out;
  if (value >= 20) out += kDigits[value / 10];
  out += "十";
  if (value % 10) out += kDigits[value % 10];
  return out;
}

}  // namespace xxgk
