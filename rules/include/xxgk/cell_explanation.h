// What a table value cell means, for the editor's hover and inlay hints: its row and column labels and, for a total,
// the terms of the identity in the format definition that defines it, with their sum. Analysis::explain_cell and
// Analysis::wrong_totals give them; the language server only writes them out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "xxgk/diagnostic.h"
#include "xxgk/model.h"

namespace xxgk {

struct CellTerm {
  std::string label;
  const Cell* cell = nullptr;  // null when the term's row is missing from the table
};

// A total cell, explained by the identity (row-sum or column-sum) that defines it.
struct TotalExplanation {
  std::vector<CellTerm> terms;
  double sum = 0;         // of the terms that are numbers
  bool complete = true;   // every term is present and a number
};

struct CellExplanation {
  const Table* table = nullptr;  // recognised: `table->spec` is set
  const Row* row = nullptr;
  const Cell* cell = nullptr;
  std::string row_label;  // empty for a row without one (table 四's data row: its column labels say everything)
  std::string column_label;
  std::optional<TotalExplanation> total;
};

// A total cell that a sum rule (the rule of a row-sum or column-sum identity) reported as wrong, with the sum of its
// terms, when every term is a number.
struct WrongTotal {
  const Cell* cell = nullptr;
  double computed = 0;
};

}  // namespace xxgk
