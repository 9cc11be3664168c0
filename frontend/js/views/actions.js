// Action items: a list with owner, due date (overdue in red) and a tick to
// mark each done, and the inline capture row (text, owner, due; Enter saves).

import { h, replace, focusKey, refocus } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { dueInfo, ownerLabel } from '../lib/due.js';
import { nowIn } from '../lib/format.js';
import { clearErrors, showError, errorSlot } from '../lib/forms.js';
import { LIMITS } from '../lib/limits.js';
import * as api from '../api.js';
import { button, saveStatus } from './ui.js';
import { reportError } from './toast.js';

/**
 * @typedef {Object} ActionListOptions
 * @property {string} [emptyText]
 * @property {string} [testid] the list's data-testid
 * @property {(it: any) => (Node|string|null)} [context] extra text per row (the circle, the session)
 * @property {(it: any) => void} [onChange] told each item after it changes
 */

/**
 * A list of action items with a tick to mark each done or open again.
 * @param {any[]} items
 * @param {ActionListOptions} [o]
 * @returns {{el: HTMLElement, status: HTMLElement, set: (items: any[]) => void}}
 */
export function actionList(items, o = {}) {
  let list = items || [];
  const status = saveStatus('action-status');
  const el = h('ul', { class: 'list-card action-list', testid: o.testid || 'action-list' });

  // One change at a time, so a quick double tick ends on the last one.
  let chain = Promise.resolve();
  const toggle = (it, done, box) => {
    box.setAttribute('aria-busy', 'true');
    status.saving();
    chain = chain.then(async () => {
      try {
        const next = await api.actions.setDone(it.id, done);
        list = list.map((x) => (x.id === next.id ? { ...x, ...next } : x));
        status.saved();
        o.onChange?.(next);
      } catch (err) {
        status.failed('Not saved');
        reportError(err);
      }
      const key = focusKey(document.activeElement);
      render();
      refocus(el, key);
    });
  };

  const row = (it, today) => {
    const due = dueInfo(it.dueOn, today, it.status);
    const done = it.status === 'done';
    const box = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', class: 'check', checked: done, testid: 'action-done', 'data-action-id': it.id, 'aria-label': `Done: ${it.text}` }));
    box.addEventListener('change', () => toggle(it, box.checked, box));
    const ctx = o.context ? o.context(it) : null;
    return h('li', { class: ['action-row', done && 'is-done', due.level === 'overdue' && 'is-overdue'], testid: 'action-row', 'data-action-id': it.id, 'data-status': it.status },
      box,
      h('span', { class: 'action-main' },
        h('span', { class: 'action-text' }, it.text),
        h('span', { class: 'action-sub' },
          h('span', { class: ['action-owner', !it.ownerId && 'is-circle'], testid: 'action-owner' }, icon(it.ownerId ? 'user' : 'people', { size: 12 }), ownerLabel(it)),
          it.dueOn ? h('span', { class: ['action-due', `due-${due.level}`], testid: 'action-due', 'data-level': due.level }, icon(due.level === 'overdue' ? 'alert' : 'calendar', { size: 12 }), due.label) : null,
          it.source === 'notes' ? h('span', { class: 'action-source', title: 'Written as a task line in the notes' }, 'from notes') : null,
          ctx ? h('span', { class: 'action-context' }, ctx) : null)));
  };

  const render = () => {
    const today = nowIn().date;
    if (!list.length) replace(el, h('li', { class: 'action-empty muted small' }, o.emptyText || 'No action items.'));
    else replace(el, list.map((it) => row(it, today)));
  };

  render();
  return {
    el,
    status: status.el,
    set: (next) => {
      list = next || [];
      const key = focusKey(document.activeElement);
      render();
      refocus(el, key);
    },
  };
}

/**
 * The inline row that captures an action item: what, who (a member or the
 * whole circle) and when. Enter saves; Esc closes.
 * @param {{circleId: number, sessionId: number, members: {personId: number, name: string}[], onCreated: (item: any) => void, returnFocus?: () => void}} o
 *   returnFocus: where the keyboard goes when the row closes (the live
 *   screen's notes); by default, back where it was when the row opened
 * @returns {{el: HTMLElement, open: () => void, close: () => void, isOpen: () => boolean}}
 */
export function captureRow(o) {
  let back = null;
  const text = /** @type {HTMLInputElement} */ (h('input', { type: 'text', name: 'text', class: 'input', maxlength: LIMITS.prose, testid: 'field-text', 'data-control-for': 'text', placeholder: 'What will be done?', 'aria-label': 'Action item', autocomplete: 'off' }));
  const owner = /** @type {HTMLSelectElement} */ (h('select', { name: 'ownerId', class: 'input select', testid: 'field-ownerId', 'data-control-for': 'ownerId', 'aria-label': 'Who' },
    h('option', { value: '0' }, 'Whole circle'),
    o.members.map((m) => h('option', { value: String(m.personId) }, m.name))));
  const due = /** @type {HTMLInputElement} */ (h('input', { type: 'date', name: 'dueOn', class: 'input input-date', min: `${LIMITS.minYear}-01-01`, max: `${LIMITS.maxYear}-12-31`, testid: 'field-dueOn', 'data-control-for': 'dueOn', 'aria-label': 'Due' }));
  const save = button({ label: 'Add', icon: 'plus', type: 'submit', variant: 'primary', testid: 'action-save', title: 'Add the action item (Enter)' });
  const cancel = button({ title: 'Close (Esc)', icon: 'x', variant: 'ghost', testid: 'action-cancel' });
  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'action-capture', testid: 'action-capture', novalidate: true, hidden: true },
    h('div', { class: 'action-capture-row' }, text, owner, due, save, cancel),
    errorSlot('text', 'action-err-text'), errorSlot('ownerId', 'action-err-owner'), errorSlot('dueOn', 'action-err-due'),
    h('p', { class: 'form-error', 'data-form-error': true, testid: 'form-error', role: 'alert', hidden: true })));

  const close = () => {
    form.hidden = true;
    clearErrors(form);
    if (o.returnFocus) o.returnFocus();
    else if (back && back.isConnected) back.focus();
    back = null;
  };
  const open = () => {
    if (form.hidden) back = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    form.hidden = false;
    text.focus();
    text.select();
  };
  cancel.addEventListener('click', close);
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  });
  form.addEventListener('input', () => clearErrors(form));
  let busy = false;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (busy) return;
    clearErrors(form);
    if (!text.value.trim()) {
      showError(form, { field: 'text', message: 'Write what will be done.' });
      return;
    }
    busy = true;
    save.disabled = true;
    try {
      const item = await api.actions.create(o.circleId, { text: text.value, ownerId: Number(owner.value) || 0, dueOn: due.value, sessionId: o.sessionId });
      text.value = '';
      due.value = '';
      owner.value = '0';
      o.onCreated(item);
      close();
    } catch (err) {
      showError(form, err);
    } finally {
      busy = false;
      save.disabled = false;
    }
  });
  return { el: form, open, close, isOpen: () => !form.hidden };
}
