#include "table_recognition.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_map>
#include <utility>

#include "xxgk/normalize.h"
#include "xxgk/positions.h"

namespace xxgk {
namespace {

// Wordings by their last three bytes (a Chinese character), so that a label is compared only with the wordings that
// could be its suffix: every label of every row is tested against the wordings of three tables.
class SuffixIndex {
 public:
  void add(std::string_view wording, size_t id) {
    if (wording.size() < 3) {
      short_.push_back(id);
      return;
    }
    const uint32_t end = key(wording);
    by_end_[end].push_back(id);
    ends_seen_[bucket(end) / 64] |= uint64_t{1} << (bucket(end) % 64);
  }
  // Calls `visit(id)` for every wording that may end `label`: those ending in its last three bytes, and the short ones.
  template <typename Visit>
  void candidates(std::string_view label, Visit visit) const {
    for (size_t id : short_) visit(id);
    if (label.size() < 3) return;
    const uint32_t end = key(label);
    // Most labels end in a character that ends no wording of the spec: a bit test settles them without the lookup.
    if (((ends_seen_[bucket(end) / 64] >> (bucket(end) % 64)) & 1) == 0) return;
    if (auto found = by_end_.find(end); found != by_end_.end())
      for (size_t id : found->second) visit(id);
  }

 private:
  static uint32_t key(std::string_view s) {
    const auto byte = [&](size_t back) { return static_cast<uint32_t>(static_cast<unsigned char>(s[s.size() - back])); };
    return byte(3) << 16 | byte(2) << 8 | byte(1);
  }
  // Ten bits of a key: what varies in the last byte (a continuation byte's low six) and the middle byte's low four.
  static unsigned bucket(uint32_t key) { return (key & 0x3F) | ((key >> 8) & 0x0F) << 6; }
  std::unordered_map<uint32_t, std::vector<size_t>> by_end_;
  std::array<uint64_t, 1024 / 64> ends_seen_{};  // a bit per bucket of the keys in by_end_
  std::vector<size_t> short_;
};

// A table spec's wording in normalised form, computed once per spec.
struct NormalizedSpec {
  std::vector<std::vector<NormalizedWording>> rows;    // per canonical row: label, then variants
  std::vector<std::vector<NormalizedWording>> groups;  // per group: label, then variants
  std::vector<std::string> header_words;
  std::vector<std::string> fingerprints;
  std::string note_prefix;                       // first characters of the 勾稽关系 note
  // The row and group labels of at least two characters (which alone mark a row as the table's), and the
  // fingerprints, indexed by their ends.
  std::vector<std::string_view> schema_labels;
  SuffixIndex schema_label_index;
  SuffixIndex fingerprint_index;
  // Every row wording as (row, variant), indexed by their ends: a row's label is tested only against the wordings
  // it may end with.
  std::vector<std::pair<size_t, size_t>> row_wordings;
  SuffixIndex row_wording_index;
  // The fewest bytes of a label that names the spec (its note's start, a schema label, a fingerprint): the cells of
  // numbers are shorter and need no lookup.
  size_t shortest_name = std::string::npos;
};

std::vector<NormalizedWording> normalize_all(const std::string& first, const std::vector<std::string>& rest) {
  std::vector<NormalizedWording> out{NormalizedWording(normalize_label(first))};
  for (const std::string& s : rest) out.emplace_back(normalize_label(s));
  return out;
}

const NormalizedSpec& normalized(const TableSpec& spec) {
  thread_local std::unordered_map<const TableSpec*, NormalizedSpec> cache;
  auto it = cache.find(&spec);
  if (it != cache.end()) return it->second;
  NormalizedSpec n;
  for (const RowSpec& row : spec.rows) n.rows.push_back(normalize_all(row.label, row.variants));
  for (const GroupSpec& group : spec.groups) n.groups.push_back(normalize_all(group.label, group.variants));
  for (const std::string& word : spec.header_words) n.header_words.push_back(normalize_label(word));
  for (const std::string& word : spec.fingerprints) n.fingerprints.push_back(normalize_label(word));
  if (!spec.note.empty()) {
    const std::string note = normalize_label(spec.note);
    n.note_prefix = note.substr(0, std::min<size_t>(note.size(), 3 * 7));  // "（本列数据的勾稽" and a little more
  }
  NormalizedSpec& stored = cache.emplace(&spec, std::move(n)).first->second;
  for (const auto* labels : {&stored.rows, &stored.groups})
    for (const std::vector<NormalizedWording>& wordings : *labels)
      if (wordings[0].text.size() >= 6) {
        stored.schema_label_index.add(wordings[0].text, stored.schema_labels.size());
        stored.schema_labels.push_back(wordings[0].text);
      }
  for (size_t i = 0; i < stored.fingerprints.size(); ++i) stored.fingerprint_index.add(stored.fingerprints[i], i);
  if (!stored.note_prefix.empty()) stored.shortest_name = stored.note_prefix.size();
  for (std::string_view label : stored.schema_labels) stored.shortest_name = std::min(stored.shortest_name, label.size());
  for (const std::string& print : stored.fingerprints) stored.shortest_name = std::min(stored.shortest_name, print.size());
  for (size_t i = 0; i < stored.rows.size(); ++i)
    for (size_t k = 0; k < stored.rows[i].size(); ++k) {
      stored.row_wording_index.add(stored.rows[i][k].text, stored.row_wordings.size());
      stored.row_wordings.emplace_back(i, k);
    }
  return stored;
}

// Labels are tested against every canonical wording of three tables: the last bytes, different for almost every
// pair, settle most tests before a comparison of the whole suffix.
bool ends_with(std::string_view s, std::string_view suffix) {
  if (suffix.empty()) return true;
  return s.size() >= suffix.size() && s.back() == suffix.back() && s.substr(s.size() - suffix.size()) == suffix;
}

// Strips a leading item number ("1." "（三）" "三、") so that a label whose number is wrong or missing still matches.
std::string_view without_item_number(std::string_view label) {
  size_t i = 0;
  while (i < label.size() && label[i] >= '0' && label[i] <= '9') ++i;
  if (i > 0 && i < label.size() && label[i] == '.') return label.substr(i + 1);
  if (label.substr(0, 3) == "（") {
    const size_t close = label.find("）");
    if (close != std::string_view::npos && close <= 3 + 6) return label.substr(close + 3);
  }
  const size_t comma = label.find("、");
  if (comma != std::string_view::npos && comma <= 6) return label.substr(comma + 3);
  return label;
}

// Fuzzy: a typo-sized edit distance relative to the label's length. The distance is at least the difference of the
// lengths, which settles most pairs without computing it.
bool close_enough(std::string_view written, size_t written_code_points, const NormalizedWording& canonical) {
  const size_t length = canonical.code_points;
  if (length < 3) return false;
  const size_t allowed = std::max<size_t>(1, length / 6);
  const size_t length_difference =
      written_code_points > length ? written_code_points - length : length - written_code_points;
  if (length_difference > allowed) return false;
  return edit_distance(written, canonical.text, allowed) <= allowed;
}

struct LabelMatch {
  int index = -1;
  Match match = Match::None;
  size_t matched_length = 0;       // bytes of the normalised label that matched (a suffix of the row's label text)
  size_t matched_code_points = 0;  // the same in code points
};

// The canonical label (or variant) that `label` ends with, preferring the longest (the first of the longest). The
// index lists the wordings in order, the short ones apart; a short and a long wording never tie in length.
LabelMatch match_suffix(const std::string& label, const NormalizedSpec& spec) {
  LabelMatch best;
  spec.row_wording_index.candidates(label, [&](size_t id) {
    const auto [i, k] = spec.row_wordings[id];
    const NormalizedWording& c = spec.rows[i][k];
    if (c.text.empty() || c.text.size() <= best.matched_length || !ends_with(label, c.text)) return;
    best = {static_cast<int>(i), k == 0 ? Match::Exact : Match::Variant, c.text.size(), c.code_points};
  });
  return best;
}

LabelMatch match_whole(const std::string& label, const std::vector<std::vector<NormalizedWording>>& candidates) {
  for (size_t i = 0; i < candidates.size(); ++i)
    for (size_t k = 0; k < candidates[i].size(); ++k)
      if (label == candidates[i][k].text)
        return {static_cast<int>(i), k == 0 ? Match::Exact : Match::Variant, label.size()};
  const std::string_view unnumbered = without_item_number(label);
  const bool numbered = unnumbered != label && unnumbered.size() >= 6;
  const size_t label_code_points = code_point_count(label);
  for (size_t i = 0; i < candidates.size(); ++i)
    if (close_enough(label, label_code_points, candidates[i][0]) ||
        (numbered && unnumbered == without_item_number(candidates[i][0].text)))
      return {static_cast<int>(i), Match::Fuzzy, label.size()};
  return {};
}

// Whether one character (a lead byte and its continuation bytes) is white space that trim() removes.
bool is_trimmed_space(std::string_view character) {
  if (character.size() == 1) {
    const char c = character[0];
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
  }
  return character == "\u3000" || character == "\u00a0" || character == "\ufeff";
}

// The byte range of the last `code_points` non-space code points of the label cells (walking back from the end), so
// that a label matched after normalisation can be pointed at in the original text.
ByteRange locate_suffix(const Row& row, std::string_view text, size_t code_points) {
  ByteRange range{row.cells[row.label_cells.back()].range.end, row.cells[row.label_cells.back()].range.end};
  for (auto it = row.label_cells.rbegin(); it != row.label_cells.rend() && code_points > 0; ++it) {
    const ByteRange cell = row.cells[*it].range;
    size_t end = cell.end;
    while (end > cell.begin && code_points > 0) {
      size_t start = end - 1;
      while (start > cell.begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
      if (!is_trimmed_space(text.substr(start, end - start))) {
        --code_points;
        range.begin = start;
      }
      end = start;
    }
  }
  return range;
}

// The label text before the matched leaf label: from the first label cell to the end of the last cell (or part of a
// cell) that precedes the leaf label, separators and spaces excluded.
ByteRange group_prefix_range(const Row& row, std::string_view text) {
  size_t end = row.cells[row.label_cells.front()].range.end;
  for (size_t i : row.label_cells) {
    const ByteRange cell = row.cells[i].range;
    if (cell.end <= row.label.begin) end = cell.end;
    else if (cell.begin < row.label.begin) end = row.label.begin;
  }
  const size_t begin = row.cells[row.label_cells.front()].range.begin;
  const std::string_view prefix = trim(text.substr(begin, end - begin));
  return {begin, begin + prefix.size()};
}

bool is_header_row(const Row& row, const NormalizedSpec& spec) {
  for (size_t i : row.label_cells) {
    const std::string& cell = row.cells[i].normalized;
    for (const std::string& word : spec.header_words)
      if (cell == word || (word.size() >= 6 && cell.find(word) != std::string::npos)) return true;
  }
  return false;
}

size_t expected_values(const TableSpec* spec, int canonical) {
  if (!spec) return 0;
  if (canonical >= 0) return static_cast<size_t>(spec->rows[static_cast<size_t>(canonical)].values);
  size_t most = 0;
  for (const RowSpec& r : spec->rows) most = std::max(most, static_cast<size_t>(r.values));
  return most;
}

// Value cells are the cells after the last label cell, aligned from the right: surplus empty cells at the end (the
// trailing tabs of merged cells) and then at the start (an empty label column) are dropped.
void assign_value_cells(Row& row, const TableSpec* spec) {
  row.value_cells.clear();
  const size_t first = row.label_cells.empty() ? 0 : row.label_cells.back() + 1;
  row.value_cells.reserve(row.cells.size() - std::min(first, row.cells.size()));
  for (size_t i = first; i < row.cells.size(); ++i) row.value_cells.push_back(i);
  const size_t expected = expected_values(spec, row.canonical);
  auto empty = [&](size_t i) { return row.cells[i].value.kind == ValueKind::Empty; };
  if (expected > 0) {
    while (row.value_cells.size() > expected && empty(row.value_cells.back())) row.value_cells.pop_back();
    // Counted first and erased at once: erasing the front one by one is quadratic in a row of many empty cells.
    size_t leading = 0;
    while (row.value_cells.size() - leading > expected && empty(row.value_cells[leading])) ++leading;
    row.value_cells.erase(row.value_cells.begin(), row.value_cells.begin() + static_cast<std::ptrdiff_t>(leading));
  } else {
    while (!row.value_cells.empty() && empty(row.value_cells.back())) row.value_cells.pop_back();
  }
  row.complete = expected > 0 && row.value_cells.size() == expected;
}

std::string concatenated_label(const Row& row) {
  std::string label;
  for (size_t i : row.label_cells) label += row.cells[i].normalized;
  return label;
}

}  // namespace

void index_canonical_rows(Table& table) {
  table.single_row.assign(table.spec ? table.spec->rows.size() : 0, -1);
  std::vector<int> matches(table.single_row.size(), 0);
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const Row& row = table.rows[r];
    if (row.kind != RowKind::Data || row.canonical < 0 || static_cast<size_t>(row.canonical) >= matches.size())
      continue;
    if (++matches[static_cast<size_t>(row.canonical)] == 1) table.single_row[static_cast<size_t>(row.canonical)] = static_cast<int>(r);
  }
  for (size_t c = 0; c < matches.size(); ++c)
    if (matches[c] > 1) table.single_row[c] = -1;
}

NormalizedWording::NormalizedWording(std::string normalized)
    : text(std::move(normalized)), code_points(code_point_count(text)) {}

Match match_wording(std::string_view written, size_t written_code_points, const NormalizedWording& canonical,
                    const std::vector<std::string>& variants) {
  if (written == canonical.text) return Match::Exact;
  for (const std::string& v : variants)
    if (written == v) return Match::Variant;
  if (close_enough(written, written_code_points, canonical)) return Match::Fuzzy;
  return Match::None;
}

namespace {

// Whether `label` (normalised) names the schema of `n`: a canonical row label, group label, fingerprint or the
// 勾稽关系 note.
bool names_spec(std::string_view label, const NormalizedSpec& n) {
  if (label.empty() || label.size() < n.shortest_name) return false;
  if (!n.note_prefix.empty() && label.substr(0, n.note_prefix.size()) == n.note_prefix) return true;
  bool named = false;
  n.schema_label_index.candidates(label, [&](size_t i) { named = named || ends_with(label, n.schema_labels[i]); });
  n.fingerprint_index.candidates(label, [&](size_t i) { named = named || label == n.fingerprints[i]; });
  return named;
}

// The format's table specs with their normalised wording, looked up once per table rather than per row.
std::vector<std::pair<const TableSpec*, const NormalizedSpec*>> normalized_specs(const FormatDefinition& format) {
  std::vector<std::pair<const TableSpec*, const NormalizedSpec*>> specs;
  for (const TableSpec& spec : format.tables) specs.emplace_back(&spec, &normalized(spec));
  return specs;
}

// The schema a row's labels belong to (the first of the format's that some cell names).
const TableSpec* schema_of_row(const Row& row,
                               const std::vector<std::pair<const TableSpec*, const NormalizedSpec*>>& specs) {
  for (const auto& [spec, n] : specs)
    for (const Cell& cell : row.cells)
      if (cell.normalized.size() >= n->shortest_name && names_spec(cell.normalized, *n)) return spec;
  return nullptr;
}

}  // namespace

const TableSpec* schema_named_by(std::string_view label, const FormatDefinition& format) {
  for (const TableSpec& spec : format.tables)
    if (names_spec(label, normalized(spec))) return &spec;
  return nullptr;
}

bool begins_label(std::string_view label, const FormatDefinition& format) {
  if (label.empty()) return false;
  for (const TableSpec& spec : format.tables) {
    const NormalizedSpec& n = normalized(spec);
    for (const auto* labels : {&n.rows, &n.groups})
      for (const std::vector<NormalizedWording>& wordings : *labels)
        for (const NormalizedWording& wording : wordings)
          if (wording.text.size() > label.size() && wording.text.compare(0, label.size(), label) == 0) return true;
  }
  return false;
}

std::vector<Table> split_by_schema(Table table, const FormatDefinition& format) {
  std::vector<Table> parts;
  const TableSpec* current = nullptr;
  size_t part_begin = 0;
  auto close_part = [&](size_t end) {
    Table part;
    part.section = table.section;
    part.rows.assign(std::make_move_iterator(table.rows.begin() + static_cast<ptrdiff_t>(part_begin)),
                     std::make_move_iterator(table.rows.begin() + static_cast<ptrdiff_t>(end)));
    part.markdown = std::any_of(part.rows.begin(), part.rows.end(),
                                [](const Row& r) { return r.kind == RowKind::Delimiter; });
    part.range = {part.rows.front().range.begin, part.rows.back().range.end};
    parts.push_back(std::move(part));
    part_begin = end;
  };
  const auto specs = normalized_specs(format);
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const TableSpec* spec = schema_of_row(table.rows[r], specs);
    if (!spec) continue;
    if (current && spec != current) {
      // The rows just before that name no schema (header rows) open the next table.
      size_t start = r;
      while (start > part_begin + 1 && !schema_of_row(table.rows[start - 1], specs)) --start;
      close_part(start);
    }
    current = spec;
  }
  if (part_begin < table.rows.size()) close_part(table.rows.size());
  return parts;
}

const TableSpec* recognise_table_spec(const Table& table, const FormatDefinition& format, int section) {
  const TableSpec* best = nullptr;
  int best_score = 0;
  for (const TableSpec& spec : format.tables) {
    const NormalizedSpec& n = normalized(spec);
    // The number of fingerprints some cell of the table ends with.
    std::vector<bool> found(n.fingerprints.size(), false);
    for (const Row& row : table.rows)
      for (const Cell& cell : row.cells) {
        if (cell.normalized.empty()) continue;
        n.fingerprint_index.candidates(cell.normalized, [&](size_t i) {
          if (!found[i] && ends_with(cell.normalized, n.fingerprints[i])) found[i] = true;
        });
      }
    const int score = static_cast<int>(std::count(found.begin(), found.end(), true));
    if (score > best_score || (score == best_score && score > 0 && spec.section == section)) {
      best = &spec;
      best_score = score;
    }
  }
  return best;
}

void recognise_rows(Table& table, std::string_view text) {
  const TableSpec* spec = table.spec;
  const NormalizedSpec* normalized_spec = spec ? &normalized(*spec) : nullptr;
  std::string pending_group_fragment;  // "（三）不" waiting for "予公开" on a later row
  ByteRange pending_fragment_range;
  for (size_t r = 0; r < table.rows.size(); ++r) {
    Row& row = table.rows[r];
    if (row.kind == RowKind::Delimiter) continue;
    row.label_cells.clear();
    const auto text_cells = std::count_if(row.cells.begin(), row.cells.end(),
                                          [](const Cell& c) { return c.value.kind == ValueKind::Text; });
    row.label_cells.reserve(static_cast<size_t>(text_cells));
    for (size_t i = 0; i < row.cells.size(); ++i)
      if (row.cells[i].value.kind == ValueKind::Text) row.label_cells.push_back(i);
    const bool all_empty = std::all_of(row.cells.begin(), row.cells.end(),
                                       [](const Cell& c) { return c.value.kind == ValueKind::Empty; });
    if (all_empty) {
      row.kind = RowKind::Blank;
      continue;
    }
    if (!spec) {
      row.kind = row.label_cells.empty() ? RowKind::Data : RowKind::Unknown;
      assign_value_cells(row, nullptr);
      continue;
    }
    const NormalizedSpec& n = *normalized_spec;
    if (!n.note_prefix.empty() &&
        std::any_of(row.label_cells.begin(), row.label_cells.end(),
                    [&](size_t i) { return row.cells[i].normalized.rfind(n.note_prefix, 0) == 0; })) {
      row.kind = RowKind::Note;
      continue;
    }
    if (row.label_cells.empty()) {
      // Only numbers: table 四's data row, or a data row that lost its label.
      row.kind = RowKind::Data;
      if (spec->data_row_without_label) {
        row.canonical = 0;
        row.label_match = Match::Exact;
      }
      assign_value_cells(row, spec);
      continue;
    }

    const std::string label = concatenated_label(row);
    const LabelMatch leaf = match_suffix(label, n);
    if (leaf.index >= 0) {
      row.kind = RowKind::Data;
      row.canonical = leaf.index;
      row.label_match = leaf.match;
      row.label = locate_suffix(row, text, leaf.matched_code_points);
      // What precedes the leaf label is a group label ("三、本年度办理结果"), possibly split across rows.
      const std::string prefix = label.substr(0, label.size() - leaf.matched_length);
      if (!prefix.empty()) {
        const ByteRange prefix_range = group_prefix_range(row, text);
        LabelMatch group = match_whole(prefix, n.groups);
        ByteRange group_range = prefix_range;
        if (group.index < 0 && !pending_group_fragment.empty()) {
          group = match_whole(pending_group_fragment + prefix, n.groups);
          group_range = {pending_fragment_range.begin, prefix_range.end};
        }
        if (group.index >= 0) {
          table.groups.push_back(GroupLabel{group.index, group_range, group.match, r});
          pending_group_fragment.clear();
        } else {
          pending_group_fragment = prefix;
          pending_fragment_range = prefix_range;
        }
      }
    } else if (LabelMatch group = match_whole(label, n.groups); group.index >= 0) {
      row.kind = RowKind::Group;
      const ByteRange range{row.cells[row.label_cells.front()].range.begin, row.cells[row.label_cells.back()].range.end};
      table.groups.push_back(GroupLabel{group.index, range, group.match, r});
    } else if (is_header_row(row, n)) {
      row.kind = RowKind::Header;
      continue;
    } else if (LabelMatch fuzzy = match_whole(row.cells[row.label_cells.back()].normalized, n.rows); fuzzy.index >= 0) {
      row.kind = RowKind::Data;
      row.canonical = fuzzy.index;
      row.label_match = fuzzy.match;
      row.label = row.cells[row.label_cells.back()].range;
    } else {
      const bool has_values = std::any_of(row.cells.begin(), row.cells.end(), [](const Cell& c) {
        return c.value.kind != ValueKind::Text && c.value.kind != ValueKind::Empty;
      });
      row.kind = has_values ? RowKind::Data : RowKind::Unknown;
      row.label = {row.cells[row.label_cells.front()].range.begin, row.cells[row.label_cells.back()].range.end};
    }
    assign_value_cells(row, spec);
  }
}

namespace {

// What a cell of a one-cell-per-line layout is, which decides whether it opens a row or joins the previous one.
enum class CellRole { Value, Header, Group, Label, Other };

bool is_header_word(std::string_view label, const NormalizedSpec& n) {
  return std::find(n.header_words.begin(), n.header_words.end(), label) != n.header_words.end();
}

CellRole role_of(const Cell& cell, const NormalizedSpec& n) {
  if (cell.value.kind != ValueKind::Text) return CellRole::Value;
  const std::string& label = cell.normalized;
  if (!n.note_prefix.empty() && label.substr(0, n.note_prefix.size()) == n.note_prefix) return CellRole::Header;
  if (match_whole(label, n.groups).index >= 0) return CellRole::Group;
  if (match_suffix(label, n).index >= 0 || match_whole(label, n.rows).index >= 0) return CellRole::Label;
  if (is_header_word(label, n)) return CellRole::Header;
  return CellRole::Other;
}

// Rows from a stream of cells: a row label (or text that is no header) followed by its values is a row, header words
// in a run are one header row (a word split over two lines, "商业" "企业", is one cell again), a group label stands
// alone, and values after a header open a row without label (table 四's).
std::vector<Row> rows_from_cells(std::vector<Cell> cells, const NormalizedSpec& n) {
  std::vector<Row> rows;
  CellRole open = CellRole::Value;  // the role of the open row's first cell
  bool has_values = false;
  for (Cell& cell : cells) {
    const CellRole role = role_of(cell, n);
    bool join = false;
    if (!rows.empty()) {
      if (role == CellRole::Value) join = open == CellRole::Label || open == CellRole::Other || open == CellRole::Value;
      else if (role == CellRole::Header) join = open == CellRole::Header;
      else if (role == CellRole::Other) join = !has_values && open != CellRole::Group;
    }
    if (!join) {
      rows.emplace_back();
      rows.back().range = cell.range;
      open = role;
      has_values = false;
    }
    Row& row = rows.back();
    has_values = has_values || role == CellRole::Value;
    if (join && role == CellRole::Other && open == CellRole::Header && !row.cells.empty() &&
        is_header_word(row.cells.back().normalized + cell.normalized, n)) {
      Cell& previous = row.cells.back();
      previous.normalized += cell.normalized;
      previous.range.end = previous.raw.end = cell.range.end;
    } else {
      row.cells.push_back(std::move(cell));
    }
    row.range.end = row.cells.back().range.end;
  }
  return rows;
}

}  // namespace

Table table_from_cells(std::vector<Cell> cells, const FormatDefinition& format, int section, std::string_view text) {
  Table table;
  table.section = section;
  table.recovered = true;
  if (cells.empty()) return table;
  table.range = {cells.front().range.begin, cells.back().range.end};
  Row all;
  all.cells = cells;
  table.rows.push_back(std::move(all));
  table.spec = recognise_table_spec(table, format, section);
  table.rows.clear();
  if (!table.spec) return table;
  table.rows = rows_from_cells(std::move(cells), normalized(*table.spec));
  recognise_rows(table, text);
  // A table has a header, a block title or the 勾稽关系 note; labels and numbers without any are a list in prose.
  if (std::none_of(table.rows.begin(), table.rows.end(), [](const Row& row) {
        return row.kind == RowKind::Header || row.kind == RowKind::Group || row.kind == RowKind::Note;
      })) {
    table.spec = nullptr;
    table.rows.clear();
    return table;
  }
  // A row cut off by the end of the text (an excerpt) is no row of the table.
  if (trim(text.substr(table.range.end)).empty()) {
    while (!table.rows.empty() && (table.rows.back().kind == RowKind::Unknown ||
                                   (table.rows.back().kind == RowKind::Data && !table.rows.back().complete)))
      table.rows.pop_back();
    if (!table.rows.empty()) table.range.end = table.rows.back().range.end;
  }
  // The rows are guessed from where labels and numbers stand: a data row that is not a whole canonical row means the
  // guess went wrong somewhere, and sums over it would be false.
  const bool whole = std::all_of(table.rows.begin(), table.rows.end(), [](const Row& row) {
    return row.kind != RowKind::Data || (row.canonical >= 0 && row.complete);
  });
  if (!whole) mark_unreadable(table);
  return table;
}

void mark_unreadable(Table& table) {
  table.rows.clear();
  table.groups.clear();
  table.unreadable = true;
}

}  // namespace xxgk
