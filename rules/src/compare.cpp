#include "xxgk/compare.h"

#include <algorithm>
#include <unordered_set>

#include "xxgk/normalize.h"

namespace xxgk {

namespace {

bool is_space_or_punctuation(char32_t cp) {
  if (cp < 0x80) return !((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'));
  return (cp >= 0x2000 && cp <= 0x206F) ||  // general punctuation: spaces, dashes, quotes, ellipsis
         (cp >= 0x3000 && cp <= 0x303F) ||  // CJK symbols and punctuation: 、。〈〉《》「」【】〔〕
         (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
         (cp >= 0xFF5B && cp <= 0xFF65) || cp == 0x00A0 || cp == 0x00B7;
}

bool is_digit(char32_t cp) { return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19); }

// The bigrams of `text` as described at prose_similarity, each packed into one number.
std::unordered_set<uint64_t> bigrams(std::string_view text) {
  constexpr char32_t kNumber = 0x23;  // '#', which punctuation removal guarantees is not otherwise present
  std::unordered_set<uint64_t> set;
  char32_t previous = 0;
  for (size_t i = 0; i < text.size();) {
    size_t length = 1;
    char32_t cp = decode_utf8(text, i, length);
    i += length;
    if (is_space_or_punctuation(cp)) continue;
    if (is_digit(cp)) {
      if (previous == kNumber) continue;
      cp = kNumber;
    }
    if (previous != 0) set.insert(uint64_t{previous} << 32 | cp);
    previous = cp;
  }
  return set;
}

std::string prose_of(const Report& report, const Section& section, size_t& characters) {
  std::string prose;
  for (size_t index : section.paragraphs) prose.append(report.search_slice(report.paragraphs[index].range));
  characters = code_point_count(prose);
  return prose;
}

// The value column labels of `row`: the table's columns, or for table 二's one-value blocks the block's header.
std::vector<std::string_view> column_labels(const TableSpec& table, const RowSpec& row) {
  std::vector<std::string_view> labels;
  if (static_cast<size_t>(row.values) == table.columns.size()) {
    labels.assign(table.columns.begin(), table.columns.end());
    return labels;
  }
  for (const BlockSpec& block : table.blocks)
    if (block.group == row.group && block.header.size() == static_cast<size_t>(row.values) + 1) {
      labels.assign(block.header.begin() + 1, block.header.end());
      return labels;
    }
  labels.assign(static_cast<size_t>(row.values), table.title);
  return labels;
}

struct CellFigure {
  std::optional<double> value;
  ByteRange range;
};

CellFigure figure(const Table* table, const RowSpec& row, size_t column) {
  if (table == nullptr) return {};
  const Row* found = table->row_for(row.id);
  const Cell* cell = found != nullptr ? found->value(column) : nullptr;
  if (cell == nullptr || !cell->value.is_number()) return {};
  return {cell->value.number, cell->range};
}

}  // namespace

double prose_similarity(std::string_view a, std::string_view b) {
  const std::unordered_set<uint64_t> first = bigrams(a), second = bigrams(b);
  if (first.empty() && second.empty()) return a.empty() == b.empty() ? 1.0 : 0.0;
  const std::unordered_set<uint64_t>& smaller = first.size() <= second.size() ? first : second;
  const std::unordered_set<uint64_t>& larger = first.size() <= second.size() ? second : first;
  size_t shared = 0;
  for (uint64_t bigram : smaller) shared += larger.count(bigram);
  return static_cast<double>(shared) / static_cast<double>(first.size() + second.size() - shared);
}

ReportComparison compare_reports(const Report& last, const Report& current) {
  ReportComparison comparison;
  comparison.last = report_identity(last);
  comparison.current = report_identity(current);
  const FormatDefinition& format = current.format != nullptr ? *current.format : format_2021();

  for (const TableSpec& table : format.tables) {
    const Table* last_table = last.table(table.id);
    const Table* current_table = current.table(table.id);
    for (const RowSpec& row : table.rows) {
      const std::vector<std::string_view> columns = column_labels(table, row);
      for (size_t column = 0; column < columns.size(); ++column) {
        const CellFigure before = figure(last_table, row, column), now = figure(current_table, row, column);
        comparison.figures.push_back(FigureComparison{table.title, row.label.empty() ? table.title : row.label,
                                                      columns[column], before.value, now.value, before.range,
                                                      now.range});
      }
    }
  }

  for (const SectionSpec& spec : format.sections) {
    const Section* before = last.section(spec.number);
    const Section* now = current.section(spec.number);
    if (before == nullptr || now == nullptr) continue;
    SectionComparison section;
    section.section = spec.number;
    section.heading = spec.title;
    section.last_range = before->range;
    section.current_range = now->range;
    const std::string last_prose = prose_of(last, *before, section.last_characters);
    const std::string current_prose = prose_of(current, *now, section.current_characters);
    if (std::min(section.last_characters, section.current_characters) < kMinimumComparedProse) continue;
    section.similarity = prose_similarity(last_prose, current_prose);
    section.nearly_same = section.similarity >= kNearlySameProse;
    comparison.sections.push_back(section);
  }
  return comparison;
}

}  // namespace xxgk
