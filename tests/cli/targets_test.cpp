// Unit tests of target collection helpers.
#include <gtest/gtest.h>

#include <random>

#include "cli/targets.h"

namespace xxgk::cli {
namespace {

namespace fs = std::filesystem;

// normal_generic_string skips lexically_normal() for paths that are normal already: it must agree with it on every
// path, normal or not.
TEST(NormalGenericString, AgreesWithLexicallyNormal) {
  for (const char* spelling : {"", ".", "..", "/", "//", "a", "a/", "a//", "./a", "a/.", "a/..", "../a", "/a/b.txt",
                               "//a", "a//b", "a/./b", "a/../b", "tree/b.txt", "./tree/a/z.md", "/tmp//data/./x.txt"})
    EXPECT_EQ(normal_generic_string(spelling), fs::path(spelling).lexically_normal().generic_string()) << spelling;

  const char* components[] = {"", ".", "..", "a", "报告", "b.txt", ".hidden", "..x"};
  std::mt19937 random(20261202);
  for (int i = 0; i < 20000; ++i) {
    std::string path = random() % 4 == 0 ? "/" : "";
    const int count = 1 + static_cast<int>(random() % 5);
    for (int c = 0; c < count; ++c) path += std::string(c ? "/" : "") + components[random() % std::size(components)];
    EXPECT_EQ(normal_generic_string(path), fs::path(path).lexically_normal().generic_string()) << path;
  }
}

}  // namespace
}  // namespace xxgk::cli
