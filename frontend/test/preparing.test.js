import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressText } from '../js/views/preparing.js';

test('a counted step says how far it is, an uncounted one only what it does', () => {
  assert.equal(progressText({ step: 'Building the search index', done: 12000, total: 40000 }), 'Building the search index: 12,000 of 40,000');
  assert.equal(progressText({ step: 'Backing up the data file', done: 0, total: 0 }), 'Backing up the data file…');
  assert.equal(progressText({ step: 'Building the search index', done: 41000, total: 40000 }), 'Building the search index: 40,000 of 40,000', 'never past the total');
  assert.equal(progressText(/** @type {any} */ (null)), 'Getting ready…');
});
