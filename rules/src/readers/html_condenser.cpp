#include "readers/html_condenser.h"

#include <algorithm>

namespace xxgk::readers {

namespace {

// The page as the HTML tokenizer reads it (https://html.spec.whatwg.org/#tokenization), as far as the condenser
// needs: where each tag, comment and raw text ends, and where a start tag's attributes stand.

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_lower(std::string_view text, std::string_view lower_case) {
  return text.size() == lower_case.size() &&
         std::equal(text.begin(), text.end(), lower_case.begin(), [](char a, char b) { return lower(a) == b; });
}

// What a start tag means to the condenser.
enum class TagKind {
  Plain,
  Unfollowed,   // svg, math, frameset, plaintext, template: the page is left as it is
  Select,
  EndsSelect,   // input, keygen (textarea also ends a select, and is RawText)
  Script,
  Style,
  RawText,      // title, textarea, xmp, iframe, noembed, noframes: their text runs to their end tag
};

TagKind kind_of(std::string_view name) {
  const LowerName lower(name);
  const std::string_view n = lower.view();
  switch (n.size()) {
    case 3: return n == "svg" ? TagKind::Unfollowed : n == "xmp" ? TagKind::RawText : TagKind::Plain;
    case 4: return n == "math" ? TagKind::Unfollowed : TagKind::Plain;
    case 5:
      return n == "title" ? TagKind::RawText : n == "input" ? TagKind::EndsSelect : n == "style" ? TagKind::Style
                                                                                                 : TagKind::Plain;
    case 6:
      return n == "select"   ? TagKind::Select
             : n == "script" ? TagKind::Script
             : n == "iframe" ? TagKind::RawText
             : n == "keygen" ? TagKind::EndsSelect
                             : TagKind::Plain;
    case 7: return n == "noembed" ? TagKind::RawText : TagKind::Plain;
    case 8:
      return n == "frameset" || n == "template" ? TagKind::Unfollowed
             : n == "textarea" || n == "noframes" ? TagKind::RawText
                                                  : TagKind::Plain;
    case 9: return n == "plaintext" ? TagKind::Unfollowed : TagKind::Plain;
    default: return TagKind::Plain;
  }
}

// Attributes that change the tree the parser builds or that the reader reads.
bool is_kept_attribute(std::string_view name) {
  switch (name.size()) {
    case 4: return equals_lower(name, "name") || equals_lower(name, "type");
    case 6: return equals_lower(name, "prompt");
    case 7: return equals_lower(name, "rowspan") || equals_lower(name, "colspan") || equals_lower(name, "content");
    default: return false;
  }
}

struct Attribute {
  size_t space_begin;  // the white space before the name (== name_begin when there is none)
  size_t name_begin;
  size_t name_end;
  size_t end;  // after the value, or after the name when there is none
};

struct Tag {
  std::string_view name;
  size_t end = 0;  // after the '>'
  std::vector<Attribute> attributes;
};

// Reads the tag whose name starts at `name_begin` (after "<" or "</") into `tag` (whose attribute vector is reused
// from tag to tag); false when the page ends inside it.
bool read_tag(std::string_view page, size_t name_begin, Tag& tag) {
  tag.attributes.clear();
  size_t i = name_begin;
  while (i < page.size() && !is_space(page[i]) && page[i] != '/' && page[i] != '>') ++i;
  tag.name = page.substr(name_begin, i - name_begin);
  while (i < page.size()) {
    // before attribute name (also after a quoted value, and after a '/' that does not close the tag)
    const size_t space_begin = i;
    while (i < page.size() && is_space(page[i])) ++i;
    if (i >= page.size()) return false;
    if (page[i] == '>') {
      tag.end = i + 1;
      return true;
    }
    if (page[i] == '/') {
      ++i;
      continue;
    }
    Attribute attribute{space_begin, i, i, i};
    ++i;  // the first character belongs to the name, even when it is '='
    while (i < page.size() && !is_space(page[i]) && page[i] != '/' && page[i] != '>' && page[i] != '=') ++i;
    attribute.name_end = attribute.end = i;
    // after attribute name
    size_t j = i;
    while (j < page.size() && is_space(page[j])) ++j;
    if (j >= page.size()) return false;
    if (page[j] == '=') {
      // before attribute value
      ++j;
      while (j < page.size() && is_space(page[j])) ++j;
      if (j >= page.size()) return false;
      if (page[j] == '"' || page[j] == '\'') {
        const size_t close = page.find(page[j], j + 1);
        if (close == std::string_view::npos) return false;
        i = close + 1;
      } else if (page[j] == '>') {
        i = j;  // a missing value: the tag ends here
      } else {
        while (j < page.size() && !is_space(page[j]) && page[j] != '>') ++j;
        i = j;
      }
      attribute.end = i;
    }
    tag.attributes.push_back(attribute);
  }
  return false;
}

// Where the raw text of element `name` (script, style, title…) ends: the first "</name" followed by white space,
// '/' or '>'; npos when there is none.
size_t raw_text_end(std::string_view page, size_t from, std::string_view name) {
  for (size_t at = page.find("</", from); at != std::string_view::npos; at = page.find("</", at + 2)) {
    const size_t after = at + 2 + name.size();
    if (after < page.size() && equals_lower(page.substr(at + 2, name.size()), name) &&
        (is_space(page[after]) || page[after] == '/' || page[after] == '>'))
      return at;
  }
  return std::string_view::npos;
}

// How many bytes of a white-space run to keep: its first two characters, a CR LF pair counting as one.
size_t kept_space(std::string_view run) {
  size_t kept = 0;
  for (int characters = 0; characters < 2 && kept < run.size(); ++characters)
    kept += run.substr(kept).starts_with("\r\n") ? 2 : 1;
  return kept;
}

}  // namespace

LowerName::LowerName(std::string_view name) : size_(name.size()) {
  if (size_ <= sizeof buffer_) std::transform(name.begin(), name.end(), buffer_, lower);
}

CondensedPage::CondensedPage(std::string_view page, size_t origin, bool condense) : origin_(origin) {
  if (!condense || !this->condense(page)) {
    text_.assign(page);
    cuts_.clear();
  }
}

CondensedPage::Cursor CondensedPage::cursor(size_t offset) const {
  const auto next = std::partition_point(cuts_.begin(), cuts_.end(), [&](const Cut& cut) { return cut.at <= offset; });
  return Cursor(*this, static_cast<size_t>(next - cuts_.begin()));
}

size_t CondensedPage::Cursor::source_offset(size_t offset) {
  const std::vector<Cut>& cuts = page_.cuts_;
  while (next_ < cuts.size() && cuts[next_].at <= offset) ++next_;
  return page_.origin_ + offset + (next_ > 0 ? cuts[next_ - 1].removed : 0);
}

bool CondensedPage::Cursor::unbroken_until(size_t end) const {
  return next_ >= page_.cuts_.size() || page_.cuts_[next_].at >= end;
}

bool CondensedPage::condense(std::string_view page) {
  text_.reserve(page.size() / 2);
  size_t copied = 0;   // page[0, copied) is in text_ or was removed
  size_t removed = 0;
  const auto remove = [&](size_t begin, size_t end) {
    if (end <= begin) return;
    text_.append(page.substr(copied, begin - copied));
    removed += end - begin;
    if (!cuts_.empty() && cuts_.back().at == text_.size()) cuts_.back().removed = removed;
    else cuts_.push_back({text_.size(), removed});
    copied = end;
  };
  bool in_select = false;  // raw-text elements are not raw there (the parser ignores their tags)
  bool after_markup = true;  // page[i] follows a tag, a comment or the page's start, not text
  Tag tag;
  size_t i = 0;
  while (i < page.size()) {
    const size_t open = page.find('<', i);
    if (open == std::string_view::npos || open + 1 >= page.size()) break;
    const char next = page[open + 1];
    const bool start_tag = is_alpha(next);
    if (!start_tag && next != '!' && next != '?' && next != '/') {  // a '<' that is text
      i = open + 1;
      after_markup = false;
      continue;
    }
    // White space between two pieces of markup (not white space that ends a text).
    const std::string_view run = page.substr(i, open - i);
    if (after_markup && !run.empty() && std::all_of(run.begin(), run.end(), is_space))
      remove(i + kept_space(run), open);
    after_markup = true;
    if (next == '!' && page.substr(open, 4) == "<!--") {
      // A comment ends at the first "-->" or "--!>" ("<!-->" and "<!--->" are empty comments, left as they are).
      const size_t body = open + 4;
      if (page.substr(body).starts_with(">") || page.substr(body).starts_with("->")) {
        i = page.find('>', body) + 1;
        continue;
      }
      const size_t dashes = std::min(page.find("-->", body), page.find("--!>", body));
      if (dashes == std::string_view::npos) return false;
      remove(body, dashes);
      i = page.find('>', dashes) + 1;
      continue;
    }
    if (!start_tag) {
      // An end tag, a doctype, or a bogus comment (<!…>, <?…>, </…>): kept as it is, up to its end.
      if (next == '/' && open + 2 < page.size() && is_alpha(page[open + 2])) {
        if (!read_tag(page, open + 2, tag)) return false;
        if (kind_of(tag.name) == TagKind::Select) in_select = false;
        i = tag.end;
      } else {
        const size_t close = page.find('>', open + 2);
        if (close == std::string_view::npos) return false;
        i = close + 1;
      }
      continue;
    }
    if (!read_tag(page, open + 1, tag)) return false;
    const TagKind kind = kind_of(tag.name);
    if (kind == TagKind::Unfollowed) return false;
    for (const Attribute& attribute : tag.attributes) {
      if (is_kept_attribute(page.substr(attribute.name_begin, attribute.name_end - attribute.name_begin))) continue;
      if (attribute.space_begin == attribute.name_begin) continue;  // glued to what precedes it: left as it is
      // With the white space before it, unless that would join a '/' to the tag's end (making it self-closing), or
      // the next attribute follows without white space.
      const char after = page[attribute.end];
      const bool separated = is_space(after) || after == '/' || after == '>';
      const bool after_slash = page[attribute.space_begin - 1] == '/';
      remove(separated && !after_slash ? attribute.space_begin : attribute.name_begin, attribute.end);
    }
    i = tag.end;
    if (kind == TagKind::Select) in_select = true;
    if (kind == TagKind::EndsSelect) in_select = false;
    const bool script = kind == TagKind::Script;
    const bool style = kind == TagKind::Style;
    if (!script && !style && kind != TagKind::RawText) continue;
    const LowerName name(tag.name);
    if (name == "textarea") in_select = false;  // it ends a select, and then its text is raw
    if (in_select && !script) return false;
    const size_t end = raw_text_end(page, i, name.view());
    if (end == std::string_view::npos) return false;
    const std::string_view content = page.substr(i, end - i);
    if (script || style) {
      // A script's "<!--" can hide its end tag; a style sheet's '<' would be markup where its tag is ignored.
      if (content.find(script ? "<!--" : "<") != std::string_view::npos) return false;
      remove(i, end);
    }
    i = end;
  }
  text_.append(page.substr(copied));
  return true;
}

}  // namespace xxgk::readers
