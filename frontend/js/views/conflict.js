// The panel beside a note that someone else saved while it was typed: what
// happened, their text (as text, in a box that scrolls and takes focus) and
// two choices, Keep mine and Use theirs. The note's own text stays in the
// editor, still editable, until one is chosen.

import { h, uid } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { otherLabel } from '../lib/conflict.js';
import { button } from './ui.js';
import { when } from './history.js';

/**
 * @typedef {{id?: number, body: string, version: number, updatedAt?: string}} OtherNote the note as Go has it now
 */

/**
 * Builds a conflict panel; the caller puts el next to the note.
 * @param {{vis: 'shared'|'private', timeZone?: string, onKeepMine: (other: OtherNote) => Promise<void>, onUseTheirs: (other: OtherNote) => Promise<void>, onRetry: () => void}} o
 *   timeZone: the circle's, in which the other save's time is shown (as History does)
 * @returns {{el: HTMLElement, loading: () => void, show: (other: OtherNote) => void, failed: (message: string) => void, remove: () => void}}
 */
export function conflictPanel(o) {
  const titleId = uid('conflict-title');
  const label = h('p', { class: 'conflict-label', testid: 'conflict-their-label' });
  const theirs = h('pre', { class: 'conflict-theirs', testid: 'conflict-theirs', tabindex: '0', role: 'region', 'aria-label': 'Their text' });
  const error = h('p', { class: 'form-error conflict-error', role: 'alert', testid: 'conflict-error', hidden: true });
  const keep = button({ label: 'Keep mine', variant: 'primary', size: 'sm', testid: 'conflict-keep-mine', title: 'Save your text over theirs; theirs stays in History' });
  const use = button({ label: 'Use theirs', variant: 'secondary', size: 'sm', testid: 'conflict-use-theirs', title: 'Replace your text with theirs; yours stays in History' });
  const retry = button({ label: 'Read their text again', variant: 'ghost', size: 'sm', testid: 'conflict-retry' });
  retry.hidden = true;
  /** @type {OtherNote|null} */
  let other = null;
  let busy = false;

  const el = h('section', { class: 'conflict-panel', testid: 'conflict-panel', 'data-visibility': o.vis, 'aria-labelledby': titleId },
    h('p', { class: 'conflict-title', id: titleId, role: 'alert' }, icon('alert', { size: 16 }), h('strong', null, 'Someone else saved this note while you typed')),
    h('p', { class: 'conflict-help' }, 'Your text is still in the editor and is not saved yet. Choose which text to keep: the other one is kept in History.'),
    label, theirs, error,
    h('div', { class: 'conflict-actions' }, keep, use, retry));

  const setBusy = (on) => {
    busy = on;
    keep.disabled = on || !other;
    use.disabled = on || !other;
  };
  const choose = (fn) => async () => {
    if (busy || !other) return;
    setBusy(true);
    error.hidden = true;
    try {
      await fn(other);
    } catch (err) {
      error.textContent = `Nothing was changed: ${err.message}`;
      error.hidden = false;
    } finally {
      setBusy(false);
    }
  };
  keep.addEventListener('click', choose(o.onKeepMine));
  use.addEventListener('click', choose(o.onUseTheirs));
  retry.addEventListener('click', () => o.onRetry());

  return {
    el,
    loading: () => {
      other = null;
      label.textContent = 'Reading their text…';
      theirs.textContent = '';
      theirs.hidden = true;
      retry.hidden = true;
      setBusy(false);
    },
    show: (next) => {
      other = { ...next, body: next.body || '', version: next.version || 0 };
      label.textContent = otherLabel(other, (iso) => when(iso, o.timeZone));
      theirs.textContent = other.body || '(empty)';
      theirs.hidden = false;
      error.hidden = true;
      retry.hidden = true;
      setBusy(false);
    },
    failed: (message) => {
      other = null;
      label.textContent = '';
      error.textContent = `Could not read their text: ${message}`;
      error.hidden = false;
      retry.hidden = false;
      setBusy(false);
    },
    remove: () => el.remove(),
  };
}
