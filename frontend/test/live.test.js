import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatClock, sessionClock, currentItemId, nextItemId, itemClock, draftKey, fnv1a, pickRecovery, clockTime } from '../js/lib/live.js';

const START = '2026-12-02T16:00:00Z';
const at = (min, sec = 0) => Date.parse(START) + min * 60000 + sec * 1000;

test('formatClock', () => {
  assert.equal(formatClock(0), '0:00');
  assert.equal(formatClock(65000), '1:05');
  assert.equal(formatClock(59 * 60000 + 59000), '59:59');
  assert.equal(formatClock(3723000), '1:02:03');
  assert.equal(formatClock(-5000), '−0:05');
});

test('sessionClock counts from startedAt against the plan', () => {
  assert.equal(sessionClock('', '', 60, at(5)).level, 'idle');
  const ok = sessionClock(START, '', 60, at(12, 5));
  assert.deepEqual([ok.text, ok.level, ok.note, ok.planned, ok.running], ['12:05', 'ok', '47:55 left', '1:00:00', true]);
  assert.equal(sessionClock(START, '', 60, at(55)).level, 'warn', 'amber within 5 minutes of the end');
  assert.equal(sessionClock(START, '', 60, at(54, 59)).level, 'ok');
  const over = sessionClock(START, '', 60, at(62));
  assert.deepEqual([over.level, over.note], ['over', '2:00 over']);
  assert.equal(sessionClock(START, '', 0, at(200)).level, 'ok', 'no plan, never over');
  const ended = sessionClock(START, '2026-12-02T16:45:00Z', 60, at(300));
  assert.deepEqual([ended.text, ended.running, ended.note], ['45:00', false, 'Ended']);
});

test('current and next agenda item', () => {
  const items = [{ id: 1, done: true }, { id: 2, done: false }, { id: 3, done: false }, { id: 4, done: true }];
  assert.equal(currentItemId(items, null), 2);
  assert.equal(currentItemId(items, 3), 3);
  assert.equal(currentItemId(items, 1), 2, 'a done item is not current');
  assert.equal(currentItemId(items, 99), 2);
  assert.equal(currentItemId([{ id: 1, done: true }], null), null);
  assert.equal(nextItemId(items, 2), 3);
  assert.equal(nextItemId(items, 3), 2, 'wraps to an earlier open item');
  assert.equal(nextItemId([{ id: 1, done: false }], 1), null);
  assert.equal(nextItemId([], null), null);
});

test('itemClock', () => {
  assert.deepEqual(itemClock(10, 0, 3 * 60000), { text: '3:00 / 10:00', level: 'ok' });
  assert.equal(itemClock(10, 0, 9.5 * 60000).level, 'warn');
  assert.equal(itemClock(10, 0, 11 * 60000).level, 'over');
  assert.deepEqual(itemClock(0, 0, 61000), { text: '1:01', level: 'ok' });
});

test('draftKey names the data file, so two files never share a draft', () => {
  const a = draftKey(4, 'private', '/home/ana/.local/share/circlebook/circlebook.db');
  const b = draftKey(4, 'private', '/tmp/other/circlebook.db');
  assert.match(a, /^circlebook\.draft\.[0-9a-f]{8}\.4\.private$/);
  assert.notEqual(a, b);
  assert.equal(a, draftKey(4, 'private', '/home/ana/.local/share/circlebook/circlebook.db'));
  assert.notEqual(draftKey(4, 'shared', '/x'), draftKey(4, 'private', '/x'));
  assert.equal(fnv1a(''), '811c9dc5');
  assert.equal(fnv1a('a'), 'e40c292c');
});

test('pickRecovery offers unsaved text only when it differs and is not stale', () => {
  const saved = { body: 'hello', version: 3 };
  assert.equal(pickRecovery(saved, null, null), null);
  assert.equal(pickRecovery(saved, { body: 'hello', at: '2026-12-02T16:00:00Z', version: 3 }, null), null);
  assert.deepEqual(pickRecovery(saved, { body: 'hello world', at: '2026-12-02T16:00:00Z', version: 2 }, null),
    { body: 'hello world', at: '2026-12-02T16:00:00Z', source: 'local' });
  assert.equal(pickRecovery({ body: 'x', version: 9 }, { body: 'old draft', at: '2026-12-02T16:00:00Z', version: 2 }, null), null, 'saved long after');
  const journal = { body: 'from disk', savedAt: '2026-12-02T16:05:00Z' };
  assert.equal(pickRecovery(saved, { body: 'local', at: '2026-12-02T16:00:00Z', version: 3 }, journal).source, 'journal', 'newer wins');
  assert.equal(pickRecovery({ body: '', version: 0 }, null, journal).body, 'from disk');
});

test('pickRecovery keeps a conflicted draft however far the note has moved on', () => {
  // Ben typed on version 2; Ana saved versions 3 to 6 meanwhile and Go refused his text.
  const saved = { body: 'Ana, version 6', version: 6 };
  const draft = { body: 'Ben, typed on version 2', at: '2026-12-02T16:00:00Z', version: 2 };
  assert.equal(pickRecovery(saved, draft, null), null, 'a plain draft that far behind is stale');
  assert.deepEqual(pickRecovery(saved, { ...draft, conflict: true }, null),
    { body: 'Ben, typed on version 2', at: '2026-12-02T16:00:00Z', source: 'local', conflict: true });
  assert.equal(pickRecovery({ body: 'Ben, typed on version 2', version: 7 }, { ...draft, conflict: true }, null), null, 'once Go has that very text, nothing to offer');
});

test('clockTime', () => {
  assert.match(clockTime('2026-12-02T16:05:00Z'), /^\d\d:05$/);
  assert.equal(clockTime('nope'), '');
});
