// Reading test inputs: the whole file, bytes as they are (no newline translation).
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace xxgk::testing_support {

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

#ifdef XXGK_FIXTURES_DIR
// A file under tests/fixtures/.
inline std::string read_fixture(const std::filesystem::path& relative) {
  return read_file(std::filesystem::path(XXGK_FIXTURES_DIR) / relative);
}
#endif

}  // namespace xxgk::testing_support
