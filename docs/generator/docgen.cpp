// xxgk-docgen OUTPUT_DIR: writes OUTPUT_DIR/rules/<ID>.md for every rule, OUTPUT_DIR/rules/README.md (the index) and
// OUTPUT_DIR/config.schema.json (the JSON Schema of .xxgk-lint.json), all from the rule descriptors.
// scripts/gen-docs.sh runs it on docs/; a test runs it on a temporary directory and compares with the committed files.
// xxgk-docgen --install-files DIR: writes what `cmake --install` installs beside the binary (DIR/xxgk-lint.1,
// DIR/xxgk-lint.bash, DIR/_xxgk-lint), generated at build time from the help text and the descriptors.
#include <filesystem>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/manual.h"
#include "xxgk/rule_docs.h"
#include "xxgk/options.h"
#include "xxgk/rule.h"
#include "xxgk/suppression.h"

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

constexpr std::string_view kGeneratedNotice =
    "<!-- 由 scripts/gen-docs.sh 根据规则描述生成，请勿手工编辑 "
    "(generated from the rule descriptors by scripts/gen-docs.sh; do not edit) -->\n\n";

Json config_schema() {
  Json rules = Json::object();
  std::vector<const xxgk::RuleDescriptor*> configurable;
  for (const xxgk::Rule& rule : xxgk::all_rules()) configurable.push_back(&rule.descriptor);
  configurable.push_back(&xxgk::unused_suppression_rule());
  Json rule_ids = Json::array();
  for (const xxgk::Rule& rule : xxgk::all_rules()) rule_ids.push_back(std::string(rule.descriptor.id));
  for (const xxgk::RuleDescriptor* entry : configurable) {
    const xxgk::RuleDescriptor& descriptor = *entry;
    rules[std::string(descriptor.id)] = Json{
        {"$ref", "#/definitions/severity"},
        {"description", std::string(descriptor.slug) + ": " + std::string(descriptor.title_zh) + " (" +
                            std::string(descriptor.title_en) + "); 默认 (default): " +
                            std::string(xxgk::severity_name(descriptor.severity))},
        {"markdownDescription", "[" + std::string(descriptor.id) + " " + std::string(descriptor.slug) + "](" +
                                    xxgk::rule_doc_url(descriptor) + ")"}};
  }
  return Json{
      {"$schema", "http://json-schema.org/draft-07/schema#"},
      {"title", ".xxgk-lint.json"},
      {"description", "xxgk-lint 配置文件；允许 // 与 /* */ 注释及末尾逗号 "
                      "(xxgk-lint configuration; comments and trailing commas are allowed)"},
      {"type", "object"},
      {"additionalProperties", false},
      {"properties",
       Json{{"$schema", Json{{"type", "string"}}},
            {"agencyKind",
             Json{{"description", "机关类型：部门、人民政府，或由标题判断 (kind of body; auto: from the title)"},
                  {"enum", Json::array({"department", "government", "auto"})},
                  {"default", "auto"}}},
            {"year", Json{{"description", "报告年度，默认取标题中的年份 (reporting year; default: from the title)"},
                          {"type", "integer"},
                          {"minimum", 2000},
                          {"maximum", 2100}}},
            {"rules", Json{{"description", "规则级别 (rule severities)"},
                           {"type", "object"},
                           {"additionalProperties", false},
                           {"properties", std::move(rules)}}},
            {"ignore", Json{{"description", "不检查的路径，相对于配置文件所在目录的 glob：** * ? "
                                            "(globs relative to the config file's directory)"},
                            {"type", "array"},
                            {"items", Json{{"type", "string"}}}}},
            {"per-file-ignores",
             Json{{"description", "按文件关闭规则：glob（相对于配置文件所在目录）→ 规则编号，纯文本报告没有注释可用 "
                                  "(rules turned off per file: glob → rule ids; plain text has no comments)"},
                  {"type", "object"},
                  {"additionalProperties", Json{{"type", "array"}, {"items", Json{{"enum", std::move(rule_ids)}}}}}}},
            {"forceReport",
             Json{{"description", "也检查看起来不像年度报告的文件 (lint files that do not look like a report)"},
                  {"type", "boolean"},
                  {"default", false}}}}},
      {"definitions", Json{{"severity", Json{{"enum", Json::array({"off", "info", "warning", "error"})}}}}}};
}

bool write_file(const fs::path& file, std::string_view content) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << content;
  out.close();
  if (!out) std::cerr << "xxgk-docgen: cannot write " << file << '\n';
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string_view(argv[1]) == "--install-files") {
    const fs::path directory(argv[2]);
    std::error_code error;
    fs::create_directories(directory, error);
    bool written = write_file(directory / "xxgk-lint.1", xxgk::cli::man_page());
    written &= write_file(directory / "xxgk-lint.bash", xxgk::cli::bash_completion());
    written &= write_file(directory / "_xxgk-lint", xxgk::cli::zsh_completion());
    return written ? 0 : 1;
  }
  if (argc != 2) {
    std::cerr << "usage: xxgk-docgen OUTPUT_DIR | xxgk-docgen --install-files DIR\n";
    return 2;
  }
  fs::path output(argv[1]);
  std::error_code error;
  fs::create_directories(output / "rules", error);
  if (error) {
    std::cerr << "xxgk-docgen: cannot create " << (output / "rules") << ": " << error.message() << '\n';
    return 1;
  }
  bool written = true;
  for (const xxgk::Rule& rule : xxgk::all_rules()) {
    const xxgk::RuleDescriptor& descriptor = rule.descriptor;
    written &= write_file(output / "rules" / (std::string(descriptor.id) + ".md"),
                          std::string(kGeneratedNotice) + xxgk::rule_markdown(descriptor));
  }
  written &= write_file(output / "rules" / (std::string(xxgk::input_limit_rule().id) + ".md"),
                        std::string(kGeneratedNotice) + xxgk::input_limit_markdown());
  written &= write_file(output / "rules" / (std::string(xxgk::unused_suppression_rule().id) + ".md"),
                        std::string(kGeneratedNotice) + xxgk::rule_markdown(xxgk::unused_suppression_rule()));
  written &= write_file(output / "rules" / "README.md",
                        std::string(kGeneratedNotice) + xxgk::rules_index_markdown());
  written &= write_file(output / "config.schema.json", config_schema().dump(2) + "\n");
  return written ? 0 : 1;
}
