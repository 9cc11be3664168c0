import test from 'node:test';
import assert from 'node:assert/strict';
import { formatChoices, exportRequest, takesOptions, periodLabel, savedMessage, fromBase64, latest, PERIODS } from '../js/lib/exporting.js';

test('formatChoices offers what Go can export, PDF only when it is there', () => {
  const without = formatChoices(['md', 'html', 'csv', 'ics', 'json']).map((c) => c.value);
  assert.deepEqual(without, ['md', 'html', 'csv:roster', 'csv:attendance', 'csv:actions', 'csv:skills', 'ics', 'json']);
  assert.ok(formatChoices(['md', 'pdf']).some((c) => c.value === 'pdf'));
  assert.deepEqual(formatChoices(undefined), []);
});

test('exportRequest', () => {
  assert.deepEqual(exportRequest({ choice: 'csv:roster', period: 'last-quarter', from: '2026-01-01', to: '', anonymize: true, figuresOnly: false }),
    { format: 'csv', table: 'roster', period: 'last-quarter', from: '', to: '', anonymize: true, figuresOnly: false });
  assert.deepEqual(exportRequest({ choice: 'md', period: 'range', from: '2026-01-01', to: '2026-03-31', anonymize: false, figuresOnly: true }),
    { format: 'md', table: '', period: 'range', from: '2026-01-01', to: '2026-03-31', anonymize: false, figuresOnly: true });
  assert.equal(exportRequest(/** @type {any} */ ({})).period, 'all');
});

test('takesOptions', () => {
  assert.equal(takesOptions('md'), true);
  assert.equal(takesOptions('csv:roster'), true);
  assert.equal(takesOptions('json'), false);
});

test('periodLabel', () => {
  assert.equal(periodLabel('all', '', ''), 'All sessions');
  assert.equal(periodLabel('this-quarter', '', ''), 'This quarter');
  assert.equal(periodLabel('last-quarter', '', ''), 'Last quarter');
  assert.equal(periodLabel('range', '2026-01-01', '2026-03-31'), '2026-01-01 – 2026-03-31');
  assert.equal(periodLabel('range', '2026-01-01', ''), 'From 2026-01-01');
  assert.equal(periodLabel('range', '', '2026-03-31'), 'Until 2026-03-31');
  assert.equal(periodLabel('range', '', ''), 'All sessions');
  assert.equal(PERIODS.length, 4);
});

test('savedMessage', () => {
  assert.equal(savedMessage('/home/ana/x.md', false), 'Saved to /home/ana/x.md');
  assert.equal(savedMessage('x.md', true), 'Downloaded x.md');
});

test('fromBase64 decodes Go bytes, UTF-8 intact', () => {
  const text = 'Name,Role\nAna Muñoz,mentee\n';
  const b64 = Buffer.from(text, 'utf8').toString('base64');
  assert.equal(new TextDecoder().decode(fromBase64(b64)), text);
  assert.equal(fromBase64('').length, 0);
});

test('latest drops stale answers', () => {
  const seq = latest();
  const a = seq.next();
  const b = seq.next();
  assert.equal(seq.isLatest(a), false);
  assert.equal(seq.isLatest(b), true);
});
