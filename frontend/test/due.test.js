import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dueInfo, isOverdue, ownerLabel } from '../js/lib/due.js';

const TODAY = '2026-12-02';

test('dueInfo', () => {
  assert.deepEqual(dueInfo('', TODAY), { label: 'No due date', level: 'none' });
  assert.deepEqual(dueInfo('2026-12-02', TODAY), { label: 'Due today', level: 'today' });
  assert.deepEqual(dueInfo('2026-12-03', TODAY), { label: 'Due tomorrow', level: 'soon' });
  assert.deepEqual(dueInfo('2026-12-04', TODAY), { label: 'Due Fri 4 Dec', level: 'soon' });
  assert.deepEqual(dueInfo('2026-12-20', TODAY), { label: 'Due Sun 20 Dec', level: 'later' });
  assert.deepEqual(dueInfo('2027-01-08', TODAY), { label: 'Due Fri 8 Jan 2027', level: 'later' });
  assert.deepEqual(dueInfo('2026-12-01', TODAY), { label: 'Overdue since yesterday', level: 'overdue' });
  assert.deepEqual(dueInfo('2026-11-28', TODAY), { label: 'Overdue 4 days (Sat 28 Nov)', level: 'overdue' });
  assert.deepEqual(dueInfo('2026-11-28', TODAY, 'done'), { label: 'Was due Sat 28 Nov', level: 'done' });
});

test('isOverdue and ownerLabel', () => {
  assert.equal(isOverdue({ dueOn: '2026-12-01', status: 'open' }, TODAY), true);
  assert.equal(isOverdue({ dueOn: '2026-12-01', status: 'done' }, TODAY), false);
  assert.equal(isOverdue({ dueOn: '', status: 'open' }, TODAY), false);
  assert.equal(ownerLabel({ ownerId: null, ownerName: '' }), 'Whole circle');
  assert.equal(ownerLabel({ ownerId: 3, ownerName: 'Ana' }), 'Ana');
});
