#include "xxgk/format.h"

#include <algorithm>
#include <cstring>

#include <nlohmann/json.hpp>

#include <stdexcept>

#include "xxgk/normalize.h"

namespace xxgk {

extern const std::string_view kFormatGov2021Json;

namespace {

// Whether `text` holds `marker`. The places of the marker's last byte are compared: its first byte, the lead byte of
// a common character, recurs every few characters of a Chinese line (string_view::find stops at each of them).
bool holds(std::string_view text, std::string_view marker) {
  if (marker.empty()) return true;
  if (text.size() < marker.size()) return false;
  const char* const end = text.data() + text.size();
  for (const char* p = text.data() + marker.size() - 1; p < end; ++p) {
    p = static_cast<const char*>(std::memchr(p, marker.back(), static_cast<size_t>(end - p)));
    if (p == nullptr) return false;
    if (std::memcmp(p + 1 - marker.size(), marker.data(), marker.size() - 1) == 0) return true;
  }
  return false;
}

using nlohmann::json;

template <typename T>
T get_or(const json& object, const char* key, T fallback) {
  const auto it = object.find(key);
  return it == object.end() ? fallback : it->get<T>();
}

std::vector<std::string> strings(const json& object, const char* key) {
  return get_or<std::vector<std::string>>(object, key, {});
}

GroupSpec parse_group(const json& j) {
  return GroupSpec{j.at("id").get<std::string>(), j.at("label").get<std::string>(), strings(j, "variants")};
}

RowSpec parse_row(const json& j) {
  RowSpec row;
  row.id = j.at("id").get<std::string>();
  row.label = j.at("label").get<std::string>();
  row.variants = strings(j, "variants");
  row.group = get_or<std::string>(j, "group", "");
  row.values = j.at("values").get<int>();
  row.decimal = get_or<bool>(j, "decimal", false);
  return row;
}

IdentitySpec parse_identity(const json& j) {
  IdentitySpec identity;
  identity.id = j.at("id").get<std::string>();
  identity.rule = j.at("rule").get<std::string>();
  const std::string kind = j.at("kind").get<std::string>();
  identity.rows = strings(j, "rows");
  identity.terms = get_or<std::vector<int>>(j, "terms", {});
  identity.total = get_or<int>(j, "total", -1);
  identity.term_rows = strings(j, "term_rows");
  identity.total_row = get_or<std::string>(j, "total_row", "");
  identity.left = strings(j, "left");
  identity.right = strings(j, "right");
  identity.groups = get_or<std::vector<std::vector<int>>>(j, "groups", {});
  if (kind == "row-sum")
    identity.kind = IdentityKind::RowSum;
  else if (kind == "column-sum")
    identity.kind = IdentityKind::ColumnSum;
  else if (kind == "balance")
    identity.kind = IdentityKind::Balance;
  else
    throw std::runtime_error("identity " + identity.id + ": unknown kind '" + kind + "'");
  return identity;
}

TableSpec parse_table(const json& j) {
  TableSpec table;
  table.id = j.at("id").get<std::string>();
  table.section = j.at("section").get<int>();
  table.title = j.at("title").get<std::string>();
  table.columns = strings(j, "columns");
  table.header_rows = get_or<std::vector<std::vector<std::string>>>(j, "header_rows", {});
  table.note = get_or<std::string>(j, "note", "");
  table.header_words = strings(j, "header_words");
  table.fingerprints = strings(j, "fingerprints");
  table.data_row_without_label = get_or<bool>(j, "data_row_without_label", false);
  for (const json& g : j.at("groups")) table.groups.push_back(parse_group(g));
  if (j.contains("blocks"))
    for (const json& b : j.at("blocks"))
      table.blocks.push_back(BlockSpec{b.at("group").get<std::string>(), strings(b, "header")});
  for (const json& r : j.at("rows")) table.rows.push_back(parse_row(r));
  for (const json& i : j.at("identities")) table.identities.push_back(parse_identity(i));
  // Identities name rows and columns; a typo in the data must fail loudly at load time, not silently check nothing.
  auto resolve = [&](const std::string& id) {
    const int index = table.row_index(id);
    if (index < 0) throw std::runtime_error(table.id + ": identity names unknown row " + id);
    return index;
  };
  auto resolve_all = [&](const std::vector<std::string>& ids) {
    std::vector<int> indices;
    for (const std::string& id : ids) indices.push_back(resolve(id));
    return indices;
  };
  for (IdentitySpec& identity : table.identities) {
    identity.row_indices = resolve_all(identity.rows);
    identity.term_row_indices = resolve_all(identity.term_rows);
    identity.left_indices = resolve_all(identity.left);
    identity.right_indices = resolve_all(identity.right);
    if (!identity.total_row.empty()) identity.total_row_index = resolve(identity.total_row);
    if (identity.kind == IdentityKind::RowSum) {
      identity.column_sums = identity.groups;
      if (identity.groups.empty()) {
        identity.column_sums.push_back(identity.terms);
        identity.column_sums.back().push_back(identity.total);
      }
    }
  }
  return table;
}

// The text of `citation` between its first `open` and the `close` after it: the title a citation quotes.
std::string between(const std::string& citation, std::string_view open, std::string_view close) {
  const size_t begin = citation.find(open);
  const size_t end = begin == std::string::npos ? begin : citation.find(close, begin + open.size());
  if (end == std::string::npos)
    throw std::runtime_error("citation without " + std::string(open) + "…" + std::string(close) + ": " + citation);
  return citation.substr(begin + open.size(), end - begin - open.size());
}

// The named cells, each checked against the tables: a misspelt table, row or column must fail the load.
std::array<CellRef, kNamedCellCount> parse_named_cells(const json& j, const std::vector<TableSpec>& tables) {
  static constexpr std::array<std::string_view, kNamedCellCount> kNames = {
      "applications_received", "unpaid_fee_applications", "review_total", "direct_litigation_total",
      "litigation_after_review_total"};
  std::array<CellRef, kNamedCellCount> cells;
  for (size_t i = 0; i < kNamedCellCount; ++i) {
    const std::string name(kNames[i]);
    const json& cell = j.at(name);
    cells[i] = CellRef{cell.at("table").get<std::string>(), cell.at("row").get<std::string>(),
                       cell.at("column").get<size_t>()};
    const auto table =
        std::find_if(tables.begin(), tables.end(), [&](const TableSpec& t) { return t.id == cells[i].table; });
    const RowSpec* row = table == tables.end() ? nullptr : table->row(cells[i].row);
    if (!row || cells[i].column >= static_cast<size_t>(row->values))
      throw std::runtime_error("named cell " + name + ": no value column " + std::to_string(cells[i].column) +
                               " in row " + cells[i].row + " of " + cells[i].table);
  }
  return cells;
}

}  // namespace

const RowSpec* TableSpec::row(std::string_view row_id) const {
  const int index = row_index(row_id);
  return index < 0 ? nullptr : &rows[static_cast<size_t>(index)];
}

int TableSpec::row_index(std::string_view row_id) const {
  for (size_t i = 0; i < rows.size(); ++i)
    if (rows[i].id == row_id) return static_cast<int>(i);
  return -1;
}

bool FormatDefinition::is_page_chrome(std::string_view line) const {
  constexpr size_t kMaxChromeCodePoints = 60;
  line = trim(line);
  if (line.empty() || line.find("。") != std::string_view::npos || code_point_count(line) > kMaxChromeCodePoints)
    return false;
  // A time stamp alone, maybe after a list bullet ("• 2022-01-24 09:05").
  std::string_view stamp = line;
  if (stamp.starts_with("•")) stamp = trim(stamp.substr(std::string_view("•").size()));
  // Whether the line is all digits and separators first: a line of text fails that at its first character.
  const bool is_stamp = stamp.find_first_not_of("0123456789-:. ") == std::string_view::npos &&
                        stamp.find_first_of("0123456789") != std::string_view::npos;
  return is_stamp || std::any_of(page_chrome_markers.begin(), page_chrome_markers.end(),
                              [&](const std::string& marker) { return holds(line, marker); });
}

const SectionSpec* FormatDefinition::section(int number) const {
  for (const SectionSpec& s : sections)
    if (s.number == number) return &s;
  return nullptr;
}

const TableSpec* FormatDefinition::table(std::string_view table_id) const {
  for (const TableSpec& t : tables)
    if (t.id == table_id) return &t;
  return nullptr;
}

const TableSpec* FormatDefinition::table_for_section(int section_number) const {
  for (const TableSpec& t : tables)
    if (t.section == section_number) return &t;
  return nullptr;
}

FormatDefinition parse_format_definition(std::string_view text) {
  try {
    const json j = json::parse(text);
    FormatDefinition format;
    format.id = j.at("id").get<std::string>();
    format.notice = j.at("notice").get<std::string>();
    format.first_year = j.at("first_year").get<int>();
    format.title_phrase = j.at("title_phrase").get<std::string>();
    format.title_variants = strings(j, "title_variants");
    format.regulation_citation = j.at("regulation_citation").get<std::string>();
    format.notice_citation = j.at("notice_citation").get<std::string>();
    for (const json& s : j.at("sections"))
      format.sections.push_back(SectionSpec{s.at("number").get<int>(), s.at("numeral").get<std::string>(),
                                            s.at("title").get<std::string>(), strings(s, "variants")});
    for (const json& a : j.at("overview_areas"))
      format.overview_areas.push_back(KeywordArea{a.at("name").get<std::string>(), strings(a, "keywords")});
    format.accountability = strings(j, "accountability");
    format.old_format_labels = strings(j, "old_format_labels");
    format.old_format_headings = strings(j, "old_format_headings");
    format.trial_notice = j.at("trial_format").at("notice").get<std::string>();
    format.trial_first_year = j.at("trial_format").at("first_year").get<int>();
    format.trial_number = j.at("trial_format").at("number").get<std::string>();
    format.trial_title_words = j.at("trial_format").at("title_words").get<std::string>();
    format.notice_marks = strings(j, "notice_marks");
    format.era_2008_marks = strings(j, "era_2008_marks");
    format.problem_words = strings(j, "problem_words");
    format.improvement_words = strings(j, "improvement_words");
    format.footer_markers = strings(j, "footer_markers");
    format.page_chrome_markers = strings(j, "page_chrome_markers");
    format.placeholder_marks = strings(j, "placeholder_marks");
    format.placeholder_name_suffixes = j.at("placeholder_name_suffixes").get<std::string>();
    format.fee_keywords = strings(j, "fee_keywords");
    format.fee_notice_count_words = strings(j, "fee_notice_count_words");
    format.fee_notice_amount_words = strings(j, "fee_notice_amount_words");
    format.fee_collected_words = strings(j, "fee_collected_words");
    for (const json& t : j.at("tables")) format.tables.push_back(parse_table(t));
    const json& narrative = j.at("narrative");
    format.narrative =
        NarrativeWords{prose::Negations{strings(narrative, "negations"), strings(narrative, "negation_idiom_tails")},
                       strings(narrative, "application_verbs"), strings(narrative, "other_proceedings"),
                       narrative.at("review").get<std::string>(), narrative.at("litigation").get<std::string>()};
    format.format_title = between(format.notice_citation, "〈", "〉");
    format.regulation_title = between(format.regulation_citation, "《", "》");
    format.named_cells = parse_named_cells(j.at("named_cells"), format.tables);
    return format;
  } catch (const json::exception& e) {
    throw std::runtime_error(std::string("format definition: ") + e.what());
  }
}

const FormatDefinition& format_2021() {
  static const FormatDefinition format = parse_format_definition(kFormatGov2021Json);
  return format;
}

}  // namespace xxgk
