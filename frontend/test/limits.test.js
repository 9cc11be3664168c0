// The page states the same limits and messages as Go's check package, and
// finds the same problems before anything is sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIMITS, MESSAGES, message, problem } from '../js/lib/limits.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const goCheck = readFileSync(join(repo, 'backend', 'check', 'check.go'), 'utf8');
const goSeries = readFileSync(join(repo, 'backend', 'sessions', 'series.go'), 'utf8');

/** @param {string} src @param {string} name @returns {number} */
function goConst(src, name) {
  const m = src.match(new RegExp(`\\b${name}\\s*=\\s*([0-9_]+)`));
  assert.ok(m, `Go constant ${name}`);
  return Number(m[1].replaceAll('_', ''));
}

test('the limits are Go’s', () => {
  assert.equal(LIMITS.name, goConst(goCheck, 'MaxName'));
  assert.equal(LIMITS.title, goConst(goCheck, 'MaxTitle'));
  assert.equal(LIMITS.prose, goConst(goCheck, 'MaxProse'));
  assert.equal(LIMITS.email, goConst(goCheck, 'MaxEmail'));
  assert.equal(LIMITS.url, goConst(goCheck, 'MaxURL'));
  assert.equal(LIMITS.minYear, goConst(goCheck, 'MinYear'));
  assert.equal(LIMITS.maxYear, goConst(goCheck, 'MaxYear'));
  assert.equal(LIMITS.series, goConst(goSeries, 'MaxSeries'));
});

test('the messages are Go’s, word for word', () => {
  for (const [key, format] of Object.entries(MESSAGES)) {
    if (key === 'wholeNumber') continue; // only the page parses numbers
    assert.ok(goCheck.includes(JSON.stringify(format)), `check.go has no message ${JSON.stringify(format)} (${key})`);
  }
  assert.equal(message('tooLong', 5000, 200), 'This is 5000 characters; the limit is 200.');
  assert.equal(message('between', 'Number of sessions', 1, 104), 'Number of sessions must be between 1 and 104.');
});

test('problems the page finds before sending', () => {
  const today = '2026-12-01';
  const cases = [
    ['', { what: 'Name', required: true }, 'Name is required.'],
    ['  ', { what: 'Name', required: true }, 'Name is required.'],
    ['x'.repeat(5000), { what: 'Name', required: true, maxLength: 200 }, 'This is 5000 characters; the limit is 200.'],
    ['ñ'.repeat(200), { maxLength: 200 }, ''],
    ['😀'.repeat(200), { maxLength: 200 }, ''], // characters, as Go counts them, not UTF-16 units
    ['javascript:alert(1)', { type: 'url' }, MESSAGES.webAddress],
    ['meet.example.org/abc', { type: 'url' }, MESSAGES.webAddress],
    ['https://meet.example.org/abc?pwd=1', { type: 'url' }, ''],
    ['HTTP://example.org', { type: 'url' }, ''],
    ['', { type: 'url' }, ''],
    ['2999-01-01', { type: 'date' }, 'Use a date between 1900 and 2100.'],
    ['1850-01-01', { type: 'date' }, 'Use a date between 1900 and 2100.'],
    ['2026-02-30', { type: 'date' }, 'Use a date like 2026-03-31.'],
    ['2026-12-02', { type: 'date', notAfter: today }, 'Use a date no later than today.'],
    ['2026-12-01', { type: 'date', notAfter: today }, ''],
    ['', { type: 'datetime-local', required: true }, 'Use a date and time like 2026-03-31T18:30.'],
    ['2999-01-01T10:00', { type: 'datetime-local', required: true }, 'Use a date between 1900 and 2100.'],
    ['2026-12-01T10:00', { type: 'datetime-local', required: true }, ''],
    ['1000', { type: 'number', what: 'Number of sessions', min: 1, max: 104, required: true }, 'Number of sessions must be between 1 and 104.'],
    ['104', { type: 'number', what: 'Number of sessions', min: 1, max: 104, required: true }, ''],
    ['', { type: 'number', what: 'Number of sessions', min: 1, max: 104, required: true }, 'Number of sessions must be between 1 and 104.'],
    ['', { type: 'number', what: 'Duration', min: 5, max: 1440 }, ''],
    ['2.5', { type: 'number', what: 'Duration', min: 5, max: 1440 }, 'Enter a whole number.'],
    ['ana@example', { type: 'email', maxLength: 254 }, 'That does not look like an email address.'],
    ['ana@example.org', { type: 'email', maxLength: 254 }, ''],
    ['Check-in\n\n' + 'a'.repeat(201), { lineMax: 200 }, 'Line 2 is 201 characters; the limit is 200.'],
  ];
  for (const [value, rules, want] of cases) assert.equal(problem(value, rules), want, `${JSON.stringify(value).slice(0, 40)} ${JSON.stringify(rules)}`);
});
