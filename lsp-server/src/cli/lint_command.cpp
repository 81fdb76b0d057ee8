#include "cli/lint_command.h"

#include <iostream>

#include "cli/file_replace.h"
#include "cli/input_decoding.h"
#include "cli/ordered_pool.h"
#include "cli/progress_bar.h"
#include "cli/report_writer.h"
#include "cli/targets.h"
#include "cli/temporary_files.h"
#include "xxgk/linter.h"

namespace xxgk::cli {

namespace fs = std::filesystem;

namespace {

// What the run prints for one target, produced on a worker thread and printed in input order.
struct FileOutcome {
  std::optional<FileReport> report;              // absent when the file could not be checked
  std::vector<std::string> messages;             // for stderr: read errors, refusals, encoding notes
  std::vector<std::string> changes;              // fix: what was changed
  std::optional<std::string> filtered_output;    // `fix -`: what goes to standard output
  bool then_rest_of_stdin = false;               // `fix -` on too much input: the unread rest follows the output
  bool failed = false;                           // makes the run exit with 2
};

LintOptions effective_options(const config::ConfigFile& config, const LintArguments& arguments) {
  LintOptions options = config.options;
  if (arguments.agency_kind) options.agency_kind = *arguments.agency_kind;
  if (arguments.year) options.year = arguments.year;
  for (const auto& [id, severity] : arguments.rule_severities) options.severity[id] = severity;
  return options;
}

// Fixes that would make the text larger than the input limit are not applied: the file would no longer be checked.
std::optional<std::string> grows_past_limit(size_t fixed_bytes) {
  const size_t limit = LintLimits{}.max_bytes;
  if (fixed_bytes <= limit) return std::nullopt;
  return "修复后将超过 " + std::to_string(limit) + " 字节的上限，未修复 (the fixed text would be " +
         std::to_string(fixed_bytes) + " bytes, more than the " + std::to_string(limit) + "-byte limit; not rewritten)";
}

// Fix writes through a symbolic link only when the file it points to lies in the directory tree the user named.
bool inside_tree(const fs::path& file, const fs::path& tree) {
  std::error_code error;
  fs::path real_file = fs::canonical(file, error);
  fs::path real_tree = fs::canonical(tree, error);
  if (error) return false;
  std::string relative = real_file.lexically_relative(real_tree).generic_string();
  return !relative.empty() && relative != ".." && !relative.starts_with("../");
}

class TargetProcessor {
 public:
  TargetProcessor(const LintArguments& arguments, LintCommand command) : arguments_(arguments), command_(command) {}

  FileOutcome process(const CheckTarget& target) const {
    FileOutcome outcome;
    try {
      check_target(target, outcome);
    } catch (const std::exception& error) {
      fail(outcome, target, std::string("内部错误 (internal error): ") + error.what());
    }
    return outcome;
  }

 private:
  static void fail(FileOutcome& outcome, const CheckTarget& target, const std::string& message) {
    outcome.messages.push_back(target.display + ": " + message);
    outcome.failed = true;
  }

  void check_target(const CheckTarget& target, FileOutcome& outcome) const {
    std::optional<FileVersion> version;
    std::string stdin_bytes;
    bool filter = command_ == LintCommand::Fix && target.is_stdin();
    // Input the core would not check anyway is not read into memory either.
    const size_t max_bytes = LintLimits{}.max_bytes;
    try {
      if (target.is_stdin()) {
        StandardInput input = read_standard_input(max_bytes);
        if (!input.complete) {
          // The filter's output is its input, unchanged: a pipeline never loses text to a refusal.
          if (filter) {
            outcome.filtered_output = std::move(input.content);
            outcome.then_rest_of_stdin = true;
          }
          return fail(outcome, target, too_large_message(max_bytes));
        }
        stdin_bytes = std::move(input.content);
      } else {
        version = read_file_version(target.path, max_bytes);
      }
    } catch (const FileError& error) {
      return fail(outcome, target, error.what());
    }
    std::string& bytes = version ? version->content : stdin_bytes;

    // Only fix needs the bytes as read once they are decoded (to pass them on, and to see that the file is unchanged
    // before replacing it); check hands them over.
    DecodedInput input = decode_input(command_ == LintCommand::Fix ? std::string(bytes) : std::move(bytes));
    if (!input.text) {
      if (filter) outcome.filtered_output = std::move(bytes);
      return fail(outcome, target, "不是文本文件，未检查：" + input.not_text_reason + " (not a text file; not checked)");
    }
    if (input.encoding == SourceEncoding::Gb18030) {
      fail(outcome, target, "不是 UTF-8/UTF-16 文本，按 GB18030 解码 (not UTF-8/UTF-16 text; decoded as GB18030)");
    } else if (input.encoding != SourceEncoding::Utf8 && !arguments_.quiet) {
      std::string name(encoding_name(input.encoding));
      outcome.messages.push_back(target.display + ": 按 " + name + " 解码 (decoded as " + name + ")");
    }

    LintOptions options = effective_options(*target.config, arguments_);
    std::string text = std::move(*input.text);
    if (command_ == LintCommand::Fix) {
      apply_fixes(target, version, input.encoding, options, text, outcome);
      if (filter) outcome.filtered_output = input.encoding == SourceEncoding::Utf8 ? text : bytes;
    }

    std::vector<Diagnostic> diagnostics = lint(text, options);
    std::erase_if(diagnostics, [&](const Diagnostic& diagnostic) {
      return diagnostic.severity == Severity::Off || (arguments_.quiet && diagnostic.severity != Severity::Error);
    });
    outcome.report = FileReport{target.display, std::move(text), std::move(diagnostics)};
  }

  // Replaces `text` by its fixed version when the fixes could be applied (and, for a file, written).
  void apply_fixes(const CheckTarget& target, const std::optional<FileVersion>& version, SourceEncoding encoding,
                   const LintOptions& options, std::string& text, FileOutcome& outcome) const {
    FixResult fixed = fix_all(text, options, arguments_.unsafe ? FixMode::IncludeUnsafe : FixMode::SafeOnly);
    if (fixed.text == text) return;
    if (auto refusal = grows_past_limit(fixed.text.size())) return fail(outcome, target, *refusal);
    if (encoding != SourceEncoding::Utf8)
      return fail(outcome, target,
                  "不是 UTF-8 文件，未修复；请先转换为 UTF-8 (not UTF-8: not rewritten, to keep its encoding; convert "
                  "it to UTF-8 first)");
    if (version) {
      if (!inside_tree(target.path, target.tree))
        return fail(outcome, target,
                    "是指向 " + target.tree.string() + " 之外的符号链接，未修复 (a symbolic link to a file outside " +
                        target.tree.string() + "; not rewritten)");
      try {
        replace_file_contents(fs::canonical(target.path), *version, fixed.text);
      } catch (const FileError& error) {
        return fail(outcome, target, error.what());
      }
    }
    outcome.changes.push_back(target.display + ": 已修复 " + std::to_string(fixed.applied) + " 处 (" +
                              std::to_string(fixed.applied) + (fixed.applied == 1 ? " fix" : " fixes") + " applied)");
    for (const std::string& title : fixed.applied_titles) outcome.changes.push_back("  - " + title);
    text = std::move(fixed.text);
  }

  const LintArguments& arguments_;
  LintCommand command_;
};

}  // namespace

int run_lint_command(const LintArguments& arguments, LintCommand command) {
  if (command == LintCommand::Fix) remove_temporary_files_on_signal();
  std::optional<ConfigCache> configs;
  try {
    configs.emplace(arguments.config_file);
  } catch (const config::ConfigError& error) {
    std::cerr << error.what() << '\n';
    return 2;
  }
  TargetList list = collect_targets(arguments.paths, *configs);
  for (const std::string& error : list.errors) std::cerr << error << '\n';
  bool failed = !list.errors.empty();

  // `fix -` is a filter: the fixed text owns standard output, everything else goes to stderr.
  bool filter = command == LintCommand::Fix && !list.targets.empty() && list.targets.front().is_stdin();
  std::ostream& report_stream = filter ? std::cerr : std::cout;
  std::ostream& change_stream = arguments.format == OutputFormat::Text ? report_stream : std::cerr;
  std::unique_ptr<ReportWriter> writer = make_report_writer(arguments.format, report_stream);
  ProgressBar progress(list.targets.size(), arguments.progress);
  RunSummary summary;
  TargetProcessor processor(arguments, command);

  run_in_order<FileOutcome>(
      list.targets.size(), arguments.jobs, [&](size_t index) { return processor.process(list.targets[index]); },
      [&](FileOutcome&& outcome) {
        progress.hide();
        for (const std::string& message : outcome.messages) std::cerr << message << '\n';
        for (const std::string& change : outcome.changes) change_stream << change << '\n';
        if (outcome.filtered_output) std::cout << *outcome.filtered_output << std::flush;
        if (outcome.then_rest_of_stdin) {
          try {
            copy_rest_of_standard_input();
          } catch (const FileError& error) {
            std::cerr << "<stdin>: " << error.what() << '\n';
          }
        }
        failed = failed || outcome.failed;
        if (outcome.report) {
          ++summary.files;
          summary.count(outcome.report->diagnostics);
          writer->write_file(*outcome.report);
        }
      },
      [&](size_t finished) { progress.show(finished); });
  progress.hide();
  writer->finish(summary);
  std::cout.flush();
  if (failed) return 2;
  return summary.errors > 0 ? 1 : 0;
}

}  // namespace xxgk::cli
