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
 * Parsing costs about the same per token and per reduction, whatever their
 * size, so the tree has as few of both as it can: line terminators are not
 * tokens but padding of the next token, and a table row is a single token.
 *
 * Node kinds (the document model depends on these names):
 *   document, title, heading (atx_marker? numeral heading_text?),
 *   subheading (atx_marker? item_number subheading_text?), paragraph (line+),
 *   table (row | delimiter_row | blank)+, row, delimiter_row, blank,
 *   html_comment.
 * A row node spans its line from its first separator or character that is not
 * whitespace to the end of the line (without the terminator); a row of
 * separators only ends at its last separator. Its cells are what lies between
 * separators, which the tree does not show: the document model splits them.
 */
// Lists are where the reductions are: `repeat(x)` reduces once per element
// (into a binary tree of hidden nodes, rebalanced after the parse). A choice
// of flat sequences reduces once per sequence instead, so lists are written
// as runs of up to `max` elements, each run one reduction.

/** 1 to `max` times `rule`, as one flat sequence of each length. */
function run(rule, max) {
  const lengths = [];
  for (let n = 1; n <= max; n++) lengths.push(seq(...Array(n).fill(rule)));
  return choice(...lengths);
}

/**
 * `rule` one or more times: whole runs of `max` (hidden nodes) and a last run
 * of 1 to `max` that belongs to the list's own node. A run of `max` followed
 * by another element is a whole run (the precedence), so the list goes on.
 */
function many1(rule, max) {
  return seq(repeat(prec(1, seq(...Array(max).fill(rule)))), run(rule, max));
}

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
    $.row,              // a table row: a line with a tab or an unescaped `|`
    $.delimiter_row,    // the text of a GFM delimiter row
    $.blank,            // an empty / whitespace-only line, terminator included
    $._table_blank,     // a blank line followed (after blanks) by another row
    $.html_comment,     // <!-- ... -->, possibly spanning lines
    $._end,             // zero-width: the end of input after a last terminator
    $._error_sentinel,  // never valid: tells the scanner it is in error recovery
  ],

  extras: $ => [],

  rules: {
    // Leading region (titles, blank lines, comments) followed by the body.
    // Titles are only reachable before the first heading/paragraph/table.
    document: $ => seq(
      optional(choice(
        seq(many1($._preamble_item, 8), optional($._body)),
        $._body,
      )),
      optional($._end),
    ),

    _preamble_item: $ => choice(
      $._title_line,
      $.blank,
      $.html_comment,
    ),

    _title_line: $ => seq(optional($._title_marker), $.title),

    _body: $ => seq($._content_block, optional(many1($._block, 16))),

    _block: $ => choice(
      $._content_block,
      $.blank,
      $.html_comment,
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
    ),

    subheading: $ => seq(
      optional($.atx_marker),
      $.item_number,
      optional($.subheading_text),
    ),

    paragraph: $ => prec.right(many1($.line, 8)),

    table: $ => prec.right(seq($._table_line, optional(many1($._table_item, 16)))),

    _table_line: $ => choice($.row, $.delimiter_row),

    _table_item: $ => choice($._table_line, alias($._table_blank, $.blank)),
  },
});
