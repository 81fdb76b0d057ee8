#include "xxgk/charset.h"

#include <memory>

#include <unicode/ucnv.h>

namespace xxgk {

namespace {

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

}  // namespace

std::optional<std::string> convert_to_utf8(const char* charset, std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  Converter source(ucnv_open(charset, &status));
  Converter utf8(ucnv_open("UTF-8", &status));
  if (U_FAILURE(status)) return std::nullopt;
  ucnv_setToUCallBack(source.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  // Neither UTF-16 nor GB18030 takes more than 1.5 UTF-8 bytes per input byte.
  std::string output(bytes.size() * 2 + 16, '\0');
  char* target = output.data();
  const char* input = bytes.data();
  ucnv_convertEx(utf8.get(), source.get(), &target, output.data() + output.size(), &input, bytes.data() + bytes.size(),
                 nullptr, nullptr, nullptr, nullptr, true, true, &status);
  if (U_FAILURE(status)) return std::nullopt;
  output.resize(static_cast<size_t>(target - output.data()));
  return output;
}

}  // namespace xxgk
