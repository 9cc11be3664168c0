import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agendaTotal, agendaBudget, reorderTarget, itemTimer, sessionOver } from '../js/lib/agenda.js';

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

test('sessionOver: ended, or held or cancelled without the live screen', () => {
  assert.equal(sessionOver({ endedAt: '', status: 'planned' }), false);
  assert.equal(sessionOver({ endedAt: '2026-12-02T16:22:30Z', status: 'held' }), true);
  assert.equal(sessionOver({ endedAt: '', status: 'held' }), true);
  assert.equal(sessionOver({ endedAt: '', status: 'cancelled' }), true);
});

test('itemTimer runs while the session runs and stops at its end', () => {
  const since = Date.parse('2026-12-02T16:10:00Z');
  const running = { startedAt: '2026-12-02T16:00:00Z', endedAt: '', status: 'planned' };
  assert.deepEqual(itemTimer(10, since, running, since + 3 * 60000), { text: '3:00 / 10:00', level: 'ok', stopped: false });
  const ended = { ...running, endedAt: '2026-12-02T16:22:30Z', status: 'held' };
  const final = { text: '12:30 / 10:00', level: 'over', stopped: true };
  assert.deepEqual(itemTimer(10, since, ended, since + 13 * 60000), final, 'the final time spent');
  assert.deepEqual(itemTimer(10, since, ended, since + 3 * 3600000), final, 'an hour later, still the final time');
  assert.equal(itemTimer(10, Date.parse('2026-12-02T17:00:00Z'), ended, Date.now()), null, 'current only after the end: nothing was timed');
  assert.equal(itemTimer(0, since, { startedAt: '', endedAt: '', status: 'held' }, since + 60000), null, 'held without the live screen: no timing');
});
