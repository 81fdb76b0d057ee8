#!/usr/bin/env bash
# Resident memory of `xxgk-lint lsp` with 100 open reports (goal: <= 100 MB). Each report is sample 004 grown to
# ~20 KB (its section 一 prose repeated), opened under its own URI; the RSS is read once every report's diagnostics
# have been published.
# Usage: bench/lsp_memory.sh [PATH/TO/xxgk-lint] [NUMBER_OF_REPORTS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
binary=${1:-$root/build/lsp-server/xxgk-lint}
count=${2:-100}

exec python3 - "$binary" "$count" "$root/tests/fixtures/lsp/004_6958a79bc20c0ed0.txt" <<'PYTHON'
import json, subprocess, sys

binary, count, fixture = sys.argv[1], int(sys.argv[2]), sys.argv[3]
text = open(fixture, encoding="utf-8").read()
start, end = text.index("（一）强化源头管理"), text.index("二、主动公开")
report = text[:end]
while len((report + text[end:]).encode()) < 20 * 1024:
    report += text[start:end]
report += text[end:]

server = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

def send(message):
    body = json.dumps(message, ensure_ascii=False).encode()
    server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    server.stdin.flush()

def receive():
    header = b""
    while not header.endswith(b"\r\n\r\n"):
        byte = server.stdout.read(1)
        if not byte:
            sys.exit("the server closed its output")
        header += byte
    length = int(header.split(b":")[1])
    return json.loads(server.stdout.read(length))

def rss_mb():
    with open(f"/proc/{server.pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024

send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
      "params": {"processId": None, "capabilities": {}, "initializationOptions": {"diagnosticsDelayMs": 0}}})
while receive().get("id") != 1:
    pass
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
idle = rss_mb()
for index in range(count):
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": f"file:///bench/report-{index:03}.txt", "languageId": "plaintext",
                                      "version": 1, "text": report}}})
published = set()
while len(published) < count:
    message = receive()
    if message.get("method") == "textDocument/publishDiagnostics":
        published.add(message["params"]["uri"])
loaded = rss_mb()
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
while receive().get("id") != 2:
    pass
send({"jsonrpc": "2.0", "method": "exit"})
server.wait(timeout=10)
print(f"reports: {count} x {len(report.encode()) / 1024:.1f} KB")
print(f"RSS after initialize: {idle:.1f} MB")
print(f"RSS with {count} reports open and linted: {loaded:.1f} MB (goal <= 100 MB)")
sys.exit(0 if loaded <= 100 else 1)
PYTHON
