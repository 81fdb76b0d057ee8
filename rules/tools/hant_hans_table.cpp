// Build-time generator: turns ICU's "Hant-Hans" transliterator into C++ tables (rules/src/hant_hans.h), so the
// linter never creates the transliterator at run time (that alone cost ~170M instructions, 90% of a one-report run).
//
//   xxgk_hant_hans_table OUTPUT.cpp
//
// Hant-Hans is a rule-based transliterator whose rules are plain "key > value;" pairs: 2,976 of one character and
// ~980 of two to five ("甚麼 > 什么", "乾淨 > 干净"), which read a character differently by its neighbours. So a
// per-character table alone is NOT equivalent, and the output has two tables:
//   - characters: every code point of ICU's source set whose transliteration on its own differs from itself;
//   - phrases: every rule with a key of two or more code points, identity rules included (they still consume their
//     characters, which keeps a later character from starting another phrase).
// ICU applies the first rule in order that matches at the cursor and moves past it; it rejects a rule set in which a
// rule masks a later one (its key a prefix of the later key), so the first match is always the longest match, which
// is what the run-time lookup takes. This program checks every assumption and fails the build when one does not hold
// (a filter, a compound transliterator, context or variables in a rule, a masking order), rather than emit a table
// that disagrees with ICU.
#include <unicode/translit.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/uvernum.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {

[[noreturn]] void fail(const std::string& message) {
  std::cerr << "hant_hans_table: " << message << "\n";
  std::exit(1);
}

std::u32string to_u32(const icu::UnicodeString& s) {
  std::u32string out(static_cast<size_t>(s.countChar32()), U'\0');
  UErrorCode status = U_ZERO_ERROR;
  s.toUTF32(reinterpret_cast<UChar32*>(out.data()), static_cast<int32_t>(out.size()), status);
  return out;
}

// One side of a rule as written by toRules(escapeUnprintable = true): a run of \uXXXX / \UXXXXXXXX escapes. Anything
// else (a literal, a set, a variable, a context brace, a cursor) is syntax the tables cannot express.
std::optional<std::u32string> parse_side(const std::string& side) {
  std::u32string out;
  size_t i = 0;
  while (i < side.size()) {
    const size_t digits = side.compare(i, 2, "\\u") == 0 ? 4 : side.compare(i, 2, "\\U") == 0 ? 8 : 0;
    if (digits == 0 || i + 2 + digits > side.size()) return std::nullopt;
    out += static_cast<char32_t>(std::stoul(side.substr(i + 2, digits), nullptr, 16));
    i += 2 + digits;
  }
  return out;
}

struct Rule {
  std::u32string key, value;
};

std::vector<Rule> read_rules(const icu::Transliterator& t) {
  icu::UnicodeString text;
  t.toRules(text, true);
  std::string utf8;
  text.toUTF8String(utf8);
  std::vector<Rule> rules;
  size_t start = 0;
  while (start < utf8.size()) {
    size_t end = utf8.find('\n', start);
    if (end == std::string::npos) end = utf8.size();
    const std::string line = utf8.substr(start, end - start);
    start = end + 1;
    if (line.empty()) continue;
    const size_t arrow = line.find(" > ");
    if (arrow == std::string::npos || line.back() != ';') fail("unsupported rule syntax: " + line);
    const auto key = parse_side(line.substr(0, arrow));
    const auto value = parse_side(line.substr(arrow + 3, line.size() - arrow - 4));
    if (!key || !value || key->empty()) fail("unsupported rule syntax: " + line);
    rules.push_back({*key, *value});
  }
  return rules;
}

std::u32string transliterate(const icu::Transliterator& t, const std::u32string& text) {
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(text.data()), static_cast<int32_t>(text.size()));
  t.transliterate(u);
  return to_u32(u);
}

std::string escaped(char32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, c > 0xFFFF ? "\\U%08X" : "\\u%04X", static_cast<unsigned>(c));
  return buffer;
}

std::string literal(const std::u32string& s) {
  std::string out = "U\"";
  for (char32_t c : s) out += escaped(c);
  return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) fail("usage: xxgk_hant_hans_table OUTPUT.cpp");
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !t) fail("ICU has no Hant-Hans transliterator");
  if (t->getFilter() != nullptr) fail("Hant-Hans has a filter");
  if (t->countElements() != 0) fail("Hant-Hans is compound");

  const std::vector<Rule> rules = read_rules(*t);
  // First match == longest match only when no key is preceded by a rule whose key is a proper prefix of it.
  std::map<std::u32string, size_t> first_rule_of_key;
  for (size_t i = 0; i < rules.size(); ++i) first_rule_of_key.emplace(rules[i].key, i);
  for (size_t i = 0; i < rules.size(); ++i)
    for (size_t length = 1; length < rules[i].key.size(); ++length)
      if (auto it = first_rule_of_key.find(rules[i].key.substr(0, length));
          it != first_rule_of_key.end() && it->second < i)
        fail("a rule masks a later, longer one: the longest match would differ from ICU's first match");

  std::map<std::u32string, std::u32string> phrases;
  for (const Rule& rule : rules) {
    if (rule.key.size() < 2) continue;
    if (transliterate(*t, rule.key) != rule.value) fail("a phrase rule does not transliterate to its value");
    phrases.emplace(rule.key, rule.value);
  }

  icu::UnicodeSet source;
  t->getSourceSet(source);
  std::map<char32_t, std::u32string> characters;
  for (int32_t r = 0; r < source.getRangeCount(); ++r)
    for (UChar32 c = source.getRangeStart(r); c <= source.getRangeEnd(r); ++c) {
      const std::u32string one(1, static_cast<char32_t>(c));
      if (std::u32string simplified = transliterate(*t, one); simplified != one)
        characters.emplace(static_cast<char32_t>(c), std::move(simplified));
    }

  std::ofstream out(argv[1], std::ios::binary);
  out << "// Generated at build time by rules/tools/hant_hans_table.cpp from ICU " U_ICU_VERSION
         "'s Hant-Hans transliterator; do not edit.\n"
         "#include \"hant_hans.h\"\n\nnamespace xxgk::hant_hans {\n\n"
         "const Character kCharacters[] = {\n";
  for (const auto& [from, to] : characters) out << "    {U'" << escaped(from) << "', " << literal(to) << "},\n";
  out << "};\nconst size_t kCharacterCount = " << characters.size() << ";\n\nconst Phrase kPhrases[] = {\n";
  for (const auto& [from, to] : phrases) out << "    {" << literal(from) << ", " << literal(to) << "},\n";
  out << "};\nconst size_t kPhraseCount = " << phrases.size() << ";\n\n}  // namespace xxgk::hant_hans\n";
  if (!out) fail(std::string("cannot write ") + argv[1]);
  return 0;
}
