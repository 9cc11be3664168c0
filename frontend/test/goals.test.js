import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GOAL_STATUSES, goalStatusLabel, milestoneLabel, progressText, targetInfo, checkInText, goalFormValues,
  goalProblems, tasksFromRows, storyTimeline, streakText, goalPanelKey, clampProgress, MAX_TASKS, STALE_TEXT,
} from '../js/lib/goals.js';

test('statuses are Go’s, in order, with labels', () => {
  assert.deepEqual(GOAL_STATUSES.map((s) => s.value), ['draft', 'active', 'at_risk', 'achieved', 'dropped']);
  assert.equal(goalStatusLabel('at_risk'), 'At risk');
  assert.equal(goalStatusLabel('paused_forever'), 'Paused forever');
  assert.equal(milestoneLabel('new_role'), 'New role');
  assert.equal(STALE_TEXT, 'No check-in in the last 3 sessions');
});

test('progressText counts tasks when progress follows them', () => {
  assert.equal(progressText({ progress: 50, progressMode: 'tasks', tasks: [{ done: true }, { done: false }] }), '50% · 1 of 2 tasks');
  assert.equal(progressText({ progress: 70, progressMode: 'manual', tasks: [{ done: false }] }), '70%');
  assert.equal(progressText({ progress: 0, progressMode: 'tasks', tasks: [] }), '0%');
  assert.equal(clampProgress(150), 100);
  assert.equal(clampProgress(-3), 0);
});

test('targetInfo flags an open goal past its date, never a closed one', () => {
  assert.deepEqual(targetInfo('', '2026-12-02', 'active'), { text: 'No target date', level: 'none' });
  assert.deepEqual(targetInfo('2026-12-01', '2026-12-02', 'active'), { text: 'by 1 Dec 2026 · overdue', level: 'overdue' });
  assert.equal(targetInfo('2026-12-01', '2026-12-02', 'achieved').level, 'later');
  assert.equal(targetInfo('2026-12-10', '2026-12-02', 'at_risk').level, 'soon');
  assert.equal(targetInfo('2027-06-30', '2026-12-02', 'active').level, 'later');
});

test('checkInText', () => {
  assert.equal(checkInText({ progress: 60, status: 'at_risk', note: 'blocked on review' }), '60% · At risk · “blocked on review”');
  assert.equal(checkInText({ progress: 10, status: 'active', note: '' }), '10% · Active');
});

test('goalFormValues: a new goal is active, task-based and private', () => {
  const v = goalFormValues(undefined, 7);
  assert.equal(v.personId, 7);
  assert.equal(v.status, 'active');
  assert.equal(v.progressMode, 'tasks');
  assert.equal(v.visibility, 'private');
  const e = goalFormValues({ personId: 3, circleId: 2, title: 'T', status: 'at_risk', progressMode: 'manual', progress: 40, visibility: 'shared', tasks: [{ id: 9, title: 'x', done: true, goalId: 1 }] });
  assert.deepEqual(e.tasks, [{ id: 9, title: 'x', done: true }]);
  assert.equal(e.circleId, 2);
});

test('goalProblems: Go’s words for an empty title, progress out of range, too many tasks', () => {
  const base = goalFormValues(undefined, 1);
  assert.deepEqual(goalProblems({ ...base, title: 'Lead the Q3 demo' }), []);
  assert.deepEqual(goalProblems({ ...base, title: '  ', progressMode: 'manual', progress: 150 }), [
    { field: 'title', message: 'Title is required.' },
    { field: 'progress', message: 'Progress must be between 0 and 100.' },
  ]);
  assert.deepEqual(goalProblems({ ...base, title: 'x', progress: 150 }), [], 'progress from tasks is not checked');
  const seven = Array.from({ length: MAX_TASKS + 1 }, (_, i) => ({ id: 0, title: `t${i}`, done: false }));
  assert.equal(goalProblems({ ...base, title: 'x', tasks: seven })[0].field, 'tasks');
});

test('tasksFromRows drops blank rows and keeps ids and ticks', () => {
  assert.deepEqual(tasksFromRows([{ id: '4', title: ' a ', done: true }, { title: '  ' }, { title: 'b' }]), [{ id: 4, title: 'a', done: true }, { id: 0, title: 'b', done: false }]);
});

test('storyTimeline merges newest first and stops at the limit', () => {
  const story = {
    milestones: [{ id: 1, kind: 'promotion', happenedOn: '2026-10-01', text: 'L3 to L4', visibility: 'shared' }],
    checkIns: [{ id: 5, goalId: 2, goalTitle: 'Lead a demo', progress: 60, status: 'active', note: 'on track', checkedOn: '2026-11-03', sessionId: 8 },
      { id: 4, goalId: 2, goalTitle: 'Lead a demo', progress: 30, status: 'active', note: '', checkedOn: '2026-10-01', sessionId: 7 }],
    finished: [{ id: 3, text: 'Send the deck', doneAt: '2026-11-20T10:00:00Z' }],
  };
  const { items, total } = storyTimeline(story, 3, (iso) => iso.slice(0, 10));
  assert.equal(total, 4);
  assert.deepEqual(items.map((i) => `${i.kind}:${i.on}`), ['action:2026-11-20', 'checkin:2026-11-03', 'milestone:2026-10-01']);
  assert.equal(items[1].detail, '60% · Active · “on track”');
  assert.equal(items[2].title, 'Promotion');
  assert.equal(storyTimeline({}, 10, (x) => x).total, 0);
});

test('streakText', () => {
  assert.equal(streakText({ current: 0, longest: 0, attended: 0, marked: 0 }), 'No marks at held sessions yet');
  assert.equal(streakText({ current: 1, longest: 4, attended: 7, marked: 9 }), '1 session in a row · longest 4 · 7 of 9 attended');
});

test('goalPanelKey: arrows choose, Enter opens, Esc goes back', () => {
  assert.deepEqual(goalPanelKey('ArrowDown', 0, 3), { to: 1 });
  assert.deepEqual(goalPanelKey('ArrowDown', 2, 3), { to: 2 });
  assert.deepEqual(goalPanelKey('ArrowUp', 0, 3), { to: 0 });
  assert.deepEqual(goalPanelKey('End', 0, 3), { to: 2 });
  assert.deepEqual(goalPanelKey('Enter', 1, 3), { open: true });
  assert.deepEqual(goalPanelKey('Escape', 1, 3), { back: true });
  assert.equal(goalPanelKey('Enter', 0, 0), null);
  assert.equal(goalPanelKey('x', 0, 3), null);
});
