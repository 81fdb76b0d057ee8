// Content-Length framing: well-formed frames and every kind of garbage the reader must survive.
#include "lsp/transport.h"

#include <gtest/gtest.h>

#include <sstream>

namespace xxgk::lsp {
namespace {

std::string framed(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// Every frame of `input`: bodies as they are, errors as "error: …".
std::vector<std::string> frames_of(const std::string& input, size_t max_body = kMaxMessageBytes) {
  std::istringstream stream(input);
  FrameReader reader(stream, max_body);
  std::vector<std::string> frames;
  while (std::optional<Frame> frame = reader.next()) {
    frames.push_back(frame->error.empty() ? frame->body : "error: " + frame->error);
  }
  return frames;
}

bool is_error(const std::string& frame) { return frame.rfind("error: ", 0) == 0; }

TEST(FrameReaderTest, ReadsConsecutiveFrames) {
  EXPECT_EQ(frames_of(framed("{}") + framed("[1]") + framed("")), (std::vector<std::string>{"{}", "[1]", ""}));
}

TEST(FrameReaderTest, AcceptsOtherHeadersAnyCaseAndBareNewlines) {
  const std::string input = "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length:  2 \r\n\r\n{}"
                            "CONTENT-LENGTH: 3\n\n[1]";
  EXPECT_EQ(frames_of(input), (std::vector<std::string>{"{}", "[1]"}));
}

TEST(FrameReaderTest, BodyIsCountedInBytes) {
  const std::string body = R"({"text":"政府𠮷"})";
  EXPECT_EQ(frames_of(framed(body)), (std::vector<std::string>{body}));
}

TEST(FrameReaderTest, HeaderWithoutContentLengthIsAnErrorAndReadingResumes) {
  const std::vector<std::string> frames = frames_of("Content-Type: x\r\n\r\n" + framed("{}"));
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_TRUE(is_error(frames[0]));
  EXPECT_EQ(frames[1], "{}");
}

TEST(FrameReaderTest, InvalidContentLengthIsAnError) {
  for (const std::string value : {"abc", "-5", "12x", "", "99999999999999999999999"}) {
    const std::vector<std::string> frames = frames_of("Content-Length: " + value + "\r\n\r\n" + framed("{}"));
    ASSERT_EQ(frames.size(), 2u) << value;
    EXPECT_TRUE(is_error(frames[0])) << value;
    EXPECT_EQ(frames[1], "{}") << value;
  }
}

TEST(FrameReaderTest, GarbageBeforeAHeaderIsSkipped) {
  // A stray line, and garbage glued to the header line itself.
  EXPECT_EQ(frames_of("hello world\r\n" + framed("{}")), (std::vector<std::string>{"{}"}));
  EXPECT_EQ(frames_of("\r\n\r\nnoise" + framed("{}")), (std::vector<std::string>{"{}"}));
}

TEST(FrameReaderTest, OversizedBodyIsSkippedWithAnError) {
  const std::vector<std::string> frames = frames_of(framed(std::string(100, 'x')) + framed("{}"), 50);
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_NE(frames[0].find("exceeds the limit"), std::string::npos);
  EXPECT_EQ(frames[1], "{}");
}

TEST(FrameReaderTest, TruncatedBodyEndsTheInput) {
  EXPECT_TRUE(frames_of("Content-Length: 10\r\n\r\n{}").empty());
  EXPECT_TRUE(frames_of("Content-Length: 10\r\n").empty());
  EXPECT_TRUE(frames_of("").empty());
}

TEST(FrameReaderTest, OverlongHeaderLineDoesNotGrowWithoutBound) {
  const std::vector<std::string> frames = frames_of(std::string(1 << 20, 'z') + "\r\n\r\n" + framed("{}"));
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_TRUE(is_error(frames[0]));
  EXPECT_EQ(frames[1], "{}");
}

TEST(FrameWriterTest, WritesAHeaderAndTheBody) {
  std::ostringstream output;
  FrameWriter writer(output);
  EXPECT_TRUE(writer.write(R"({"a":"一"})"));
  EXPECT_EQ(output.str(), "Content-Length: 11\r\n\r\n{\"a\":\"一\"}");
}

TEST(FrameWriterTest, WritesABodyInPiecesAsOneMessage) {
  std::ostringstream output;
  FrameWriter writer(output);
  const std::string_view pieces[] = {R"({"a":)", R"("一")", "", "}"};
  EXPECT_TRUE(writer.write(pieces));
  EXPECT_EQ(output.str(), "Content-Length: 11\r\n\r\n{\"a\":\"一\"}");
}

}  // namespace
}  // namespace xxgk::lsp
