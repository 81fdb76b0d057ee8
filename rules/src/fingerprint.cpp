#include "xxgk/fingerprint.h"

#include <algorithm>

#include "xxgk/normalize.h"
#include "xxgk/rule.h"

namespace xxgk {

namespace {

constexpr size_t kExcerptCharacters = 24;

void fnv1a(uint64_t& hash, std::string_view bytes) {
  for (char byte : bytes) {
    hash ^= static_cast<unsigned char>(byte);
    hash *= 0x100000001b3ull;
  }
  hash ^= 0xff;  // separates the parts: ("ab", "c") and ("a", "bc") hash differently
  hash *= 0x100000001b3ull;
}

// The first `count` code points of UTF-8 `text`.
std::string_view first_characters(std::string_view text, size_t count) {
  size_t i = 0;
  for (size_t n = 0; n < count && i < text.size(); ++n) {
    size_t length = 1;
    decode_utf8(text, i, length);
    i += length;
  }
  return text.substr(0, std::min(i, text.size()));
}

}  // namespace

DiagnosticFingerprint diagnostic_fingerprint(std::string_view text, const Diagnostic& diagnostic) {
  const size_t begin = std::min(diagnostic.range.begin, text.size());
  const size_t end = std::clamp(diagnostic.range.end, begin, text.size());
  const std::string span = normalize_label(text.substr(begin, end - begin));
  const size_t context_begin = line_start_at(text, begin);
  const size_t context_end = line_end_at(text, end == begin ? end : end - 1);
  const std::string context = normalize_label(text.substr(context_begin, std::max(context_end, end) - context_begin));

  uint64_t hash = 0xcbf29ce484222325ull;
  fnv1a(hash, diagnostic.rule != nullptr ? diagnostic.rule->id : std::string_view());
  fnv1a(hash, span);
  fnv1a(hash, context);
  static constexpr char kHex[] = "0123456789abcdef";
  DiagnosticFingerprint fingerprint;
  fingerprint.hash.resize(16);
  for (int i = 15; i >= 0; --i, hash >>= 4) fingerprint.hash[static_cast<size_t>(i)] = kHex[hash & 0xf];
  // normalize_label removed every whitespace character, so the excerpt holds no tab or line break.
  fingerprint.excerpt = std::string(first_characters(span, kExcerptCharacters));
  return fingerprint;
}

}  // namespace xxgk
