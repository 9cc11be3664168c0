// The session's agenda: an ordered list to add to, edit in place, tick off,
// reorder (buttons or Alt+Up / Alt+Down) and delete, with its time budget.
// On the live screen it also marks the item being discussed, times it, and
// moves on to the next one; once the session is over, the timer shows the
// time spent until the end and stands still.

import { h, replace, focusKey, refocus } from '../lib/dom.js';
import { agendaBudget, reorderTarget, itemTimer, sessionOver } from '../lib/agenda.js';
import { currentItemId, nextItemId } from '../lib/live.js';
import { pref, setPref } from '../state.js';
import { coerce, clearErrors, showError, errorSlot } from '../lib/forms.js';
import { LIMITS } from '../lib/limits.js';
import * as api from '../api.js';
import { iconButton, section, saveStatus, button } from './ui.js';
import { reportError } from './toast.js';

/**
 * Builds the agenda section.
 * @param {{session: any, agenda: any[]}} page
 * @returns {HTMLElement}
 */
export function agendaSection(page) {
  return agendaPanel(page).el;
}

/**
 * Builds the agenda; with live set, the current item is marked and timed
 * (until the session's end: after it, the last current item keeps its final time).
 * @param {{session: any, agenda: any[]}} page
 * @param {{live?: boolean, before?: Node}} [o] before: shown above the list (the follow-up block)
 * @returns {{el: HTMLElement, next: () => Promise<void>, tick: (nowMs: number) => void, add: (title: string, minutes: number) => Promise<void>}}
 */
export function agendaPanel(page, o = {}) {
  let items = page.agenda || [];
  const live = !!o.live;
  // Once the session is over, the current item stays as it was at the end.
  const timing = live && !sessionOver(page.session);
  const curKey = `live.item.${page.session.id}`;
  /** @type {{id: number|null, since: number}} */
  let cur = live ? pref(curKey, { id: null, since: Date.now() }) : { id: null, since: 0 };
  const setCurrent = (id, restart) => {
    if (!timing || (id === cur.id && !restart)) return;
    cur = { id, since: Date.now() };
    setPref(curKey, cur);
  };
  const status = saveStatus('agenda-status');
  const list = h('ol', { class: 'agenda', testid: 'agenda-list', 'aria-label': 'Agenda' });
  const total = h('p', { class: 'agenda-total', testid: 'agenda-total' });

  const apply = (next, keepFocus) => {
    const active = document.activeElement;
    const key = keepFocus ? focusKey(active) : null;
    const itemId = keepFocus && active instanceof HTMLElement ? active.closest('[data-item-id]')?.getAttribute('data-item-id') : null;
    items = next || [];
    render();
    refocus(list, key);
    // A move button that is now disabled cannot take focus back: use the item's title.
    if (itemId && !list.contains(document.activeElement)) {
      /** @type {HTMLElement|null} */ (list.querySelector(`[data-item-id="${itemId}"] [data-testid="agenda-title"]`))?.focus();
    }
  };

  // Edits run one after another, each against the latest agenda, so quick
  // successive changes (a tick right after a title edit) never overwrite each other.
  let chain = Promise.resolve();
  const run = (fn, keepFocus = true) => {
    chain = chain.then(async () => {
      let call;
      try {
        call = fn();
      } catch (err) {
        reportError(err);
        return;
      }
      if (!call) return;
      status.saving();
      try {
        apply(await call, keepFocus);
        status.saved();
      } catch (err) {
        status.failed('Not saved');
        reportError(err);
        render();
      }
    });
    return chain;
  };

  const current = (id) => items.find((x) => x.id === id);
  const update = (it, patch) => run(() => {
    const cur = current(it.id);
    return cur ? api.sessions.updateAgendaItem(cur.id, { title: cur.title, minutes: cur.minutes, done: cur.done, ...patch }) : null;
  });
  const move = (it, key) => run(() => {
    const index = items.findIndex((x) => x.id === it.id);
    const to = index < 0 ? null : reorderTarget(index, items.length, key);
    return to === null ? null : api.sessions.moveAgendaItem(it.id, to);
  });

  const itemRow = (it, i) => {
    const done = h('input', { type: 'checkbox', class: 'check', checked: it.done, testid: 'agenda-done', 'aria-label': `Done: ${it.title}` });
    done.addEventListener('change', () => update(it, { done: /** @type {HTMLInputElement} */ (done).checked }));
    const title = /** @type {HTMLInputElement} */ (h('input', { type: 'text', class: 'inline-input agenda-title', value: it.title, maxlength: LIMITS.title, testid: 'agenda-title', 'aria-label': `Agenda item ${i + 1}` }));
    title.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') { e.preventDefault(); title.blur(); }
      if (e.key === 'Escape') { e.preventDefault(); title.value = it.title; title.blur(); }
    });
    title.addEventListener('change', () => {
      if (title.value.trim() === it.title) return;
      update(it, { title: title.value });
    });
    const minutes = /** @type {HTMLInputElement} */ (h('input', { type: 'number', class: 'inline-input agenda-minutes', min: 0, max: 1440, step: 5, value: it.minutes || '', placeholder: '0', testid: 'agenda-minutes', 'aria-label': `Minutes for ${it.title}` }));
    minutes.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') { e.preventDefault(); minutes.blur(); }
    });
    minutes.addEventListener('change', () => {
      let n;
      try {
        n = coerce({ minutes: minutes.value }, { minutes: 'int' }).minutes;
      } catch (err) {
        reportError(err);
        minutes.value = it.minutes || '';
        return;
      }
      if (n !== it.minutes) update(it, { minutes: n });
    });
    const isCurrent = live && it.id === cur.id;
    const pos = timing && !it.done
      ? h('button', { type: 'button', class: 'agenda-pos agenda-pos-btn', testid: 'agenda-current', title: isCurrent ? 'Being discussed now' : 'Discuss this now', 'aria-label': `${i + 1}. Discuss now: ${it.title}` /* starts with the number it shows */, 'aria-pressed': isCurrent ? 'true' : 'false', onclick: () => { setCurrent(it.id, true); render(); } }, String(i + 1))
      : h('span', { class: 'agenda-pos', 'aria-hidden': 'true' }, String(i + 1));
    const li = h('li', { class: ['agenda-item', it.done && 'is-done', isCurrent && 'is-current'], testid: 'agenda-item', 'data-item-id': it.id, 'aria-current': isCurrent ? 'step' : undefined },
      pos,
      done, title,
      isCurrent ? h('span', { class: 'item-timer', testid: 'item-timer', 'data-minutes': it.minutes || 0 }) : null,
      h('span', { class: 'agenda-min-wrap' }, minutes, h('span', { class: 'unit', 'aria-hidden': 'true' }, 'min')),
      h('span', { class: 'row-actions' },
        iconButton('chevron-up', 'Move up (Alt+↑)', () => move(it, 'ArrowUp'), { testid: 'agenda-up', disabled: i === 0 }),
        iconButton('chevron-down', 'Move down (Alt+↓)', () => move(it, 'ArrowDown'), { testid: 'agenda-down', disabled: i === items.length - 1 }),
        iconButton('trash', `Delete “${it.title}”`, () => run(() => api.sessions.deleteAgendaItem(it.id), false), { testid: 'agenda-delete', class: 'icon-btn-danger' })));
    li.addEventListener('keydown', (e) => {
      if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
        e.preventDefault();
        // Commit a pending title edit first, then move.
        if (document.activeElement === title && title.value.trim() !== it.title) title.blur();
        move(it, e.key);
      }
    });
    return li;
  };

  const render = () => {
    if (live) setCurrent(currentItemId(items, cur.id), false);
    replace(list, items.map(itemRow));
    tick(Date.now());
    list.hidden = !items.length;
    empty.hidden = !!items.length;
    const b = agendaBudget(items, page.session.durationMinutes);
    total.textContent = b.label;
    total.classList.toggle('is-over', b.over);
  };

  // The add row.
  const newTitle = /** @type {HTMLInputElement} */ (h('input', { type: 'text', name: 'title', class: 'input', maxlength: LIMITS.title, placeholder: 'Add an agenda item…', testid: 'field-title', 'data-control-for': 'title', 'aria-label': 'New agenda item' }));
  const newMinutes = /** @type {HTMLInputElement} */ (h('input', { type: 'number', name: 'minutes', class: 'input input-minutes', min: 0, max: 1440, step: 5, placeholder: 'min', testid: 'field-minutes', 'data-control-for': 'minutes', 'aria-label': 'Minutes' }));
  const addForm = /** @type {HTMLFormElement} */ (h('form', { class: 'agenda-add', testid: 'agenda-add', novalidate: true },
    h('div', { class: 'agenda-add-row' }, newTitle, newMinutes, button({ label: 'Add', icon: 'plus', type: 'submit', testid: 'agenda-add-button' })),
    errorSlot('title', 'agenda-err-title'), errorSlot('minutes', 'agenda-err-minutes')));
  addForm.addEventListener('input', () => clearErrors(addForm));
  addForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(addForm);
    let input;
    try {
      input = { ...coerce({ title: newTitle.value, minutes: newMinutes.value }, { title: 'text', minutes: 'int' }), done: false };
    } catch (err) {
      showError(addForm, /** @type {any} */ (err));
      return;
    }
    status.saving();
    try {
      apply(await api.sessions.addAgendaItem(page.session.id, input), false);
      newTitle.value = '';
      newMinutes.value = '';
      newTitle.focus();
      status.saved();
    } catch (err) {
      status.failed('Not saved');
      showError(addForm, err);
    }
  });

  // The current item's timer; the live screen calls this every second.
  function tick(nowMs) {
    const el = /** @type {HTMLElement|null} */ (list.querySelector('[data-testid="item-timer"]'));
    if (!el) return;
    const c = itemTimer(Number(el.dataset.minutes) || 0, cur.since, page.session, nowMs);
    el.hidden = !c;
    if (!c) return;
    if (el.textContent !== c.text) el.textContent = c.text;
    const state = c.stopped ? 'stopped' : 'running';
    if (el.dataset.level !== c.level || el.dataset.state !== state) {
      el.dataset.level = c.level;
      el.dataset.state = state;
      const over = c.level === 'over' ? ', over the time planned' : '';
      el.title = c.stopped ? `Time spent on this item until the session ended${over}` : c.level === 'over' ? 'Over the time planned for this item' : 'Time on this item';
    }
  }

  // Ticks the current item and moves to the next open one.
  const next = async () => {
    const id = currentItemId(items, cur.id);
    if (id === null) return;
    const it = current(id);
    setCurrent(nextItemId(items, id), true);
    await update(it, { done: true });
  };

  const empty = h('p', { class: 'muted small agenda-empty' }, 'No agenda yet. Add the first item below.');
  render();
  const el = section({ title: 'Agenda', id: 'agenda', aside: status.el, testid: 'agenda-section', class: live ? 'agenda-live' : undefined },
    o.before || null, list, empty, addForm, total);
  return {
    el,
    next,
    tick,
    add: (title, minutes) => run(() => api.sessions.addAgendaItem(page.session.id, { title, minutes: minutes || 0, done: false }), false),
  };
}
