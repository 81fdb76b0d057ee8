#!/usr/bin/env python3
"""Writes the seed corpora fuzz/corpus/<target>/ from the repository's fixtures (run from anywhere; deterministic).

lint_bytes: reports as they are. incremental_edits: a report followed by an edit script in the format
decode_edits() in fuzz_entries.cpp reads. lsp_stream: framed LSP sessions opening, editing and querying a report.
"""
import json
import pathlib
import random
import struct

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"
MAX_BASE = 8000  # keeps every seed small; the base length field has 2 bytes
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


def edit_script(base, rng):
    script = struct.pack("<H", len(base)) + base
    size = len(base)
    for _ in range(rng.randint(2, 6)):
        begin = rng.randint(0, size)
        removed = rng.choice([0, 0, 1, 3, rng.randint(0, 200)])
        removed = min(removed, size - begin)
        inserted = rng.choice(FRAGMENTS).encode()
        lint_after = 0x80 if rng.random() < 0.5 else 0
        script += struct.pack("<HHB", begin, removed, len(inserted) | lint_after) + inserted
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


def write(target, name, data):
    directory = CORPUS / target
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_bytes(data)


def main():
    rng = random.Random(20240601)
    for index, source in enumerate(sources()):
        data = utf8_prefix(without_range_markers(source.read_bytes()), MAX_BASE)
        name = "%02d-%s" % (index, source.name.replace(".", "-"))
        write("lint_bytes", name, data)
        write("incremental_edits", name, edit_script(data, rng))
        write("lsp_stream", name, lsp_session(utf8_prefix(data, 4000).decode("utf-8", "replace"), rng))
    # Framing edge cases: garbage, a header without a body, an oversized length.
    write("lsp_stream", "garbage", b"\x00\xffContent-Length: x\r\n\r\n{}")
    write("lsp_stream", "cut-short", b"Content-Length: 100\r\n\r\n{\"jsonrpc\":")
    write("lsp_stream", "huge-length", b"Content-Length: 99999999999\r\n\r\n{}")


if __name__ == "__main__":
    main()
