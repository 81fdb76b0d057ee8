#include "cli/arguments.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <thread>

#include "xxgk/normalize.h"
#include "xxgk/options.h"
#include "xxgk/rule.h"
#include "xxgk/suppression.h"

namespace xxgk::cli {

namespace {

// Walks the arguments: `--name value`, `--name=value`, positionals, `-` (stdin) and `--` (end of options).
class ArgumentCursor {
 public:
  explicit ArgumentCursor(const std::vector<std::string>& args) : args_(args) {}

  // Advances to the next argument; false at the end. `is_option` tells whether it is an option (then `name` is its
  // name without an inline value) or a positional.
  bool next(std::string& name, bool& is_option) {
    if (next_ == args_.size()) return false;
    const std::string& argument = args_[next_++];
    inline_value_.reset();
    if (!options_ended_ && argument == "--") {
      options_ended_ = true;
      return next(name, is_option);
    }
    is_option = !options_ended_ && argument.size() > 1 && argument[0] == '-';
    name = argument;
    if (is_option) {
      if (size_t equals = argument.find('='); equals != std::string::npos && argument.starts_with("--")) {
        name = argument.substr(0, equals);
        inline_value_ = argument.substr(equals + 1);
      }
    }
    return true;
  }

  // The current option's value: inline after '=' or the next argument.
  std::string value(const std::string& option) {
    if (inline_value_) return *inline_value_;
    if (next_ == args_.size()) throw UsageError("选项 " + option + " 需要一个值 (option " + option + " needs a value)");
    return args_[next_++];
  }

  // Rejects a value on an option that takes none ("--quiet=yes").
  void expect_no_value(const std::string& option) const {
    if (inline_value_) throw UsageError("选项 " + option + " 不带值 (option " + option + " takes no value)");
  }

 private:
  const std::vector<std::string>& args_;
  size_t next_ = 0;
  bool options_ended_ = false;
  std::optional<std::string> inline_value_;
};

[[noreturn]] void unknown_option(const std::string& option) {
  throw UsageError("未知选项 " + option + " (unknown option " + option + ")");
}

int parse_integer(const std::string& text, const std::string& option, int minimum, int maximum) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < minimum || value > maximum)
    throw UsageError(option + " 的值 \"" + text + "\" 无效，应为 " + std::to_string(minimum) + " 到 " +
                     std::to_string(maximum) + " 之间的整数 (" + option + " must be an integer " +
                     std::to_string(minimum) + "–" + std::to_string(maximum) + ")");
  return value;
}

int parse_year(const std::string& text) { return parse_integer(text, "--year", 2000, 2100); }

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
  return text;
}

std::string joined(const std::vector<std::string>& ids) {
  std::string list;
  for (const std::string& id : ids) list += (list.empty() ? "" : ", ") + id;
  return list;
}

std::string unknown_rule_message(const std::string& id) {
  std::string message = "未知的规则 " + id + " (unknown rule " + id + ")";
  std::vector<std::string> similar = similar_rule_ids(id);
  if (!similar.empty()) message += "；相近的规则 (similar rules): " + joined(similar);
  return message + "；全部规则见 xxgk-lint rules (all rules: xxgk-lint rules)";
}

void parse_rule_override(const std::string& text, std::map<std::string, Severity>& severities) {
  size_t equals = text.find('=');
  if (equals == std::string::npos)
    throw UsageError("--rule 的格式应为 ID=off|info|warning|error，如 --rule W504=off (--rule expects ID=SEVERITY)");
  std::string id = upper(text.substr(0, equals));
  if (!is_configurable_rule(id)) throw UsageError(unknown_rule_message(id));
  Severity severity;
  if (!parse_severity(text.substr(equals + 1), severity))
    throw UsageError("--rule " + id + " 的级别 \"" + text.substr(equals + 1) +
                     "\" 无效，应为 off、info、warning 或 error (invalid severity)");
  severities[id] = severity;
}

OutputFormat parse_format(const std::string& text) {
  if (text == "text") return OutputFormat::Text;
  if (text == "json") return OutputFormat::Json;
  if (text == "sarif") return OutputFormat::Sarif;
  if (text == "github") return OutputFormat::Github;
  if (text == "html") return OutputFormat::Html;
  throw UsageError("--format 的值 \"" + text + "\" 无效，应为 text、json、sarif、github 或 html (unknown format)");
}

ColorChoice parse_color(const std::string& text) {
  if (text == "auto") return ColorChoice::Auto;
  if (text == "always") return ColorChoice::Always;
  if (text == "never") return ColorChoice::Never;
  throw UsageError("--color 的值 \"" + text + "\" 无效，应为 auto、always 或 never (unknown colour choice)");
}

AgencyKind parse_agency_kind(const std::string& text) {
  if (text == "department") return AgencyKind::Department;
  if (text == "government") return AgencyKind::Government;
  if (text == "auto") return AgencyKind::Auto;
  throw UsageError("--agency-kind 的值 \"" + text + "\" 无效，应为 department 或 government (unknown agency kind)");
}

// ---- Review options (baselines) ----------------------------------------------------------------------------------

// --baseline FILE / --write-baseline FILE; false for another option.
bool parse_baseline_option(const std::string& name, ArgumentCursor& cursor, LintArguments& parsed) {
  if (name == "--baseline") {
    parsed.baseline = cursor.value(name);
  } else if (name == "--write-baseline") {
    parsed.write_baseline = cursor.value(name);
  } else {
    return false;
  }
  return true;
}

}  // namespace

LintArguments parse_lint_arguments(const std::vector<std::string>& args, bool fix) {
  LintArguments parsed;
  parsed.jobs = std::max(1u, std::thread::hardware_concurrency());
  ArgumentCursor cursor(args);
  std::string name;
  bool is_option = false;
  while (cursor.next(name, is_option)) {
    if (!is_option) {
      parsed.paths.push_back(name);
    } else if (name == "--format") {
      parsed.format = parse_format(cursor.value(name));
    } else if (name == "--config") {
      parsed.config_file = cursor.value(name);
    } else if (name == "--rule") {
      parse_rule_override(cursor.value(name), parsed.rule_severities);
    } else if (name == "--agency-kind") {
      parsed.agency_kind = parse_agency_kind(cursor.value(name));
    } else if (name == "--year") {
      parsed.year = parse_year(cursor.value(name));
    } else if (name == "--jobs" || name == "-j") {
      parsed.jobs = static_cast<unsigned>(parse_integer(cursor.value(name), name, 1, 1024));
    } else if (name == "--quiet" || name == "-q") {
      cursor.expect_no_value(name);
      parsed.quiet = true;
    } else if (name == "--no-progress") {
      cursor.expect_no_value(name);
      parsed.progress = false;
    } else if (name == "--unsafe" && fix) {
      cursor.expect_no_value(name);
      parsed.unsafe = true;
    } else if (name == "--diff" && fix) {
      cursor.expect_no_value(name);
      parsed.diff = true;
    } else if (name == "--force-report") {
      cursor.expect_no_value(name);
      parsed.force_report = true;
    } else if (name == "--no-ignore") {
      cursor.expect_no_value(name);
      parsed.no_ignore = true;
    } else if (name == "--statistics") {
      cursor.expect_no_value(name);
      parsed.statistics = true;
    } else if (name == "--color") {
      parsed.color = parse_color(cursor.value(name));
    } else if (name == "--output-file") {
      parsed.output_file = cursor.value(name);
    } else if (name == "--stdin-filename") {
      parsed.stdin_filename = cursor.value(name);
    } else if (fix || !parse_baseline_option(name, cursor, parsed)) {
      unknown_option(name);
    }
  }
  if (parsed.baseline && parsed.write_baseline)
    throw UsageError("--baseline 与 --write-baseline 不能同时使用 (--baseline and --write-baseline exclude each other)");
  if (parsed.paths.empty())
    throw UsageError("没有给出要检查的文件或目录，读标准输入请用 - (no PATH given; use - for standard input)");
  if (fix && parsed.paths.size() > 1 && std::ranges::find(parsed.paths, "-") != parsed.paths.end())
    throw UsageError("fix - 把修复后的文本写到标准输出，不能与其他路径同时使用 "
                     "(fix - writes the fixed text to standard output and takes no other path)");
  if (parsed.stdin_filename && parsed.stdin_filename->empty())
    throw UsageError("--stdin-filename 的值不能为空 (--stdin-filename needs a name)");
  return parsed;
}

InitArguments parse_init_arguments(const std::vector<std::string>& args) {
  InitArguments parsed;
  std::optional<int> year;
  ArgumentCursor cursor(args);
  std::string name;
  bool is_option = false;
  while (cursor.next(name, is_option)) {
    if (!is_option) {
      throw UsageError("init 不接受参数 " + name + " (unexpected argument " + name + ")");
    } else if (name == "--agency") {
      parsed.agency = cursor.value(name);
    } else if (name == "--year") {
      year = parse_year(cursor.value(name));
    } else if (name == "--markdown") {
      cursor.expect_no_value(name);
      parsed.markdown = true;
    } else {
      unknown_option(name);
    }
  }
  if (parsed.agency.empty() || !year)
    throw UsageError("init 需要 --agency 机关名称 和 --year 年份，如 xxgk-lint init --agency 某某市某某局 --year 2024 "
                     "(init needs --agency NAME and --year N)");
  parsed.year = *year;
  return parsed;
}

// ---- compare ----------------------------------------------------------------------------------------------------

CompareArguments parse_compare_arguments(const std::vector<std::string>& args) {
  CompareArguments parsed;
  std::vector<std::string> paths;
  ArgumentCursor cursor(args);
  std::string name;
  bool is_option = false;
  while (cursor.next(name, is_option)) {
    if (!is_option) {
      paths.push_back(name);
    } else if (name == "--format") {
      parsed.format = parse_format(cursor.value(name));
      if (parsed.format != OutputFormat::Text && parsed.format != OutputFormat::Json &&
          parsed.format != OutputFormat::Html)
        throw UsageError("compare 的 --format 应为 text、json 或 html (compare prints text, json or html)");
    } else {
      unknown_option(name);
    }
  }
  if (paths.size() != 2)
    throw UsageError("用法 (usage): xxgk-lint compare 上年报告 本年报告，如 xxgk-lint compare 2023.txt 2024.txt "
                     "(compare takes last year's report and this year's)");
  parsed.last = paths[0];
  parsed.current = paths[1];
  return parsed;
}

std::string parse_explain_arguments(const std::vector<std::string>& args) {
  if (args.size() != 1 || args[0].starts_with("-"))
    throw UsageError("用法 (usage): xxgk-lint explain ID，如 xxgk-lint explain T202");
  std::string wanted = upper(args[0]);
  for (const Rule& rule : all_rules())
    if (rule.descriptor.id == wanted || rule.descriptor.slug == args[0]) return std::string(rule.descriptor.id);
  for (const RuleDescriptor* meta : {&input_limit_rule(), &unused_suppression_rule()})
    if (meta->id == wanted || meta->slug == args[0]) return std::string(meta->id);
  throw UsageError(unknown_rule_message(args[0]));
}

std::vector<std::string> similar_rule_ids(const std::string& id) {
  std::string wanted_id = upper(id);
  std::vector<std::string> similar;
  for (const Rule& rule : all_rules()) {
    const RuleDescriptor& descriptor = rule.descriptor;
    if (edit_distance(wanted_id, descriptor.id, 2) <= 1 || edit_distance(id, descriptor.slug, 4) <= 3 ||
        (id.size() >= 4 && descriptor.slug.find(id) != std::string_view::npos))
      similar.emplace_back(descriptor.id);
  }
  if (similar.empty() && !wanted_id.empty())
    for (const Rule& rule : all_rules())
      if (rule.descriptor.id.front() == wanted_id.front()) similar.emplace_back(rule.descriptor.id);
  return similar;
}

}  // namespace xxgk::cli
