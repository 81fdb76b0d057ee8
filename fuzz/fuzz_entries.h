// What each fuzz target does with one input. The libFuzzer programs (fuzzer_main.cpp) and the plain regression test
// (tests/hardening/fuzz_replay_test.cpp, run over fuzz/corpus/ and the crash reproducers) call these same functions.
// Each returns a description of the broken invariant, or nullopt; a crash or sanitizer report is a failure too.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace xxgk::fuzz {

// One target per entry point and per cost, so that the cheap entries run thousands of times a second and the dear
// ones do not slow them down.

// (a) grammar + model + every rule on arbitrary bytes, one lint per input. Invariant: every range lies inside the text.
std::optional<std::string> lint_bytes(std::string_view data);

// (b) the fix-up (fix_all, unsafe fixes included, one pass: see kFixPasses) on arbitrary bytes, apart from (a) because
// it costs two lints. Invariant: every range of a lint of the fixed text, its fixes' edits included, lies inside it.
std::optional<std::string> fix_up(std::string_view data);

// (c) incremental differential. `data` is a base text and a sequence of edits (see decode_edits in
// fuzz_entries.cpp); each edit is applied with Document::replace, parsing now and then (at most twice) so the tree
// is reused.
// Invariant: the final diagnostics (rule, severity, range, message) equal a from-scratch lint of the final text.
std::optional<std::string> incremental_edits(std::string_view data);

// (d) the language server's message loop on an arbitrary byte stream (framing, JSON, requests in any order).
// Invariant: every message the server sends, as written (lsp::Payload::text), is_json_rpc_message.
std::optional<std::string> lsp_stream(std::string_view data);
// Whether `text` is one JSON value, an object whose member "jsonrpc" is the string "2.0".
bool is_json_rpc_message(std::string_view text);

// (d) the readers of published formats (web page, Word, PDF) on arbitrary bytes, then (web page, Word) the lint of
// what they read. Invariants: a read either succeeds or throws SourceReadError; every span of the source map lies
// inside the source (HTML) and the text read; every diagnostic's range lies inside the source (HTML) or the text
// read (Word). The PDF reader's text is not linted here: pdf_layout lints the layout's text of any boxes.
std::optional<std::string> html_reader(std::string_view data);
std::optional<std::string> docx_reader(std::string_view data);
std::optional<std::string> pdf_reader(std::string_view data);

// (e) the PDF layout (layout_pdf_pages: lines, table cells, wrapped cells and paragraphs from positioned text boxes)
// on the boxes `data` encodes, then the lint of the text laid out; apart from pdf_reader, whose every input pays for
// poppler's document setup and text extraction first. Per box: a head byte (its top bit starts a new page, the low 7
// bits are the text's length), left, top, right, bottom (2 bytes each, little-endian; see coordinate() in
// fuzz_entries.cpp: 1/8 point steps, the top codes NaN, infinities and huge values), then the text's bytes.
// Invariants as the readers'.
std::optional<std::string> pdf_layout(std::string_view data);

// What the libFuzzer program does after each input: frees what lints keep per thread for the next one (the normalised
// labels, the parser and its pools: release_thread_state), so that an execution frees every block it allocated.
// libFuzzer runs an input a second time, to look for a leak, whenever it allocated more blocks than it freed, and scans
// the heap if the second run did too: with the labels kept, four inputs in ten ran twice; with the parser's pools kept,
// one html_reader input in fourteen ran twice and was scanned, and after a thousand scans libFuzzer stopped looking
// for leaks.
void end_execution();

}  // namespace xxgk::fuzz
