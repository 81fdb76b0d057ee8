// Web pages: parsed with Gumbo (an HTML5 parser that keeps every node's source offset), the report's body found among
// the page chrome, its paragraphs and tables written as report text with a map back to the page's source.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>

#include "readers/html_condenser.h"
#include "readers/html_reader.h"
#include "readers/report_text_builder.h"
#include "xxgk/charset.h"
#include "xxgk/positions.h"
#include "xxgk/source_reader.h"

namespace xxgk {

namespace {

using readers::CondensedPage;
using readers::LowerName;
using readers::Fragment;
using readers::ReportTextBuilder;
using readers::SpannedCell;

// Pages hold a few thousand tags nested a few dozen deep. The parser's time grows with the number of tags times their
// nesting (100,000 nested <div> take it a minute), so a page far beyond these bounds is refused before parsing.
constexpr size_t kMaxTags = 400'000;
constexpr size_t kMaxNesting = 2'000;
constexpr int kMaxDepth = 400;  // the reader's own walks stop here

// Gumbo allocates every node, string and vector on its own and frees them one by one: a third of the time of reading
// a page went to malloc and free. The arena hands out memory from large blocks and releases it all at once with the
// parse tree (whose size is bounded by the page's: tags, text and attributes, a few times over).
//
// The blocks double from 64 KB to 1 MB: a page of a few kilobytes (an excerpt, a fragment pasted into an editor)
// needs one small block, and a published page of 100 KB a few. A first block of a whole megabyte cost more than the
// parse of a small page: the memory is fresh pages each time (and, under AddressSanitizer, a mapping of its own with
// a megabyte of shadow to poison and unpoison), a third of the time of reading a 4 KB page in the fuzzer.
class Arena {
 public:
  static void* allocate(void* self, size_t size) { return static_cast<Arena*>(self)->take(size); }
  static void release(void*, void*) {}

 private:
  static constexpr size_t kFirstBlock = 64u << 10;
  static constexpr size_t kLargestBlock = 1u << 20;
  void* take(size_t size) {
    size = (size + 15) & ~size_t{15};  // operator new[] aligns blocks to 16
    // Blocks are left uninitialised (new[], not make_unique, which would clear each of them first).
    if (size > kLargestBlock / 4) return blocks_.emplace_back(new std::byte[size]).get();
    if (!current_ || used_ + size > block_size_) {
      block_size_ = current_ ? std::min(2 * block_size_, kLargestBlock) : kFirstBlock;
      while (block_size_ < size) block_size_ *= 2;
      current_ = blocks_.emplace_back(new std::byte[block_size_]).get();
      used_ = 0;
    }
    void* taken = current_ + used_;
    used_ += size;
    return taken;
  }
  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::byte* current_ = nullptr;
  size_t block_size_ = 0;
  size_t used_ = 0;
};

// The page as UTF-8 and the charset it was read from. A page that is valid UTF-8 is read as UTF-8 whatever its <meta>
// says (GBK text is practically never valid UTF-8, while pages converted to UTF-8 often keep a stale charset=gb2312,
// and an editor's buffer is UTF-8 already); any other page is read as GB18030, the superset of the GBK and GB2312
// that older government sites serve. Bytes valid in neither are left to the parser, which reads them as U+FFFD.
std::pair<std::string, std::string> decode_page(std::string_view bytes) {
  if (is_valid_utf8(bytes)) return {std::string(bytes), "UTF-8"};
  if (std::optional<std::string> text = convert_to_utf8("GB18030", bytes)) return {std::move(*text), "GB18030"};
  return {std::string(bytes), "UTF-8"};
}

// Elements the parser closes by itself (p, li, td, tr…) or that have no content (br, img…): they do not nest.
bool is_flat(std::string_view name) {
  const auto any = [&](std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  switch (name.size()) {
    case 1: return name == "p";
    case 2: return any({"li", "td", "th", "tr", "dt", "dd", "br", "hr"});
    case 3: return any({"img", "col", "wbr"});
    case 4: return any({"meta", "link", "area", "base"});
    case 5: return any({"thead", "tbody", "tfoot", "input", "param", "embed", "track"});
    case 6: return any({"option", "source"});
    case 8: return name == "colgroup";
    default: return false;
  }
}

// How deep the page's elements nest at most, counted from the tags as written: flat elements do not count, and
// script and style contents are skipped.
size_t nesting_estimate(std::string_view page) {
  size_t depth = 0, deepest = 0;
  for (size_t at = page.find('<'); at != std::string_view::npos; at = page.find('<', at + 1)) {
    const bool closing = at + 1 < page.size() && page[at + 1] == '/';
    size_t name_begin = at + (closing ? 2 : 1), name_end = name_begin;
    while (name_end < page.size() && std::isalnum(static_cast<unsigned char>(page[name_end]))) ++name_end;
    if (name_end == name_begin) continue;
    const LowerName name(page.substr(name_begin, name_end - name_begin));
    if (is_flat(name.view())) continue;
    if (closing) {
      depth -= depth > 0 ? 1 : 0;
      continue;
    }
    const size_t tag_end = page.find('>', name_end);
    if (tag_end == std::string_view::npos) break;
    if (page[tag_end - 1] == '/') continue;
    if (name == "script" || name == "style") {
      size_t content_end = page.find("</", tag_end);
      while (content_end != std::string_view::npos &&
             LowerName(page.substr(content_end + 2, name.view().size())) != name.view())
        content_end = page.find("</", content_end + 2);
      if (content_end == std::string_view::npos) break;
      at = content_end;  // its closing tag is passed over, as its opening tag was not counted
      continue;
    }
    deepest = std::max(deepest, ++depth);
  }
  return deepest;
}

bool is_skipped_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH: case GUMBO_TAG_TITLE: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
      return true;
    default:
      return false;
  }
}

// Elements after which text starts on a new line.
bool is_block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_CENTER: case GUMBO_TAG_PRE:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HR:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_ASIDE: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_CAPTION: case GUMBO_TAG_BR:
      return true;
    default:
      return false;
  }
}

// A report's title: a short line naming a report ("…2024年度政府信息公开工作年度报告"), not the opening sentence
// ("本报告根据《中华人民共和国政府信息公开条例》…").
bool looks_like_title(std::string_view line) {
  return line.find("报告") != std::string_view::npos && line.size() <= 200 && line.find("。") == std::string_view::npos;
}

// Elements that hold a page's parts, one of which is the report's body (not a paragraph or a table row).
bool is_container_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_HTML:
      return true;
    default:
      return false;
  }
}

bool is_text_node(const GumboNode* node) {
  return node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA;
}

bool is_element(const GumboNode* node, GumboTag tag) {
  return node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

const GumboVector& children_of(const GumboNode* node) {
  return node->type == GUMBO_NODE_TEMPLATE || node->type == GUMBO_NODE_ELEMENT ? node->v.element.children
                                                                               : node->v.document.children;
}

GumboNode* child(const GumboVector& children, unsigned i) { return static_cast<GumboNode*>(children.data[i]); }

// Length of a character reference at `raw` ("&nbsp;", "&#20013;", "&lt"), 0 when `raw` does not start with one.
size_t reference_length(std::string_view raw) {
  if (raw.size() < 2 || raw[0] != '&') return 0;
  size_t i = 1;
  if (raw[i] == '#') ++i;
  if (i < raw.size() && (raw[i] == 'x' || raw[i] == 'X') && raw[1] == '#') ++i;
  const size_t name_begin = i;
  while (i < raw.size() && std::isalnum(static_cast<unsigned char>(raw[i]))) ++i;
  if (i == name_begin) return 0;
  if (i < raw.size() && raw[i] == ';') ++i;
  return i;
}

// Adds a text node's decoded text to `fragment`, each character mapped to its bytes in the source: the parser gives
// the decoded text and the raw text it came from, which differ at character references and carriage returns.
void add_text_node(const GumboNode* node, const CondensedPage& page, Fragment& fragment) {
  const GumboText& text = node->v.text;
  const std::string_view decoded(text.text);
  const std::string_view raw(text.original_text.data, text.original_text.length);
  const size_t parsed = static_cast<size_t>(text.original_text.data - page.text().data());
  CondensedPage::Cursor cursor = page.cursor(parsed);
  const auto source = [&](size_t i) { return cursor.source_offset(parsed + i); };  // i never decreases
  const size_t begin = source(0);
  if (decoded == raw && cursor.unbroken_until(parsed + raw.size()))
    return fragment.add_text(decoded, begin);  // most text: no references, no carriage returns
  size_t i = 0, j = 0;
  while (j < decoded.size()) {
    size_t length = 0;
    decode_utf8(decoded, j, length);
    const std::string_view character = decoded.substr(j, length);
    if (i >= raw.size()) {
      // Out of step with the raw text (the parser replaced something): the rest stands at the node's end.
      fragment.add(character, source(raw.size()), 0);
    } else if (const size_t reference = reference_length(raw.substr(i));
               reference > 0 && !decoded.substr(j).starts_with(raw.substr(i, reference))) {
      fragment.add(character, source(i), reference);
      i += reference;
    } else if (raw[i] == '\r' && character == "\n") {
      const size_t size = i + 1 < raw.size() && raw[i + 1] == '\n' ? 2 : 1;
      fragment.add(character, source(i), size);
      i += size;
    } else if (raw.substr(i).starts_with(character)) {
      fragment.add(character, source(i), length);
      i += length;
    } else {
      fragment.add(character, source(i), 0);
    }
    j += length;
  }
}

size_t span_attribute(const GumboNode* cell, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&cell->v.element.attributes, name);
  if (!attribute) return 1;
  size_t value = 0;
  for (const char* c = attribute->value; *c; ++c) {
    if (*c == ' ' && value == 0) continue;
    if (*c < '0' || *c > '9') break;
    value = std::min<size_t>(value * 10 + static_cast<size_t>(*c - '0'), 100'000);
  }
  return std::max<size_t>(value, 1);
}

class HtmlReader {
 public:
  HtmlReader(const CondensedPage& page, SourceDocument& document) : page_(page), builder_(document) {}

  void read(const GumboNode* root) {
    const GumboNode* body = report_body(root);
    add_title(root, body);
    walk(body, 0);
    end_line();
  }

 private:
  // The source offset of a place in the text the parser read.
  size_t offset_of(const char* p) const { return page_.source_offset(static_cast<size_t>(p - page_.text().data())); }

  // Text nodes that start like a section heading or a numbered table label ("一、…") under `node`.
  static size_t heading_marks(const GumboNode* node, int depth, std::vector<std::pair<const GumboNode*, size_t>>& counts) {
    if (is_text_node(node)) {
      std::string_view text(node->v.text.text);
      while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\t' ||
                               text.front() == '\r'))
        text.remove_prefix(1);
      for (std::string_view numeral : {"一、", "二、", "三、", "四、", "五、", "六、"})
        if (text.starts_with(numeral)) return 1;
      return 0;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT && node->type != GUMBO_NODE_TEMPLATE)
      return 0;
    if (node->type != GUMBO_NODE_DOCUMENT && is_skipped_tag(node->v.element.tag)) return 0;
    if (depth > kMaxDepth) return 0;
    size_t sum = 0;
    const GumboVector& children = children_of(node);
    for (unsigned i = 0; i < children.length; ++i) sum += heading_marks(child(children, i), depth + 1, counts);
    if (node->type == GUMBO_NODE_ELEMENT && is_container_tag(node->v.element.tag)) counts.emplace_back(node, sum);
    return sum;
  }

  // The report's body: the deepest container holding every heading-like line of the page (navigation, search boxes
  // and footers hold none), or the whole page when there is none.
  static const GumboNode* report_body(const GumboNode* root) {
    std::vector<std::pair<const GumboNode*, size_t>> counts;  // post-order: children before their parents
    const size_t total = heading_marks(root, 0, counts);
    if (total > 0)
      for (const auto& [node, count] : counts)
        if (count == total) return node;  // the first in post-order is the deepest
    return root;
  }

  // The page's title when the body does not start with one: <meta name="ArticleTitle"> (content management systems
  // write the article's title there), else <title> up to the site's name ("…年度报告_政府信息公开年报_…").
  void add_title(const GumboNode* root, const GumboNode* body) {
    Fragment first;
    first_text(body, first, 0);
    if (looks_like_title(first.text())) return;
    Fragment title;
    if (const GumboNode* meta = find_element(root, 0, [](const GumboNode* node) {
          const GumboAttribute* name = gumbo_get_attribute(&node->v.element.attributes, "name");
          return node->v.element.tag == GUMBO_TAG_META && name && LowerName(name->value) == "articletitle" &&
                 gumbo_get_attribute(&node->v.element.attributes, "content");
        })) {
      const GumboAttribute* content = gumbo_get_attribute(&meta->v.element.attributes, "content");
      // original_value includes the quotes, when there are any.
      const bool quoted = content->original_value.length > 0 &&
                          (content->original_value.data[0] == '"' || content->original_value.data[0] == '\'');
      title.add_text(content->value, offset_of(content->original_value.data) + (quoted ? 1 : 0));
    } else if (const GumboNode* element = find_element(root, 0, [](const GumboNode* node) {
                 return node->v.element.tag == GUMBO_TAG_TITLE && node->v.element.children.length == 1 &&
                        is_text_node(child(node->v.element.children, 0));
               })) {
      const GumboStringPiece& raw = child(element->v.element.children, 0)->v.text.original_text;
      const std::string_view text(raw.data, raw.length);
      title.add_text(text.substr(0, text.find('_')), offset_of(raw.data));
    }
    if (looks_like_title(title.text())) builder_.paragraph(title);
  }

  template <typename Match>
  static const GumboNode* find_element(const GumboNode* node, int depth, const Match& match) {
    if (depth > kMaxDepth) return nullptr;
    if (node->type == GUMBO_NODE_ELEMENT && match(node)) return node;
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return nullptr;
    const GumboVector& children = children_of(node);
    for (unsigned i = 0; i < children.length; ++i)
      if (const GumboNode* found = find_element(child(children, i), depth + 1, match)) return found;
    return nullptr;
  }

  // The first non-empty line of text under `node`.
  bool first_text(const GumboNode* node, Fragment& out, int depth) {
    if (depth > kMaxDepth) return false;
    if (is_text_node(node)) {
      add_text_node(node, page_, out);
      return false;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return false;
    if (node->type == GUMBO_NODE_ELEMENT && is_skipped_tag(node->v.element.tag)) return false;
    const bool block = node->type == GUMBO_NODE_ELEMENT && is_block_tag(node->v.element.tag);
    if (block && !out.empty()) return true;
    const GumboVector& children = children_of(node);
    for (unsigned i = 0; i < children.length; ++i)
      if (first_text(child(children, i), out, depth + 1)) return true;
    return block && !out.empty();
  }

  void end_line() {
    builder_.paragraph(line_);
    line_ = Fragment();
  }

  void walk(const GumboNode* node, int depth) {
    if (is_text_node(node)) return add_text_node(node, page_, line_);
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT && node->type != GUMBO_NODE_TEMPLATE)
      return;
    if (depth > kMaxDepth) return;
    if (node->type == GUMBO_NODE_ELEMENT) {
      const GumboTag tag = node->v.element.tag;
      if (is_skipped_tag(tag)) return;
      if (tag == GUMBO_TAG_TABLE) return table(node, depth);
      if (is_block_tag(tag)) end_line();
    }
    const GumboVector& children = children_of(node);
    for (unsigned i = 0; i < children.length; ++i) walk(child(children, i), depth + 1);
    if (node->type == GUMBO_NODE_ELEMENT && is_block_tag(node->v.element.tag)) end_line();
  }

  // The rows of `table` (through thead/tbody/tfoot, not into nested tables).
  static void collect_rows(const GumboNode* node, std::vector<const GumboNode*>& rows) {
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const GumboNode* c = child(children, i);
      if (is_element(c, GUMBO_TAG_TR)) rows.push_back(c);
      else if (is_element(c, GUMBO_TAG_TBODY) || is_element(c, GUMBO_TAG_THEAD) || is_element(c, GUMBO_TAG_TFOOT))
        collect_rows(c, rows);
    }
  }

  static bool contains_table(const GumboNode* node, int depth) {
    if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxDepth) return false;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const GumboNode* c = child(children, i);
      if (is_element(c, GUMBO_TAG_TABLE) || contains_table(c, depth + 1)) return true;
    }
    return false;
  }

  // A data table becomes rows on its grid. A table used for layout (one holding another table, or one cell wide)
  // is read as the blocks it holds.
  void table(const GumboNode* node, int depth) {
    std::vector<const GumboNode*> rows;
    collect_rows(node, rows);
    bool layout = contains_table(node, depth);
    size_t widest = 0;
    std::vector<std::vector<SpannedCell>> cells(rows.size());
    for (size_t r = 0; r < rows.size() && !layout; ++r) {
      const GumboVector& children = rows[r]->v.element.children;
      for (unsigned i = 0; i < children.length; ++i) {
        const GumboNode* c = child(children, i);
        if (!is_element(c, GUMBO_TAG_TD) && !is_element(c, GUMBO_TAG_TH)) continue;
        SpannedCell cell;
        cell.colspan = span_attribute(c, "colspan");
        cell.rowspan = span_attribute(c, "rowspan");
        cell.fragment.set_anchor(offset_of(c->v.element.original_tag.data), {});
        cell_text(c, cell.fragment, depth + 1);
        cells[r].push_back(std::move(cell));
      }
      widest = std::max(widest, cells[r].size());
    }
    end_line();
    if (layout || widest <= 1) {
      const GumboVector& children = node->v.element.children;
      for (unsigned i = 0; i < children.length; ++i) walk(child(children, i), depth + 1);
      end_line();
      return;
    }
    builder_.table(readers::expand_spans(std::move(cells)));
  }

  // A cell's text on one line: its paragraphs and line breaks are joined (labels are split over several <p>, or one
  // character per <p> in vertical headers).
  void cell_text(const GumboNode* node, Fragment& fragment, int depth) {
    if (depth > kMaxDepth) return;
    if (is_text_node(node)) return add_text_node(node, page_, fragment);
    if (node->type != GUMBO_NODE_ELEMENT || is_skipped_tag(node->v.element.tag)) return;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) cell_text(child(children, i), fragment, depth + 1);
  }

  const CondensedPage& page_;
  ReportTextBuilder builder_;
  Fragment line_;
};

}  // namespace

SourceDocument read_html(std::string_view bytes) { return readers::read_html_page(bytes, true); }

namespace readers {

SourceDocument read_html_page(std::string_view bytes, bool condense) {
  SourceDocument document;
  document.format = SourceFormat::Html;
  auto [source, charset] = decode_page(bytes);
  document.source = std::move(source);
  document.source_encoding = std::move(charset);
  // A byte order mark stays in the source (so that offsets are those of the editor's buffer) but is not parsed.
  const size_t bom = std::string_view(document.source).starts_with("\xEF\xBB\xBF") ? 3 : 0;
  const CondensedPage page(std::string_view(document.source).substr(bom), bom, condense);
  const std::string& parsed = page.text();
  if (static_cast<size_t>(std::count(parsed.begin(), parsed.end(), '<')) > kMaxTags)
    throw SourceReadError("网页标签过多，不是年度报告 (far too many tags for a report page)");
  if (nesting_estimate(parsed) > kMaxNesting)
    throw SourceReadError("网页元素嵌套过深，不是年度报告 (elements nested far too deep for a report page)");
  Arena arena;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  options.allocator = Arena::allocate;
  options.deallocator = Arena::release;
  options.userdata = &arena;
  // The tree lives in the arena: it goes with it, without gumbo_destroy_output.
  const GumboOutput* output = gumbo_parse_with_options(&options, parsed.data(), parsed.size());
  if (!output) throw SourceReadError("网页无法解析 (the page could not be parsed)");
  HtmlReader(page, document).read(output->document);
  if (!document.text.empty()) document.text += '\n';
  return document;
}

}  // namespace readers

}  // namespace xxgk
