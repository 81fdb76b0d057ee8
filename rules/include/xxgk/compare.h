// Two years of one agency side by side (`xxgk-lint compare LAST THIS`): every figure of the three tables with last
// year's value, this year's and the change, and how much of each section's prose is the same as last year's
// (copy-paste, 内容雷同). Models in, comparison out: reading files and printing are the front ends' job.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xxgk/cross_document.h"
#include "xxgk/model.h"

namespace xxgk {

// One cell of a canonical table row in both years.
struct FigureComparison {
  std::string_view table;   // the table's title in the format ("收到和处理政府信息公开申请情况")
  std::string_view row;     // the canonical row label
  std::string_view column;  // the value column's label
  std::optional<double> last;     // absent when the row or cell is missing or not a number
  std::optional<double> current;
  ByteRange last_range, current_range;  // the cells (empty when absent)
  std::optional<double> change() const {
    return last && current ? std::optional<double>(*current - *last) : std::nullopt;
  }
};

// One section's prose in both years.
struct SectionComparison {
  int section = 0;           // 1..6
  std::string_view heading;  // canonical heading without numeral ("总体情况")
  double similarity = 0;     // prose_similarity of the two sections' prose, 0..1
  bool nearly_same = false;  // similarity ≥ kNearlySameProse
  ByteRange last_range, current_range;  // the sections
  size_t last_characters = 0, current_characters = 0;  // characters of prose compared
};

// Sections whose prose is at least this similar are reported as nearly the same as last year's.
inline constexpr double kNearlySameProse = 0.8;
// Sections with less prose than this (in characters, either year) are not compared: a sentence or two is alike in
// every report.
inline constexpr size_t kMinimumComparedProse = 40;

struct ReportComparison {
  ReportIdentity last, current;
  std::vector<FigureComparison> figures;   // table by table, row by row, column by column, in the format's order
  std::vector<SectionComparison> sections;  // the sections present in both, with enough prose
};

// How alike two texts are: the Jaccard index of their sets of character bigrams (pairs of adjacent code points),
// after dropping whitespace and punctuation and writing every run of digits as one placeholder (so that a copy with
// this year's numbers put in still counts as a copy). 1 for identical texts, 0 for texts sharing no bigram.
double prose_similarity(std::string_view a, std::string_view b);

ReportComparison compare_reports(const Report& last, const Report& current);

}  // namespace xxgk
