/* The Tree-sitter language of xxgk-lint: 政府信息公开工作年度报告 as plain text / light Markdown.
 * Node kinds and tree shape: grammar/README.md. */
#ifndef XXGK_GRAMMAR_H
#define XXGK_GRAMMAR_H

#include <tree_sitter/api.h>

#ifndef __cplusplus
#include <stdbool.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The language object for `ts_parser_set_language`. */
const TSLanguage *tree_sitter_xxgk_report(void);

/* Whether the scanner reads runs of text directly from the input on the calling thread (grammar/src/direct_input.h):
 * on by default. Both ways give the same trees; tests turn it off to compare them. */
void tree_sitter_xxgk_report_set_direct_input(bool enabled);
/* How many runs of text the scanner has read directly on the calling thread so far. */
unsigned long tree_sitter_xxgk_report_direct_input_runs(void);

#ifdef __cplusplus
}
#endif

/* Named node kinds (values of ts_node_type). */
#define XXGK_NODE_DOCUMENT "document"
#define XXGK_NODE_TITLE "title"
#define XXGK_NODE_HEADING "heading"
#define XXGK_NODE_ATX_MARKER "atx_marker"
#define XXGK_NODE_NUMERAL "numeral"
#define XXGK_NODE_HEADING_TEXT "heading_text"
#define XXGK_NODE_SUBHEADING "subheading"
#define XXGK_NODE_ITEM_NUMBER "item_number"
#define XXGK_NODE_SUBHEADING_TEXT "subheading_text"
#define XXGK_NODE_PARAGRAPH "paragraph"
#define XXGK_NODE_LINE "line"
#define XXGK_NODE_TABLE "table"
#define XXGK_NODE_ROW "row"
#define XXGK_NODE_DELIMITER_ROW "delimiter_row"
#define XXGK_NODE_BLANK "blank"
#define XXGK_NODE_HTML_COMMENT "html_comment"
/* The anonymous token that appears as a child (ts_node_child, not ts_node_named_child). */
#define XXGK_TOKEN_HEADING_SEP "\xE3\x80\x81" /* 、 */

#endif /* XXGK_GRAMMAR_H */
