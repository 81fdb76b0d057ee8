// read_pdf with poppler-cpp: each page's text boxes, laid out by the core (layout_pdf_pages).
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <unicode/ustring.h>

#include <memory>
#include <string_view>

#include "xxgk/source_reader.h"

namespace xxgk {

namespace {

// Poppler reports what it cannot parse on stderr by default; a broken file is reported by the reader instead.
void quiet(const std::string&, void*) {}

constexpr int kMaxPages = 500;

// Poppler builds its global tables (glyph names, encodings, Unicode maps: GlobalParams) when a first document opens and
// frees them when the last one closes, so each file read after another rebuilt them: reading and checking a six-page
// report took 9.9 ms instead of 6.3 (readers_bench), reading the PDF fuzz seeds 1,327 µs a file instead of 384. An
// empty document held open until the process exits keeps them.
void keep_poppler_tables() {
  static constexpr std::string_view kEmptyPdf =
      "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
      "trailer<</Root 1 0 R>>\n%%EOF\n";
  static const std::unique_ptr<poppler::document> held(
      poppler::document::load_from_raw_data(kEmptyPdf.data(), static_cast<int>(kEmptyPdf.size())));
}

// A text box's UTF-16 as UTF-8, with U+FFFD for an unpaired surrogate. Poppler's own ustring::to_utf8 opens and
// closes an iconv converter for every call (replaying the PDF fuzz seeds in the sanitizer build, this way is 1.03-1.05x
// as fast) and drops the rest of the text at an unpaired surrogate.
std::string utf8_of(const poppler::ustring& text) {
  static_assert(sizeof(poppler::ustring::value_type) == sizeof(UChar));
  const auto* units = reinterpret_cast<const UChar*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  std::string utf8(text.size() * 3, '\0');  // a UTF-16 unit gives at most 3 bytes; a pair gives 4
  int32_t written = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strToUTF8WithSub(utf8.data(), static_cast<int32_t>(utf8.size()), &written, units, length, 0xFFFD, nullptr,
                     &status);
  utf8.resize(U_SUCCESS(status) ? static_cast<size_t>(written) : 0);
  return utf8;
}

}  // namespace

SourceDocument read_pdf(std::string_view bytes) {
  poppler::set_debug_error_function(quiet, nullptr);
  keep_poppler_tables();
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document) throw SourceReadError("PDF 文件已损坏，无法读取 (a broken PDF file: it cannot be read)");
  if (document->is_locked())
    throw SourceReadError("PDF 文件已加密，无法读取 (an encrypted PDF file: it cannot be read without its password)");
  if (document->pages() > kMaxPages)
    throw SourceReadError("PDF 文件页数过多，不是年度报告 (far too many pages for a report)");
  std::vector<std::vector<PdfTextBox>> pages;
  bool any_text = false;
  for (int i = 0; i < document->pages(); ++i) {
    std::unique_ptr<poppler::page> page(document->create_page(i));
    std::vector<PdfTextBox>& boxes = pages.emplace_back();
    if (!page) continue;
    for (const poppler::text_box& box : page->text_list()) {
      const poppler::rectf bounds = box.bbox();
      boxes.push_back({utf8_of(box.text()), bounds.left(), bounds.top(), bounds.right(), bounds.bottom()});
      any_text = any_text || !boxes.back().text.empty();
    }
  }
  if (!any_text)
    throw SourceReadError(
        "PDF 文件没有文字层（可能是扫描件），无法检查；请检查报告的网页或 Word 版本 (the PDF has no text layer, as "
        "scanned pages have none: nothing to check; check the web page or Word version of the report)");
  return layout_pdf_pages(pages);
}

}  // namespace xxgk
