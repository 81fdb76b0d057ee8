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
    Match m = match_wording(heading.normalized, code_points, spec.title, spec.variants);
    // A long heading that contains the canonical title ("…存在的主要问题及改进情况") is a wording variant too.
    if (m == Match::None && heading.normalized.size() >= 9 &&
        heading.normalized.find(spec.title.text) != std::string::npos)
      m = Match::Fuzzy;
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
  for (const ByteRange raw : raw_cells) {
    Cell& cell = row.cells.emplace_back();
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

// The year of a statistics period's start ("2022年1月1日", spaces allowed) in `text`: the reporting year of a report
// without a title.
std::optional<int> period_start_year(std::string_view text) {
  auto skip_spaces = [&](size_t i) {
    while (i < text.size() && text[i] == ' ') ++i;
    return i;
  };
  auto expect = [&](size_t i, std::string_view word) -> size_t {
    i = skip_spaces(i);
    return text.substr(i, word.size()) == word ? i + word.size() : std::string_view::npos;
  };
  for (size_t at = text.find("年"); at != std::string_view::npos; at = text.find("年", at + 3)) {
    size_t digits_end = at;
    while (digits_end > 0 && text[digits_end - 1] == ' ') --digits_end;
    if (digits_end < 4) continue;
    const std::string_view year = text.substr(digits_end - 4, 4);
    if (!std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    size_t i = at + 3;
    for (std::string_view word : {"1", "月", "1", "日"})
      if (i != std::string_view::npos) i = expect(i, word);
    if (i != std::string_view::npos) return std::stoi(std::string(year));
  }
  return std::nullopt;
}

void merge_split_tables(Report& report) {
  // Table 二 is often written as one table per block (a Markdown table each, or separated by blank lines): rows of
  // consecutive tables of the same schema in the same section form one table.
  std::vector<Table> merged;
  for (Table& table : report.tables) {
    if (!merged.empty() && table.spec && merged.back().spec == table.spec && merged.back().section == table.section) {
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
  const std::string normalized = normalize_label(content);
  const bool names_report = normalized.find("报告") != std::string::npos &&
                            (normalized.find("信息公开") != std::string::npos ||
                             normalized.find("政务公开") != std::string::npos);
  if (!names_report || code_point_count(content) > kTitleMaxCodePoints) return std::nullopt;
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
  for_each_child(root, true, [&](TSNode node) {
    const TSSymbol kind = ts_node_symbol(node);
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
  });
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
  return report;
}

}  // namespace xxgk
