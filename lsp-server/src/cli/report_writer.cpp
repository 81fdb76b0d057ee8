#include "cli/report_writer.h"

#include "common/uri.h"

#include <charconv>
#include <iterator>
#include <optional>

#include <algorithm>
#include <map>

#include "cli/html_report.h"
#include "common/json_text.h"
#include "xxgk/rule_docs.h"
#include "xxgk/positions.h"
#include "xxgk/rule.h"

namespace xxgk::cli {

namespace {

using namespace std::string_view_literals;

// The text of the other file a related location is in (FileReport::related_texts; empty when the run lacks it).
std::string_view related_text(const FileReport& file, const RelatedInformation& information) {
  const auto found = file.related_texts.find(information.document);
  return found != file.related_texts.end() ? found->second : std::string_view();
}

std::string plural(size_t count, std::string_view noun) {
  return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

// JSON range members: line, column, endLine, endColumn (SARIF regions: startLine, startColumn, endLine, endColumn).
void write_range(IndentedJsonWriter& json, const DisplayPositions& positions, ByteRange range, bool sarif = false) {
  DisplayPosition begin = positions.at(range.begin);
  DisplayPosition end = positions.at(range.end);
  json.member(sarif ? "startLine" : "line", begin.line).member(sarif ? "startColumn" : "column", begin.column);
  json.member("endLine", end.line).member("endColumn", end.column);
}

// Writes `buffer` to `out` and empties it for the next file.
void flush_buffer(std::ostream& out, std::string& buffer) {
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  out.flush();
  buffer.clear();
}

// A Word or PDF location: {"paragraph": 3} / {"table": 3, "row": 14, "column": 3} / {"page": 2, "line": 17}, with its
// description as the text output prints it.
IndentedJsonWriter& write_location(IndentedJsonWriter& json, const SourceLocation& location) {
  json.begin_object();
  switch (location.kind) {
    case SourceLocation::Kind::Paragraph: json.member("paragraph", location.paragraph); break;
    case SourceLocation::Kind::TableCell:
      json.member("table", location.table).member("row", location.row).member("column", location.column);
      break;
    case SourceLocation::Kind::PageLine: json.member("page", location.page).member("line", location.line); break;
    case SourceLocation::Kind::None: break;
  }
  return json.member("description", describe_location(location)).end_object();
}

// Appends `number` in decimal, without std::to_string's temporary string.
std::string& append_number(std::string& out, uint32_t number) {
  char digits[10];
  const std::to_chars_result end = std::to_chars(std::begin(digits), std::end(digits), number);
  return out.append(digits, end.ptr);
}

// ANSI colours of the text output, as ruff's: the path bold, the severity and rule id in the severity's colour, the
// slug dim. Empty strings when colour is off, so the uncoloured line is the same code path.
struct Palette {
  explicit Palette(bool color) : on(color) {}
  std::string_view bold() const { return on ? "\x1b[1m"sv : ""sv; }
  std::string_view dim() const { return on ? "\x1b[2m"sv : ""sv; }
  std::string_view reset() const { return on ? "\x1b[0m"sv : ""sv; }
  std::string_view severity(Severity severity) const {
    if (!on) return ""sv;
    switch (severity) {
      case Severity::Error: return "\x1b[1;31m"sv;
      case Severity::Warning: return "\x1b[1;33m"sv;
      default: return "\x1b[1;36m"sv;
    }
  }
  bool on;
};

class TextWriter : public ReportWriter {
 public:
  TextWriter(std::ostream& out, const ReportStyle& style) : out_(out), palette_(style.color) {}
  void write_file(const FileReport& file) override {
    DisplayPositions positions(file.text);
    // One write per file: a stream insertion per field costs more than the formatting. The buffer is the previous
    // file's, so that a batch allocates it only the few times it grows, and numbers are written in place.
    for (size_t i = 0; i < file.diagnostics.size(); ++i) {
      const Diagnostic& diagnostic = file.diagnostics[i];
      lines_.append(palette_.bold()).append(file.display).append(palette_.reset()).append(":"sv);
      if (const SourceLocation* location = file.location(i)) {
        lines_.append(describe_location(*location)).append(": "sv);
      } else {
        DisplayPosition begin = positions.at(diagnostic.range.begin);
        append_number(lines_, begin.line).append(":"sv);
        append_number(lines_, begin.column).append(": "sv);
      }
      lines_.append(palette_.severity(diagnostic.severity));
      lines_.append(severity_name(diagnostic.severity)).append("["sv);
      lines_.append(diagnostic.rule->id).append("]"sv).append(palette_.reset()).append(" "sv);
      lines_.append(diagnostic.message).append(" ("sv).append(palette_.dim()).append(diagnostic.rule->slug);
      lines_.append(palette_.reset()).append(")\n"sv);
    }
    flush_buffer(out_, lines_);
  }
  void finish(const RunSummary& summary) override { out_ << summary_line(summary) << '\n'; }

 private:
  std::ostream& out_;
  Palette palette_;
  std::string lines_;  // the text of the file being written
};

// The JSON document of interface.md, written file by file: `{"version", "files": [`, an entry per file as it comes,
// then `], "summary"}` at the end.
class JsonWriter : public ReportWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {
    json_.begin_object().member("version", XXGK_VERSION).key("files").begin_array();
  }
  void write_file(const FileReport& file) override {
    DisplayPositions positions(file.text);
    json_.item().begin_object().member("path", file.display).key("diagnostics").begin_array();
    for (size_t i = 0; i < file.diagnostics.size(); ++i) {
      const Diagnostic& diagnostic = file.diagnostics[i];
      json_.item().begin_object().member("rule", diagnostic.rule->id).member("slug", diagnostic.rule->slug);
      json_.member("severity", severity_name(diagnostic.severity)).member("message", diagnostic.message);
      write_range(json_, positions, diagnostic.range);
      if (const SourceLocation* location = file.location(i)) write_location(json_.key("location"), *location);
      json_.key("related").begin_array();
      for (const RelatedInformation& information : diagnostic.related) {
        json_.item().begin_object();
        if (information.document.empty()) {
          write_range(json_, positions, information.range);
        } else {
          // In another file (A306: last year's report): its path, and the range in its text.
          json_.member("path", information.document);
          write_range(json_, DisplayPositions(related_text(file, information)), information.range);
        }
        json_.member("message", information.message).end_object();
      }
      json_.end_array().key("fixes").begin_array();
      for (const Fix& fix : diagnostic.fixes) {
        json_.item().begin_object().member("title", fix.title).key("safe").boolean(fix.safe);
        json_.key("edits").begin_array();
        for (const TextEdit& edit : fix.edits) {
          json_.item().begin_object();
          write_range(json_, positions, edit.range);
          json_.member("newText", edit.new_text).end_object();
        }
        json_.end_array().end_object();
      }
      json_.end_array().end_object();
    }
    json_.end_array().end_object();
    flush_buffer(out_, buffer_);
  }
  void write_failure(const std::string& display, const std::string& reason) override {
    json_.item().begin_object().member("path", display).member("error", reason).end_object();
    flush_buffer(out_, buffer_);
  }
  void finish(const RunSummary& summary) override {
    json_.end_array().key("summary").begin_object().member("files", summary.files).member("errors", summary.errors);
    json_.member("warnings", summary.warnings).member("info", summary.infos).end_object().end_object();
    buffer_ += '\n';
    flush_buffer(out_, buffer_);
  }

 private:
  std::ostream& out_;
  std::string buffer_;
  IndentedJsonWriter json_{buffer_};
};

std::string_view sarif_level(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "note";
    case Severity::Off: return "none";
  }
  return "none";
}

// SARIF 2.1.0, written file by file: the driver and its rules first (they do not depend on the files), then a
// result per diagnostic as each file comes, then the files that could not be checked as tool notifications.
class SarifWriter : public ReportWriter {
 public:
  explicit SarifWriter(std::ostream& out) : out_(out) {
    json_.begin_object().member("$schema", "https://json.schemastore.org/sarif-2.1.0.json").member("version", "2.1.0");
    json_.key("runs").begin_array().item().begin_object().key("tool").begin_object().key("driver").begin_object();
    json_.member("name", "xxgk-lint").member("version", XXGK_VERSION).key("rules").begin_array();
    for (const Rule& rule : all_rules()) {
      const RuleDescriptor& descriptor = rule.descriptor;
      json_.item().begin_object().member("id", descriptor.id).member("name", descriptor.slug);
      json_.key("shortDescription").begin_object().member("text", descriptor.title_zh).end_object();
      json_.key("fullDescription").begin_object().member("text", descriptor.title_en).end_object();
      // The rule's documentation, for viewers that show it beside a result, and the path of its page in the
      // repository (relative: the tool knows no web address that a government intranet could reach).
      json_.key("help").begin_object().member("text", rule_help_text(descriptor));
      json_.member("markdown", rule_markdown(descriptor)).end_object();
      json_.member("helpUri", rule_doc_path(descriptor));
      json_.key("defaultConfiguration").begin_object().member("level", sarif_level(descriptor.severity)).end_object();
      json_.end_object();
    }
    json_.end_array().end_object().end_object();
    json_.member("columnKind", "unicodeCodePoints").key("results").begin_array();
  }
  void write_file(const FileReport& file) override {
    DisplayPositions positions(file.text);
    const std::string uri = percent_encode_path(file.display);
    for (size_t i = 0; i < file.diagnostics.size(); ++i) {
      const Diagnostic& diagnostic = file.diagnostics[i];
      const SourceLocation* place = file.location(i);
      json_.item().begin_object().member("ruleId", diagnostic.rule->id);
      // The meta rules (X001, X002) have no entry in the driver's rule list to point at.
      if (std::optional<size_t> index = rule_index(*diagnostic.rule)) json_.member("ruleIndex", *index);
      json_.member("level", sarif_level(diagnostic.severity));
      json_.key("message").begin_object().member("text", diagnostic.message).end_object();
      json_.key("locations").begin_array().item();
      write_physical_location(uri, positions, diagnostic.range);
      if (place) {
        // The region is in the text read from the document; the document's own place is a logical location.
        json_.key("logicalLocations").begin_array().item().begin_object();
        json_.member("name", describe_location(*place)).end_object().end_array();
      }
      json_.end_object().end_array();
      if (place) write_location(json_.key("properties").begin_object().key("location"), *place).end_object();
      if (!diagnostic.related.empty()) {
        json_.key("relatedLocations").begin_array();
        for (size_t r = 0; r < diagnostic.related.size(); ++r) {
          const RelatedInformation& information = diagnostic.related[r];
          json_.item();
          if (information.document.empty())
            write_physical_location(uri, positions, information.range);
          else
            write_physical_location(percent_encode_path(information.document),
                                    DisplayPositions(related_text(file, information)), information.range);
          json_.member("id", r);
          json_.key("message").begin_object().member("text", information.message).end_object();
          json_.end_object();
        }
        json_.end_array();
      }
      if (!diagnostic.fixes.empty()) {
        json_.key("fixes").begin_array();
        for (const Fix& fix : diagnostic.fixes) {
          json_.item().begin_object().key("description").begin_object().member("text", fix.title).end_object();
          json_.key("artifactChanges").begin_array().item().begin_object();
          json_.key("artifactLocation").begin_object().member("uri", uri).end_object();
          json_.key("replacements").begin_array();
          for (const TextEdit& edit : fix.edits) {
            json_.item().begin_object().key("deletedRegion").begin_object();
            write_range(json_, positions, edit.range, true);
            json_.end_object().key("insertedContent").begin_object().member("text", edit.new_text).end_object();
            json_.end_object();
          }
          json_.end_array().end_object().end_array().end_object();
        }
        json_.end_array();
      }
      json_.end_object();
    }
    flush_buffer(out_, buffer_);
  }
  void write_failure(const std::string& display, const std::string& reason) override {
    failures_.emplace_back(display, reason);
  }
  void finish(const RunSummary&) override {
    json_.end_array();
    // Files that could not be checked: the run did not do all it was asked, and says which and why.
    if (!failures_.empty()) {
      json_.key("invocations").begin_array().item().begin_object().key("executionSuccessful").boolean(false);
      json_.key("toolExecutionNotifications").begin_array();
      for (const auto& [display, reason] : failures_) {
        json_.item().begin_object().member("level", "error");
        json_.key("message").begin_object().member("text", reason).end_object();
        json_.key("locations").begin_array().item().begin_object().key("physicalLocation").begin_object();
        json_.key("artifactLocation").begin_object().member("uri", percent_encode_path(display)).end_object();
        json_.end_object().end_object().end_array().end_object();
      }
      json_.end_array().end_object().end_array();
    }
    json_.end_object().end_array().end_object();
    buffer_ += '\n';
    flush_buffer(out_, buffer_);
  }

 private:
  static std::optional<size_t> rule_index(const RuleDescriptor& descriptor) {
    const std::vector<Rule>& rules = all_rules();
    for (size_t i = 0; i < rules.size(); ++i)
      if (&rules[i].descriptor == &descriptor) return i;
    return std::nullopt;
  }
  // Opens an object with the `physicalLocation` member; the caller adds members and closes it.
  IndentedJsonWriter& write_physical_location(const std::string& uri, const DisplayPositions& positions,
                                              ByteRange range) {
    json_.begin_object().key("physicalLocation").begin_object();
    json_.key("artifactLocation").begin_object().member("uri", uri).end_object();
    json_.key("region").begin_object();
    write_range(json_, positions, range, true);
    return json_.end_object().end_object();
  }

  std::ostream& out_;
  std::string buffer_;
  IndentedJsonWriter json_{buffer_};
  std::vector<std::pair<std::string, std::string>> failures_;  // display, reason
};

// Workflow command escaping: the message escapes %, CR and LF; property values also ':' and ','.
std::string escape_workflow_data(std::string_view text, bool property) {
  std::string escaped;
  for (char c : text) {
    if (c == '%') escaped += "%25";
    else if (c == '\r') escaped += "%0D";
    else if (c == '\n') escaped += "%0A";
    else if (property && c == ':') escaped += "%3A";
    else if (property && c == ',') escaped += "%2C";
    else escaped += c;
  }
  return escaped;
}

class GithubWriter : public ReportWriter {
 public:
  explicit GithubWriter(std::ostream& out) : out_(out) {}
  void write_file(const FileReport& file) override {
    DisplayPositions positions(file.text);
    std::string path = escape_workflow_data(file.display, true);
    for (size_t i = 0; i < file.diagnostics.size(); ++i) {
      const Diagnostic& diagnostic = file.diagnostics[i];
      std::string title = std::string(diagnostic.rule->id) + " " + std::string(diagnostic.rule->slug);
      out_ << "::" << command(diagnostic.severity) << " file=" << path;
      if (const SourceLocation* location = file.location(i)) {
        // Lines of the file mean nothing in a Word or PDF document: the place is named in the title.
        title += " " + describe_location(*location);
      } else {
        DisplayPosition begin = positions.at(diagnostic.range.begin);
        DisplayPosition end = positions.at(diagnostic.range.end);
        out_ << ",line=" << begin.line << ",col=" << begin.column << ",endLine=" << end.line
             << ",endColumn=" << end.column;
      }
      out_ << ",title=" << escape_workflow_data(title, true) << "::" << escape_workflow_data(diagnostic.message, false)
           << '\n';
    }
    out_.flush();
  }
  void finish(const RunSummary&) override {}

 private:
  static std::string_view command(Severity severity) {
    switch (severity) {
      case Severity::Error: return "error";
      case Severity::Warning: return "warning";
      default: return "notice";
    }
  }
  std::ostream& out_;
};

// --statistics: counts per rule, most frequent first. A rule is fixable ("[*]") when some of its diagnostics carry
// a safe fix, which `xxgk-lint fix` applies.
class StatisticsWriter : public ReportWriter {
 public:
  StatisticsWriter(std::ostream& out, bool json, const ReportStyle& style)
      : out_(out), json_(json), palette_(style.color) {}
  void write_file(const FileReport& file) override {
    for (const Diagnostic& diagnostic : file.diagnostics) {
      RuleCount& entry = counts_[diagnostic.rule->id];
      entry.rule = diagnostic.rule;
      ++entry.count;
      entry.fixable = entry.fixable || std::ranges::any_of(diagnostic.fixes, [](const Fix& fix) { return fix.safe; });
    }
  }
  void finish(const RunSummary& summary) override {
    std::vector<RuleCount> rows;
    for (const auto& [id, entry] : counts_) rows.push_back(entry);
    std::stable_sort(rows.begin(), rows.end(), [](const RuleCount& a, const RuleCount& b) { return a.count > b.count; });
    std::string text;
    if (json_) {
      IndentedJsonWriter json(text);
      json.begin_array();
      for (const RuleCount& row : rows) {
        json.item().begin_object().member("code", row.rule->id).member("name", row.rule->slug);
        json.member("count", row.count).key("fixable").boolean(row.fixable).end_object();
      }
      json.end_array();
      text += '\n';
    } else {
      size_t width = 1;
      for (const RuleCount& row : rows) width = std::max(width, std::to_string(row.count).size());
      for (const RuleCount& row : rows) {
        const std::string count = std::to_string(row.count);
        text.append(width - count.size(), ' ').append(count).append("\t"sv).append(palette_.bold());
        text.append(row.rule->id).append(palette_.reset()).append("\t"sv).append(row.fixable ? "[*] "sv : "    "sv);
        text.append(row.rule->slug).append("\n"sv);
      }
      text += summary_line(summary) + "\n";
    }
    flush_buffer(out_, text);
  }

 private:
  struct RuleCount {
    const RuleDescriptor* rule = nullptr;
    size_t count = 0;
    bool fixable = false;
  };
  std::ostream& out_;
  bool json_;
  Palette palette_;
  std::map<std::string_view, RuleCount> counts_;  // by id, so equal counts come in id order
};

}  // namespace

void RunSummary::count(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.severity == Severity::Error) ++errors;
    else if (diagnostic.severity == Severity::Warning) ++warnings;
    else if (diagnostic.severity == Severity::Info) ++infos;
  }
}

std::string summary_line(const RunSummary& summary) {
  return "共 " + std::to_string(summary.files) + " 个文件：" + std::to_string(summary.errors) + " 个错误，" +
         std::to_string(summary.warnings) + " 个警告，" + std::to_string(summary.infos) + " 条提示 (" +
         plural(summary.files, "file") + ": " + plural(summary.errors, "error") + ", " +
         plural(summary.warnings, "warning") + ", " + std::to_string(summary.infos) + " info)";
}

std::unique_ptr<ReportWriter> make_report_writer(OutputFormat format, std::ostream& out, const ReportStyle& style) {
  switch (format) {
    case OutputFormat::Text: return std::make_unique<TextWriter>(out, style);
    case OutputFormat::Json: return std::make_unique<JsonWriter>(out);
    case OutputFormat::Sarif: return std::make_unique<SarifWriter>(out);
    case OutputFormat::Github: return std::make_unique<GithubWriter>(out);
    case OutputFormat::Html: return make_html_report_writer(out);
  }
  return nullptr;
}

std::unique_ptr<ReportWriter> make_statistics_writer(OutputFormat format, std::ostream& out, const ReportStyle& style) {
  return std::make_unique<StatisticsWriter>(out, format == OutputFormat::Json, style);
}

}  // namespace xxgk::cli
