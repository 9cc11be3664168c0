// What the match and form screens share: their opening (the header, the
// cohorts from Go, the cohort field or the offer of the sample cohort) and
// a progress bar for a run that takes a while.

import { h, replace } from '../lib/dom.js';
import { field } from '../lib/forms.js';
import { progressLabel, progressPercent, cohortLabel } from '../lib/pairing.js';
import { href } from '../router.js';
import * as api from '../api.js';
import { button, pageHeader, emptyState, loading, errorState } from './ui.js';
import { reportError } from './toast.js';

/**
 * Opens a cohort screen: its title, its header and the cohorts from Go.
 * Shows the error (with a retry) or, with no cohort, the offer of the
 * sample cohort, and then returns null, as when the screen was left.
 * @param {HTMLElement} root
 * @param {{alive: () => boolean}} ctx
 * @param {() => void} remount mounts the screen again (a retry, or after the sample cohort)
 * @param {{title: string, subtitle: string}} o
 * @returns {Promise<{header: HTMLElement, picker: {field: HTMLElement|null, empty: HTMLElement|null}, cohorts: any[]}|null>}
 */
export async function openCohortScreen(root, ctx, remount, o) {
  document.title = `${o.title} — Circlebook`;
  const header = pageHeader({ title: o.title, subtitle: o.subtitle, back: { href: href('program'), label: 'Program' } });
  replace(root, header, loading());
  let cohorts;
  try {
    cohorts = (await api.pairing.cohorts()) || [];
  } catch (err) {
    if (ctx.alive()) replace(root, header, errorState(err, { retry: remount }));
    return null;
  }
  if (!ctx.alive()) return null;
  const picker = cohortPicker(cohorts, () => ctx.alive() && remount());
  if (!picker.field) {
    replace(root, header, picker.empty);
    return null;
  }
  return { header, picker, cohorts };
}

/** How often a pending run asks Go how far it is, in ms. */
const POLL_MS = 250;

/**
 * The cohort field, or an empty state offering the sample cohort when there is none.
 * @param {{name: string, people: number, mentors: number}[]} cohorts
 * @param {() => void} reload mounts the screen again after the sample cohort is loaded
 * @returns {{field: HTMLElement|null, empty: HTMLElement|null}}
 */
function cohortPicker(cohorts, reload) {
  if (cohorts.length) {
    return { field: field({ name: 'cohort', label: 'Cohort', type: 'select', options: cohorts.map((c) => ({ value: c.name, label: cohortLabel(c) })) }), empty: null };
  }
  const load = button({
    label: 'Load a sample cohort', icon: 'people', variant: 'primary', testid: 'load-sample-cohort',
    onclick: async () => {
      load.disabled = true;
      try {
        await api.demo.loadCohort();
        reload();
      } catch (err) {
        load.disabled = false;
        reportError(err);
      }
    },
  });
  return {
    field: null,
    empty: emptyState({
      icon: 'people', title: 'No cohort yet', testid: 'no-cohort',
      text: 'A cohort is the people of an import, or those given a cohort on their profile. Import a roster, or try the sample cohort of 40.',
      actions: [load, h('a', { class: 'btn btn-secondary', href: href('import'), testid: 'go-import' }, 'Import a roster')],
    }),
  };
}

/**
 * Runs a pending Go call while a progress bar in slot says how far it is,
 * asking pairing.Progress every 250 ms; the slot empties when it settles.
 * @template T
 * @param {HTMLElement} slot
 * @param {'matching'|'forming'} what
 * @param {() => Promise<T>} run
 * @returns {Promise<T>}
 */
export async function withProgress(slot, what, run) {
  const bar = /** @type {HTMLProgressElement} */ (h('progress', { class: 'pairing-progress-bar', max: '100', 'aria-label': progressLabel(null, what) }));
  const text = h('span', { class: 'pairing-progress-text', testid: 'pairing-progress-text' }, progressLabel(null, what));
  replace(slot, h('div', { class: 'pairing-progress', role: 'status', testid: 'pairing-progress' }, bar, text));
  slot.hidden = false;
  let done = false;
  const tick = async () => {
    try {
      const p = await api.pairing.progress();
      if (done || !p || !p.running || p.what !== what) return;
      const pct = progressPercent(p);
      if (pct === null) bar.removeAttribute('value');
      else bar.value = pct;
      text.textContent = progressLabel(p, what);
      bar.setAttribute('aria-label', text.textContent);
    } catch {
      // The run itself reports its errors; a missed tick only leaves the bar as it was.
    }
  };
  const timer = setInterval(tick, POLL_MS);
  try {
    return await run();
  } finally {
    done = true;
    clearInterval(timer);
    slot.hidden = true;
    replace(slot);
  }
}

