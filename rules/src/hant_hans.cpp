#include "hant_hans.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace xxgk {
namespace {

using hant_hans::Character;
using hant_hans::Phrase;

// The longest phrase that `text` starts with (ICU's first matching rule, see the generator), or null. Phrases are
// sorted by key, so those starting with one code point are adjacent.
const Phrase* phrase_at(std::u32string_view text) {
  const Phrase* const end = hant_hans::kPhrases + hant_hans::kPhraseCount;
  const char32_t c = text.front();
  const Phrase* p =
      std::lower_bound(hant_hans::kPhrases, end, c, [](const Phrase& a, char32_t b) { return a.from.front() < b; });
  const Phrase* longest = nullptr;
  for (; p != end && p->from.front() == c; ++p)
    if (text.starts_with(p->from) && (!longest || p->from.size() > longest->from.size())) longest = p;
  return longest;
}

const Character* character(char32_t c) {
  const Character* const end = hant_hans::kCharacters + hant_hans::kCharacterCount;
  const Character* it =
      std::lower_bound(hant_hans::kCharacters, end, c, [](const Character& a, char32_t b) { return a.from < b; });
  return it != end && it->from == c ? it : nullptr;
}

// One bit per code point: whether a character or a phrase of the tables starts with it. Most characters of a report
// are Simplified already, and the bit says so without the two binary searches (a tenth of checking one report).
class EntryStarts {
 public:
  EntryStarts() {
    char32_t highest = 0;
    for (size_t i = 0; i < hant_hans::kCharacterCount; ++i)
      highest = std::max(highest, hant_hans::kCharacters[i].from);
    for (size_t i = 0; i < hant_hans::kPhraseCount; ++i)
      highest = std::max(highest, hant_hans::kPhrases[i].from.front());
    words_.resize(highest / 64 + 1);
    for (size_t i = 0; i < hant_hans::kCharacterCount; ++i) set(hant_hans::kCharacters[i].from);
    for (size_t i = 0; i < hant_hans::kPhraseCount; ++i) set(hant_hans::kPhrases[i].from.front());
  }
  // Whether no character or phrase starts with `c`: append_simplified copies such a code point as it is, whatever
  // follows it.
  bool starts_none(char32_t c) const { return c / 64 >= words_.size() || (words_[c / 64] >> (c % 64) & 1) == 0; }

 private:
  void set(char32_t c) { words_[c / 64] |= uint64_t{1} << (c % 64); }
  std::vector<uint64_t> words_;
};

const EntryStarts& entry_starts() {
  static const EntryStarts starts;
  return starts;
}

}  // namespace

bool is_simplified_already(std::u32string_view text) {
  const EntryStarts& starts = entry_starts();
  for (size_t i = 0; i < text.size(); ++i)
    if (!starts.starts_none(text[i]) && (phrase_at(text.substr(i)) || character(text[i]))) return false;
  return true;
}

void append_simplified(std::u32string_view text, std::u32string& out) {
  const EntryStarts& starts = entry_starts();
  for (size_t i = 0; i < text.size();) {
    const char32_t c = text[i];
    if (starts.starts_none(c)) {
      out += c;
      ++i;
      continue;
    }
    if (const Phrase* phrase = phrase_at(text.substr(i))) {
      out += phrase->to;
      i += phrase->from.size();
      continue;
    }
    const Character* mapped = character(c);
    if (mapped)
      out += mapped->to;
    else
      out += c;
    ++i;
  }
}

}  // namespace xxgk
