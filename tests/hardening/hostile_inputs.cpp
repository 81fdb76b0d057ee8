#include "hostile_inputs.h"

#include "cli_test_support.h"

namespace xxgk::hardening {

namespace {

std::string repeat(const std::string& piece, size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (size_t i = 0; i < times; ++i) out += piece;
  return out;
}

}  // namespace

std::string clean_report() { return cli_test::read_file(XXGK_FIXTURES_DIR "/clean/clean.txt"); }

std::string one_long_line(size_t bytes) { return repeat("年", bytes / 3); }

std::string wide_row(size_t columns) { return repeat("1\t", columns - 1) + "1\n"; }

std::string many_lines(size_t lines) { return repeat("正文。\n", lines); }

std::string nested_subitems(size_t lines, size_t depth) {
  std::string out;
  for (size_t i = 0; i < lines; ++i) out += repeat("\u3000", i % 16) + repeat("（一）", i % depth + 1) + "\n";
  return out;
}

std::string clean_report_with(const std::string& bytes) {
  std::string report = clean_report();
  const size_t middle_line = report.find('\n', report.size() / 2);
  // Three bytes into the line: after its first character, inside the line.
  report.insert(middle_line + 1 + 3, bytes);
  return report;
}

std::string clean_report_utf16() { return "\xFF\xFE" + cli_test::encode(clean_report(), "UTF-16LE"); }

std::string clean_report_gb18030() { return cli_test::encode(clean_report(), "GB18030"); }

std::string docx_bytes() {
  // 16 bytes of a ZIP local file header, every one written out (the literal must hold all that is copied).
  return std::string("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\x00\x00", 16) + "[Content_Types].xml" +
         std::string(64, '\x9C');
}

std::string pdf_bytes() { return "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"; }

}  // namespace xxgk::hardening
