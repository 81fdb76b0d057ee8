import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { DOCUMENT_SELECTOR, DocumentFilter, selectedLanguages } from '../src/documents';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));

// How VS Code matches one filter against a document (scheme, then language id and/or glob on the path).
function filterMatches(f: DocumentFilter, doc: { scheme: string; language: string; fsPath: string }): boolean {
  if (f.scheme !== doc.scheme) return false;
  if (f.language && f.language !== doc.language) return false;
  return !f.pattern || path.matchesGlob(doc.fsPath, f.pattern);
}
const selected = (doc: { scheme: string; language: string; fsPath: string }) =>
  DOCUMENT_SELECTOR.some((f) => filterMatches(f, doc));

test('published pages on disk are sent to the server, by language id or by file extension', () => {
  assert.ok(selected({ scheme: 'file', language: 'html', fsPath: '/reports/pingtan_2024.html' }));
  assert.ok(selected({ scheme: 'file', language: 'html', fsPath: '/reports/old/report.htm' }));
  // a page the user mapped to a template language is still a page
  assert.ok(selected({ scheme: 'file', language: 'django-html', fsPath: '/reports/report.htm' }));
  assert.ok(selected({ scheme: 'file', language: 'jinja-html', fsPath: '/reports/REPORT.HTML' }));
});

test('text and Markdown reports are sent, saved or not; other documents are not', () => {
  assert.ok(selected({ scheme: 'file', language: 'plaintext', fsPath: '/r/report.txt' }));
  assert.ok(selected({ scheme: 'untitled', language: 'markdown', fsPath: 'Untitled-1' }));
  assert.ok(!selected({ scheme: 'file', language: 'javascript', fsPath: '/site/app.js' }));
  assert.ok(!selected({ scheme: 'file', language: 'css', fsPath: '/site/page.html.css' }));
  // an unsaved HTML buffer is not a published page (and has no extension for the server to go by)
  assert.ok(!selected({ scheme: 'untitled', language: 'html', fsPath: 'Untitled-2' }));
});

test('the extension activates on exactly the languages it sends to the server', () => {
  const onLanguage = (manifest.activationEvents as string[])
    .filter((e) => e.startsWith('onLanguage:'))
    .map((e) => e.slice('onLanguage:'.length))
    .sort();
  assert.deepEqual(onLanguage, selectedLanguages().sort());
  assert.ok(onLanguage.includes('html'));
});
