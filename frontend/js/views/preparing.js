// The screen the window shows while it brings a data file made by an
// older Circlebook up to date: the file is backed up, then migrated, and
// on a large file building a new index can take tens of seconds. Without
// it the window would stay blank; with it the leader sees what is being
// done and how far it is.

import { h } from '../lib/dom.js';
import { formatCount } from '../lib/format.js';

/** How often the page asks how far the migration is. */
const POLL_MS = 200;

/**
 * @typedef {{step: string, done: number, total: number}} Progress
 * @typedef {{ready: boolean, progress: Progress, error: string}} Readiness
 */

/**
 * The progress line for a step: "Building the search index: 12,000 of 40,000".
 * @param {Progress} p
 * @returns {string}
 */
export function progressText(p) {
  const step = (p && p.step) || 'Getting ready';
  if (!p || !(p.total > 0)) return `${step}…`;
  return `${step}: ${formatCount(Math.min(p.done, p.total))} of ${formatCount(p.total)}`;
}

/**
 * Resolves once the app's data is ready. Until then it shows in body what
 * the migration is doing, asking ask() every POLL_MS; if the migration
 * failed it shows why and never resolves: the app cannot go on.
 * @param {() => Promise<Readiness>} ask
 * @param {HTMLElement} body
 * @returns {Promise<void>}
 */
export async function untilReady(ask, body) {
  let r = await ask();
  if (r.ready) return;
  const step = h('p', { class: 'preparing-step', role: 'status', testid: 'preparing-step' });
  const bar = h('progress', { class: 'preparing-bar', 'aria-label': 'Progress' });
  const card = h('main', { class: 'preparing', testid: 'preparing' },
    h('h1', { class: 'page-title' }, 'Updating your data'),
    h('p', {}, 'This version of Circlebook brings your data file up to date. It was backed up first; your notes are safe.'),
    step, bar);
  body.replaceChildren(card);
  document.title = 'Updating your data';
  for (;;) {
    if (r.error) {
      step.textContent = `The update did not finish: ${r.error}. Your data file is unchanged; close Circlebook and open it again, or restore the backup next to the file.`;
      step.setAttribute('role', 'alert');
      bar.remove();
      return new Promise(() => {});
    }
    step.textContent = progressText(r.progress);
    if (r.progress && r.progress.total > 0) {
      bar.max = r.progress.total;
      bar.value = Math.min(r.progress.done, r.progress.total);
    } else bar.removeAttribute('value');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    r = await ask().catch(() => r);
    if (r.ready) return;
  }
}
