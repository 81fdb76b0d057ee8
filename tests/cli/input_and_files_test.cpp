// Unit tests of input decoding (UTF-8, UTF-16, GB18030, binary formats) and of the compare-before-rename file
// replacement that `fix` relies on.
#include <fcntl.h>
#include <sys/stat.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/file_replace.h"
#include "cli/input_decoding.h"
#include "cli_test_support.h"

namespace xxgk::cli {
namespace {

namespace fs = std::filesystem;
using cli_test::read_file;
using cli_test::TempDir;
using cli_test::write_file;
using ::testing::HasSubstr;

// "年度报告" in GBK (a subset of GB18030).
const std::string kGbkText = "\xC4\xEA\xB6\xC8\xB1\xA8\xB8\xE6";

TEST(InputDecoding, Utf8PassesThroughWithItsBom) {
  DecodedInput input = decode_input("\xEF\xBB\xBF年度报告\n");
  ASSERT_TRUE(input.text);
  EXPECT_EQ(*input.text, "\xEF\xBB\xBF年度报告\n");
  EXPECT_EQ(input.encoding, SourceEncoding::Utf8);
}

TEST(InputDecoding, Utf16WithBomIsConverted) {
  DecodedInput little = decode_input(std::string("\xFF\xFE\x74\x5E\x0A\x00", 6));  // "年\n"
  ASSERT_TRUE(little.text);
  EXPECT_EQ(*little.text, "年\n");
  EXPECT_EQ(little.encoding, SourceEncoding::Utf16LE);
  DecodedInput big = decode_input(std::string("\xFE\xFF\x5E\x74\x00\x0A", 6));
  ASSERT_TRUE(big.text);
  EXPECT_EQ(*big.text, "年\n");
  EXPECT_EQ(big.encoding, SourceEncoding::Utf16BE);
}

TEST(InputDecoding, GbkIsDecodedAsGb18030) {
  DecodedInput input = decode_input(kGbkText);
  ASSERT_TRUE(input.text);
  EXPECT_EQ(*input.text, "年度报告");
  EXPECT_EQ(input.encoding, SourceEncoding::Gb18030);
}

TEST(InputDecoding, BinaryFormatsAreNamed) {
  EXPECT_THAT(decode_input("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n").not_text_reason, HasSubstr("PDF"));
  EXPECT_THAT(decode_input(std::string("PK\x03\x04\x14\x00", 6)).not_text_reason, HasSubstr("DOCX"));
  EXPECT_THAT(decode_input("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1").not_text_reason, HasSubstr("DOC"));
  EXPECT_THAT(decode_input(std::string("abc\0def", 7)).not_text_reason, HasSubstr("NUL"));
  EXPECT_FALSE(decode_input("%PDF-1.7").text);
}

TEST(InputDecoding, BytesThatAreNeitherUtf8NorGb18030AreRefused) {
  DecodedInput input = decode_input("\x80\xFF\xFE\x01");
  EXPECT_FALSE(input.text);
  EXPECT_THAT(input.not_text_reason, HasSubstr("GB18030"));
}

TEST(FileReplace, ReplacesContentAndKeepsMode) {
  TempDir directory;
  fs::path file = directory / "report.txt";
  write_file(file, "old\n");
  ASSERT_EQ(::chmod(file.c_str(), 0640), 0);
  FileVersion version = read_file_version(file);
  EXPECT_EQ(version.content, "old\n");
  replace_file_contents(file, version, "new\n");
  EXPECT_EQ(read_file(file), "new\n");
  struct stat status {};
  ASSERT_EQ(::stat(file.c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 07777, 0640u);
  EXPECT_EQ(std::distance(fs::directory_iterator(directory.path()), fs::directory_iterator()), 1)
      << "a temporary file was left behind";
}

TEST(FileReplace, RefusesAFileChangedSinceItWasRead) {
  TempDir directory;
  fs::path file = directory / "report.txt";
  write_file(file, "as read\n");
  FileVersion version = read_file_version(file);
  write_file(file, "edited meanwhile\n");
  EXPECT_THROW(replace_file_contents(file, version, "fixed\n"), FileError);
  EXPECT_EQ(read_file(file), "edited meanwhile\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(directory.path()), fs::directory_iterator()), 1);
}

TEST(FileReplace, RefusesASameSizeEditWithTheSameTimestamp) {
  TempDir directory;
  fs::path file = directory / "report.txt";
  write_file(file, "aaaa\n");
  FileVersion version = read_file_version(file);
  write_file(file, "bbbb\n");
  // Put the old timestamp back: only the content comparison can notice the edit now.
  timespec times[2] = {version.modified, version.modified};
  ASSERT_EQ(::utimensat(AT_FDCWD, file.c_str(), times, 0), 0);
  EXPECT_THROW(replace_file_contents(file, version, "fixed\n"), FileError);
  EXPECT_EQ(read_file(file), "bbbb\n");
}

TEST(FileReplace, MissingFileIsAFileError) {
  TempDir directory;
  EXPECT_THROW(read_file_version(directory / "missing.txt"), FileError);
}

}  // namespace
}  // namespace xxgk::cli
