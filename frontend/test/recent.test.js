// The recently opened circles the sidebar shows, kept in this machine's preferences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recentCircles, noteCircleOpened } from '../js/state.js';

/** A localStorage of a Map, as the page's would be. */
function fakeStorage() {
  const m = new Map();
  return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k), map: m };
}

test('opening circles keeps the 20 most recent, newest first, across reloads of the page', () => {
  const store = fakeStorage();
  globalThis.localStorage = /** @type {any} */ (store);
  try {
    assert.deepEqual(recentCircles(), []);
    noteCircleOpened(3);
    noteCircleOpened(5);
    noteCircleOpened(3);
    assert.deepEqual(recentCircles(), [3, 5]);
    assert.equal(store.map.get('circlebook.recentCircles'), '[3,5]');
    for (let id = 100; id < 130; id++) noteCircleOpened(id);
    const list = recentCircles();
    assert.equal(list.length, 20);
    assert.equal(list[0], 129);
    assert.ok(!list.includes(3), 'the oldest went');

    store.setItem('circlebook.recentCircles', '{"not": "a list"}');
    assert.deepEqual(recentCircles(), [], 'a damaged preference reads as none');
    assert.deepEqual(noteCircleOpened(8), [8]);
  } finally {
    delete globalThis.localStorage;
  }
});
