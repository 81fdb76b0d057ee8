// Unit tests of .xxgk-lint.json reading: comments, trailing commas, validation messages with line numbers, discovery,
// and ignore globs.
#include "config/config_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli_test_support.h"

namespace xxgk::config {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using cli_test::TempDir;
using cli_test::write_file;

// The message of the ConfigError parse_config throws for `text`.
std::string config_error(const std::string& text) {
  try {
    parse_config(text, "conf/.xxgk-lint.json");
  } catch (const ConfigError& error) {
    return error.what();
  }
  ADD_FAILURE() << "no ConfigError for: " << text;
  return {};
}

TEST(ConfigParse, ReadsEveryKey) {
  ConfigFile config = parse_config(R"({
    "agencyKind": "government",
    "year": 2024,
    "rules": { "W504": "off", "S107": "error" },
    "ignore": ["drafts/**"]
  })", "/work/.xxgk-lint.json");
  EXPECT_EQ(config.path, fs::path("/work/.xxgk-lint.json"));
  EXPECT_EQ(config.options.agency_kind, AgencyKind::Government);
  EXPECT_EQ(config.options.year, 2024);
  EXPECT_EQ(config.options.severity.at("W504"), Severity::Off);
  EXPECT_EQ(config.options.severity.at("S107"), Severity::Error);
  EXPECT_EQ(config.ignore, std::vector<std::string>{"drafts/**"});
}

TEST(ConfigParse, AcceptsCommentsAndTrailingCommas) {
  ConfigFile config = parse_config(R"({
    // the body is a department
    "agencyKind": "department", /* block
       comment */
    "rules": { "W504": "off", },   // trailing comma in an object
    "ignore": ["a/**", "b/*.md",], // and in an array
    "year": 2023,
  })", "x/.xxgk-lint.json");
  EXPECT_EQ(config.options.agency_kind, AgencyKind::Department);
  EXPECT_EQ(config.options.year, 2023);
  EXPECT_EQ(config.ignore.size(), 2u);
}

TEST(ConfigParse, KeepsCommentMarkersAndCommasInsideStrings) {
  ConfigFile config = parse_config(R"({ "ignore": ["http://x/*,]", "a\"//b"] })", "x/.xxgk-lint.json");
  EXPECT_EQ(config.ignore, (std::vector<std::string>{"http://x/*,]", "a\"//b"}));
}

TEST(ConfigParse, EmptyObjectGivesDefaults) {
  ConfigFile config = parse_config("{}", "x/.xxgk-lint.json");
  EXPECT_EQ(config.options.agency_kind, AgencyKind::Auto);
  EXPECT_FALSE(config.options.year.has_value());
  EXPECT_TRUE(config.options.severity.empty());
}

TEST(ConfigParse, SyntaxErrorNamesFileAndLine) {
  std::string message = config_error("{\n  \"year\": 2024\n  \"rules\": {}\n}");
  EXPECT_THAT(message, HasSubstr("conf/.xxgk-lint.json:3:"));
  EXPECT_THAT(message, HasSubstr("JSON"));
}

TEST(ConfigParse, LineNumbersCountLinesInsideComments) {
  std::string message = config_error("{\n/* one\n two\n three */\n  \"year\" 2024\n}");
  EXPECT_THAT(message, HasSubstr("conf/.xxgk-lint.json:5:"));
}

TEST(ConfigParse, UnterminatedBlockCommentIsAnError) {
  EXPECT_THAT(config_error("{\n\n /* never closed\n}"), HasSubstr(":3:"));
}

TEST(ConfigParse, UnknownKeyIsNamedWithItsLine) {
  std::string message = config_error("{\n  \"year\": 2024,\n  \"severity\": {}\n}");
  EXPECT_THAT(message, HasSubstr("conf/.xxgk-lint.json:3:"));
  EXPECT_THAT(message, HasSubstr("\"severity\""));
}

TEST(ConfigParse, UnknownRuleIdIsNamedWithItsLine) {
  std::string message = config_error("{\n  \"rules\": {\n    \"W504\": \"off\",\n    \"X999\": \"off\"\n  }\n}");
  EXPECT_THAT(message, HasSubstr(":4:"));
  EXPECT_THAT(message, HasSubstr("X999"));
}

TEST(ConfigParse, RejectsBadValues) {
  EXPECT_THAT(config_error(R"({"rules": {"W504": "fatal"}})"), HasSubstr("fatal"));
  EXPECT_THAT(config_error(R"({"rules": {"W504": 1}})"), HasSubstr("W504"));
  EXPECT_THAT(config_error(R"({"rules": ["W504"]})"), HasSubstr("rules"));
  EXPECT_THAT(config_error(R"({"agencyKind": "county"})"), HasSubstr("county"));
  EXPECT_THAT(config_error(R"({"year": 1999})"), HasSubstr("1999"));
  EXPECT_THAT(config_error(R"({"year": 2101})"), HasSubstr("2101"));
  EXPECT_THAT(config_error(R"({"year": "2024"})"), HasSubstr("year"));
  EXPECT_THAT(config_error(R"({"year": 2024.5})"), HasSubstr("year"));
  EXPECT_THAT(config_error(R"({"ignore": "drafts/**"})"), HasSubstr("ignore"));
  EXPECT_THAT(config_error(R"({"ignore": [3]})"), HasSubstr("ignore"));
  EXPECT_THAT(config_error(R"(["year"])"), HasSubstr("对象"));
}

// Numbers that overflow a double make nlohmann::json throw out_of_range, not parse_error: still a ConfigError naming
// the file, the line and the reason (it aborted check, fix and the server's didOpen).
TEST(ConfigParse, OverflowingNumberIsAConfigErrorNamingItsLine) {
  std::string message = config_error("{\n  \"year\": 1e400\n}");
  EXPECT_THAT(message, HasSubstr("conf/.xxgk-lint.json:2:"));
  EXPECT_THAT(message, HasSubstr("1e400"));
}

TEST(ConfigParse, OverflowingNumberAnywhereIsAConfigError) {
  EXPECT_THAT(config_error("{\"rules\": {\"W504\": -1e400}}"), HasSubstr("-1e400"));
  EXPECT_THAT(config_error("{\n\"$schema\": [1, 2,\n 1E+999]}"), HasSubstr(":3:"));
  EXPECT_THAT(config_error("{\"ignore\": [\"a\", 1e400, \"b\"]}"), HasSubstr("1e400"));
}

// The parser quotes the token it was reading, for an unterminated string the rest of the file: only its end is shown.
TEST(ConfigParse, AnUnterminatedStringIsQuotedByItsEnd) {
  const std::string message = config_error("{\n  \"ignore\": [\"" + std::string(100000, 'a') + "xyz");
  EXPECT_THAT(message, HasSubstr("conf/.xxgk-lint.json:2:"));
  EXPECT_THAT(message, HasSubstr("last read: '…" + std::string(37, 'a') + "xyz'"));
  EXPECT_LT(message.size(), 400u);
}

TEST(ConfigParse, HugeIntegersAndDeepValuesGiveShortErrors) {
  EXPECT_THAT(config_error(R"({"year": 18446744073709551615})"), HasSubstr("year"));
  EXPECT_THAT(config_error(R"({"year": -9223372036854775809})"), HasSubstr("year"));
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const std::string message = config_error("{\"agencyKind\": " + deep + "}");
  EXPECT_THAT(message, HasSubstr("agencyKind"));
  EXPECT_LT(message.size(), 400u) << "the value is elided, not printed";
}

// What the language server calls: the overflow is a ConfigError (which it shows), not another exception type.
TEST(ConfigDiscovery, AnOverflowingNumberInADiscoveredConfigIsAConfigError) {
  TempDir root;
  write_file(root / ".xxgk-lint.json", "{\"year\": 1e400}");
  try {
    config_for(root / "report.txt", std::nullopt);
    ADD_FAILURE() << "no ConfigError";
  } catch (const ConfigError& error) {
    EXPECT_THAT(error.what(), HasSubstr(".xxgk-lint.json:1:"));
    EXPECT_THAT(error.what(), HasSubstr("1e400"));
  }
}

TEST(ConfigDiscovery, NearestAncestorWins) {
  TempDir root;
  write_file(root / ".xxgk-lint.json", "{}");
  write_file(root / "a/b/.xxgk-lint.json", "{}");
  write_file(root / "a/b/c/report.txt", "");
  write_file(root / "a/report.txt", "");
  EXPECT_EQ(find_config_file(root / "a/b/c/report.txt"), root / "a/b/.xxgk-lint.json");
  EXPECT_EQ(find_config_file(root / "a/b/c"), root / "a/b/.xxgk-lint.json");
  EXPECT_EQ(find_config_file(root / "a/report.txt"), root / ".xxgk-lint.json");
  EXPECT_EQ(find_config_file(root / "a/b"), root / "a/b/.xxgk-lint.json");
}

TEST(ConfigDiscovery, ExplicitFileOverridesDiscovery) {
  TempDir root;
  write_file(root / ".xxgk-lint.json", R"({"year": 2022})");
  write_file(root / "other.json", R"({"year": 2030})");
  EXPECT_EQ(config_for(root / "report.txt", std::nullopt).options.year, 2022);
  EXPECT_EQ(config_for(root / "report.txt", root / "other.json").options.year, 2030);
}

TEST(ConfigDiscovery, NoFileGivesDefaults) {
  TempDir root;
  ASSERT_FALSE(find_config_file(root.path())) << "a config file above the temporary directory";
  ConfigFile config = config_for(root / "report.txt", std::nullopt);
  EXPECT_TRUE(config.path.empty());
  EXPECT_TRUE(config.ignore.empty());
}

TEST(ConfigDiscovery, UnreadableExplicitFileIsAConfigError) {
  TempDir root;
  EXPECT_THROW(load_config_file(root / "missing.json"), ConfigError);
}

ConfigFile ignoring(std::vector<std::string> patterns) {
  ConfigFile config;
  config.path = "/proj/.xxgk-lint.json";
  config.ignore = std::move(patterns);
  return config;
}

TEST(ConfigIgnore, DoubleStarCrossesDirectories) {
  ConfigFile config = ignoring({"drafts/**"});
  EXPECT_TRUE(is_ignored(config, "/proj/drafts/a.txt"));
  EXPECT_TRUE(is_ignored(config, "/proj/drafts/2023/b.md"));
  EXPECT_FALSE(is_ignored(config, "/proj/final/a.txt"));
  EXPECT_FALSE(is_ignored(config, "/proj/sub/drafts/a.txt"));
}

TEST(ConfigIgnore, LeadingDoubleStarMatchesAnyDepthIncludingNone) {
  ConfigFile config = ignoring({"**/旧版/*.txt"});
  EXPECT_TRUE(is_ignored(config, "/proj/旧版/a.txt"));
  EXPECT_TRUE(is_ignored(config, "/proj/x/y/旧版/a.txt"));
  EXPECT_FALSE(is_ignored(config, "/proj/旧版/sub/a.txt"));
}

TEST(ConfigIgnore, StarStaysInOneComponentAndQuestionMarkIsOneCharacter) {
  ConfigFile config = ignoring({"*.md", "report-202?.txt", "年报?.txt"});
  EXPECT_TRUE(is_ignored(config, "/proj/notes.md"));
  EXPECT_FALSE(is_ignored(config, "/proj/sub/notes.md"));
  EXPECT_TRUE(is_ignored(config, "/proj/report-2023.txt"));
  EXPECT_FALSE(is_ignored(config, "/proj/report-20234.txt"));
  EXPECT_TRUE(is_ignored(config, "/proj/年报甲.txt"));
}

TEST(ConfigIgnore, DirectoryPatternIgnoresItsContents) {
  ConfigFile config = ignoring({"archive", "./old/"});
  EXPECT_TRUE(is_ignored(config, "/proj/archive/2019/a.txt"));
  EXPECT_TRUE(is_ignored(config, "/proj/old/a.txt"));
  EXPECT_FALSE(is_ignored(config, "/proj/archived.txt"));
}

TEST(ConfigIgnore, PathsOutsideTheConfigDirectoryAreNeverIgnored) {
  ConfigFile config = ignoring({"**"});
  EXPECT_TRUE(is_ignored(config, "/proj/a.txt"));
  EXPECT_FALSE(is_ignored(config, "/elsewhere/a.txt"));
  EXPECT_FALSE(is_ignored(ConfigFile{}, "/proj/a.txt"));
}

TEST(GlobMatch, DoubleStarStarAndQuestionMark) {
  struct Case {
    std::string_view pattern, path;
    bool matches;
  };
  const Case cases[] = {
      {"a/**/b", "a/b", true},  {"a/**/b", "a/x/y/b", true}, {"a/**/b", "a/xb", false}, {"a**b", "a/x/b", true},
      {"**", "", true},         {"***", "x/y", true},        {"", "", true},           {"", "a", false},
      {"a*", "a/b", false},     {"*/*", "a/b", true},        {"?", "/", false},        {"??", "年报", true},
      {"?", "年报", false},
  };
  for (const Case& c : cases) EXPECT_EQ(glob_match(c.pattern, c.path), c.matches) << c.pattern << " / " << c.path;
}

// Patterns that made the backtracking matcher take exponential time. Each answer is checked, and the whole test is
// bounded by its ctest timeout (no timing here: speed belongs to benchmarks).
TEST(GlobMatch, AdversarialPatternsAnswerCorrectly) {
  const std::string name(60, 'a');
  EXPECT_FALSE(glob_match("**a**a**a**a**a**a**a**a**b", name));
  EXPECT_TRUE(glob_match("**a**a**a**a**a**a**a**a**a", name));
  EXPECT_FALSE(glob_match("*a*a*a*a*a*a*a*a*a*a*a*a*b", name));
  EXPECT_FALSE(glob_match("**/**/**/**/**/**/**/**/**/b", "a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/c"));
  EXPECT_FALSE(glob_match(std::string(1000, '*') + "b", std::string(5000, 'a')));
  EXPECT_FALSE(glob_match(std::string(500, '?') + "**" + std::string(500, '?') + "b", std::string(2000, 'a')));
  const ConfigFile config = ignoring({"**a**a**a**a**a**a**a**a**b"});
  EXPECT_FALSE(is_ignored(config, "/proj/" + std::string(30, 'a') + "/" + std::string(60, 'a') + ".txt"));
}

// The backtracking definition of the semantics, which the linear matcher must agree with (cheap on short inputs).
bool reference_match(std::string_view pattern, std::string_view path) {
  if (pattern.empty()) return path.empty();
  if (pattern.starts_with("**/")) {
    if (reference_match(pattern.substr(3), path)) return true;
    for (size_t slash = path.find('/'); slash != std::string_view::npos; slash = path.find('/', slash + 1))
      if (reference_match(pattern.substr(3), path.substr(slash + 1))) return true;
    return false;
  }
  if (pattern.starts_with("**")) {
    for (size_t i = 0; i <= path.size(); ++i)
      if (reference_match(pattern.substr(2), path.substr(i))) return true;
    return false;
  }
  if (pattern[0] == '*') {
    for (size_t i = 0; i <= path.size(); ++i) {
      if (reference_match(pattern.substr(1), path.substr(i))) return true;
      if (i < path.size() && path[i] == '/') break;
    }
    return false;
  }
  if (path.empty()) return false;
  if (pattern[0] == '?') return path[0] != '/' && reference_match(pattern.substr(1), path.substr(1));
  return pattern[0] == path[0] && reference_match(pattern.substr(1), path.substr(1));
}

TEST(GlobMatch, AgreesWithTheBacktrackingDefinitionOnEveryShortCase) {
  // ASCII only, so that `?` is one byte in both. Deterministic pseudo-random cases over a small alphabet.
  const std::string pattern_alphabet = "ab/*?";
  const std::string path_alphabet = "ab/";
  uint32_t state = 12345;
  auto next = [&](size_t bound) {
    state = state * 1103515245u + 12345u;
    return static_cast<size_t>((state >> 16) % bound);
  };
  size_t matches = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string pattern, path;
    for (size_t i = next(9); i > 0; --i) pattern += pattern_alphabet[next(pattern_alphabet.size())];
    for (size_t i = next(9); i > 0; --i) path += path_alphabet[next(path_alphabet.size())];
    const bool expected = reference_match(pattern, path);
    ASSERT_EQ(glob_match(pattern, path), expected) << "pattern \"" << pattern << "\" path \"" << path << "\"";
    matches += expected;
  }
  EXPECT_GT(matches, 1000u) << "the cases exercise matches, not only mismatches";
}

}  // namespace
}  // namespace xxgk::config
