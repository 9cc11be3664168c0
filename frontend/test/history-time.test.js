// History shows when a version was kept in the circle's zone, not the computer's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { when } from '../js/views/history.js';

test('a moment reads in the circle’s zone', () => {
  assert.equal(when('2026-12-01T23:30:00Z', 'Pacific/Auckland'), 'Wed 2 Dec, 12:30');
  assert.equal(when('2026-12-01T23:30:00Z', 'America/Los_Angeles'), 'Tue 1 Dec, 15:30');
  assert.equal(when('2026-07-01T10:05:00+02:00', 'Europe/Madrid'), 'Wed 1 Jul, 10:05');
  assert.equal(when('not a time', 'Europe/Madrid'), '');
});
