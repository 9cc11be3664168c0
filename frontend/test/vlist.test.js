import { test } from 'node:test';
import assert from 'node:assert/strict';
import { visibleRange, pagesFor, scrollToShow, keyTarget } from '../js/lib/vlist.js';

test('visibleRange renders the rows in view plus the overscan, within the list', () => {
  const o = { rowHeight: 64, count: 16000, overscan: 4 };
  assert.deepEqual(visibleRange({ ...o, top: 0, height: 640 }), { start: 0, end: 14 });
  assert.deepEqual(visibleRange({ ...o, top: 6400, height: 640 }), { start: 96, end: 114 });
  assert.deepEqual(visibleRange({ ...o, top: 6432, height: 640 }), { start: 96, end: 115 }, 'half rows at both edges count');
  assert.deepEqual(visibleRange({ ...o, top: 64 * 15990, height: 640 }), { start: 15986, end: 16000 });
  assert.deepEqual(visibleRange({ ...o, top: -300, height: 640 }), { start: 0, end: 10 }, 'a list below the viewport top');
  assert.deepEqual(visibleRange({ ...o, top: -900, height: 640 }), { start: 0, end: 4 }, 'a list below the viewport: the overscan only');
  assert.deepEqual(visibleRange({ ...o, count: 3, top: 0, height: 640 }), { start: 0, end: 3 });
  assert.deepEqual(visibleRange({ ...o, count: 0, top: 0, height: 640 }), { start: 0, end: 0 });
});

test('visibleRange keeps the DOM bounded whatever the list size', () => {
  for (const count of [10, 1000, 16000, 159000]) {
    for (const top of [0, 1234, 64 * count / 2, 64 * count]) {
      const r = visibleRange({ top, height: 900, rowHeight: 64, count, overscan: 6 });
      assert.ok(r.end - r.start <= Math.ceil(900 / 64) + 1 + 12, `${count} rows at ${top}: ${r.end - r.start} rendered`);
      assert.ok(r.start >= 0 && r.end <= count && r.start <= r.end);
    }
  }
});

test('pagesFor names the pages that hold a range of rows', () => {
  assert.deepEqual(pagesFor(0, 14, 50), [0]);
  assert.deepEqual(pagesFor(40, 60, 50), [0, 1]);
  assert.deepEqual(pagesFor(50, 100, 50), [1]);
  assert.deepEqual(pagesFor(15986, 16000, 50), [319]);
  assert.deepEqual(pagesFor(-20, 10, 50), [0]);
  assert.deepEqual(pagesFor(10, 10, 50), []);
});

test('scrollToShow scrolls only as far as needed to show a row', () => {
  const o = { rowHeight: 64, listTop: 200, height: 640 };
  assert.equal(scrollToShow({ ...o, index: 2, scrollTop: 0 }), null, 'already in view');
  assert.equal(scrollToShow({ ...o, index: 20, scrollTop: 0 }), 200 + 21 * 64 - 640, 'below: its bottom at the viewport bottom');
  assert.equal(scrollToShow({ ...o, index: 3, scrollTop: 1000 }), 200 + 3 * 64, 'above: its top at the viewport top');
  assert.equal(scrollToShow({ ...o, index: 0, scrollTop: 300 }), 200);
});

test('keyTarget moves by one, by a viewport, and to the ends', () => {
  assert.equal(keyTarget('ArrowDown', 0, 100, 10), 1);
  assert.equal(keyTarget('ArrowDown', 99, 100, 10), 99);
  assert.equal(keyTarget('ArrowUp', 0, 100, 10), 0);
  assert.equal(keyTarget('ArrowUp', 5, 100, 10), 4);
  assert.equal(keyTarget('PageDown', 5, 100, 10), 14);
  assert.equal(keyTarget('PageUp', 5, 100, 10), 0);
  assert.equal(keyTarget('Home', 57, 100, 10), 0);
  assert.equal(keyTarget('End', 3, 16000, 10), 15999);
  assert.equal(keyTarget('Enter', 3, 100, 10), null);
  assert.equal(keyTarget('a', 3, 100, 10), null);
  assert.equal(keyTarget('End', 0, 0, 10), null);
});
