// The live screen's Goals panel: the open goals of the people marked
// present or late, each with its check-in in this session once made. Alt+G
// jumps here from the notes (and back); arrows choose a goal; Enter opens an
// inline check-in (progress, status, one line); Enter saves, Esc cancels.
// It never takes the keyboard by itself: a refresh (after attendance
// changes) keeps focus where it is.

import { h, replace, kbd } from '../lib/dom.js';
import { clearErrors, showError, errorSlot, formErrorBanner, FieldError } from '../lib/forms.js';
import { LIMITS, message } from '../lib/limits.js';
import { GOAL_STATUSES, goalPanelKey, checkInText, progressText, clampProgress } from '../lib/goals.js';
import * as api from '../api.js';
import { button, section, saveStatus } from './ui.js';
import { reportError } from './toast.js';
import { goalStatusChip } from './goals.js';

/**
 * Builds the Goals panel.
 * @param {{session: {id: number}}} page the live screen's session page
 * @param {{back: () => void}} o back: where the keyboard goes when leaving the panel (the notes)
 * @returns {{el: HTMLElement, refresh: () => Promise<void>, jump: () => void}}
 */
export function goalsPanel(page, o) {
  /** @type {any[]} */
  let goals = [];
  let loaded = false;
  let at = 0;
  /** The goal whose check-in form is open, or 0. */
  let openId = 0;
  /**
   * Whether the Enter that opened the form is still down: its key press (a
   * keyboard driver may send it though keydown was handled) must not reach
   * the new form's first field as a submit. Its keyup ends it.
   */
  let openingEnter = false;
  let pendingRefresh = false;
  const status = saveStatus('checkin-status');
  const list = h('ul', { class: 'list-card live-goal-list', testid: 'live-goals', tabindex: '-1', 'aria-label': 'Goals of the people present' });

  const buttons = () => /** @type {HTMLElement[]} */ ([...list.querySelectorAll('[data-testid="live-goal"]')]);
  const rove = (doFocus) => {
    const bs = buttons();
    if (!bs.length) return;
    at = Math.min(Math.max(0, at), bs.length - 1);
    bs.forEach((b, i) => { b.tabIndex = i === at ? 0 : -1; });
    if (doFocus) {
      bs[at].focus();
      bs[at].scrollIntoView({ block: 'nearest' });
    }
  };

  const checkInForm = (g) => {
    const manual = g.progressMode === 'manual';
    const progress = /** @type {HTMLInputElement} */ (h('input', { type: 'number', name: 'progress', class: 'input input-progress', min: 0, max: 100, step: 1, value: String(clampProgress(g.progress)), testid: 'field-progress', 'data-control-for': 'progress', 'aria-label': `Progress of ${g.title} (%)`, 'aria-describedby': 'checkin-err-progress' }));
    const statusSel = /** @type {HTMLSelectElement} */ (h('select', { name: 'status', class: 'input select', testid: 'field-status', 'data-control-for': 'status', 'aria-label': 'Status', 'aria-describedby': 'checkin-err-status' },
      GOAL_STATUSES.map((s) => h('option', { value: s.value, selected: s.value === g.status }, s.label))));
    // Checking in again in this session changes that check-in: start from it.
    const note = /** @type {HTMLInputElement} */ (h('input', { type: 'text', name: 'note', class: 'input', maxlength: LIMITS.title, value: g.checkIn ? g.checkIn.note : '', testid: 'field-note', 'data-control-for': 'note', placeholder: 'One line: what moved', 'aria-label': 'Check-in note', autocomplete: 'off', 'aria-describedby': 'checkin-err-note' }));
    const form = /** @type {HTMLFormElement} */ (h('form', { class: 'checkin-form', testid: 'checkin-form', novalidate: true, 'data-goal-id': g.id },
      h('div', { class: 'checkin-fields' },
        manual ? progress : h('span', { class: 'checkin-from-tasks muted small', title: 'This goal’s progress comes from its tasks' }, progressText(g)),
        statusSel, note),
      errorSlot('progress', 'checkin-err-progress'), errorSlot('status', 'checkin-err-status'), errorSlot('note', 'checkin-err-note'), formErrorBanner(),
      h('div', { class: 'checkin-foot' },
        h('span', { class: 'muted small' }, 'Enter saves · Esc cancels'),
        button({ label: 'Cancel', size: 'sm', variant: 'ghost', testid: 'checkin-cancel', onclick: () => close(true) }),
        button({ label: g.checkIn ? 'Update check-in' : 'Check in', size: 'sm', variant: 'primary', type: 'submit', testid: 'checkin-save' }))));
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        close(true);
      } else if (e.key === 'Enter' && !e.isComposing && /** @type {HTMLElement} */ (e.target).tagName !== 'BUTTON') {
        e.preventDefault();
        if (e.repeat) return; // a held Enter saves once
        openingEnter = false;
        form.requestSubmit();
      }
    });
    let busy = false;
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (busy || openingEnter) return; // the Enter that opened the form is not the one that saves it
      clearErrors(form);
      const raw = progress.value.trim();
      const value = manual ? (/^-?\d+$/.test(raw) ? Number(raw) : NaN) : clampProgress(g.progress);
      if (!(value >= 0 && value <= 100)) {
        showError(form, new FieldError('progress', message('between', 'Progress', 0, 100)));
        return;
      }
      busy = true;
      status.saving();
      try {
        const v = await api.goals.checkIn(page.session.id, g.id, { progress: value, status: statusSel.value, note: note.value });
        const k = v.checkIns.find((x) => x.sessionId === page.session.id) || null;
        goals = goals.map((x) => (x.id === g.id ? { ...x, ...v.goal, personName: x.personName, checkIn: k } : x));
        status.saved();
        // Back to the goal's row only if the leader is still in the form:
        // after Alt+G (or a click) back to the notes, the reply must not
        // pull the keys away from them.
        close(form.contains(document.activeElement));
      } catch (err) {
        status.failed('Not saved');
        showError(form, err);
      } finally {
        busy = false;
      }
    });
    return { form, first: manual ? progress : statusSel };
  };

  const row = (g, i) => {
    const k = g.checkIn;
    const b = h('button', { type: 'button', class: 'live-goal', testid: 'live-goal', 'data-goal-id': g.id, tabindex: '-1', 'aria-expanded': openId === g.id ? 'true' : 'false', title: 'Enter: check in on this goal' },
      h('span', { class: 'live-goal-who' }, g.personName),
      h('span', { class: 'live-goal-title' }, g.title),
      h('span', { class: 'live-goal-sub' },
        goalStatusChip(g.status),
        h('span', { class: 'muted' }, progressText(g)),
        k ? h('span', { class: 'live-goal-done', testid: 'live-goal-checked' }, `Checked in: ${checkInText(k)}`) : null));
    b.addEventListener('click', () => {
      at = i;
      open(g.id);
    });
    const li = h('li', { class: ['live-goal-row', k && 'is-checked'], 'data-goal-id': g.id }, b);
    if (openId === g.id) {
      const f = checkInForm(g);
      li.appendChild(f.form);
      queueMicrotask(() => {
        f.first.focus();
        if (f.first instanceof HTMLInputElement) f.first.select();
      });
    }
    return li;
  };

  const render = () => {
    if (!loaded) return;
    if (!goals.length) {
      replace(list, h('li', { class: 'action-empty muted small', testid: 'live-goals-empty' }, 'No open goals for the people marked present. Mark attendance (Alt+A); goals are added on a person’s page.'));
      return;
    }
    replace(list, goals.map(row));
    rove(false);
  };

  const open = (id) => {
    openId = id;
    render();
  };
  const close = (refocusRow) => {
    openId = 0;
    if (pendingRefresh) {
      pendingRefresh = false;
      refresh();
    }
    render();
    if (refocusRow) rove(true);
  };

  list.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
    const t = /** @type {HTMLElement} */ (e.target);
    if (t !== list && t.dataset.testid !== 'live-goal') return;
    const act = goalPanelKey(e.key, at, goals.length);
    if (!act) return;
    e.preventDefault();
    if ('to' in act) {
      at = act.to;
      rove(true);
    } else if ('open' in act) {
      openingEnter = !e.repeat;
      open(goals[at].id);
    } else {
      o.back();
    }
  });
  list.addEventListener('keyup', (e) => {
    if (e.key === 'Enter') openingEnter = false;
  });
  list.addEventListener('focusin', (e) => {
    const i = buttons().indexOf(/** @type {HTMLElement} */ (e.target));
    if (i >= 0 && i !== at) {
      at = i;
      rove(false);
    }
  });

  let asks = 0;
  /** Reads the panel anew (after attendance changed); focus stays where it is. */
  const refresh = async () => {
    if (openId) { // never redraw under a check-in being typed
      pendingRefresh = true;
      return;
    }
    const asked = ++asks;
    try {
      const next = await api.goals.forSession(page.session.id);
      if (asked !== asks) return; // a newer answer is on its way (marks in quick succession)
      const focusedId = list.contains(document.activeElement) ? Number(/** @type {HTMLElement} */ (document.activeElement).dataset.goalId || 0) : -1;
      goals = next || [];
      loaded = true;
      if (openId) return;
      const idx = goals.findIndex((g) => g.id === focusedId);
      if (idx >= 0) at = idx;
      render();
      if (focusedId >= 0) rove(true);
    } catch (err) {
      reportError(err);
    }
  };

  /** Alt+G: into the panel, or back to the notes when already in it. */
  const jump = () => {
    if (el.contains(document.activeElement)) {
      if (openId) close(false);
      o.back();
      return;
    }
    el.scrollIntoView({ block: 'nearest' });
    if (goals.length) rove(true);
    else list.focus();
  };

  const el = section({
    title: 'Goals', id: 'live-goals', testid: 'goals-panel', aside: status.el,
    actions: [h('span', { class: 'muted small', title: 'Alt+G jumps here from the notes, and back' }, kbd('Alt G'))],
  }, list, h('p', { class: 'muted small live-goals-hint' }, '↑ ↓ choose a goal · Enter checks in · Esc back to the notes'));
  refresh();
  return { el, refresh, jump };
}
