#include "cli/compare_command.h"

#include <cmath>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/file_replace.h"
#include "cli/html_page.h"
#include "cli/input_decoding.h"
#include "cli/report_writer.h"
#include "xxgk/compare.h"
#include "xxgk/linter.h"

namespace xxgk::cli {

namespace {

using Json = nlohmann::ordered_json;

// A report read for comparison: its text and model (the model's views point into the text).
struct ComparedReport {
  std::string path;
  std::string text;
  Report report;
};

// Reads and decodes `path`; the message names the file and why it cannot be compared.
std::optional<std::string> read_report_text(const std::string& path, std::string& message) {
  try {
    DecodedInput input = decode_input(read_file_version(path, LintLimits{}.max_bytes).content);
    if (input.text) return std::move(*input.text);
    message = path + ": 不是文本文件，无法对比：" + input.not_text_reason + " (not a text file)";
  } catch (const FileError& error) {
    message = path + ": " + error.what();
  }
  return std::nullopt;
}

std::string figure_text(const std::optional<double>& value) {
  if (!value) return "—";
  if (*value == std::floor(*value) && std::fabs(*value) < 1e15) return std::to_string(static_cast<long long>(*value));
  std::string text = std::to_string(*value);
  while (text.ends_with('0')) text.pop_back();
  return text;
}

std::string change_text(const std::optional<double>& change) {
  if (!change) return "—";
  return (*change > 0 ? "+" : "") + figure_text(change);
}

std::string similarity_text(double similarity) {
  char text[16];
  std::snprintf(text, sizeof text, "%.2f", similarity);
  return text;
}

std::string identity_text(const ReportIdentity& identity) {
  return (identity.agency.empty() ? std::string("（机关不详）") : identity.agency) + " " +
         (identity.year ? std::to_string(*identity.year) + "年" : std::string("（年份不详）"));
}

// What a reader should know before trusting the comparison: the two reports may not be two years of one agency.
std::vector<std::string> caveats(const ReportComparison& comparison) {
  std::vector<std::string> notes;
  if (comparison.last.agency != comparison.current.agency)
    notes.push_back("两份报告的机关不同：“" + comparison.last.agency + "”与“" + comparison.current.agency +
                    "” (the reports name different agencies)");
  if (comparison.last.year && comparison.current.year && *comparison.current.year != *comparison.last.year + 1)
    notes.push_back("两份报告的年份不相邻：" + std::to_string(*comparison.last.year) + "年与" +
                    std::to_string(*comparison.current.year) + "年 (the years are not consecutive)");
  return notes;
}

void print_text(std::ostream& out, const ComparedReport& last, const ComparedReport& current,
                const ReportComparison& comparison) {
  out << "上年 (last year): " << identity_text(comparison.last) << "  " << last.path << '\n';
  out << "本年 (this year): " << identity_text(comparison.current) << "  " << current.path << '\n';
  for (const std::string& note : caveats(comparison)) out << "注意 (note): " << note << '\n';

  out << "\n内容雷同 (prose nearly the same as last year's; similarity ≥ " << similarity_text(kNearlySameProse)
      << "):\n";
  size_t nearly_same = 0;
  for (const SectionComparison& section : comparison.sections)
    if (section.nearly_same) {
      ++nearly_same;
      out << "  " << section.section << ". " << section.heading << "  相似度 (similarity) "
          << similarity_text(section.similarity) << '\n';
    }
  if (nearly_same == 0) out << "  无 (none)\n";
  out << "各部分相似度 (similarity of each section):";
  for (const SectionComparison& section : comparison.sections)
    out << "  " << section.heading << " " << similarity_text(section.similarity);
  out << "\n\n表格数字 (table figures): 上年 → 本年 (变化)\n";
  std::string_view table;
  size_t changed = 0;
  for (const FigureComparison& figure : comparison.figures) {
    if (figure.table != table) out << "【" << (table = figure.table) << "】\n";
    const std::optional<double> change = figure.change();
    const bool differs = !change || *change != 0;
    changed += differs;
    out << (differs ? "* " : "  ") << figure.row << " / " << figure.column << ": " << figure_text(figure.last)
        << " → " << figure_text(figure.current) << " (" << change_text(change) << ")\n";
  }
  out << "\n共 " << comparison.figures.size() << " 个数字，" << changed << " 个有变化或缺失；" << nearly_same
      << " 个部分内容雷同 (" << comparison.figures.size() << " figures, " << changed << " changed or missing; "
      << nearly_same << " sections nearly the same)\n";
}

Json position_json(const DisplayPositions& positions, ByteRange range, bool present) {
  if (!present) return nullptr;
  return positions.at(range.begin).line;
}

void print_json(std::ostream& out, const ComparedReport& last, const ComparedReport& current,
                const ReportComparison& comparison) {
  const DisplayPositions last_positions(last.text), current_positions(current.text);
  auto report_json = [](const ComparedReport& report, const ReportIdentity& identity) {
    return Json{{"path", report.path},
                {"agency", identity.agency},
                {"year", identity.year ? Json(*identity.year) : Json(nullptr)}};
  };
  auto number_json = [](const std::optional<double>& value) { return value ? Json(*value) : Json(nullptr); };
  Json figures = Json::array();
  for (const FigureComparison& figure : comparison.figures)
    figures.push_back(Json{{"table", figure.table},
                           {"row", figure.row},
                           {"column", figure.column},
                           {"last", number_json(figure.last)},
                           {"this", number_json(figure.current)},
                           {"change", number_json(figure.change())},
                           {"lastLine", position_json(last_positions, figure.last_range, figure.last.has_value())},
                           {"thisLine", position_json(current_positions, figure.current_range,
                                                      figure.current.has_value())}});
  Json sections = Json::array();
  for (const SectionComparison& section : comparison.sections)
    sections.push_back(Json{{"section", section.section},
                            {"heading", section.heading},
                            {"similarity", std::round(section.similarity * 1000) / 1000},
                            {"nearlySame", section.nearly_same},
                            {"lastLine", last_positions.at(section.last_range.begin).line},
                            {"thisLine", current_positions.at(section.current_range.begin).line}});
  Json document{{"version", XXGK_VERSION},
                {"last", report_json(last, comparison.last)},
                {"this", report_json(current, comparison.current)},
                {"notes", caveats(comparison)},
                {"nearlySameThreshold", kNearlySameProse},
                {"sections", std::move(sections)},
                {"figures", std::move(figures)}};
  out << document.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

// Hides the unchanged figures when the box is ticked; without JavaScript every figure is listed.
constexpr std::string_view kCompareScript = R"js(
(function () {
  var box = document.getElementById('changed-only');
  box.parentElement.hidden = false;
  box.addEventListener('change', function () {
    document.querySelectorAll('tr.unchanged').forEach(function (row) { row.classList.toggle('hidden', box.checked); });
  });
})();
)js";

void print_html(std::ostream& out, const ComparedReport& last, const ComparedReport& current,
                const ReportComparison& comparison) {
  std::string page = page_start("年度报告对比 — " + identity_text(comparison.current));
  page += "<h1>年度报告对比 <span class=\"en\">Two years compared</span></h1>\n<table><tbody>";
  for (const auto& [label, report, identity] :
       {std::tuple{"上年 (last year)", &last, &comparison.last}, {"本年 (this year)", &current, &comparison.current}}) {
    page += "<tr><th>" + std::string(label) + "</th><td>" + escaped(identity_text(*identity)) + "</td><td>" +
            escaped(report->path) + "</td></tr>";
  }
  page += "</tbody></table>\n";
  for (const std::string& note : caveats(comparison)) page += "<p class=\"same\">注意 (note)：" + escaped(note) + "</p>\n";

  page += "<h2>内容雷同 <span class=\"en\">Prose compared with last year's (similarity of character bigrams; ≥ " +
          similarity_text(kNearlySameProse) + ": nearly the same)</span></h2>\n<table id=\"sections\"><thead><tr>"
          "<th>部分 (section)</th><th class=\"n\">相似度 (similarity)</th><th>结论</th></tr></thead><tbody>\n";
  for (const SectionComparison& section : comparison.sections)
    page += "<tr><td>" + std::to_string(section.section) + ". " + escaped(section.heading) + "</td><td class=\"n\">" +
            similarity_text(section.similarity) + "</td><td" + (section.nearly_same ? " class=\"same\">内容雷同" : ">") +
            "</td></tr>\n";
  page += "</tbody></table>\n";

  page += "<h2>表格数字 <span class=\"en\">Table figures</span></h2>\n"
          "<p hidden><label><input type=\"checkbox\" id=\"changed-only\"> 只显示有变化的数字 (changed figures only)"
          "</label></p>\n<table id=\"figures\"><thead><tr><th>表 (table)</th><th>行 (row)</th><th>栏 (column)</th>"
          "<th class=\"n\">上年</th><th class=\"n\">本年</th><th class=\"n\">变化</th></tr></thead><tbody>\n";
  for (const FigureComparison& figure : comparison.figures) {
    const std::optional<double> change = figure.change();
    const bool unchanged = change && *change == 0;
    page += unchanged ? "<tr class=\"unchanged\">" : "<tr>";
    page += "<td>" + escaped(figure.table) + "</td><td>" + escaped(figure.row) + "</td><td>" + escaped(figure.column) +
            "</td><td class=\"n\">" + figure_text(figure.last) + "</td><td class=\"n\">" +
            figure_text(figure.current) + "</td><td class=\"n" +
            (change && *change > 0 ? " up" : change && *change < 0 ? " down" : "") + "\">" + change_text(change) +
            "</td></tr>\n";
  }
  page += "</tbody></table>\n";
  page += page_end(kCompareScript);
  out << page;
}

}  // namespace

int run_compare_command(const CompareArguments& arguments, std::ostream& out) {
  ComparedReport last{arguments.last, {}, {}}, current{arguments.current, {}, {}};
  bool failed = false;
  for (ComparedReport* report : {&last, &current}) {
    std::string message;
    std::optional<std::string> text = read_report_text(report->path, message);
    if (!text) {
      std::cerr << message << '\n';
      failed = true;
      continue;
    }
    report->text = std::move(*text);
  }
  if (failed) return 2;
  last.report = build_report(last.text, LintOptions{});
  current.report = build_report(current.text, LintOptions{});
  const ReportComparison comparison = compare_reports(last.report, current.report);
  switch (arguments.format) {
    case OutputFormat::Json: print_json(out, last, current, comparison); break;
    case OutputFormat::Html: print_html(out, last, current, comparison); break;
    default: print_text(out, last, current, comparison); break;
  }
  out.flush();
  return 0;
}

}  // namespace xxgk::cli
