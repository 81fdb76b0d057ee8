#include "cli/report_writer.h"

#include "common/uri.h"

#include <charconv>
#include <iterator>
#include <optional>

#include <nlohmann/json.hpp>

#include "cli/html_report.h"
#include "xxgk/rule_docs.h"
#include "xxgk/positions.h"
#include "xxgk/rule.h"

namespace xxgk::cli {

namespace {

using Json = nlohmann::ordered_json;
using namespace std::string_view_literals;

// The text of the other file a related location is in (FileReport::related_texts; empty when the run lacks it).
std::string_view related_text(const FileReport& file, const RelatedInformation& information) {
  const auto found = file.related_texts.find(information.document);
  return found != file.related_texts.end() ? found->second : std::string_view();
}

std::string plural(size_t count, std::string_view noun) {
  return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

std::string dump(const Json& document) {
  return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

// JSON range members: line, column, endLine, endColumn.
void add_range(Json& object, const DisplayPositions& positions, ByteRange range) {
  DisplayPosition begin = positions.at(range.begin);
  DisplayPosition end = positions.at(range.end);
  object["line"] = begin.line;
  object["column"] = begin.column;
  object["endLine"] = end.line;
  object["endColumn"] = end.column;
}

// SARIF: startLine, startColumn, endLine, endColumn.
Json sarif_region(const DisplayPositions& positions, ByteRange range) {
  DisplayPosition begin = positions.at(range.begin);
  DisplayPosition end = positions.at(range.end);
  return Json{{"startLine", begin.line}, {"startColumn", begin.column}, {"endLine", end.line}, {"endColumn", end.column}};
}

// A Word or PDF location: {"paragraph": 3} / {"table": 3, "row": 14, "column": 3} / {"page": 2, "line": 17}, with its
// description as the text output prints it.
Json location_json(const SourceLocation& location) {
  Json object;
  switch (location.kind) {
    case SourceLocation::Kind::Paragraph: object["paragraph"] = location.paragraph; break;
    case SourceLocation::Kind::TableCell:
      object["table"] = location.table;
      object["row"] = location.row;
      object["column"] = location.column;
      break;
    case SourceLocation::Kind::PageLine:
      object["page"] = location.page;
      object["line"] = location.line;
      break;
    case SourceLocation::Kind::None: break;
  }
  object["description"] = describe_location(location);
  return object;
}

// Appends `number` in decimal, without std::to_string's temporary string.
std::string& append_number(std::string& out, uint32_t number) {
  char digits[10];
  const std::to_chars_result end = std::to_chars(std::begin(digits), std::end(digits), number);
  return out.append(digits, end.ptr);
}

class TextWriter : public ReportWriter {
 public:
  explicit TextWriter(std::ostream& out) : out_(out) {}
  void write_file(const FileReport& file) override {
    DisplayPositions positions(file.text);
    // One write per file: a stream insertion per field costs more than the formatting. The buffer is the previous
    // file's, so that a batch allocates it only the few times it grows, and numbers are written in place.
    lines_.clear();
    for (size_t i = 0; i < file.diagnostics.size(); ++i) {
      const Diagnostic& diagnostic = file.diagnostics[i];
      lines_.append(file.display).append(":"sv);
      if (const SourceLocation* location = file.location(i)) {
        lines_.append(describe_location(*location)).append(": "sv);
      } else {
        DisplayPosition begin = positions.at(diagnostic.range.begin);
        append_number(lines_, begin.line).append(":"sv);
        append_number(lines_, begin.column).append(": "sv);
      }
      lines_.append(severity_name(diagnostic.severity)).append("["sv);
      lines_.append(diagnostic.rule->id).append("] "sv).append(diagnostic.message).append(" ("sv);
      lines_.append(diagnostic.rule->slug).append(")\n"sv);
    }
    out_.write(lines_.data(), static_cast<std::streamsize>(lines_.size()));
    out_.flush();
  }
  void finish(const RunSummary& summary) override { out_ << summary_line(summary) << '\n'; }

 private:
  std::ostream& out_;
  std::string lines_;  // the text of the file being written
};

class JsonWriter : public ReportWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}
  void write_file(const FileReport& file) override {
    DisplayPositions positions(file.text);
    Json diagnostics = Json::array();
    for (size_t i = 0; i < file.diagnostics.size(); ++i) {
      const Diagnostic& diagnostic = file.diagnostics[i];
      Json entry{{"rule", diagnostic.rule->id},
                 {"slug", diagnostic.rule->slug},
                 {"severity", severity_name(diagnostic.severity)},
                 {"message", diagnostic.message}};
      add_range(entry, positions, diagnostic.range);
      if (const SourceLocation* location = file.location(i)) entry["location"] = location_json(*location);
      Json related = Json::array();
      for (const RelatedInformation& information : diagnostic.related) {
        Json item;
        if (information.document.empty()) {
          add_range(item, positions, information.range);
        } else {
          // In another file (A306: last year's report): its path, and the range in its text.
          item["path"] = information.document;
          add_range(item, DisplayPositions(related_text(file, information)), information.range);
        }
        item["message"] = information.message;
        related.push_back(std::move(item));
      }
      entry["related"] = std::move(related);
      Json fixes = Json::array();
      for (const Fix& fix : diagnostic.fixes) {
        Json edits = Json::array();
        for (const TextEdit& edit : fix.edits) {
          Json item;
          add_range(item, positions, edit.range);
          item["newText"] = edit.new_text;
          edits.push_back(std::move(item));
        }
        fixes.push_back(Json{{"title", fix.title}, {"safe", fix.safe}, {"edits", std::move(edits)}});
      }
      entry["fixes"] = std::move(fixes);
      diagnostics.push_back(std::move(entry));
    }
    files_.push_back(Json{{"path", file.display}, {"diagnostics", std::move(diagnostics)}});
  }
  void finish(const RunSummary& summary) override {
    Json document{{"version", XXGK_VERSION},
                  {"files", std::move(files_)},
                  {"summary", Json{{"files", summary.files},
                                   {"errors", summary.errors},
                                   {"warnings", summary.warnings},
                                   {"info", summary.infos}}}};
    out_ << dump(document);
  }

 private:
  std::ostream& out_;
  Json files_ = Json::array();
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

class SarifWriter : public ReportWriter {
 public:
  explicit SarifWriter(std::ostream& out) : out_(out) {}
  void write_file(const FileReport& file) override {
    DisplayPositions positions(file.text);
    Json location{{"uri", percent_encode_path(file.display)}};
    for (size_t i = 0; i < file.diagnostics.size(); ++i) {
      const Diagnostic& diagnostic = file.diagnostics[i];
      Json result{{"ruleId", diagnostic.rule->id}};
      // The input-limit diagnostic (X001) has no entry in the driver's rule list to point at.
      if (std::optional<size_t> index = rule_index(*diagnostic.rule)) result["ruleIndex"] = *index;
      result["level"] = sarif_level(diagnostic.severity);
      result["message"] = Json{{"text", diagnostic.message}};
      result["locations"] = Json::array({physical_location(location, positions, diagnostic.range)});
      if (const SourceLocation* place = file.location(i)) {
        // The region is in the text read from the document; the document's own place is a logical location.
        result["locations"][0]["logicalLocations"] = Json::array({Json{{"name", describe_location(*place)}}});
        result["properties"] = Json{{"location", location_json(*place)}};
      }
      if (!diagnostic.related.empty()) {
        Json related = Json::array();
        for (size_t i = 0; i < diagnostic.related.size(); ++i) {
          const RelatedInformation& information = diagnostic.related[i];
          Json item = information.document.empty()
                          ? physical_location(location, positions, information.range)
                          : physical_location(Json{{"uri", percent_encode_path(information.document)}},
                                              DisplayPositions(related_text(file, information)), information.range);
          item["id"] = i;
          item["message"] = Json{{"text", diagnostic.related[i].message}};
          related.push_back(std::move(item));
        }
        result["relatedLocations"] = std::move(related);
      }
      if (!diagnostic.fixes.empty()) {
        Json fixes = Json::array();
        for (const Fix& fix : diagnostic.fixes) {
          Json replacements = Json::array();
          for (const TextEdit& edit : fix.edits)
            replacements.push_back(Json{{"deletedRegion", sarif_region(positions, edit.range)},
                                        {"insertedContent", Json{{"text", edit.new_text}}}});
          fixes.push_back(Json{
              {"description", Json{{"text", fix.title}}},
              {"artifactChanges",
               Json::array({Json{{"artifactLocation", location}, {"replacements", std::move(replacements)}}})}});
        }
        result["fixes"] = std::move(fixes);
      }
      results_.push_back(std::move(result));
    }
  }
  void finish(const RunSummary&) override {
    Json rules = Json::array();
    for (const Rule& rule : all_rules()) {
      const RuleDescriptor& descriptor = rule.descriptor;
      rules.push_back(Json{{"id", descriptor.id},
                           {"name", descriptor.slug},
                           {"shortDescription", Json{{"text", descriptor.title_zh}}},
                           {"fullDescription", Json{{"text", descriptor.title_en}}},
                           {"helpUri", rule_doc_url(descriptor)},
                           {"defaultConfiguration", Json{{"level", sarif_level(descriptor.severity)}}}});
    }
    Json driver{{"name", "xxgk-lint"},
                {"version", XXGK_VERSION},
                {"informationUri", "https://github.com/xxgk-lint/xxgk-lint"},
                {"rules", std::move(rules)}};
    Json run{{"tool", Json{{"driver", std::move(driver)}}},
             {"columnKind", "unicodeCodePoints"},
             {"results", std::move(results_)}};
    Json document{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                  {"version", "2.1.0"},
                  {"runs", Json::array({std::move(run)})}};
    out_ << dump(document);
  }

 private:
  static std::optional<size_t> rule_index(const RuleDescriptor& descriptor) {
    const std::vector<Rule>& rules = all_rules();
    for (size_t i = 0; i < rules.size(); ++i)
      if (&rules[i].descriptor == &descriptor) return i;
    return std::nullopt;
  }
  static Json physical_location(const Json& artifact, const DisplayPositions& positions, ByteRange range) {
    return Json{{"physicalLocation", Json{{"artifactLocation", artifact}, {"region", sarif_region(positions, range)}}}};
  }

  std::ostream& out_;
  Json results_ = Json::array();
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

std::unique_ptr<ReportWriter> make_report_writer(OutputFormat format, std::ostream& out) {
  switch (format) {
    case OutputFormat::Text: return std::make_unique<TextWriter>(out);
    case OutputFormat::Json: return std::make_unique<JsonWriter>(out);
    case OutputFormat::Sarif: return std::make_unique<SarifWriter>(out);
    case OutputFormat::Github: return std::make_unique<GithubWriter>(out);
    case OutputFormat::Html: return make_html_report_writer(out);
  }
  return nullptr;
}

}  // namespace xxgk::cli
