// The export dialog opens with what was exported last.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rememberedExport, formatChoices } from '../js/lib/exporting.js';

const choices = formatChoices(['md', 'html', 'csv', 'ics', 'json']);
const fresh = { choice: 'md', period: 'all', from: '', to: '', anonymize: false, figuresOnly: false };

test('the last export’s format and options come back', () => {
  const last = { choice: 'csv:roster', period: 'range', from: '2026-01-01', to: '2026-03-31', anonymize: true, figuresOnly: true };
  assert.deepEqual(rememberedExport(last, choices), last);
});

test('nothing saved, or something no longer offered, opens as new', () => {
  assert.deepEqual(rememberedExport(null, choices), fresh);
  assert.deepEqual(rememberedExport('pdf', choices), fresh);
  assert.deepEqual(rememberedExport({ choice: 'pdf', period: 'next-decade', anonymize: 'yes' }, choices), fresh);
  assert.deepEqual(rememberedExport({ choice: 'ics', period: 'this-quarter', from: 7 }, choices), { ...fresh, choice: 'ics', period: 'this-quarter' });
});
