// Label and heading normalisation (ICU): NFKC, Traditional -> Simplified, whitespace removal, bracket and punctuation
// width folding, item-number punctuation ("1." "1．" "1、" alike). Every comparison of report wording goes through
// here so that the rules agree on what "the same label" means.
#pragma once

#include <string>
#include <string_view>

namespace xxgk {

// Canonical comparison form: NFKC, Traditional→Simplified, all whitespace (incl. U+3000) removed, ASCII brackets and
// punctuation folded to the full-width Chinese forms ( ) : , ; → （ ）： ， ；, curly/straight quotes unified,
// "1." "1．" "1、" → "1.". Chinese text stays Chinese; ASCII digits and letters stay ASCII.
std::string normalize_label(std::string_view text);
// Empties this thread's cache of normalised labels (what normalize_label remembers): see release_thread_state
// (xxgk/linter.h).
void forget_normalized_labels();

// The text with Traditional characters turned Simplified, or "" when nothing changes or when the result would not
// keep every byte offset (so that the caller can search the result and point into the original).
std::string to_simplified_same_length(std::string_view text);

// Edit distance between two strings counted in code points (Levenshtein), capped: returns `cap + 1` as soon as the
// distance exceeds `cap`.
size_t edit_distance(std::string_view a, std::string_view b, size_t cap = 64);
// The same on decoded text, for a string compared with many others: decode it once (utf8_code_points).
size_t edit_distance(std::u32string_view a, std::u32string_view b, size_t cap);
// The code points of a UTF-8 string (invalid bytes become U+FFFD, one each).
std::u32string utf8_code_points(std::string_view text);

// Number of code points in a UTF-8 string (invalid bytes count as one).
size_t code_point_count(std::string_view text);

// Trims ASCII whitespace, U+3000 and U+00A0 from both ends.
std::string_view trim(std::string_view text);

// Value of a Chinese numeral 一..九十九 ("一" → 1, "十二" → 12); 0 if `text` is not one.
int chinese_numeral_value(std::string_view text);
// "一".."十" for 1..10 (and compound forms up to 99).
std::string chinese_numeral(int value);

}  // namespace xxgk
