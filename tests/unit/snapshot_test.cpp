// The snapshot mechanism of the rule fixtures (snapshot.h): what a snapshot shows, that a change to any field of a
// finding makes the comparison fail with a diff naming it, and the ⟦…⟧ range markers.
#include "snapshot.h"

#include <gtest/gtest.h>

#include "xxgk/rule.h"

namespace {

using namespace xxgk::testing_support;

// Byte offsets into kText: line 2 is "二、乙丙" (丙 at bytes 19..22, column 4), line 3 "三".
constexpr std::string_view kText = "一、甲\n二、乙丙\n三\n";

xxgk::Diagnostic sample_diagnostic() {
  xxgk::Diagnostic d;
  d.rule = &xxgk::find_rule("S105")->descriptor;
  d.severity = xxgk::Severity::Warning;
  d.message = "标题有误";
  d.range = {19, 22};
  d.related.push_back({{0, 3}, "第一个标题"});
  d.fixes.push_back({"改为丁", true, {{{19, 22}, "丁"}}});
  return d;
}

TEST(Snapshot, ShowsEveryFieldOfTheFinding) {
  EXPECT_EQ(render_snapshot(kText, {sample_diagnostic()}),
            "S105 warning 2:4-2:5\n"
            "  message: 标题有误\n"
            "  related 1:1-1:2: 第一个标题\n"
            "  fix (safe): 改为丁\n"
            "    @@ -1,3 +1,3 @@\n"
            "     一、甲\n"
            "    -二、乙丙\n"
            "    +二、乙丁\n"
            "     三\n");
  EXPECT_EQ(render_snapshot(kText, {}), "no diagnostics\n");
}

TEST(Snapshot, AChangedFieldFailsTheComparisonWithADiffOfIt) {
  const std::string on_disk = render_snapshot(kText, {sample_diagnostic()});
  EXPECT_FALSE(snapshot_mismatch(on_disk, render_snapshot(kText, {sample_diagnostic()})));

  auto message = sample_diagnostic();
  message.message = "标题不对";
  const auto message_diff = snapshot_mismatch(on_disk, render_snapshot(kText, {message}));
  ASSERT_TRUE(message_diff);
  EXPECT_NE(message_diff->find("-  message: 标题有误\n+  message: 标题不对\n"), std::string::npos) << *message_diff;

  auto range = sample_diagnostic();
  range.range.end = 16;  // ends before 乙
  const auto range_diff = snapshot_mismatch(on_disk, render_snapshot(kText, {range}));
  ASSERT_TRUE(range_diff);
  EXPECT_NE(range_diff->find("-S105 warning 2:4-2:5\n+S105 warning 2:4-2:3\n"), std::string::npos) << *range_diff;

  auto severity = sample_diagnostic();
  severity.severity = xxgk::Severity::Error;
  EXPECT_TRUE(snapshot_mismatch(on_disk, render_snapshot(kText, {severity})));

  auto related = sample_diagnostic();
  related.related.clear();
  EXPECT_TRUE(snapshot_mismatch(on_disk, render_snapshot(kText, {related})));

  auto fix = sample_diagnostic();
  fix.fixes.front().safe = false;
  EXPECT_TRUE(snapshot_mismatch(on_disk, render_snapshot(kText, {fix})));
}

TEST(Snapshot, UnifiedDiffKeepsContextAndNumbersLinesFromOne) {
  EXPECT_EQ(unified_diff("a\nb\nc\nd\ne\n", "a\nb\nC\nd\ne\n", 1), "@@ -2,3 +2,3 @@\n b\n-c\n+C\n d\n");
  EXPECT_EQ(unified_diff("a\nb\n", "a\nx\nb\n", 0), "@@ -1,0 +2,1 @@\n+x\n");
  EXPECT_EQ(unified_diff("a\n", "a\n", 3), "");
  EXPECT_EQ(unified_diff("a\n", "a\r\n", 3), "@@ -1,1 +1,1 @@\n-a\n+a\u240D\n");
  EXPECT_EQ(unified_diff("a\n", "a", 3), "\\ the texts differ only in their final line terminator\n");
}

TEST(RangeMarkers, AreRemovedAndGiveByteRangesOfTheRest) {
  std::string error;
  const MarkedText marked = strip_range_markers("一、⟦甲⟧\n⟦二⟧", &error);
  EXPECT_EQ(error, "");
  EXPECT_EQ(marked.text, "一、甲\n二");
  ASSERT_EQ(marked.ranges.size(), 2u);
  EXPECT_EQ(marked.text.substr(marked.ranges[0].begin, marked.ranges[0].size()), "甲");
  EXPECT_EQ(marked.text.substr(marked.ranges[1].begin, marked.ranges[1].size()), "二");
  const MarkedText empty_range = strip_range_markers("a⟦⟧b", &error);
  ASSERT_EQ(empty_range.ranges.size(), 1u);
  EXPECT_TRUE(empty_range.ranges[0].empty());
}

TEST(RangeMarkers, UnbalancedOrNestedMarkersAreAnError) {
  for (const char* text : {"⟦a", "a⟧", "⟦a⟦b⟧⟧"}) {
    std::string error;
    strip_range_markers(text, &error);
    EXPECT_NE(error, "") << text;
  }
}

}  // namespace
