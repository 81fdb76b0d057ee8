// A document's diagnostics on the wire: an LSP Diagnostic[] in JSON text, pushed, pulled and read back by code
// actions. Each `data` carries the document version and the fixes (edits in wire positions), which is all a code
// action needs; `relatedInformation` is sent only to clients that support it.
//
// Written as text rather than built as a json tree, and kept from one write to the next: a keystroke in a large
// document leaves nearly all of its thousands of diagnostics as they were, only moved by the edit. Such a diagnostic
// is not written again (positions counted, strings escaped) but copied from the last text, with the new document
// version and, when the edit added or removed lines, its line numbers shifted. The text is the same either way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lsp/features.h"
#include "xxgk/diagnostic.h"

namespace xxgk::lsp {

// One diagnostic as an LSP Diagnostic tree, member for member what DiagnosticsOnWire writes as text (the wire test
// holds the two equal): for the few diagnostics a code action echoes back to the client.
json diagnostic_to_json(const Diagnostic& diagnostic, const Wire& wire, const std::string& uri, int64_t version,
                        bool related_information);

// A fix's edits as LSP TextEdits.
json text_edits_to_json(const std::vector<TextEdit>& edits, const Wire& wire);

// A range of another document as that document's client sees it: related information in another document
// (RelatedInformation::document, the checks across reports) is written with it, since only the other document knows
// its positions.
struct RangeElsewhere {
  std::string document;  // its URI
  ByteRange bytes;
  WireRange wire;
};

class DiagnosticsOnWire {
 public:
  // The document is about to replace `range` of its text (as `lines` describes it) with `new_length` bytes.
  void before_edit(const LineIndex& lines, ByteRange range, size_t new_length);
  // The document's text was replaced in a way no edit describes: nothing written so far can be reused.
  void forget();

  // `diagnostics` of the document's current text (`wire.lines`) as an LSP Diagnostic[]. Their related information in
  // other documents is written where `elsewhere` places it (and left out where it does not).
  std::shared_ptr<const std::string> write(const std::vector<Diagnostic>& diagnostics, const Wire& wire,
                                           const std::string& uri, int64_t version, bool related_information,
                                           const std::vector<RangeElsewhere>& elsewhere = {});
  // The last write (shared with the messages that carry it), and how many of its diagnostics it copied from the one
  // before instead of writing them afresh.
  std::shared_ptr<const std::string> text() const { return text_; }
  size_t reused() const { return reused_; }

 private:
  struct Edit {
    size_t lines_begin;  // the start of the first line the edit touches
    size_t lines_end;    // the start of the line after the last one it touches; npos when that is the last line
    ptrdiff_t bytes;     // how many bytes longer the text became
    size_t line_count;   // the text's line count before the edit
    ptrdiff_t lines;     // how many lines longer it became (known once the next text's line count is)
  };
  // Where an offset of the current text was in the text of the last write.
  struct Origin {
    size_t offset;
    ptrdiff_t lines;  // how many lines further down it is now
  };
  // A number in a diagnostic's text that a later write may change: the document version, or a line number.
  struct Hole {
    uint32_t offset;  // in the diagnostic's text
    bool version;
    uint32_t line;  // the line number written there
  };
  struct Entry {
    Diagnostic diagnostic;  // as of the last write, with the offsets of that text
    size_t begin = 0;       // its JSON text in the last write
    size_t end = 0;
    std::vector<Hole> holes;  // in the order they appear
  };

  // nullopt when an edit since the last write touched the offset's line, whose columns may have changed.
  std::optional<Origin> origin(size_t offset) const;
  // How many lines `current` moved down from `previous` when it is `previous` moved by the edits since the last
  // write: the same but for its offsets, which all lie on lines no edit touched and all moved by as many lines.
  std::optional<ptrdiff_t> moved_by(const Diagnostic& previous, const Diagnostic& current) const;
  // Appends `entry` (its text in the last write) to `out` with `version` and its line numbers moved by `lines`, and
  // makes it describe the copy. `version_same_width`: `version` has as many digits as the last write's.
  void copy_moved(Entry& entry, std::string& out, int64_t version, ptrdiff_t lines, bool version_same_width) const;
  // Appends `diagnostic` to `out` written afresh, with its positions from `positions`.
  static Entry write_fresh(const Diagnostic& diagnostic, std::string& out, PositionCursor& positions,
                           const std::string& uri, int64_t version, bool related_information,
                           const std::vector<RangeElsewhere>& elsewhere);

  std::vector<Edit> edits_;     // applied to the text since the last write, in order
  std::vector<Entry> entries_;  // the diagnostics of the last write, in order
  std::shared_ptr<std::string> text_ = std::make_shared<std::string>();  // the last write
  std::shared_ptr<std::string> spare_;  // the write before, kept for its memory unless a message still holds it
  int64_t version_ = 0;         // the version in the last write
  size_t reused_ = 0;
  // What the last write was for besides the diagnostics; a write for anything else cannot reuse it.
  PositionEncoding encoding_ = PositionEncoding::Utf16;
  bool related_information_ = false;
  std::string uri_;
};

}  // namespace xxgk::lsp
