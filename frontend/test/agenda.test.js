import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agendaTotal, agendaBudget, reorderTarget } from '../js/lib/agenda.js';

test('agendaTotal adds the minutes', () => {
  assert.equal(agendaTotal([{ minutes: 10 }, { minutes: 15 }, { minutes: 0 }]), 25);
  assert.equal(agendaTotal([]), 0);
  assert.equal(agendaTotal(null), 0);
});

test('agendaBudget compares with the session length', () => {
  assert.deepEqual(agendaBudget([{ minutes: 20 }, { minutes: 20 }], 60), { total: 40, duration: 60, over: false, label: '40 min of 1 h planned' });
  const over = agendaBudget([{ minutes: 45 }, { minutes: 25 }], 60);
  assert.equal(over.over, true);
  assert.equal(over.label, '1 h 10 min planned, 10 min over the 1 h');
  assert.equal(agendaBudget([{ minutes: 5 }], 0).label, '5 min planned');
});

test('reorderTarget for Alt+Up / Alt+Down', () => {
  assert.equal(reorderTarget(2, 4, 'ArrowUp'), 1);
  assert.equal(reorderTarget(2, 4, 'ArrowDown'), 3);
  assert.equal(reorderTarget(0, 4, 'ArrowUp'), null);
  assert.equal(reorderTarget(3, 4, 'ArrowDown'), null);
  assert.equal(reorderTarget(1, 4, 'Enter'), null);
});
