// Reports in the formats they are published in (web pages, Word documents, PDF files): read by the core's readers,
// linted as the text they hold, and their diagnostics moved back to the source.
#pragma once

#include <string>
#include <string_view>

#include "cli/report_writer.h"
#include "xxgk/source_reader.h"

namespace xxgk::cli {

// Reads `bytes` as `format`, lints them and returns the file's report: for HTML, the page (decoded to UTF-8) as the
// text the ranges refer to; for DOCX and PDF, the text read from the document, with each diagnostic's location.
// Diagnostics that are off, or below errors when `errors_only`, are left out. Throws SourceReadError.
FileReport check_published(std::string display, SourceFormat format, std::string_view bytes,
                           const LintOptions& options, bool errors_only);

// Why `fix` leaves such a file alone.
std::string published_fix_refusal(SourceFormat format);

}  // namespace xxgk::cli
