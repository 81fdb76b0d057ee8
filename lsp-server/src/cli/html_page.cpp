#include "cli/html_page.h"

namespace xxgk::cli {

namespace {

// One style sheet for both pages. System fonts only (no web fonts to fetch); colours keep their meaning in grey
// print as well (badges carry their word, not only their colour).
constexpr std::string_view kStyle = R"css(
:root { --error: #b3261e; --warning: #8a5a00; --info: #1a5fb4; --pass: #1e7b34; --line: #d0d7de; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 16px 24px; color: #1f2328; background: #fff;
  font: 14px/1.5 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
h1 { font-size: 22px; margin: 8px 0; } h2 { font-size: 18px; margin: 24px 0 8px; border-bottom: 1px solid var(--line); }
.en { color: #57606a; font-weight: normal; font-size: 0.85em; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: var(--soft); } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.fail td.verdict { color: var(--error); font-weight: bold; } tr.pass td.verdict { color: var(--pass); }
.badge { display: inline-block; min-width: 3em; padding: 0 4px; border-radius: 3px; color: #fff; text-align: center;
  font-size: 12px; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); }
.badge.info { background: var(--info); }
details.report { border: 1px solid var(--line); border-radius: 4px; margin: 6px 0; }
details.report > summary { cursor: pointer; padding: 4px 8px; background: var(--soft); }
ol.diagnostics { margin: 0; padding: 4px 8px 8px 32px; }
li.diagnostic { margin: 6px 0; }
pre.source { margin: 4px 0; padding: 4px 8px; background: var(--soft); border: 1px solid var(--line);
  white-space: pre-wrap; word-break: break-all; font: 13px/1.45 "Noto Sans Mono CJK SC", monospace; }
.ln { display: inline-block; min-width: 3.5em; color: #8c959f; user-select: none; }
mark { background: #ffd8b5; color: inherit; border-bottom: 2px solid var(--error); }
mark.point { display: inline-block; width: 2px; height: 1.2em; vertical-align: middle; background: var(--error); }
ul.related { margin: 2px 0; padding-left: 20px; color: #57606a; }
.doc { white-space: pre-wrap; background: var(--soft); border: 1px solid var(--line); padding: 8px; }
.same { color: var(--error); font-weight: bold; }
.up { color: var(--error); } .down { color: var(--pass); }
#filters { position: sticky; top: 0; background: #fff; padding: 6px 0; border-bottom: 1px solid var(--line); }
#filters label { margin-right: 12px; }
.hidden { display: none; }
@media print {
  #filters { display: none; } body { max-width: none; padding: 0; font-size: 11px; }
  details.report { break-inside: avoid-page; } a { color: inherit; text-decoration: none; }
  details.report > summary { background: none; font-weight: bold; }
}
)css";

}  // namespace

void append_escaped(std::string& out, std::string_view text) {
  size_t plain = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    std::string_view entity;
    switch (text[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = "&#39;"; break;
      default: continue;
    }
    out.append(text.substr(plain, i - plain)).append(entity);
    plain = i + 1;
  }
  out.append(text.substr(plain));
}

std::string escaped(std::string_view text) {
  std::string out;
  append_escaped(out, text);
  return out;
}

std::string page_start(std::string_view title) {
  std::string page = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
  page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  page += "<meta name=\"generator\" content=\"xxgk-lint " XXGK_VERSION "\">\n<title>";
  append_escaped(page, title);
  page += "</title>\n<style>";
  page += kStyle;
  page += "</style>\n</head>\n<body>\n";
  return page;
}

std::string page_end(std::string_view script) {
  std::string end;
  if (!script.empty()) end.append("<script>").append(script).append("</script>\n");
  return end + "</body>\n</html>\n";
}

}  // namespace xxgk::cli
