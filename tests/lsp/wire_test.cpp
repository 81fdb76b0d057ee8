// Diagnostics on the wire are written straight to JSON text (JsonWriter) rather than built as a json tree, and after
// an edit the unchanged ones are copied from the last write; the text must be what serialising the tree gave, byte
// for byte. The reference is the tree diagnostic_to_json builds (as the server built it before it wrote text), which
// code actions echo.
#include <gtest/gtest.h>

#include <random>

#include "lsp/diagnostics_wire.h"
#include "test_client.h"
#include "xxgk/linter.h"
#include "xxgk/rule.h"

namespace xxgk::lsp::testing {
namespace {

constexpr PositionEncoding kAllEncodings[] = {PositionEncoding::Utf8, PositionEncoding::Utf16,
                                              PositionEncoding::Utf32};
const std::string kUri = "file:///reports/wire.txt";

std::string reference_text(const std::vector<Diagnostic>& diagnostics, const Wire& wire, int64_t version,
                           bool related_information) {
  json array = json::array();
  for (const Diagnostic& diagnostic : diagnostics) {
    array.push_back(diagnostic_to_json(diagnostic, wire, kUri, version, related_information));
  }
  return serialize(array);
}

// `diagnostics` of `text` written in every encoding, with and without related information, as the reference writes
// them.
void expect_written_as_reference(const std::string& text, const std::vector<Diagnostic>& diagnostics) {
  const LineIndex lines(text);
  for (PositionEncoding encoding : kAllEncodings) {
    for (bool related_information : {false, true}) {
      const Wire wire{lines, encoding};
      EXPECT_EQ(*DiagnosticsOnWire().write(diagnostics, wire, kUri, 42, related_information),
                reference_text(diagnostics, wire, 42, related_information))
          << "encoding " << static_cast<int>(encoding) << ", related information " << related_information;
    }
  }
}

// The sample's prose repeated, as in the language server's benchmark: hundreds of diagnostics.
std::string grown_sample(int copies) {
  const std::string fixture = read_fixture("004_6958a79bc20c0ed0.txt");
  const size_t prose = fixture.find("（一）");
  std::string text = fixture;
  for (int i = 0; i < copies; ++i) text += fixture.substr(prose);
  return text;
}

TEST(WireTest, EscapesEveryStringAsNlohmannJson) {
  std::string all_ascii;
  for (int c = 1; c < 0x80; ++c) all_ascii += static_cast<char>(c);
  const std::vector<std::string> strings = {
      "", all_ascii, std::string("nul \0 inside", 12), "“引号”与\"quotes\"\\反斜杠\\", "𠮷👩‍💻\u00A0\u2028\u2029",
      "line\nbreak\r\n\ttab\b\f\x1b\x7f", "invalid \x80 \xE4\xB8 \xC0\xAF \xFF\xFE \xED\xA0\x80 end\xF0\x9F"};
  for (const std::string& string : strings) {
    std::string text;
    JsonWriter(text).string(string);
    EXPECT_EQ(text, serialize(json(string))) << string;
  }
}

TEST(WireTest, HandmadeDiagnosticsOnEveryScriptAndTerminator) {
  const std::string text = "一、总体情况\r\n𠮷野家 👩‍💻 ok\rlone CR line\n\nlast line without terminator";
  const RuleDescriptor& rule = input_limit_rule();
  const size_t yoshi = text.find("𠮷"), lone_cr = text.find('\r', yoshi), last = text.find("last");
  std::vector<Diagnostic> diagnostics;
  diagnostics.push_back({&rule, Severity::Error, "消息 \"quoted\" \\ back\tslash\x01", {0, 6}, {}, {}});
  diagnostics.push_back({nullptr, Severity::Warning, "no rule, no fix, a range over the \\r\\n", {15, 20}, {}, {}});
  diagnostics.push_back(
      {&rule, Severity::Info, "fixes and related information", {yoshi, lone_cr + 1},
       {{{0, 3}, "related “一”"}, {{last, text.size()}, "the end\n"}},
       {{"first fix\n", true, {{{yoshi, yoshi + 4}, "吉"}, {{yoshi + 5, yoshi + 5}, "\r\n\"inserted\"\r\n"}}},
        {"second fix, no edits", false, {}},
        {"third", false, {{{lone_cr, lone_cr + 1}, ""}}}}});
  diagnostics.push_back({&rule, Severity::Off, "inside characters and past the end", {yoshi + 2, text.size() + 10},
                         {}, {{"past", true, {{{yoshi + 1, text.size() + 1}, "x"}}}}});
  diagnostics.push_back({&rule, Severity::Error, "invalid UTF-8 \xE4\xB8 in a message", {last, last}, {}, {}});
  expect_written_as_reference(text, diagnostics);
}

TEST(WireTest, LintedDocumentsWithManyDiagnostics) {
  for (const std::string& text : {grown_sample(20), read_fixture("astral_prose.txt")}) {
    Document document(text);
    const std::vector<Diagnostic> diagnostics = document.lint({});
    ASSERT_GT(diagnostics.size(), 5u);
    expect_written_as_reference(text, diagnostics);
  }
}

// A character boundary of `text` (or its end) chosen at random; it may fall between the "\r" and "\n" of a "\r\n".
size_t random_boundary(const std::string& text, std::mt19937& random) {
  size_t offset = random() % (text.size() + 1);
  while (offset > 0 && offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) --offset;
  return offset;
}

// Edits a document at random — characters typed and deleted, lines broken and joined with every terminator, several
// edits between two writes — and checks after each write that the DiagnosticsOnWire kept across them writes what
// the reference writes for the current text.
void expect_kept_writes_as_reference(std::string text, PositionEncoding encoding, uint32_t seed) {
  const std::vector<std::string> pieces = {"x", "一", "。", "\n", "\r\n", "\r", "", "𠮷", "**", "\n\n"};
  std::mt19937 random(seed);
  Document document(text);
  DiagnosticsOnWire kept;
  size_t reused = 0;
  for (int step = 0; step < 60; ++step) {
    const int edits = step % 5 == 4 ? 3 : 1;
    for (int e = 0; e < edits; ++e) {
      const size_t begin = random_boundary(document.text(), random);
      size_t end = begin;
      for (int deleted = static_cast<int>(random() % 3); deleted > 0 && end < document.text().size(); --deleted) {
        size_t length;
        decode_utf8(document.text(), end, length);
        end += length;
      }
      const std::string& inserted = pieces[random() % pieces.size()];
      kept.before_edit(document.lines(), {begin, end}, inserted.size());
      document.replace({begin, end}, inserted);
    }
    const std::vector<Diagnostic> diagnostics = document.lint({});
    const Wire wire{document.lines(), encoding};
    ASSERT_EQ(*kept.write(diagnostics, wire, kUri, step, true), reference_text(diagnostics, wire, step, true))
        << "step " << step << ", encoding " << static_cast<int>(encoding);
    reused += kept.reused();
  }
  // Nearly every diagnostic survives an edit elsewhere: most were copied, not written again.
  EXPECT_GT(reused, 60 * document.lint({}).size() / 2);
}

TEST(WireTest, KeptDiagnosticsAfterEditsAreWhatWritingThemAfreshGives) {
  const std::string text = grown_sample(3);
  const auto ended_by = [&](const std::string& terminator) {
    std::string result;
    for (char c : text) c == '\n' ? result += terminator : result += c;
    return result;
  };
  uint32_t seed = 1;
  for (PositionEncoding encoding : kAllEncodings) {
    for (const std::string& terminator : {"\n", "\r\n", "\r"}) {
      expect_kept_writes_as_reference(ended_by(terminator), encoding, seed++);
    }
  }
}

TEST(WireTest, ForgettingTheTextWritesEverythingAfresh) {
  const std::string text = grown_sample(1);
  Document document(text);
  DiagnosticsOnWire kept;
  const Wire wire{document.lines(), PositionEncoding::Utf16};
  kept.write(document.lint({}), wire, kUri, 1, false);
  kept.write(document.lint({}), wire, kUri, 2, false);
  EXPECT_EQ(kept.reused(), document.lint({}).size());  // nothing changed but the version
  kept.forget();
  EXPECT_EQ(*kept.write(document.lint({}), wire, kUri, 3, false), reference_text(document.lint({}), wire, 3, false));
  EXPECT_EQ(kept.reused(), 0u);
  // Another encoding reuses nothing either.
  const Wire utf8{document.lines(), PositionEncoding::Utf8};
  EXPECT_EQ(*kept.write(document.lint({}), utf8, kUri, 4, false), reference_text(document.lint({}), utf8, 4, false));
  EXPECT_EQ(kept.reused(), 0u);
}

TEST(WireTest, RelatedInformationInAnotherDocumentIsWrittenWhereThatDocumentPlacesItAndNotMovedByEdits) {
  const std::string other_uri = "file:///reports/last_year.txt";
  Document document("第一行\n二、上年结转\t3\n");
  const RuleDescriptor& rule = input_limit_rule();
  const size_t cell = document.text().find('3');
  const ByteRange there{900, 901};  // bytes of the other document, which this one's lines know nothing of
  const std::vector<RangeElsewhere> elsewhere = {{other_uri, there, {{64, 13}, {64, 14}}}};
  const auto diagnostics = [&] {
    return std::vector<Diagnostic>{
        {&rule, Severity::Error, "across", {cell, cell + 1}, {{there, "last year", other_uri}, {{0, 3}, "here"}}, {}}};
  };
  const auto related_of = [](const std::string& written) { return json::parse(written)[0]["relatedInformation"]; };
  const json expected = json::parse(R"([
    {"location": {"range": {"end": {"character": 14, "line": 64}, "start": {"character": 13, "line": 64}},
                  "uri": "file:///reports/last_year.txt"}, "message": "last year"},
    {"location": {"range": {"end": {"character": 1, "line": 0}, "start": {"character": 0, "line": 0}},
                  "uri": "file:///reports/wire.txt"}, "message": "here"}])");
  DiagnosticsOnWire kept;
  EXPECT_EQ(
      related_of(*kept.write(diagnostics(), Wire{document.lines(), PositionEncoding::Utf16}, kUri, 1, true, elsewhere)),
      expected);
  // A line inserted at the top: this document's related range moves with it, the other document's stays, and the
  // diagnostic is written afresh rather than moved.
  kept.before_edit(document.lines(), {0, 0}, 1);
  document.replace({0, 0}, "\n");
  const size_t moved = document.text().find('3');
  std::vector<Diagnostic> after = diagnostics();
  after[0].range = {moved, moved + 1};
  after[0].related[1].range = {1, 4};
  json moved_expected = expected;
  moved_expected[1]["location"]["range"] =
      json::parse(R"({"end": {"character": 1, "line": 1}, "start": {"character": 0, "line": 1}})");
  EXPECT_EQ(related_of(*kept.write(after, Wire{document.lines(), PositionEncoding::Utf16}, kUri, 2, true, elsewhere)),
            moved_expected);
  EXPECT_EQ(kept.reused(), 0u);
  // Without its place in the other document, that related location is left out rather than misplaced.
  EXPECT_EQ(related_of(*kept.write(after, Wire{document.lines(), PositionEncoding::Utf16}, kUri, 3, true)),
            json::array({moved_expected[1]}));
}

TEST(WireTest, PayloadSplicesSerializedTextIntoItsTree) {
  const std::string items = R"([{"a":1},"x"])";
  const auto shared_items = std::make_shared<const std::string>(items);
  const char* const payload_items_data = shared_items->data();
  const Payload payload = Payload::serialized(shared_items)
                              .placed_in({{"kind", "full"}, {"resultId", "7"}}, {"items"})
                              .placed_in({{"jsonrpc", "2.0"}, {"id", 3}}, {"result"});
  const json expected = {{"jsonrpc", "2.0"},
                         {"id", 3},
                         {"result", {{"kind", "full"}, {"resultId", "7"}, {"items", json::parse(items)}}}};
  EXPECT_EQ(payload.tree(), expected);
  EXPECT_EQ(payload.text(), serialize(expected));
  // The transport's pieces: the envelope around the shared text, which is not copied.
  const auto pieces = payload.pieces();
  EXPECT_EQ(pieces[0], R"({"id":3,"jsonrpc":"2.0","result":{"items":)");
  EXPECT_EQ(static_cast<const void*>(pieces[1].data()), static_cast<const void*>(payload_items_data));
  EXPECT_EQ(pieces[1], items);
  EXPECT_EQ(pieces[2], R"(,"kind":"full","resultId":"7"}})");
  const Payload tree_only = json{{"method", "m"}, {"params", {{"b", 2}}}};
  EXPECT_EQ(tree_only.text(), R"({"method":"m","params":{"b":2}})");
  EXPECT_EQ(tree_only.pieces()[0], tree_only.text());
  EXPECT_TRUE(tree_only.pieces()[1].empty() && tree_only.pieces()[2].empty());
  EXPECT_EQ(Payload(json::array({1, 2})).placed_in({{"z", 0}}, {"a", "b"}).text(), R"({"a":{"b":[1,2]},"z":0})");
}

}  // namespace
}  // namespace xxgk::lsp::testing
