// Drives real VS Code (code-server's web workbench) in headless Chromium through the xxgk-lint scenario.
// Usage: node drive.js PORT WORKSPACE_DIR FILE_NAME ARTIFACT_DIR PAGE_NAME
//   FILE_NAME is the text report (sample 004), PAGE_NAME the published web page pingtan-hzs_2024.html.
// Environment: DIAG_TIMEOUT_MS (how long to wait for the diagnostics), CHROMIUM (browser executable).
// Exit 0 when every assertion holds, 1 when one fails, 2 on an unexpected error.
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [port, ws, file, artifacts, pageFile] = process.argv.slice(2);
const DIAG_TIMEOUT = +(process.env.DIAG_TIMEOUT_MS || 60000);
const t0 = Date.now();
const log = (...a) => console.log(`[drive +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

class AssertionFailed extends Error {}
function check(cond, what) {
  if (!cond) throw new AssertionFailed(what);
  log('ok:', what);
}

async function problemRows(page) {
  return (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

// Waits until pred(rows) holds on two polls in a row (so a list caught mid-render does not count);
// returns the last rows seen either way.
async function waitRows(page, pred, timeout) {
  const end = Date.now() + timeout;
  let rows = [];
  let held = 0;
  for (;;) {
    rows = await problemRows(page).catch(() => []);
    held = pred(rows) ? held + 1 : 0;
    if (held >= 2 || Date.now() > end) return rows;
    await page.waitForTimeout(250);
  }
}

// Types text into the Problems panel's filter box ('' clears it).
async function setFilter(page, text) {
  const input = page.locator('.markers-panel-container .viewpane-filter input, .panel .viewpane-filter input').first();
  await input.fill(text);
  await page.waitForTimeout(400); // the filter is applied after a short debounce
}

// The Problems row of rule `id` (its text), or undefined when none shows up before `deadline`.
async function findProblem(page, id, deadline) {
  await setFilter(page, id);
  const rows = await waitRows(page, (r) => rowFor(r, id), Math.max(0, deadline - Date.now()));
  log(`PROBLEMS matching ${id}:`, JSON.stringify(rows));
  return rowFor(rows, id);
}

// The text of the extension's status-bar item once it matches `pattern` on two polls in a row, or the last text
// seen when `timeout` runs out.
async function waitStatus(page, pattern, timeout) {
  const end = Date.now() + timeout;
  let text = '';
  let held = 0;
  for (;;) {
    text = await page.locator('.statusbar-item', { hasText: 'xxgk-lint' }).first().innerText().catch(() => '');
    text = text.replace(/\s+/g, ' ').trim();
    held = pattern.test(text) ? held + 1 : 0;
    if (held >= 2 || Date.now() > end) return text;
    await page.waitForTimeout(250);
  }
}

// Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor.
async function quickOpen(page, name) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget:visible input');
  await page.keyboard.type(name);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`, { timeout: 30000 });
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tab[aria-label*="${name}"]`, { timeout: 30000 });
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30000 });
  log(`${name} open`);
}

const rowFor = (rows, id) => rows.find((r) => new RegExp(`\\b${id}\\b`).test(r) && /\[Ln \d+/.test(r));
const positionOf = (row) => {
  const m = /\[Ln (\d+), Col (\d+)\]/.exec(row || '');
  return m ? { line: +m[1], col: +m[2] } : {};
};
const lineOf = (row) => positionOf(row).line;

async function main() {
  fs.mkdirSync(artifacts, { recursive: true });
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-e2e-chrome-'));
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const shot = async (page, name) => {
    const p = path.join(artifacts, name);
    await page.screenshot({ path: p }).catch((e) => log('screenshot failed', e.message));
    log('screenshot', p);
  };
  let page;
  try {
    page = ctx.pages()[0] || (await ctx.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error' && !/vsda|favicon/.test(m.text())) console.error('[browser]', m.text().slice(0, 200));
    });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForSelector('.explorer-folders-view', { timeout: 60000 });
    log('workbench up');

    // 1. open the report with Quick Open
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } });
    await quickOpen(page, file);

    // 2. Problems panel lists T202 (row 3.其他 missing, line 60-61) and C406 (section 六 is 无。, line 77).
    //    The panel is a virtual list that renders only visible rows, so each rule is looked up through the
    //    panel's own filter box (it matches the rule code).
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.markers-panel', { timeout: 30000 });
    const deadline = Date.now() + DIAG_TIMEOUT;
    const t202 = await findProblem(page, 'T202', deadline);
    check(t202, 'Problems panel lists T202 (table-row-missing)');
    check([60, 61].includes(lineOf(t202)), `T202 is at line 60 or 61 (row says: ${t202})`);
    check(/缺少规定的行.*3\.其他/.test(t202), `T202's message names the missing row 3.其他 (row says: ${t202})`);
    const c406 = await findProblem(page, 'C406', deadline);
    check(c406, 'Problems panel lists C406 (fee-statement)');
    check(lineOf(c406) === 77, `C406 is at line 77 (row says: ${c406})`);
    check(/未报告信息处理费/.test(c406), `C406's message says the fee statement is missing (row says: ${c406})`);
    await setFilter(page, '');
    log('PROBLEMS (visible rows):', JSON.stringify(await problemRows(page), null, 1));
    await shot(page, '1-problems.png');
    // Sample 004 has three errors (T202, T205, C406): the status bar shows the running server and that count.
    const status = await waitStatus(page, /xxgk-lint 3$/, 10000);
    check(/xxgk-lint 3$/.test(status), `status bar shows the report's 3 errors (it says: ${JSON.stringify(status)})`);

    // 3. quick fix: click the T202 row (moves the cursor), focus the editor, Ctrl+. , choose the 3.其他 row fix
    await setFilter(page, 'T202');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'T202' }).first().click();
    await page.waitForTimeout(300);
    await setFilter(page, '');
    await page.keyboard.press('Control+1'); // focus the editor group, keeping the cursor where the click put it
    await page.waitForTimeout(300);
    const cursor = await page.locator('.statusbar-item[id="status.editor.selection"]').innerText().catch(() => '');
    log('cursor:', cursor);
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget');
    await menu.waitFor({ state: 'visible', timeout: 15000 });
    const items = (await menu.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    log('quick fixes:', JSON.stringify(items));
    const fix = menu.locator('.monaco-list-row', { hasText: '3.其他' }).first();
    check((await fix.count()) > 0, 'quick-fix menu offers the insert-row fix for 3.其他');
    await shot(page, '2-quickfix.png');
    // choose it with the keyboard, as a person would (a mouse click is swallowed by the menu's pointer block)
    for (let i = 0; i < items.length + 1; i++) {
      const focused = (await menu.locator('.monaco-list-row.focused').getAttribute('aria-label').catch(() => '')) || '';
      if (focused.includes('3.其他')) break;
      await page.keyboard.press('ArrowDown');
      await page.waitForTimeout(100);
    }
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);

    const fixedText = await page.locator('.monaco-editor .view-lines').first().innerText();
    check(/3\.\s*其他/.test(fixedText), 'editor shows a 3.其他 row after the fix');
    await setFilter(page, 'T202');
    let rows = await waitRows(page, (r) => !rowFor(r, 'T202'), 20000);
    log('PROBLEMS matching T202 after the fix:', JSON.stringify(rows));
    check(!rowFor(rows, 'T202'), 'T202 is gone from the Problems panel');
    check(await findProblem(page, 'C406', Date.now() + 5000), 'C406 is still listed (the fix touched only the table)');
    const fixedStatus = await waitStatus(page, /xxgk-lint 2$/, 10000);
    check(/xxgk-lint 2$/.test(fixedStatus), `status bar count drops to 2 (it says: ${JSON.stringify(fixedStatus)})`);
    await setFilter(page, '');

    // save and check the file on disk: the new row sits between 2. 申请人逾期… and （七）总计
    await page.keyboard.press('Control+S');
    const filePath = path.join(ws, file);
    let lines = [];
    for (let i = 0; i < 40; i++) {
      lines = fs.readFileSync(filePath, 'utf8').split(/\r?\n/);
      if (lines.some((l) => /^\s*3\.\s*其他/.test(l))) break;
      await page.waitForTimeout(250);
    }
    const at = lines.findIndex((l) => /^\s*3\.\s*其他/.test(l));
    check(at >= 0, `saved file has a 3.其他 row (line ${at + 1})`);
    check(/逾期未按收费通知/.test(lines[at - 1] || ''), 'the row follows row （六）2');
    check(/^\s*[（(]七[）)]\s*总计/.test(lines[at + 1] || ''), 'the row precedes （七）总计');
    await page.waitForTimeout(300);
    await shot(page, '3-fixed.png');

    // 5. the Fix-all command, run from the command palette, applies the safe fixes: S105's heading 二 is rewritten.
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Control+Shift+P');
    await page.locator('.quick-input-widget').waitFor({ state: 'visible', timeout: 10000 });
    await page.keyboard.type('xxgk-lint: 修复全部');
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter');
    await setFilter(page, 'S105');
    rows = await waitRows(page, (r) => !rowFor(r, 'S105'), 20000);
    check(!rowFor(rows, 'S105'), 'Fix all removes S105 from the Problems panel');
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Control+S');
    let heading = false;
    for (let i = 0; i < 40 && !heading; i++) {
      heading = fs.readFileSync(filePath, 'utf8').split(/\r?\n/).includes('二、主动公开政府信息情况');
      if (!heading) await page.waitForTimeout(250);
    }
    check(heading, 'the saved file has the canonical heading 二、主动公开政府信息情况');

    // 6. a setting changed while VS Code runs takes effect without a reload: C406 turned off in the workspace.
    fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'xxgkLint.rules': { C406: 'off' } }));
    await setFilter(page, 'C406');
    rows = await waitRows(page, (r) => !rowFor(r, 'C406'), 20000);
    check(!rowFor(rows, 'C406'), 'setting xxgkLint.rules C406=off removes C406 without a reload');
    await setFilter(page, '');
    const offStatus = await waitStatus(page, /xxgk-lint 1$/, 10000);
    check(/xxgk-lint 1$/.test(offStatus), `status bar count drops to 1 (it says: ${JSON.stringify(offStatus)})`);

    // 7. a published web page: the extension sends the .html file to the server, which reads it as a page and
    //    puts each diagnostic at the page's own source position. On line 355 (the page's one-line report body)
    //    column 36169 is the table 四 cell <p>0</p> of 行政复议 总计 (A304: 1 维持 + 0 + 0 + 0 ≠ 0) and column 1030
    //    the prose 行政复议1起 that contradicts it (C404).
    await page.keyboard.press('Control+1');
    await quickOpen(page, pageFile);
    const pageDeadline = Date.now() + DIAG_TIMEOUT;
    const a304 = await findProblem(page, 'A304', pageDeadline);
    check(a304, 'Problems panel lists A304 (review-litigation-total) for the web page');
    const a304At = positionOf(a304);
    check(a304At.line === 355 && a304At.col === 36169, `A304 is at Ln 355, Col 36169, the total's cell (row says: ${a304})`);
    const c404 = await findProblem(page, 'C404', pageDeadline);
    check(c404, 'Problems panel lists C404 (narrative-review-litigation) for the web page');
    const c404At = positionOf(c404);
    check(c404At.line === 355 && c404At.col === 1030, `C404 is at Ln 355, Col 1030, the prose (row says: ${c404})`);
    await setFilter(page, '');
    await shot(page, '4-web-page.png');
    const pageStatus = await waitStatus(page, /xxgk-lint 2$/, 10000);
    check(/xxgk-lint 2$/.test(pageStatus), `status bar shows the page's 2 errors (it says: ${JSON.stringify(pageStatus)})`);
    return 0;
  } catch (e) {
    if (page) await shot(page, 'failure.png');
    if (e instanceof AssertionFailed) {
      console.log(`[drive] FAILED: ${e.message}`);
      return 1;
    }
    console.log('[drive] ERROR', e && e.stack ? e.stack : e);
    return 2;
  } finally {
    await ctx.close().catch(() => undefined);
    fs.rmSync(udd, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (e) => {
  console.error(e);
  process.exit(2);
});
