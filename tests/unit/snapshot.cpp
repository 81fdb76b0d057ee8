#include "snapshot.h"

#include <algorithm>
#include <sstream>

#include "xxgk/positions.h"
#include "xxgk/rule.h"

namespace xxgk::testing_support {

namespace {

// The lines of `text` without their '\n' (a '\r' before it stays, so a fix that writes the wrong terminator shows);
// a final line without a terminator is a line too.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// A diff line as the snapshot shows it: a carriage return at its end as "␍", so the snapshot itself has only '\n'.
std::string visible(std::string_view line) {
  if (line.empty() || line.back() != '\r') return std::string(line);
  return std::string(line.substr(0, line.size() - 1)) + "\u240D";
}

std::string hunk_range(size_t first, size_t count) {
  // Unified diff numbers lines from 1; an empty side names the line before it.
  return std::to_string(count == 0 ? first : first + 1) + "," + std::to_string(count);
}

std::string position_of(const LineIndex& lines, size_t byte) {
  const Position p = lines.position(byte, PositionEncoding::Utf32);
  return std::to_string(p.line + 1) + ":" + std::to_string(p.column + 1);
}

// Indents every line of `block` by `indent` (the diff lines of a fix sit under the fix's heading).
void write_indented(std::ostringstream& out, std::string_view block, std::string_view indent) {
  for (std::string_view line : split_lines(block)) out << indent << line << "\n";
}

}  // namespace

std::string format_range(const LineIndex& lines, const ByteRange& range) {
  return position_of(lines, range.begin) + "-" + position_of(lines, range.end);
}

std::string unified_diff(std::string_view before, std::string_view after, size_t context) {
  const auto old_lines = split_lines(before);
  const auto new_lines = split_lines(after);
  size_t head = 0;
  while (head < old_lines.size() && head < new_lines.size() && old_lines[head] == new_lines[head]) ++head;
  size_t tail = 0;
  while (tail < old_lines.size() - head && tail < new_lines.size() - head &&
         old_lines[old_lines.size() - 1 - tail] == new_lines[new_lines.size() - 1 - tail])
    ++tail;
  if (head == old_lines.size() && head == new_lines.size())
    return before == after ? "" : "\\ the texts differ only in their final line terminator\n";
  const size_t from = head > context ? head - context : 0;
  const size_t old_end = std::min(old_lines.size(), old_lines.size() - tail + context);
  const size_t new_end = std::min(new_lines.size(), new_lines.size() - tail + context);
  std::ostringstream out;
  out << "@@ -" << hunk_range(from, old_end - from) << " +" << hunk_range(from, new_end - from) << " @@\n";
  for (size_t i = from; i < head; ++i) out << " " << visible(old_lines[i]) << "\n";
  for (size_t i = head; i < old_lines.size() - tail; ++i) out << "-" << visible(old_lines[i]) << "\n";
  for (size_t i = head; i < new_lines.size() - tail; ++i) out << "+" << visible(new_lines[i]) << "\n";
  for (size_t i = old_lines.size() - tail; i < old_end; ++i) out << " " << visible(old_lines[i]) << "\n";
  return out.str();
}

std::string render_snapshot(std::string_view text, const std::vector<Diagnostic>& diagnostics) {
  const LineIndex lines(text);
  std::ostringstream out;
  if (diagnostics.empty()) out << "no diagnostics\n";
  for (size_t i = 0; i < diagnostics.size(); ++i) {
    const Diagnostic& d = diagnostics[i];
    if (i > 0) out << "\n";
    out << d.rule->id << " " << severity_name(d.severity) << " " << format_range(lines, d.range) << "\n";
    out << "  message: " << d.message << "\n";
    for (const RelatedInformation& related : d.related)
      out << "  related " << format_range(lines, related.range) << ": " << related.message << "\n";
    for (const Fix& fix : d.fixes) {
      out << "  fix (" << (fix.safe ? "safe" : "unsafe") << "): " << fix.title << "\n";
      const std::string diff = unified_diff(text, apply_edits(text, fix.edits), 2);
      write_indented(out, diff.empty() ? "(no change)" : diff, "    ");
    }
  }
  return out.str();
}

std::optional<std::string> snapshot_mismatch(std::string_view on_disk, std::string_view rendered) {
  if (on_disk == rendered) return std::nullopt;
  return unified_diff(on_disk, rendered, 3);
}

MarkedText strip_range_markers(std::string_view text, std::string* error) {
  MarkedText result;
  result.text.reserve(text.size());
  std::optional<size_t> open;
  size_t i = 0;
  while (i < text.size()) {
    const std::string_view rest = text.substr(i);
    if (rest.substr(0, kRangeOpen.size()) == kRangeOpen) {
      if (open) {
        *error = "nested " + std::string(kRangeOpen) + " at byte " + std::to_string(i + 1);
        return result;
      }
      open = result.text.size();
      i += kRangeOpen.size();
    } else if (rest.substr(0, kRangeClose.size()) == kRangeClose) {
      if (!open) {
        *error = std::string(kRangeClose) + " without " + std::string(kRangeOpen) + " at byte " + std::to_string(i + 1);
        return result;
      }
      result.ranges.push_back({*open, result.text.size()});
      open.reset();
      i += kRangeClose.size();
    } else {
      result.text.push_back(text[i]);
      ++i;
    }
  }
  if (open)
    *error =
        "unclosed " + std::string(kRangeOpen) + " (at byte " + std::to_string(*open + 1) + " of the stripped text)";
  return result;
}

}  // namespace xxgk::testing_support
