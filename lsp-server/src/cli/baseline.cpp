#include "cli/baseline.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "cli/file_replace.h"
#include "cli/targets.h"
#include "xxgk/fingerprint.h"
#include "xxgk/rule.h"

namespace xxgk::cli {

namespace fs = std::filesystem;

namespace {

// Baselines hold at most what the largest runs produce; a bigger file is not a baseline.
constexpr size_t kMaxBaselineBytes = size_t{256} << 20;

std::string baseline_path(const std::string& display) {
  std::string path = normal_generic_string(display);
  while (path.starts_with("./")) path.erase(0, 2);
  return path;
}

bool known_rule(std::string_view id) { return find_rule(id) != nullptr || id == input_limit_rule().id; }

bool is_fingerprint(std::string_view text) {
  return text.size() == 16 &&
         std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  for (size_t start = 0;;) {
    const size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

}  // namespace

std::vector<BaselineEntry> baseline_entries(const std::string& display, std::string_view text,
                                            const std::vector<Diagnostic>& diagnostics) {
  std::vector<BaselineEntry> entries;
  const std::string path = baseline_path(display);
  for (const Diagnostic& diagnostic : diagnostics) {
    DiagnosticFingerprint fingerprint = diagnostic_fingerprint(text, diagnostic);
    entries.push_back({path, std::string(diagnostic.rule->id), std::move(fingerprint.hash),
                       std::move(fingerprint.excerpt)});
  }
  return entries;
}

std::string baseline_text(std::vector<BaselineEntry> entries) {
  std::sort(entries.begin(), entries.end());
  std::string text(kBaselineHeader);
  text += "\n# 由 xxgk-lint check --write-baseline 生成；check --baseline 只报告不在此文件中的问题。\n"
          "# Written by xxgk-lint check --write-baseline; check --baseline reports only findings not listed here.\n"
          "# 文件 (file)\t规则 (rule)\t指纹 (fingerprint)\t摘录 (excerpt)\n";
  for (const BaselineEntry& entry : entries)
    text += entry.path + '\t' + entry.rule + '\t' + entry.fingerprint + '\t' + entry.excerpt + '\n';
  return text;
}

void write_baseline_file(const fs::path& file, std::vector<BaselineEntry> entries) {
  const std::string text = baseline_text(std::move(entries));
  fs::path temporary = file;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      std::error_code ignored;
      fs::remove(temporary, ignored);
      throw BaselineError(file.string() + ": 无法写入基线文件 (cannot write the baseline file)");
    }
  }
  std::error_code error;
  fs::rename(temporary, file, error);
  if (error) {
    fs::remove(temporary, error);
    throw BaselineError(file.string() + ": 无法写入基线文件 (cannot write the baseline file): " + error.message());
  }
}

Baseline Baseline::parse(std::string_view text, const std::string& name) {
  Baseline baseline;
  std::istringstream lines{std::string(text)};
  std::string line;
  if (!std::getline(lines, line) || (line.ends_with('\r') ? line.substr(0, line.size() - 1) : line) != kBaselineHeader) {
    if (line.starts_with("# xxgk-lint baseline "))
      throw BaselineError(name + ": 基线文件格式版本为“" + line.substr(21) + "”，本工具只读版本 1；请用 --write-baseline "
                                 "重新生成 (baseline written in another format version; write it again with "
                                 "--write-baseline)");
    throw BaselineError(name + ": 不是 xxgk-lint 基线文件，第一行应为“" + std::string(kBaselineHeader) +
                        "” (not an xxgk-lint baseline file)");
  }
  for (size_t number = 2; std::getline(lines, line); ++number) {
    if (line.ends_with('\r')) line.pop_back();
    if (line.empty() || line.starts_with('#')) continue;
    const std::vector<std::string_view> fields = split_tabs(line);
    const std::string where = name + ":" + std::to_string(number) + ": ";
    if (fields.size() != 4 || fields[0].empty())
      throw BaselineError(where + "基线文件已损坏：每行应有以制表符分隔的 4 项 (corrupt baseline: a line has 4 "
                                  "tab-separated fields)");
    if (!known_rule(fields[1]))
      throw BaselineError(where + "基线文件中的规则“" + std::string(fields[1]) +
                          "”不存在 (corrupt baseline, or from another version: unknown rule)");
    if (!is_fingerprint(fields[2]))
      throw BaselineError(where + "基线文件已损坏：指纹应为 16 位十六进制数 (corrupt baseline: bad fingerprint)");
    ++baseline.remaining_[{std::string(fields[0]), std::string(fields[1]), std::string(fields[2])}];
  }
  return baseline;
}

Baseline Baseline::read(const fs::path& file) {
  try {
    return parse(read_file_version(file, kMaxBaselineBytes).content, file.string());
  } catch (const FileError& error) {
    throw BaselineError(file.string() + ": 无法读取基线文件 (cannot read the baseline file): " + error.what());
  }
}

size_t Baseline::remove_known(const std::string& display, std::string_view text, std::vector<Diagnostic>& diagnostics) {
  const std::vector<BaselineEntry> entries = baseline_entries(display, text, diagnostics);
  size_t removed = 0, kept = 0;
  for (size_t i = 0; i < diagnostics.size(); ++i) {
    const auto found = remaining_.find({entries[i].path, entries[i].rule, entries[i].fingerprint});
    if (found != remaining_.end() && found->second > 0) {
      --found->second;
      ++removed;
      continue;
    }
    if (kept != i) diagnostics[kept] = std::move(diagnostics[i]);
    ++kept;
  }
  diagnostics.resize(kept);
  return removed;
}

}  // namespace xxgk::cli
