// A report's model written out as text (title, sections, every table row's kind, canonical row and cells), so that
// tests can compare the models two inputs give (a published page or document against its text version).
#pragma once

#include <string>
#include <string_view>

#include "xxgk/linter.h"

namespace xxgk::testing_support {

inline std::string model_text(std::string_view text) {
  const Report report = build_report(text, {});
  std::string out = "title:" + (report.title ? report.title->text : std::string("-")) + "\n";
  for (const Section& section : report.sections)
    out += "section " + std::to_string(section.number) + ":" + section.heading->normalized + " paragraphs " +
           std::to_string(section.paragraphs.size()) + "\n";
  for (const Table& table : report.tables) {
    out += "table " + (table.spec ? table.spec->id : std::string("?")) + " in " + std::to_string(table.section) + "\n";
    for (const Row& row : table.rows) {
      out += "  " + std::to_string(static_cast<int>(row.kind)) + "/" + std::to_string(row.canonical) + ":";
      for (const Cell& cell : row.cells) out += std::string(report.slice(cell.range)) + "|";
      out += "\n";
    }
  }
  return out;
}

}  // namespace xxgk::testing_support
