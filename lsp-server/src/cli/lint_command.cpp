#include "cli/lint_command.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>

#include "cli/baseline.h"
#include "cli/file_replace.h"
#include "cli/input_decoding.h"
#include "cli/ordered_pool.h"
#include "cli/progress_bar.h"
#include "cli/published_input.h"
#include "cli/report_writer.h"
#include "cli/targets.h"
#include "cli/temporary_files.h"
#include "cli/unified_diff.h"
#include "xxgk/cross_document.h"
#include "xxgk/linter.h"

namespace xxgk::cli {

namespace fs = std::filesystem;

namespace {

// What the run prints for one target, produced on a worker thread and printed in input order.
struct FileOutcome {
  std::string display;                           // the target's name, as printed
  std::optional<FileReport> report;              // absent when the file could not be checked or is no report
  std::optional<LintedReport> cross_document;    // with `report`: what the checks across reports need of it
  std::optional<std::string> unchecked_reason;   // why the file could not be checked (JSON "error", SARIF notice)
  std::string diff;                              // fix --diff: what the fixes would change
  std::vector<std::string> messages;             // for stderr: read errors, refusals, encoding notes
  std::vector<std::string> changes;              // fix: what was changed
  std::optional<std::string> filtered_output;    // `fix -`: what goes to standard output
  bool then_rest_of_stdin = false;               // `fix -` on too much input: the unread rest follows the output
  bool failed = false;                           // makes the run exit with 2
};

LintOptions effective_options(const CheckTarget& target, const LintArguments& arguments) {
  LintOptions options = config::options_for_file(*target.config, target.path);
  if (arguments.agency_kind) options.agency_kind = *arguments.agency_kind;
  if (arguments.year) options.year = arguments.year;
  for (const auto& [id, severity] : arguments.rule_severities) options.severity[id] = severity;
  return options;
}

// "1 fix", "3 fixes".
std::string fix_count(size_t applied) { return std::to_string(applied) + (applied == 1 ? " fix" : " fixes"); }

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

  // Whether the run prints `diagnostic`: not turned off, and an error under --quiet.
  bool shown(const Diagnostic& diagnostic) const {
    return diagnostic.severity != Severity::Off && (!arguments_.quiet || diagnostic.severity == Severity::Error);
  }

  FileOutcome process(const CheckTarget& target) const {
    FileOutcome outcome;
    outcome.display = target.display;
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
  // A failure that leaves the file unchecked: the report formats list it with the reason.
  static void fail_unchecked(FileOutcome& outcome, const CheckTarget& target, const std::string& message) {
    fail(outcome, target, message);
    outcome.unchecked_reason = message;
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
          return fail_unchecked(outcome, target, too_large_message(max_bytes));
        }
        stdin_bytes = std::move(input.content);
      } else {
        version = read_file_version(target.path, max_bytes);
      }
    } catch (const FileError& error) {
      return fail_unchecked(outcome, target, error.what());
    }
    std::string& bytes = version ? version->content : stdin_bytes;
    if (const SourceFormat format = target.is_stdin() ? SourceFormat::Text : source_format_of(target.path.string());
        format != SourceFormat::Text)
      return check_published_target(target, format, bytes, outcome);

    // Only fix needs the bytes as read once they are decoded (to pass them on, and to see that the file is unchanged
    // before replacing it); check hands them over.
    DecodedInput input = decode_input(command_ == LintCommand::Fix ? std::string(bytes) : std::move(bytes));
    if (!input.text) {
      if (filter) outcome.filtered_output = std::move(bytes);
      return fail_unchecked(outcome, target,
                            "不是文本文件，未检查：" + input.not_text_reason + " (not a text file; not checked)");
    }
    if (input.encoding == SourceEncoding::Gb18030) {
      fail(outcome, target, "不是 UTF-8/UTF-16 文本，按 GB18030 解码 (not UTF-8/UTF-16 text; decoded as GB18030)");
    } else if (input.encoding != SourceEncoding::Utf8 && !arguments_.quiet) {
      std::string name(encoding_name(input.encoding));
      outcome.messages.push_back(target.display + ": 按 " + name + " 解码 (decoded as " + name + ")");
    }

    LintOptions options = effective_options(target, arguments_);
    // The text is parsed once: to tell a report from other files, then (when no fix changed it) to lint it.
    Document document(std::move(*input.text));
    if (!arguments_.force_report && !target.config->force_report && !document.looks_like_report()) {
      if (!arguments_.quiet)
        outcome.messages.push_back(target.display +
                                   ": 不像政府信息公开工作年度报告，未检查；--force-report 可强制检查 "
                                   "(does not look like an annual report: skipped; --force-report checks it)");
      if (filter) outcome.filtered_output = std::move(bytes);
      return;
    }
    if (command_ == LintCommand::Fix) {
      std::string text = document.text();
      apply_fixes(target, version, input.encoding, options, text, outcome);
      if (filter) outcome.filtered_output = input.encoding == SourceEncoding::Utf8 ? text : bytes;
      if (arguments_.diff) return;  // the diff is the output
      if (text != document.text()) document.set_text(std::move(text));
    }

    std::vector<Diagnostic> diagnostics = document.lint(options);
    std::erase_if(diagnostics, [&](const Diagnostic& diagnostic) { return !shown(diagnostic); });
    outcome.cross_document = summarize_for_cross_document(target.display, document.report(options), options);
    outcome.report = FileReport{target.display, document.text(), std::move(diagnostics), {},
                                outcome.cross_document->identity, {}};
  }

  // A web page, Word document or PDF file: checked through the core's readers; never rewritten.
  void check_published_target(const CheckTarget& target, SourceFormat format, std::string_view bytes,
                              FileOutcome& outcome) const {
    if (command_ == LintCommand::Fix) return fail_unchecked(outcome, target, published_fix_refusal(format));
    try {
      outcome.report =
          check_published(target.display, format, bytes, effective_options(target, arguments_), arguments_.quiet);
    } catch (const SourceReadError& error) {
      fail_unchecked(outcome, target, error.what());
    }
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
    // --diff shows what fix would write, and so only what it would write.
    if (arguments_.diff) {
      outcome.diff = unified_diff(target.display, text, fixed.text);
      outcome.changes.push_back(target.display + ": 可修复 " + std::to_string(fixed.applied) + " 处 (" +
                                fix_count(fixed.applied) + " would be applied)");
      return;
    }
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
                              fix_count(fixed.applied) + " applied)");
    for (const std::string& title : fixed.applied_titles) outcome.changes.push_back("  - " + title);
    text = std::move(fixed.text);
  }

  const LintArguments& arguments_;
  LintCommand command_;
};

// The checks across reports (A306) over the run's checked files: their diagnostics join the files' own, and a note
// says why a report was left out of them.
void check_across_reports(std::vector<FileOutcome>& outcomes, const TargetProcessor& processor) {
  std::vector<LintedReport> reports;
  std::vector<size_t> outcome_of;  // report index → outcome index
  for (size_t i = 0; i < outcomes.size(); ++i) {
    if (!outcomes[i].cross_document) continue;
    reports.push_back(std::move(*outcomes[i].cross_document));
    outcomes[i].cross_document.reset();
    outcome_of.push_back(i);
  }
  CrossDocumentResult result = cross_document_check(reports);
  for (const CrossDocumentNote& note : result.notes)
    std::cerr << reports[note.report].name << ": " << note.message << '\n';
  std::map<std::string_view, std::string_view> text_of;  // display name → text, for related locations
  for (size_t index : outcome_of) text_of.emplace(outcomes[index].report->display, outcomes[index].report->text);
  std::vector<size_t> changed;
  for (CrossDocumentDiagnostic& finding : result.diagnostics) {
    if (!processor.shown(finding.diagnostic)) continue;
    FileReport& file = *outcomes[outcome_of[finding.report]].report;
    for (const RelatedInformation& related : finding.diagnostic.related)
      if (const auto other = text_of.find(related.document); other != text_of.end())
        file.related_texts.emplace(related.document, other->second);
    file.diagnostics.push_back(std::move(finding.diagnostic));
    // The findings come by report: each changed file is sorted once.
    if (changed.empty() || changed.back() != outcome_of[finding.report]) changed.push_back(outcome_of[finding.report]);
  }
  for (size_t index : changed)
    std::stable_sort(outcomes[index].report->diagnostics.begin(), outcomes[index].report->diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.range.begin < b.range.begin; });
}

// --baseline: takes the recorded findings out of the run's output. A baseline that cannot be used is reported and
// the run shows every finding (nothing is hidden by a file that was not understood) and exits with 2.
bool apply_baseline(const std::filesystem::path& file, std::vector<FileOutcome>& outcomes) {
  try {
    Baseline baseline = Baseline::read(file);
    for (FileOutcome& outcome : outcomes)
      if (outcome.report) baseline.remove_known(outcome.report->display, outcome.report->text, outcome.report->diagnostics);
    return true;
  } catch (const BaselineError& error) {
    std::cerr << error.what() << "\n未使用基线，报告全部问题 (baseline not used: every finding is reported)\n";
    return false;
  }
}

bool write_baseline(const std::filesystem::path& file, const std::vector<FileOutcome>& outcomes) {
  std::vector<BaselineEntry> entries;
  for (const FileOutcome& outcome : outcomes) {
    if (!outcome.report) continue;
    std::vector<BaselineEntry> file_entries =
        baseline_entries(outcome.report->display, outcome.report->text, outcome.report->diagnostics);
    entries.insert(entries.end(), std::make_move_iterator(file_entries.begin()),
                   std::make_move_iterator(file_entries.end()));
  }
  try {
    write_baseline_file(file, std::move(entries));
    return true;
  } catch (const BaselineError& error) {
    std::cerr << error.what() << '\n';
    return false;
  }
}

// Whether the text report is coloured: --color, else NO_COLOR (any non-empty value turns colour off), else whether
// the report goes to a terminal.
bool use_color(const LintArguments& arguments, bool report_on_stdout) {
  if (arguments.format != OutputFormat::Text || arguments.color == ColorChoice::Never) return false;
  if (arguments.color == ColorChoice::Always) return true;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return report_on_stdout && ::isatty(STDOUT_FILENO) == 1;
}

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
  TargetList list = collect_targets(arguments.paths, *configs,
                                    TargetOptions{.stdin_filename = arguments.stdin_filename,
                                                  .honour_ignore_files = !arguments.no_ignore});
  for (const std::string& error : list.errors) std::cerr << error << '\n';
  const bool only_directories = std::all_of(arguments.paths.begin(), arguments.paths.end(), [](const std::string& path) {
    std::error_code error;
    return path != "-" && fs::is_directory(path, error);
  });
  if (list.targets.empty() && list.errors.empty() && only_directories) {
    // A pipeline must not pass for having checked nothing. (A named file that the configuration ignores is left out
    // on purpose, as pre-commit names every staged file: that run passes.)
    std::cerr << "没有找到可检查的文件 (no file to check: reports are *.txt *.md *.markdown *.html *.htm *.docx *.pdf)\n";
    return 2;
  }
  bool failed = !list.errors.empty();

  // `fix -` is a filter: the fixed text owns standard output, everything else goes to stderr. `fix --diff` prints
  // the diff there instead, and no report.
  bool filter = command == LintCommand::Fix && !arguments.diff && !list.targets.empty() &&
                list.targets.front().is_stdin();
  std::ofstream output_file;
  if (arguments.output_file) {
    output_file.open(*arguments.output_file, std::ios::binary | std::ios::trunc);
    if (!output_file) {
      std::cerr << arguments.output_file->string() << ": 无法写入输出文件 (cannot write the output file)\n";
      return 2;
    }
  }
  std::ostream& report_stream = arguments.output_file ? output_file : filter ? std::cerr : std::cout;
  std::ostream& change_stream =
      arguments.format == OutputFormat::Text && !arguments.diff && !arguments.output_file ? report_stream : std::cerr;
  const ReportStyle style{.color = use_color(arguments, &report_stream == &std::cout)};
  std::unique_ptr<ReportWriter> writer = arguments.statistics
                                             ? make_statistics_writer(arguments.format, report_stream, style)
                                             : make_report_writer(arguments.format, report_stream, style);
  if (!arguments.diff)
    for (const FailedPath& missing : list.missing) writer->write_failure(missing.display, missing.reason);
  ProgressBar progress(list.targets.size(), arguments.progress);
  RunSummary summary;
  TargetProcessor processor(arguments, command);
  bool would_change = false;

  // Every file is linted before any is reported: the checks across reports (A306) and baselines need them all.
  // Messages and fix results are printed as each file is done.
  std::vector<FileOutcome> outcomes;
  outcomes.reserve(list.targets.size());
  run_in_order<FileOutcome>(
      list.targets.size(), arguments.jobs, [&](size_t index) { return processor.process(list.targets[index]); },
      [&](FileOutcome&& outcome) {
        progress.hide();
        for (const std::string& message : outcome.messages) std::cerr << message << '\n';
        for (const std::string& change : outcome.changes) change_stream << change << '\n';
        if (outcome.filtered_output) std::cout << *outcome.filtered_output << std::flush;
        if (!outcome.diff.empty()) {
          std::cout << outcome.diff << std::flush;
          would_change = true;
        }
        if (outcome.then_rest_of_stdin) {
          try {
            copy_rest_of_standard_input();
          } catch (const FileError& error) {
            std::cerr << "<stdin>: " << error.what() << '\n';
          }
        }
        failed = failed || outcome.failed;
        outcome.messages.clear();
        outcome.changes.clear();
        outcome.diff.clear();
        outcome.filtered_output.reset();
        outcomes.push_back(std::move(outcome));
      },
      [&](size_t finished) { progress.show(finished); });
  progress.hide();

  check_across_reports(outcomes, processor);
  if (arguments.baseline && !apply_baseline(*arguments.baseline, outcomes)) failed = true;
  if (arguments.write_baseline && !write_baseline(*arguments.write_baseline, outcomes)) failed = true;

  for (FileOutcome& outcome : outcomes) {
    if (outcome.unchecked_reason && !arguments.diff) writer->write_failure(outcome.display, *outcome.unchecked_reason);
    if (outcome.report) {
      ++summary.files;
      summary.count(outcome.report->diagnostics);
      writer->write_file(*outcome.report);
    }
  }
  if (!arguments.diff) writer->finish(summary);
  report_stream.flush();
  std::cout.flush();
  if (arguments.output_file && !output_file) {
    std::cerr << arguments.output_file->string() << ": 写入输出文件失败 (writing the output file failed)\n";
    return 2;
  }
  if (failed) return 2;
  // Like a formatter's --diff: 1 when a fix would change a file, so a CI step can fail on it.
  if (arguments.diff) return would_change ? 1 : 0;
  return summary.errors > 0 ? 1 : 0;
}

}  // namespace xxgk::cli
