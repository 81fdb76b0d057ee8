// Canonical text generated from the format definition. Table layouts follow the clean reference report
// (tests/fixtures/clean/clean.txt): table 三's label area holds the group labels on the first row of each group and
// the row label after them; table 二 is a stack of blocks (title row, header row, rows); table 四 is its header rows
// and one unlabelled data row. Nothing here knows the 2021 labels: everything comes from the TableSpec.
#include "xxgk/templates.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "xxgk/normalize.h"

namespace xxgk {
namespace {

using Cells = std::vector<std::string>;

// The chain of groups a canonical row sits in, outermost first. A group is nested in another when the other's rows
// come both before and after its own (table 三: 三、本年度办理结果 encloses （三）不予公开 …), so the nesting is read
// from the row order in the definition rather than written in it.
class GroupNesting {
 public:
  explicit GroupNesting(const TableSpec& table) {
    for (size_t i = 0; i < table.rows.size(); ++i) {
      const std::string& group = table.rows[i].group;
      if (group.empty()) continue;
      auto [it, inserted] = spans_.try_emplace(group, Span{i, i});
      if (!inserted) it->second.last = i;
    }
  }

  Cells chain(const std::string& group) const {
    Cells outer_first;
    for (std::string current = group; !current.empty(); current = parent(current)) outer_first.push_back(current);
    std::reverse(outer_first.begin(), outer_first.end());
    return outer_first;
  }

  // Index of the first row inside `group` (its own rows or those of a nested group).
  size_t first_row(const std::string& group) const {
    size_t first = spans_.at(group).first;
    for (const auto& [other, span] : spans_)
      if (encloses(group, other)) first = std::min(first, span.first);
    return first;
  }

 private:
  struct Span {
    size_t first = 0;
    size_t last = 0;
  };

  bool encloses(const std::string& outer, const std::string& inner) const {
    if (outer == inner) return false;
    const Span& o = spans_.at(outer);
    const Span& i = spans_.at(inner);
    return o.first < i.first && i.last < o.last;
  }

  // The innermost group enclosing `group`, or "".
  std::string parent(const std::string& group) const {
    std::string best;
    for (const auto& [other, span] : spans_) {
      if (!encloses(other, group)) continue;
      if (best.empty() || encloses(best, other)) best = other;
    }
    return best;
  }

  std::map<std::string, Span> spans_;
};

const GroupSpec* find_group(const TableSpec& table, const std::string& id) {
  for (const GroupSpec& group : table.groups)
    if (group.id == id) return &group;
  return nullptr;
}

// Label columns of the template: what the header rows leave of their width after the value columns; one for a table
// without header rows (table 二).
size_t label_width(const TableSpec& table) {
  if (table.header_rows.empty()) return 1;
  return table.header_rows.front().size() - std::min(table.header_rows.front().size(), table.columns.size());
}

// The cells of canonical row `index`: group labels (on each group's first row), the row label, padding to the label
// width, one "0" per value, and padding to the table's width (table 二's one-value rows).
Cells row_cells(const TableSpec& table, size_t index, const GroupNesting& nesting) {
  const RowSpec& row = table.rows[index];
  Cells cells;
  if (table.blocks.empty() && !row.group.empty()) {
    for (const std::string& group : nesting.chain(row.group)) {
      const GroupSpec* spec = find_group(table, group);
      cells.push_back(spec && nesting.first_row(group) == index ? spec->label : "");
    }
  }
  if (!table.data_row_without_label) cells.push_back(row.label);
  const size_t labels = label_width(table);
  while (cells.size() < labels) cells.emplace_back();
  cells.insert(cells.end(), static_cast<size_t>(row.values), "0");
  while (cells.size() < labels + table.columns.size()) cells.emplace_back();
  return cells;
}

Cells padded(Cells cells, size_t width) {
  while (cells.size() < width) cells.emplace_back();
  return cells;
}

// The template's rows before the first data row (table 三/四: the header rows; table 二: the first block's title and
// header), then the rest; `header_count` tells where the first part ends.
struct TemplateRows {
  std::vector<Cells> rows;
  size_t header_count = 0;
  std::vector<Cells> canonical;  // the cells of each canonical row (row_cells), for a row rendered alone
};

TemplateRows template_rows(const TableSpec& table) {
  TemplateRows out;
  const GroupNesting nesting(table);
  for (size_t i = 0; i < table.rows.size(); ++i) out.canonical.push_back(row_cells(table, i, nesting));
  const size_t width = label_width(table) + table.columns.size();
  if (table.blocks.empty()) {
    out.rows = table.header_rows;
    out.header_count = out.rows.size();
    out.rows.insert(out.rows.end(), out.canonical.begin(), out.canonical.end());
    return out;
  }
  for (const BlockSpec& block : table.blocks) {
    const GroupSpec* title = find_group(table, block.group);
    out.rows.push_back(padded({title ? title->label : block.group}, width));
    out.rows.push_back(padded(block.header, width));
    if (out.header_count == 0) out.header_count = 2;
    for (size_t i = 0; i < table.rows.size(); ++i)
      if (table.rows[i].group == block.group) out.rows.push_back(out.canonical[i]);
  }
  return out;
}

// The template rows of `table`. Those of the built-in format's tables are built once: S103 renders a whole table for
// each missing section in every lint, and building the rows was a third of the time of linting a short text.
// Other tables (a format parsed by a test) are built into `scratch`.
const TemplateRows& rows_of(const TableSpec& table, TemplateRows& scratch) {
  const std::vector<TableSpec>& built_in = format_2021().tables;
  const std::less<const TableSpec*> before;
  if (!before(&table, built_in.data()) && before(&table, built_in.data() + built_in.size())) {
    static const std::vector<TemplateRows> cached = [&] {
      std::vector<TemplateRows> rows;
      for (const TableSpec& each : built_in) rows.push_back(template_rows(each));
      return rows;
    }();
    return cached[static_cast<size_t>(&table - built_in.data())];
  }
  scratch = template_rows(table);
  return scratch;
}

// A GFM table must be rectangular: the label area of a row narrower than the table's widest row is widened (after its
// label cells) to `width` cells.
void widen(const TableSpec& table, Cells& row, size_t width) {
  const size_t values = std::min(row.size(), table.columns.size());
  row.insert(row.end() - static_cast<std::ptrdiff_t>(values), width - row.size(), "");
}

size_t widest(const std::vector<Cells>& rows) {
  size_t width = 0;
  for (const Cells& row : rows) width = std::max(width, row.size());
  return width;
}

void make_rectangular(const TableSpec& table, std::vector<Cells>& rows) {
  const size_t width = widest(rows);
  for (Cells& row : rows) widen(table, row, width);
}

std::string render_line(const Cells& cells, const TemplateStyle& style) {
  std::string line;
  if (style.separator == '|') {
    // Always with outer pipes: without them a row whose first cells are empty would be ambiguous.
    line += '|';
    for (const std::string& cell : cells) line += cell.empty() ? " |" : " " + cell + " |";
  } else {
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) line += style.separator;
      line += cells[i];
    }
  }
  line += style.newline;
  return line;
}

std::string delimiter_line(size_t width, const TemplateStyle& style) {
  std::string line = "|";
  for (size_t i = 0; i < width; ++i) line += " --- |";
  line += style.newline;
  return line;
}

// Renders rows [begin, end) of the template (end is capped by the number of rows); in Markdown the delimiter row
// follows the first row.
std::string render_rows(const TableSpec& table, size_t begin, size_t end, const TemplateStyle& style) {
  TemplateRows scratch;
  const TemplateRows& template_table = rows_of(table, scratch);
  std::vector<Cells> rectangular;
  if (style.markdown) {
    rectangular = template_table.rows;
    make_rectangular(table, rectangular);
  }
  const std::vector<Cells>& rows = style.markdown ? rectangular : template_table.rows;
  std::string out;
  for (size_t i = begin; i < end && i < rows.size(); ++i) {
    out += render_line(rows[i], style);
    if (style.markdown && i == 0) out += delimiter_line(rows[0].size(), style);
  }
  return out;
}

}  // namespace

std::string render_table(const TableSpec& table, const TemplateStyle& style) {
  return render_rows(table, 0, SIZE_MAX, style);
}

std::string render_header(const TableSpec& table, const TemplateStyle& style) {
  TemplateRows scratch;
  return render_rows(table, 0, rows_of(table, scratch).header_count, style);
}

std::string render_row(const TableSpec& table, int row_index, const TemplateStyle& style) {
  if (row_index < 0 || static_cast<size_t>(row_index) >= table.rows.size()) return {};
  TemplateRows scratch;
  const TemplateRows& template_table = rows_of(table, scratch);
  const Cells& cells = template_table.canonical[static_cast<size_t>(row_index)];
  if (!style.markdown) return render_line(cells, style);
  // As wide as the rendered table's rows (a row of a block table missing from every block counts too).
  Cells widened = cells;
  widen(table, widened, std::max(widest(template_table.rows), cells.size()));
  return render_line(widened, style);
}

std::string render_heading(const SectionSpec& section, const TemplateStyle& style) {
  return (style.markdown ? "## " : "") + section.heading();
}

std::string render_skeleton(const FormatDefinition& format, std::string_view agency_name, int year,
                            const TemplateStyle& style) {
  const std::string agency(agency_name);
  const std::string y = std::to_string(year);
  const std::string nl(style.newline);
  std::string out;
  auto paragraph = [&](const std::string& text) { out += text + nl + nl; };

  paragraph((style.markdown ? "# " : "") + agency + y + "年" + format.title_phrase);

  std::string parts;
  for (const SectionSpec& section : format.sections) parts += (parts.empty() ? "" : "、") + section.title;
  paragraph("根据" + format.regulation_citation + "（以下简称《条例》）和" + format.notice_citation +
            "要求，编制本报告。本报告由" + parts + chinese_numeral(static_cast<int>(format.sections.size())) +
            "部分组成。本报告中所列数据的统计期限自" + y + "年1月1日起至" + y + "年12月31日止。如对本报告有疑问，请与" +
            agency + "联系。");

  // Placeholders start with 【待填写】 so that they are easy to find, and end like a sentence so that no rule reads
  // them as a broken paragraph.
  for (const SectionSpec& section : format.sections) {
    paragraph(render_heading(section, style));
    if (section.number == 1) {
      paragraph(y + "年，" + agency + "认真贯彻落实《条例》，坚持以公开为常态、不公开为例外。【待填写】本年度工作概述。");
      for (size_t i = 0; i < format.overview_areas.size(); ++i) {
        const bool last = i + 1 == format.overview_areas.size();
        paragraph("（" + chinese_numeral(static_cast<int>(i) + 1) + "）" + format.overview_areas[i].name + "。【待填写】本年度" +
                  format.overview_areas[i].name + "工作情况" +
                  (last ? "，以及工作考核、社会评议和责任追究结果情况（人民政府填写）" : "") + "。");
      }
    } else if (const TableSpec* table = format.table_for_section(section.number)) {
      out += render_table(*table, style);
      out += nl;
    } else if (section.number == 5) {
      paragraph("（一）存在的主要问题。【待填写】本年度政府信息公开工作存在的主要问题和不足。");
      paragraph("（二）改进情况。【待填写】上年度报告所列问题的整改情况，以及下一步的改进措施。");
    } else if (section.number == 6) {
      paragraph("（一）信息处理费收取情况。" + y +
                "年，本机关依据《政府信息公开信息处理费管理办法》发出收费通知的件数为0件，总金额为0元，实际收取的总金额为0元。");
      paragraph("（二）落实上级年度政务公开工作要点情况。【待填写】落实" + y + "年政务公开工作要点的情况。");
      paragraph("（三）人大代表建议和政协提案办理结果公开情况。【待填写】人大代表建议和政协提案办理结果的公开情况。");
      paragraph("（四）年度政务公开工作创新情况。【待填写】本年度政务公开工作的创新做法。");
    }
  }

  out += agency + nl;
  out += std::to_string(year + 1) + "年1月20日" + nl;
  return out;
}

}  // namespace xxgk
