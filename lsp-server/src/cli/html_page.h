// What the HTML pages of the CLI share (the review page of `check --format html`, the comparison page of `compare
// --format html`): escaping and one self-contained page frame — inline style and script, no network, no external
// assets, so that a page opens from disk and prints as it shows.
#pragma once

#include <string>
#include <string_view>

namespace xxgk::cli {

// Appends `text` with & < > " ' escaped, for element content and attribute values alike.
void append_escaped(std::string& out, std::string_view text);
std::string escaped(std::string_view text);

// The page up to and including <body>: doctype, Chinese language, charset, `title`, the shared style sheet.
std::string page_start(std::string_view title);
// </body></html>, after `script` (inline JavaScript, may be empty) in a <script> element.
std::string page_end(std::string_view script);

}  // namespace xxgk::cli
