// Word documents: word/document.xml read with pugixml (which expands no entities but the predefined ones, so a
// "billion laughs" document is inert), paragraphs with the number Word's list gives them (numbering.xml), tables with
// gridSpan and vMerge onto their grid, text in runs, hyperlinks, fields and content controls. Locations are the
// paragraph's index in the body, or a table's row and grid column.
#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <string_view>

#include "readers/report_text_builder.h"
#include "readers/zip_archive.h"

namespace xxgk {

namespace {

using readers::Fragment;
using readers::SpannedCell;

// A report's document.xml is well under 1 MB; Word's own limit for a document is far above anything checked here.
constexpr size_t kMaxPartSize = 64u << 20;
constexpr int kMaxDepth = 200;

bool named(const pugi::xml_node& node, std::string_view name) { return std::string_view(node.name()) == name; }

int int_attribute(const pugi::xml_node& node, const char* name, int fallback) {
  const pugi::xml_attribute attribute = node.attribute(name);
  return attribute ? attribute.as_int(fallback) : fallback;
}

std::string letters(uint32_t n, char first) {
  std::string out;
  if (n == 0) return out;
  const uint32_t repeat = (n - 1) / 26 + 1;
  return std::string(repeat, static_cast<char>(first + (n - 1) % 26));
}

std::string roman(uint32_t n, bool upper) {
  static constexpr std::array<std::pair<uint32_t, std::string_view>, 13> kNumerals{{{1000, "M"}, {900, "CM"},
      {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"},
      {4, "IV"}, {1, "I"}}};
  std::string out;
  for (const auto& [value, text] : kNumerals)
    while (n >= value && out.size() < 32) out += text, n -= value;
  if (!upper)
    for (char& c : out) c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Word's automatic numbering: a list's levels (format, text pattern, start) and the running counters.
class Numbering {
 public:
  Numbering(const pugi::xml_document* numbering, const pugi::xml_document* styles) {
    // A paragraph style can carry the list (Word's numbered heading styles): its numPr applies to the paragraphs of
    // that style that have none of their own.
    if (styles)
      for (const pugi::xml_node& style : styles->child("w:styles").children("w:style"))
        if (const pugi::xml_node number = style.child("w:pPr").child("w:numPr"))
          style_lists_[style.attribute("w:styleId").as_string("")] = {
              int_attribute(number.child("w:numId"), "w:val", -1), int_attribute(number.child("w:ilvl"), "w:val", 0)};
    if (!numbering) return;
    const pugi::xml_node root = numbering->child("w:numbering");
    std::map<int, std::array<Level, 9>> abstract;
    for (const pugi::xml_node& node : root.children("w:abstractNum")) {
      std::array<Level, 9>& levels = abstract[int_attribute(node, "w:abstractNumId", -1)];
      for (const pugi::xml_node& lvl : node.children("w:lvl")) {
        const int index = int_attribute(lvl, "w:ilvl", -1);
        if (index < 0 || index > 8) continue;
        Level& level = levels[static_cast<size_t>(index)];
        level.format = lvl.child("w:numFmt").attribute("w:val").as_string("decimal");
        level.text = lvl.child("w:lvlText").attribute("w:val").as_string("");
        level.start = int_attribute(lvl.child("w:start"), "w:val", 1);
      }
    }
    for (const pugi::xml_node& node : root.children("w:num")) {
      const int id = int_attribute(node, "w:numId", -1);
      const int abstract_id = int_attribute(node.child("w:abstractNumId"), "w:val", -1);
      auto found = abstract.find(abstract_id);
      if (found == abstract.end()) continue;
      List& list = lists_[id];
      list.levels = found->second;
      for (const pugi::xml_node& override : node.children("w:lvlOverride")) {
        const int index = int_attribute(override, "w:ilvl", -1);
        if (index >= 0 && index <= 8 && override.child("w:startOverride"))
          list.levels[static_cast<size_t>(index)].start = int_attribute(override.child("w:startOverride"), "w:val", 1);
      }
    }
  }

  // The number text of paragraph `properties` (its w:pPr): from its own numPr, else its style's; "" when it is not
  // in a list, or a bulleted one.
  std::string next(const pugi::xml_node& properties) {
    const pugi::xml_node number = properties.child("w:numPr");
    auto style = style_lists_.find(properties.child("w:pStyle").attribute("w:val").as_string(""));
    if (!number && style == style_lists_.end()) return "";
    const std::pair<int, int> inherited = style == style_lists_.end() ? std::pair{-1, 0} : style->second;
    return next(int_attribute(number.child("w:numId"), "w:val", inherited.first),
                int_attribute(number.child("w:ilvl"), "w:val", inherited.second));
  }

 private:
  // The number text of the next paragraph of list `id` at `level` ("三、", "（二）", "1."); "" for bullets.
  std::string next(int id, int level) {
    auto found = lists_.find(id);
    if (found == lists_.end() || level < 0 || level > 8) return "";
    List& list = found->second;
    const size_t at = static_cast<size_t>(level);
    list.counters[at] = list.started[at] ? list.counters[at] + 1 : list.levels[at].start;
    list.started[at] = true;
    for (size_t deeper = at + 1; deeper < 9; ++deeper) list.started[deeper] = false;
    if (list.levels[at].format == "bullet" || list.levels[at].format == "none") return "";
    std::string out;
    const std::string& pattern = list.levels[at].text;
    for (size_t i = 0; i < pattern.size(); ++i) {
      if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
        const size_t referenced = static_cast<size_t>(pattern[i + 1] - '1');
        out += format(list.levels[referenced].format, list.counters[referenced]);
        ++i;
      } else {
        out += pattern[i];
      }
    }
    return out;
  }

  struct Level {
    std::string format = "decimal";
    std::string text;
    int start = 1;
  };
  struct List {
    std::array<Level, 9> levels;
    std::array<int, 9> counters{};
    std::array<bool, 9> started{};
  };

  static std::string format(const std::string& format, int value) {
    const uint32_t n = value < 0 ? 0 : static_cast<uint32_t>(value);
    if (format.starts_with("chinese") || format.starts_with("ideograph") || format.starts_with("japaneseCounting") ||
        format == "taiwaneseCounting" || format == "taiwaneseCountingThousand")
      return readers::chinese_numeral(n);
    if (format == "upperLetter") return letters(n, 'A');
    if (format == "lowerLetter") return letters(n, 'a');
    if (format == "upperRoman") return roman(n, true);
    if (format == "lowerRoman") return roman(n, false);
    return std::to_string(n);
  }

  std::map<int, List> lists_;
  std::map<std::string, std::pair<int, int>> style_lists_;  // style id -> list id and level
};

class DocxReader {
 public:
  DocxReader(SourceDocument& document, Numbering& numbering) : builder_(document), numbering_(numbering) {}

  void body(const pugi::xml_node& node, int depth) {
    if (depth > kMaxDepth) return;
    for (const pugi::xml_node& child : node.children()) {
      if (named(child, "w:p")) {
        ++paragraph_;
        SourceLocation location;
        location.kind = SourceLocation::Kind::Paragraph;
        location.paragraph = paragraph_;
        paragraph(child, location, false);
      } else if (named(child, "w:tbl")) {
        table(child, depth);
      } else if (named(child, "w:sdt")) {
        body(child.child("w:sdtContent"), depth + 1);
      }
    }
  }

 private:
  // A body paragraph becomes a line of the text (a manual line break <w:br/> starts another one); in a cell, all its
  // text joins the cell's.
  void paragraph(const pugi::xml_node& node, const SourceLocation& location, bool in_cell, Fragment* cell = nullptr) {
    Fragment line;
    Fragment& out = in_cell ? *cell : line;
    add(out, numbering_.next(node.child("w:pPr")), location);
    runs(node, out, location, in_cell, 0);
    if (!in_cell) builder_.paragraph(line);
  }

  void runs(const pugi::xml_node& node, Fragment& out, const SourceLocation& location, bool in_cell, int depth) {
    if (depth > kMaxDepth) return;
    for (const pugi::xml_node& child : node.children()) {
      const std::string_view name = child.name();
      if (name == "w:t") {
        add(out, child.text().get(), location);
      } else if (name == "w:tab") {
        add(out, " ", location);
      } else if ((name == "w:br" || name == "w:cr") && !in_cell) {
        builder_.paragraph(out);
        out = Fragment();
      } else if (name == "w:pPr" || name == "w:rPr" || name == "w:del" || name == "w:instrText" ||
                 name == "w:delText" || name == "w:drawing" || name == "w:pict" || name == "mc:Fallback" ||
                 name == "w:fldData") {
        // Formatting, deleted revisions, field codes (their results are runs), drawings and the duplicate
        // content of compatibility fallbacks carry no text of the paragraph.
      } else {
        runs(child, out, location, in_cell, depth + 1);  // w:r, w:hyperlink, w:fldSimple, w:ins, w:smartTag…
      }
    }
  }

  // Text has no source bytes here: a running count stands in for them, so that the spans of one paragraph or cell
  // merge into one and carry its location.
  void add(Fragment& out, std::string_view text, const SourceLocation& location) {
    out.add_text(text, position_, location);
    position_ += text.size();
  }

  static bool holds_table(const pugi::xml_node& table) {
    for (const pugi::xml_node& row : table.children("w:tr"))
      for (const pugi::xml_node& cell : row.children("w:tc"))
        if (cell.child("w:tbl")) return true;
    return false;
  }

  // A table onto its grid: gridSpan widens a cell, a vMerge continuation is an empty slot under the merged cell's
  // text. A table holding tables is layout: its cells are read as body.
  void table(const pugi::xml_node& node, int depth) {
    if (holds_table(node)) {
      for (const pugi::xml_node& row : node.children("w:tr"))
        for (const pugi::xml_node& cell : row.children("w:tc")) body(cell, depth + 1);
      return;
    }
    ++table_;
    std::vector<std::vector<SpannedCell>> rows;
    uint32_t row_number = 0;
    for (const pugi::xml_node& row : node.children("w:tr")) {
      ++row_number;
      std::vector<SpannedCell>& cells = rows.emplace_back();
      uint32_t column = 1;
      auto skip = [&](int count) {
        for (int i = 0; i < count && i < 1000; ++i, ++column) cells.emplace_back();
      };
      skip(int_attribute(row.child("w:trPr").child("w:gridBefore"), "w:val", 0));
      for (const pugi::xml_node& cell : row.children("w:tc")) {
        SpannedCell spanned;
        const pugi::xml_node properties = cell.child("w:tcPr");
        spanned.colspan = static_cast<size_t>(std::clamp(int_attribute(properties.child("w:gridSpan"), "w:val", 1), 1, 1000));
        SourceLocation location;
        location.kind = SourceLocation::Kind::TableCell;
        location.table = table_;
        location.row = row_number;
        location.column = column;
        const pugi::xml_node merge = properties.child("w:vMerge");
        const bool continuation = merge && std::string_view(merge.attribute("w:val").as_string("continue")) != "restart";
        spanned.fragment.set_anchor(position_, location);
        if (!continuation)
          for (const pugi::xml_node& paragraph_node : cell.children("w:p"))
            paragraph(paragraph_node, location, true, &spanned.fragment);
        column += static_cast<uint32_t>(spanned.colspan);
        cells.push_back(std::move(spanned));
      }
    }
    builder_.table(readers::expand_spans(std::move(rows)));
  }

  readers::ReportTextBuilder builder_;
  Numbering& numbering_;
  uint32_t paragraph_ = 0;
  uint32_t table_ = 0;
  size_t position_ = 0;
};

std::unique_ptr<pugi::xml_document> parse_part(const std::string& xml, const char* name) {
  auto document = std::make_unique<pugi::xml_document>();
  const pugi::xml_parse_result result = document->load_buffer(xml.data(), xml.size(), pugi::parse_default);
  if (!result)
    throw SourceReadError(std::string("不是有效的 DOCX 文件：") + name + " 不是有效的 XML (not a valid DOCX file: " +
                          name + " is not well-formed XML: " + result.description() + ")");
  return document;
}

}  // namespace

SourceDocument read_docx(std::string_view bytes) {
  SourceDocument document;
  document.format = SourceFormat::Docx;
  const readers::ZipArchive archive(bytes);
  const std::optional<std::string> main = archive.read("word/document.xml", kMaxPartSize);
  if (!main)
    throw SourceReadError("不是 Word 文档：没有 word/document.xml (not a Word document: no word/document.xml)");
  std::unique_ptr<pugi::xml_document> numbering_xml, styles_xml;
  if (const std::optional<std::string> numbering = archive.read("word/numbering.xml", kMaxPartSize))
    numbering_xml = parse_part(*numbering, "word/numbering.xml");
  if (const std::optional<std::string> styles = archive.read("word/styles.xml", kMaxPartSize))
    styles_xml = parse_part(*styles, "word/styles.xml");
  Numbering numbering(numbering_xml.get(), styles_xml.get());
  const std::unique_ptr<pugi::xml_document> xml = parse_part(*main, "word/document.xml");
  DocxReader(document, numbering).body(xml->child("w:document").child("w:body"), 0);
  if (!document.text.empty()) document.text += '\n';
  return document;
}

}  // namespace xxgk
