#include "fuzz_entries.h"

#include <iterator>
#include <limits>
#include <sstream>
#include <vector>

#include "lsp/server.h"
#include "lsp/transport.h"
#include "xxgk/linter.h"
#include "xxgk/rule.h"
#include "xxgk/source_reader.h"

namespace xxgk::fuzz {

namespace {

// An edit script's cost: the base's parse and model, at most kMaxIntermediateParses between edits, and two lints (the
// final text incrementally and from scratch).
constexpr size_t kMaxEdits = 32;
constexpr size_t kMaxIntermediateParses = 2;

// The fix-up's passes per input. The first pass applies the fixes of the input's lint; the lint of its result checks
// the fixes the next pass would apply. Further passes mostly insert one more template section each (insertions at
// one place conflict, so apply_fixes takes one per pass): up to eight lints of a ~3 KB text (an input of 600 bytes
// grows to 3.5 KB over 5–8 passes), which made fix_up run at a tenth of lint_bytes' rate for texts that differ from
// the first pass's only by the constant template.
constexpr int kFixPasses = 1;

std::optional<std::string> out_of_range(std::string_view text, const std::vector<Diagnostic>& diagnostics) {
  auto inside = [&](ByteRange range) { return range.begin <= range.end && range.end <= text.size(); };
  for (const Diagnostic& diagnostic : diagnostics) {
    bool ok = inside(diagnostic.range);
    for (const RelatedInformation& related : diagnostic.related) ok = ok && inside(related.range);
    for (const Fix& fix : diagnostic.fixes)
      for (const TextEdit& edit : fix.edits) ok = ok && inside(edit.range);
    if (!ok) return std::string(diagnostic.rule->id) + ": a range lies outside the text";
  }
  return std::nullopt;
}

// Reads the edit script of incremental_edits: little-endian integers and byte strings, reading zeros past the end.
class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  bool done() const { return data_.empty(); }
  size_t number(int bytes) {
    size_t value = 0;
    for (int i = 0; i < bytes; ++i) value |= static_cast<size_t>(byte()) << (8 * i);
    return value;
  }
  std::string_view bytes(size_t count) {
    std::string_view taken = data_.substr(0, count);
    data_.remove_prefix(taken.size());
    return taken;
  }

 private:
  unsigned char byte() {
    if (data_.empty()) return 0;
    const unsigned char value = static_cast<unsigned char>(data_.front());
    data_.remove_prefix(1);
    return value;
  }
  std::string_view data_;
};

struct Edit {
  ByteRange range;
  std::string_view text;
  bool parse_after = false;
};

// The script: base length (2 bytes), the base text; then per edit: begin (2 bytes), removed length (2 bytes),
// inserted length (1 byte; its top bit asks for a parse after the edit), the inserted bytes. Positions are taken
// modulo the current text's size, so every script is valid.
std::string decode_edits(std::string_view data, std::vector<Edit>& edits) {
  Reader reader(data);
  std::string text(reader.bytes(reader.number(2)));
  size_t size = text.size();
  while (!reader.done() && edits.size() < kMaxEdits) {
    Edit edit;
    edit.range.begin = reader.number(2) % (size + 1);
    edit.range.end = edit.range.begin + reader.number(2) % (size - edit.range.begin + 1);
    const size_t inserted = reader.number(1);
    edit.parse_after = (inserted & 0x80) != 0;
    edit.text = reader.bytes(inserted & 0x7F);
    size = size - edit.range.size() + edit.text.size();
    edits.push_back(edit);
  }
  return text;
}

// is_json_rpc_message's reading: a SAX pass over the text the server writes (lsp::Payload::text, its diagnostics
// spliced in as text), so the check covers the bytes on the wire and builds no tree the server never builds.
class JsonRpcCheck : public nlohmann::json_sax<lsp::json> {
 public:
  bool null() override { return value(false); }
  bool boolean(bool) override { return value(false); }
  bool number_integer(number_integer_t) override { return value(false); }
  bool number_unsigned(number_unsigned_t) override { return value(false); }
  bool number_float(number_float_t, const string_t&) override { return value(false); }
  bool string(string_t& text) override { return value(text == "2.0"); }
  bool binary(binary_t&) override { return value(false); }
  bool start_object(std::size_t) override { return open(Kind::Object); }
  bool key(string_t& name) override {
    jsonrpc_next_ = depth_ == 1 && name == "jsonrpc";
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(Kind::Array); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

  bool accepted() const { return top_is_object_ && jsonrpc_is_2_0_; }

 private:
  enum class Kind : bool { Object, Array };
  bool value(bool is_2_0) {
    if (jsonrpc_next_) jsonrpc_is_2_0_ = is_2_0;
    jsonrpc_next_ = false;
    return true;
  }
  bool open(Kind kind) {
    if (depth_ == 0) top_is_object_ = kind == Kind::Object;
    value(false);
    ++depth_;
    return true;
  }
  bool close() {
    --depth_;
    return true;
  }
  size_t depth_ = 0;
  bool top_is_object_ = false;
  bool jsonrpc_next_ = false;
  bool jsonrpc_is_2_0_ = false;
};

std::string describe(const Diagnostic& d) {
  return std::string(d.rule->id) + " " + std::string(severity_name(d.severity)) + " [" + std::to_string(d.range.begin) +
         "," + std::to_string(d.range.end) + ") " + d.message;
}

}  // namespace

bool is_json_rpc_message(std::string_view text) {
  JsonRpcCheck check;
  // Read as unsigned bytes: nlohmann's lexer and parser are templates on the input's iterator, so the check gets an
  // instantiation of its own, which coverage-ignorelist.txt leaves uninstrumented; the server's parse of the input
  // keeps its instrumented one.
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  return lsp::json::sax_parse(bytes, bytes + text.size(), &check) && check.accepted();
}

std::optional<std::string> lint_bytes(std::string_view data) { return out_of_range(data, lint(data, {})); }

std::optional<std::string> fix_up(std::string_view data) {
  const FixResult fixed = fix_all(data, {}, FixMode::IncludeUnsafe, kFixPasses);
  if (auto failure = out_of_range(fixed.text, lint(fixed.text, {}))) return "after fix_all: " + *failure;
  return std::nullopt;
}

std::optional<std::string> incremental_edits(std::string_view data) {
  std::vector<Edit> edits;
  std::string expected_text = decode_edits(data, edits);
  Document document(expected_text);
  // The model, not a lint, at the base and between edits: building it parses (reusing the edited tree) and tracks
  // what Document keeps across edits; the rules read only the model, and run on the final text below.
  document.report({});  // a tree for the edits to update
  size_t intermediate_parses = 0;
  for (const Edit& edit : edits) {
    document.replace(edit.range, edit.text);
    expected_text.replace(edit.range.begin, edit.range.size(), edit.text);
    if (edit.parse_after && intermediate_parses < kMaxIntermediateParses) {
      document.report({});
      ++intermediate_parses;
    }
  }
  if (document.text() != expected_text) return "Document::replace produced a different text";
  const std::vector<Diagnostic> incremental = document.lint({});
  const std::vector<Diagnostic> scratch = lint(expected_text, {});
  const size_t common = std::min(incremental.size(), scratch.size());
  for (size_t i = 0; i < common; ++i)
    if (describe(incremental[i]) != describe(scratch[i]))
      return "diagnostic " + std::to_string(i) + " differs: incremental " + describe(incremental[i]) +
             " / from scratch " + describe(scratch[i]);
  if (incremental.size() != scratch.size())
    return std::to_string(incremental.size()) + " diagnostics incrementally, " + std::to_string(scratch.size()) +
           " from scratch";
  return std::nullopt;
}

std::optional<std::string> lsp_stream(std::string_view data) {
  std::optional<std::string> failure;
  {
    // No diagnostics delay, whatever the session asks for: an execution waiting out the 50 ms after an edit left the
    // fuzzer idle half its time.
    lsp::Server server(
        [&](const lsp::Payload& message) {
          if (!failure && !is_json_rpc_message(message.text()))
            failure = "not a JSON-RPC 2.0 message: " + message.text();
        },
        std::chrono::milliseconds::zero());
    std::istringstream input{std::string(data)};
    lsp::FrameReader reader(input);
    while (std::optional<lsp::Frame> frame = reader.next()) {
      if (frame->error.empty())
        server.post(std::move(frame->body));
      else
        server.post_transport_error(std::move(frame->error));
    }
    server.post_end_of_input();
    server.process_pending();
    server.wait_until_idle();
  }
  return failure;
}

namespace {

enum class AndLint : bool { No, Yes };

std::optional<std::string> read_and_lint(SourceDocument (*read)(std::string_view), std::string_view data,
                                         AndLint and_lint = AndLint::Yes) {
  SourceDocument document;
  try {
    document = read(data);
  } catch (const SourceReadError&) {
    return std::nullopt;
  }
  const std::string_view target = document.format == SourceFormat::Html ? document.source : document.text;
  for (const SourceSpan& span : document.spans) {
    if (span.text_begin > span.text_end || span.text_end > document.text.size())
      return std::string("a source-map span lies outside the text");
    if (document.format == SourceFormat::Html && (span.source_begin > span.source_end || span.source_end > target.size()))
      return std::string("a source-map span lies outside the page");
  }
  if (and_lint == AndLint::No) return std::nullopt;
  for (const SourceDiagnostic& entry : lint_source(document, {})) {
    auto inside = [&](ByteRange range) { return range.begin <= range.end && range.end <= target.size(); };
    bool ok = inside(entry.diagnostic.range);
    for (const RelatedInformation& related : entry.diagnostic.related) ok = ok && inside(related.range);
    if (!ok) return std::string(entry.diagnostic.rule->id) + ": a range lies outside the source";
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> html_reader(std::string_view data) { return read_and_lint(read_html, data); }
std::optional<std::string> docx_reader(std::string_view data) { return read_and_lint(read_docx, data); }
// No lint: pdf_layout lints what the layout makes of any boxes, at a few times the rate (poppler's document setup and
// text extraction come first here: 1–1.5 ms of each execution in the sanitizer build).
std::optional<std::string> pdf_reader(std::string_view data) { return read_and_lint(read_pdf, data, AndLint::No); }

namespace {

// The pages of text boxes a PDF reader would hand to the layout: see decode_pdf_boxes in fuzz_entries.h. Caps as
// read_pdf's on pages; a box costs at least 9 bytes, so -max_len bounds the boxes.
constexpr size_t kMaxLayoutPages = 500;

// A coordinate in points: 1/8 point steps from -200 (a box may lie off the page); the top 8 codes are the values a
// broken PDF's text matrix can give a reader (not a number, infinite, or too large to add to).
double coordinate(size_t code) {
  constexpr double kSpecial[] = {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
                                 -std::numeric_limits<double>::infinity(), std::numeric_limits<double>::max(),
                                 -std::numeric_limits<double>::max(),      1e300,
                                 -1e300,                                   std::numeric_limits<double>::denorm_min()};
  constexpr size_t kFirstSpecial = 0x10000 - std::size(kSpecial);
  if (code >= kFirstSpecial) return kSpecial[code - kFirstSpecial];
  return static_cast<double>(code) / 8.0 - 200.0;
}

SourceDocument decode_and_layout_pdf_boxes(std::string_view data) {
  std::vector<std::vector<PdfTextBox>> pages(1);
  Reader reader(data);
  while (!reader.done()) {
    const size_t head = reader.number(1);
    if ((head & 0x80) != 0 && pages.size() < kMaxLayoutPages) pages.emplace_back();
    PdfTextBox box;
    box.left = coordinate(reader.number(2));
    box.top = coordinate(reader.number(2));
    box.right = coordinate(reader.number(2));
    box.bottom = coordinate(reader.number(2));
    box.text = std::string(reader.bytes(head & 0x7F));
    pages.back().push_back(std::move(box));
  }
  return layout_pdf_pages(pages);
}

}  // namespace

std::optional<std::string> pdf_layout(std::string_view data) {
  return read_and_lint(decode_and_layout_pdf_boxes, data);
}

void end_execution() { release_thread_state(); }

}  // namespace xxgk::fuzz
