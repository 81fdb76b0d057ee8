// Reading a table cell as a number: integers, decimals (万元), full-width digits, unit text, placeholders.
#pragma once

#include <string_view>

#include "xxgk/model.h"

namespace xxgk {

// Classifies the content of a cell (already trimmed). `offset` is the content's byte offset in the document, used
// for CellValue::number_range.
CellValue parse_cell_value(std::string_view content, size_t offset);

}  // namespace xxgk
