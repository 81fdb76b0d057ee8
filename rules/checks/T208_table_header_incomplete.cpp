// T208 table-header-incomplete: header rows missing or truncated (table 三/四), or a block header of table 二.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "table_util.h"
#include "xxgk/normalize.h"
#include "xxgk/rule.h"
#include "xxgk/templates.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "T208",
    .slug = "table-header-incomplete",
    .title_zh = "表头不完整",
    .title_en = "Table header rows are missing or truncated",
    .severity = Severity::Warning,
    .fix = FixSafety::Unsafe,
    .fix_zh = "用规定格式的表头行替换现有表头。",
    .doc_zh =
        "检查统计表的表头是否完整：“收到和处理政府信息公开申请情况”表和“政府信息公开行政复议、行政诉讼情况”表的三行表头，"
        "“主动公开政府信息情况”表每个栏目的表头行（信息内容、本年制发件数……）。表头中的词按规定逐一核对，"
        "缺少或被截断（如“结果纠正”只剩“结果”）即报告；只因空格断开的词（如“结果 维持”）视为完整。\n\n"
        "依据：国办公开办函〔2021〕30号所附表格规定了表头；表头残缺时，读者无法确定每一列数字的含义，"
        "从网页或文档转换时常出现这种截断。每格一行写出的表格（从网页复制）没有表头行可核对，不在检查之列。"
        "从 PDF 读取的报告，表三、表四跨行合并单元格的多行表头无法从文字位置可靠重建（PDF 的文字层不含表格线），也不在检查之列。\n\n"
        "修复：用规定格式的表头行替换现有表头（修复按文档的分隔符重写表头）。",
    .doc_en =
        "Checks that the header rows are complete: the three header rows of tables 三 and 四, and each block header of "
        "table 二 (信息内容, 本年制发件数 …). Every header word of the format must be there; a missing or truncated word "
        "(结果 for 结果纠正) is reported, a word split by a space (结果 维持) is complete.\n\n"
        "Why: the tables annexed to notice 国办公开办函〔2021〕30号 fix the headers; with a truncated header the reader "
        "cannot tell what a column counts. Conversions from web pages or office documents often cut header cells. A table written one cell per line (copied "
        "from a web page) has no header rows to check and is left out. "
        "Nor are the multi-row headers of tables 三 and 四 in a report read from a PDF: their cells, merged over rows "
        "and columns, cannot be rebuilt from text positions (a PDF's text layer has no rulings).\n\n"
        "Fix: replace the header rows with the template's, written with the document's separator.",
    .bad = "结果维持\t结果\t其他\t尚未\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t\n",
    .good = "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t\n",
};

// The header words of the format that the written rows lack, with repetitions (table 四 names 结果维持 three
// times), in the format's order, each listed once.
std::vector<std::string> missing_words(const std::vector<std::vector<std::string>>& expected_rows,
                                       const std::vector<const Row*>& written_rows) {
  // The written header cells not yet taken by an expected word: a few dozen, searched in place.
  std::vector<std::string_view> untaken;
  for (const Row* row : written_rows)
    for (const Cell& cell : row->cells)
      if (!cell.normalized.empty()) untaken.push_back(cell.normalized);
  std::vector<std::string> missing;
  for (const auto& cells : expected_rows) {
    for (const std::string& word : cells) {
      if (word.empty()) continue;
      if (const auto taken = std::find(untaken.begin(), untaken.end(), normalize_label(word)); taken != untaken.end()) {
        untaken.erase(taken);
        continue;
      }
      if (std::find(missing.begin(), missing.end(), word) == missing.end()) missing.push_back(word);
    }
  }
  if (missing.empty()) return missing;
  // A word broken over two header rows ("商业" above "企业", as web pages wrap a narrow column) is written whole.
  std::vector<std::string> wrapped;
  for (size_t r = 0; r + 1 < written_rows.size(); ++r) {
    const std::vector<Cell>& upper = written_rows[r]->cells;
    const std::vector<Cell>& lower = written_rows[r + 1]->cells;
    for (size_t c = 0; c < std::min(upper.size(), lower.size()); ++c)
      if (!upper[c].normalized.empty() && !lower[c].normalized.empty())
        wrapped.push_back(upper[c].normalized + lower[c].normalized);
  }
  std::erase_if(missing, [&](const std::string& word) {
    const auto found = std::find(wrapped.begin(), wrapped.end(), normalize_label(word));
    if (found == wrapped.end()) return false;
    wrapped.erase(found);
    return true;
  });
  return missing;
}

std::string quoted_list(const std::vector<std::string>& words) {
  std::string list;
  for (const std::string& word : words) list += "“" + word + "”";
  return list;
}

// The span to point at: the rows holding a cell that is no header word of the format (a truncated word such as
// 结果), else all header rows.
ByteRange truncated_span(const std::vector<std::vector<std::string>>& expected_rows,
                         const std::vector<const Row*>& rows) {
  std::vector<std::string> words;
  for (const auto& cells : expected_rows)
    for (const std::string& word : cells) words.push_back(normalize_label(word));
  const Row* first = nullptr;
  const Row* last = nullptr;
  for (const Row* row : rows) {
    const bool truncated = std::any_of(row->cells.begin(), row->cells.end(), [&](const Cell& cell) {
      return !cell.normalized.empty() && std::find(words.begin(), words.end(), cell.normalized) == words.end();
    });
    if (!truncated) continue;
    if (!first) first = row;
    last = row;
  }
  if (!first) {
    first = rows.front();
    last = rows.back();
  }
  return {first->content().begin, last->content().end};
}

// The template header rows written like `like` (Markdown: the template's GFM header with its delimiter row), joined
// by the document's terminator, without a final one.
std::string header_text(const Analysis& analysis, const Table& table, const Row& like) {
  const TemplateStyle style = analysis.document_style(&table);
  if (style.markdown) {
    std::string text = render_header(*table.spec, style);
    return text.substr(0, text.size() - style.newline.size());
  }
  std::string text;
  for (const auto& cells : table.spec->header_rows)
    text += (text.empty() ? "" : std::string(style.newline)) + format_row_like(cells, like);
  return text;
}

// Table 三 / 四: the rows before the first data row are the header.
void check_header_rows(const Analysis& analysis, const Table& table, DiagnosticSink& sink) {
  const Report& report = analysis.report();
  const TableSpec& spec = *table.spec;
  if (spec.header_rows.empty() || table.rows.empty()) return;
  size_t first_data = 0;
  while (first_data < table.rows.size() && table.rows[first_data].kind != RowKind::Data) ++first_data;
  std::vector<const Row*> header;
  // A row of fragments after a header row is the header's wrapped part ("企业 | 机构" under "商业 | 科研").
  for (size_t i = 0; i < first_data; ++i)
    if (table.rows[i].kind == RowKind::Header || table.rows[i].kind == RowKind::Note ||
        (table.rows[i].kind == RowKind::Unknown && !header.empty()))
      header.push_back(&table.rows[i]);

  const std::vector<std::string> missing = missing_words(spec.header_rows, header);
  if (missing.empty()) return;
  const std::string fix_title = "替换为规定格式的表头";
  if (header.empty()) {
    const size_t at = line_start_at(report.text, table.range.begin);
    Diagnostic& diagnostic = sink.report(table.rows.front().content(),
                                         "表格缺少表头行 / header rows missing");
    diagnostic.fixes.push_back(Fix{
        fix_title,
        false,
        {TextEdit{{at, at}, header_text(analysis, table, table.rows.front()) + std::string(newline_of(report.text))}}});
    return;
  }
  Diagnostic& diagnostic = sink.report(truncated_span(spec.header_rows, header),
                                       "表头不完整：缺少" + quoted_list(missing) + " / header incomplete");
  const ByteRange region{line_start_at(report.text, table.rows.front().range.begin),
                         line_end_at(report.text, table.rows[first_data - 1].range.begin)};
  diagnostic.fixes.push_back(Fix{fix_title, false, {TextEdit{region, header_text(analysis, table, *header.front())}}});
}

// Table 二: each block title is followed by its header row.
void check_block_headers(const Report& report, const Table& table, DiagnosticSink& sink) {
  const TableSpec& spec = *table.spec;
  for (const GroupLabel& title : table.groups) {
    if (title.group < 0 || static_cast<size_t>(title.group) >= spec.groups.size()) continue;
    const GroupSpec& group = spec.groups[static_cast<size_t>(title.group)];
    const auto block = std::find_if(spec.blocks.begin(), spec.blocks.end(),
                                    [&](const BlockSpec& b) { return b.group == group.id; });
    if (block == spec.blocks.end() || title.row >= table.rows.size()) continue;
    const Row& title_row = table.rows[title.row];
    size_t next = title.row + 1;  // in Markdown the delimiter row follows the table's first block title
    while (next < table.rows.size() && table.rows[next].kind == RowKind::Delimiter) ++next;
    const Row* header = next < table.rows.size() && table.rows[next].kind == RowKind::Header ? &table.rows[next] : nullptr;
    const std::vector<std::vector<std::string>> expected{block->header};
    const std::vector<std::string> missing =
        missing_words(expected, header ? std::vector<const Row*>{header} : std::vector<const Row*>{});
    if (missing.empty()) continue;

    const Row& like = header ? *header : title_row;
    std::vector<std::string> cells = block->header;
    cells.resize(std::max(cells.size(), like.cells.size()));
    const std::string line = format_row_like(cells, like);
    const std::string fix_title = "替换为规定格式的表头";
    if (!header) {
      Diagnostic& diagnostic = sink.report(title.range, "“" + group.label + "”栏目缺少表头行 / block header missing");
      const std::string nl(newline_of(report.text));
      const size_t after = line_end_at(report.text, title_row.range.begin);
      diagnostic.fixes.push_back(Fix{fix_title, false, {TextEdit{{after, after}, nl + line}}});
      continue;
    }
    Diagnostic& diagnostic = sink.report(
        header->range, "“" + group.label + "”栏目表头不完整：缺少" + quoted_list(missing) + " / block header incomplete");
    const ByteRange whole_line{line_start_at(report.text, header->range.begin), line_end_at(report.text, header->range.begin)};
    diagnostic.fixes.push_back(Fix{fix_title, false, {TextEdit{whole_line, line}}});
  }
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  for (const Table& table : ctx.report.tables) {
    // A table written one cell per line has no header rows to judge: its header words stand on lines of their own.
    // A header of merged cells read from a PDF is not rebuilt reliably: a word missing there is no finding.
    if (!table.spec || table.recovered || table.header_unreliable) continue;
    if (table.spec->blocks.empty())
      check_header_rows(ctx.analysis, table, sink);
    else
      check_block_headers(ctx.report, table, sink);
  }
}

}  // namespace

extern const Rule rule_T208{kDescriptor, check};

}  // namespace xxgk
