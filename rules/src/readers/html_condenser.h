// A web page with the bytes the HTML parser need not see taken out, so that it parses several times faster, and the
// way back from every byte it keeps to where that byte stands in the page.
//
// Published report pages are mostly markup the reader never looks at: inline style attributes on every table cell
// (half of a typical 120 KB page), scripts, comments and indentation. The parser's time grows with every byte it
// is given (it handles a page character by character), so these are removed before parsing:
//  - attributes other than the few that shape the tree or the report (rowspan, colspan, a <meta>'s name and content,
//    an <input>'s type, an <isindex>'s prompt);
//  - the contents of scripts and style sheets, and of comments (the empty element or comment stays);
//  - a run of white space between two tags beyond its first two characters (the parser may drop one line break after
//    <pre>; a run is read as one space anyway).
// Nothing is removed from text, so every text node is the same and its characters map back byte for byte. Markup
// whose tokenising the condenser does not follow exactly (svg, math, frameset, plaintext, template, a script holding
// "<!--", a style sheet holding "<", a raw-text element inside a <select>, an unterminated tag or comment) leaves the
// page as it is.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::readers {

// A tag or attribute name in ASCII lower case, without allocating: names longer than 15 bytes are none that the
// readers look for, and compare unequal to every name.
class LowerName {
 public:
  explicit LowerName(std::string_view name);
  bool operator==(std::string_view lower_case) const { return size_ <= sizeof buffer_ && view() == lower_case; }
  std::string_view view() const { return {buffer_, size_ <= sizeof buffer_ ? size_ : 0}; }

 private:
  char buffer_[15];
  size_t size_;
};

class CondensedPage {
 public:
  // `page` is what is parsed; `origin` is where it starts in the source (after a byte order mark). Without
  // `condense`, text() is the page as it is (tests compare the two).
  CondensedPage(std::string_view page, size_t origin, bool condense = true);

  // What the parser reads.
  const std::string& text() const { return text_; }
  // Whether anything was removed (false when the page holds markup the condenser leaves alone).
  bool condensed() const { return !cuts_.empty(); }

  // Walks offsets of text() in increasing order, giving the source offset of each: a text node's characters are
  // looked up one after another at constant cost.
  class Cursor {
   public:
    size_t source_offset(size_t offset);
    // Whether text() up to `end` continues byte for byte in the source from the offset last looked up.
    bool unbroken_until(size_t end) const;

   private:
    friend class CondensedPage;
    Cursor(const CondensedPage& page, size_t next) : page_(page), next_(next) {}
    const CondensedPage& page_;
    size_t next_;  // the first cut not yet passed
  };
  // A cursor for offsets from `offset` on.
  Cursor cursor(size_t offset) const;
  // The source offset of one offset of text().
  size_t source_offset(size_t offset) const { return cursor(offset).source_offset(offset); }

 private:
  // Bytes were removed just before text()[at]: `removed` is how many were removed up to there, in all.
  struct Cut {
    size_t at;
    size_t removed;
  };
  bool condense(std::string_view page);
  std::string text_;
  std::vector<Cut> cuts_;
  size_t origin_;
};

}  // namespace xxgk::readers
