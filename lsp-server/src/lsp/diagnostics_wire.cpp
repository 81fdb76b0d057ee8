#include "lsp/diagnostics_wire.h"

#include <algorithm>
#include <charconv>
#include <string_view>

#include "xxgk/rule_docs.h"
#include "xxgk/rule.h"

namespace xxgk::lsp {
namespace {

constexpr size_t kNoLine = std::string::npos;
// A client that never asks for diagnostics (pull) would make the list of edits grow without end; past this many,
// forgetting the last write costs less than mapping every offset through them.
constexpr size_t kMaxEdits = 64;

int lsp_severity(Severity severity) {
  switch (severity) {
    case Severity::Error: return 1;
    case Severity::Warning: return 2;
    case Severity::Info:
    case Severity::Off: return 3;
  }
  return 3;
}

// Whether two diagnostics are the same but for their offsets (whose ranges zip_ranges then pairs).
bool same_but_offsets(const Diagnostic& a, const Diagnostic& b) {
  if (a.rule != b.rule || a.severity != b.severity || a.message != b.message || a.fixes.size() != b.fixes.size() ||
      a.related.size() != b.related.size()) {
    return false;
  }
  for (size_t i = 0; i < a.fixes.size(); ++i) {
    const Fix& x = a.fixes[i];
    const Fix& y = b.fixes[i];
    if (x.title != y.title || x.safe != y.safe || x.edits.size() != y.edits.size()) return false;
    for (size_t k = 0; k < x.edits.size(); ++k) {
      if (x.edits[k].new_text != y.edits[k].new_text) return false;
    }
  }
  for (size_t i = 0; i < a.related.size(); ++i) {
    // Related information in another document is not moved by this document's edits: such a diagnostic (A306, a
    // few per document) is always written afresh.
    if (a.related[i].message != b.related[i].message || !a.related[i].document.empty() ||
        !b.related[i].document.empty()) {
      return false;
    }
  }
  return true;
}

// Calls `visit(a's range, b's range)` on each pair of corresponding ranges of two diagnostics of the same shape
// (same_but_offsets), while it returns true; whether it always did.
template <typename A, typename B, typename Visit>
bool zip_ranges(A& a, B& b, Visit&& visit) {
  if (!visit(a.range, b.range)) return false;
  for (size_t i = 0; i < a.fixes.size(); ++i) {
    for (size_t k = 0; k < a.fixes[i].edits.size(); ++k) {
      if (!visit(a.fixes[i].edits[k].range, b.fixes[i].edits[k].range)) return false;
    }
  }
  for (size_t i = 0; i < a.related.size(); ++i) {
    if (!visit(a.related[i].range, b.related[i].range)) return false;
  }
  return true;
}

// Appends `value` in decimal; returns how many characters that took.
size_t append_number(std::string& out, int64_t value) {
  char digits[24];
  const size_t length = static_cast<size_t>(std::to_chars(digits, digits + sizeof digits, value).ptr - digits);
  out.append(digits, length);
  return length;
}

size_t decimal_length(int64_t value) {
  char digits[24];
  return static_cast<size_t>(std::to_chars(digits, digits + sizeof digits, value).ptr - digits);
}

}  // namespace

void DiagnosticsOnWire::before_edit(const LineIndex& lines, ByteRange range, size_t new_length) {
  const auto line_count = static_cast<ptrdiff_t>(lines.line_count());
  if (!edits_.empty()) edits_.back().lines = line_count - static_cast<ptrdiff_t>(edits_.back().line_count);
  if (edits_.size() == kMaxEdits) {
    forget();
    return;
  }
  // Clamped as Document::replace clamps it.
  range.end = std::min(range.end, lines.text().size());
  range.begin = std::min(range.begin, range.end);
  // The lines the edit touches, from the start of the first to the start of the one after the last. An edit that
  // ends at a line's start touches that line too: removing the terminator before it joins it to the line above.
  const uint32_t last = lines.line_of(range.end);
  edits_.push_back({lines.line_start(lines.line_of(range.begin)),
                    last + 1 < lines.line_count() ? lines.line_start(last + 1) : kNoLine,
                    static_cast<ptrdiff_t>(new_length) - static_cast<ptrdiff_t>(range.size()), lines.line_count(), 0});
}

void DiagnosticsOnWire::forget() {
  edits_.clear();
  entries_.clear();
}

std::optional<DiagnosticsOnWire::Origin> DiagnosticsOnWire::origin(size_t offset) const {
  // Back through the edits, latest first. Before the touched lines nothing moved; after them the text moved by the
  // edit's length and its lines by the lines it added, but the lines themselves are as they were, so their columns
  // are too.
  Origin origin{offset, 0};
  for (auto edit = edits_.rbegin(); edit != edits_.rend(); ++edit) {
    if (origin.offset < edit->lines_begin) continue;
    if (edit->lines_end == kNoLine ||
        static_cast<ptrdiff_t>(origin.offset) < static_cast<ptrdiff_t>(edit->lines_end) + edit->bytes) {
      return std::nullopt;
    }
    origin.offset = static_cast<size_t>(static_cast<ptrdiff_t>(origin.offset) - edit->bytes);
    origin.lines += edit->lines;
  }
  return origin;
}

std::optional<ptrdiff_t> DiagnosticsOnWire::moved_by(const Diagnostic& previous, const Diagnostic& current) const {
  if (!same_but_offsets(previous, current)) return std::nullopt;
  std::optional<ptrdiff_t> lines;
  const auto moved = [&](size_t before, size_t now) {
    const std::optional<Origin> from = origin(now);
    if (!from || from->offset != before || (lines && *lines != from->lines)) return false;
    lines = from->lines;
    return true;
  };
  const bool all_moved = zip_ranges(previous, current, [&](ByteRange before, ByteRange now) {
    return moved(before.begin, now.begin) && moved(before.end, now.end);
  });
  return all_moved ? lines : std::nullopt;
}

void DiagnosticsOnWire::copy_moved(Entry& entry, std::string& out, int64_t version, ptrdiff_t lines,
                                   bool version_same_width) const {
  const size_t begin = out.size();
  const std::string& from = *text_;
  // Usually (a keystroke within a line) only the version changes, and it has as many digits as before: the text is
  // copied whole and the version overwritten where it stands (exactly its old digits), every other number and offset
  // staying as it was.
  if (lines == 0 && version_same_width) {
    out.append(from, entry.begin, entry.end - entry.begin);
    for (const Hole& hole : entry.holes) {
      if (!hole.version) continue;
      std::to_chars(out.data() + begin + hole.offset, out.data() + out.size(), version);
    }
    entry.begin = begin;
    entry.end = out.size();
    return;
  }
  size_t copied = entry.begin;  // in `from`
  for (Hole& hole : entry.holes) {
    const size_t at = entry.begin + hole.offset;
    out.append(from, copied, at - copied);
    copied = at + decimal_length(hole.version ? version_ : hole.line);
    if (!hole.version) hole.line = static_cast<uint32_t>(hole.line + lines);
    hole.offset = static_cast<uint32_t>(out.size() - begin);
    append_number(out, hole.version ? version : hole.line);
  }
  out.append(from, copied, entry.end - copied);
  entry.begin = begin;
  entry.end = out.size();
}

json text_edits_to_json(const std::vector<TextEdit>& edits, const Wire& wire) {
  json result = json::array();
  for (const TextEdit& edit : edits) result.push_back({{"range", wire.range(edit.range)}, {"newText", edit.new_text}});
  return result;
}

json diagnostic_to_json(const Diagnostic& diagnostic, const Wire& wire, const std::string& uri, int64_t version,
                        bool related_information) {
  json fixes = json::array();
  for (const Fix& fix : diagnostic.fixes) {
    fixes.push_back({{"title", fix.title}, {"safe", fix.safe}, {"edits", text_edits_to_json(fix.edits, wire)}});
  }
  json result = {{"range", wire.range(diagnostic.range)},
                 {"severity", lsp_severity(diagnostic.severity)},
                 {"source", "xxgk-lint"},
                 {"message", diagnostic.message},
                 {"data", {{"version", version}, {"fixes", std::move(fixes)}}}};
  if (diagnostic.rule) {
    result["code"] = std::string(diagnostic.rule->id);
    result["codeDescription"] = {{"href", rule_doc_url(*diagnostic.rule)}};
  }
  if (related_information && !diagnostic.related.empty()) {
    json related = json::array();
    for (const RelatedInformation& info : diagnostic.related) {
      related.push_back({{"location", {{"uri", uri}, {"range", wire.range(info.range)}}}, {"message", info.message}});
    }
    result["relatedInformation"] = std::move(related);
  }
  return result;
}

DiagnosticsOnWire::Entry DiagnosticsOnWire::write_fresh(const Diagnostic& diagnostic, std::string& out,
                                                        PositionCursor& positions, const std::string& uri,
                                                        int64_t version, bool related_information,
                                                        const std::vector<RangeElsewhere>& elsewhere) {
  Entry entry{diagnostic, out.size(), 0, {}};
  JsonWriter json(out);
  // Where a number that a later write may change is about to be written.
  const auto hole = [&](bool is_version, uint32_t line) {
    entry.holes.push_back({static_cast<uint32_t>(out.size() - entry.begin), is_version, line});
  };
  const auto position = [&](Position at) {
    json.begin_object().key("character").number(at.column).key("line");
    hole(false, at.line);
    json.number(at.line).end_object();
  };
  const auto range = [&](Position start, Position end) {
    json.begin_object().key("end");
    position(end);
    json.key("start");
    position(start);
    json.end_object();
  };
  const auto range_of = [&](ByteRange bytes) {
    const Position start = positions.position(bytes.begin);
    range(start, positions.position(bytes.end));
  };

  // Members in their sorted order (JsonWriter). The cursor meets the offsets in ascending order: the range's start
  // first, then the edits of its fixes (inside the range), then its end.
  const Position start = positions.position(diagnostic.range.begin);
  json.begin_object();
  if (diagnostic.rule) {
    json.key("code").string(diagnostic.rule->id);
    json.key("codeDescription").begin_object().key("href").string(rule_doc_url(*diagnostic.rule)).end_object();
  }
  json.key("data").begin_object().key("fixes").begin_array();
  for (const Fix& fix : diagnostic.fixes) {
    json.begin_object().key("edits").begin_array();
    for (const TextEdit& edit : fix.edits) {
      json.begin_object().key("newText").string(edit.new_text).key("range");
      range_of(edit.range);
      json.end_object();
    }
    json.end_array().key("safe").boolean(fix.safe).key("title").string(fix.title).end_object();
  }
  json.end_array().key("version");
  hole(true, 0);
  json.number(version).end_object();
  json.key("message").string(diagnostic.message).key("range");
  range(start, positions.position(diagnostic.range.end));
  if (related_information && !diagnostic.related.empty()) {
    json.key("relatedInformation").begin_array();
    for (const RelatedInformation& info : diagnostic.related) {
      const RangeElsewhere* there = nullptr;
      if (!info.document.empty()) {
        const auto found = std::find_if(elsewhere.begin(), elsewhere.end(), [&](const RangeElsewhere& range) {
          return range.document == info.document && range.bytes == info.range;
        });
        if (found == elsewhere.end()) continue;
        there = &*found;
      }
      json.begin_object().key("location").begin_object().key("range");
      if (there) {
        range(there->wire.start, there->wire.end);
      } else {
        range_of(info.range);
      }
      json.key("uri")
          .string(there ? there->document : uri)
          .end_object()
          .key("message")
          .string(info.message)
          .end_object();
    }
    json.end_array();
  }
  json.key("severity").number(lsp_severity(diagnostic.severity)).key("source").string("xxgk-lint").end_object();
  entry.end = out.size();
  return entry;
}

std::shared_ptr<const std::string> DiagnosticsOnWire::write(const std::vector<Diagnostic>& diagnostics,
                                                            const Wire& wire, const std::string& uri, int64_t version,
                                                            bool related_information,
                                                            const std::vector<RangeElsewhere>& elsewhere) {
  if (!edits_.empty()) {
    edits_.back().lines =
        static_cast<ptrdiff_t>(wire.lines.line_count()) - static_cast<ptrdiff_t>(edits_.back().line_count);
  }
  if (wire.encoding != encoding_ || related_information != related_information_ || uri != uri_) {
    entries_.clear();
    encoding_ = wire.encoding;
    related_information_ = related_information;
    uri_ = uri;
  }
  std::vector<Entry> previous = std::move(entries_);
  entries_.clear();
  entries_.reserve(diagnostics.size());
  if (!spare_ || spare_.use_count() > 1) spare_ = std::make_shared<std::string>();
  std::string& out = *spare_;
  out.clear();
  // Room to grow a little: this write is usually the same size as the last or a few bytes longer (a version number
  // that gains a digit is written in every diagnostic), and outgrowing the buffer would copy megabytes into new
  // memory. The buffer grows only when it lacks that room, and then with room to spare.
  const size_t expected = text_->size();
  if (out.capacity() < expected + expected / 64) out.reserve(expected + expected / 8);
  PositionCursor positions(wire.lines, wire.encoding);
  // Both lists are in document order, and moving by edits keeps that order: a diagnostic can only be one of the
  // previous ones after the last one reused.
  size_t next = 0;
  reused_ = 0;
  const bool version_same_width = decimal_length(version) == decimal_length(version_);
  out += '[';
  for (const Diagnostic& diagnostic : diagnostics) {
    if (!entries_.empty()) out += ',';
    std::optional<ptrdiff_t> lines;
    if (const std::optional<Origin> from = origin(diagnostic.range.begin)) {
      while (next < previous.size() && previous[next].diagnostic.range.begin < from->offset) ++next;
      for (size_t k = next; !lines && k < previous.size() && previous[k].diagnostic.range.begin == from->offset; ++k) {
        if ((lines = moved_by(previous[k].diagnostic, diagnostic))) next = k;
      }
    }
    if (lines) {
      Entry& entry = entries_.emplace_back(std::move(previous[next++]));
      zip_ranges(entry.diagnostic, diagnostic, [](ByteRange& before, ByteRange now) {
        before = now;
        return true;
      });
      copy_moved(entry, out, version, *lines, version_same_width);
      ++reused_;
    } else {
      entries_.push_back(write_fresh(diagnostic, out, positions, uri, version, related_information, elsewhere));
    }
  }
  out += ']';
  std::swap(text_, spare_);
  edits_.clear();
  version_ = version;
  return text_;
}

}  // namespace xxgk::lsp
