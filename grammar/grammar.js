/**
 * Tree-sitter grammar for Chinese government information-disclosure annual
 * reports (政府信息公开工作年度报告) as plain text or light Markdown.
 *
 * The grammar is line-oriented and deliberately tiny: every token is produced
 * by the external scanner (src/scanner.c), which classifies a whole line at
 * its first token and emits whole-line / whole-cell tokens. The LR grammar
 * only arranges those tokens into blocks. Any sequence of text lines is a
 * valid document: a line that is nothing else is a paragraph `line`.
 *
 * Node kinds (the document model depends on these names):
 *   document, title, heading (atx_marker? numeral heading_text?),
 *   subheading (atx_marker? item_number subheading_text?), paragraph (line+),
 *   table (row | delimiter_row | blank)+, row (cell | "\t" | "|")+,
 *   delimiter_row, blank, html_comment.
 */
module.exports = grammar({
  name: 'xxgk_report',

  // Order matters: it must match `enum TokenType` in src/scanner.c.
  externals: $ => [
    $.title,            // a title line (text only; see _title_marker)
    $._title_marker,    // the `#` of an ATX title, hidden from the tree
    $.line,             // one paragraph line
    $.atx_marker,       // `#`..`######` before a heading/subheading
    $.numeral,          // 一 / 二 / … / 十一 of a section heading
    $._heading_sep,     // the 、 after the numeral (shown as anonymous '、')
    $.heading_text,
    $.item_number,      // （一） / (一)
    $.subheading_text,
    $.cell,             // a non-empty table cell
    $._tab,             // tab separator (shown as anonymous '\t')
    $._pipe,            // pipe separator (shown as anonymous '|')
    $._delimiter_text,  // the text of a GFM delimiter row
    $.blank,            // an empty / whitespace-only line, terminator included
    $._table_blank,     // a blank line followed (after blanks) by another row
    $.html_comment,     // <!-- ... -->, possibly spanning lines
    $._eol,             // line terminator (\n, \r\n, \r) or end of input
    $._row_eol,         // the same, ending a row or delimiter row
    $._error_sentinel,  // never valid: tells the scanner it is in error recovery
  ],

  extras: $ => [],

  rules: {
    // Leading region (titles, blank lines, comments) followed by the body.
    // Titles are only reachable before the first heading/paragraph/table.
    document: $ => optional(choice(
      seq(repeat1($._preamble_item), optional($._body)),
      $._body,
    )),

    _preamble_item: $ => choice(
      $._title_line,
      $.blank,
      $._comment_line,
    ),

    _title_line: $ => seq(optional($._title_marker), $.title, $._eol),

    _comment_line: $ => seq($.html_comment, $._eol),

    _body: $ => seq($._content_block, repeat($._block)),

    _block: $ => choice(
      $._content_block,
      $.blank,
      $._comment_line,
    ),

    _content_block: $ => choice(
      $.heading,
      $.subheading,
      $.paragraph,
      $.table,
    ),

    heading: $ => seq(
      optional($.atx_marker),
      $.numeral,
      alias($._heading_sep, '、'),
      optional($.heading_text),
      $._eol,
    ),

    subheading: $ => seq(
      optional($.atx_marker),
      $.item_number,
      optional($.subheading_text),
      $._eol,
    ),

    paragraph: $ => prec.right(repeat1(seq($.line, $._eol))),

    table: $ => prec.right(seq(
      $._table_line,
      repeat(choice($._table_line, alias($._table_blank, $.blank))),
    )),

    _table_line: $ => choice($.row, $.delimiter_row),

    // (cell? separator)+ cell? — two tokens per repeat step keeps the number of
    // reductions (the main parsing cost) low.
    row: $ => seq(
      repeat1(seq(
        optional($.cell),
        choice(alias($._tab, '\t'), alias($._pipe, '|')),
      )),
      optional($.cell),
      $._row_eol,
    ),

    delimiter_row: $ => seq($._delimiter_text, $._row_eol),
  },
});
