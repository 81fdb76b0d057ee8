#include "xxgk/cross_document.h"

#include <algorithm>
#include <limits>
#include <map>

#include "xxgk/normalize.h"
#include "xxgk/rule.h"

namespace xxgk {

namespace {

constexpr std::string_view kCarriedInRow = "R02";   // 二、上年结转政府信息公开申请数量
constexpr std::string_view kCarriedOutRow = "R25";  // 四、结转下年度继续办理

// Book-title marks and a leading 关于 stand around the agency's name, not in it.
std::string_view strip_agency_decoration(std::string_view agency) {
  for (std::string_view prefix : {"《", "关于"})
    if (agency.starts_with(prefix)) agency.remove_prefix(prefix.size());
  for (std::string_view suffix : {"》", "的"})
    if (agency.ends_with(suffix)) agency.remove_suffix(suffix.size());
  return agency;
}

std::vector<std::optional<TableFigure>> row_figures(const Table& table, std::string_view row_id) {
  std::vector<std::optional<TableFigure>> figures;
  const Row* row = table.row_for(row_id);
  if (row == nullptr || !row->complete) return figures;
  for (size_t column = 0; column < row->value_cells.size(); ++column) {
    const Cell* cell = row->value(column);
    if (cell != nullptr && cell->value.is_exact_count())
      figures.push_back(TableFigure{cell->value.number, cell->range});
    else
      figures.emplace_back();
  }
  return figures;
}

std::string year_text(int year) { return std::to_string(year) + "年"; }

std::string number_text(double value) {
  // Carry-over figures are counts of applications: integers.
  return std::to_string(static_cast<long long>(value));
}

}  // namespace

ReportIdentity report_identity(const Report& report) {
  ReportIdentity identity;
  identity.year = report.title && report.title->year ? report.title->year : report.year;
  if (!report.title) return identity;
  identity.title = report.title->range();
  const std::string& title = report.title->normalized;
  std::string_view agency;
  if (report.title->year) {
    // Written once: the language server takes every document's identity on every keystroke.
    const std::string year = std::to_string(*report.title->year);
    size_t at = 0;
    while (at + 4 <= title.size() && std::string_view(title).substr(at, 4) != year) ++at;
    agency = std::string_view(title).substr(0, at);
    if (strip_agency_decoration(agency).empty()) {
      // "2023年某某局政府信息公开工作年度报告": the agency follows the year.
      std::string_view rest = std::string_view(title).substr(std::min(title.size(), at + 4));
      for (std::string_view unit : {"年度", "年"})
        if (rest.starts_with(unit)) {
          rest.remove_prefix(unit.size());
          break;
        }
      agency = rest.substr(0, rest.find("政府信息公开"));
    }
  } else {
    agency = std::string_view(title).substr(0, title.find("政府信息公开"));
  }
  identity.agency = std::string(strip_agency_decoration(agency));
  // A title recognised from a split or mangled heading ("工作年度报告" on its own line) names no agency.
  for (std::string_view report_words : {"政府信息公开", "年度报告"})
    if (identity.agency.find(report_words) != std::string::npos) identity.agency.clear();
  return identity;
}

LintedReport summarize_for_cross_document(std::string name, const Report& report, const LintOptions& options) {
  LintedReport linted;
  linted.name = std::move(name);
  linted.identity = report_identity(report);
  if (const Table* table = report.table("table3")) {
    linted.carried_in = row_figures(*table, kCarriedInRow);
    linted.carried_out = row_figures(*table, kCarriedOutRow);
  }
  static const Rule* const rule = find_rule("A306");  // the registry is fixed: looked up once, not per report
  linted.carry_over_severity = rule->descriptor.severity;
  if (auto configured = options.severity.find("A306"); configured != options.severity.end())
    linted.carry_over_severity = configured->second;
  return linted;
}

CrossDocumentResult cross_document_check(const std::vector<LintedReport>& reports) {
  CrossDocumentResult result;
  const Rule& rule = *find_rule("A306");
  const std::vector<std::string>& columns = format_2021().table("table3")->columns;

  // (agency, year) → the reports claiming it.
  std::map<std::pair<std::string, int>, std::vector<size_t>> by_agency_year;
  std::vector<size_t> without_year;
  for (size_t i = 0; i < reports.size(); ++i) {
    const ReportIdentity& identity = reports[i].identity;
    if (identity.agency.empty()) continue;
    if (identity.year)
      by_agency_year[{identity.agency, *identity.year}].push_back(i);
    else
      without_year.push_back(i);
  }
  auto has_year = [&](const std::string& agency, int year) { return by_agency_year.contains({agency, year}); };

  // Notes only where they matter: a report the agency's other years could have been compared with.
  for (size_t i : without_year) {
    const std::string& agency = reports[i].identity.agency;
    const auto other = by_agency_year.lower_bound({agency, std::numeric_limits<int>::min()});
    if (other != by_agency_year.end() && other->first.first == agency)
      result.notes.push_back({i, "标题和统计期限中都没有年份，不与“" + agency +
                                     "”其他年度的报告核对 (no year in the title or the statistics period: not matched "
                                     "with the agency's other years)"});
  }
  for (const auto& [key, claimants] : by_agency_year) {
    if (claimants.size() < 2 || !(has_year(key.first, key.second - 1) || has_year(key.first, key.second + 1)))
      continue;
    for (size_t i : claimants) {
      // A few of the others by name, so that a directory of copies does not give a quadratic message.
      constexpr size_t kNamed = 3;
      std::string others;
      size_t named = 0;
      for (size_t j : claimants)
        if (j != i && named++ < kNamed) others += (others.empty() ? "" : "、") + reports[j].name;
      if (claimants.size() - 1 > kNamed) others += " 等 " + std::to_string(claimants.size() - 1) + " 份报告";
      result.notes.push_back({i, "与 " + others + " 同为“" + key.first + "”" + year_text(key.second) +
                                     "的报告，无法确定哪一份参与跨年度核对 (another report claims the same agency and "
                                     "year: not matched across years)"});
    }
  }

  for (const auto& [key, claimants] : by_agency_year) {
    const auto previous = by_agency_year.find({key.first, key.second - 1});
    if (claimants.size() != 1 || previous == by_agency_year.end() || previous->second.size() != 1) continue;
    const size_t this_index = claimants.front(), last_index = previous->second.front();
    const LintedReport& this_year = reports[this_index];
    const LintedReport& last_year = reports[last_index];
    if (this_year.carry_over_severity == Severity::Off) continue;
    const size_t shared = std::min({this_year.carried_in.size(), last_year.carried_out.size(), columns.size()});
    for (size_t column = 0; column < shared; ++column) {
      const std::optional<TableFigure>& carried_in = this_year.carried_in[column];
      const std::optional<TableFigure>& carried_out = last_year.carried_out[column];
      if (!carried_in || !carried_out || carried_in->value == carried_out->value) continue;
      CrossDocumentDiagnostic& finding = result.diagnostics.emplace_back();
      finding.report = this_index;
      Diagnostic& diagnostic = finding.diagnostic;
      diagnostic.rule = &rule.descriptor;
      diagnostic.severity = this_year.carry_over_severity;
      diagnostic.range = carried_in->range;
      diagnostic.message = "“上年结转”“" + columns[column] + "”栏为 " + number_text(carried_in->value) + "，而" +
                           year_text(key.second - 1) + "报告（" + last_year.name + "）“结转下年度继续办理”为 " +
                           number_text(carried_out->value) +
                           " / carried over from last year differs from last year's report";
      diagnostic.related.push_back({carried_out->range,
                                    year_text(key.second - 1) + "报告“结转下年度继续办理”“" + columns[column] +
                                        "”：" + number_text(carried_out->value),
                                    last_year.name});
    }
  }
  std::stable_sort(result.notes.begin(), result.notes.end(),
                   [](const CrossDocumentNote& a, const CrossDocumentNote& b) { return a.report < b.report; });
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                   [](const CrossDocumentDiagnostic& a, const CrossDocumentDiagnostic& b) {
                     if (a.report != b.report) return a.report < b.report;
                     return a.diagnostic.range.begin < b.diagnostic.range.begin;
                   });
  return result;
}

}  // namespace xxgk
