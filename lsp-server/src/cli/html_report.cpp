#include "cli/html_report.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "cli/html_page.h"
#include "xxgk/rule_docs.h"
#include "xxgk/rule.h"

namespace xxgk::cli {

namespace {

using namespace std::string_view_literals;

// A line longer than this many characters is shown as a window around the diagnostic's span, so that a report whose
// paragraphs are single long lines keeps a page of tens of thousands of diagnostics small.
constexpr size_t kLineWindow = 160;
constexpr size_t kWindowBefore = 50;
// Lines of context before and after a diagnostic's own lines, and at most this many of its own lines.
constexpr uint32_t kContextLines = 1;
constexpr uint32_t kSpanLines = 3;

constexpr std::array<char, 5> kGroups = {'S', 'T', 'A', 'C', 'W'};

std::string_view severity_word(Severity severity) {
  switch (severity) {
    case Severity::Error: return "错误";
    case Severity::Warning: return "警告";
    case Severity::Info: return "提示";
    case Severity::Off: return "关闭";
  }
  return "";
}

// The anchor of a report's section: from its display name, so that a report can link to one written after it.
std::string report_anchor(std::string_view display) {
  uint64_t hash = 0xcbf29ce484222325ull;
  for (char c : display) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string anchor = "r-";
  for (int shift = 60; shift >= 0; shift -= 4) anchor += kHex[(hash >> shift) & 0xf];
  return anchor;
}

// Moves `pos` forward over `count` characters, not past `limit`.
size_t forward_characters(std::string_view text, size_t pos, size_t count, size_t limit) {
  for (; count > 0 && pos < limit; --count) {
    size_t length = 1;
    decode_utf8(text, pos, length);
    pos += length;
  }
  return std::min(pos, limit);
}

// Moves `pos` back over `count` characters, not before `floor`.
size_t back_characters(std::string_view text, size_t pos, size_t count, size_t floor) {
  for (; count > 0 && pos > floor; --count) {
    --pos;
    while (pos > floor && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
  }
  return pos;
}

struct Counts {
  size_t errors = 0, warnings = 0, infos = 0;
  void add(Severity severity) {
    if (severity == Severity::Error) ++errors;
    else if (severity == Severity::Warning) ++warnings;
    else if (severity == Severity::Info) ++infos;
  }
  size_t total() const { return errors + warnings + infos; }
};

struct ReportRow {
  std::string display;
  std::string anchor;
  ReportIdentity identity;
  Counts counts;
  std::array<Counts, kGroups.size()> groups{};
  std::string unchecked;  // why the file could not be checked ("" when it was)
};

struct RuleTotals {
  const RuleDescriptor* rule = nullptr;
  Counts counts;
  size_t reports = 0;
};

// Writes the source lines of one diagnostic (or related location): line numbers, `span` highlighted.
class SourceExcerpt {
 public:
  SourceExcerpt(std::string_view text, const DisplayPositions& positions) : text_(text), lines_(positions.lines()) {}

  void append(std::string& out, ByteRange span, uint32_t context) const {
    span.begin = std::min(span.begin, text_.size());
    span.end = std::clamp(span.end, span.begin, text_.size());
    const uint32_t first_span_line = lines_.line_of(span.begin);
    const uint32_t last_span_line =
        std::min(lines_.line_of(span.end > span.begin ? span.end - 1 : span.end), first_span_line + kSpanLines - 1);
    const uint32_t first = first_span_line >= context ? first_span_line - context : 0;
    const uint32_t last = std::min<uint32_t>(last_span_line + context, static_cast<uint32_t>(lines_.line_count() - 1));
    out += "<pre class=\"source\">";
    for (uint32_t line = first; line <= last; ++line) {
      out += "<span class=\"ln\">";
      out += std::to_string(line + 1);
      out += "</span>";
      append_line(out, line, span);
      out += '\n';
    }
    out += "</pre>";
  }

 private:
  void append_line(std::string& out, uint32_t line, ByteRange span) const {
    size_t begin = lines_.line_start(line), end = lines_.line_end(line);
    if (line == 0 && text_.starts_with("\xEF\xBB\xBF")) begin += 3;
    const size_t mark_begin = std::clamp(span.begin, begin, end), mark_end = std::clamp(span.end, begin, end);
    // A span ending where this line starts lies on the lines before; an empty one (an insertion point) is marked on
    // the line it stands on.
    const bool marked = span.begin <= end && span.end >= begin && (span.empty() || span.end > begin);
    // A long line is cut to a window that starts a little before the span.
    size_t from = begin, to = end;
    if (end - begin > kLineWindow * 3) {
      from = marked ? back_characters(text_, mark_begin, kWindowBefore, begin) : begin;
      to = forward_characters(text_, from, kLineWindow, end);
      if (marked && to < mark_end) to = mark_end;
    }
    if (from > begin) out += "…";
    if (!marked) {
      append_escaped(out, text_.substr(from, to - from));
    } else {
      const size_t a = std::clamp(mark_begin, from, to), b = std::clamp(mark_end, from, to);
      append_escaped(out, text_.substr(from, a - from));
      if (a == b) {
        out += "<mark class=\"point\"></mark>";
      } else {
        out += "<mark>";
        append_escaped(out, text_.substr(a, b - a));
        out += "</mark>";
      }
      append_escaped(out, text_.substr(b, to - b));
    }
    if (to < end) out += "…";
  }

  std::string_view text_;
  const LineIndex& lines_;
};

void append_position(std::string& out, DisplayPosition position) {
  out += std::to_string(position.line);
  out += ':';
  out += std::to_string(position.column);
}

std::string year_text(const ReportIdentity& identity) {
  return identity.year ? std::to_string(*identity.year) : std::string("—");
}

// Shows or hides diagnostics by severity and rule; opens a report's section when a link leads to it, and every
// section before printing. Without JavaScript the filters stay hidden and every diagnostic is listed.
constexpr std::string_view kScript = R"js(
(function () {
  var filters = document.getElementById('filters');
  filters.hidden = false;
  var ruleSelect = document.getElementById('rule-filter');
  function apply() {
    var shown = {};
    filters.querySelectorAll('input[data-severity]').forEach(function (box) { shown[box.dataset.severity] = box.checked; });
    var rule = ruleSelect.value;
    document.querySelectorAll('li.diagnostic').forEach(function (item) {
      item.classList.toggle('hidden', !(shown[item.dataset.severity] && (!rule || item.dataset.rule === rule)));
    });
  }
  filters.addEventListener('change', apply);
  // ?rule=ID&severity=error,warning opens the page filtered, ?open=all with every report's section open (links from
  // elsewhere, the browser test).
  var params = new URLSearchParams(location.search);
  if (params.has('rule')) ruleSelect.value = params.get('rule');
  if (params.has('severity')) {
    var wanted = params.get('severity').split(',');
    filters.querySelectorAll('input[data-severity]').forEach(function (box) {
      box.checked = wanted.indexOf(box.dataset.severity) >= 0;
    });
  }
  apply();
  function openTarget() {
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    for (var node = target; node; node = node.parentElement) if (node.tagName === 'DETAILS') node.open = true;
    if (target) target.scrollIntoView();
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();
  function openAll() {
    document.querySelectorAll('details.report').forEach(function (section) { section.open = true; });
  }
  if (params.get('open') === 'all') openAll();
  window.addEventListener('beforeprint', openAll);
})();
)js";

class HtmlReportWriter : public ReportWriter {
 public:
  explicit HtmlReportWriter(std::ostream& out) : out_(out) {}

  void write_file(const FileReport& file) override {
    ReportRow& row = rows_.emplace_back();
    row.display = file.display;
    row.anchor = report_anchor(file.display);
    row.identity = file.identity;
    std::set<const RuleDescriptor*> rules_here;
    for (const Diagnostic& diagnostic : file.diagnostics) {
      row.counts.add(diagnostic.severity);
      for (size_t g = 0; g < kGroups.size(); ++g)
        if (diagnostic.rule->id.front() == kGroups[g]) row.groups[g].add(diagnostic.severity);
      RuleTotals& totals = totals_[diagnostic.rule->id];
      totals.rule = diagnostic.rule;
      totals.counts.add(diagnostic.severity);
      rules_here.insert(diagnostic.rule);
    }
    for (const RuleDescriptor* rule : rules_here) ++totals_[rule->id].reports;
    append_details(file, row);
  }

  void write_failure(const std::string& display, const std::string& reason) override {
    ReportRow& row = rows_.emplace_back();
    row.display = display;
    row.anchor = report_anchor(display);
    row.unchecked = reason;
  }

  void finish(const RunSummary& summary) override {
    std::string page = page_start("政府信息公开工作年度报告审核 — xxgk-lint");
    page += "<h1>政府信息公开工作年度报告审核 <span class=\"en\">Review of annual reports</span></h1>\n<p>";
    append_escaped(page, summary_line(summary));
    page += "。生成工具 (generated by) xxgk-lint " XXGK_VERSION "。</p>\n";
    append_filters(page);
    append_report_table(page);
    append_rule_table(page);
    page += "<h2>诊断详情 <span class=\"en\">Diagnostics by report</span></h2>\n";
    out_ << page;
    out_ << details_;
    page.clear();
    append_rule_docs(page);
    page += page_end(kScript);
    out_ << page;
    out_.flush();
  }

 private:
  void append_details(const FileReport& file, const ReportRow& row) {
    DisplayPositions positions(file.text);
    SourceExcerpt excerpt(file.text, positions);
    std::string& out = details_;
    out += "<details class=\"report\" id=\"";
    out += row.anchor;
    out += "\"><summary>";
    append_escaped(out, file.display);
    out += " — ";
    append_escaped(out, file.identity.agency.empty() ? "（机关不详）"sv : std::string_view(file.identity.agency));
    out += " ";
    out += year_text(file.identity);
    out += "：";
    append_counts(out, row.counts);
    out += "</summary>\n";
    if (!file.diagnostics.empty()) out += "<ol class=\"diagnostics\">\n";
    for (const Diagnostic& diagnostic : file.diagnostics) {
      const std::string_view severity = severity_name(diagnostic.severity);
      out += "<li class=\"diagnostic\" data-severity=\"";
      out += severity;
      out += "\" data-rule=\"";
      out += diagnostic.rule->id;
      out += "\"><span class=\"badge ";
      out += severity;
      out += "\">";
      out += severity_word(diagnostic.severity);
      out += "</span> <a href=\"#doc-";
      out += diagnostic.rule->id;
      out += "\">";
      out += diagnostic.rule->id;
      out += "</a> ";
      append_position(out, positions.at(diagnostic.range.begin));
      out += " ";
      append_escaped(out, diagnostic.message);
      // Info (two thirds of a batch's findings, most of them about wording) is listed without its lines, so that
      // the page of a large batch stays quick to open.
      if (diagnostic.severity != Severity::Info) excerpt.append(out, diagnostic.range, kContextLines);
      if (!diagnostic.related.empty()) {
        out += "<ul class=\"related\">";
        for (const RelatedInformation& related : diagnostic.related) append_related(out, file, positions, related);
        out += "</ul>";
      }
      out += "</li>\n";
    }
    if (!file.diagnostics.empty()) out += "</ol>\n";
    out += "</details>\n";
  }

  // A related location: in this report, its position (the cells of a sum, the prose quoting a figure); in another
  // (A306: last year's report), a link to that report's section and the line there, which no other excerpt shows.
  static void append_related(std::string& out, const FileReport& file, const DisplayPositions& positions,
                             const RelatedInformation& related) {
    out += "<li>";
    if (related.document.empty()) {
      append_position(out, positions.at(related.range.begin));
      out += " ";
      append_escaped(out, related.message);
    } else {
      out += "<a href=\"#";
      out += report_anchor(related.document);
      out += "\">";
      append_escaped(out, related.document);
      out += "</a>";
      const auto other = file.related_texts.find(related.document);
      if (other != file.related_texts.end()) {
        DisplayPositions other_positions(other->second);
        out += ":";
        append_position(out, other_positions.at(related.range.begin));
        out += " ";
        append_escaped(out, related.message);
        SourceExcerpt(other->second, other_positions).append(out, related.range, 0);
      } else {
        out += " ";
        append_escaped(out, related.message);
      }
    }
    out += "</li>";
  }

  static void append_counts(std::string& out, const Counts& counts) {
    out += std::to_string(counts.errors) + " 个错误，" + std::to_string(counts.warnings) + " 个警告，" +
           std::to_string(counts.infos) + " 条提示";
  }

  void append_filters(std::string& page) const {
    page += "<nav id=\"filters\" hidden>筛选 (filter)：";
    for (Severity severity : {Severity::Error, Severity::Warning, Severity::Info}) {
      page += "<label><input type=\"checkbox\" checked data-severity=\"";
      page += severity_name(severity);
      page += "\"> ";
      page += severity_word(severity);
      page += "</label>";
    }
    page += "<label>规则 (rule) <select id=\"rule-filter\"><option value=\"\">全部 (all)</option>";
    for (const RuleTotals* totals : rules_in_catalogue_order()) {
      const std::string_view id = totals->rule->id;
      page += "<option value=\"";
      page += id;
      page += "\">";
      page += id;
      page += " ";
      append_escaped(page, totals->rule->title_zh);
      page += "</option>";
    }
    page += "</select></label></nav>\n";
  }

  void append_report_table(std::string& page) const {
    page += "<h2>报告一览 <span class=\"en\">Reports</span></h2>\n<table id=\"reports\"><thead><tr>"
            "<th>报告 (report)</th><th>机关 (agency)</th><th class=\"n\">年度 (year)</th><th>结论 (verdict)</th>"
            "<th class=\"n\">错误</th><th class=\"n\">警告</th><th class=\"n\">提示</th>";
    for (char group : kGroups) {
      page += "<th class=\"n\">";
      page += group;
      page += "</th>";
    }
    page += "</tr></thead>\n<tbody>\n";
    for (const ReportRow& row : rows_) {
      const bool passed = row.unchecked.empty() && row.counts.errors == 0;
      page += passed ? "<tr class=\"pass\">" : "<tr class=\"fail\">";
      page += "<td><a href=\"#" + row.anchor + "\">";
      append_escaped(page, row.display);
      page += "</a></td><td>";
      append_escaped(page, row.identity.agency);
      page += "</td><td class=\"n\">";
      page += row.unchecked.empty() ? year_text(row.identity) : std::string();
      page += "</td><td class=\"verdict\">";
      if (!row.unchecked.empty()) {
        page += "未检查 (not checked)：";
        append_escaped(page, row.unchecked);
        page += "</td><td colspan=\"" + std::to_string(3 + kGroups.size()) + "\"></td></tr>\n";
        continue;
      }
      page += passed ? "通过 (pass)" : "不通过 (fail)";
      page += "</td>";
      for (size_t count : {row.counts.errors, row.counts.warnings, row.counts.infos})
        page += "<td class=\"n\">" + std::to_string(count) + "</td>";
      for (const Counts& group : row.groups) {
        page += "<td class=\"n\">" + std::to_string(group.total()) + "</td>";
      }
      page += "</tr>\n";
    }
    page += "</tbody></table>\n";
  }

  void append_rule_table(std::string& page) const {
    page += "<h2>规则统计 <span class=\"en\">Totals per rule</span></h2>\n<table id=\"rule-totals\"><thead><tr>"
            "<th>规则 (rule)</th><th>名称 (slug)</th><th>标题 (title)</th><th class=\"n\">错误</th>"
            "<th class=\"n\">警告</th><th class=\"n\">提示</th><th class=\"n\">涉及报告 (reports)</th></tr></thead>\n"
            "<tbody>\n";
    for (const RuleTotals* totals : rules_in_catalogue_order()) {
      const std::string_view id = totals->rule->id;
      page += "<tr><td><a href=\"#doc-";
      page += id;
      page += "\">";
      page += id;
      page += "</a></td><td>";
      page += totals->rule->slug;
      page += "</td><td>";
      append_escaped(page, totals->rule->title_zh);
      page += "</td>";
      for (size_t count : {totals->counts.errors, totals->counts.warnings, totals->counts.infos, totals->reports})
        page += "<td class=\"n\">" + std::to_string(count) + "</td>";
      page += "</tr>\n";
    }
    page += "</tbody></table>\n";
  }

  void append_rule_docs(std::string& page) const {
    page += "<h2>规则说明 <span class=\"en\">Rule documentation</span></h2>\n";
    for (const RuleTotals* totals : rules_in_catalogue_order()) {
      const std::string_view id = totals->rule->id;
      page += "<section class=\"rule-doc\" id=\"doc-";
      page += id;
      page += "\"><h3>";
      page += id;
      page += " ";
      append_escaped(page, totals->rule->title_zh);
      page += "</h3><div class=\"doc\">";
      append_escaped(page, documentation_page(id).value_or(std::string()));
      page += "</div></section>\n";
    }
  }

  // The rules that appear, in catalogue order (S, T, A, C, W, then X001).
  std::vector<const RuleTotals*> rules_in_catalogue_order() const {
    std::vector<const RuleTotals*> ordered;
    for (const Rule& rule : all_rules())
      if (auto found = totals_.find(rule.descriptor.id); found != totals_.end()) ordered.push_back(&found->second);
    if (auto found = totals_.find(input_limit_rule().id); found != totals_.end()) ordered.push_back(&found->second);
    return ordered;
  }

  std::ostream& out_;
  std::vector<ReportRow> rows_;
  std::map<std::string_view, RuleTotals> totals_;  // by rule id
  std::string details_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_html_report_writer(std::ostream& out) {
  return std::make_unique<HtmlReportWriter>(out);
}

}  // namespace xxgk::cli
