// A goal's page (#/goals/ID): its status, progress and target date, its
// tasks to tick, progress set by hand with a comment (a goal measured by
// hand), why it matters and how we'll know, the skills and topics it
// links, and its timeline of check-ins.

import { h, replace, focusKey, refocus } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { formatDate, formatDateTime, nowIn } from '../lib/format.js';
import { clearErrors, showError, field, FieldError, checkForm } from '../lib/forms.js';
import { LIMITS } from '../lib/limits.js';
import { targetInfo, checkInText, goalProblems, linkedByFramework } from '../lib/goals.js';
import { go, href } from '../router.js';
import * as api from '../api.js';
import { button, pageHeader, section, loading, errorState, saveStatus } from './ui.js';
import { toast, reportError } from './toast.js';
import { goalStatusChip, progressBar, staleFlag, deleteGoal, itemChips } from './goals.js';

/**
 * Mounts a goal's page.
 * @param {HTMLElement} root
 * @param {{id: number}} route
 * @param {{alive: () => boolean}} ctx
 * @returns {Promise<{dispose?: () => void}>}
 */
export async function mount(root, route, ctx) {
  /** @type {any} the goal's page: goal, items, personName, circleName, checkIns, checkInCount, stale */
  let view = null;
  /** Check-ins older than the page's first fifty, read on asking. @type {any[]} */
  let older = [];
  let more = false;
  const tickStatus = saveStatus('task-status');

  const show = (v) => {
    view = v;
    older = [];
    more = v.checkInCount > v.checkIns.length;
    const key = focusKey(document.activeElement);
    render();
    refocus(root, key);
  };
  const reload = async () => {
    try {
      const v = await api.goals.get(route.id);
      if (ctx.alive()) show(v);
    } catch (err) {
      if (ctx.alive()) replace(root, errorState(err, { retry: reload, backHref: href('people'), backLabel: 'All people' }));
    }
  };

  const edit = async () => {
    const [{ openGoalForm }, person] = await Promise.all([import('./goal-form.js'), api.people.get(view.goal.personId)]);
    const circles = (person.circles || []).map((c) => ({ circleId: c.circleId, name: c.name }));
    const saved = await openGoalForm({ personId: view.goal.personId, personName: view.personName, circles, goal: view.goal, circleName: view.circleName, items: view.items || [] });
    if (saved && ctx.alive()) {
      toast('Goal saved.', { kind: 'success' });
      show(saved);
    }
  };
  const remove = () => {
    const personId = view.goal.personId;
    return deleteGoal(view.goal, view.checkInCount, { onDeleted: () => go(href('person', personId)) });
  };

  // One tick at a time, so quick ticks end on the last one.
  let chain = Promise.resolve();
  const tick = (task, done) => {
    tickStatus.saving();
    chain = chain.then(async () => {
      try {
        const v = await api.goals.tickTask(task.id, done);
        tickStatus.saved();
        if (ctx.alive()) show(v);
      } catch (err) {
        tickStatus.failed('Not saved');
        reportError(err);
        if (ctx.alive()) render();
      }
    });
  };

  const loadOlder = async () => {
    const all = [...view.checkIns, ...older];
    const last = all[all.length - 1];
    try {
      const pageOf = await api.goals.timeline(view.goal.id, last.checkedOn, last.id);
      older = [...older, ...pageOf.checkIns];
      more = pageOf.more;
      render();
    } catch (err) {
      reportError(err);
    }
  };

  const progressForm = () => {
    const g = view.goal;
    const form = /** @type {HTMLFormElement} */ (h('form', { class: 'progress-form', testid: 'progress-form', novalidate: true },
      h('div', { class: 'field-row' },
        field({ name: 'progress', label: 'Progress (%)', what: 'Progress', type: 'number', min: 0, max: 100, step: 1, value: g.progress, class: 'field-narrow' }),
        field({ name: 'note', label: 'Comment', maxlength: LIMITS.title, placeholder: 'What moved, in one line' }),
        field({ name: 'on', label: 'On', type: 'date', notFuture: true, value: nowIn().date, class: 'field-narrow' })),
      h('p', { class: 'form-error', 'data-form-error': true, testid: 'form-error', role: 'alert', hidden: true }),
      button({ label: 'Record progress', icon: 'check', type: 'submit', variant: 'primary', size: 'sm', testid: 'progress-save' })));
    let busy = false;
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (busy) return;
      clearErrors(form);
      const val = (n) => String(/** @type {any} */ (form.elements.namedItem(n)).value).trim();
      const progress = /^-?\d+$/.test(val('progress')) ? Number(val('progress')) : NaN;
      const seen = new Set();
      const problems = [...checkForm(form), ...goalProblems({ ...g, progressMode: 'manual', progress, tasks: [] })].filter((p) => !seen.has(p.field) && seen.add(p.field));
      if (problems.length) {
        showError(form, new FieldError(problems[0].field, problems[0].message, problems));
        return;
      }
      busy = true;
      try {
        const v = await api.goals.setProgress(g.id, { progress, note: val('note'), on: val('on') });
        toast('Progress recorded.', { kind: 'success' });
        if (ctx.alive()) show(v);
      } catch (err) {
        showError(form, err);
      } finally {
        busy = false;
      }
    });
    return form;
  };

  const checkInRow = (k) => h('li', { class: 'checkin-row', testid: 'checkin-row', 'data-checkin-id': k.id },
    h('span', { class: 'checkin-when' }, formatDate(k.checkedOn, { weekday: true })),
    h('span', { class: 'checkin-main' },
      h('span', { class: 'checkin-text', testid: 'checkin-text' }, checkInText(k)),
      h('span', { class: 'checkin-sub muted' },
        k.sessionId && k.sessionNumber
          ? h('a', { href: href('session', k.sessionId), class: 'action-link' }, `Session ${k.sessionNumber}${k.sessionStartsAt ? ` · ${formatDateTime(k.sessionStartsAt, { withYear: false })}` : ''}`)
          : k.sessionId ? 'In a session' : 'Set by hand')));

  /** The goal's skills and topics, grouped by framework. */
  const linkedPart = () => {
    const groups = linkedByFramework(view.items || []);
    if (!groups.length) return h('p', { class: 'muted small', testid: 'goal-items-empty' }, 'None linked yet. Use Edit to link the skills and topics it works on.');
    return h('div', { class: 'goal-items-by' }, groups.map((g) => h('div', { class: 'goal-items-by-group' },
      h('p', { class: 'goal-items-by-name' }, g.framework),
      itemChips(g.items, `${g.framework}: linked skills and topics`))));
  };

  function render() {
    const g = view.goal;
    const today = nowIn().date;
    const target = targetInfo(g.targetDate, today, g.status);
    document.title = `${g.title} · ${view.personName} — Circlebook`;
    const tasks = g.tasks || [];
    const checkIns = [...view.checkIns, ...older];

    const taskList = tasks.length
      ? h('ul', { class: 'list-card goal-tasks', testid: 'goal-tasks' }, tasks.map((t) => {
        const box = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', class: 'check', checked: t.done, testid: 'task-done', 'data-task-id': t.id, 'aria-label': `Done: ${t.title}` }));
        box.addEventListener('change', () => tick(t, box.checked));
        return h('li', { class: ['goal-task', t.done && 'is-done'], testid: 'goal-task', 'data-task-id': t.id },
          h('label', { class: 'goal-task-label' }, box, h('span', { class: 'goal-task-title' }, t.title)),
          t.done && t.doneOn ? h('span', { class: 'muted small' }, formatDate(t.doneOn)) : null);
      }))
      : h('p', { class: 'muted small' }, 'No tasks. Use Edit to break the goal into up to 6 steps.');

    replace(root,
      pageHeader({
        back: { href: href('person', g.personId), label: view.personName },
        title: g.title,
        badges: [goalStatusChip(g.status), g.visibility === 'private' ? h('span', { class: 'badge goal-private', testid: 'goal-private' }, icon('lock', { size: 11 }), 'Private') : null].filter(Boolean),
        subtitle: view.circleName ? `A goal within ${view.circleName}` : 'A personal goal',
        actions: [
          button({ label: 'Edit', icon: 'pencil', testid: 'edit-goal', onclick: () => edit().catch(reportError) }),
          button({ title: 'Delete goal', icon: 'trash', variant: 'danger-ghost', testid: 'delete-goal', onclick: remove }),
        ],
      }),
      h('div', { class: 'two-col' },
        h('div', { class: 'col-main' },
          section({ title: 'Progress', id: 'goal-progress' },
            h('div', { class: 'goal-summary', testid: 'goal-summary' },
              progressBar(g, 'Progress'),
              h('span', { class: ['goal-target', `due-${target.level}`], testid: 'goal-target', 'data-level': target.level }, icon('calendar', { size: 12 }), target.text),
              view.stale ? staleFlag() : null),
            g.progressMode === 'manual' ? progressForm() : null),
          section({ title: 'Tasks', id: 'goal-tasks', aside: tickStatus.el }, taskList),
          section({ title: 'Check-ins', id: 'goal-timeline', aside: view.checkInCount ? `${view.checkInCount} in all` : null },
            checkIns.length
              ? h('ol', { class: 'list-card checkin-list', testid: 'goal-timeline' }, checkIns.map(checkInRow))
              : h('p', { class: 'muted small', testid: 'goal-timeline-empty' }, 'No check-ins yet. Check in during a live session: Alt+G on the live screen.'),
            more ? h('button', { type: 'button', class: 'link-btn', testid: 'timeline-more', onclick: loadOlder }, 'Show older check-ins') : null)),
        h('div', { class: 'col-side' },
          section({ title: 'Skills and topics', id: 'goal-skills' }, linkedPart()),
          section({ title: 'Why it matters', id: 'goal-why' }, g.why ? h('p', { class: 'prewrap', testid: 'goal-why' }, g.why) : h('p', { class: 'muted small' }, 'Not written yet.')),
          section({ title: 'How we’ll know', id: 'goal-criteria' }, g.successCriteria ? h('p', { class: 'prewrap', testid: 'goal-criteria' }, g.successCriteria) : h('p', { class: 'muted small' }, 'Not written yet.')))));
  }

  replace(root, loading());
  await reload();
  return {};
}
