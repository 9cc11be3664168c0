import { test } from 'node:test';
import assert from 'node:assert/strict';
import { itemLines } from '../js/views/frameworks.js';

test('itemLines keeps the lines as typed, so Go\'s row numbers are the textarea\'s lines', () => {
  assert.deepEqual(itemLines('Listening\nFeedback\n'), ['Listening', 'Feedback']);
  assert.deepEqual(itemLines('Listening\r\n\r\nFeedback\n\n  \n'), ['Listening', '', 'Feedback'], 'a blank line inside is row 2, for Go to refuse by its row');
  assert.deepEqual(itemLines('\nListening'), ['', 'Listening']);
  assert.deepEqual(itemLines(''), []);
});
