#include "hant_hans.h"

#include <algorithm>

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

}  // namespace

void append_simplified(std::u32string_view text, std::u32string& out) {
  // Both tables are sorted, so below their first code points text passes through unlooked-up (ASCII, punctuation).
  const char32_t lowest = std::min(hant_hans::kCharacters[0].from, hant_hans::kPhrases[0].from.front());
  for (size_t i = 0; i < text.size();) {
    const char32_t c = text[i];
    const Phrase* phrase = c < lowest ? nullptr : phrase_at(text.substr(i));
    if (phrase) {
      out += phrase->to;
      i += phrase->from.size();
      continue;
    }
    const Character* mapped = c < lowest ? nullptr : character(c);
    if (mapped)
      out += mapped->to;
    else
      out += c;
    ++i;
  }
}

}  // namespace xxgk
