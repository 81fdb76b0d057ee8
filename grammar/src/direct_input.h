/*
 * Direct reading of the input by the external scanner, for runs of text.
 *
 * Why: the scanner reads every character of a report at least once, and the
 * runtime's `advance` costs about 120 instructions per character (position
 * and column bookkeeping, included-range and chunk checks, then a generic
 * UTF-8 decode through a function pointer). For the runs of ordinary text
 * that make up most of a line, the scanner instead decodes the bytes of the
 * input itself and then moves the lexer over the whole run at once, leaving
 * it exactly where `advance` called once per character would have: the same
 * byte position, column and look-ahead character.
 *
 * How: the `TSLexer` a scanner receives is the first member of the runtime's
 * private `Lexer` (tree-sitter 0.20, lib/src/lexer.h), which holds the input
 * chunk being read and the position in it. `RuntimeLexer` below mirrors that
 * layout. The mirror is used only when
 *   - the runtime declares parser ABI 14 (the 0.20 series; checked at compile
 *     time), and
 *   - at the start of every run, the mirror agrees with the public API: the
 *     chunk holds the current position, and the character there decodes to
 *     `lookahead` with the runtime's own `lookahead_size`; no logger is set
 *     (a logger is shown every character); the position lies in the current
 *     included range.
 * Otherwise `text_run_begin` says no and the scanner calls `advance` as usual.
 * A run ends before a line terminator or NUL and inside the chunk and the
 * included range, so it never crosses a line and the only position fields
 * that change are the byte offset and the column. Where the scanner looks at
 * each character, a run takes well-formed one- to three-byte UTF-8 characters
 * only; where it only looks for the end of a cell or line, a run skips bytes
 * up to the next byte that ends it (`text_run_take_until`). The last step of a run is an `advance` over the last
 * character taken: `direct_advance`, which the scanner also uses for every single step. It moves the lexer itself
 * only when the next character is one a run would take, inside the chunk and the included range; whatever else
 * follows (the end of the chunk or of the range, a four-byte or ill-formed character) is left to the runtime's own
 * `advance`.
 *
 * tests/grammar/direct_input_test.cpp parses with and without direct reading
 * and requires identical trees, node for node and byte for byte.
 */
#ifndef XXGK_GRAMMAR_DIRECT_INPUT_H
#define XXGK_GRAMMAR_DIRECT_INPUT_H

#include <stdbool.h>
#include <stdint.h>
#include <tree_sitter/api.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "tree_sitter/parser.h"

#if TREE_SITTER_LANGUAGE_VERSION == 14
#define XXGK_DIRECT_INPUT_SUPPORTED 1
#else
#define XXGK_DIRECT_INPUT_SUPPORTED 0
#endif

/* Per thread: whether runs are read directly (on unless a test turns it off to compare), and how many were. */
extern _Thread_local bool xxgk_direct_input_enabled;
extern _Thread_local unsigned long xxgk_direct_input_runs;
/* Whether the mirror agreed with the public API at the start of the current scan (see direct_input_check). */
extern _Thread_local bool xxgk_direct_mirror_agrees;

/* tree-sitter 0.20 lib/src/length.h `Length` and lib/src/lexer.h `Lexer`, up to the fields used here. */
typedef struct {
  uint32_t bytes;
  TSPoint extent;
} RuntimeLength;

typedef struct {
  TSLexer data;
  RuntimeLength current_position;
  RuntimeLength token_start_position;
  RuntimeLength token_end_position;
  TSRange *included_ranges;
  const char *chunk;
  TSInput input;
  TSLogger logger;
  uint32_t included_range_count;
  uint32_t current_included_range_index;
  uint32_t chunk_start;
  uint32_t chunk_size;
  uint32_t lookahead_size;
  bool did_get_column;
} RuntimeLexer;

/* A run of characters being read directly from the lexer's position. */
typedef struct {
  TSLexer *lexer;
  const uint8_t *start; /* the lexer's current character */
  const uint8_t *at;    /* the next character to take */
  const uint8_t *end;   /* a run stops before this: the end of the chunk or of the included range */
  const uint8_t *last;  /* the last character taken, a well-formed one */
} TextRun;

/* The well-formed one- to three-byte UTF-8 character at `p` (its length, and the code point in `*c`), or 0 for
 * anything else: a four-byte or ill-formed sequence, or one cut by `end`. Surrogates and overlong forms are
 * ill-formed, as for the runtime's decoder. */
static inline unsigned text_run_decode(const uint8_t *p, const uint8_t *end, int32_t *c) {
  const uint8_t b0 = p[0];
  if (b0 < 0x80) {
    *c = b0;
    return 1;
  }
  if (b0 < 0xC2 || b0 >= 0xF0) return 0;
  if (b0 < 0xE0) {
    if (end - p < 2 || (p[1] & 0xC0) != 0x80) return 0;
    *c = ((b0 & 0x1F) << 6) | (p[1] & 0x3F);
    return 2;
  }
  if (end - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
  if ((b0 == 0xE0 && p[1] < 0xA0) || (b0 == 0xED && p[1] >= 0xA0)) return 0;
  *c = ((b0 & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  return 3;
}

/* Whether `p` starts a CJK unified ideograph (U+4E00..U+9FFF): the bulk of a report, tested before decoding. */
static inline bool text_run_at_ideograph(const uint8_t *p, const uint8_t *end) {
  return end - p >= 3 && p[0] >= 0xE4 && p[0] <= 0xE9 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
         (p[0] != 0xE4 || p[1] >= 0xB8);
}

/* The lexer's current character in its chunk, with the bytes of chunk and included range from it on in `*available`,
 * when the mirror agrees with the public API there (see the top of this file); NULL when the input cannot be read
 * directly here. */
static inline const uint8_t *direct_position(const TSLexer *lexer, uint32_t *available) {
#if XXGK_DIRECT_INPUT_SUPPORTED
  if (!xxgk_direct_input_enabled) return NULL;
  const RuntimeLexer *runtime = (const RuntimeLexer *)lexer;
  if (!runtime->chunk || runtime->logger.log) return NULL;
  if (runtime->current_included_range_index >= runtime->included_range_count) return NULL;
  const uint32_t position = runtime->current_position.bytes;
  if (position < runtime->chunk_start || position - runtime->chunk_start >= runtime->chunk_size) return NULL;
  *available = runtime->chunk_size - (position - runtime->chunk_start);
  const uint32_t range_end = runtime->included_ranges[runtime->current_included_range_index].end_byte;
  if (range_end <= position) return NULL;
  if (range_end - position < *available) *available = range_end - position;
  const uint8_t *start = (const uint8_t *)runtime->chunk + (position - runtime->chunk_start);
  int32_t c;
  const unsigned length = text_run_decode(start, start + *available, &c);
  if (length == 0 || c != lexer->lookahead || length != runtime->lookahead_size) return NULL;
  return start;
#else
  (void)lexer;
  (void)available;
  return NULL;
#endif
}

/*
 * The runtime's `advance` over the look-ahead character, done here when the character after it is one a run would
 * take and lies in the chunk and the included range: the lexer ends up exactly as the runtime's `advance` leaves it
 * (position, row and column, token start when skipping, look-ahead and its size), for a fifth of the call's ~110
 * instructions. Anywhere else (the end of the chunk or of the range, a four-byte or ill-formed character next) it
 * calls the runtime's `advance`. It trusts the mirror only after `direct_input_check` found it in agreement with the
 * public API at the start of the current scan.
 */
static inline void direct_advance(TSLexer *lexer, bool skip) {
#if XXGK_DIRECT_INPUT_SUPPORTED
  RuntimeLexer *runtime = (RuntimeLexer *)lexer;
  if (xxgk_direct_mirror_agrees && runtime->chunk &&
      runtime->current_included_range_index < runtime->included_range_count &&
      runtime->current_position.bytes >= runtime->chunk_start) {
    const uint32_t size = runtime->lookahead_size;
    const uint32_t next = runtime->current_position.bytes + size;
    const uint32_t chunk_end = runtime->chunk_start + runtime->chunk_size;
    const uint32_t range_end = runtime->included_ranges[runtime->current_included_range_index].end_byte;
    const uint32_t end = chunk_end < range_end ? chunk_end : range_end;
    int32_t c;
    unsigned next_size = 0;
    if (size && next < end) {
      const uint8_t *at = (const uint8_t *)runtime->chunk + (next - runtime->chunk_start);
      next_size = text_run_decode(at, at + (end - next), &c);
    }
    if (next_size) {
      runtime->current_position.bytes = next;
      if (lexer->lookahead == '\n') {
        runtime->current_position.extent.row++;
        runtime->current_position.extent.column = 0;
      } else {
        runtime->current_position.extent.column += size;
      }
      if (skip) runtime->token_start_position = runtime->current_position;
      lexer->lookahead = c;
      runtime->lookahead_size = next_size;
      return;
    }
  }
#endif
  lexer->advance(lexer, skip);
}

/* Checks the mirror against the public API at the start of a scan; `direct_advance` relies on it until the next. */
static inline void direct_input_check(const TSLexer *lexer) {
  uint32_t available;
  xxgk_direct_mirror_agrees = direct_position(lexer, &available) != NULL;
}

/* Starts a run at the lexer's position; false when the input cannot be read directly here. */
static inline bool text_run_begin(TextRun *run, TSLexer *lexer) {
  uint32_t available;
  const uint8_t *start = direct_position(lexer, &available);
  if (!start) return false;
  run->lexer = lexer;
  run->start = run->at = start;
  run->end = start + available;
  run->last = NULL;
  return true;
}

/* The next character of the run (its length in `*length`), or -1 where the run must stop: a character it does not
 * take (see the top of this file) or the end of what it may read. */
static inline int32_t text_run_peek(const TextRun *run, unsigned *length) {
  int32_t c;
  if (run->at >= run->end || !(*length = text_run_decode(run->at, run->end, &c))) return -1;
  return c == '\n' || c == '\r' || c == 0 ? -1 : c;
}

static inline void text_run_take(TextRun *run, unsigned length) {
  run->last = run->at;
  run->at += length;
}

/* Whether `byte` ends a run taken without decoding: a line terminator or NUL (the end of input, or text `advance`
 * reads) and, `at_separators`, also a tab, pipe or backslash. */
static inline bool ends_undecoded_run(uint8_t byte, bool at_separators) {
  return byte == '\n' || byte == '\r' || byte == 0 ||
         (at_separators && (byte == '\t' || byte == '|' || byte == '\\'));
}

/* The first byte in [at, end) that ends an undecoded run, or `end`: sixteen bytes at a time with SSE2 (part of every
 * x86-64 processor), then byte by byte (all of it on other processors). */
static inline const uint8_t *undecoded_run_end(const uint8_t *at, const uint8_t *end, bool at_separators) {
#if defined(__SSE2__)
  const __m128i line_feed = _mm_set1_epi8('\n'), carriage_return = _mm_set1_epi8('\r'), nul = _mm_setzero_si128();
  const __m128i tab = _mm_set1_epi8('\t'), pipe = _mm_set1_epi8('|'), backslash = _mm_set1_epi8('\\');
  for (; end - at >= 16; at += 16) {
    const __m128i block = _mm_loadu_si128((const __m128i *)at);
    __m128i ends = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, line_feed), _mm_cmpeq_epi8(block, carriage_return)),
                                _mm_cmpeq_epi8(block, nul));
    if (at_separators)
      ends = _mm_or_si128(ends, _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, tab), _mm_cmpeq_epi8(block, pipe)),
                                             _mm_cmpeq_epi8(block, backslash)));
    const unsigned found = (unsigned)_mm_movemask_epi8(ends);
    if (found) return at + __builtin_ctz(found);
  }
#endif
  while (at < end && !ends_undecoded_run(*at, at_separators)) at++;
  return at;
}

/*
 * Takes everything up to the first byte that ends an undecoded run (above) or the end of the run, without decoding:
 * these are ASCII bytes, which never occur inside a UTF-8 sequence, and the runtime steps over a four-byte or
 * ill-formed sequence too (an ill-formed byte is one character of its own), so `advance` would stop at the same byte.
 * Only the last character taken must be well-formed (the look-ahead set from it); where it is not, nothing is taken.
 * Returns whether anything was.
 */
static inline bool text_run_take_until(TextRun *run, bool at_separators) {
  const uint8_t *stop = undecoded_run_end(run->at, run->end, at_separators);
  if (stop == run->at) return false;
  const uint8_t *last = stop - 1;
  while (last > run->at && stop - last < 3 && (*last & 0xC0) == 0x80) last--;
  int32_t c;
  if (text_run_decode(last, stop, &c) != (unsigned)(stop - last)) return false;
  run->last = last;
  run->at = stop;
  return true;
}

/* Moves the lexer past the characters taken, as `advance` would have, one by one; false when none was taken. */
static inline bool text_run_end(TextRun *run) {
#if XXGK_DIRECT_INPUT_SUPPORTED
  if (!run->last) return false;
  RuntimeLexer *runtime = (RuntimeLexer *)run->lexer;
  /* To the last character taken, which becomes the look-ahead, then over it with the runtime's advance. */
  const uint32_t skipped = (uint32_t)(run->last - run->start);
  runtime->current_position.bytes += skipped;
  runtime->current_position.extent.column += skipped;
  runtime->lookahead_size = text_run_decode(run->last, run->at, &runtime->data.lookahead);
  direct_advance(&runtime->data, false);
  xxgk_direct_input_runs++;
  return true;
#else
  (void)run;
  return false;
#endif
}

#endif /* XXGK_GRAMMAR_DIRECT_INPUT_H */
