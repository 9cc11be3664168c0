// The quick feedback form on a held session (issue 10, item 5): how useful
// it was (1-5), what worked, what to change; for the group, or one attendee
// (marked present or late) at a time. The live screen offers it once the
// session is ended (offerFeedback); a held session's page opens it to add or
// edit. It is optional: Skip, or Esc, closes it and writes nothing.

import { h, kbd } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { field, errorSlot, formErrorBanner, clearErrors, showError, FieldError } from '../lib/forms.js';
import { LIMITS } from '../lib/limits.js';
import { RATINGS, ratingLabel, feedbackKey, attendeesOf, nextAttendee, feedbackValues, feedbackProblems } from '../lib/feedback.js';
import { emit } from '../state.js';
import { href } from '../router.js';
import * as api from '../api.js';
import { modal } from './dialog.js';
import { button } from './ui.js';

/**
 * The 1-5 scale: native radios in a labelled group, so a screen reader
 * hears a radio group; the form's keys (lib/feedback.js) move it.
 * @returns {{el: HTMLElement, get: () => number, set: (n: number) => void, focus: () => void}}
 */
function ratingScale() {
  const errId = 'feedback-usefulness-err';
  const radios = RATINGS.map((r) => /** @type {HTMLInputElement} */ (h('input', { type: 'radio', name: 'usefulness', value: r.value, testid: `rating-${r.value}` })));
  const el = h('fieldset', { class: 'field feedback-rating', role: 'radiogroup', 'data-control-for': 'usefulness', 'aria-describedby': `feedback-rating-hint ${errId}`, 'aria-required': 'true', testid: 'field-usefulness' },
    h('legend', { class: 'label' }, 'How useful was this session?', h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')),
    h('div', { class: 'segmented feedback-scale' }, RATINGS.map((r, i) => h('label', { class: 'segment feedback-point' }, radios[i],
      h('span', null, h('strong', { class: 'feedback-point-num' }, String(r.value)), h('small', { class: 'feedback-point-label' }, r.label))))),
    h('p', { class: 'hint', id: 'feedback-rating-hint' }, 'Keys 1 to 5 pick, arrows move.'),
    errorSlot('usefulness', errId));
  const get = () => Number(radios.find((r) => r.checked)?.value || 0);
  const set = (n) => {
    for (const r of radios) r.checked = Number(r.value) === n;
  };
  const focus = () => (radios.find((r) => r.checked) || radios[0]).focus();
  return { el, get, set, focus };
}

/**
 * What the form recorded, as the leader reads it back.
 * @param {string} who
 * @param {{usefulness: number, worked: string, change: string}} f
 * @returns {Node[]}
 */
function recorded(who, f) {
  const row = (label, value, testid) => [h('dt', null, label), h('dd', { testid }, value || h('span', { class: 'muted' }, '—'))];
  return [
    h('p', { class: 'feedback-done-title' }, icon('check', { size: 16 }), `Recorded for ${who}.`),
    h('dl', { class: 'feedback-done-list' },
      row('Useful', `${f.usefulness} of 5 · ${ratingLabel(f.usefulness)}`, 'recorded-usefulness'),
      row('What worked', f.worked, 'recorded-worked'),
      row('What to change', f.change, 'recorded-change')),
  ];
}

/**
 * @typedef {Object} FeedbackFormOptions
 * @property {{id: number, number: number}} session a held session
 * @property {{personId: number, name: string, status: string}[]} roster the session's roster: who was marked present or late may give their own
 * @property {any[]} given the session's feedback so far (feedback.forSession)
 * @property {boolean} [afterEnd] offered right after End session
 */

/**
 * Opens the feedback form. Each save is one Feedback.Give call; after it the
 * form shows what was recorded and offers the next attendee. Every save
 * emits "feedback:changed" with {sessionId, feedback}.
 * @param {FeedbackFormOptions} o
 * @returns {Promise<any[]|null>} the session's feedback after the last save, or null when nothing was saved
 */
export function openFeedbackForm(o) {
  const sessionId = o.session.id;
  const attendees = attendeesOf(o.roster);
  const nameOf = (id) => (id === null ? 'the group' : attendees.find((a) => a.personId === id)?.name || 'this attendee');
  let given = o.given || [];
  /** Whose feedback the form holds: an attendee's id, or null for the group's. @type {number|null} */
  let who = null;
  /** @type {any[]|null} */
  let saved = null;
  let dirty = false;
  let armed = false;
  let busy = false;
  let view = 'edit';
  /** Whether Esc may close the form now; set once the form is built. */
  let guard = () => true;

  const scale = ratingScale();
  const worked = field({ name: 'worked', label: 'What worked?', type: 'textarea', rows: 2, maxlength: LIMITS.prose, placeholder: 'e.g. Pairs on real problems' });
  const change = field({ name: 'change', label: 'What to change?', type: 'textarea', rows: 2, maxlength: LIMITS.prose, placeholder: 'e.g. Less time on updates' });
  const workedInput = /** @type {HTMLTextAreaElement} */ (worked.querySelector('textarea'));
  const changeInput = /** @type {HTMLTextAreaElement} */ (change.querySelector('textarea'));
  const whoField = attendees.length
    ? field({ name: 'personId', label: 'Whose feedback', type: 'select', value: '', options: [], hint: 'The group’s, or one attendee’s at a time (those marked present or late).' })
    : null;
  const whoSelect = /** @type {HTMLSelectElement|null} */ (whoField?.querySelector('select') || null);
  const fillWho = () => {
    if (!whoSelect) return;
    const has = (id) => feedbackValues(given, id).exists;
    whoSelect.replaceChildren(
      h('option', { value: '', selected: who === null }, `The group${has(null) ? ' (given)' : ''}`),
      ...attendees.map((a) => h('option', { value: String(a.personId), selected: who === a.personId }, `${a.name}${has(a.personId) ? ' (given)' : ''}`)));
  };
  fillWho();

  const editEl = h('div', { class: 'feedback-edit' },
    whoField || h('p', { class: 'hint', testid: 'feedback-group-only' }, 'For the group: nobody was marked present or late.'),
    scale.el, worked, change);
  const doneEl = h('div', { class: 'feedback-done', testid: 'feedback-recorded', role: 'status', hidden: true });
  const banner = formErrorBanner();

  const load = () => {
    const v = feedbackValues(given, who);
    scale.set(v.usefulness);
    workedInput.value = v.worked;
    changeInput.value = v.change;
    dirty = false;
  };
  load();

  return new Promise((resolve) => {
    const onclose = () => resolve(saved);
    modal({ testid: 'feedback-dialog', title: 'Session feedback', windowTitle: `Feedback on session ${o.session.number}`, size: 'md', onclose, guard: () => guard() }, (dlg, titleId) => {
      const form = /** @type {HTMLFormElement} */ (h('form', { class: 'dialog-form feedback-form', novalidate: true, testid: 'feedback-form' }));
      const hint = h('span', { class: 'dialog-foot-hint', testid: 'dialog-hint', 'aria-live': 'polite' });
      const resetHint = () => {
        if (view === 'edit') hint.replaceChildren(kbd('1–5'), ' rate · ', kbd('Esc'), ' to skip');
        else hint.replaceChildren(kbd('Esc'), ' to close');
        hint.classList.remove('is-warning');
      };
      // A stray Esc never throws typed words away: with text typed, the first one only warns.
      guard = () => {
        if (!dirty || armed || view !== 'edit') return true;
        armed = true;
        hint.textContent = 'Unsaved feedback — press Esc again to skip it';
        hint.classList.add('is-warning');
        return false;
      };
      const skip = button({ label: 'Skip', variant: 'ghost', testid: 'feedback-skip', title: 'Close without saving (Esc)', onclick: () => dlg.close() });
      const save = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'feedback-save', title: 'Save (Enter in the last field, or Ctrl+Enter)', 'aria-keyshortcuts': 'Control+Enter' },
        h('span', { class: 'btn-label' }, 'Save'), kbd('Ctrl ↵'));
      const editBtn = button({ label: 'Edit', icon: 'pencil', variant: 'ghost', testid: 'feedback-again', onclick: () => showEdit() });
      const next = button({ label: 'Next attendee', icon: 'chevron-right', testid: 'feedback-next', onclick: () => showEdit(nextAttendee(attendees, who)) });
      const done = button({ label: 'Done', variant: 'primary', testid: 'feedback-done', onclick: () => dlg.close() });
      const foot = h('div', { class: 'dialog-foot' }, hint, skip, save, editBtn, next, done);

      const showEdit = (/** @type {number|null|undefined} */ to) => {
        if (to !== undefined) {
          who = to;
          fillWho();
          load();
        }
        view = 'edit';
        editEl.hidden = false;
        doneEl.hidden = true;
        skip.hidden = save.hidden = false;
        editBtn.hidden = next.hidden = done.hidden = true;
        armed = false;
        resetHint();
        scale.focus();
      };
      const showDone = () => {
        view = 'done';
        const after = nextAttendee(attendees, who);
        doneEl.replaceChildren(...recorded(nameOf(who), feedbackValues(given, who)));
        editEl.hidden = true;
        doneEl.hidden = false;
        skip.hidden = save.hidden = true;
        editBtn.hidden = done.hidden = false;
        next.hidden = after === null;
        /** @type {HTMLElement} */ (next.querySelector('span')).textContent = who === null ? `Per attendee: ${nameOf(after)}` : `Next attendee: ${nameOf(after)}`;
        resetHint();
        (after === null ? done : next).focus();
      };

      const problemsShown = (err) => {
        showError(form, err);
        const first = err.fields && err.fields.length ? err.fields[0].field : err.field;
        if (first === 'usefulness') scale.focus();
      };
      const submit = async () => {
        if (busy || view !== 'edit') return;
        clearErrors(form);
        /** @type {import('../lib/feedback.js').FeedbackInput} */
        const input = { sessionId, personId: who, usefulness: scale.get(), worked: workedInput.value, change: changeInput.value };
        const problems = feedbackProblems(input);
        if (problems.length) {
          problemsShown(new FieldError(problems[0].field, problems[0].message, problems));
          return;
        }
        busy = true;
        save.disabled = true;
        /** @type {HTMLElement} */ (save.querySelector('.btn-label')).textContent = 'Saving…';
        try {
          given = await api.feedback.give(input);
          saved = given;
          dirty = false;
          fillWho();
          emit('feedback:changed', { sessionId, feedback: given });
          showDone();
        } catch (err) {
          problemsShown(/** @type {any} */ (err));
        } finally {
          busy = false;
          save.disabled = false;
          /** @type {HTMLElement} */ (save.querySelector('.btn-label')).textContent = 'Save';
        }
      };

      form.append(
        h('div', { class: 'dialog-head' },
          h('h2', { class: 'dialog-title', id: titleId }, `Feedback on session ${o.session.number}`),
          h('button', { type: 'button', class: 'icon-btn', 'aria-label': 'Close', title: 'Close (Esc)', testid: 'close-dialog', onclick: () => dlg.close() }, icon('x', { size: 16 }))),
        h('div', { class: 'dialog-body' },
          h('p', { class: 'dialog-intro' }, o.afterEnd
            ? 'The session is ended and its notes are kept. A quick word on it, if you have one: optional.'
            : 'How useful it was, what worked and what to change.'),
          editEl, doneEl, banner),
        foot);
      showEdit();

      form.addEventListener('submit', (e) => {
        e.preventDefault();
        submit();
      });
      form.addEventListener('input', (e) => {
        if (/** @type {any} */ (e.target).tagName === 'TEXTAREA') dirty = true;
        if (armed) {
          armed = false;
          resetHint();
        }
      });
      // Another giver: their feedback as saved; words typed for someone
      // else stay when the new one has none yet (never thrown away).
      whoSelect?.addEventListener('change', () => {
        who = whoSelect.value === '' ? null : Number(whoSelect.value);
        clearErrors(form);
        if (!dirty || feedbackValues(given, who).exists) load();
      });
      form.addEventListener('keydown', (e) => {
        if (view !== 'edit' || e.defaultPrevented) return;
        const t = /** @type {any} */ (e.target);
        const where = t.name === 'usefulness' ? 'rating' : t.name === 'worked' ? 'worked' : t.name === 'change' ? 'change' : t.tagName === 'BUTTON' ? 'button' : 'other';
        const act = feedbackKey(e, where, scale.get());
        if (!act) return;
        e.preventDefault();
        if (act.type === 'rate') {
          scale.set(act.value);
          scale.focus();
          scale.el.dispatchEvent(new Event('change', { bubbles: true })); // clears a "pick one" message
        } else if (act.type === 'next') {
          (where === 'rating' ? workedInput : changeInput).focus();
        } else {
          submit();
        }
      });
      return form;
    });
    scale.focus();
  });
}

/**
 * Offers the feedback form right after End session: reads the session and
 * its feedback, and opens the form over the session page. Optional and
 * after the fact: a failure here is logged, never in the way; leaving the
 * session's page closes it.
 * @param {number} sessionId the session just ended
 * @returns {Promise<void>}
 */
export async function offerFeedback(sessionId) {
  let page;
  let given;
  try {
    [page, given] = await Promise.all([api.sessions.get(sessionId), api.feedback.forSession(sessionId)]);
  } catch (err) {
    console.error('feedback form not offered:', err);
    return;
  }
  if (page.session.status !== 'held' || document.querySelector('dialog[open]')) return;
  const here = href('session', sessionId);
  const onHash = () => {
    if (location.hash !== here) /** @type {HTMLDialogElement|null} */ (document.querySelector('dialog[data-testid="feedback-dialog"]'))?.close();
  };
  window.addEventListener('hashchange', onHash);
  try {
    await openFeedbackForm({ session: page.session, roster: page.roster, given, afterEnd: true });
  } finally {
    window.removeEventListener('hashchange', onHash);
  }
  // The button that ended the session is gone: the keyboard goes to the page's title.
  if (location.hash === here && (!document.activeElement || document.activeElement === document.body)) {
    /** @type {HTMLElement|null} */ (document.querySelector('#content .page-title'))?.focus();
  }
}
