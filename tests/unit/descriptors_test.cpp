// The rule descriptors are the single source of `xxgk-lint rules`, `explain`, docs/rules/*.md and the config schema.
// This test holds them to the catalogue (../shared/spec/rules.md, transcribed below: ids, slugs, severities and fix
// safety are public interface) and checks that every rule is documented and covered by fixtures.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "xxgk/rule.h"

namespace {

using xxgk::FixSafety;
using xxgk::Severity;

struct CatalogueEntry {
  const char* id;
  const char* slug;
  Severity severity;
  FixSafety fix;
};

constexpr CatalogueEntry kCatalogue[] = {
    {"S101", "title-missing", Severity::Error, FixSafety::Unsafe},
    {"S102", "title-wording", Severity::Warning, FixSafety::Safe},
    {"S103", "section-missing", Severity::Error, FixSafety::Unsafe},
    {"S104", "section-order", Severity::Error, FixSafety::None},
    {"S105", "heading-wording", Severity::Warning, FixSafety::Safe},
    {"S106", "heading-numbering", Severity::Error, FixSafety::Safe},
    {"S107", "overview-area-missing", Severity::Warning, FixSafety::None},
    {"S108", "government-accountability", Severity::Warning, FixSafety::None},
    {"S109", "old-format", Severity::Error, FixSafety::None},
    {"S110", "preamble-parts", Severity::Warning, FixSafety::None},
    {"S111", "line-structure-lost", Severity::Warning, FixSafety::None},
    {"T201", "table-missing", Severity::Error, FixSafety::Unsafe},
    {"T202", "table-row-missing", Severity::Error, FixSafety::Unsafe},
    {"T203", "table-row-unexpected", Severity::Warning, FixSafety::None},
    {"T204", "table-row-shape", Severity::Error, FixSafety::Unsafe},
    {"T205", "table-cell-empty", Severity::Error, FixSafety::Unsafe},
    {"T206", "table-cell-value", Severity::Error, FixSafety::Safe},
    {"T207", "table-label-wording", Severity::Warning, FixSafety::Safe},
    {"T208", "table-header-incomplete", Severity::Warning, FixSafety::Unsafe},
    {"T209", "table-layout-unreadable", Severity::Warning, FixSafety::None},
    {"A301", "row-total", Severity::Error, FixSafety::Unsafe},
    {"A302", "outcome-total", Severity::Error, FixSafety::Unsafe},
    {"A303", "balance", Severity::Error, FixSafety::None},
    {"A304", "review-litigation-total", Severity::Error, FixSafety::Unsafe},
    {"A305", "fee-rows-vs-statement", Severity::Warning, FixSafety::None},
    {"A306", "carry-over-across-years", Severity::Error, FixSafety::None},
    {"C401", "year-mismatch", Severity::Error, FixSafety::None},
    {"C402", "period-statement", Severity::Warning, FixSafety::None},
    {"C403", "narrative-applications", Severity::Error, FixSafety::None},
    {"C404", "narrative-review-litigation", Severity::Error, FixSafety::None},
    {"C405", "publication-date", Severity::Warning, FixSafety::None},
    {"C406", "fee-statement", Severity::Error, FixSafety::None},
    {"C407", "problems-and-improvements", Severity::Warning, FixSafety::None},
    {"C408", "template-placeholder", Severity::Error, FixSafety::None},
    {"W501", "citation-format", Severity::Warning, FixSafety::Safe},
    {"W502", "punctuation-width", Severity::Info, FixSafety::Safe},
    {"W503", "extraneous-content", Severity::Info, FixSafety::Safe},
    {"W504", "broken-paragraph", Severity::Info, FixSafety::Safe},
};

TEST(Descriptors, RegistryIsTheCatalogueInOrder) {
  const auto& rules = xxgk::all_rules();
  ASSERT_EQ(rules.size(), std::size(kCatalogue));
  for (size_t i = 0; i < rules.size(); ++i) {
    const xxgk::RuleDescriptor& d = rules[i].descriptor;
    const CatalogueEntry& c = kCatalogue[i];
    EXPECT_EQ(d.id, c.id);
    EXPECT_EQ(d.slug, c.slug) << c.id;
    EXPECT_EQ(d.severity, c.severity) << c.id;
    EXPECT_EQ(d.fix, c.fix) << c.id;
    EXPECT_EQ(xxgk::find_rule(c.id), &rules[i]);
  }
}

TEST(Descriptors, EveryRuleIsDocumentedInBothLanguagesWithExamples) {
  for (const xxgk::Rule& rule : xxgk::all_rules()) {
    const xxgk::RuleDescriptor& d = rule.descriptor;
    EXPECT_FALSE(d.title_zh.empty()) << d.id;
    EXPECT_FALSE(d.title_en.empty()) << d.id;
    EXPECT_FALSE(d.doc_zh.empty()) << d.id;
    EXPECT_FALSE(d.doc_en.empty()) << d.id;
    EXPECT_FALSE(d.bad.empty()) << d.id;
    EXPECT_FALSE(d.good.empty()) << d.id;
    EXPECT_NE(d.bad, d.good) << d.id;
    EXPECT_EQ(d.fix_zh.empty(), d.fix == FixSafety::None) << d.id << ": fix_zh describes the fix iff there is one";
    EXPECT_NE(rule.check, nullptr) << d.id;
  }
}

TEST(Descriptors, EveryRuleHasTriggeringSilentAndFixFixtures) {
  namespace fs = std::filesystem;
  for (const xxgk::Rule& rule : xxgk::all_rules()) {
    const xxgk::RuleDescriptor& d = rule.descriptor;
    const fs::path dir = fs::path(XXGK_FIXTURES_DIR) / "rules" / std::string(d.id);
    ASSERT_TRUE(fs::is_directory(dir)) << d.id << " has no fixtures in " << dir;
    bool triggering = false, silent = false, fixed = false;
    for (const auto& entry : fs::directory_iterator(dir)) {
      const std::string name = entry.path().filename().string();
      if (name.find(".fixed.") != std::string::npos) fixed = true;
      if (entry.path().extension() != ".expected") continue;
      // An .expected file listing positions is a triggering case; one with none (or only comments) a silent case.
      std::ifstream in(entry.path());
      bool lists_positions = false;
      for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') lists_positions = true;
      (lists_positions ? triggering : silent) = true;
    }
    EXPECT_TRUE(triggering) << d.id << ": no fixture that triggers the rule";
    EXPECT_TRUE(silent) << d.id << ": no fixture on which the rule must stay silent";
    if (d.fix != FixSafety::None) EXPECT_TRUE(fixed) << d.id << ": fixable rule without a .fixed pair";
  }
}

}  // namespace
