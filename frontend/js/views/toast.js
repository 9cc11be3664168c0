// Toasts: short messages in the corner. Errors from actions outside forms
// land here with the Go side's message.

import { h } from '../lib/dom.js';
import { icon } from '../lib/icons.js';

let region = null;

function ensureRegion() {
  if (!region || !region.isConnected) {
    region = h('div', { class: 'toasts', 'aria-live': 'polite', 'aria-relevant': 'additions', testid: 'toasts' });
    document.body.appendChild(region);
  }
  return region;
}

/**
 * Shows a toast.
 * @param {string} message
 * @param {{kind?: 'success'|'error'|'info', timeout?: number, action?: {label: string, testid?: string, run: () => void}}} [opts]
 *   errors stay 8 s, others 3.5 s, one with an action (Undo) 10 s; the action dismisses the toast
 * @returns {() => void} dismiss
 */
export function toast(message, opts = {}) {
  const kind = opts.kind || 'info';
  const timeout = opts.timeout ?? (kind === 'error' ? 8000 : opts.action ? 10000 : 3500);
  const act = opts.action;
  const dismiss = () => {
    el.classList.add('is-leaving');
    setTimeout(() => el.remove(), 160);
  };
  const el = h('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status', testid: kind === 'error' ? 'toast-error' : 'toast', 'data-kind': kind },
    icon(kind === 'error' ? 'alert' : kind === 'success' ? 'check-circle' : 'info', { size: 18 }),
    h('span', { class: 'toast-text' }, message),
    act ? h('button', { type: 'button', class: 'btn btn-ghost btn-sm toast-action', testid: act.testid || 'toast-action', onclick: () => { dismiss(); act.run(); } }, act.label) : null,
    h('button', { type: 'button', class: 'icon-btn toast-close', 'aria-label': 'Dismiss', onclick: dismiss }, icon('x', { size: 14 })));
  ensureRegion().appendChild(el);
  if (timeout > 0) setTimeout(dismiss, timeout);
  return dismiss;
}

/**
 * Shows a failed action's message as an error toast.
 * @param {{message?: string}} err
 */
export function reportError(err) {
  toast((err && err.message) || 'Something went wrong.', { kind: 'error' });
}
