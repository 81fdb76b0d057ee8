// The hostile inputs of the hardening tests, generated when a test runs (some are tens of megabytes, too big to
// commit). Sizes are parameters so that each test picks one just beyond, or just within, the bound it is about.
#pragma once

#include <cstddef>
#include <string>

namespace xxgk::hardening {

// tests/fixtures/clean/clean.txt: a complete report that lints clean.
std::string clean_report();

// One line of `bytes` bytes of valid UTF-8 prose (年年年…), without a terminator.
std::string one_long_line(size_t bytes);
// One table row "1\t1\t…1\n" of `columns` cells.
std::string wide_row(size_t columns);
// `lines` short prose lines without 是 (the word that opens "一是…二是…" enumerations).
std::string many_lines(size_t lines);
// `lines` lines of sub-items nested ever deeper: growing indentation and 1 to `depth` repeated （一） markers, as a
// converter that flattens nested lists might write them.
std::string nested_subitems(size_t lines, size_t depth);
// The clean report with `bytes` spliced into the middle of a line.
std::string clean_report_with(const std::string& bytes);
// The clean report as UTF-16LE with a byte order mark.
std::string clean_report_utf16();
// The clean report in GB18030.
std::string clean_report_gb18030();
// The first bytes of a .docx (a ZIP archive) and of a PDF.
std::string docx_bytes();
std::string pdf_bytes();

}  // namespace xxgk::hardening
