// Document::looks_like_report(): the one decision, shared by the command line and the language server, whether a
// text is an annual report to lint or another file (a README, notes) to leave alone.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "xxgk/linter.h"
#include "xxgk/templates.h"

namespace xxgk {
namespace {

namespace fs = std::filesystem;

bool looks_like_report(std::string text) {
  Document document(std::move(text));
  return document.looks_like_report();
}

std::string read_text(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream content;
  content << stream.rdbuf();
  return content.str();
}

std::string skeleton() { return render_skeleton(format_2021(), "某某市某某局", 2023, TemplateStyle{}); }

TEST(ReportRecognition, OtherFilesAreNotReports) {
  EXPECT_FALSE(looks_like_report(""));
  EXPECT_FALSE(looks_like_report("# 年报仓库\n\n本仓库存放各部门的政府信息公开工作年度报告，每年一个目录。\n"));
  EXPECT_FALSE(looks_like_report("# 会议纪要\n\n一、总体情况\n\n讨论政府信息公开工作年度报告的编写分工，下周提交初稿。\n"));
  EXPECT_FALSE(looks_like_report("# Changelog\n\n## 2024-01-31\n\n- 更新 2023 年度报告的表格。\n- 修正政府信息公开条例的引文。\n"));
  // A README citing the format notice (〈…年度报告格式〉) and the regulation, with tables that are not the format's.
  EXPECT_FALSE(looks_like_report(
      "# 工具说明\n\n按〈中华人民共和国政府信息公开工作年度报告格式〉检查，依据《中华人民共和国政府信息公开条例》。\n\n"
      "| 项目 | 说明 |\n|---|---|\n| a | b |\n"));
}

TEST(ReportRecognition, ReportsAreReportsWithOrWithoutTheirTitle) {
  const std::string report = skeleton();
  EXPECT_TRUE(looks_like_report(report));
  const std::string untitled = report.substr(report.find('\n') + 1);
  EXPECT_TRUE(looks_like_report(untitled));
  // Only the first section heading and the preamble left.
  EXPECT_TRUE(looks_like_report(untitled.substr(0, untitled.find("二、"))));
}

TEST(ReportRecognition, RealReportsCopiedFromWebPages) {
  size_t checked = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(fs::path(XXGK_FIXTURES_DIR) / "recognition")) {
    if (entry.path().extension() != ".txt") continue;
    EXPECT_TRUE(looks_like_report(read_text(entry.path()))) << entry.path();
    ++checked;
  }
  EXPECT_EQ(checked, 5u);
}

// Reports of years before 2021 follow their year's format (other headings, "…信息公开工作报告"): they are reports, so
// that the command line gives them their one S109 instead of skipping them.
TEST(ReportRecognition, ReportsInAnOldFormatAreReports) {
  size_t checked = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(fs::path(XXGK_FIXTURES_DIR) / "real/old-format")) {
    if (entry.path().extension() != ".txt") continue;
    EXPECT_TRUE(looks_like_report(read_text(entry.path()))) << entry.path();
    ++checked;
  }
  EXPECT_EQ(checked, 4u);
  // Notes that merely use an old heading's words are not.
  EXPECT_FALSE(looks_like_report("# 笔记\n\n一、概述\n今天讨论了网站改版。\n"));
}

}  // namespace
}  // namespace xxgk
