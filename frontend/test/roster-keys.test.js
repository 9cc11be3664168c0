import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rosterKey, moveInGridLinks } from '../js/lib/attendance.js';
import { liveAction, SHORTCUTS } from '../js/lib/keys.js';

test('rosterKey: arrows move between people and between name and marks', () => {
  const at = { row: 2, col: 1 };
  assert.deepEqual(rosterKey('ArrowUp', at, 5), { to: { row: 1, col: 1 } });
  assert.deepEqual(rosterKey('ArrowDown', at, 5), { to: { row: 3, col: 1 } });
  assert.deepEqual(rosterKey('ArrowDown', { row: 4, col: 1 }, 5), { to: { row: 4, col: 1 } }, 'stops at the last person');
  assert.deepEqual(rosterKey('ArrowUp', { row: 0, col: 0 }, 5), { to: { row: 0, col: 0 } }, 'stops at the first person');
  assert.deepEqual(rosterKey('ArrowLeft', at, 5), { to: { row: 2, col: 0 } }, 'to the name link');
  assert.deepEqual(rosterKey('ArrowRight', { row: 2, col: 0 }, 5), { to: { row: 2, col: 1 } }, 'back to the marks');
  assert.deepEqual(rosterKey('Home', at, 5), { to: { row: 0, col: 1 } });
  assert.deepEqual(rosterKey('End', at, 5), { to: { row: 4, col: 1 } });
});

test('rosterKey: letters mark, Space cycles, Delete clears', () => {
  const at = { row: 0, col: 1 };
  assert.deepEqual(rosterKey('p', at, 3), { status: 'present' });
  assert.deepEqual(rosterKey('L', at, 3), { status: 'late' }, 'with Shift or Caps Lock');
  assert.deepEqual(rosterKey('e', at, 3), { status: 'excused' });
  assert.deepEqual(rosterKey('a', at, 3), { status: 'absent' });
  assert.deepEqual(rosterKey(' ', at, 3), { cycle: true });
  assert.deepEqual(rosterKey('Delete', at, 3), { status: '' });
  assert.deepEqual(rosterKey('Backspace', at, 3), { status: '' });
  for (const k of ['x', 'n', 'Enter', 'Tab', '?']) assert.equal(rosterKey(k, at, 3), null, k);
  assert.equal(rosterKey('ArrowDown', at, 0), null, 'an empty list');
});

test('moveInGridLinks: the header links and name links are part of the grid', () => {
  // rows 3, cols 4; row -1 is the sessions' header links, col -1 the members' names
  assert.deepEqual(moveInGridLinks({ row: 0, col: 2 }, 'ArrowUp', 3, 4), { row: -1, col: 2 }, 'up to the session link');
  assert.deepEqual(moveInGridLinks({ row: -1, col: 2 }, 'ArrowUp', 3, 4), { row: -1, col: 2 }, 'nothing above the header');
  assert.deepEqual(moveInGridLinks({ row: 1, col: 0 }, 'ArrowLeft', 3, 4), { row: 1, col: -1 }, 'left to the name link');
  assert.deepEqual(moveInGridLinks({ row: 1, col: -1 }, 'ArrowLeft', 3, 4), { row: 1, col: -1 });
  assert.deepEqual(moveInGridLinks({ row: 0, col: -1 }, 'ArrowUp', 3, 4), { row: 0, col: -1 }, 'the corner holds no link');
  assert.deepEqual(moveInGridLinks({ row: -1, col: 0 }, 'ArrowLeft', 3, 4), { row: -1, col: 0 }, 'the corner holds no link');
  assert.deepEqual(moveInGridLinks({ row: 2, col: 3 }, 'ArrowDown', 3, 4), { row: 2, col: 3 });
  assert.deepEqual(moveInGridLinks({ row: 1, col: -1 }, 'ArrowRight', 3, 4), { row: 1, col: 0 });
  assert.deepEqual(moveInGridLinks({ row: 1, col: 2 }, 'Home', 3, 4), { row: 1, col: 0 }, 'first session, as before');
  assert.deepEqual(moveInGridLinks({ row: 1, col: 2 }, 'End', 3, 4, { ctrl: true }), { row: 2, col: 3 });
  assert.deepEqual(moveInGridLinks({ row: 1, col: 2 }, 'Home', 3, 4, { ctrl: true }), { row: 0, col: 0 });
  assert.equal(moveInGridLinks({ row: 1, col: 2 }, 'x', 3, 4), null);
  assert.equal(moveInGridLinks({ row: 0, col: 0 }, 'ArrowUp', 0, 4), null);
});

test('liveAction: Alt+A jumps between the notes and attendance, also while typing', () => {
  assert.equal(liveAction({ key: 'a', altKey: true }, true), 'attendance');
  assert.equal(liveAction({ key: 'a', altKey: true }, false), 'attendance');
  assert.equal(liveAction({ key: 'å', altKey: true, code: 'KeyA' }, true), 'attendance', 'macOS Alt+A');
  assert.equal(liveAction({ key: 'a', altKey: true, ctrlKey: true }, true), null);
  assert.equal(liveAction({ key: 'a' }, false), 'capture', 'A alone still captures');
});

test('the overlay lists the attendance keys', () => {
  const all = SHORTCUTS.flatMap((g) => g.items.map((i) => `${g.title}: ${i.keys.join('+')}`));
  for (const k of ['Live session: Alt+A', 'Attendance list: ↑+↓', 'Attendance list: P+L+E+A', 'Attendance list: Space']) assert.ok(all.includes(k), k);
});
