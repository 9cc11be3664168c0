// Goals and the growth story, as the screens show them: labels, progress
// and target-date wording, the goal form's own checks (the same words as
// Go's), the choice of skills and topics a goal links (grouped by
// framework, at most MAX_ITEMS), the person's timeline merged from the
// story's lists, and the keys of the live screen's Goals panel. Pure
// functions only.

import { formatDate } from './format.js';
import { message } from './limits.js';
import { foldKey } from './fold.js';

/** @typedef {{value: string, label: string}} Choice */

/** @type {Choice[]} Goal statuses in display order (Go's model.GoalStatuses). */
export const GOAL_STATUSES = [
  { value: 'draft', label: 'Draft' },
  { value: 'active', label: 'Active' },
  { value: 'at_risk', label: 'At risk' },
  { value: 'achieved', label: 'Achieved' },
  { value: 'dropped', label: 'Dropped' },
];

/** @type {Choice[]} How a goal's progress is measured. */
export const PROGRESS_MODES = [
  { value: 'tasks', label: 'From its tasks' },
  { value: 'manual', label: 'Set by hand' },
];

/** @type {Choice[]} Milestone kinds (Go's model.MilestoneKinds). */
export const MILESTONE_KINDS = [
  { value: 'promotion', label: 'Promotion' },
  { value: 'new_role', label: 'New role' },
  { value: 'certification', label: 'Certification' },
  { value: 'praise', label: 'Praise' },
  { value: 'feedback', label: 'Feedback' },
  { value: 'other', label: 'Milestone' },
];

/** How many tasks a goal may have (Go's model.MaxGoalTasks). */
export const MAX_TASKS = 6;

/** How many skills and topics a goal may link (Go's model.MaxGoalItems). */
export const MAX_ITEMS = 8;

/** How many frameworks a personal goal's form offers, by name (each is read with its items). */
export const MAX_PERSONAL_FRAMEWORKS = 12;

/** How many held sessions without a check-in flag a goal (Go's goals.StaleAfter). */
export const STALE_AFTER = 3;

/** The stale flag's words. */
export const STALE_TEXT = `No check-in in the last ${STALE_AFTER} sessions`;

function lookup(list, value) {
  const c = list.find((x) => x.value === value);
  return c ? c.label : value ? value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ') : '';
}

/**
 * "At risk" for "at_risk".
 * @param {string} status
 * @returns {string}
 */
export const goalStatusLabel = (status) => lookup(GOAL_STATUSES, status);

/**
 * "Promotion" for "promotion".
 * @param {string} kind
 * @returns {string}
 */
export const milestoneLabel = (kind) => lookup(MILESTONE_KINDS, kind);

/**
 * A progress percentage clamped to 0..100, as a whole number.
 * @param {number} p
 * @returns {number}
 */
export function clampProgress(p) {
  const n = Math.round(Number(p) || 0);
  return Math.min(100, Math.max(0, n));
}

/**
 * What a goal's progress says in words: "40%", and "2 of 5 tasks" when it
 * follows its tasks.
 * @param {{progress: number, progressMode?: string, tasks?: {done: boolean}[]}} g
 * @returns {string}
 */
export function progressText(g) {
  const pct = `${clampProgress(g.progress)}%`;
  const tasks = g.tasks || [];
  if (g.progressMode !== 'manual' && tasks.length) return `${pct} · ${tasks.filter((t) => t.done).length} of ${tasks.length} tasks`;
  return pct;
}

/** Whether a goal is still being worked on. @param {string} status @returns {boolean} */
export const isOpen = (status) => status === 'draft' || status === 'active' || status === 'at_risk';

/**
 * A goal's target date as shown: "by 2 Dec 2026", and whether it has passed
 * while the goal is still open ("overdue"), is within 14 days ("soon"), or neither.
 * @param {string} targetDate YYYY-MM-DD or ""
 * @param {string} today YYYY-MM-DD
 * @param {string} status
 * @returns {{text: string, level: 'none'|'overdue'|'soon'|'later'}}
 */
export function targetInfo(targetDate, today, status) {
  if (!targetDate) return { text: 'No target date', level: 'none' };
  const text = `by ${formatDate(targetDate, { withYear: true })}`;
  if (!isOpen(status)) return { text, level: 'later' };
  if (targetDate < today) return { text: `${text} · overdue`, level: 'overdue' };
  const days = (Date.parse(`${targetDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return { text, level: days <= 14 ? 'soon' : 'later' };
}

/**
 * One check-in in words: "60% · At risk · “blocked on the design review”".
 * @param {{progress: number, status: string, note?: string}} k
 * @returns {string}
 */
export function checkInText(k) {
  return [`${clampProgress(k.progress)}%`, goalStatusLabel(k.status), k.note ? `“${k.note}”` : ''].filter(Boolean).join(' · ');
}

/**
 * @typedef {{personId: number, circleId: number|null, title: string, why: string, successCriteria: string, targetDate: string, status: string, progressMode: string, progress: number, visibility: string, tasks: {id: number, title: string, done: boolean}[], itemIds?: number[]|null}} GoalInput
 *   itemIds: the linked skills and topics; null (on an edit) keeps the goal's links
 */

/** @typedef {{id: number, frameworkId: number, frameworkName: string, name: string}} LinkedItem a goal's skill or topic (Go's goals.LinkedItem) */

/**
 * The goal form's values for a goal (or a new one: active, tasks, private,
 * nothing linked).
 * @param {any} [g] the goal to edit
 * @param {number} [personId]
 * @param {LinkedItem[]} [items] the goal's linked skills and topics
 * @returns {GoalInput}
 */
export function goalFormValues(g, personId = 0, items = []) {
  if (!g) return { personId, circleId: null, title: '', why: '', successCriteria: '', targetDate: '', status: 'active', progressMode: 'tasks', progress: 0, visibility: 'private', tasks: [], itemIds: [] };
  return {
    personId: g.personId, circleId: g.circleId ?? null, title: g.title || '', why: g.why || '', successCriteria: g.successCriteria || '',
    targetDate: g.targetDate || '', status: g.status || 'active', progressMode: g.progressMode || 'tasks', progress: clampProgress(g.progress),
    visibility: g.visibility || 'private', tasks: (g.tasks || []).map((t) => ({ id: t.id, title: t.title, done: !!t.done })),
    itemIds: (items || []).map((i) => i.id),
  };
}

/**
 * The goal form's checks, in Go's words: a title, progress 0..100 when set
 * by hand, at most MAX_TASKS tasks each with a title. Empty task rows are
 * left out before this runs.
 * @param {GoalInput} in_
 * @returns {{field: string, message: string}[]} every problem, in the form's order
 */
export function goalProblems(in_) {
  const out = [];
  if (!String(in_.title || '').trim()) out.push({ field: 'title', message: message('required', 'Title') });
  if (in_.progressMode === 'manual' && (!Number.isInteger(in_.progress) || in_.progress < 0 || in_.progress > 100)) {
    out.push({ field: 'progress', message: message('between', 'Progress', 0, 100) });
  }
  const tasks = in_.tasks || [];
  if (tasks.length > MAX_TASKS) out.push({ field: 'tasks', message: `A goal has at most ${MAX_TASKS} tasks; this has ${tasks.length}.` });
  const items = in_.itemIds || [];
  if (items.length > MAX_ITEMS) out.push({ field: 'itemIds', message: `A goal links at most ${MAX_ITEMS} skills or topics; this has ${items.length}.` });
  return out;
}

/**
 * Task rows as typed into the task list: blank rows dropped, titles trimmed.
 * @param {{id?: number, title: string, done?: boolean}[]} rows
 * @returns {{id: number, title: string, done: boolean}[]}
 */
export function tasksFromRows(rows) {
  return rows.map((r) => ({ id: Number(r.id) || 0, title: String(r.title || '').trim(), done: !!r.done })).filter((t) => t.title);
}

/** @typedef {{id: number, name: string}} ItemChoice one skill or topic the goal form offers */
/** @typedef {{id: number, name: string, items: ItemChoice[]}} ItemGroup a framework's items, as the goal form groups them */

/**
 * The goal form's choices of skills and topics, one group a framework in
 * the order given, each framework once; a framework without items offers
 * nothing and is left out.
 * @param {{id: number, name: string, items?: {id: number, name: string}[]}[]} frameworks
 * @returns {ItemGroup[]}
 */
export function itemGroups(frameworks) {
  const seen = new Set();
  const out = [];
  for (const f of frameworks || []) {
    if (seen.has(f.id)) continue;
    seen.add(f.id);
    const items = (f.items || []).map((i) => ({ id: i.id, name: i.name }));
    if (items.length) out.push({ id: f.id, name: f.name, items });
  }
  return out;
}

/**
 * How many skills and topics are chosen, against the limit: "3 of 8".
 * @param {number} n
 * @returns {string}
 */
export const itemCountText = (n) => `${n} of ${MAX_ITEMS}`;

/**
 * The choice after ticking or unticking one item: ticking adds it at the
 * end, unless it is there already or MAX_ITEMS are chosen.
 * @param {number[]} selected
 * @param {number} id
 * @param {boolean} on
 * @returns {number[]} a new list
 */
export function toggleItem(selected, id, on) {
  if (!on) return selected.filter((x) => x !== id);
  if (selected.includes(id) || selected.length >= MAX_ITEMS) return [...selected];
  return [...selected, id];
}

/**
 * Splits a choice into the items the groups still offer and those they do
 * not (the goal moved to another circle, or its circle stopped using a
 * framework).
 * @param {number[]} selected
 * @param {ItemGroup[]} groups
 * @returns {{kept: number[], dropped: number[]}}
 */
export function keepItems(selected, groups) {
  const offered = new Set(groups.flatMap((g) => g.items.map((i) => i.id)));
  return { kept: selected.filter((id) => offered.has(id)), dropped: selected.filter((id) => !offered.has(id)) };
}

/**
 * What the form says on unticking items it no longer offers:
 * "Unticked “Listening” (Core skills): this circle’s frameworks do not have it."
 * @param {{name: string, framework?: string}[]} dropped
 * @param {boolean} inCircle whether the goal is within a circle (or personal)
 * @returns {string} "" when nothing was dropped
 */
export function droppedText(dropped, inCircle) {
  if (!dropped.length) return '';
  const names = dropped.map((d) => (d.framework ? `“${d.name}” (${d.framework})` : `“${d.name}”`)).join(', ');
  const why = inCircle
    ? (dropped.length === 1 ? 'this circle’s frameworks do not have it' : 'this circle’s frameworks do not have them')
    : (dropped.length === 1 ? 'its framework is not offered here' : 'their frameworks are not offered here');
  return `Unticked ${names}: ${why}.`;
}

/**
 * The hint shown instead of the choice when there is nothing to choose.
 * @param {boolean} inCircle
 * @returns {string}
 */
export const noItemsText = (inCircle) => (inCircle
  ? 'This circle uses no framework yet — add one on its Growth view.'
  : 'There is no framework with skills or topics yet — add one on a circle’s Growth view.');

/**
 * The frameworks a personal goal's form reads, bounded: the first max of
 * the list (by name, as Go lists them), then those of the goal's linked
 * items that are further down, so its links stay choosable.
 * @param {{id: number}[]} list every framework, by name
 * @param {{frameworkId: number}[]} linked the goal's linked items
 * @param {number} [max]
 * @returns {number[]} framework ids, at most max + MAX_ITEMS
 */
export function personalFrameworkIds(list, linked, max = MAX_PERSONAL_FRAMEWORKS) {
  const out = (list || []).slice(0, Math.max(0, max)).map((f) => f.id);
  const known = new Set((list || []).map((f) => f.id));
  for (const l of linked || []) {
    if (known.has(l.frameworkId) && !out.includes(l.frameworkId)) out.push(l.frameworkId);
  }
  return out;
}

/**
 * Whether an item's name matches what was typed in the filter, case and
 * accents aside; an empty filter matches everything.
 * @param {string} name
 * @param {string} query
 * @returns {boolean}
 */
export function itemMatches(name, query) {
  const q = foldKey(query);
  return !q || foldKey(name).includes(q);
}

/**
 * A goal's linked items grouped by framework, in the order given (Go's:
 * framework name, then the item's place).
 * @param {LinkedItem[]} items
 * @returns {{framework: string, items: LinkedItem[]}[]}
 */
export function linkedByFramework(items) {
  const out = [];
  for (const i of items || []) {
    const last = out[out.length - 1];
    const g = last && last.id === i.frameworkId ? last : out.find((x) => x.id === i.frameworkId);
    if (g) g.items.push(i);
    else out.push({ id: i.frameworkId, framework: i.frameworkName, items: [i] });
  }
  return out.map(({ framework, items: list }) => ({ framework, items: list }));
}

/**
 * @typedef {{kind: 'milestone'|'checkin'|'action', on: string, id: number, title: string, detail: string, sessionId?: number|null, goalId?: number, private?: boolean}} StoryItem
 */

/**
 * A person's growth story as one timeline, newest first: milestones,
 * check-ins on their goals and the action items they finished, at most
 * limit items. Finished items are dated by their day in zone.
 * @param {{milestones?: any[], checkIns?: any[], finished?: any[]}} story
 * @param {number} limit
 * @param {(iso: string) => string} dayOf turns an RFC 3339 instant into YYYY-MM-DD where the reader is
 * @returns {{items: StoryItem[], total: number}}
 */
export function storyTimeline(story, limit, dayOf) {
  /** @type {StoryItem[]} */
  const all = [
    ...(story.milestones || []).map((m) => ({ kind: /** @type {'milestone'} */ ('milestone'), on: m.happenedOn, id: m.id, title: milestoneLabel(m.kind), detail: m.text, private: m.visibility === 'private' })),
    ...(story.checkIns || []).map((k) => ({ kind: /** @type {'checkin'} */ ('checkin'), on: k.checkedOn, id: k.id, title: k.goalTitle, detail: checkInText(k), sessionId: k.sessionId, goalId: k.goalId })),
    ...(story.finished || []).map((a) => ({ kind: /** @type {'action'} */ ('action'), on: a.doneAt ? dayOf(a.doneAt) : '', id: a.id, title: 'Finished an action item', detail: a.text })),
  ];
  const order = { milestone: 0, checkin: 1, action: 2 };
  all.sort((a, b) => (a.on === b.on ? order[a.kind] - order[b.kind] || b.id - a.id : a.on < b.on ? 1 : -1));
  return { items: all.slice(0, Math.max(0, limit)), total: all.length };
}

/**
 * The attendance streak in words: "4 sessions in a row · longest 9 · 18 of 20 attended".
 * @param {{current: number, longest: number, attended: number, marked: number}} s
 * @returns {string}
 */
export function streakText(s) {
  if (!s || !s.marked) return 'No marks at held sessions yet';
  const row = s.current === 1 ? '1 session in a row' : `${s.current} sessions in a row`;
  return `${row} · longest ${s.longest} · ${s.attended} of ${s.marked} attended`;
}

/**
 * What a key does on the live screen's Goals panel: move the choice, open
 * the check-in on the chosen goal, or go back to the notes.
 * @param {string} key KeyboardEvent.key
 * @param {number} at the chosen row
 * @param {number} count rows in the panel
 * @returns {{to: number}|{open: true}|{back: true}|null}
 */
export function goalPanelKey(key, at, count) {
  if (!count) return key === 'Escape' ? { back: true } : null;
  switch (key) {
    case 'ArrowDown': return { to: Math.min(count - 1, at + 1) };
    case 'ArrowUp': return { to: Math.max(0, at - 1) };
    case 'Home': return { to: 0 };
    case 'End': return { to: count - 1 };
    case 'Enter': return { open: true };
    case 'Escape': return { back: true };
    default: return null;
  }
}
