# cmake -DINPUT=file -DOUTPUT=file.cpp -DSYMBOL=name -P EmbedText.cmake
# Writes a C++ source defining `extern const std::string_view xxgk::SYMBOL` with the file's bytes.
file(READ ${INPUT} content HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," content "${content}")
file(WRITE ${OUTPUT}
  "// Generated from ${INPUT}; do not edit.\n#include <string_view>\n"
  "namespace xxgk {\nnamespace {\nconstexpr char kData[] = {${content} 0};\n}\n"
  "extern const std::string_view ${SYMBOL}(kData, sizeof(kData) - 1);\n}\n")
