/*
 * External scanner for the `xxgk_report` grammar.
 *
 * Every token of the grammar comes from here. Parsing cost is per token and
 * per reduction, so tokens are as few as the tree allows: a line terminator is
 * never a token of its own but padding of the next token, and a table row is
 * one token, whose cells the document model finds between its separators
 * (most tokens of a report would otherwise be cells). The scanner therefore
 * keeps one bit of state, whether the previous token ended inside a line
 * (before its terminator) or at the start of a line; at a terminator that is
 * the difference between "the end of the previous line" and "a blank line".
 *
 * Everything the scanner decides depends only on that bit, on the text from
 * the token start up to the furthest character it read, and on
 * `valid_symbols` (in the leading title region TITLE is valid; right after a
 * table row TABLE_BLANK is valid).
 *
 * Line classification happens at the first token of a line: the scanner reads
 * the whole line (tracking a few features), calling `mark_end` speculatively
 * at the places where the first token could end, and finally picks the class
 * and the token. Candidate ends appear in this order along a line, and a
 * later one is only marked when it can win:
 *   A  after the `#`s of an ATX marker                  heading/subheading/ATX title
 *   N  after the numeral run / I after the item number  heading/subheading without ATX
 *   S  after the leading run of separators              a row of separators only
 *   E  at the line terminator                           line, title, row, delimiter row, comment
 * Rows are classified at the first separator, which is always after A/N/I;
 * classification stops reading there, and the row token is then read on to
 * the end of its line (E), unless the line is separators and whitespace only.
 *
 * Padding rules (what is *not* inside a node): line terminators (except the
 * one a blank line consists of), leading whitespace of a line (spaces, U+3000,
 * U+00A0, U+FEFF/BOM, ... but not tabs), whitespace between an ATX marker or
 * item number and the following text, and whitespace after the last
 * separator of a row of separators only. Text tokens keep their trailing
 * whitespace (the model trims it).
 *
 * Incremental parsing: a paragraph or a table ends because of what the *next*
 * line is. Tree-sitter reuses a node unless an edit touches the node or the
 * look-ahead range of its tokens, so the token of a paragraph line or of a
 * table row reads ahead (past its marked end) over the line that decides
 * whether the block goes on; an edit there then invalidates the block instead of
 * leaving a stale block end.
 *
 * Reading: the text of a line is read with `read_text`, which takes runs of
 * ordinary characters directly from the input instead of one `advance` call
 * per character (direct_input.h); the lexer ends up exactly where `advance`
 * would have left it, so everything above is unaffected.
 *
 * Robustness: no input makes the scanner loop or read out of bounds. NUL bytes
 * are text (end of input is detected with `eof`), invalid UTF-8 arrives as
 * code point -1 and is text, too.
 */
#include "tree_sitter/parser.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "direct_input.h"

#include "xxgk/grammar.h"

_Thread_local bool xxgk_direct_input_enabled = true;
_Thread_local unsigned long xxgk_direct_input_runs = 0;
_Thread_local bool xxgk_direct_mirror_agrees = false;

void tree_sitter_xxgk_report_set_direct_input(bool enabled) { xxgk_direct_input_enabled = enabled; }
unsigned long tree_sitter_xxgk_report_direct_input_runs(void) { return xxgk_direct_input_runs; }

enum TokenType {
  TITLE,
  TITLE_MARKER,
  LINE,
  ATX_MARKER,
  NUMERAL,
  HEADING_SEP,
  HEADING_TEXT,
  ITEM_NUMBER,
  SUBHEADING_TEXT,
  ROW,
  DELIMITER_ROW,
  BLANK,
  TABLE_BLANK,
  HTML_COMMENT,
  END,
  ERROR_SENTINEL,
};

/* Limits from the format contract (code points). */
enum {
  TITLE_MAX_CODE_POINTS = 60,
  HEADING_MAX_CODE_POINTS = 40,
  ATX_MAX_LEVEL = 6,
  /* Bounds on look-ahead across lines, so that no input makes lexing
   * quadratic: blank lines inside a table (a longer run ends the table) and
   * lines of one HTML comment (a longer one is not a comment). */
  TABLE_MAX_BLANK_LINES = 100,
  COMMENT_MAX_LINES = 500,
};

/* ------------------------------------------------------------------------ */
/* Character classes                                                         */

static inline bool is_terminator(int32_t c) { return c == '\n' || c == '\r'; }

/* Whitespace other than tab (tabs separate cells). */
static inline bool is_space(int32_t c) {
  if (c == ' ') return true;
  if (c < 0x80) return c == '\v' || c == '\f';
  switch (c) {
    case 0x00A0: /* no-break space */
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000: /* ideographic space */
    case 0xFEFF: /* BOM / zero-width no-break space */
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

static inline bool is_numeral(int32_t c) {
  switch (c) {
    case 0x4E00: /* 一 */
    case 0x4E8C: /* 二 */
    case 0x4E09: /* 三 */
    case 0x56DB: /* 四 */
    case 0x4E94: /* 五 */
    case 0x516D: /* 六 */
    case 0x4E03: /* 七 */
    case 0x516B: /* 八 */
    case 0x4E5D: /* 九 */
    case 0x5341: /* 十 */
      return true;
    default:
      return false;
  }
}

static inline bool is_open_bracket(int32_t c) { return c == '(' || c == 0xFF08; }
static inline bool is_close_bracket(int32_t c) { return c == ')' || c == 0xFF09; }

#define IDEOGRAPHIC_COMMA 0x3001 /* 、 */
#define IDEOGRAPHIC_FULL_STOP 0x3002 /* 。 */

static inline bool is_sentence_punct(int32_t c) {
  return c == IDEOGRAPHIC_FULL_STOP || c == 0xFF1B /* ； */ || c == 0xFF1A /* ： */ ||
         c == ';' || c == ':';
}

/* ------------------------------------------------------------------------ */
/* Lexer helpers                                                             */

static inline bool at_eof(TSLexer *lx) { return lx->lookahead == 0 && lx->eof(lx); }

static inline bool at_line_end(TSLexer *lx) {
  int32_t c = lx->lookahead;
  return c == '\n' || c == '\r' || (c == 0 && lx->eof(lx));
}

static inline void advance(TSLexer *lx) { direct_advance(lx, false); }

/* Consumes one line terminator (\r\n, \n or \r); the lexer must be on one. */
static inline void consume_terminator(TSLexer *lx) {
  if (lx->lookahead == '\r') {
    advance(lx);
    if (lx->lookahead == '\n') advance(lx);
  } else {
    advance(lx);
  }
}

/* Skips non-tab whitespace (BOM included) as padding before the token start.
 * Returns true if anything was skipped. */
static inline bool skip_spaces(TSLexer *lx) {
  bool skipped = false;
  while (is_space(lx->lookahead)) {
    skipped = true;
    direct_advance(lx, true);
  }
  return skipped;
}

/* Reads (not skips) non-tab whitespace, for look-ahead past the token end. */
static inline void read_spaces(TSLexer *lx) {
  while (is_space(lx->lookahead)) advance(lx);
}

/* What classify_line tracks over the plain text of a line. */
typedef struct {
  uint32_t n;    /* code points read on the line */
  uint32_t last; /* n after the last non-whitespace code point */
  bool period;   /* an ideographic full stop */
  bool punct;    /* sentence punctuation */
} TextFeatures;

static inline void note_text(TextFeatures *f, int32_t c) {
  f->n++;
  if (c >= 0x4E00 && c < 0xA000) { /* CJK ideograph: text and nothing else */
    f->last = f->n;
    return;
  }
  if (c == IDEOGRAPHIC_FULL_STOP) f->period = true;
  if (is_sentence_punct(c)) f->punct = true;
  if (!is_space(c)) f->last = f->n;
}

static inline bool stops_text(int32_t c, bool at_separators) {
  return at_separators && (c == '\t' || c == '|' || c == '\\');
}

/* Takes characters of `run` up to where read_text stops, noting each in `features`. */
static inline void take_noted_text(TextRun *run, bool at_separators, TextFeatures *features) {
  for (;;) {
    if (text_run_at_ideograph(run->at, run->end)) {
      features->last = ++features->n;
      text_run_take(run, 3);
      continue;
    }
    unsigned length;
    const int32_t c = text_run_peek(run, &length);
    if (c < 0 || stops_text(c, at_separators)) return;
    note_text(features, c);
    text_run_take(run, length);
  }
}

/*
 * Reads text up to the end of the line or, with `at_separators`, up to the
 * next tab, pipe or backslash (which the caller interprets), noting each
 * character in `features` when given; returns whether it read anything.
 * Runs of text are read directly from the input where the runtime allows it
 * (direct_input.h), one character at a time with `advance` otherwise.
 */
static inline bool read_text(TSLexer *lx, bool at_separators, TextFeatures *features) {
  bool read = false;
  for (; !at_line_end(lx) && !stops_text(lx->lookahead, at_separators); read = true) {
    TextRun run;
    if (text_run_begin(&run, lx)) {
      if (features) take_noted_text(&run, at_separators, features);
      else text_run_take_until(&run, at_separators);
      if (text_run_end(&run)) continue;
    }
    /* A character a run does not take: a four-byte or ill-formed one, NUL, or direct reading is off. */
    if (features) note_text(features, lx->lookahead);
    advance(lx);
  }
  return read;
}

/* ------------------------------------------------------------------------ */
/* Line classification                                                       */

typedef enum {
  CLASS_BLANK,
  CLASS_LINE,
  CLASS_TITLE,
  CLASS_ATX_TITLE,
  CLASS_HEADING,
  CLASS_SUBHEADING,
  CLASS_ROW,
  CLASS_DELIMITER,
  CLASS_COMMENT,
} LineClass;

typedef struct {
  LineClass cls;
  bool atx;             /* line starts with an ATX marker */
} LineInfo;

enum {
  P_START,
  P_HASH,
  P_AFTER_ATX,
  P_NUMERAL,
  P_OPEN,
  P_OPEN_NUMERAL,
  P_DONE,
};

/* Delimiter-row cell phases: ws* :? -+ :? ws* */
enum { D_LEAD, D_COLON, D_DASH, D_TAIL_COLON, D_TRAIL };

/*
 * Classifies the line starting at the current position, which must be the
 * first character that is not (non-tab) whitespace, and not a terminator or
 * the end of input. Reads the whole line (and, for an unclosed `<!--`, the
 * following lines up to `-->`).
 *
 * With `mark` set, calls `mark_end` so that the last call is the end of the
 * first token of the class returned (see the top of the file). Without it,
 * the function only peeks (it is used past the end of a token already marked).
 */
static LineInfo classify_line(TSLexer *lx, bool mark, bool title_ok) {
  LineInfo info = {CLASS_LINE, false};

  TextFeatures text = {0, 0, false, false};
  uint32_t atx_n = 0;    /* text.n where the text after the ATX marker starts */
  uint32_t num_n = 0;    /* text.n where the heading numeral starts */
  int pstate = P_START;
  int hashes = 0;
  bool heading = false, subheading = false;
  bool has_sep = false, nonblank = false;
  bool escaped = false; /* previous character was an odd backslash */
  bool lead_run = true; /* every character so far is a separator or whitespace */

  /* HTML comment tracking */
  uint32_t opener = 0; /* characters of "<!--" matched at the line start */
  bool comment_closed = false, comment_junk = false;
  int dash_run = 0;

  /* GFM delimiter row tracking */
  int dphase = D_LEAD;
  bool dseg_dash = false, delim_ok = true, delim_pipe = false;
  int dsegments = 0;

  /* Once the prefix is recognized and the line can no longer be a comment,
   * a delimiter row or a row, only the plain features change: most of a line
   * takes the short path. */
  bool plain = false;

  while (!at_line_end(lx)) {
    int32_t c = lx->lookahead;
    if (plain && !stops_text(c, true)) {
      escaped = false;
      /* The features only decide a heading or a title: on any other line,
       * only a separator further on can change the class. */
      read_text(lx, true, heading || title_ok ? &text : NULL);
      continue;
    }
    bool ws = is_space(c) || c == '\t';
    bool pipe = (c == '|' && !escaped);
    bool sep = pipe || c == '\t';
    bool mark_after = false;

    /* --- separators: a row of separators only ends after its last one ---- */
    if (!sep && !ws) lead_run = false;
    if (sep) has_sep = true;
    if (sep && lead_run && mark) mark_after = true;

    /* --- line-prefix recognizer (ATX, numeral + 、, bracketed item) ---- */
    switch (pstate) {
      case P_START:
        if (c == '#') { hashes = 1; pstate = P_HASH; }
        else if (is_numeral(c)) { num_n = text.n; pstate = P_NUMERAL; mark_after = mark; }
        else if (is_open_bracket(c)) pstate = P_OPEN;
        else pstate = P_DONE;
        break;
      case P_HASH:
        if (c == '#') {
          if (++hashes > ATX_MAX_LEVEL) pstate = P_DONE;
        } else if (is_space(c)) {
          info.atx = true;
          atx_n = text.n + 1; /* moved to the text, if any, in P_AFTER_ATX */
          if (mark && !has_sep) lx->mark_end(lx); /* candidate A */
          pstate = P_AFTER_ATX;
        } else {
          pstate = P_DONE;
        }
        break;
      case P_AFTER_ATX:
        if (is_space(c)) break;
        atx_n = text.n;
        if (is_numeral(c)) { num_n = text.n; pstate = P_NUMERAL; }
        else if (is_open_bracket(c)) pstate = P_OPEN;
        else pstate = P_DONE;
        break;
      case P_NUMERAL:
        if (is_numeral(c)) mark_after = mark && !info.atx && !has_sep; /* candidate N */
        else { heading = (c == IDEOGRAPHIC_COMMA); pstate = P_DONE; }
        break;
      case P_OPEN:
        pstate = is_numeral(c) ? P_OPEN_NUMERAL : P_DONE;
        break;
      case P_OPEN_NUMERAL:
        if (is_numeral(c)) break;
        if (is_close_bracket(c)) {
          subheading = true;
          mark_after = mark && !info.atx && !has_sep; /* candidate I */
        }
        pstate = P_DONE;
        break;
      default:
        break;
    }

    /* --- HTML comment ---------------------------------------------------- */
    if (text.n < 4) {
      if (opener == text.n && c == "<!--"[text.n]) opener++;
    } else if (opener == 4) {
      if (comment_closed) {
        if (!ws) comment_junk = true;
      } else if (c == '-') {
        dash_run++;
      } else {
        if (c == '>' && dash_run >= 2) comment_closed = true;
        dash_run = 0;
      }
    }

    /* --- GFM delimiter row ----------------------------------------------- */
    if (delim_ok) {
      if (pipe) {
        delim_pipe = true;
        if (dphase == D_COLON) delim_ok = false;
        else if (dseg_dash) dsegments++;
        dphase = D_LEAD;
        dseg_dash = false;
      } else if (ws) {
        if (dphase == D_COLON) delim_ok = false;
        else if (dphase != D_LEAD) dphase = D_TRAIL;
      } else if (c == ':') {
        if (dphase == D_LEAD) dphase = D_COLON;
        else if (dphase == D_DASH) dphase = D_TAIL_COLON;
        else delim_ok = false;
      } else if (c == '-') {
        if (dphase == D_LEAD || dphase == D_COLON || dphase == D_DASH) {
          dphase = D_DASH;
          dseg_dash = true;
        } else {
          delim_ok = false;
        }
      } else {
        delim_ok = false;
      }
    }

    /* --- plain features -------------------------------------------------- */
    if (!ws) nonblank = true;
    if (c == IDEOGRAPHIC_FULL_STOP) text.period = true;
    if (is_sentence_punct(c)) text.punct = true;
    escaped = (c == '\\') ? !escaped : false;

    advance(lx);
    text.n++;
    if (!ws) text.last = text.n;
    if (mark_after) lx->mark_end(lx);

    /* A separator plus some text make a row, unless the line may still be a
     * delimiter row or an HTML comment: nothing further can change the class,
     * so stop classifying. The row's token runs to the end of its line. */
    if (has_sep && nonblank && !delim_ok && !(opener == text.n && text.n < 4) && opener != 4) {
      if (mark) read_text(lx, false, NULL);
      break;
    }
    plain = nonblank && !has_sep && !delim_ok && pstate == P_DONE && text.n >= 4 && opener != 4;
  }

  /* ---- decide -------------------------------------------------------------- */
  if (!nonblank) {
    info.cls = CLASS_BLANK; /* tabs and spaces only; caller consumes the terminator */
    return info;
  }

  bool comment_open = (opener == 4);
  if (comment_open && comment_closed && !comment_junk) {
    if (mark) lx->mark_end(lx);
    info.cls = CLASS_COMMENT;
    return info;
  }

  if (has_sep) {
    if (delim_ok) {
      if (dphase == D_COLON) delim_ok = false;
      else if (dseg_dash) dsegments++;
    }
    if (delim_ok && delim_pipe && dsegments > 0) {
      if (mark) lx->mark_end(lx);
      info.cls = CLASS_DELIMITER;
    } else {
      info.cls = CLASS_ROW;
      if (mark && !lead_run) lx->mark_end(lx); /* E; a row of separators only ends at S */
    }
  } else if (heading && !text.period && text.last - num_n <= HEADING_MAX_CODE_POINTS) {
    info.cls = CLASS_HEADING; /* marked at A or N */
  } else if (subheading) {
    info.cls = CLASS_SUBHEADING; /* marked at A or I */
  } else {
    bool is_title = false, atx_title = false;
    if (title_ok) {
      if (info.atx && text.last > atx_n) {
        /* `# text`: level 1 is always a title here; deeper levels must also
         * look like one. The marker is a hidden token (ends at A). */
        atx_title = hashes == 1 ||
                    (!text.punct && text.last - atx_n <= TITLE_MAX_CODE_POINTS);
        is_title = atx_title;
      } else {
        is_title = !text.punct && text.last <= TITLE_MAX_CODE_POINTS;
      }
    }
    if (atx_title) {
      info.cls = CLASS_ATX_TITLE;
    } else {
      if (mark) lx->mark_end(lx);
      info.cls = is_title ? CLASS_TITLE : CLASS_LINE;
    }
  }

  /* An unclosed `<!--` may be closed on a later line: the token is then the
   * whole comment; otherwise it stays what the first line was. */
  if (comment_open && !comment_closed) {
    for (int lines = 1; lines < COMMENT_MAX_LINES && !at_eof(lx); lines++) {
      consume_terminator(lx);
      while (!at_line_end(lx)) {
        int32_t c = lx->lookahead;
        if (comment_closed) {
          if (!is_space(c) && c != '\t') return info; /* text after --> */
        } else if (c == '-') {
          dash_run++;
        } else {
          if (c == '>' && dash_run >= 2) comment_closed = true;
          dash_run = 0;
        }
        advance(lx);
      }
      if (comment_closed) {
        if (mark) lx->mark_end(lx);
        info.cls = CLASS_COMMENT;
        info.atx = false;
        return info;
      }
    }
  }
  return info;
}

/* After a blank line inside a table: is the next non-blank line a table line? */
static bool next_nonblank_is_table_line(TSLexer *lx) {
  for (int blanks = 0; blanks < TABLE_MAX_BLANK_LINES; blanks++) {
    read_spaces(lx);
    if (at_eof(lx)) return false;
    if (is_terminator(lx->lookahead)) {
      consume_terminator(lx);
      continue;
    }
    LineInfo next = classify_line(lx, false, false);
    if (next.cls == CLASS_BLANK) {
      if (at_eof(lx)) return false;
      consume_terminator(lx);
      continue;
    }
    return next.cls == CLASS_ROW || next.cls == CLASS_DELIMITER;
  }
  return false;
}

/* Reads (does not consume) a non-blank line from its first character that
 * is not whitespace, for look-ahead only: at least as far as classifying it
 * would read. That is the whole line, so the line is read without noting
 * anything, unless it may open an HTML comment, which may close on a later
 * line and is classified to find out how far. */
static void peek_line(TSLexer *lx) {
  if (lx->lookahead == '<') {
    classify_line(lx, false, false);
  } else {
    read_text(lx, false, NULL);
  }
}

/* Reads (does not consume) past the end of a paragraph line: over its
 * terminator and the next line, whose class decides whether the paragraph
 * goes on (see "Incremental parsing" at the top). */
static void peek_past_line(TSLexer *lx) {
  if (at_eof(lx)) return;
  consume_terminator(lx);
  read_spaces(lx);
  if (at_line_end(lx)) return; /* blank line or end of input: the paragraph ends */
  peek_line(lx);
}

/* The same for a table row: over blank lines (tabs count as whitespace
 * here, as in next_nonblank_is_table_line) to the next non-blank line,
 * which decides whether the table goes on. */
static void peek_past_row(TSLexer *lx) {
  for (int blanks = 0; blanks < TABLE_MAX_BLANK_LINES && !at_eof(lx); blanks++) {
    consume_terminator(lx);
    while (is_space(lx->lookahead) || lx->lookahead == '\t') advance(lx);
    if (!is_terminator(lx->lookahead)) {
      if (!at_eof(lx)) peek_line(lx);
      return;
    }
  }
}

/* Scanner state: whether the previous token ended inside a line. */
typedef struct {
  bool in_line;
} Scanner;

static inline bool emit(Scanner *s, TSLexer *lx, const bool *valid, enum TokenType t) {
  if (!valid[t]) return false;
  lx->result_symbol = t;
  s->in_line = true;
  return true;
}

/* Rest of the line as one token (title / heading text / subheading text);
 * the lexer is on its first character. */
static bool scan_rest_of_line(Scanner *s, TSLexer *lx, const bool *valid, enum TokenType t) {
  read_text(lx, false, NULL);
  lx->mark_end(lx);
  return emit(s, lx, valid, t);
}

/* The first token of a line; the lexer is at the start of the line.
 * `skipped` says whether padding was skipped before the line. */
static bool scan_line_start(Scanner *s, TSLexer *lx, const bool *valid, bool skipped) {
  bool indented = skip_spaces(lx);

  if (at_eof(lx)) {
    /* A last line made of spaces only (no terminator): a zero-width blank
     * whose padding is the whitespace. After the terminator of a last line:
     * the zero-width end token. At a bare end of input: no token. */
    lx->mark_end(lx);
    if (indented && valid[BLANK]) {
      lx->result_symbol = BLANK;
      return true;
    }
    return (indented || skipped) && emit(s, lx, valid, END);
  }

  LineInfo info;
  if (is_terminator(lx->lookahead)) {
    info.cls = CLASS_BLANK;
  } else {
    info = classify_line(lx, true, valid[TITLE]);
  }

  switch (info.cls) {
    case CLASS_BLANK:
      if (!at_eof(lx)) consume_terminator(lx);
      lx->mark_end(lx);
      s->in_line = false;
      if (valid[TABLE_BLANK] && next_nonblank_is_table_line(lx)) {
        lx->result_symbol = TABLE_BLANK;
        return true;
      }
      if (!valid[BLANK]) return false;
      lx->result_symbol = BLANK;
      return true;
    case CLASS_LINE:
      if (!emit(s, lx, valid, LINE)) return false;
      peek_past_line(lx);
      return true;
    case CLASS_TITLE:
      return emit(s, lx, valid, TITLE);
    case CLASS_ATX_TITLE:
      return emit(s, lx, valid, TITLE_MARKER);
    case CLASS_HEADING:
      return emit(s, lx, valid, info.atx ? ATX_MARKER : NUMERAL);
    case CLASS_SUBHEADING:
      return emit(s, lx, valid, info.atx ? ATX_MARKER : ITEM_NUMBER);
    case CLASS_ROW:
    case CLASS_DELIMITER:
      if (!emit(s, lx, valid, info.cls == CLASS_ROW ? ROW : DELIMITER_ROW)) return false;
      peek_past_row(lx);
      return true;
    case CLASS_COMMENT:
      return emit(s, lx, valid, HTML_COMMENT);
  }
  return false;
}

/*
 * Inside a line, after its first token: the next part of the line (heading
 * or subheading text), or else the first token of the next line.
 */
static bool scan_in_line(Scanner *s, TSLexer *lx, const bool *valid) {
  /* Whitespace is padding (tabs too, though a line with a tab is a row,
   * which is one token up to the end of its line or its last separator). */
  bool skipped = false;
  while (is_space(lx->lookahead) || lx->lookahead == '\t') {
    skipped = true;
    direct_advance(lx, true);
  }

  if (!at_line_end(lx)) {
    if (valid[HEADING_TEXT]) return scan_rest_of_line(s, lx, valid, HEADING_TEXT);
    if (valid[SUBHEADING_TEXT]) return scan_rest_of_line(s, lx, valid, SUBHEADING_TEXT);
    return false;
  }
  if (!at_eof(lx)) {
    if (lx->lookahead == '\r') direct_advance(lx, true);
    if (lx->lookahead == '\n') direct_advance(lx, true);
    skipped = true;
    s->in_line = false;
  }
  return scan_line_start(s, lx, valid, skipped);
}

/* After an ATX marker: the numeral of a heading or the item number of a
 * subheading. */
static bool scan_after_atx(Scanner *s, TSLexer *lx, const bool *valid) {
  skip_spaces(lx);
  if (is_numeral(lx->lookahead)) {
    while (is_numeral(lx->lookahead)) advance(lx);
    lx->mark_end(lx);
    /* The token's extent depends on the next (multi-byte) character: read
     * past it so the whole character lies inside the look-ahead range that
     * Tree-sitter uses to invalidate tokens on edits. */
    if (!at_line_end(lx)) advance(lx);
    return emit(s, lx, valid, NUMERAL);
  }
  if (is_open_bracket(lx->lookahead)) {
    advance(lx);
    if (!is_numeral(lx->lookahead)) return false;
    while (is_numeral(lx->lookahead)) advance(lx);
    if (!is_close_bracket(lx->lookahead)) return false;
    advance(lx);
    lx->mark_end(lx);
    return emit(s, lx, valid, ITEM_NUMBER);
  }
  return false;
}

/* ------------------------------------------------------------------------ */
/* Tree-sitter entry points                                                  */

void *tree_sitter_xxgk_report_external_scanner_create(void) {
  return calloc(1, sizeof(Scanner));
}

void tree_sitter_xxgk_report_external_scanner_destroy(void *payload) { free(payload); }

unsigned tree_sitter_xxgk_report_external_scanner_serialize(void *payload, char *buffer) {
  const Scanner *s = payload;
  buffer[0] = (char)s->in_line;
  return 1;
}

void tree_sitter_xxgk_report_external_scanner_deserialize(void *payload, const char *buffer,
                                                          unsigned length) {
  Scanner *s = payload;
  /* No state: the start of the input, which is the start of a line. */
  s->in_line = length > 0 && buffer[0];
}

bool tree_sitter_xxgk_report_external_scanner_scan(void *payload, TSLexer *lexer,
                                                   const bool *valid_symbols) {
  Scanner *s = payload;
  /* Error recovery offers every token; none of ours is meaningful there. */
  if (valid_symbols[ERROR_SENTINEL]) return false;
  direct_input_check(lexer);
  if (!s->in_line) return scan_line_start(s, lexer, valid_symbols, false);
  /* Where a line may end, the next line or the end of input may follow. At the end of a line they follow whatever
   * the parser expects: an incremental parse that reuses a node of the old tree (a whole run of eight preamble
   * items, ending with a title) resumes in the state after it, which lists neither LINE nor END, and must read the
   * next line as a parse from scratch does (it once took the end of the title's line for an empty ATX title). No
   * token that may be followed by more of its line ends at a terminator. */
  if (valid_symbols[LINE] || valid_symbols[END] || at_line_end(lexer)) return scan_in_line(s, lexer, valid_symbols);

  /* Inside the first part of a line that cannot end here. */
  if (valid_symbols[HEADING_SEP]) {
    if (lexer->lookahead != IDEOGRAPHIC_COMMA) return false;
    advance(lexer);
    lexer->mark_end(lexer);
    return emit(s, lexer, valid_symbols, HEADING_SEP);
  }
  if (valid_symbols[NUMERAL] || valid_symbols[ITEM_NUMBER]) {
    return scan_after_atx(s, lexer, valid_symbols);
  }
  if (valid_symbols[TITLE]) {
    /* After the `#` of an ATX title. */
    skip_spaces(lexer);
    return scan_rest_of_line(s, lexer, valid_symbols, TITLE);
  }
  return false;
}
