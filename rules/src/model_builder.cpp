#include "model_builder.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <unordered_map>

#include "cell_value.h"
#include "syntax.h"
#include "table_recognition.h"
#include "xxgk/normalize.h"
#include "xxgk/prose.h"
#include "xxgk/text.h"

namespace xxgk {
namespace {

constexpr std::string_view kEnumerationMark = "、";

bool is_line_break(char c) { return c == '\n' || c == '\r'; }

// Calls `visit` on each child of `node` (each named child when `named_only`) in order. A cursor walks the children in
// constant time each, where ts_node_child(node, i) / ts_node_named_child(node, i) start again from the first child on
// every call: quadratic in the hundreds of blocks of a report and the cells of a row.
template <typename Visit>
void for_each_child(TSNode node, bool named_only, Visit visit) {
  TSTreeCursor cursor = ts_tree_cursor_new(node);
  for (bool more = ts_tree_cursor_goto_first_child(&cursor); more; more = ts_tree_cursor_goto_next_sibling(&cursor)) {
    const TSNode child = ts_tree_cursor_current_node(&cursor);
    if (!named_only || ts_node_is_named(child)) visit(child);
  }
  ts_tree_cursor_delete(&cursor);
}

// A node's text without its line terminator(s).
ByteRange line_range(std::string_view text, TSNode node) {
  const size_t begin = ts_node_start_byte(node);
  size_t end = ts_node_end_byte(node);
  while (end > begin && is_line_break(text[end - 1])) --end;
  return {begin, end};
}

// A node's text without its line terminator(s) and outer white space.
ByteRange content_range(std::string_view text, TSNode node) {
  auto [begin, end] = line_range(text, node);
  const std::string_view trimmed = trim(text.substr(begin, end - begin));
  if (trimmed.empty()) return {begin, begin};
  begin = static_cast<size_t>(trimmed.data() - text.data());
  return {begin, begin + trimmed.size()};
}

// Skips a Markdown ATX marker ("## ") at the start of `range`; returns the rest and whether there was one.
ByteRange skip_atx_marker(std::string_view text, ByteRange range, bool& markdown) {
  size_t i = range.begin;
  while (i < range.end && text[i] == '#') ++i;
  markdown = i > range.begin;
  if (!markdown) return range;
  const std::string_view rest = trim(text.substr(i, range.end - i));
  const size_t begin = rest.empty() ? range.end : static_cast<size_t>(rest.data() - text.data());
  return {begin, range.end};
}

bool is_numeral_char(std::string_view ch) {
  static constexpr std::array<std::string_view, 11> kNumerals = {"一", "二", "三", "四", "五", "六",
                                                                 "七", "八", "九", "十", "〇"};
  return std::find(kNumerals.begin(), kNumerals.end(), ch) != kNumerals.end();
}

// Length in bytes of the run of Chinese numeral characters at text[i].
size_t numeral_run(std::string_view text, size_t i, size_t end) {
  size_t j = i;
  while (j + 3 <= end && is_numeral_char(text.substr(j, 3))) j += 3;
  return j - i;
}

std::optional<int> first_year(std::string_view normalized) {
  for (size_t i = 0; i + 4 <= normalized.size(); ++i) {
    if (normalized[i] != '2' || normalized[i + 1] != '0') continue;
    if (i > 0 && std::isdigit(static_cast<unsigned char>(normalized[i - 1]))) continue;
    if (!std::isdigit(static_cast<unsigned char>(normalized[i + 2])) ||
        !std::isdigit(static_cast<unsigned char>(normalized[i + 3])))
      continue;
    if (i + 4 < normalized.size() && std::isdigit(static_cast<unsigned char>(normalized[i + 4]))) continue;
    return std::stoi(std::string(normalized.substr(i, 4)));
  }
  return std::nullopt;
}

struct NormalizedSection {
  int number = 0;
  NormalizedWording title;
  std::vector<std::string> variants;
};

// The six canonical headings in normalised form, computed once per format definition.
const std::vector<NormalizedSection>& normalized_sections(const FormatDefinition& format) {
  thread_local std::unordered_map<const FormatDefinition*, std::vector<NormalizedSection>> cache;
  auto it = cache.find(&format);
  if (it != cache.end()) return it->second;
  std::vector<NormalizedSection> sections;
  for (const SectionSpec& spec : format.sections) {
    NormalizedSection n{spec.number, NormalizedWording(normalize_label(spec.title)), {}};
    for (const std::string& v : spec.variants) n.variants.push_back(normalize_label(v));
    sections.push_back(std::move(n));
  }
  return cache.emplace(&format, std::move(sections)).first->second;
}

void match_section(Heading& heading, const FormatDefinition& format) {
  Match best = Match::None;
  const size_t code_points = code_point_count(heading.normalized);
  for (const NormalizedSection& spec : normalized_sections(format)) {
    Match m = Match::None;
    if (best == Match::None || best == Match::Fuzzy) {
      m = match_wording(heading.normalized, code_points, spec.title, spec.variants);
      // A long heading that contains the canonical title ("…存在的主要问题及改进情况") is a wording variant too.
      if (m == Match::None && heading.normalized.size() >= 9 &&
          heading.normalized.find(spec.title.text) != std::string::npos)
        m = Match::Fuzzy;
    } else if (heading.normalized == spec.title.text) {
      // After an exact or variant match a fuzzy one cannot win: only the closer matches are tested.
      m = Match::Exact;
    } else if (std::find(spec.variants.begin(), spec.variants.end(), heading.normalized) != spec.variants.end()) {
      m = Match::Variant;
    }
    const bool better = m != Match::None && (best == Match::None || static_cast<int>(m) < static_cast<int>(best) ||
                                             (m == best && spec.number == heading.numeral_value));
    if (better) {
      best = m;
      heading.section = spec.number;
    }
  }
  heading.match = best;
}

Heading build_heading(std::string_view text, TSNode node, const FormatDefinition& format) {
  Heading h;
  h.range = content_range(text, node);
  const ByteRange body = skip_atx_marker(text, h.range, h.markdown);
  const size_t numeral_length = numeral_run(text, body.begin, body.end);
  h.numeral = {body.begin, body.begin + numeral_length};
  h.numeral_value = chinese_numeral_value(text.substr(h.numeral.begin, numeral_length));
  size_t after = h.numeral.end;
  if (text.substr(after, kEnumerationMark.size()) == kEnumerationMark) after += kEnumerationMark.size();
  const std::string_view rest = trim(text.substr(after, body.end - after));
  const size_t rest_begin = rest.empty() ? body.end : static_cast<size_t>(rest.data() - text.data());
  h.text = {rest_begin, rest_begin + rest.size()};
  h.normalized = normalize_label(rest);
  match_section(h, format);
  return h;
}

SubItem build_subheading(std::string_view text, ByteRange line) {
  SubItem item;
  item.range = line;
  bool markdown = false;
  const ByteRange body = skip_atx_marker(text, item.range, markdown);
  size_t i = body.begin;
  size_t close_length = 1;
  if (text.substr(i, 3) == "（") {
    i += 3;
  } else if (i < body.end && text[i] == '(') {
    item.half_width = true;
    ++i;
  }
  while (i < body.end && text[i] == ' ') ++i;
  const size_t numeral_begin = i;
  const size_t numeral_length = numeral_run(text, i, body.end);
  item.number_value = chinese_numeral_value(text.substr(numeral_begin, numeral_length));
  i += numeral_length;
  while (i < body.end && text[i] == ' ') ++i;
  if (text.substr(i, 3) == "）") close_length = 3;
  const size_t number_end = std::min(body.end, i + close_length);
  item.number = {body.begin, number_end};
  const std::string_view rest = trim(text.substr(number_end, body.end - number_end));
  const size_t rest_begin = rest.empty() ? body.end : static_cast<size_t>(rest.data() - text.data());
  item.label = {rest_begin, rest_begin + rest.size()};
  return item;
}

// A sub-item number with a stray space inside its brackets ("( 二)依申请公开", "（ 三 ）"), at the start of a line the
// grammar read as prose: the sub-item it opens.
std::optional<SubItem> spaced_subitem(std::string_view text, ByteRange line) {
  size_t i = line.begin;
  if (text.substr(i, 3) == "（")
    i += 3;
  else if (i < line.end && text[i] == '(')
    ++i;
  else
    return std::nullopt;
  bool spaced = false;
  const auto skip_spaces = [&] {
    for (; i < line.end && text[i] == ' '; ++i) spaced = true;
  };
  skip_spaces();
  const size_t numeral_length = numeral_run(text, i, line.end);
  if (numeral_length == 0) return std::nullopt;
  i += numeral_length;
  skip_spaces();
  const bool closed = text.substr(i, 3) == "）" || (i < line.end && text[i] == ')');
  if (!closed || !spaced) return std::nullopt;
  return build_subheading(text, line);
}

// "一是…二是…" enumerations inside prose: a numeral followed by 是, at the start of the line or after punctuation,
// a space or Markdown emphasis.
void find_inline_markers(std::string_view text, ByteRange line, std::vector<SubItem>& out) {
  constexpr std::string_view kIs = "是";  // E6 98 AF
  constexpr std::string_view kBoundaries[] = {"。", "；", "，", "：", "、", "）", "\n", "*", " ",
                                              ";",  ":",  ",",  ")",  "！", "？", "\u3000"};
  // Look for the last byte of 是, rarer than its lead byte 0xE6 (which opens a sixth of all CJK characters). A lead
  // byte is never part of another character, so a 是 found this way is a character of its own, and so is a numeral
  // in the three bytes before it.
  const std::string_view searched = text.substr(0, line.end);
  for (size_t last = searched.find(kIs.back(), line.begin + 2); last != std::string_view::npos;
       last = searched.find(kIs.back(), last + 1)) {
    const size_t at = last + 1 - kIs.size();
    if (text.compare(at, kIs.size(), kIs) != 0 || at < line.begin + 3) continue;
    size_t numeral_begin = at - 3;
    if (!is_numeral_char(text.substr(numeral_begin, 3))) continue;
    if (numeral_begin >= line.begin + 3 && text.substr(numeral_begin - 3, 3) == "十") numeral_begin -= 3;
    bool boundary = numeral_begin == line.begin;
    if (!boundary) {
      size_t prev = numeral_begin - 1;
      while (prev > line.begin && (static_cast<unsigned char>(text[prev]) & 0xC0) == 0x80) --prev;
      boundary = std::find(std::begin(kBoundaries), std::end(kBoundaries), text.substr(prev, numeral_begin - prev)) !=
                 std::end(kBoundaries);
    }
    if (!boundary) continue;
    SubItem item;
    item.inline_marker = true;
    item.range = item.number = {numeral_begin, at + kIs.size()};
    item.number_value = chinese_numeral_value(text.substr(numeral_begin, at - numeral_begin));
    item.label = {item.range.end, item.range.end};
    if (item.number_value > 0) out.push_back(item);
  }
}

// The bytes of `block` that equal `byte`, as a mask of their high bits (exact: a carry from one byte never reaches
// the next, as it may in the shorter zero-byte test).
uint64_t matching_bytes(uint64_t block, unsigned char byte) {
  constexpr uint64_t kOnes = 0x0101010101010101, kLowBits = 0x7F7F7F7F7F7F7F7F;
  const uint64_t x = block ^ (kOnes * byte);
  return ~(((x & kLowBits) + kLowBits) | x | kLowBits);
}

// The cell between separators at `raw`: its content trimmed, read as a number or a label.
[[gnu::always_inline]] inline void fill_cell(std::string_view text, ByteRange raw, Cell& cell) {
  cell.raw = raw;
  const std::string_view content = trim(text.substr(raw.begin, raw.size()));
  if (content.empty()) {
    const size_t at = raw.begin + std::min<size_t>(raw.size(), 1);
    cell.range = {at, at};
  } else {
    const size_t begin = static_cast<size_t>(content.data() - text.data());
    cell.range = {begin, begin + content.size()};
  }
  cell.value = parse_cell_value(content, cell.range.begin);
  if (cell.value.kind == ValueKind::Text) cell.normalized = normalize_label(content);
}

Row build_row(std::string_view text, TSNode node) {
  Row row;
  row.range = line_range(text, node);  // leading tabs are empty cells: part of the row
  // Cells are what lies between separators, tabs and unescaped pipes (a row is one token of the grammar).
  // The boundaries go to a buffer kept per thread: a report has hundreds of rows, each would grow its own vector.
  thread_local std::vector<ByteRange> raw_cells;
  raw_cells.clear();
  size_t cell_start = row.range.begin;
  bool pipes = false, tabs = false, escaped = false;
  const auto separate = [&](size_t i) {
    (text[i] == '|' ? pipes : tabs) = true;
    raw_cells.push_back({cell_start, i});
    cell_start = i + 1;
  };
  const auto visit = [&](size_t i) {
    const char c = text[i];
    if (c == '\t' || (c == '|' && !escaped)) separate(i);
    escaped = c == '\\' && !escaped;
  };
  // Eight bytes at a time: in a block without a backslash (most of them), the separators are its tabs and pipes but
  // for a pipe first in the block that a backslash before it escapes, and no escape outlasts the block.
  size_t i = row.range.begin;
  for (; i + sizeof(uint64_t) <= row.range.end; i += sizeof(uint64_t)) {
    uint64_t block = 0;
    std::memcpy(&block, text.data() + i, sizeof block);
    if constexpr (std::endian::native == std::endian::big) block = __builtin_bswap64(block);
    if (matching_bytes(block, '\\') != 0) {
      for (size_t k = i; k < i + sizeof block; ++k) visit(k);
      continue;
    }
    uint64_t separators = matching_bytes(block, '\t') | matching_bytes(block, '|');
    if (escaped && text[i] == '|') separators &= ~uint64_t{0x80};
    for (; separators != 0; separators &= separators - 1)
      separate(i + static_cast<size_t>(std::countr_zero(separators)) / 8);
    escaped = false;
  }
  for (; i < row.range.end; ++i) visit(i);
  raw_cells.push_back({cell_start, row.range.end});
  row.separator = pipes && !tabs ? '|' : '\t';
  // Outer pipes of Markdown rows ("| a | b |") delimit no cell.
  if (pipes) {
    const std::string_view line = trim(text.substr(row.range.begin, row.range.size()));
    if (!line.empty() && line.front() == '|' && trim(text.substr(raw_cells.front().begin, raw_cells.front().size())).empty())
      raw_cells.erase(raw_cells.begin());
    if (!line.empty() && line.back() == '|' && !raw_cells.empty() &&
        trim(text.substr(raw_cells.back().begin, raw_cells.back().size())).empty()) {
      raw_cells.pop_back();
      row.outer_pipes = !line.empty() && line.front() == '|';
    }
  }
  row.cells.reserve(raw_cells.size());
  for (const ByteRange raw : raw_cells) fill_cell(text, raw, row.cells.emplace_back());
  return row;
}

Table build_table(std::string_view text, TSNode node, const GrammarSymbols& symbols) {
  Table table;
  for_each_child(node, true, [&](TSNode child) {
    const TSSymbol kind = ts_node_symbol(child);
    if (kind == symbols.row) {
      table.rows.push_back(build_row(text, child));
    } else if (kind == symbols.delimiter_row) {
      Row row;
      row.range = line_range(text, child);
      row.kind = RowKind::Delimiter;
      row.separator = '|';
      table.rows.push_back(std::move(row));
      table.markdown = true;
    }
  });
  if (!table.rows.empty()) table.range = {table.rows.front().range.begin, table.rows.back().range.end};
  return table;
}

// The longest line read as one cell of a table written one cell per line: row 三（六）2's label is 37 characters.
constexpr size_t kMaxCellLineBytes = 200;

// Appends the runs of `range` between spaces (ASCII or ideographic): the cells of a table row whose cells a web page
// separated by spaces only.
void split_at_spaces(std::string_view text, ByteRange range, std::vector<ByteRange>& out) {
  constexpr std::string_view kIdeographicSpace = "\u3000";
  const auto space_at = [&](size_t i) -> size_t {
    if (text[i] == ' ') return 1;
    return text.substr(i, kIdeographicSpace.size()) == kIdeographicSpace ? kIdeographicSpace.size() : 0;
  };
  size_t i = range.begin;
  while (i < range.end) {
    while (i < range.end && space_at(i) > 0) i += space_at(i);
    size_t j = i;
    while (j < range.end && space_at(j) == 0) ++j;
    if (j > i) out.push_back({i, j});
    i = j;
  }
}

// Whether one line of a row holds at most one cell that is not empty: what lies between its tabs and pipes.
bool holds_one_cell(std::string_view row) {
  int filled = 0;
  size_t start = 0;
  for (size_t i = 0; i <= row.size(); ++i) {
    if (i < row.size() && row[i] != '\t' && row[i] != '|') continue;
    if (!trim(row.substr(start, i - start)).empty() && ++filled > 1) return false;
    start = i + 1;
  }
  return true;
}

// A block of the document, or one line of a paragraph: a table written one cell per line may begin or end inside a
// paragraph (a sentence of prose, then the table's lines without a blank line between).
struct Block {
  TSNode node;
  TSSymbol kind;          // the node's
  ByteRange line;         // the line's content, for a paragraph's line
  bool paragraph_line = false;
};

// Appends the cells (their trimmed text, split at spaces) of `block` when it is a block of a table written one cell
// per line (a web page's or Word's table copied as text): a short line of a paragraph without a full stop, a table
// whose rows hold one cell each ("规章 |", with bare "|||" lines between), or, once such a run is open, a heading or
// sub-heading that is a row or group label of a table ("一、本年新收政府信息公开申请数量", "（三）不予公开") or a
// fragment of one ("三、本" of 三、本年度办理结果 broken over lines). False, with `cells` unchanged, for any other
// block. Only ranges are collected: most runs turn out to be no table, and reading cells normalises their text.
bool collect_line_cells(std::string_view text, std::string_view search, const Block& block,
                        const GrammarSymbols& symbols, const FormatDefinition& format, bool run_open,
                        std::vector<ByteRange>& cells) {
  constexpr size_t kFragmentCodePoints = 3;  // a heading's text this short may be a piece of a label
  const size_t kept = cells.size();
  const TSNode node = block.node;
  const TSSymbol kind = block.kind;
  bool cell_block = true;
  if (block.paragraph_line) {
    const std::string_view line = text.substr(block.line.begin, block.line.size());
    cell_block = line.size() <= kMaxCellLineBytes && line.find("。") == std::string_view::npos;
    if (cell_block) split_at_spaces(text, block.line, cells);
  } else if (kind == symbols.table) {
    TSTreeCursor cursor = ts_tree_cursor_new(node);
    for (bool more = ts_tree_cursor_goto_first_child(&cursor); more && cell_block;
         more = ts_tree_cursor_goto_next_sibling(&cursor)) {
      const TSNode child = ts_tree_cursor_current_node(&cursor);
      if (!ts_node_is_named(child) || ts_node_symbol(child) == symbols.blank) continue;
      const ByteRange line = line_range(text, child);
      cell_block = ts_node_symbol(child) == symbols.row && holds_one_cell(text.substr(line.begin, line.size()));
      if (!cell_block) break;
      // The one filled cell: the line without its separators and the spaces around them.
      size_t begin = line.begin, end = line.end;
      while (begin < end && (text[begin] == '|' || text[begin] == '\t' || text[begin] == ' ')) ++begin;
      while (end > begin && (text[end - 1] == '|' || text[end - 1] == '\t' || text[end - 1] == ' ')) --end;
      if (end > begin) cells.push_back({begin, end});
    }
    ts_tree_cursor_delete(&cursor);
  } else if (run_open && (kind == symbols.heading || kind == symbols.subheading)) {
    // A row whose label opens with a numeral reads as a heading: "一、本年新收政府信息公开申请数量  40  5 …".
    bool fragment = false;
    if (kind == symbols.heading) {
      const Heading heading = build_heading(search, node, format);
      cell_block = heading.section == 0;
      fragment = cell_block &&
                 code_point_count(text.substr(heading.text.begin, heading.text.size())) <= kFragmentCodePoints &&
                 begins_label(normalize_label(text.substr(heading.range.begin, heading.range.size())), format);
    }
    if (cell_block) split_at_spaces(text, content_range(text, node), cells);
    cell_block = cell_block && (fragment || std::any_of(cells.begin() + static_cast<std::ptrdiff_t>(kept), cells.end(),
                                                        [&](ByteRange c) {
                                                          return schema_named_by(normalize_label(text.substr(
                                                                                     c.begin, c.size())),
                                                                                 format) != nullptr;
                                                        }));
  } else {
    cell_block = false;
  }
  if (!cell_block) cells.resize(kept);
  return cell_block;
}

// Whether the cells collected from blocks of one cell per line are a table: there are numbers, and some cell is a
// label of a table (a short list, a signature block or a date line is not). The numbers are counted first: they
// settle almost every run without normalising a label.
bool is_table_of_cells(std::string_view text, const std::vector<ByteRange>& cells, const FormatDefinition& format) {
  constexpr long kFewestValues = 3;
  const long values = std::count_if(cells.begin(), cells.end(), [&](ByteRange c) {
    return parse_cell_value(text.substr(c.begin, c.size()), c.begin).is_number();
  });
  return values >= kFewestValues && std::any_of(cells.begin(), cells.end(), [&](ByteRange c) {
           return schema_named_by(normalize_label(text.substr(c.begin, c.size())), format) != nullptr;
         });
}

Paragraph build_paragraph(std::string_view text, TSNode node, const GrammarSymbols& symbols) {
  Paragraph paragraph;
  for_each_child(node, true, [&](TSNode child) {
    if (ts_node_symbol(child) == symbols.line) paragraph.lines.push_back(content_range(text, child));
  });
  if (paragraph.lines.empty()) paragraph.lines.push_back(content_range(text, node));
  paragraph.range = {paragraph.lines.front().begin, paragraph.lines.back().end};
  return paragraph;
}

// Common Traditional-only characters, as a bit per code point of the Basic Multilingual Plane (8 KB), so that the
// scan of a whole text costs a bit test per three-byte character.
class TraditionalOnly {
 public:
  constexpr TraditionalOnly() {
    constexpr std::u32string_view kCharacters =
        U"開與資報關發國處為這個們來時說對後經實當機門問還體點從過條計總題應專務辦請網訊況動區會項數據決審結訴訟議複費"
        U"規則設電級構導單錄類義場屬衛護歸預價";
    for (char32_t c : kCharacters) bits_[c / 64] |= uint64_t{1} << (c % 64);
  }
  // The bits of the 64 characters that share the lead byte and first continuation byte at `p`: zero for almost all
  // of them, which settles a character without looking at its last byte.
  uint64_t block(const char* p) const {
    return bits_[((static_cast<unsigned char>(p[0]) & 0x0Fu) << 6) | (static_cast<unsigned char>(p[1]) & 0x3Fu)];
  }
  // Whether the three bytes at `p`, a lead byte and two continuation bytes, are one of the characters.
  bool at(const char* p) const { return (block(p) >> (static_cast<unsigned char>(p[2]) & 0x3F)) & 1; }

 private:
  std::array<uint64_t, 0x10000 / 64> bits_{};
};

}  // namespace

// A quick scan for common Traditional-only characters, so that the costly transliteration runs only on reports that
// need it. A character is three bytes, a lead byte 0xE0..0xEF and two continuation bytes; other bytes, including
// those of a broken sequence, are stepped over one at a time. So the characters found do not depend on where the
// scan starts, as long as that is not inside a character: a scan of the lines an edit touched finds what a scan of
// the whole text finds there.
size_t find_traditional(std::string_view text, size_t begin, size_t end) {
  static constexpr TraditionalOnly kTraditionalOnly;
  // Whether the two bytes after `p` are continuation bytes, tested together.
  auto continued = [](const char* p) {
    uint16_t next = 0;
    std::memcpy(&next, p + 1, sizeof next);
    return (next & 0xC0C0u) == 0x8080u;
  };
  end = std::min(end, text.size());
  if (end < 3 || begin > end - 3) return std::string_view::npos;
  const char* const last = text.data() + end - 3;  // the last place a character of three bytes starts
  for (const char* p = text.data() + begin; p <= last;) {
    const unsigned char lead = static_cast<unsigned char>(*p);
    if (lead < 0xE0 || lead >= 0xF0 || !continued(p)) {
      ++p;
      continue;
    }
    if (kTraditionalOnly.block(p) != 0 && kTraditionalOnly.at(p)) return static_cast<size_t>(p - text.data());
    p += 3;
  }
  return std::string_view::npos;
}

namespace {

// The year of a statistics period's start ("2022年1月1日", read by prose::parse_date) in `text`: the reporting year
// of a report without a year in its title. A date is tried where a year of four digits (spaces allowed before 年)
// ends at a 年.
std::optional<int> period_start_year(std::string_view text) {
  for (size_t at = text::find_word(text, "年"); at != std::string_view::npos;
       at = text::find_word(text, "年", at + 1)) {
    size_t digits_end = at;
    while (digits_end > 0 && text[digits_end - 1] == ' ') --digits_end;
    if (digits_end < 4) continue;
    const auto date = prose::parse_date(text, digits_end - 4);
    if (date && date->month == 1 && date->day == 1) return date->year;
  }
  return std::nullopt;
}

// ---- Texts that lost their line breaks -----------------------------------------------------------------------------
// A body copied from a web page may stand on one line: "…联系。 一、总体情况 2022年，… 二、主动公开政府信息情况第二十条
// 第（一）项 信息内容 … 规章000…". Its headings are found inside the lines, where a section's numeral and "、" are
// followed by that section's title (or a variant, or a typo of it); the text between them becomes paragraphs, and a
// table flattened into such a line becomes a table (unreadable when its cells cannot be told apart).

// Lines shorter than this are not searched for inline headings: a line holding several sections is long.
constexpr size_t kLongLineBytes = 600;

// The byte offset `count` code points after `begin`, or npos when the text ends first.
size_t advance_code_points(std::string_view text, size_t begin, size_t end, size_t count) {
  size_t i = begin;
  for (; count > 0; --count) {
    if (i >= end) return std::string_view::npos;
    ++i;
    while (i < end && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

// Whether punctuation after a section title makes it an item of a list ("一、总体情况；二、…") rather than a heading.
bool continues_list(std::string_view rest) {
  constexpr std::string_view kListPunctuation[] = {"；", "，", "、", "：", ";", ",", ":"};
  return std::any_of(std::begin(kListPunctuation), std::end(kListPunctuation),
                     [&](std::string_view p) { return rest.substr(0, p.size()) == p; });
}

// The end of the text after a section's numeral and "、" at `after` that is the section's title: the longest prefix
// equal to the title or a variant, else the prefix within a typo's distance of the title that is closest to it; npos
// when none is.
size_t inline_title_end(std::string_view text, size_t after, size_t end, const NormalizedSection& section) {
  // A heading starts with its title's first character (or a variant's): what does not is settled without
  // normalising anything, however many numerals and 、 a line holds.
  const auto opens = [&](std::string_view wording) {
    const size_t first = advance_code_points(wording, 0, wording.size(), 1);
    return first != std::string_view::npos && text.substr(after, first) == wording.substr(0, first);
  };
  if (!opens(section.title.text) && std::none_of(section.variants.begin(), section.variants.end(), opens))
    return std::string_view::npos;
  const size_t title_code_points = section.title.code_points;
  const size_t allowed = title_code_points >= 3 ? std::max<size_t>(1, title_code_points / 6) : 0;
  size_t best_end = std::string_view::npos, best_distance = allowed + 1;
  const auto consider = [&](size_t code_points) {
    const size_t prefix_end = advance_code_points(text, after, end, code_points);
    // A prefix ending in a space normalises like the one without it, which is the heading's end.
    if (prefix_end == std::string_view::npos || trim(text.substr(after, prefix_end - after)).size() != prefix_end - after)
      return;
    const std::string prefix = normalize_label(text.substr(after, prefix_end - after));
    size_t distance = 0;
    if (prefix != section.title.text &&
        std::find(section.variants.begin(), section.variants.end(), prefix) == section.variants.end())
      distance = allowed == 0 ? allowed + 1 : edit_distance(prefix, section.title.text, allowed);
    if (distance < best_distance || (distance == best_distance && best_end != std::string_view::npos &&
                                     prefix_end > best_end)) {
      best_distance = distance;
      best_end = prefix_end;
    }
  };
  for (size_t k = title_code_points - std::min(allowed, title_code_points); k <= title_code_points + allowed; ++k)
    consider(k);
  for (const std::string& variant : section.variants) consider(code_point_count(variant));
  return best_distance <= allowed ? best_end : std::string_view::npos;
}

// The section headings written inside `line` (text searched in `search`).
std::vector<Heading> inline_headings(std::string_view search, ByteRange line, const FormatDefinition& format) {
  std::vector<Heading> found;
  const std::vector<NormalizedSection>& sections = normalized_sections(format);
  for (size_t mark = search.find(kEnumerationMark, line.begin); mark < line.end;
       mark = search.find(kEnumerationMark, mark + kEnumerationMark.size())) {
    size_t numeral_begin = mark;
    while (numeral_begin >= line.begin + 3 && mark - numeral_begin < 6 &&
           is_numeral_char(search.substr(numeral_begin - 3, 3)))
      numeral_begin -= 3;
    if (numeral_begin == mark) continue;
    const int value = chinese_numeral_value(search.substr(numeral_begin, mark - numeral_begin));
    const auto section = std::find_if(sections.begin(), sections.end(),
                                      [&](const NormalizedSection& s) { return s.number == value; });
    if (section == sections.end()) continue;
    const size_t after = mark + kEnumerationMark.size();
    const size_t title_end = inline_title_end(search, after, line.end, *section);
    if (title_end == std::string_view::npos || continues_list(search.substr(title_end, line.end - title_end))) continue;
    Heading h;
    h.range = {numeral_begin, title_end};
    h.numeral = {numeral_begin, mark};
    h.numeral_value = value;
    h.text = {after, title_end};
    h.normalized = normalize_label(search.substr(after, title_end - after));
    h.found_inline = true;
    match_section(h, format);
    if (h.section == value) found.push_back(std::move(h));
  }
  return found;
}

// Whether `text` (a paragraph) holds most of `spec`'s fingerprints and some of its header words: a table flattened
// into one run of text.
bool holds_flattened_table(std::string_view text, const TableSpec& spec) {
  constexpr size_t kFewestFingerprints = 3;
  constexpr size_t kFewestHeaderWords = 2;  // prose may name rows of the table, not its column headers
  const std::string normalized = normalize_label(text);
  const auto holds = [&](const std::string& word) { return normalized.find(normalize_label(word)) != std::string::npos; };
  const auto fingerprints = std::count_if(spec.fingerprints.begin(), spec.fingerprints.end(), holds);
  const auto header_words = std::count_if(spec.header_words.begin(), spec.header_words.end(), holds);
  return static_cast<size_t>(fingerprints) >= std::min(kFewestFingerprints, spec.fingerprints.size()) &&
         static_cast<size_t>(header_words) >= kFewestHeaderWords;
}

// A table flattened into `range`: its cells are what spaces separate. Read only when every canonical row comes out
// whole (table 四's fifteen figures written apart); else unreadable, for a run of digits ("713000074") has many
// readings.
Table flattened_table(std::string_view text, ByteRange range, const TableSpec& spec, const FormatDefinition& format,
                      int section) {
  std::vector<ByteRange> ranges;
  split_at_spaces(text, range, ranges);
  std::vector<Cell> cells(ranges.size());
  for (size_t c = 0; c < cells.size(); ++c) fill_cell(text, ranges[c], cells[c]);
  Table table = table_from_cells(std::move(cells), format, section, text);
  table.range = range;
  if (table.spec != &spec) {
    table.spec = &spec;
    mark_unreadable(table);
    return table;
  }
  std::vector<bool> present(table.spec->rows.size(), false);
  for (const Row& row : table.rows)
    if (row.kind == RowKind::Data && row.canonical >= 0) present[static_cast<size_t>(row.canonical)] = true;
  if (std::find(present.begin(), present.end(), false) != present.end()) mark_unreadable(table);
  return table;
}

// Finds the headings of a body that lost its line breaks (a long line holding two sections or more), and cuts its
// paragraphs at them.
void recover_inline_headings(Report& report, std::string_view search, const FormatDefinition& format) {
  // Searched: long lines (several sections may stand in one), and lines opening with a numeral and 、 (a section's
  // heading with its body run on).
  const auto searched = [&](ByteRange line) {
    constexpr size_t kNumeralAndMark = 3 * 3;  // two numerals and 、 at most
    if (line.size() >= kLongLineBytes) return true;
    // 、 after one or two characters settles most lines before the numeral is looked at.
    const std::string_view start = search.substr(line.begin, std::min(line.size(), kNumeralAndMark));
    return start.find(kEnumerationMark, 3) != std::string_view::npos && is_numeral_char(start.substr(0, 3));
  };
  const bool any_searched = std::any_of(report.paragraphs.begin(), report.paragraphs.end(), [&](const Paragraph& p) {
    return std::any_of(p.lines.begin(), p.lines.end(), searched);
  });
  if (!any_searched) return;
  // The body lost its line breaks when a line holds headings of two sections, or when two sections' headings each
  // open a line that goes on with their text.
  std::vector<std::vector<Heading>> found(report.paragraphs.size());
  bool lost = false;
  int headings_opening_lines = 0;
  for (size_t p = 0; p < report.paragraphs.size(); ++p)
    for (const ByteRange line : report.paragraphs[p].lines) {
      if (!searched(line)) continue;
      std::vector<Heading> headings = inline_headings(search, line, format);
      lost = lost || std::any_of(headings.begin(), headings.end(),
                                 [&](const Heading& h) { return h.section != headings.front().section; });
      if (!headings.empty() && headings.front().range.begin == line.begin) ++headings_opening_lines;
      found[p].insert(found[p].end(), std::make_move_iterator(headings.begin()),
                      std::make_move_iterator(headings.end()));
    }
  lost = lost || headings_opening_lines >= 2;
  if (!lost) return;
  report.line_structure_lost = true;

  std::vector<Paragraph> paragraphs;
  for (size_t p = 0; p < report.paragraphs.size(); ++p) {
    if (found[p].empty()) {
      paragraphs.push_back(std::move(report.paragraphs[p]));
      continue;
    }
    Paragraph current;
    const auto flush = [&] {
      if (current.lines.empty()) return;
      current.range = {current.lines.front().begin, current.lines.back().end};
      paragraphs.push_back(std::move(current));
      current = Paragraph{};
    };
    const auto add_piece = [&](size_t begin, size_t end) {
      const std::string_view piece = trim(report.text.substr(begin, end - begin));
      if (piece.empty()) return;
      const size_t at = static_cast<size_t>(piece.data() - report.text.data());
      current.lines.push_back({at, at + piece.size()});
    };
    auto heading = found[p].begin();
    for (const ByteRange line : report.paragraphs[p].lines) {
      size_t at = line.begin;
      for (; heading != found[p].end() && heading->range.begin < line.end; ++heading) {
        add_piece(at, heading->range.begin);
        flush();
        at = heading->range.end;
      }
      add_piece(at, line.end);
    }
    flush();
    for (Heading& h : found[p]) report.headings.push_back(std::move(h));
  }
  std::stable_sort(report.headings.begin(), report.headings.end(),
                   [](const Heading& a, const Heading& b) { return a.range.begin < b.range.begin; });

  report.paragraphs = std::move(paragraphs);
}

// A table flattened into one paragraph (a web page's table copied without separators, in a body that lost its line
// breaks or not) is no prose: in a section 二, 三 or 四 without its table, a paragraph that holds that table's labels
// and header words becomes the table, read or unreadable.
void recover_flattened_tables(Report& report, const FormatDefinition& format) {
  std::vector<const TableSpec*> wanted;
  for (const TableSpec& spec : format.tables)
    if (!report.table(spec.id) && std::any_of(report.headings.begin(), report.headings.end(),
                                               [&](const Heading& h) { return h.section == spec.section; }))
      wanted.push_back(&spec);
  if (wanted.empty()) return;
  std::vector<Paragraph> paragraphs;
  for (Paragraph& paragraph : report.paragraphs) {
    const auto after = std::upper_bound(report.headings.begin(), report.headings.end(), paragraph.range.begin,
                                        [](size_t b, const Heading& h) { return b < h.range.begin; });
    const int section = after == report.headings.begin() ? 0 : std::prev(after)->section;
    const auto spec = std::find_if(wanted.begin(), wanted.end(), [&](const TableSpec* t) {
      return t->section == section && !report.table(t->id) && holds_flattened_table(report.slice(paragraph.range), *t);
    });
    if (spec == wanted.end()) {
      paragraphs.push_back(std::move(paragraph));
      continue;
    }
    report.tables.push_back(flattened_table(report.text, paragraph.range, **spec, format, section));
  }
  report.paragraphs = std::move(paragraphs);
  std::stable_sort(report.tables.begin(), report.tables.end(),
                   [](const Table& a, const Table& b) { return a.range.begin < b.range.begin; });
}

void merge_split_tables(Report& report) {
  // Table 二 is often written as one table per block (a Markdown table each, or separated by blank lines): rows of
  // consecutive tables of the same schema in the same section form one table.
  std::vector<Table> merged;
  for (Table& table : report.tables) {
    const auto plain = [](const Table& t) { return !t.recovered && !t.unreadable; };
    if (!merged.empty() && table.spec && merged.back().spec == table.spec && merged.back().section == table.section &&
        plain(table) && plain(merged.back())) {
      Table& previous = merged.back();
      previous.rows.insert(previous.rows.end(), std::make_move_iterator(table.rows.begin()),
                           std::make_move_iterator(table.rows.end()));
      previous.range.end = table.range.end;
      previous.markdown = previous.markdown || table.markdown;
    } else {
      merged.push_back(std::move(table));
    }
  }
  report.tables = std::move(merged);
}

// How many lines before the first heading are searched for the report's title under a web page's chrome.
constexpr size_t kTitleSearchLines = 30;
constexpr size_t kTitleMaxCodePoints = 60;

// A line that is the report's title: short, not a sentence, naming a report on information disclosure
// ("2021年东湖高新区教育局政府信息公开工作年度报告", "关于2023年度政府信息公开工作的报告"). A page's "标题:" label
// before it is left out. Not a breadcrumb or a list of links ("首页 > … > 信息公开年度报告").
std::optional<ByteRange> title_like(std::string_view text, ByteRange line) {
  std::string_view content = trim(text.substr(line.begin, line.size()));
  for (std::string_view label : {"标题:", "标题："})
    if (content.starts_with(label)) content = trim(content.substr(label.size()));
  // The length first: most lines are paragraphs, far too long for a title, and need not be normalised.
  if (code_point_count(content) > kTitleMaxCodePoints) return std::nullopt;
  const std::string normalized = normalize_label(content);
  const bool names_report = normalized.find("报告") != std::string::npos &&
                            (normalized.find("信息公开") != std::string::npos ||
                             normalized.find("政务公开") != std::string::npos);
  if (!names_report) return std::nullopt;
  for (std::string_view mark : {"。", "，", "：", "；", ">", "|", "/", "《"})
    if (normalized.find(mark) != std::string::npos) return std::nullopt;
  const size_t begin = static_cast<size_t>(content.data() - text.data());
  return ByteRange{begin, begin + content.size()};
}

// The title the grammar found is every short line at the top: a web page's chrome ("关怀版 无障碍 无障碍") is no part
// of it, and when what remains names no report, the title is the first line before the first heading that does
// (under the chrome, or after a metadata block).
void settle_title(Report& report, const FormatDefinition& format, size_t first_heading) {
  const std::string_view text = report.text;
  if (report.title) {
    Title& title = *report.title;
    std::erase_if(title.lines, [&](ByteRange line) {
      return format.is_page_chrome(text.substr(line.begin, line.size())) && !title_like(text, line);
    });
    title.text.clear();
    for (const ByteRange line : title.lines) title.text += text.substr(line.begin, line.size());
    if (title.lines.empty()) report.title.reset();
  }
  if (report.title && report.title->text.find("报告") != std::string::npos) return;
  size_t line_begin = report.title ? next_line_start(text, report.title->range().end) : 0;
  for (size_t searched = 0; searched < kTitleSearchLines && line_begin < first_heading; ++searched) {
    const size_t line_end = line_end_at(text, line_begin);
    if (const auto line = title_like(text, {line_begin, line_end})) {
      report.title.emplace();
      report.title->lines.push_back(*line);
      report.title->text = std::string(text.substr(line->begin, line->size()));
      return;
    }
    line_begin = next_line_start(text, line_end);
  }
}

}  // namespace

Report build_report_from_tree(std::string_view text, TSNode root, const FormatDefinition& format,
                              const LintOptions& options, bool traditional) {
  const GrammarSymbols& symbols = GrammarSymbols::get();
  Report report;
  report.text = text;
  report.format = &format;
  if (traditional) report.simplified = to_simplified_same_length(text);
  const std::string_view search = report.search_text();

  std::vector<size_t> heading_of_table;
  int current_section = 0;
  const auto add_block = [&](TSNode node, TSSymbol kind) {
    if (kind == symbols.title) {
      if (!report.title) report.title.emplace();
      bool markdown = false;
      const ByteRange line = skip_atx_marker(text, content_range(text, node), markdown);
      report.markdown |= markdown;
      report.title->lines.push_back(line);
      report.title->text += text.substr(line.begin, line.size());
    } else if (kind == symbols.heading) {
      report.headings.push_back(build_heading(search, node, format));
      report.markdown |= report.headings.back().markdown;
      current_section = report.headings.back().section;
    } else if (kind == symbols.subheading) {
      SubItem item = build_subheading(search, content_range(search, node));
      report.subitems.push_back(item);
      find_inline_markers(search, item.label, report.subitems);
    } else if (kind == symbols.paragraph) {
      report.paragraphs.push_back(build_paragraph(text, node, symbols));
      if (auto item = spaced_subitem(search, report.paragraphs.back().lines.front())) report.subitems.push_back(*item);
      for (const ByteRange line : report.paragraphs.back().lines) find_inline_markers(search, line, report.subitems);
    } else if (kind == symbols.table) {
      Table whole = build_table(text, node, symbols);
      if (whole.rows.empty()) return;
      whole.section = current_section;
      for (Table& table : split_by_schema(std::move(whole), format)) {
        table.spec = recognise_table_spec(table, format, current_section);
        recognise_rows(table, text);
        report.markdown |= table.markdown;
        report.tables.push_back(std::move(table));
      }
    } else if (kind == symbols.html_comment) {
      report.comments.push_back(content_range(text, node));
    }
  };
  // The blocks, with the lines of a paragraph that may hold a table's cells (a short line without a full stop) as
  // blocks of their own; a paragraph of prose stays one block.
  // Kept per thread: a report has hundreds of blocks, each report would grow its own vector.
  thread_local std::vector<Block> blocks;
  blocks.clear();
  for_each_child(root, true, [&](TSNode node) {
    const TSSymbol kind = ts_node_symbol(node);
    if (kind == symbols.paragraph) {
      const ByteRange whole = line_range(text, node);
      const std::string_view paragraph = text.substr(whole.begin, whole.size());
      if (paragraph.find('\n') != std::string_view::npos || paragraph.find("。") == std::string_view::npos) {
        const size_t first = blocks.size();
        for_each_child(node, true, [&](TSNode line) {
          if (ts_node_symbol(line) == symbols.line) blocks.push_back({node, kind, content_range(text, line), true});
        });
        if (blocks.size() == first) blocks.push_back({node, kind, content_range(text, node), true});
        return;
      }
    }
    blocks.push_back({node, kind, {}, false});
  });
  // A run of blocks of one cell per line that holds a table's labels and numbers is that table; any other run is
  // read block by block, consecutive lines of a paragraph as one paragraph.
  Paragraph pending;  // lines of one paragraph not yet added
  TSNode pending_node{};
  const auto flush_paragraph = [&] {
    if (pending.lines.empty()) return;
    pending.range = {pending.lines.front().begin, pending.lines.back().end};
    for (const ByteRange line : pending.lines) find_inline_markers(search, line, report.subitems);
    report.paragraphs.push_back(std::move(pending));
    pending = Paragraph{};
  };
  const auto add = [&](const Block& block) {
    if (!block.paragraph_line) {
      flush_paragraph();
      add_block(block.node, block.kind);
      return;
    }
    if (!pending.lines.empty() && !ts_node_eq(pending_node, block.node)) flush_paragraph();
    pending_node = block.node;
    pending.lines.push_back(block.line);
  };
  thread_local std::vector<ByteRange> cell_ranges;
  for (size_t i = 0; i < blocks.size();) {
    cell_ranges.clear();
    size_t end = i;
    while (end < blocks.size() &&
           ((end > i && blocks[end].kind == symbols.blank) ||
            collect_line_cells(text, search, blocks[end], symbols, format, end > i, cell_ranges)))
      ++end;
    if (end > i && is_table_of_cells(text, cell_ranges, format)) {
      std::vector<Cell> cells(cell_ranges.size());
      for (size_t c = 0; c < cells.size(); ++c) fill_cell(text, cell_ranges[c], cells[c]);
      Table table = table_from_cells(std::move(cells), format, current_section, text);
      if (table.spec) {
        flush_paragraph();
        report.tables.push_back(std::move(table));
        i = end;
        continue;
      }
    }
    for (const size_t stop = std::max(end, i + 1); i < stop; ++i) add(blocks[i]);
  }
  flush_paragraph();
  recover_inline_headings(report, search, format);
  recover_flattened_tables(report, format);
  merge_split_tables(report);
  for (Table& table : report.tables) index_canonical_rows(table);
  settle_title(report, format, report.headings.empty() ? text.size() : report.headings.front().range.begin);
  if (report.title) {
    report.title->normalized = normalize_label(report.title->text);
    report.title->year = first_year(report.title->normalized);
  }

  // Sections: each heading opens one that runs to the next heading.
  for (size_t h = 0; h < report.headings.size(); ++h) {
    Section section;
    section.heading = &report.headings[h];
    section.number = report.headings[h].section;
    const size_t end = h + 1 < report.headings.size() ? report.headings[h + 1].range.begin : text.size();
    section.range = {report.headings[h].range.begin, end};
    size_t body_begin = report.headings[h].range.end;
    while (body_begin < end && is_line_break(text[body_begin])) ++body_begin;
    section.body = {body_begin, end};
    report.sections.push_back(section);
  }
  const size_t first_heading = report.headings.empty() ? text.size() : report.headings.front().range.begin;
  const size_t preamble_begin = report.title ? report.title->range().end : 0;
  report.preamble = {std::min(preamble_begin, first_heading), first_heading};
  report.year = options.year                       ? options.year
                : report.title && report.title->year ? report.title->year
                                                     : period_start_year(search.substr(0, report.preamble.end));
  // Sections are in document order and tile the text after the first heading: binary search, so that a hostile input
  // with a million headings stays linear-logarithmic.
  auto section_index = [&](size_t byte) -> std::optional<size_t> {
    const auto after = std::upper_bound(report.sections.begin(), report.sections.end(), byte,
                                        [](size_t b, const Section& s) { return b < s.range.begin; });
    if (after == report.sections.begin()) return std::nullopt;
    return static_cast<size_t>(after - report.sections.begin() - 1);
  };
  for (size_t p = 0; p < report.paragraphs.size(); ++p) {
    if (auto s = section_index(report.paragraphs[p].range.begin))
      report.sections[*s].paragraphs.push_back(p);
    else if (report.paragraphs[p].range.begin >= report.preamble.begin)  // not the page's text above the title
      report.preamble_paragraphs.push_back(p);
  }
  for (size_t k = 0; k < report.subitems.size(); ++k)
    if (auto s = section_index(report.subitems[k].range.begin)) report.sections[*s].subitems.push_back(k);
  for (size_t t = 0; t < report.tables.size(); ++t)
    if (auto s = section_index(report.tables[t].range.begin)) report.sections[*s].tables.push_back(t);
  mark_unreliable_headers(report, options);
  return report;
}

void mark_unreliable_headers(Report& report, const LintOptions& options) {
  for (Table& table : report.tables)
    table.header_unreliable = options.merged_cells_lost && table.spec && table.spec->header_rows.size() > 1;
}

}  // namespace xxgk
