// The report format as data: headings and their accepted variants, table schemas, arithmetic identities, old-format
// fingerprints and keyword sets. Loaded from a JSON definition embedded at build time (rules/formats/gov-2021.json),
// so a future revision of the format is a new file, not new code.
#pragma once

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "xxgk/prose.h"

namespace xxgk {

struct SectionSpec {
  int number = 0;                     // 1..6
  std::string numeral;                // "一"
  std::string title;                  // canonical text after the numeral: "总体情况"
  std::vector<std::string> variants;  // accepted wordings (warned by S105), without numeral
  std::string heading() const { return numeral + "、" + title; }
};

// A canonical row of a table.
struct RowSpec {
  std::string id;                     // "R01", "规章"
  std::string label;                  // canonical label as printed: "一、本年新收政府信息公开申请数量"
  std::vector<std::string> variants;  // other accepted labels (warned by T207)
  std::string group;                  // id of the group label the row sits under ("" for none)
  int values = 0;                     // number of value cells
  bool decimal = false;               // values may be decimals (万元)
};

// A label row without values (table 三 "三、本年度办理结果", "（三）不予公开"; table 二 block titles).
struct GroupSpec {
  std::string id;
  std::string label;
  std::vector<std::string> variants;
};

// Table 二 is a stack of blocks, each a block title (a group), a header row and its rows.
struct BlockSpec {
  std::string group;                 // id of the block-title group ("B1")
  std::vector<std::string> header;   // the block's header cells ("信息内容", "本年制发件数", …)
};

// What an identity asserts, parsed once from its "kind" in the format definition.
enum class IdentityKind {
  RowSum,     // "row-sum"
  ColumnSum,  // "column-sum"
  Balance,    // "balance"
};

// Sum identity: for each listed column (or each row for kind RowSum), total = sum(terms).
//   kind "row-sum":    within each row r in `rows` (or every data row when empty): cell[total] = sum cell[terms]
//   kind "column-sum": for each column in `columns`: row[total] = sum of rows[terms]
//   kind "balance":    for each column: sum rows[left] = sum rows[right]
struct IdentitySpec {
  std::string id;         // "T3-A"
  std::string rule;       // rule id that checks it: "A303"
  IdentityKind kind = IdentityKind::RowSum;
  bool is_sum() const { return kind == IdentityKind::RowSum || kind == IdentityKind::ColumnSum; }
  std::vector<std::string> rows;   // row ids the identity applies to (row-sum), empty = all data rows
  std::vector<int> terms;          // row-sum: value-column indices
  int total = -1;                  // row-sum: value-column index of the total
  std::vector<std::string> term_rows;   // column-sum: row ids summed
  std::string total_row;                // column-sum: row id of the total
  std::vector<std::string> left, right;  // balance: row ids on each side
  std::vector<std::vector<int>> groups;  // row-sum over column groups (table 四): each group's value columns, the
                                         // last one being the group's total
  // The row ids above resolved to indices into TableSpec::rows when the format is loaded (an unknown id fails the
  // load), so that checking an identity looks nothing up by name.
  std::vector<int> row_indices, term_row_indices, left_indices, right_indices;
  int total_row_index = -1;
  // Row sums as everything that reads them sees them (the arithmetic rules, the editor's explanation of a total):
  // each group of value columns whose last is the group's total — `groups`, or `terms` then `total` as one group.
  std::vector<std::vector<int>> column_sums;
  bool applies_to_row(int row_index) const {
    return row_indices.empty() || std::find(row_indices.begin(), row_indices.end(), row_index) != row_indices.end();
  }
};

struct TableSpec {
  std::string id;                       // "table2" | "table3" | "table4"
  int section = 0;                      // section number the table belongs to
  std::string title;                    // human name "收到和处理政府信息公开申请情况"
  std::vector<std::string> columns;     // value-column labels, in order
  std::vector<std::vector<std::string>> header_rows;  // template header rows (cells), for T208 and templates
  std::string note;                     // the 勾稽关系 note (table 三), "" if none
  std::vector<GroupSpec> groups;        // label-only rows / block titles
  std::vector<BlockSpec> blocks;        // table 二 only
  std::vector<RowSpec> rows;            // canonical data rows, in order
  std::vector<std::string> header_words;  // words whose presence marks a header row
  std::vector<std::string> fingerprints;  // normalised labels that identify this table in a document
  std::vector<IdentitySpec> identities;
  bool data_row_without_label = false;  // table 四: its single data row carries no label

  const RowSpec* row(std::string_view id) const;
  int row_index(std::string_view id) const;  // -1 if absent
};

// The table cells the content rules compare prose with, by what they hold (format "named_cells": the total column of
// table 三's rows 一 and （六）2, table 四's group totals).
enum class NamedCell {
  ApplicationsReceived,        // "applications_received": 表三 一、本年新收申请数量, 总计
  UnpaidFeeApplications,       // "unpaid_fee_applications": 表三 （六）2. 逾期未缴费, 总计
  ReviewTotal,                 // "review_total": 表四 行政复议, 总计
  DirectLitigationTotal,       // "direct_litigation_total": 表四 未经复议直接起诉, 总计
  LitigationAfterReviewTotal,  // "litigation_after_review_total": 表四 复议后起诉, 总计
};
inline constexpr size_t kNamedCellCount = 5;

// Where a named cell is: the value column `column` of row `row` in table `table`.
struct CellRef {
  std::string table;
  std::string row;
  size_t column = 0;
};

// The words the content rules read prose with (format "narrative").
struct NarrativeWords {
  prose::Negations negations;  // "negations", "negation_idiom_tails": 未, 没有 … (not 无法, 未经)
  std::vector<std::string> application_verbs;  // C403: what an agency does with applications it counts: 收到, 受理
  std::vector<std::string> other_proceedings;  // C403: 复议, 投诉 …: an application for these is not a disclosure one
  std::string review;                          // C404: 复议
  std::string litigation;                      // C404: 诉讼
};

struct KeywordArea {
  std::string name;                   // "主动公开"
  std::vector<std::string> keywords;  // any of these present = covered
};

struct FormatDefinition {
  std::string id;      // "gov-2021"
  std::string notice;  // "国办公开办函〔2021〕30号"
  int first_year = 0;  // first reporting year this format applies to
  std::vector<SectionSpec> sections;
  std::vector<TableSpec> tables;
  std::array<CellRef, kNamedCellCount> named_cells;  // indexed by NamedCell
  std::vector<KeywordArea> overview_areas;          // section 一 (S107)
  std::vector<std::string> accountability;          // S108: 考核 社会评议 责任追究
  std::vector<std::string> old_format_labels;       // S109
  std::vector<std::string> old_format_headings;     // S109 (2008 era)
  std::string trial_notice;                         // the notice of the 2019 试行 format: 国办公开办函〔2019〕60号
  int trial_first_year = 0;                         // first reporting year of the 试行 format (earlier: 2008 era)
  std::string trial_number;                         // how a citation of that notice ends: "60号"
  std::string trial_title_words;                    // words of that notice's title: "年度报告有关事项的通知"
  std::vector<std::string> notice_marks;            // words of a citation of the 2021 notice: "30号", "年度报告格式"
  std::vector<std::string> era_2008_marks;          // text only a 2008-era report has ("、概述", old headings)
  std::vector<std::string> problem_words;           // C407
  std::vector<std::string> improvement_words;       // C407
  std::string title_phrase;                         // "政府信息公开工作年度报告"
  std::vector<std::string> title_variants;          // "政府信息公开年度报告" …
  std::string regulation_citation;                  // 《中华人民共和国政府信息公开条例》
  std::string notice_citation;                      // the full 30号 citation
  std::string format_title;                         // the format's title, inside notice_citation's 〈〉
  std::string regulation_title;                     // regulation_citation without its 《》
  NarrativeWords narrative;
  std::vector<std::string> footer_markers;          // W503
  std::vector<std::string> page_chrome_markers;     // a web page's navigation and metadata ("无障碍", "来源")
  std::vector<std::string> placeholder_marks;       // C408: template text ("【待填写】", "（具体网址）")
  std::string placeholder_name_suffixes;            // C408: what 某某/××/XX stand before in a name, number or date
  std::vector<std::string> fee_keywords;            // C406: 信息处理费
  std::vector<std::string> fee_notice_count_words;  // 发出收费通知的件数
  std::vector<std::string> fee_notice_amount_words; // 总金额
  std::vector<std::string> fee_collected_words;     // 实际收取

  // Whether `line` is a web page's navigation or metadata kept with the report ("关怀版 无障碍", "来源:公安局
  // 时间:2023-01-11 15:51", "• 2022-01-24 09:05"): short, no sentence, with one of page_chrome_markers or a time stamp
  // alone.
  bool is_page_chrome(std::string_view line) const;
  const SectionSpec* section(int number) const;
  const TableSpec* table(std::string_view id) const;
  const TableSpec* table_for_section(int section) const;
  const CellRef& cell(NamedCell name) const { return named_cells[static_cast<size_t>(name)]; }
};

// The built-in 2021 format (parsed once, on first use).
const FormatDefinition& format_2021();
// Parses a format definition from JSON text; throws std::runtime_error with a message on malformed input.
FormatDefinition parse_format_definition(std::string_view json);

}  // namespace xxgk
