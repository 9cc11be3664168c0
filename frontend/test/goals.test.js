import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GOAL_STATUSES, goalStatusLabel, milestoneLabel, progressText, targetInfo, checkInText, goalFormValues,
  goalProblems, tasksFromRows, storyTimeline, streakText, goalPanelKey, clampProgress, MAX_TASKS, STALE_TEXT,
  MAX_ITEMS, itemGroups, itemCountText, toggleItem, keepItems, droppedText, noItemsText, personalFrameworkIds, itemMatches, linkedByFramework,
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

test('goalFormValues: an edit starts from the goal’s linked items, a new goal from none', () => {
  assert.deepEqual(goalFormValues(undefined, 1).itemIds, []);
  const linked = [{ id: 12, frameworkId: 3, frameworkName: 'Core skills', name: 'Communication' }, { id: 15, frameworkId: 3, frameworkName: 'Core skills', name: 'Giving feedback' }];
  assert.deepEqual(goalFormValues({ personId: 1, title: 'T' }, 1, linked).itemIds, [12, 15]);
  assert.deepEqual(goalFormValues({ personId: 1, title: 'T' }, 1).itemIds, []);
});

test('goalProblems: Go’s words for more than MAX_ITEMS linked items', () => {
  assert.equal(MAX_ITEMS, 8, 'Go’s model.MaxGoalItems');
  const base = { ...goalFormValues(undefined, 1), title: 'x' };
  assert.deepEqual(goalProblems({ ...base, itemIds: [1, 2, 3, 4, 5, 6, 7, 8] }), []);
  assert.deepEqual(goalProblems({ ...base, itemIds: [1, 2, 3, 4, 5, 6, 7, 8, 9] }), [{ field: 'itemIds', message: 'A goal links at most 8 skills or topics; this has 9.' }]);
  assert.deepEqual(goalProblems({ ...base, itemIds: null }), [], 'null keeps the links');
});

test('itemGroups: one group a framework, in order, empty and repeated frameworks left out', () => {
  const groups = itemGroups([
    { id: 3, name: 'Core skills', items: [{ id: 12, name: 'Communication', position: 0 }, { id: 13, name: 'Prioritization', position: 1 }] },
    { id: 4, name: 'Empty one', items: [] },
    { id: 5, name: 'Leadership', items: [{ id: 20, name: 'Ownership' }] },
    { id: 3, name: 'Core skills', items: [{ id: 12, name: 'Communication' }] },
    { id: 6, name: 'No items read' },
  ]);
  assert.deepEqual(groups, [
    { id: 3, name: 'Core skills', items: [{ id: 12, name: 'Communication' }, { id: 13, name: 'Prioritization' }] },
    { id: 5, name: 'Leadership', items: [{ id: 20, name: 'Ownership' }] },
  ]);
  assert.deepEqual(itemGroups([]), []);
  assert.deepEqual(itemGroups(null), []);
});

test('toggleItem ticks up to MAX_ITEMS and no further; itemCountText counts against it', () => {
  let sel = [];
  for (let id = 1; id <= MAX_ITEMS + 2; id++) sel = toggleItem(sel, id, true);
  assert.deepEqual(sel, [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.equal(itemCountText(sel.length), '8 of 8');
  assert.deepEqual(toggleItem(sel, 3, true), sel, 'ticking a ticked item changes nothing');
  sel = toggleItem(sel, 3, false);
  assert.deepEqual(sel, [1, 2, 4, 5, 6, 7, 8]);
  assert.deepEqual(toggleItem(sel, 9, true), [1, 2, 4, 5, 6, 7, 8, 9]);
  assert.equal(itemCountText(3), '3 of 8');
  assert.deepEqual(toggleItem([], 5, false), []);
});

test('keepItems drops what the new circle’s frameworks lack, and droppedText says so', () => {
  const groups = itemGroups([{ id: 5, name: 'Leadership', items: [{ id: 20, name: 'Ownership' }, { id: 21, name: 'Bias for action' }] }]);
  assert.deepEqual(keepItems([12, 20, 15], groups), { kept: [20], dropped: [12, 15] });
  assert.deepEqual(keepItems([20, 21], groups), { kept: [20, 21], dropped: [] });
  assert.deepEqual(keepItems([12], []), { kept: [], dropped: [12] });
  assert.equal(droppedText([], true), '');
  assert.equal(droppedText([{ name: 'Communication', framework: 'Core skills' }], true), 'Unticked “Communication” (Core skills): this circle’s frameworks do not have it.');
  assert.equal(droppedText([{ name: 'A', framework: 'F' }, { name: 'B' }], true), 'Unticked “A” (F), “B”: this circle’s frameworks do not have them.');
  assert.equal(droppedText([{ name: 'A', framework: 'F' }], false), 'Unticked “A” (F): its framework is not offered here.');
  assert.equal(noItemsText(true), 'This circle uses no framework yet — add one on its Growth view.');
  assert.match(noItemsText(false), /no framework/);
});

test('personalFrameworkIds: the first few by name, then those of the goal’s links, bounded', () => {
  const list = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, name: `F${i}` }));
  assert.deepEqual(personalFrameworkIds(list, [], 3), [1, 2, 3]);
  assert.deepEqual(personalFrameworkIds(list, [{ frameworkId: 2 }, { frameworkId: 25 }, { frameworkId: 25 }, { frameworkId: 99 }], 3), [1, 2, 3, 25], 'a deleted framework (99) is not read');
  assert.equal(personalFrameworkIds(list, []).length, 12);
  const links = Array.from({ length: MAX_ITEMS }, (_, i) => ({ frameworkId: 13 + i }));
  assert.ok(personalFrameworkIds(list, links).length <= 12 + MAX_ITEMS);
  assert.deepEqual(personalFrameworkIds([], []), []);
});

test('itemMatches folds case and accents; an empty filter matches all', () => {
  assert.ok(itemMatches('Data-driven decisions', 'DATA'));
  assert.ok(itemMatches('Négociation', 'negoc'));
  assert.ok(itemMatches('Anything', '  '));
  assert.ok(!itemMatches('Communication', 'feedback'));
});

test('linkedByFramework groups a goal’s items by framework, in Go’s order', () => {
  const items = [
    { id: 12, frameworkId: 3, frameworkName: 'Core skills', name: 'Communication' },
    { id: 15, frameworkId: 3, frameworkName: 'Core skills', name: 'Giving feedback' },
    { id: 20, frameworkId: 5, frameworkName: 'Leadership', name: 'Ownership' },
  ];
  assert.deepEqual(linkedByFramework(items).map((g) => [g.framework, g.items.map((i) => i.name)]), [
    ['Core skills', ['Communication', 'Giving feedback']],
    ['Leadership', ['Ownership']],
  ]);
  assert.deepEqual(linkedByFramework([]), []);
  assert.deepEqual(linkedByFramework(undefined), []);
});
