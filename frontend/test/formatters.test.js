// The page builds one date formatter per zone and options, never one a row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dateTimeFormat, nowIn, localTimeZone, formatCount } from '../js/lib/format.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Counts the Intl.DateTimeFormat objects built while fn runs. */
function countBuilt(fn) {
  const Real = Intl.DateTimeFormat;
  let built = 0;
  Intl.DateTimeFormat = /** @type {any} */ (function Counting(...args) {
    built += 1;
    return new Real(...args);
  });
  try {
    fn();
  } finally {
    Intl.DateTimeFormat = Real;
  }
  return built;
}

test('one formatter per zone and options, kept', () => {
  const opts = { hour: '2-digit', minute: '2-digit' };
  assert.equal(dateTimeFormat('Europe/Madrid', opts), dateTimeFormat('Europe/Madrid', { ...opts }));
  assert.notEqual(dateTimeFormat('Europe/Madrid', opts), dateTimeFormat('Asia/Tokyo', opts));
  assert.notEqual(dateTimeFormat('Europe/Madrid', opts), dateTimeFormat('Europe/Madrid', { hour: '2-digit' }));
  assert.equal(dateTimeFormat('Not/AZone', opts), null);
});

test('16,000 rows asking for today build at most one formatter per zone', () => {
  const at = new Date('2026-11-25T18:37:00Z');
  const zones = ['', 'Europe/Madrid', 'America/Sao_Paulo', 'Asia/Singapore', 'Not/AZone'];
  const built = countBuilt(() => {
    for (let i = 0; i < 16000; i++) nowIn(zones[i % zones.length], at);
  });
  assert.ok(built <= zones.length, `${built} formatters built`);
  assert.equal(countBuilt(() => nowIn('Europe/Madrid', at)), 0, 'a zone seen before builds none');
  assert.deepEqual(nowIn('Asia/Singapore', at), { date: '2026-11-26', dateTime: '2026-11-26T02:37' });
});

test("the computer's own zone needs no formatter at all", () => {
  const at = new Date(2026, 10, 25, 7, 5);
  assert.equal(countBuilt(() => nowIn('', at)), 0);
  assert.equal(countBuilt(() => nowIn(undefined, at)), 0);
  assert.deepEqual(nowIn('', at), { date: '2026-11-25', dateTime: '2026-11-25T07:05' });
});

test('the cache stays bounded however many zones pass through it', () => {
  const zones = Intl.supportedValuesOf('timeZone');
  for (const z of zones) dateTimeFormat(z, { year: 'numeric' });
  // The oldest went; asking again builds it anew, and the newest is still there.
  assert.equal(countBuilt(() => dateTimeFormat(zones.at(-1), { year: 'numeric' })), 0);
  assert.equal(countBuilt(() => dateTimeFormat(zones[0], { year: 'numeric' })), 1);
});

test('localTimeZone and formatCount', () => {
  assert.match(localTimeZone(), /\w/);
  assert.equal(formatCount(16000), '16,000');
  assert.equal(formatCount(159000), '159,000');
  assert.equal(formatCount(7), '7');
  assert.equal(formatCount(1000000), '1,000,000');
  assert.equal(formatCount(-1234), '-1,234');
  assert.equal(formatCount(999), '999');
});

test('no view builds a formatter or uses toLocale* (they would per row)', () => {
  const dir = join(root, 'js', 'views');
  for (const name of readdirSync(dir)) {
    const src = readFileSync(join(dir, name), 'utf8');
    assert.doesNotMatch(src, /new Intl\.|Intl\.\w+\(|toLocale\w*\(/, `views/${name} formats dates or numbers itself; use lib/format.js`);
  }
});
