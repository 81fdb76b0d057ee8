#include "config/config_file.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/json_error.h"
#include "xxgk/rule.h"

namespace xxgk::config {
namespace fs = std::filesystem;

namespace {

// nlohmann::json reads strict JSON only. This pass blanks out comments and trailing commas in place — every removed
// byte becomes a space and newlines are kept — so byte offsets and line numbers in the cleaned text are those of the
// file the user wrote. It also records where every string token starts, so validation errors can name a line.
struct CleanedJson {
  std::string text;
  std::vector<size_t> string_starts;  // offset of each string token's opening quote
};

size_t line_at(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  size_t line = 1;
  for (size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') ++line;
  return line;
}

[[noreturn]] void fail(const fs::path& origin, std::string_view text, size_t offset, const std::string& what) {
  throw ConfigError(origin.string() + ":" + std::to_string(line_at(text, offset)) + ": " + what);
}

CleanedJson strip_comments_and_trailing_commas(std::string_view source, const fs::path& origin) {
  CleanedJson cleaned{std::string(source), {}};
  std::string& text = cleaned.text;
  auto blank = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i)
      if (text[i] != '\n') text[i] = ' ';
  };
  // The last comma seen outside strings with only whitespace and comments after it (a trailing-comma candidate).
  std::optional<size_t> pending_comma;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '"') {
      pending_comma.reset();
      cleaned.string_starts.push_back(i);
      size_t j = i + 1;
      while (j < text.size() && text[j] != '"' && text[j] != '\n') j += text[j] == '\\' ? 2 : 1;
      i = std::min(j + 1, text.size());  // an unterminated string is left for the JSON parser to report
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      size_t end = text.find('\n', i);
      if (end == std::string::npos) end = text.size();
      blank(i, end);
      i = end;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      size_t end = text.find("*/", i + 2);
      if (end == std::string::npos)
        fail(origin, source, i, "注释 /* 没有结束 (unterminated /* comment)");
      blank(i, end + 2);
      i = end + 2;
    } else if (c == ',') {
      pending_comma = i;
      ++i;
    } else if (c == '}' || c == ']') {
      if (pending_comma) text[*pending_comma] = ' ';
      pending_comma.reset();
      ++i;
    } else {
      if (!std::isspace(static_cast<unsigned char>(c))) pending_comma.reset();
      ++i;
    }
  }
  return cleaned;
}

// Locates keys and values for error messages: the first string token equal to `"literal"` at or after `from`.
class TokenLocator {
 public:
  explicit TokenLocator(const CleanedJson& cleaned) : cleaned_(cleaned) {}
  size_t find(std::string_view literal, size_t from = 0) const {
    std::string quoted = nlohmann::json(std::string(literal)).dump();
    for (size_t start : cleaned_.string_starts)
      if (start >= from && std::string_view(cleaned_.text).substr(start, quoted.size()) == quoted) return start;
    return from;
  }

 private:
  const CleanedJson& cleaned_;
};

// what() reads "[json.exception.parse_error.101] parse error at line L, column C: …" or
// "[json.exception.out_of_range.406] number overflow …": keep the explanation.
std::string reason_of(const nlohmann::json::exception& error) {
  std::string what = shortened_json_error(error.what());
  if (size_t bracket = what.find("] "); bracket != std::string::npos) what.erase(0, bracket + 2);
  if (what.starts_with("parse error")) {
    if (size_t colon = what.find(": "); colon != std::string::npos) what.erase(0, colon + 2);
  }
  return what;
}

// Parses the cleaned text. nlohmann::json raises parse_error for bad syntax (with the byte where it stopped) and
// out_of_range for a number that overflows a double ("1e400"): both become a ConfigError naming the line.
nlohmann::json parse_json(const CleanedJson& cleaned, std::string_view text, const fs::path& origin) {
  try {
    return nlohmann::json::parse(cleaned.text);
  } catch (const nlohmann::json::parse_error& error) {
    fail(origin, text, error.byte == 0 ? 0 : error.byte - 1, "JSON 语法错误 (JSON syntax error): " + reason_of(error));
  } catch (const nlohmann::json::exception& error) {
    // The message quotes the offending token ("number overflow parsing '1e400'"): its first place names the line.
    const std::string what = error.what();
    const size_t open = what.find('\'');
    const size_t close = open == std::string::npos ? open : what.find('\'', open + 1);
    const size_t offset = close == std::string::npos ? 0 : cleaned.text.find(what.substr(open + 1, close - open - 1));
    fail(origin, text, offset == std::string::npos ? 0 : offset,
         "JSON 数值或内容无效 (invalid JSON value): " + reason_of(error));
  }
}

// A value as messages show it: scalars as written, arrays and objects elided (a nested value may be huge or deep).
std::string shown(const nlohmann::json& value) {
  if (value.is_array()) return "[…]";
  if (value.is_object()) return "{…}";
  return value.dump();
}

constexpr std::string_view kKnownKeys = "$schema, agencyKind, year, rules, ignore, per-file-ignores, forceReport";

AgencyKind parse_agency_kind(const nlohmann::json& value, const fs::path& origin, std::string_view text,
                             size_t offset) {
  if (value == "department") return AgencyKind::Department;
  if (value == "government") return AgencyKind::Government;
  if (value == "auto") return AgencyKind::Auto;
  fail(origin, text, offset,
       "agencyKind 的值 " + shown(value) +
           " 无效，应为 \"department\"、\"government\" 或 \"auto\" "
           "(agencyKind must be \"department\", \"government\" or \"auto\")");
}

}  // namespace

ConfigFile parse_config(std::string_view text, const fs::path& origin) {
  CleanedJson cleaned = strip_comments_and_trailing_commas(text, origin);
  const nlohmann::json root = parse_json(cleaned, text, origin);
  if (!root.is_object()) fail(origin, text, 0, "配置文件应为一个 JSON 对象 (the config must be a JSON object)");

  TokenLocator locate(cleaned);
  ConfigFile config;
  config.path = origin;
  for (const auto& [key, value] : root.items()) {
    size_t key_offset = locate.find(key);
    if (key == "$schema") {
      continue;  // editors add it to get completion from docs/config.schema.json
    } else if (key == "agencyKind") {
      config.options.agency_kind = parse_agency_kind(value, origin, text, key_offset);
    } else if (key == "year") {
      if (!value.is_number_integer() || value.get<long long>() < 2000 || value.get<long long>() > 2100)
        fail(origin, text, key_offset,
             "year 的值 " + shown(value) + " 无效，应为 2000 到 2100 之间的整数 (year must be an integer 2000–2100)");
      config.options.year = value.get<int>();
    } else if (key == "rules") {
      if (!value.is_object())
        fail(origin, text, key_offset, "rules 应为对象，如 {\"W504\": \"off\"} (rules must be an object)");
      for (const auto& [id, severity_value] : value.items()) {
        size_t id_offset = locate.find(id, key_offset);
        if (!is_configurable_rule(id))
          fail(origin, text, id_offset,
               "未知的规则 \"" + id + "\"，可用 xxgk-lint rules 查看全部规则 (unknown rule id \"" + id + "\")");
        Severity severity;
        if (!severity_value.is_string() || !parse_severity(severity_value.get<std::string>(), severity))
          fail(origin, text, id_offset,
               "规则 " + id + " 的级别 " + shown(severity_value) +
                   " 无效，应为 \"off\"、\"info\"、\"warning\" 或 \"error\" (invalid severity)");
        config.options.severity[id] = severity;
      }
    } else if (key == "ignore") {
      if (!value.is_array())
        fail(origin, text, key_offset, "ignore 应为字符串数组，如 [\"drafts/**\"] (ignore must be an array of globs)");
      for (const auto& pattern : value) {
        if (!pattern.is_string())
          fail(origin, text, key_offset, "ignore 中的 " + shown(pattern) + " 不是字符串 (ignore entries must be strings)");
        config.ignore.push_back(pattern.get<std::string>());
      }
    } else if (key == "per-file-ignores") {
      if (!value.is_object())
        fail(origin, text, key_offset,
             "per-file-ignores 应为对象，如 {\"2019/*.txt\": [\"S109\"]} (per-file-ignores maps globs to rule ids)");
      for (const auto& [pattern, ids] : value.items()) {
        size_t pattern_offset = locate.find(pattern, key_offset);
        if (!ids.is_array())
          fail(origin, text, pattern_offset, "per-file-ignores 中 \"" + pattern + "\" 的值应为规则编号数组 (expected an array of rule ids)");
        std::vector<std::string> rule_ids;
        for (const auto& id : ids) {
          if (!id.is_string() || find_rule(id.get<std::string>()) == nullptr)
            fail(origin, text, pattern_offset,
                 "per-file-ignores 中的 " + id.dump() + " 不是规则编号，可用 xxgk-lint rules 查看全部规则 (unknown rule id)");
          rule_ids.push_back(id.get<std::string>());
        }
        config.per_file_ignores.emplace_back(pattern, std::move(rule_ids));
      }
    } else if (key == "forceReport") {
      if (!value.is_boolean()) fail(origin, text, key_offset, "forceReport 应为 true 或 false (forceReport must be a boolean)");
      config.force_report = value.get<bool>();
    } else {
      fail(origin, text, key_offset,
           "未知的配置项 \"" + key + "\"，可用的配置项：" + std::string(kKnownKeys) + " (unknown key)");
    }
  }
  return config;
}

ConfigFile load_config_file(const fs::path& file) {
  std::ifstream stream(file, std::ios::binary);
  if (!stream) throw ConfigError(file.string() + ": 无法读取配置文件 (cannot read the config file)");
  std::ostringstream contents;
  contents << stream.rdbuf();
  if (stream.bad()) throw ConfigError(file.string() + ": 无法读取配置文件 (cannot read the config file)");
  return parse_config(contents.str(), file);
}

std::optional<fs::path> find_config_file(const fs::path& start) {
  std::error_code error;
  fs::path directory = fs::absolute(start, error).lexically_normal();
  if (error) return std::nullopt;
  if (!fs::is_directory(directory, error)) directory = directory.parent_path();
  while (true) {
    fs::path candidate = directory / kConfigFileName;
    if (fs::is_regular_file(candidate, error)) return candidate;
    if (directory == directory.root_path() || !directory.has_relative_path()) return std::nullopt;
    directory = directory.parent_path();
  }
}

ConfigFile config_for(const fs::path& checked_file, const std::optional<fs::path>& explicit_file) {
  if (explicit_file) return load_config_file(*explicit_file);
  if (std::optional<fs::path> found = find_config_file(checked_file)) return load_config_file(*found);
  return ConfigFile{};
}

namespace {

size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// `file` relative to the config file's directory, '/'-separated; nullopt outside that directory.
std::optional<std::string> relative_to_config(const ConfigFile& config, const fs::path& file) {
  std::error_code error;
  fs::path base = fs::absolute(config.path, error).parent_path().lexically_normal();
  fs::path target = fs::absolute(file, error).lexically_normal();
  if (error) return std::nullopt;
  fs::path relative = target.lexically_relative(base);
  std::string relative_path = relative.generic_string();
  if (relative.empty() || relative_path == "." || relative_path.starts_with("../") || relative_path == "..")
    return std::nullopt;
  return relative_path;
}

// Whether `pattern` matches `relative_path` or one of its ancestor directories (a pattern naming a directory covers
// everything beneath it).
bool matches_path_or_ancestor(std::string pattern, std::string_view relative_path) {
  if (pattern.starts_with("./")) pattern.erase(0, 2);
  while (pattern.size() > 1 && pattern.ends_with('/')) pattern.pop_back();
  for (size_t end = relative_path.find('/');; end = relative_path.find('/', end + 1)) {
    if (glob_match(pattern, relative_path.substr(0, end))) return true;
    if (end == std::string_view::npos) return false;
  }
}

}  // namespace

// The pattern is read token by token, carrying the set of path positions the tokens so far can end at: each token
// maps that set to the next in one pass over the path, so a match costs O(pattern × path) whatever the pattern
// (backtracking over `*` and `**` took exponential time: "**a**a**a**a**a**a**a**a**b" never finished on 60 bytes).
bool glob_match(std::string_view pattern, std::string_view path) {
  const size_t n = path.size();
  std::vector<char> reached(n + 1, 0), next(n + 1, 0);
  reached[0] = 1;
  size_t i = 0;
  while (i < pattern.size()) {
    std::fill(next.begin(), next.end(), 0);
    if (pattern.compare(i, 3, "**/") == 0) {
      // No directory, or any run of whole directories: every position just after a '/' beyond a reached one.
      bool any = false;
      for (size_t q = 0; q <= n; ++q) {
        next[q] = reached[q] || (any && q > 0 && path[q - 1] == '/');
        any = any || reached[q];
      }
      i += 3;
    } else if (pattern.compare(i, 2, "**") == 0) {
      bool any = false;
      for (size_t q = 0; q <= n; ++q) next[q] = any = any || reached[q];
      i += 2;
    } else if (pattern[i] == '*') {
      // Extends a reached position up to the next '/'.
      bool active = false;
      for (size_t q = 0; q <= n; ++q) {
        active = reached[q] || (active && path[q - 1] != '/');
        next[q] = active;
      }
      ++i;
    } else if (pattern[i] == '?') {
      for (size_t p = 0; p < n; ++p)
        if (reached[p] && path[p] != '/') next[std::min(n, p + utf8_length(path[p]))] = 1;
      ++i;
    } else {
      for (size_t p = 0; p < n; ++p)
        if (reached[p] && path[p] == pattern[i]) next[p + 1] = 1;
      ++i;
    }
    reached.swap(next);
  }
  return reached[n] != 0;
}

bool is_ignored(const ConfigFile& config, const fs::path& file) {
  if (config.path.empty() || config.ignore.empty()) return false;
  std::optional<std::string> relative_path = relative_to_config(config, file);
  if (!relative_path) return false;
  return std::ranges::any_of(config.ignore,
                             [&](const std::string& pattern) { return matches_path_or_ancestor(pattern, *relative_path); });
}

LintOptions options_for_file(const ConfigFile& config, const fs::path& file) {
  LintOptions options = config.options;
  if (config.path.empty() || config.per_file_ignores.empty() || file.empty()) return options;
  std::optional<std::string> relative_path = relative_to_config(config, file);
  if (!relative_path) return options;
  for (const auto& [pattern, rule_ids] : config.per_file_ignores)
    if (matches_path_or_ancestor(pattern, *relative_path))
      for (const std::string& id : rule_ids) options.severity[id] = Severity::Off;
  return options;
}

}  // namespace xxgk::config
