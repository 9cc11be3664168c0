import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withEarlier, isUpcoming, countsWhenHeld, pastListState, PAST_SHOWN } from '../js/lib/circlepage.js';

const s = (id, startsAt, status = 'held') => ({ id, startsAt, status });

test('withEarlier puts an older page before the window, cells and all', () => {
  const shown = {
    sessions: [s(10, '2026-10-01T17:00'), s(11, '2026-10-08T17:00'), s(20, '2026-12-02T17:00', 'planned')],
    grid: [{ personId: 1, name: 'Ana', cells: ['present', 'late', ''] }, { personId: 2, name: 'Bo', cells: ['', 'absent', 'excused'] }],
    earlier: 'cursor-1',
  };
  const older = {
    sessions: [s(7, '2026-09-17T17:00'), s(8, '2026-09-24T17:00', 'cancelled')],
    grid: [{ personId: 2, name: 'Bo', cells: ['present', ''] }, { personId: 9, name: 'Left', cells: ['late', ''] }],
    earlier: 'cursor-2',
  };
  const got = withEarlier(shown, older);
  assert.deepEqual(got.sessions.map((x) => x.id), [7, 8, 10, 11, 20]);
  assert.deepEqual(got.grid.map((r) => r.cells), [['', '', 'present', 'late', ''], ['present', '', '', 'absent', 'excused']],
    'Ana has no row in the older page: unmarked there; the older page\'s extra row is dropped');
  assert.equal(got.earlier, 'cursor-2');
  assert.deepEqual(shown.grid[0].cells, ['present', 'late', ''], 'the input is not changed');
  assert.equal(withEarlier(shown, { sessions: [], grid: [], earlier: '' }).earlier, '', 'the first session reached');
});

test('withEarlier keeps date order when older sessions fall among the shown ones, and keeps each session once', () => {
  // A cancelled session ahead is past, so a page of them can be dated after an upcoming one.
  const shown = {
    sessions: [s(1, '2026-12-02T17:00', 'planned'), s(3, '2026-12-16T17:00', 'cancelled')],
    grid: [{ personId: 1, name: 'Ana', cells: ['excused', ''] }],
    earlier: 'c',
  };
  const older = { sessions: [s(2, '2026-12-09T17:00', 'cancelled'), s(3, '2026-12-16T17:00', 'cancelled')], grid: [{ personId: 1, name: 'Ana', cells: ['', 'present'] }], earlier: '' };
  const got = withEarlier(shown, older);
  assert.deepEqual(got.sessions.map((x) => x.id), [1, 2, 3]);
  assert.deepEqual(got.grid[0].cells, ['excused', '', '']);
});

test('withEarlier orders sessions at the same time by id, as Go pages them', () => {
  const shown = { sessions: [s(5, '2026-10-01T17:00')], grid: [{ personId: 1, name: 'A', cells: ['present'] }], earlier: 'c' };
  const older = { sessions: [s(4, '2026-10-01T17:00')], grid: [{ personId: 1, name: 'A', cells: ['absent'] }], earlier: '' };
  const got = withEarlier(shown, older);
  assert.deepEqual(got.sessions.map((x) => x.id), [4, 5]);
  assert.deepEqual(got.grid[0].cells, ['absent', 'present']);
});

test('isUpcoming: planned from today on; anything else is past', () => {
  assert.equal(isUpcoming(s(1, '2026-11-25T08:00', 'planned'), '2026-11-25'), true);
  assert.equal(isUpcoming(s(1, '2026-11-24T20:00', 'planned'), '2026-11-25'), false);
  assert.equal(isUpcoming(s(1, '2026-12-25T08:00', 'cancelled'), '2026-11-25'), false);
  assert.equal(isUpcoming(s(1, '2026-12-25T08:00', 'held'), '2026-11-25'), false);
});

test('countsWhenHeld: one more held; an upcoming one moves to the past', () => {
  const c = { upcomingCount: 4, pastCount: 300, heldCount: 280 };
  assert.deepEqual(countsWhenHeld(c, { startsAt: '2026-11-20T17:00' }, '2026-11-25'), { upcomingCount: 4, pastCount: 300, heldCount: 281 });
  assert.deepEqual(countsWhenHeld(c, { startsAt: '2026-11-25T17:00' }, '2026-11-25'), { upcomingCount: 3, pastCount: 301, heldCount: 281 });
  assert.equal(c.heldCount, 280, 'the input is not changed');
});

test('pastListState: collapsed, expanded, and the way to earlier sessions', () => {
  assert.equal(PAST_SHOWN, 5);
  assert.deepEqual(pastListState(12, 180, false, true), { shown: 5, toggle: 'Show 7 more', earlier: false, note: '5 of 180 shown' });
  assert.deepEqual(pastListState(12, 180, true, true), { shown: 12, toggle: 'Show fewer', earlier: true, note: '12 of 180 shown' });
  assert.deepEqual(pastListState(3, 3, false, false), { shown: 3, toggle: null, earlier: false, note: '' });
  assert.deepEqual(pastListState(3, 9, false, true), { shown: 3, toggle: null, earlier: true, note: '3 of 9 shown' }, 'nothing to expand: offer the earlier ones at once');
  assert.deepEqual(pastListState(180, 180, true, false), { shown: 180, toggle: 'Show fewer', earlier: false, note: '' });
});

test('api.circles.sessions asks Go for the page before a cursor, by its Wails name', async () => {
  const { circles } = await import('../js/api.js');
  const sent = [];
  globalThis.window = {};
  globalThis.fetch = async (_u, init) => {
    sent.push(JSON.parse(init.body));
    return { ok: true, status: 200, text: async () => '{"result":{"sessions":[],"grid":[],"earlier":""}}' };
  };
  try {
    assert.deepEqual(await circles.sessions(7, 'cursor-1'), { sessions: [], grid: [], earlier: '' });
    await circles.sessions(7, '', 50);
  } finally {
    delete globalThis.window;
    delete globalThis.fetch;
  }
  assert.deepEqual(sent, [{ name: 'circles.Circles.Sessions', args: [7, 'cursor-1', 0] }, { name: 'circles.Circles.Sessions', args: [7, '', 50] }]);
});
