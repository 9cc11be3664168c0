import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCloseMark, isQuitKey, defaultTitle } from '../js/lib/closing.js';

test('only Ctrl+Alt+Shift+F12 is the close mark', () => {
  assert.equal(isCloseMark({ key: 'F12', ctrlKey: true, altKey: true, shiftKey: true }), true);
  assert.equal(isCloseMark({ key: 'F12', ctrlKey: true, altKey: true }), false);
  assert.equal(isCloseMark({ key: 'F12' }), false);
  assert.equal(isCloseMark({ key: 'Unidentified', ctrlKey: true, altKey: true, shiftKey: true }), false);
});

test('Ctrl+Q and Cmd+Q quit; q, Ctrl+Shift+Q and Ctrl+Alt+Q do not', () => {
  assert.equal(isQuitKey({ key: 'q', ctrlKey: true }), true);
  assert.equal(isQuitKey({ key: 'Q', metaKey: true }), true);
  assert.equal(isQuitKey({ key: 'q' }), false);
  assert.equal(isQuitKey({ key: 'Q', ctrlKey: true, shiftKey: true }), false);
  assert.equal(isQuitKey({ key: 'q', ctrlKey: true, altKey: true }), false);
});

test('screens that do not name themselves get a title per route', () => {
  assert.equal(defaultTitle('circles'), 'Circles — Circlebook');
  assert.equal(defaultTitle('people'), 'People — Circlebook');
  assert.equal(defaultTitle('notfound'), 'Not found — Circlebook');
  assert.equal(defaultTitle('circle'), 'Circlebook');
});
