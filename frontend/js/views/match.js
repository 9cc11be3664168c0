// The match screen (#/match): a cohort's mentees matched with its mentors
// by Go's whole-cohort assignment, with the weights and hard rules the
// leader sets; every pair explains its points, the leader pins or rejects
// pairs and runs again, then publishes the pairs as circles of two. A pair
// made "never" is rejected for good (pairing.NeverMatch); the tag
// vocabulary the scores read opens from the form.

import { h, replace } from '../lib/dom.js';
import { plural } from '../lib/format.js';
import { icon } from '../lib/icons.js';
import { field, row, readForm, showError, clearErrors, formErrorBanner } from '../lib/forms.js';
import {
  WEIGHT_FIELDS, matchSummary, pairKey, toggleMark, constraintsFor,
  pairsToPublish, publishedMessage, pageOf,
} from '../lib/pairing.js';
import { href } from '../router.js';
import * as api from '../api.js';
import { button, section, emptyState, onCtrlEnter } from './ui.js';
import { toast, reportError } from './toast.js';
import { openCohortScreen, withProgress } from './cohort-screen.js';

/**
 * One suggested pair: mentee ← mentor, the points, why, and Pin / Reject / Never.
 * @param {any} m a match.Match
 * @param {Record<string, string>} names
 * @param {Map<string, 'pin'|'reject'>} marks
 * @param {(m: any, mark: 'pin'|'reject') => void} onMark
 * @param {Set<string>} nevers the pairs made never, by pairKey
 * @param {(m: any) => void} onNever
 * @returns {HTMLElement}
 */
function pairRow(m, names, marks, onMark, nevers, onNever) {
  const mentee = names[m.mentee] || m.mentee;
  const mentor = names[m.mentor] || m.mentor;
  const mark = marks.get(pairKey(m));
  const who = `${mentee} with ${mentor}`;
  const pin = button({ label: 'Pin', icon: 'pin', size: 'sm', testid: 'pair-pin', onclick: () => onMark(m, 'pin'), ariaLabel: `Pin ${who}` });
  const reject = button({ label: 'Reject', icon: 'x', size: 'sm', testid: 'pair-reject', onclick: () => onMark(m, 'reject'), ariaLabel: `Reject ${who}` });
  const isNever = nevers.has(pairKey(m));
  const never = button({ label: 'Never', icon: 'lock', size: 'sm', testid: 'pair-never', onclick: () => onNever(m), ariaLabel: `Never suggest ${who} again`, title: isNever ? 'Suggested again from now on: press to forget the “never”' : 'Never suggest these two again' });
  pin.setAttribute('aria-pressed', String(mark === 'pin'));
  reject.setAttribute('aria-pressed', String(mark === 'reject'));
  never.setAttribute('aria-pressed', String(isNever));
  const parts = (m.explanation.parts || []).filter((p) => p.text);
  return h('li', { class: ['match-pair', mark && `is-${mark}`, isNever && 'is-never'], testid: 'match-pair', 'data-key': pairKey(m), 'data-mark': mark || '', 'data-never': isNever ? 'true' : '' },
    h('div', { class: 'match-pair-head' },
      h('p', { class: 'match-pair-names' },
        h('span', { testid: 'pair-mentee' }, mentee), h('span', { class: 'match-arrow', 'aria-hidden': 'true' }, ' ← '), h('span', { class: 'visually-hidden' }, ' mentored by '), h('span', { testid: 'pair-mentor' }, mentor)),
      m.pinned ? h('span', { class: 'badge', testid: 'pair-pinned' }, 'Kept as pinned') : null,
      isNever ? h('span', { class: 'badge match-never-badge', testid: 'pair-never-badge' }, 'Never again') : null,
      h('span', { class: 'match-points', testid: 'pair-points' }, `${m.explanation.total} points`),
      h('span', { class: 'match-pair-actions' }, pin, reject, never)),
    parts.length ? h('ul', { class: 'match-why', testid: 'pair-why', 'aria-label': `Why ${who}` },
      ...parts.map((p) => h('li', null, h('span', { class: 'match-part-points' }, `${p.points}/${p.max}`), ' ', p.text))) : null);
}

/**
 * Mounts the match screen.
 * @param {HTMLElement} root
 * @param {any} route
 * @param {{alive: () => boolean}} ctx
 * @returns {Promise<{dispose: () => void}>}
 */
export async function mount(root, route, ctx) {
  const opened = await openCohortScreen(root, ctx, () => mount(root, route, ctx),
    { title: 'Match pairs', subtitle: 'Pair a cohort’s mentees with its mentors, all at once, then publish the pairs.' });
  if (!opened) return { dispose() {} };
  const { header, picker } = opened;

  let marks = /** @type {Map<string, 'pin'|'reject'>} */ (new Map());
  /** The pairs made never on this screen, by pairKey: saved in Go, so later runs leave them out too. @type {Set<string>} */
  const nevers = new Set();
  let result = null;
  let page = 0;
  let running = false;

  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'pairing-form', testid: 'match-form', novalidate: true }));
  const weights = h('fieldset', { class: 'pairing-fieldset' }, h('legend', null, 'Weights (points, 0–100)'),
    h('div', { class: 'pairing-grid' }, ...WEIGHT_FIELDS.map((w) => field({ name: w.name, label: w.label, type: 'number', value: w.value, min: 0, max: 100, step: 1, what: w.label }))));
  const language = h('label', { class: 'pairing-check' },
    h('input', { type: 'checkbox', class: 'check', name: 'mustShareLanguage', testid: 'field-mustShareLanguage', 'data-control-for': 'mustShareLanguage' }),
    h('span', null, 'Must share a language'));
  const rules = h('fieldset', { class: 'pairing-fieldset' }, h('legend', null, 'Rules'),
    h('div', { class: 'pairing-grid' }, language,
      field({ name: 'minOverlapHours', label: 'At least N hours of working-time overlap', type: 'number', value: 0, min: 0, max: 8, step: 1, what: 'The overlap', hint: '0 to 8; 0 accepts any time zones.' })));
  const suggestBtn = button({ label: 'Suggest pairs', icon: 'people', variant: 'primary', type: 'submit', testid: 'suggest-pairs' });
  const vocabBtn = button({ label: 'Tag vocabulary', icon: 'list', testid: 'edit-vocabulary', title: 'The tags strengths and growth areas match by, with their synonyms', onclick: () => editVocabulary().catch(reportError) });
  form.append(row(picker.field), weights, rules, formErrorBanner(), h('div', { class: 'form-actions pairing-actions' }, vocabBtn, suggestBtn));
  const progressSlot = h('div', { class: 'pairing-progress-slot', hidden: true });
  const results = h('div', { class: 'pairing-results', testid: 'match-results' });
  replace(root, header, form, progressSlot, results);

  /** Reads the form: the request for Go, or null after showing what is wrong. */
  function request() {
    try {
      const spec = Object.fromEntries([...WEIGHT_FIELDS.map((w) => [w.name, 'int']), ['minOverlapHours', 'int'], ['mustShareLanguage', 'bool'], ['cohort', 'text']]);
      const v = readForm(form, /** @type {any} */ (spec));
      const w = Object.fromEntries(WEIGHT_FIELDS.map((f) => [f.name, v[f.name]]));
      return { cohort: v.cohort, weights: w, constraints: constraintsFor(v, marks) };
    } catch (err) {
      showError(form, err);
      return null;
    }
  }

  /** Runs a matching with the form and the marks, and shows what it suggests. */
  async function suggest() {
    if (running) return;
    const req = request();
    if (!req) return;
    clearErrors(form);
    running = true;
    suggestBtn.disabled = true;
    results.setAttribute('aria-busy', 'true');
    try {
      const res = await withProgress(progressSlot, 'matching', () => api.pairing.suggest(req));
      if (!ctx.alive()) return;
      result = { ...res, cohort: req.cohort, matches: res.matches || [], unmatched: res.unmatched || [], skipped: res.skipped || [] };
      page = 0;
      render();
      document.title = `${plural(result.matches.length, 'pair')} suggested · Match pairs — Circlebook`;
      /** @type {HTMLElement|null} */ (results.querySelector('[data-testid=match-summary]'))?.focus();
    } catch (err) {
      if (ctx.alive()) showError(form, err);
    } finally {
      running = false;
      suggestBtn.disabled = false;
      results.removeAttribute('aria-busy');
    }
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    suggest();
  });
  // A new cohort starts over: the marks name the old cohort's people.
  form.elements.namedItem('cohort').addEventListener('change', () => {
    marks = new Map();
    nevers.clear();
    result = null;
    replace(results);
  });

  /** Redraws a pair's row in place, focusing its button for what was pressed. */
  function redrawPair(m, pressed) {
    const old = results.querySelector(`[data-key="${pairKey(m)}"]`);
    if (old) {
      const fresh = pairRow(m, result.names, marks, onMark, nevers, onNever);
      old.replaceWith(fresh);
      /** @type {HTMLElement|null} */ (fresh.querySelector(`[data-testid=pair-${pressed}]`))?.focus();
    }
    updateActions();
  }

  /** Pins or rejects a pair (or clears it), updating its row and the publish button in place. */
  function onMark(m, mark) {
    marks = toggleMark(marks, m, mark);
    redrawPair(m, mark);
  }

  /**
   * Makes a pair never to be suggested again, in Go, and rejects it here;
   * pressed again (or Undo), forgets the "never" and the rejection.
   */
  async function onNever(m) {
    const k = pairKey(m);
    const never = !nevers.has(k);
    const who = `${result.names[m.mentee] || m.mentee} and ${result.names[m.mentor] || m.mentor}`;
    try {
      await api.pairing.neverMatch(Number(m.mentee), Number(m.mentor), never);
    } catch (err) {
      reportError(err);
      return;
    }
    if (!ctx.alive() || !result) return;
    if (never) {
      nevers.add(k);
      marks = new Map(marks).set(k, 'reject');
      toast(`${who} will never be suggested together again.`, { kind: 'success', action: { label: 'Undo', testid: 'toast-undo', run: () => { if (nevers.has(k)) onNever(m); } } });
    } else {
      nevers.delete(k);
      marks = new Map(marks);
      marks.delete(k);
      toast(`${who} may be suggested together again.`, { kind: 'info' });
    }
    redrawPair(m, 'never');
  }

  /** Opens the tag vocabulary; a save runs the matching again, so the scores read it. */
  async function editVocabulary() {
    const { openVocabulary } = await import('./vocabulary.js');
    const saved = await openVocabulary();
    if (!saved) {
      vocabBtn.focus();
      return;
    }
    toast(`Saved the vocabulary: ${plural(saved.length, 'tag')}.${result ? ' Suggesting again with it…' : ''}`, { kind: 'success' });
    if (result) await suggest();
    else vocabBtn.focus();
  }

  const againBtn = button({ label: 'Suggest again', icon: 'restore', testid: 'suggest-again', onclick: () => suggest(), title: 'Run again, keeping the pinned pairs and leaving out the rejected ones' });
  const publishBtn = button({ label: 'Publish', icon: 'check', variant: 'primary', testid: 'publish-pairs', onclick: () => publish() });
  const marksNote = h('span', { class: 'muted small', testid: 'match-marks', 'aria-live': 'polite' });

  /** Says how many pairs publishing makes, and what the marks are. */
  function updateActions() {
    const n = result ? pairsToPublish(result.matches, marks).length : 0;
    publishBtn.querySelector('span').textContent = `Publish ${n} ${n === 1 ? 'pair' : 'pairs'}`;
    publishBtn.disabled = n === 0;
    const c = constraintsFor({}, marks);
    const nv = nevers.size ? ` · ${nevers.size} never again` : '';
    marksNote.textContent = c.pinned.length || c.banned.length ? `${c.pinned.length} pinned · ${c.banned.length} rejected (kept for the next run)${nv}` : '';
  }

  /** Publishes the pairs not rejected as circles of two. */
  async function publish() {
    const pairs = pairsToPublish(result.matches, marks);
    if (!pairs.length) return;
    publishBtn.disabled = true;
    try {
      const res = await api.pairing.publish({ cohort: result.cohort, pairs });
      if (!ctx.alive()) return;
      const said = publishedMessage(res);
      document.title = `Published ${plural(res.circles.length, 'pair')} · Match pairs — Circlebook`;
      toast(said, { kind: 'success', action: { label: 'Open the program', testid: 'toast-program', run: () => { location.hash = href('program'); } } });
      const note = results.querySelector('[data-testid=publish-note]');
      replace(note, icon('check-circle', { size: 16 }), h('span', null, said, ' '), h('a', { href: href('program'), testid: 'publish-program-link' }, 'See them in the program'));
      note.hidden = false;
    } catch (err) {
      reportError(err);
    } finally {
      publishBtn.disabled = false;
    }
  }

  /** Draws the suggestion: the summary, one page of pairs, the unmatched and skipped. */
  function render() {
    const r = result;
    const pg = pageOf(r.matches, page);
    const list = h('ol', { class: 'match-list', testid: 'match-list' }, ...pg.rows.map((m) => pairRow(m, r.names, marks, onMark, nevers, onNever)));
    const pager = pg.pages > 1 ? h('div', { class: 'pairing-pager', testid: 'match-pager' },
      button({ label: 'Previous', icon: 'chevron-left', size: 'sm', disabled: pg.page === 0, testid: 'match-prev', onclick: () => turn(-1) }),
      h('span', { class: 'muted small', 'aria-live': 'polite' }, pg.label),
      button({ label: 'Next', icon: 'chevron-right', size: 'sm', disabled: pg.page >= pg.pages - 1, testid: 'match-next', onclick: () => turn(1) })) : null;
    const unmatched = r.unmatched.length ? section({ title: 'Mentees without a mentor', id: 'match-unmatched', testid: 'match-unmatched', aside: String(r.unmatched.length) },
      h('ul', { class: 'pairing-notes' }, ...r.unmatched.map((u) => h('li', null, h('strong', null, r.names[u.mentee] || u.mentee), `: ${u.reason}`)))) : null;
    const skipped = r.skipped.length ? section({ title: 'Left out of the run', id: 'match-skipped', testid: 'match-skipped', aside: String(r.skipped.length) },
      h('ul', { class: 'pairing-notes' }, ...r.skipped.map((s) => h('li', null, s)))) : null;
    replace(results,
      section({ title: 'Suggested pairs', id: 'match-suggested', actions: [marksNote, againBtn, publishBtn] },
        h('p', { class: 'pairing-summary', testid: 'match-summary', tabindex: '-1' }, matchSummary(r)),
        h('p', { class: 'pairing-done', testid: 'publish-note', role: 'status', hidden: true }),
        r.matches.length ? list : emptyState({ icon: 'people', title: 'No pairs', text: 'No mentee could be paired under these rules: loosen them and run again.', compact: true }),
        pager),
      unmatched, skipped);
    updateActions();
  }

  /** Shows the previous or next page of pairs, keeping focus on the pager. */
  function turn(step) {
    page += step;
    render();
    /** @type {HTMLElement|null} */ (results.querySelector(step < 0 ? '[data-testid=match-prev]:not(:disabled)' : '[data-testid=match-next]:not(:disabled)') || results.querySelector('[data-testid=match-summary]'))?.focus();
  }

  const stopKeys = onCtrlEnter(suggest); // runs the matching from anywhere on the screen
  return { dispose: stopKeys };
}
