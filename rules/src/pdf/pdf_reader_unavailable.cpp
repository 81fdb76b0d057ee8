// read_pdf in the static executable: Debian ships poppler as a shared library only (see cmake/Dependencies.cmake).
#include "xxgk/source_reader.h"

namespace xxgk {

SourceDocument read_pdf(std::string_view) {
  throw SourceReadError(
      "此版本（静态链接）不读取 PDF 文件，请检查同一报告的网页或 Word 版本 (this build, linked statically, does not read "
      "PDF files: poppler has no static library; check the web page or Word version of the report, or use a build "
      "configured with -DXXGK_STATIC_EXECUTABLE=OFF)");
}

}  // namespace xxgk
