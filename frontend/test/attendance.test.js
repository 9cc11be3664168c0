import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STATUSES, ZERO, adjustTally, addSessionTally, tallyAfterMark, nextStatus, statusLetter, statusLabel, tally, gridColumns, moveInGridLinks, tallySummary } from '../js/lib/attendance.js';

test('a cell cycles present -> late -> excused -> absent -> unmarked -> present', () => {
  const seen = [];
  let s = '';
  for (let i = 0; i < 6; i++) {
    s = nextStatus(s);
    seen.push(s);
  }
  assert.deepEqual(seen, ['present', 'late', 'excused', 'absent', '', 'present']);
  assert.equal(nextStatus('something-else'), 'present');
});

test('every status has a letter and a label, so marks are never colour-only', () => {
  for (const s of STATUSES) {
    assert.match(statusLetter(s), /^[A-Z]$/);
    assert.ok(statusLabel(s).length > 2);
  }
  assert.equal(new Set(STATUSES.map(statusLetter)).size, STATUSES.length);
  assert.equal(statusLetter(''), '');
  assert.equal(statusLabel(''), 'Not marked');
});

test('tally follows the Go rules: present and late attend, excused is not counted', () => {
  assert.deepEqual(tally([]), { present: 0, late: 0, excused: 0, absent: 0, rate: null });
  assert.deepEqual(tally(['excused', 'excused']), { present: 0, late: 0, excused: 2, absent: 0, rate: null });
  const t = tally(['present', 'late', 'absent', 'excused', 'present']);
  assert.equal(t.present, 2);
  assert.equal(t.late, 1);
  assert.equal(t.absent, 1);
  assert.equal(t.excused, 1);
  assert.equal(t.rate, 3 / 4);
});

test('grid columns are the held and planned sessions', () => {
  assert.deepEqual(gridColumns([{ status: 'held' }, { status: 'cancelled' }, { status: 'planned' }]), [0, 2]);
  assert.deepEqual(gridColumns([]), []);
});

test('arrow keys move within the grid and stop at its edges', () => {
  assert.deepEqual(moveInGridLinks({ row: 0, col: 0 }, 'ArrowRight', 3, 4), { row: 0, col: 1 });
  assert.deepEqual(moveInGridLinks({ row: 2, col: 3 }, 'ArrowDown', 3, 4), { row: 2, col: 3 });
  assert.deepEqual(moveInGridLinks({ row: 2, col: 3 }, 'ArrowRight', 3, 4), { row: 2, col: 3 });
  assert.deepEqual(moveInGridLinks({ row: 1, col: 2 }, 'ArrowUp', 3, 4), { row: 0, col: 2 });
  assert.deepEqual(moveInGridLinks({ row: 1, col: 2 }, 'Home', 3, 4), { row: 1, col: 0 });
  assert.deepEqual(moveInGridLinks({ row: 1, col: 2 }, 'End', 3, 4, { ctrl: true }), { row: 2, col: 3 });
  assert.equal(moveInGridLinks({ row: 0, col: 0 }, ' ', 3, 4), null);
  assert.equal(moveInGridLinks({ row: 0, col: 0 }, 'ArrowDown', 0, 4), null);
});

test('tallySummary', () => {
  assert.equal(tallySummary(tally(['present', 'present', 'absent'])), '2 present · 1 absent');
  assert.equal(tallySummary(tally([])), 'Nothing marked yet');
});

test('adjustTally moves one mark and keeps the rest as Go counted them', () => {
  const go = { present: 10, late: 2, excused: 1, absent: 3, rate: 12 / 15 };
  assert.deepEqual(adjustTally(go, 'present', 'late'), { present: 9, late: 3, excused: 1, absent: 3, rate: 12 / 15 });
  assert.deepEqual(adjustTally(go, 'absent', ''), { present: 10, late: 2, excused: 1, absent: 2, rate: 12 / 14 });
  assert.deepEqual(adjustTally(go, '', 'excused'), { present: 10, late: 2, excused: 2, absent: 3, rate: 12 / 15 });
  assert.equal(adjustTally({ present: 0, late: 0, excused: 0, absent: 1, rate: 0 }, 'absent', '').rate, null);
  assert.equal(go.present, 10, 'the input is not changed');
});

test('addSessionTally counts a session that has just become held', () => {
  const go = { present: 10, late: 2, excused: 1, absent: 3, rate: 12 / 15 };
  assert.deepEqual(addSessionTally(go, ['present', '', 'absent', 'late', 'excused']), { present: 11, late: 3, excused: 2, absent: 4, rate: 14 / 18 });
  assert.deepEqual(addSessionTally({ present: 0, late: 0, excused: 0, absent: 0, rate: null }, ['', '']), { present: 0, late: 0, excused: 0, absent: 0, rate: null });
});

test('tallyAfterMark moves a member and the circle by one mark at a held session', () => {
  const ana = { present: 30, late: 2, excused: 1, absent: 7, rate: 32 / 39 };
  const circle = { present: 500, late: 40, excused: 20, absent: 60, rate: 540 / 600 };
  const t = { members: new Map([[1, ana], [2, ZERO]]), overall: circle };
  const got = tallyAfterMark(t, { personId: 1, before: 'absent', after: 'present', held: true, becameHeld: false, column: [] });
  assert.deepEqual(got.members.get(1), { present: 31, late: 2, excused: 1, absent: 6, rate: 33 / 39 }, 'Ana keeps every count Go gave but the one mark');
  assert.deepEqual(got.overall, { present: 501, late: 40, excused: 20, absent: 59, rate: 541 / 600 });
  assert.deepEqual(got.changed, [1]);
  assert.equal(got.members.get(2), ZERO);
  assert.equal(t.members.get(1), ana, 'the input is not changed');
});

test('tallyAfterMark counts a whole session that has just become held, for each of its members', () => {
  const t = { members: new Map([[1, { present: 3, late: 0, excused: 0, absent: 1, rate: 0.75 }], [2, ZERO]]), overall: { present: 3, late: 0, excused: 0, absent: 1, rate: 0.75 } };
  const column = [{ personId: 1, status: 'present' }, { personId: 2, status: 'late' }, { personId: 3, status: '' }];
  const got = tallyAfterMark(t, { personId: 2, before: '', after: 'late', held: false, becameHeld: true, column });
  assert.deepEqual(got.members.get(1), { present: 4, late: 0, excused: 0, absent: 1, rate: 0.8 });
  assert.deepEqual(got.members.get(2), { present: 0, late: 1, excused: 0, absent: 0, rate: 1 });
  assert.equal(got.members.has(3), false, 'an unmarked row counts nothing');
  assert.deepEqual(got.overall, { present: 4, late: 1, excused: 0, absent: 1, rate: 5 / 6 });
  assert.deepEqual(got.changed, [1, 2, 3]);
});

test('tallyAfterMark: a mark at a session that stays planned counts nowhere', () => {
  const t = { members: new Map([[1, ZERO]]), overall: ZERO };
  const got = tallyAfterMark(t, { personId: 1, before: '', after: 'excused', held: false, becameHeld: false, column: [{ personId: 1, status: 'excused' }] });
  assert.equal(got.overall, ZERO);
  assert.equal(got.members.get(1), ZERO);
  assert.deepEqual(got.changed, []);
});
