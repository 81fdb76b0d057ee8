#!/usr/bin/env python3
"""Writes the seed corpora fuzz/corpus/<target>/ and the dictionaries fuzz/dictionaries/ from the repository's
fixtures and format data (run from anywhere; deterministic).

Seeds are small (under 1 KB) so that each execution is cheap: the fuzzer grows them, up to each target's -max_len
(fuzz/targets.sh).
lint_bytes and fix_up: pieces of reports cut at line ends. incremental_edits: a piece followed by an edit script in the
format decode_edits() in fuzz_entries.cpp reads. lsp_stream: framed LSP sessions opening, editing and querying a piece.
html_reader and pdf_reader: the pieces of whole reports as small web pages and uncompressed one-page PDF files (1–8
KB, where a published page or PDF is 50–150 KB: the fuzzer's inputs stay small, and its mutations reach the text);
the readers' own fixtures (tests/fixtures/html, documents) cover whole published files. pdf_layout: the text boxes
of those PDF files, in the encoding decode_and_layout_pdf_boxes() in fuzz_entries.cpp reads.
fuzz/long-run.sh minimises what it adds to these directories; writing the seeds again keeps what it added.

Dictionaries: report.dict (headings, table labels, footer markers, numerals and numbers from
rules/formats/gov-2021.json) for the report targets; lsp.dict (JSON-RPC tokens, method names, setting names, numbers
that overflow) for lsp_stream.
"""
import json
import pathlib
import random
import re
import struct

ROOT = pathlib.Path(__file__).resolve().parent.parent
# What fuzz/long-run.sh merged into a corpus (libFuzzer names an input by its SHA-1): kept when the seeds are written
# again.
LEARNT_INPUT = re.compile("[0-9a-f]{40}")
CORPUS = ROOT / "fuzz" / "corpus"
PIECE = 900  # bytes of report text per seed
EVERY_PIECE = 3  # the first reports give all their pieces (a whole report in order), the others one piece each
FRAGMENTS = ["（一）", "一、", "二、总体情况", "\t", "\t0\t", "|", "\n", "\r\n", "年", "是", "。", "2024", "#", " ", ""]


def sources():
    fixtures = ROOT / "tests" / "fixtures"
    files = sorted((fixtures / "samples").glob("*.txt")) + [fixtures / "clean" / "clean.txt"]
    files += sorted((fixtures / "cli" / "reports").glob("*"))
    rules = sorted((fixtures / "rules").glob("*/*.txt"))
    files += [f for f in rules if not f.name.endswith(".fixed.txt")][::6]
    return files


def without_range_markers(data):
    """A rule fixture's text without the ⟦ ⟧ that mark expected ranges (CONTRIBUTING.md), i.e. the report it tests."""
    return data.replace("⟦".encode(), b"").replace("⟧".encode(), b"")


def utf8_prefix(data, limit):
    """At most `limit` bytes of `data`, cut at a line end so the seed stays valid UTF-8."""
    if len(data) <= limit:
        return data
    cut = data.rfind(b"\n", 0, limit)
    return data[: cut + 1 if cut > 0 else limit]


def pieces(data, limit):
    """Consecutive pieces of at most `limit` bytes of `data`, cut at line ends (so each stays valid UTF-8)."""
    result = []
    while data:
        piece = utf8_prefix(data, limit)
        result.append(piece)
        data = data[len(piece):]
    return result


def edit_script(base, rng):
    script = struct.pack("<H", len(base)) + base
    size = len(base)
    for _ in range(rng.randint(2, 6)):
        begin = rng.randint(0, size)
        removed = rng.choice([0, 0, 1, 3, rng.randint(0, 200)])
        removed = min(removed, size - begin)
        inserted = rng.choice(FRAGMENTS).encode()
        parse_after = 0x80 if rng.random() < 0.5 else 0
        script += struct.pack("<HHB", begin, removed, len(inserted) | parse_after) + inserted
        size += len(inserted) - removed
    return script


def frame(message):
    body = json.dumps(message, ensure_ascii=False).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def lsp_session(text, rng):
    uri = "file:///tmp/report.txt"
    messages = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"processId": None, "rootUri": None, "initializationOptions": {"diagnosticsDelayMs": 0},
                    "capabilities": {
             "textDocument": {"publishDiagnostics": {"relatedInformation": True},
                              "hover": {"contentFormat": ["markdown"]},
                              "documentSymbol": {"hierarchicalDocumentSymbolSupport": True}},
             "general": {"positionEncodings": [rng.choice(["utf-16", "utf-8", "utf-32"])]}}}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen",
         "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}},
    ]
    lines = text.count("\n") + 1
    for version in range(2, rng.randint(3, 6)):
        line = rng.randrange(lines)
        change = {"range": {"start": {"line": line, "character": rng.randint(0, 4)},
                            "end": {"line": line, "character": rng.randint(4, 12)}},
                  "text": rng.choice(FRAGMENTS)}
        messages.append({"jsonrpc": "2.0", "method": "textDocument/didChange",
                         "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
    position = {"line": rng.randrange(lines), "character": rng.randint(0, 10)}
    whole = {"start": {"line": 0, "character": 0}, "end": {"line": lines, "character": 0}}
    for request_id, (method, params) in enumerate([
            ("textDocument/codeAction", {"range": whole, "context": {"diagnostics": []}}),
            ("textDocument/hover", {"position": position}),
            ("textDocument/documentSymbol", {}),
            ("textDocument/foldingRange", {}),
            ("textDocument/diagnostic", {}),
            ("textDocument/completion", {"position": position})], start=2):
        if rng.random() < 0.7:
            params = dict(params, textDocument={"uri": uri})
            messages.append({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
    messages += [{"jsonrpc": "2.0", "id": 99, "method": "shutdown"}, {"jsonrpc": "2.0", "method": "exit"}]
    return b"".join(frame(m) for m in messages)


def report_lines(text):
    """The non-blank lines of a piece of report text, each a list of its cells (one cell unless tab-separated)."""
    return [line.strip().split("\t") for line in text.splitlines() if line.strip()]


def html_page(text):
    """A small web page holding `text` as a published report's page does: a title and navigation around the body,
    paragraphs, and the tab-separated lines as a table."""
    def escaped(value):
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    lines = report_lines(text)
    body, rows = [], []
    for cells in lines + [[""]]:
        if len(cells) > 1:
            rows.append("<tr>%s</tr>" % "".join("<td>%s</td>" % escaped(c) for c in cells))
            continue
        if rows:
            body.append('<table border="1">%s</table>' % "\n".join(rows))
            rows = []
        if cells[0]:
            body.append("<p>%s</p>" % escaped(cells[0]))
    title = escaped(lines[0][0]) if lines else ""
    return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>%s_某某网</title>'
            '<script>var nav = "一、不是正文";</script></head>\n<body><div class="nav"><a href="/">首页</a> &gt; '
            '信息公开</div>\n<div class="content">\n%s\n</div>\n<footer><p>版权所有 某某网</p></footer></body></html>\n'
            % (title, "\n".join(body))).encode()


PDF_LINE_CHARACTERS = 50  # what fits on an A4 line at 10 points


def pdf_lines(text):
    """The lines of one page of `text` as drawn in a PDF file, each a list of cells."""
    lines = []
    for cells in report_lines(text):
        if len(cells) > 1:
            lines.append(cells)
        else:  # a paragraph wraps at the line's width, as a word processor's PDF does
            lines += [[cells[0][at:at + PDF_LINE_CHARACTERS]] for at in range(0, len(cells[0]), PDF_LINE_CHARACTERS)]
    return lines[:42]  # one page


def pdf_column_widths(text):
    """A table's columns: as wide as their widest cell (10 points a character) and a gap."""
    widths = {}
    for cells in pdf_lines(text):
        for column, cell in enumerate(cells[:-1]):
            widths[column] = max(widths.get(column, 0), 10 * len(cell) + 20)
    return widths


def pdf_file(text):
    """A one-page PDF of `text`, uncompressed so that mutations reach its text: each line (each cell of a
    tab-separated line, at its column) drawn with a CID font that embeds no glyphs, only a ToUnicode map, which is
    all text extraction reads. A few hundred bytes per line, where a word processor's PDF embeds kilobytes of font."""
    lines = pdf_lines(text)
    characters = sorted({c for cells in lines for cell in cells for c in cell})
    cid = {c: index + 1 for index, c in enumerate(characters)}
    widths = pdf_column_widths(text)
    drawn = []
    for row, cells in enumerate(lines):
        x = 40
        for column, cell in enumerate(cells):
            glyphs = "".join("%04X" % cid[c] for c in cell)
            drawn.append("BT /F1 10 Tf %d %d Td <%s> Tj ET" % (x, 800 - 18 * row, glyphs))
            x += widths.get(column, 0)
    mappings = ["<%04X> <%s>" % (cid[c], c.encode("utf-16-be").hex().upper()) for c in characters]
    cmap = ["/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
            "1 begincodespacerange <0000> <FFFF> endcodespacerange"]
    for start in range(0, len(mappings), 100):  # at most 100 entries per block
        block = mappings[start:start + 100]
        cmap += ["%d beginbfchar" % len(block)] + block + ["endbfchar"]
    cmap += ["endcmap CMapName currentdict /CMap defineresource pop end end"]

    def stream(data):
        return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        stream("\n".join(drawn).encode()),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] "
        b"/ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 1000 >>",
        stream("\n".join(cmap).encode()),
        b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 "
        b"/Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
    ]
    pdf = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return pdf


def pdf_boxes(text):
    """The text boxes a PDF reader would give for `text` laid out as pdf_file() draws it (one box per word of a
    paragraph line or cell, 10 points a character, lines 18 points apart), in the encoding pdf_layout reads
    (decode_and_layout_pdf_boxes in fuzz_entries.cpp)."""
    def coordinate(points):
        return struct.pack("<H", int((points + 200) * 8))
    data = b""
    widths = pdf_column_widths(text)
    for row, cells in enumerate(pdf_lines(text)):
        x = 40
        for column, cell in enumerate(cells):
            word_x = x
            for word in cell.split(" "):
                encoded = word.encode()[:127]
                width = 10 * len(word)
                top = 32 + 18 * row
                data += bytes([len(encoded)]) + coordinate(word_x) + coordinate(top) + coordinate(word_x + width)
                data += coordinate(top + 10) + encoded
                word_x += width + 5
            x += widths.get(column, 0)
    return data


WRITTEN = {}  # target -> the seeds written so far: pieces repeated across fixtures are written once


def write(target, name, data):
    if data in WRITTEN.setdefault(target, set()):
        return
    WRITTEN[target].add(data)
    directory = CORPUS / target
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_bytes(data)


def dictionary_entry(value):
    """One libFuzzer dictionary line: the bytes as a quoted string, with \\, \" and non-printable bytes escaped."""
    escaped = "".join(chr(b) if 0x20 <= b < 0x7F and b not in (0x22, 0x5C) else "\\x%02X" % b
                      for b in value.encode())
    return '"%s"' % escaped


def write_dictionary(name, values):
    directory = ROOT / "fuzz" / "dictionaries"
    directory.mkdir(parents=True, exist_ok=True)
    lines = [dictionary_entry(v) for v in sorted(set(values)) if 0 < len(v.encode()) <= 64]
    (directory / name).write_text("# Written by fuzz/make-corpus.py.\n" + "\n".join(lines) + "\n")


def format_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from format_strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from format_strings(item)


def report_tokens():
    data = json.loads((ROOT / "rules" / "formats" / "gov-2021.json").read_text())
    tokens = list(format_strings(data))
    numerals = "一二三四五六七八九十"
    tokens += ["%s、" % n for n in numerals] + ["（%s）" % n for n in numerals] + ["%d." % n for n in range(1, 10)]
    tokens += ["2020", "2021", "2022", "2023", "2024", "0", "1", "100", "99999999", "-1", "1.5", "１２", "万元", "件"]
    tokens += ["\t", "|", "| --- |", "\r\n", "\n\n", "#", "## ", "：", "。", "，", "年", "月", "日", "\u3000"]
    return tokens


def lsp_tokens():
    tokens = ['"jsonrpc"', '"2.0"', '"id"', '"method"', '"params"', '"result"', '"error"', "null", "true", "false",
              "{", "}", "[", "]", ":", ",", "1e400", "-1e400", "1e-400", "9223372036854775808", "-0", "0.5",
              "18446744073709551616", '"\\u0000"', '"\\ud800"', "Content-Length: ", "\r\n\r\n",
              "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"]
    methods = ["initialize", "initialized", "shutdown", "exit", "$/cancelRequest", "$/setTrace", "$/progress",
               "textDocument/didOpen", "textDocument/didChange", "textDocument/didSave", "textDocument/didClose",
               "textDocument/codeAction", "textDocument/documentSymbol", "textDocument/foldingRange",
               "textDocument/hover", "textDocument/inlayHint", "textDocument/completion",
               "textDocument/diagnostic", "workspace/didChangeConfiguration", "workspace/didChangeWatchedFiles",
               "workspace/configuration", "workspace/diagnostic/refresh"]
    tokens += ['"%s"' % m for m in methods]
    keys = ["textDocument", "uri", "version", "text", "languageId", "contentChanges", "range", "start", "end",
            "line", "character", "position", "context", "diagnostics", "capabilities", "initializationOptions",
            "rootUri", "processId", "workspaceFolders", "settings", "xxgkLint", "rules", "agencyKind",
            "lintAllDocuments", "diagnosticsDelayMs", "positionEncodings", "utf-8", "utf-16", "utf-32", "changes",
            "trace", "value", "verbose", "off", "error", "warning", "info", "only", "triggerKind"]
    tokens += ['"%s"' % k for k in keys] + ["file:///tmp/report.txt", "file:///tmp/.xxgk-lint.json"]
    return tokens


def main():
    rng = random.Random(20240601)
    for directory in ("lint_bytes", "fix_up", "incremental_edits", "lsp_stream", "pdf_layout"):
        for old in (CORPUS / directory).glob("*") if (CORPUS / directory).is_dir() else []:
            if not LEARNT_INPUT.fullmatch(old.name):
                old.unlink()
    for index, source in enumerate(sources()):
        data = without_range_markers(source.read_bytes())
        stem = "%02d-%s" % (index, source.name.replace(".", "-"))
        parts = pieces(data, PIECE)
        chosen = range(len(parts)) if index < EVERY_PIECE else [rng.randrange(len(parts))]
        for part in chosen:
            name = "%s-%02d" % (stem, part)
            write("lint_bytes", name, parts[part])
            write("fix_up", name, parts[part])
            write("incremental_edits", name, edit_script(parts[part], rng))
            write("lsp_stream", name, lsp_session(utf8_prefix(parts[part], 400).decode("utf-8", "replace"), rng))
            if index < EVERY_PIECE:  # pages and PDF files of whole reports, a piece each
                write("html_reader", name + ".html", html_page(parts[part].decode("utf-8", "replace")))
                write("pdf_reader", name + ".pdf", pdf_file(parts[part].decode("utf-8", "replace")))
                write("pdf_layout", name, pdf_boxes(parts[part].decode("utf-8", "replace")))
    write_dictionary("report.dict", report_tokens())
    write_dictionary("lsp.dict", lsp_tokens())
    # Framing edge cases: garbage, a header without a body, an oversized length.
    write("lsp_stream", "garbage", b"\x00\xffContent-Length: x\r\n\r\n{}")
    write("lsp_stream", "cut-short", b"Content-Length: 100\r\n\r\n{\"jsonrpc\":")
    write("lsp_stream", "huge-length", b"Content-Length: 99999999999\r\n\r\n{}")


if __name__ == "__main__":
    main()
