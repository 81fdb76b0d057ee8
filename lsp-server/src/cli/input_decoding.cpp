#include "cli/input_decoding.h"

#include "xxgk/charset.h"
#include "xxgk/positions.h"

namespace xxgk::cli {

namespace {

// Control characters other than tab, line feed, vertical tab, form feed and carriage return do not occur in a report.
bool has_binary_controls(std::string_view text) {
  for (unsigned char c : text)
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r') return true;
  return false;
}

// A file format recognised by its first bytes, or "" for none.
std::string_view known_binary_format(std::string_view bytes) {
  if (bytes.starts_with("%PDF-")) return "PDF 文档 (a PDF document)";
  if (bytes.starts_with(std::string_view("PK\x03\x04", 4)))
    return "ZIP 压缩包或 DOCX/XLSX 文档 (a ZIP archive or an Office document such as DOCX)";
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    return "旧版 DOC/XLS 文档 (a legacy Office document such as DOC)";
  if (bytes.starts_with("{\\rtf")) return "RTF 文档 (an RTF document)";
  return "";
}

DecodedInput not_text(std::string reason) {
  DecodedInput input;
  input.not_text_reason = std::move(reason);
  return input;
}

DecodedInput utf16(std::string_view bytes, SourceEncoding encoding) {
  std::optional<std::string> text =
      convert_to_utf8(encoding == SourceEncoding::Utf16LE ? "UTF-16LE" : "UTF-16BE", bytes.substr(2));
  if (!text) return not_text("UTF-16 编码无效 (invalid UTF-16)");
  if (has_binary_controls(*text)) return not_text("含有控制字符，是二进制文件 (contains control characters: binary data)");
  return DecodedInput{std::move(text), encoding, {}};
}

}  // namespace

std::string_view encoding_name(SourceEncoding encoding) {
  switch (encoding) {
    case SourceEncoding::Utf8: return "UTF-8";
    case SourceEncoding::Utf16LE: return "UTF-16LE";
    case SourceEncoding::Utf16BE: return "UTF-16BE";
    case SourceEncoding::Gb18030: return "GB18030";
  }
  return "";
}

DecodedInput decode_input(std::string bytes) {
  if (std::string_view format = known_binary_format(bytes); !format.empty()) return not_text(std::string(format));
  // UTF-16 is full of NUL bytes, so its byte order mark is looked for before the NUL test.
  if (bytes.starts_with("\xFF\xFE")) return utf16(bytes, SourceEncoding::Utf16LE);
  if (bytes.starts_with("\xFE\xFF")) return utf16(bytes, SourceEncoding::Utf16BE);
  // Anywhere in the file, not only near its start: a NUL byte in a report is corruption the user should see.
  if (bytes.find('\0') != std::string_view::npos)
    return not_text("含有 NUL 字节，是二进制文件 (contains NUL bytes: binary data)");
  if (is_valid_utf8(bytes)) return DecodedInput{std::move(bytes), SourceEncoding::Utf8, {}};
  // Chinese government sites still publish GBK text; GB18030 is its superset.
  std::optional<std::string> text = convert_to_utf8("GB18030", bytes);
  if (!text || has_binary_controls(*text))
    return not_text("既不是 UTF-8/UTF-16 文本，也不能按 GB18030 解码 (neither UTF-8/UTF-16 text nor GB18030)");
  return DecodedInput{std::move(text), SourceEncoding::Gb18030, {}};
}

}  // namespace xxgk::cli
