import { test } from 'node:test';
import assert from 'node:assert/strict';
import { on, emit, pref, setPref, addFlusher, flushAll } from '../js/state.js';

test('on/emit with unsubscribe', () => {
  const got = [];
  const off = on('circles:changed', (d) => got.push(d));
  emit('circles:changed', 1);
  off();
  emit('circles:changed', 2);
  assert.deepEqual(got, [1]);
});

test('a failing handler does not stop the others', () => {
  const got = [];
  const originalError = console.error;
  console.error = () => {};
  const offs = [on('people:changed', () => { throw new Error('x'); }), on('people:changed', () => got.push('ok'))];
  emit('people:changed');
  console.error = originalError;
  offs.forEach((off) => off());
  assert.deepEqual(got, ['ok']);
});

test('preferences fall back without storage', () => {
  assert.equal(pref('includeArchived', false), false);
  setPref('includeArchived', true); // no localStorage in node: silently not kept
  assert.equal(pref('includeArchived', 'fallback'), 'fallback');
});

test('flushAll waits for every registered flusher, even when one fails', async () => {
  const done = [];
  const offA = addFlusher(async () => { await new Promise((r) => setTimeout(r, 5)); done.push('a'); });
  const offB = addFlusher(() => { throw new Error('boom'); });
  const offC = addFlusher(async () => { done.push('c'); });
  await flushAll();
  assert.deepEqual(done.sort(), ['a', 'c']);
  offA(); offB(); offC();
  done.length = 0;
  await flushAll();
  assert.deepEqual(done, []);
});
