// Traditional → Simplified Chinese exactly as ICU's "Hant-Hans" transliterator does it, from tables that
// rules/tools/hant_hans_table.cpp generates from that transliterator at build time (see there for why two tables).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace xxgk {

namespace hant_hans {

struct Character {
  char32_t from;
  std::u32string_view to;
};
struct Phrase {
  std::u32string_view from;  // two or more code points
  std::u32string_view to;
};

// Sorted by `from`; generated.
extern const Character kCharacters[];
extern const size_t kCharacterCount;
extern const Phrase kPhrases[];
extern const size_t kPhraseCount;

}  // namespace hant_hans

// Appends the Simplified form of `text` to `out`.
void append_simplified(std::u32string_view text, std::u32string& out);
// Whether append_simplified would copy `text` as it is.
bool is_simplified_already(std::u32string_view text);

}  // namespace xxgk
