// The goal form dialog: add a goal to a person or edit one (every GoalInput
// field: title, why, success criteria, target date, status, up to 6 tasks,
// progress from the tasks or set by hand, shared or private).

import { h } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { field, row, checkForm, errorSlot, FieldError } from '../lib/forms.js';
import { LIMITS } from '../lib/limits.js';
import { GOAL_STATUSES, PROGRESS_MODES, MAX_TASKS, goalFormValues, goalProblems, tasksFromRows } from '../lib/goals.js';
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

/**
 * Opens the goal form.
 * @param {{personId: number, personName: string, circles: {circleId: number, name: string}[], goal?: any, circleName?: string}} o
 *   circles: the person's circles, one of which the goal may belong to;
 *   circleName: the name of the goal's circle, kept as a choice should the
 *   person no longer be listed in it
 * @returns {Promise<any>} the saved goal's page, or null when dismissed
 */
export function openGoalForm(o) {
  const v = goalFormValues(o.goal, o.personId);
  const circles = v.circleId && !o.circles.some((c) => c.circleId === v.circleId)
    ? [...o.circles, { circleId: v.circleId, name: o.circleName || 'Its circle' }]
    : o.circles;
  const tasks = taskEditor(v.tasks);
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
          field({ name: 'circleId', label: 'Within', type: 'select', value: v.circleId ?? '', options: [{ value: '', label: 'Personal (no circle)' }, ...circles.map((c) => ({ value: c.circleId, label: c.name }))] }),
          field({ name: 'targetDate', label: 'Target date', type: 'date', value: v.targetDate }),
          field({ name: 'status', label: 'Status', type: 'select', value: v.status, options: GOAL_STATUSES })),
        tasks.el,
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
      };
      // The attributes' checks (lengths, dates) and the goal's own, every problem at once.
      const seen = new Set();
      const problems = [...checkForm(form), ...goalProblems(input)].filter((p) => !seen.has(p.field) && seen.add(p.field));
      if (problems.length) throw new FieldError(problems[0].field, problems[0].message, problems);
      return input;
    },
    save: (input) => (o.goal ? api.goals.update(o.goal.id, input) : api.goals.create(input)),
  });
}
