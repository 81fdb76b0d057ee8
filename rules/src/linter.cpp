#include "xxgk/linter.h"

#include <algorithm>
#include <cstring>
#include <optional>

#include "model_builder.h"
#include "old_format.h"
#include "syntax.h"
#include "xxgk/normalize.h"
#include "xxgk/rule.h"
#include "xxgk/suppression.h"

namespace xxgk {
namespace {

std::vector<Diagnostic> run_rules(const Report& report, const LintOptions& options) {
  std::vector<Diagnostic> diagnostics;
  const Analysis analysis{report, *report.format, options};
  const CheckContext context{report, *report.format, options, analysis};
  // A report in an older format gets S109's one finding saying so, and none of the 2021 checks.
  const bool old_format = old_format_of(report, *report.format).format != OldFormat::None;
  for (const Rule& rule : all_rules()) {
    if (old_format && rule.descriptor.id != old_format_rule_id()) continue;
    const auto configured = options.severity.find(std::string(rule.descriptor.id));
    if (configured != options.severity.end() && configured->second == Severity::Off) continue;
    const size_t first = diagnostics.size();
    DiagnosticSink sink(rule.descriptor, diagnostics);
    rule.check(context, sink);
    // A configured severity replaces the rule's own, including a rule's second severity (T206, C406).
    if (configured != options.severity.end())
      for (size_t i = first; i < diagnostics.size(); ++i) diagnostics[i].severity = configured->second;
  }
  sort_by_position(diagnostics);
  return diagnostics;
}

constexpr RuleDescriptor kInputLimitDescriptor{
    .id = "X001",
    .slug = "input-too-large",
    .title_zh = "输入超出检查上限",
    .title_en = "Input too large to check",
    .severity = Severity::Error,
    .fix = FixSafety::None,
    .fix_zh = "",
    .doc_zh = "文本的字节数、行数或表格单元格数超出上限（见 LintLimits），未解析，也未运行任何规则。",
    .doc_en = "The text exceeds a byte, line or table-cell bound (see LintLimits); it was not parsed and no rule ran.",
    .bad = "",
    .good = "",
};

// The bound of `limits` that `text` exceeds, as a diagnostic message, or nullopt when it is within all of them.
std::optional<std::string> exceeded_limit(std::string_view text, const LintLimits& limits) {
  auto message = [](std::string_view what_zh, size_t limit, std::string_view what_en) {
    const std::string number = std::to_string(limit);
    return "输入超出检查上限，未检查：" + std::string(what_zh) + "超过 " + number +
           " / input too large to check: more than " + number + " " + std::string(what_en);
  };
  if (text.size() > limits.max_bytes) return message("字节数", limits.max_bytes, "bytes");
  // Without "\r" (the usual text) lines end at "\n" only, and memchr, which skips the bytes between two tabs, pipes or
  // line feeds many at a time, gives the same answers as the walk below at a fraction of its cost per keystroke on a
  // large document.
  if (text.find('\r') == std::string_view::npos) {
    const char* const end = text.data() + text.size();
    const auto next = [end](const char* p, char byte) {
      const void* found = p < end ? std::memchr(p, byte, static_cast<size_t>(end - p)) : nullptr;
      return found ? static_cast<const char*>(found) : end;
    };
    // Every line and every separator takes a byte, so a text no longer than the bounds on lines and cells is within
    // them, and only a line longer than the bound on one line's cells can exceed that: a report's separators need not
    // be visited one by one.
    if (text.size() <= limits.max_lines && text.size() <= limits.max_cells) {
      for (const char* line = text.data(); line < end;) {
        const char* const line_end = next(line, '\n');
        if (static_cast<size_t>(line_end - line) > limits.max_row_cells &&
            static_cast<size_t>(std::count_if(line, line_end, [](char c) { return c == '\t' || c == '|'; })) >
                limits.max_row_cells)
          return message("一行中的表格单元格数", limits.max_row_cells, "table cells in one line");
        line = line_end + 1;
      }
      return std::nullopt;
    }
    size_t cells = 0, row_cells = 0;
    const char* line_end = text.data();  // the "\n" ending the line of the last separator seen
    for (const char *tab = next(text.data(), '\t'), *pipe = next(text.data(), '|'); tab < end || pipe < end;) {
      const char*& separator = tab < pipe ? tab : pipe;
      if (separator >= line_end) {
        row_cells = 0;
        line_end = next(separator, '\n');
      }
      ++cells;
      if (++row_cells > limits.max_row_cells)
        return message("一行中的表格单元格数", limits.max_row_cells, "table cells in one line");
      separator = next(separator + 1, *separator);
    }
    size_t lines = !text.empty() && text.back() != '\n' ? 1 : 0;
    for (const char* lf = next(text.data(), '\n'); lf < end; lf = next(lf + 1, '\n')) ++lines;
    if (lines > limits.max_lines) return message("行数", limits.max_lines, "lines");
    if (cells > limits.max_cells) return message("表格单元格数", limits.max_cells, "table cells");
    return std::nullopt;
  }
  size_t lines = 0, cells = 0, row_cells = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\t' || c == '|') {
      ++cells;
      if (++row_cells > limits.max_row_cells)
        return message("一行中的表格单元格数", limits.max_row_cells, "table cells in one line");
    } else if (c == '\n' || (c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      ++lines;
      row_cells = 0;
    }
  }
  if (!text.empty() && text.back() != '\n' && text.back() != '\r') ++lines;  // the last line has no terminator
  if (lines > limits.max_lines) return message("行数", limits.max_lines, "lines");
  if (cells > limits.max_cells) return message("表格单元格数", limits.max_cells, "table cells");
  return std::nullopt;
}

// The model of text beyond the limits: the text alone, nothing recognised.
Report unparsed_report(std::string_view text) {
  Report report;
  report.text = text;
  report.format = &format_2021();
  return report;
}

// Two edits conflict when they overlap, or when both insert at the same place (their order would be arbitrary).
bool conflicts(const TextEdit& a, const TextEdit& b) {
  if (a.range.empty() && b.range.empty()) return a.range.begin == b.range.begin;
  if (a.range.empty()) return a.range.begin > b.range.begin && a.range.begin < b.range.end;
  if (b.range.empty()) return b.range.begin > a.range.begin && b.range.begin < a.range.end;
  return a.range.overlaps(b.range);
}

}  // namespace

const RuleDescriptor& input_limit_rule() { return kInputLimitDescriptor; }

struct Document::Impl {
  SyntaxTree syntax;
  bool parsed = false;
  std::optional<LineIndex> lines;
  // The model of the current text, built once per text whatever the options: they only override its year.
  std::optional<Report> report;
  std::optional<int> own_year;          // the report's year from its title or statistics period
  LintLimits report_limits;             // the limits `report` was checked against
  std::optional<std::string> exceeded;  // which of them the text exceeds (then `report` is empty)
  // Where the text's first Traditional-only character is (npos: none), when known. Kept through edits that leave it
  // alone, so that a keystroke does not read the whole text again for it (25M instructions in 5 MB).
  std::optional<size_t> first_traditional;
};

Document::Document(std::string text) : text_(std::move(text)), impl_(std::make_unique<Impl>()) {}
Document::~Document() = default;
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;

const LineIndex& Document::lines() const {
  if (!impl_->lines) impl_->lines.emplace(text_);
  return *impl_->lines;
}

void Document::replace(ByteRange range, std::string_view new_text) {
  range.end = std::min(range.end, text_.size());
  range.begin = std::min(range.begin, range.end);
  impl_->syntax.edit(text_, range, new_text);
  text_.replace(range.begin, range.size(), new_text);
  std::optional<size_t>& first = impl_->first_traditional;
  if (first && *first != std::string_view::npos && *first < range.end && *first + 3 > range.begin) {
    first.reset();  // the edit changed that character
  } else if (first && (*first == std::string_view::npos || *first >= range.end)) {
    // Before the edit there was none, or none before the edited span: the first one now is in the lines the edit
    // touched (whole lines, so that the scan starts where a character does) or the old one, moved.
    const size_t moved = *first == std::string_view::npos ? *first : *first - range.size() + new_text.size();
    const size_t found = find_traditional(text_, line_start_at(text_, range.begin),
                                          line_end_at(text_, range.begin + new_text.size()));
    first = std::min(found, moved);
  }
  impl_->parsed = false;
  impl_->lines.reset();
  impl_->report.reset();
}

void Document::set_text(std::string text) {
  text_ = std::move(text);
  impl_->first_traditional.reset();
  impl_->syntax.reset();
  impl_->parsed = false;
  impl_->lines.reset();
  impl_->report.reset();
}

const Report& Document::report(const LintOptions& options) {
  if (!impl_->report || !(impl_->report_limits == options.limits)) {
    impl_->report.reset();
    impl_->report_limits = options.limits;
    impl_->exceeded = exceeded_limit(text_, options.limits);
    if (impl_->exceeded) {
      impl_->report.emplace(unparsed_report(text_));
    } else {
      if (!impl_->parsed) {
        impl_->syntax.parse(text_);
        impl_->parsed = true;
      }
      if (!impl_->first_traditional) impl_->first_traditional = find_traditional(text_);
      impl_->report.emplace(build_report_from_tree(text_, impl_->syntax.root(), format_2021(), LintOptions{},
                                                   *impl_->first_traditional != std::string_view::npos));
    }
    impl_->own_year = impl_->report->year;
  }
  impl_->report->year = options.year ? options.year : impl_->own_year;
  mark_unreliable_headers(*impl_->report, options);
  return *impl_->report;
}

std::vector<Diagnostic> Document::lint(const LintOptions& options) {
  const Report& model = report(options);
  if (impl_->exceeded) {
    std::vector<Diagnostic> diagnostics;
    DiagnosticSink(kInputLimitDescriptor, diagnostics).report(ByteRange{0, 0}, *impl_->exceeded);
    return diagnostics;
  }
  std::vector<Diagnostic> diagnostics = run_rules(model, options);
  apply_suppressions(text_, diagnostics, options);
  return diagnostics;
}

// Whether `text` names the annual report other than in the format notice's title (…年度报告格式).
bool names_report_outside_notice(std::string_view text) {
  constexpr std::string_view kName = "政府信息公开工作年度报告";
  for (size_t at = text.find(kName); at != std::string_view::npos; at = text.find(kName, at + kName.size()))
    if (!text.substr(at + kName.size()).starts_with("格式")) return true;
  return false;
}

// Whether a line of `text` reads like the report's title: it names the report and ends there.
bool has_title_line(std::string_view text) {
  while (!text.empty()) {
    const size_t end = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, end);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.ends_with("年度报告") && line.find("政府信息公开") != std::string_view::npos) return true;
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return false;
}

// How far into a text looks_like_report() looks for the report's name when no title or heading gives it.
constexpr size_t kReportNameSearchBytes = 4096;

bool Document::looks_like_report() {
  const Report& r = report(LintOptions{});
  auto names_report = [](std::string_view normalized) {
    return normalized.find("政府信息公开") != std::string_view::npos &&
           normalized.find("年度报告") != std::string_view::npos;
  };
  if (r.title && names_report(r.title->normalized)) return true;
  const std::string_view beginning = std::string_view(text_).substr(0, kReportNameSearchBytes);
  // Text beyond the limits is not parsed, so it has no title or headings: it is taken for a report when its
  // beginning, where the title would be, names one — so the editor shows X001 on an oversized report, but not on
  // every large plain-text file.
  if (impl_->exceeded) return names_report(beginning);
  int recognised = 0;
  bool seen[7] = {};
  for (const Heading& h : r.headings) {
    if (names_report(h.normalized)) return true;
    if (h.section > 0 && !seen[h.section]) {
      seen[h.section] = true;
      ++recognised;
    }
  }
  if (recognised >= 3) return true;
  // Reports copied from web pages often lose the title line (a crawler's header instead, or the name only in the
  // preamble: "现公布…2023年政府信息公开工作年度报告") and, flattened, most headings. Their preamble still cites the
  // regulation, as every report's does, and either names the report (not only the format notice, 〈…年度报告格式〉,
  // which READMEs cite too) or lists three of the six parts, or what is left of the body has a section heading or a
  // table of the format. A README or notes that merely mention reports lack the citation. Without it, a line that
  // reads like the title ("…2023年度政府信息公开工作年度报告" among a web page's header lines) and a body will do.
  constexpr std::string_view kParts[] = {"总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请",
                                         "行政复议", "存在的主要问题", "其他需要报告的事项"};
  const bool lists_parts =
      std::ranges::count_if(kParts, [&](std::string_view part) { return beginning.find(part) != beginning.npos; }) >= 3;
  const bool names = lists_parts || names_report_outside_notice(beginning);
  const bool cites = beginning.find("政府信息公开条例") != std::string_view::npos;
  const bool has_body = recognised > 0 || std::ranges::any_of(r.tables, [](const Table& t) { return t.spec != nullptr; });
  if ((cites && (names || has_body)) || (has_body && has_title_line(beginning))) return true;
  // A report of a year before 2021 follows its year's format, whose headings and title differ ("…政府信息公开工作报告",
  // "一、政府信息公开总体工作情况"): it is a report, and gets its one S109, when its marks say so and it speaks of
  // information disclosure.
  return r.format != nullptr && old_format_of(r, *r.format).format != OldFormat::None &&
         beginning.find("信息公开") != std::string_view::npos;
}

std::string Document::syntax_tree_string() const {
  if (!impl_->parsed) {
    impl_->syntax.parse(text_);
    impl_->parsed = true;
  }
  return impl_->syntax.to_string();
}

std::vector<Diagnostic> lint(std::string_view text, const LintOptions& options) {
  Document document{std::string(text)};
  return document.lint(options);
}

Report build_report(std::string_view text, const LintOptions& options) {
  if (exceeded_limit(text, options.limits)) {
    Report report = unparsed_report(text);
    report.year = options.year;
    return report;
  }
  SyntaxTree syntax;
  syntax.parse(text);
  return build_report_from_tree(text, syntax.root(), format_2021(), options,
                                find_traditional(text) != std::string_view::npos);
}

FixResult apply_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics, FixMode mode) {
  FixResult result;
  std::vector<TextEdit> taken;
  for (const Diagnostic& d : diagnostics) {
    for (const Fix& fix : d.fixes) {
      if (!fix.safe && mode == FixMode::SafeOnly) continue;
      const bool clashes = std::any_of(fix.edits.begin(), fix.edits.end(), [&](const TextEdit& e) {
        return std::any_of(taken.begin(), taken.end(), [&](const TextEdit& t) { return conflicts(e, t); });
      });
      if (!clashes) {
        taken.insert(taken.end(), fix.edits.begin(), fix.edits.end());
        ++result.applied;
        result.applied_titles.push_back(std::string(d.rule->id) + ": " + fix.title);
      }
      break;  // one fix per diagnostic: its first allowed one
    }
  }
  result.text = apply_edits(text, std::move(taken));
  return result;
}

FixResult fix_all(std::string_view text, const LintOptions& options, FixMode mode, int max_passes) {
  FixResult total;
  total.text = std::string(text);
  for (int pass = 0; pass < max_passes; ++pass) {
    FixResult step = apply_fixes(total.text, lint(total.text, options), mode);
    if (step.applied == 0 || step.text == total.text) break;
    total.text = std::move(step.text);
    total.applied += step.applied;
    total.applied_titles.insert(total.applied_titles.end(), step.applied_titles.begin(), step.applied_titles.end());
  }
  return total;
}

void release_thread_state() {
  forget_normalized_labels();
  release_thread_parser();
}

}  // namespace xxgk
