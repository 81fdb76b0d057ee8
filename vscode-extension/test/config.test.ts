import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toServerSettings } from '../src/config';

const from = (o: Record<string, unknown>) => (k: string) => o[k];

test('defaults', () => {
  const { settings, warnings } = toServerSettings(from({}));
  assert.deepEqual(settings, { enable: true, agencyKind: 'auto', rules: {}, lintAllDocuments: false });
  assert.deepEqual(warnings, []);
});

test('values are passed through and normalised', () => {
  const { settings, warnings } = toServerSettings(
    from({ enable: false, agencyKind: 'Government', rules: { w504: 'OFF', S107: 'error' }, lintAllDocuments: true }),
  );
  assert.deepEqual(settings, { enable: false, agencyKind: 'government', rules: { W504: 'off', S107: 'error' }, lintAllDocuments: true });
  assert.deepEqual(warnings, []);
});

test('invalid values are dropped with a warning', () => {
  const { settings, warnings } = toServerSettings(
    from({ agencyKind: 'ministry', rules: { X999: 'off', T202: 'fatal', C406: 'info' } }),
  );
  assert.equal(settings.agencyKind, 'auto');
  assert.deepEqual(settings.rules, { C406: 'info' });
  assert.equal(warnings.length, 3);
  assert.equal(toServerSettings(from({ rules: ['W504'] })).warnings.length, 1);
});
