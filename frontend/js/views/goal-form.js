// The goal form dialog: add a goal to a person or edit one (every GoalInput
// field: title, why, success criteria, target date, status, up to 6 tasks,
// progress from the tasks or set by hand, the skills and topics it links,
// shared or private).

import { h, replace } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { field, row, checkForm, errorSlot, FieldError } from '../lib/forms.js';
import { LIMITS } from '../lib/limits.js';
import {
  GOAL_STATUSES, PROGRESS_MODES, MAX_TASKS, MAX_ITEMS, MAX_PERSONAL_FRAMEWORKS, goalFormValues, goalProblems, tasksFromRows,
  itemGroups, itemCountText, toggleItem, keepItems, droppedText, noItemsText, personalFrameworkIds, itemMatches,
} from '../lib/goals.js';
import * as api from '../api.js';
import { formDialog } from './dialog.js';
import { button, iconButton } from './ui.js';

/**
 * The task list: one line a task, up to MAX_TASKS, each kept with its id
 * and tick (an edit keeps the tasks it does not remove).
 * @param {{id: number, title: string, done: boolean}[]} tasks
 * @returns {{el: HTMLElement, read: () => {id: number, title: string, done: boolean}[]}}
 */
function taskEditor(tasks) {
  const list = h('ol', { class: 'task-editor-list', testid: 'task-list' });
  const add = button({ label: 'Add a task', icon: 'plus', size: 'sm', variant: 'ghost', testid: 'add-task' });
  const sync = () => {
    const n = list.children.length;
    add.disabled = n >= MAX_TASKS;
    add.title = n >= MAX_TASKS ? `A goal has at most ${MAX_TASKS} tasks` : 'Add a task';
    [...list.children].forEach((li, i) => li.querySelector('input')?.setAttribute('aria-label', `Task ${i + 1}`));
  };
  const line = (t) => {
    const input = h('input', { type: 'text', class: 'input', value: t.title, maxlength: LIMITS.title, testid: 'field-task', 'data-task-id': t.id || 0, 'data-done': t.done ? '1' : '', autocomplete: 'off', placeholder: 'A step towards the goal' });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) { // Enter adds the next task, as in a list
        e.preventDefault();
        if (list.children.length < MAX_TASKS) addLine();
      }
    });
    const li = h('li', { class: 'task-editor-row' }, t.done ? icon('check', { size: 14 }) : null, input,
      iconButton('x', 'Remove this task', () => { li.remove(); sync(); }, { testid: 'remove-task' }));
    return li;
  };
  const addLine = () => {
    const li = line({ id: 0, title: '', done: false });
    list.appendChild(li);
    sync();
    /** @type {HTMLElement} */ (li.querySelector('input')).focus();
  };
  add.addEventListener('click', addLine);
  for (const t of tasks) list.appendChild(line(t));
  sync();
  const el = h('fieldset', { class: 'field task-editor', 'data-control-for': 'tasks', 'aria-describedby': 'goal-tasks-err' },
    h('legend', { class: 'label' }, `Tasks (up to ${MAX_TASKS})`),
    list, add, errorSlot('tasks', 'goal-tasks-err'));
  const read = () => tasksFromRows([...list.querySelectorAll('input')].map((i) => ({ id: Number(i.getAttribute('data-task-id')), title: /** @type {HTMLInputElement} */ (i).value, done: i.getAttribute('data-done') === '1' })));
  return { el, read };
}

/** Above this many items, the choice gets a filter box. */
const FILTER_FROM = 12;

/**
 * The frameworks a personal goal may link items of, with their items:
 * the first MAX_PERSONAL_FRAMEWORKS by name, and those of its links.
 * @param {import('../lib/goals.js').LinkedItem[]} linked
 * @returns {Promise<{frameworks: any[], total: number}>} total: how many frameworks there are
 */
async function personalFrameworks(linked) {
  const list = await api.frameworks.list();
  const ids = personalFrameworkIds(list, linked);
  return { frameworks: await Promise.all(ids.map((id) => api.frameworks.get(id))), total: list.length };
}

/**
 * The "Skills and topics" field: the items of the frameworks the goal's
 * circle uses (any framework's for a personal goal), as checkboxes grouped
 * by framework, at most MAX_ITEMS ticked. A change of circle reads the
 * choices again and unticks, saying so, what the new ones lack.
 * @param {{goalId?: number, items?: import('../lib/goals.js').LinkedItem[]}} o
 *   items: the goal's linked items when known; an edit without them reads them
 * @returns {{el: HTMLElement, load: (circleId: number|null) => Promise<void>, read: () => number[]|null}}
 *   read: the ticked items' ids, or null (keep the goal's links) when they could not be read
 */
function itemPicker(o) {
  /** @type {number[]} */
  let selected = [];
  /** Names of the items seen, for saying which were unticked. @type {Map<number, {name: string, framework: string}>} */
  const names = new Map();
  let known = !o.goalId; // whether selected holds the goal's links
  let loads = 0;
  let query = '';
  const count = h('span', { class: 'goal-items-count', id: 'goal-items-count', testid: 'items-count', 'aria-live': 'polite' }, itemCountText(0));
  const body = h('div', { class: 'goal-items-body' });
  const dropped = h('p', { class: 'hint goal-items-dropped', testid: 'items-dropped', role: 'status', hidden: true });
  const el = h('fieldset', { class: 'field goal-items-field', 'data-control-for': 'itemIds', tabindex: '-1', testid: 'goal-items-field', 'aria-describedby': 'goal-items-count goal-items-err' },
    h('legend', { class: 'label' }, 'Skills and topics'),
    count, body, dropped, errorSlot('itemIds', 'goal-items-err'));

  /** Counts the choice and disables the unticked boxes once MAX_ITEMS are ticked. */
  const sync = () => {
    const full = selected.length >= MAX_ITEMS;
    count.textContent = full ? `${itemCountText(selected.length)} — the most a goal links` : itemCountText(selected.length);
    for (const box of body.querySelectorAll('input[type=checkbox]')) {
      const b = /** @type {HTMLInputElement} */ (box);
      b.checked = selected.includes(Number(b.value));
      b.disabled = full && !b.checked;
    }
  };
  /** Shows only the items whose names match the filter (ticked ones always). */
  const applyFilter = () => {
    for (const group of body.querySelectorAll('.goal-items-group')) {
      let shown = 0;
      for (const label of group.querySelectorAll('label')) {
        const box = /** @type {HTMLInputElement} */ (label.querySelector('input'));
        const on = box.checked || itemMatches(label.getAttribute('data-name') || '', query);
        /** @type {HTMLElement} */ (label).hidden = !on;
        if (on) shown++;
      }
      /** @type {HTMLElement} */ (group).hidden = !shown;
    }
  };
  /** @param {import('../lib/goals.js').ItemGroup[]} groups @param {boolean} inCircle @param {number} total frameworks in all (personal) */
  const draw = (groups, inCircle, total) => {
    if (!groups.length) {
      replace(body, h('p', { class: 'hint', testid: 'items-none' }, noItemsText(inCircle)));
      count.hidden = true;
      return;
    }
    count.hidden = false;
    const items = groups.reduce((n, g) => n + g.items.length, 0);
    const filter = items > FILTER_FROM
      ? h('input', {
        type: 'search', class: 'input goal-items-filter', testid: 'items-filter', 'aria-label': 'Filter skills and topics', placeholder: 'Filter', autocomplete: 'off', value: query,
        oninput: (e) => { query = /** @type {HTMLInputElement} */ (e.target).value; applyFilter(); },
        onkeydown: (e) => { if (e.key === 'Enter') e.preventDefault(); }, // Enter filters, it does not save
      })
      : null;
    replace(body,
      filter,
      h('div', { class: 'goal-items-groups' }, groups.map((g) => h('fieldset', { class: 'goal-items-group', testid: 'items-group', 'data-framework-id': g.id },
        h('legend', { class: 'goal-items-framework' }, g.name),
        g.items.map((i) => h('label', { class: 'choice-inline goal-item-choice', 'data-name': i.name },
          h('input', {
            type: 'checkbox', class: 'check', value: String(i.id), testid: 'field-item', 'data-item-id': i.id,
            onchange: (e) => {
              selected = toggleItem(selected, i.id, /** @type {HTMLInputElement} */ (e.target).checked);
              sync();
            },
          }),
          i.name))))),
      !inCircle && total > MAX_PERSONAL_FRAMEWORKS ? h('p', { class: 'hint' }, `The first ${MAX_PERSONAL_FRAMEWORKS} of ${total} frameworks, by name.`) : null);
    sync();
    applyFilter();
  };

  // An edit starts from the goal's links; the person page passes none, so they are read.
  const linked = o.items ? Promise.resolve(o.items) : o.goalId ? api.goals.get(o.goalId).then((v) => v.items || []) : Promise.resolve([]);
  const linkedRead = linked.then((items) => {
    selected = items.map((i) => i.id);
    for (const i of items) names.set(i.id, { name: i.name, framework: i.frameworkName });
    known = true;
    return items;
  });
  linkedRead.catch(() => {}); // load() reports it

  /** @param {number|null} circleId */
  const load = async (circleId) => {
    const seq = ++loads;
    replace(body, h('p', { class: 'hint', testid: 'items-loading' }, 'Reading the skills and topics…'));
    try {
      const items = await linkedRead;
      const read = circleId ? { frameworks: await api.frameworks.forCircle(circleId), total: 0 } : await personalFrameworks(items);
      if (seq !== loads) return; // the circle changed again meanwhile
      const groups = itemGroups(read.frameworks);
      for (const g of groups) for (const i of g.items) names.set(i.id, { name: i.name, framework: g.name });
      const split = keepItems(selected, groups);
      selected = split.kept;
      const text = droppedText(split.dropped.map((id) => names.get(id) || { name: 'A skill or topic' }), !!circleId);
      dropped.textContent = text;
      dropped.hidden = !text;
      draw(groups, !!circleId, read.total);
    } catch (err) {
      if (seq !== loads) return;
      replace(body, h('p', { class: 'hint', testid: 'items-failed' },
        known ? `Could not read the skills and topics: ${err.message || err}` : 'Could not read the skills and topics; the goal keeps its links.'));
    }
  };
  return { el, load, read: () => (known ? [...selected] : null) };
}

/**
 * Opens the goal form.
 * @param {{personId: number, personName: string, circles: {circleId: number, name: string}[], goal?: any, circleName?: string, items?: import('../lib/goals.js').LinkedItem[]}} o
 *   circles: the person's circles, one of which the goal may belong to;
 *   circleName: the name of the goal's circle, kept as a choice should the
 *   person no longer be listed in it; items: the goal's linked skills and
 *   topics (read when an edit leaves them out)
 * @returns {Promise<any>} the saved goal's page, or null when dismissed
 */
export function openGoalForm(o) {
  const v = goalFormValues(o.goal, o.personId);
  const circles = v.circleId && !o.circles.some((c) => c.circleId === v.circleId)
    ? [...o.circles, { circleId: v.circleId, name: o.circleName || 'Its circle' }]
    : o.circles;
  const tasks = taskEditor(v.tasks);
  const picker = itemPicker({ goalId: o.goal?.id, items: o.items });
  let progressField = null;
  const showProgress = (mode) => {
    if (progressField) progressField.hidden = mode !== 'manual';
  };
  return formDialog({
    testid: 'goal-dialog',
    title: o.goal ? 'Edit goal' : `New goal for ${o.personName}`,
    submitLabel: o.goal ? 'Save changes' : 'Add goal',
    size: 'lg',
    body: () => {
      progressField = field({ name: 'progress', label: 'Progress (%)', what: 'Progress', type: 'number', min: 0, max: 100, step: 1, value: v.progress, class: 'field-narrow' });
      showProgress(v.progressMode);
      return [
        field({ name: 'title', label: 'Goal', what: 'Title', value: v.title, required: true, maxlength: LIMITS.title, autofocus: true, placeholder: 'e.g. Lead the Q3 product demo' }),
        row(
          field({ name: 'why', label: 'Why it matters', type: 'textarea', rows: 2, value: v.why, maxlength: LIMITS.prose }),
          field({ name: 'successCriteria', label: 'How we’ll know', type: 'textarea', rows: 2, value: v.successCriteria, maxlength: LIMITS.prose, placeholder: 'What success looks like' })),
        row(
          field({
            name: 'circleId', label: 'Within', type: 'select', value: v.circleId ?? '', options: [{ value: '', label: 'Personal (no circle)' }, ...circles.map((c) => ({ value: c.circleId, label: c.name }))],
            onchange: (e) => { const c = /** @type {HTMLSelectElement} */ (e.target).value; picker.load(c ? Number(c) : null); },
          }),
          field({ name: 'targetDate', label: 'Target date', type: 'date', value: v.targetDate }),
          field({ name: 'status', label: 'Status', type: 'select', value: v.status, options: GOAL_STATUSES })),
        tasks.el,
        picker.el,
        row(
          field({ name: 'progressMode', label: 'Progress', type: 'select', value: v.progressMode, options: PROGRESS_MODES, onchange: (e) => showProgress(/** @type {HTMLSelectElement} */ (e.target).value) }),
          progressField),
        h('fieldset', { class: 'goal-visibility' },
          h('legend', { class: 'label' }, 'Who may see it'),
          h('label', { class: 'choice-inline' }, h('input', { type: 'radio', name: 'visibility', value: 'private', checked: v.visibility !== 'shared', testid: 'field-visibility-private' }), icon('lock', { size: 13 }), 'Private — only you'),
          h('label', { class: 'choice-inline' }, h('input', { type: 'radio', name: 'visibility', value: 'shared', checked: v.visibility === 'shared', testid: 'field-visibility-shared' }), 'Shared'),
          h('p', { class: 'hint' }, 'A private goal stays on this computer: it is left out of every export, summary and sync.')),
      ];
    },
    read: (form) => {
      const els = form.elements;
      const val = (name) => /** @type {any} */ (els.namedItem(name)).value;
      const progressRaw = String(val('progress')).trim();
      /** @type {import('../lib/goals.js').GoalInput} */
      const input = {
        personId: o.personId,
        circleId: val('circleId') ? Number(val('circleId')) : null,
        title: val('title'), why: val('why'), successCriteria: val('successCriteria'), targetDate: val('targetDate'),
        status: val('status'), progressMode: val('progressMode'),
        progress: /^-?\d+$/.test(progressRaw) ? Number(progressRaw) : progressRaw === '' ? 0 : NaN,
        visibility: val('visibility') || 'private',
        tasks: tasks.read(),
        itemIds: picker.read(),
      };
      // The attributes' checks (lengths, dates) and the goal's own, every problem at once.
      const seen = new Set();
      const problems = [...checkForm(form), ...goalProblems(input)].filter((p) => !seen.has(p.field) && seen.add(p.field));
      if (problems.length) throw new FieldError(problems[0].field, problems[0].message, problems);
      return input;
    },
    ready: () => { picker.load(v.circleId); },
    save: (input) => (o.goal ? api.goals.update(o.goal.id, input) : api.goals.create(input)),
  });
}
