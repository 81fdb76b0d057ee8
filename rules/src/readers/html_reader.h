// The web page reader's entry with its one internal choice exposed, for tests.
#pragma once

#include <string_view>

#include "xxgk/source_reader.h"

namespace xxgk::readers {

// read_html; with `condense` false the parser reads the whole page as it is instead of the condensed page
// (html_condenser.h), which must give the same document.
SourceDocument read_html_page(std::string_view bytes, bool condense);

}  // namespace xxgk::readers
