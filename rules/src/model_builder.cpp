#include "model_builder.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

#include "cell_value.h"
#include "syntax.h"
#include "table_recognition.h"
#include "xxgk/normalize.h"

namespace xxgk {
namespace {

constexpr std::string_view kEnumerationMark = "、";

bool is_line_break(char c) { return c == '\n' || c == '\r'; }

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
  std::string title;
  std::vector<std::string> variants;
};

// The six canonical headings in normalised form, computed once per format definition.
const std::vector<NormalizedSection>& normalized_sections(const FormatDefinition& format) {
  thread_local std::unordered_map<const FormatDefinition*, std::vector<NormalizedSection>> cache;
  auto it = cache.find(&format);
  if (it != cache.end()) return it->second;
  std::vector<NormalizedSection> sections;
  for (const SectionSpec& spec : format.sections) {
    NormalizedSection n{spec.number, normalize_label(spec.title), {}};
    for (const std::string& v : spec.variants) n.variants.push_back(normalize_label(v));
    sections.push_back(std::move(n));
  }
  return cache.emplace(&format, std::move(sections)).first->second;
}

void match_section(Heading& heading, const FormatDefinition& format) {
  Match best = Match::None;
  for (const NormalizedSection& spec : normalized_sections(format)) {
    Match m = match_wording(heading.normalized, spec.title, spec.variants);
    // A long heading that contains the canonical title ("…存在的主要问题及改进情况") is a wording variant too.
    if (m == Match::None && heading.normalized.size() >= 9 && heading.normalized.find(spec.title) != std::string::npos)
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

SubItem build_subheading(std::string_view text, TSNode node) {
  SubItem item;
  item.range = content_range(text, node);
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

// "一是…二是…" enumerations inside prose: a numeral followed by 是, at the start of the line or after punctuation,
// a space or Markdown emphasis.
void find_inline_markers(std::string_view text, ByteRange line, std::vector<SubItem>& out) {
  constexpr std::string_view kIs = "是";
  static const std::unordered_set<std::string_view> kBoundaries = {"。", "；", "，", "：", "、", "）", "\n", "*", " ",
                                                                  ";",  ":",  ",",  ")",  "！", "？", "\u3000"};
  // Walk the line a character at a time: string_view::find("是") would stop at every byte 0xE6 that opens a CJK
  // character and compare from there.
  size_t previous_start = line.begin;  // start of the character before the one at `at`
  for (size_t at = line.begin, length = 1; at + kIs.size() <= line.end; previous_start = at, at += length) {
    decode_utf8(text, at, length);
    if (text.compare(at, kIs.size(), kIs) != 0 || at < line.begin + 3) continue;
    size_t numeral_begin = previous_start;
    if (numeral_begin + 3 != at || !is_numeral_char(text.substr(numeral_begin, 3))) continue;
    if (numeral_begin >= line.begin + 3 && text.substr(numeral_begin - 3, 3) == "十") numeral_begin -= 3;
    bool boundary = numeral_begin == line.begin;
    if (!boundary) {
      size_t prev = numeral_begin - 1;
      while (prev > line.begin && (static_cast<unsigned char>(text[prev]) & 0xC0) == 0x80) --prev;
      boundary = kBoundaries.count(text.substr(prev, numeral_begin - prev)) > 0;
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

Row build_row(std::string_view text, TSNode node, const GrammarSymbols& symbols) {
  Row row;
  row.range = line_range(text, node);  // leading tabs are empty cells: part of the row
  // Cells are what lies between separators; the grammar gives the separators as anonymous children.
  size_t line_end = ts_node_end_byte(node);
  while (line_end > ts_node_start_byte(node) && is_line_break(text[line_end - 1])) --line_end;
  std::vector<ByteRange> raw_cells;
  size_t cell_start = ts_node_start_byte(node);
  bool pipes = false, tabs = false;
  const uint32_t children = ts_node_child_count(node);
  for (uint32_t i = 0; i < children; ++i) {
    const TSNode child = ts_node_child(node, i);
    if (ts_node_is_named(child) && ts_node_symbol(child) == symbols.cell) continue;
    const size_t begin = ts_node_start_byte(child), end = ts_node_end_byte(child);
    if (end != begin + 1 || (text[begin] != '\t' && text[begin] != '|')) continue;
    (text[begin] == '|' ? pipes : tabs) = true;
    raw_cells.push_back({cell_start, begin});
    cell_start = end;
  }
  raw_cells.push_back({cell_start, line_end});
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
  for (const ByteRange raw : raw_cells) {
    Cell cell;
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
    row.cells.push_back(std::move(cell));
  }
  return row;
}

Table build_table(std::string_view text, TSNode node, const GrammarSymbols& symbols) {
  Table table;
  const uint32_t children = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < children; ++i) {
    const TSNode child = ts_node_named_child(node, i);
    const TSSymbol kind = ts_node_symbol(child);
    if (kind == symbols.row) {
      table.rows.push_back(build_row(text, child, symbols));
    } else if (kind == symbols.delimiter_row) {
      Row row;
      row.range = line_range(text, child);
      row.kind = RowKind::Delimiter;
      row.separator = '|';
      table.rows.push_back(std::move(row));
      table.markdown = true;
    }
  }
  if (!table.rows.empty()) table.range = {table.rows.front().range.begin, table.rows.back().range.end};
  return table;
}

Paragraph build_paragraph(std::string_view text, TSNode node, const GrammarSymbols& symbols) {
  Paragraph paragraph;
  const uint32_t children = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < children; ++i) {
    const TSNode child = ts_node_named_child(node, i);
    if (ts_node_symbol(child) == symbols.line) paragraph.lines.push_back(content_range(text, child));
  }
  if (paragraph.lines.empty()) paragraph.lines.push_back(content_range(text, node));
  paragraph.range = {paragraph.lines.front().begin, paragraph.lines.back().end};
  return paragraph;
}

// Whether the text uses Traditional characters at all: a quick scan for common Traditional-only characters, so that
// the costly transliteration runs only on reports that need it.
bool looks_traditional(std::string_view text) {
  static const std::unordered_set<std::string_view> kTraditionalOnly = {
      "開", "與", "資", "報", "關", "發", "國", "處", "為", "這", "個", "們", "來", "時", "說", "對", "後", "經",
      "實", "當", "機", "門", "問", "還", "體", "點", "從", "過", "條", "計", "總", "題", "應", "專", "務", "辦",
      "請", "網", "訊", "況", "動", "區", "會", "項", "數", "據", "決", "審", "結", "訴", "訟", "議", "複", "費",
      "規", "則", "設", "電", "級", "構", "導", "單", "錄", "類", "義", "場", "屬", "衛", "護", "歸", "預", "價"};
  for (size_t i = 0; i + 3 <= text.size(); ++i) {
    const unsigned char lead = static_cast<unsigned char>(text[i]);
    if (lead < 0xE0 || lead >= 0xF0) continue;
    if (kTraditionalOnly.count(text.substr(i, 3))) return true;
    i += 2;
  }
  return false;
}

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

}  // namespace

Report build_report_from_tree(std::string_view text, TSNode root, const FormatDefinition& format,
                              const LintOptions& options) {
  const GrammarSymbols& symbols = GrammarSymbols::get();
  Report report;
  report.text = text;
  report.format = &format;
  if (looks_traditional(text)) report.simplified = to_simplified_same_length(text);
  const std::string_view search = report.search_text();

  std::vector<size_t> heading_of_table;
  int current_section = 0;
  const uint32_t count = ts_node_named_child_count(root);
  for (uint32_t i = 0; i < count; ++i) {
    const TSNode node = ts_node_named_child(root, i);
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
      SubItem item = build_subheading(search, node);
      report.subitems.push_back(item);
      find_inline_markers(search, item.label, report.subitems);
    } else if (kind == symbols.paragraph) {
      report.paragraphs.push_back(build_paragraph(text, node, symbols));
      for (const ByteRange line : report.paragraphs.back().lines) find_inline_markers(search, line, report.subitems);
    } else if (kind == symbols.table) {
      Table whole = build_table(text, node, symbols);
      if (whole.rows.empty()) continue;
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
  }
  merge_split_tables(report);
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
    else
      report.preamble_paragraphs.push_back(p);
  }
  for (size_t k = 0; k < report.subitems.size(); ++k)
    if (auto s = section_index(report.subitems[k].range.begin)) report.sections[*s].subitems.push_back(k);
  for (size_t t = 0; t < report.tables.size(); ++t)
    if (auto s = section_index(report.tables[t].range.begin)) report.sections[*s].tables.push_back(t);
  return report;
}

}  // namespace xxgk
