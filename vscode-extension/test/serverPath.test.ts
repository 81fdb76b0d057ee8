import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { bundledServerPath, expandConfiguredPath, resolveServerPath } from '../src/serverPath';

const ext = '/ext/xxgk-lint-0.1.0';
const bundled = path.join(ext, 'bin', 'linux-x64', 'xxgk-lint');
const base = { extensionPath: ext, platform: 'linux', arch: 'x64', envPath: '/usr/local/bin:/usr/bin', homeDir: '/home/u' };
const only = (...ok: string[]) => (p: string) => ok.includes(p);

test('bundled binary path is bin/<platform>-<arch>/xxgk-lint', () => {
  assert.equal(bundledServerPath(ext, 'linux', 'x64'), bundled);
});

test('setting wins over bundled and PATH', () => {
  const r = resolveServerPath({ ...base, configured: '/opt/x/xxgk-lint', isExecutable: only('/opt/x/xxgk-lint', bundled, '/usr/bin/xxgk-lint') });
  assert.deepEqual(r.ok && [r.path, r.source], ['/opt/x/xxgk-lint', 'setting']);
});

test('a configured path that is not executable is an error, not a silent fallback', () => {
  const r = resolveServerPath({ ...base, configured: '/opt/missing', isExecutable: only(bundled) });
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.reason, 'setting-not-executable');
});

test('bundled binary is used when the setting is empty', () => {
  const r = resolveServerPath({ ...base, configured: '  ', isExecutable: only(bundled, '/usr/bin/xxgk-lint') });
  assert.deepEqual(r.ok && [r.path, r.source], [bundled, 'bundled']);
});

test('PATH is searched last, in order', () => {
  const r = resolveServerPath({ ...base, isExecutable: only('/usr/bin/xxgk-lint') });
  assert.deepEqual(r.ok && [r.path, r.source], ['/usr/bin/xxgk-lint', 'path']);
  assert.deepEqual(r.tried, [bundled, '/usr/local/bin/xxgk-lint', '/usr/bin/xxgk-lint']);
});

test('nothing found: one error listing what was tried', () => {
  const r = resolveServerPath({ ...base, isExecutable: () => false });
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.reason, 'not-found');
  assert.equal(r.tried.length, 3);
});

test('~, ${workspaceFolder} and relative paths are expanded', () => {
  assert.equal(expandConfiguredPath('~/bin/xxgk-lint', '/ws', '/home/u'), '/home/u/bin/xxgk-lint');
  assert.equal(expandConfiguredPath('${workspaceFolder}/build/xxgk-lint', '/ws', '/home/u'), '/ws/build/xxgk-lint');
  assert.equal(expandConfiguredPath('build/lsp-server/xxgk-lint', '/ws', '/home/u'), '/ws/build/lsp-server/xxgk-lint');
  const r = resolveServerPath({ ...base, configured: 'xxgk-lint-dev', isExecutable: only('/usr/bin/xxgk-lint-dev') });
  assert.deepEqual(r.ok && [r.path, r.source], ['/usr/bin/xxgk-lint-dev', 'setting']);
});

test('an untrusted workspace never supplies the binary', () => {
  const inWorkspace = only('/ws/build/xxgk-lint', '/ws/xxgk-lint', bundled, '/usr/bin/xxgk-lint');
  for (const configured of ['${workspaceFolder}/build/xxgk-lint', 'build/xxgk-lint', './xxgk-lint']) {
    const r = resolveServerPath({ ...base, configured, workspaceFolder: '/ws', workspaceTrusted: false, isExecutable: inWorkspace });
    assert.equal(r.ok, false, configured);
    assert.equal(!r.ok && r.reason, 'untrusted-workspace');
    assert.deepEqual(r.tried, []); // nothing was even looked at
    // the same setting is honoured once the workspace is trusted
    const trusted = resolveServerPath({ ...base, configured, workspaceFolder: '/ws', workspaceTrusted: true, isExecutable: inWorkspace });
    assert.equal(trusted.ok && trusted.source, 'setting', configured);
  }
  // Paths that do not depend on the workspace still work, and PATH is searched without its relative entries.
  for (const configured of ['/opt/x/xxgk-lint', '~/bin/xxgk-lint', '${userHome}/bin/xxgk-lint']) {
    const r = resolveServerPath({ ...base, configured, workspaceFolder: '/ws', workspaceTrusted: false, isExecutable: () => true });
    assert.equal(r.ok && r.source, 'setting', configured);
  }
  const relativePath = { ...base, envPath: '.:bin:/usr/bin', workspaceFolder: '/ws', workspaceTrusted: false };
  const r = resolveServerPath({ ...relativePath, isExecutable: only('xxgk-lint', 'bin/xxgk-lint', '/usr/bin/xxgk-lint') });
  assert.deepEqual(r.ok && [r.path, r.source], ['/usr/bin/xxgk-lint', 'path']);
  assert.deepEqual(r.tried, [bundled, '/usr/bin/xxgk-lint']);
  const dev = resolveServerPath({ ...relativePath, configured: 'xxgk-lint-dev', isExecutable: only('bin/xxgk-lint-dev') });
  assert.equal(dev.ok, false);
});
