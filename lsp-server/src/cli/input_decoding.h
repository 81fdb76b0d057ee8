// What a checked file's bytes are: UTF-8 (passed on as is, BOM included — the core handles it), UTF-16 with a BOM or
// GB18030 (converted to UTF-8 with ICU, so the rules see one encoding), or not text at all (PDF, Office documents,
// archives, other binary data), which is refused with a reason the user can act on.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace xxgk::cli {

enum class SourceEncoding { Utf8, Utf16LE, Utf16BE, Gb18030 };

// "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030".
std::string_view encoding_name(SourceEncoding encoding);

struct DecodedInput {
  std::optional<std::string> text;           // UTF-8; nullopt when the bytes are not text
  SourceEncoding encoding = SourceEncoding::Utf8;
  std::string not_text_reason;               // why `text` is empty: "PDF 文档 (a PDF document)"
};

// Takes the bytes: UTF-8 input (nearly every file) becomes `text` without a copy.
DecodedInput decode_input(std::string bytes);

}  // namespace xxgk::cli
