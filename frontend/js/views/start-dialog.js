// Starting a session for the live screen. A planned session dated another
// day is not simply started: Go refuses it ("other_day") and a dialog asks
// whether to move it to now or to start a new session today. Keyboard
// first: M and N choose, Esc goes back.

import { h, kbd } from '../lib/dom.js';
import { formErrorBanner } from '../lib/forms.js';
import { comboOf } from '../lib/keys.js';
import { formatDateTime } from '../lib/format.js';
import { emit } from '../state.js';
import * as api from '../api.js';
import { modal } from './dialog.js';
import { toast } from './toast.js';

/**
 * Starts a planned session, asking first when Go says it is planned for
 * another day. Resolves with the page of the session now running (a new
 * one's, when that was the choice), or null when the leader went back
 * (Cancel, Esc). Other failures reject with the ApiError.
 * @param {any} page the session's page as Go sent it
 * @returns {Promise<any|null>}
 */
export async function startSession(page) {
  let started;
  try {
    started = await api.sessions.start(page.session.id);
  } catch (err) {
    if (/** @type {any} */ (err).code !== 'other_day') throw err;
    started = await askOtherDay(page, /** @type {any} */ (err).message);
  }
  if (started) emit('circles:changed');
  return started;
}

/**
 * The dialog: move the session to now, start a new session today, or go back.
 * @param {any} page
 * @param {string} why Go's message: the session's day, and that it is not today
 * @returns {Promise<any|null>} the started session's page, or null
 */
function askOtherDay(page, why) {
  const s = page.session;
  const when = formatDateTime(s.startsAt, { withYear: false });
  return new Promise((resolve) => {
    let result = null;
    /** @type {HTMLButtonElement[]} */
    const buttons = [];
    const busy = () => buttons.some((b) => b.disabled);
    // Another screen opened meanwhile (a link, Back): the question no longer stands.
    const onRoute = () => box.close();
    const closed = () => {
      window.removeEventListener('hashchange', onRoute);
      resolve(result);
    };
    const box = modal({ testid: 'start-dialog', title: `Start session ${s.number} today?`, size: 'sm', onclose: closed, guard: () => !busy() }, (dlg, titleId) => {
      const banner = formErrorBanner();
      // Runs one choice; the dialog stays open, with the reason, if it fails.
      const choose = async (call, done) => {
        if (busy()) return;
        for (const b of buttons) b.disabled = true;
        banner.hidden = true;
        try {
          result = await call();
          toast(done(result), { kind: 'success' });
          for (const b of buttons) b.disabled = false;
          dlg.close();
        } catch (err) {
          for (const b of buttons) b.disabled = false;
          banner.textContent = /** @type {any} */ (err).message || 'Something went wrong.';
          banner.hidden = false;
        }
      };
      const move = () => choose(() => api.sessions.moveToNow(s.id),
        (p) => `Session ${s.number} moved to ${formatDateTime(p.session.startsAt, { withYear: false })} and started.`);
      const fresh = () => choose(() => api.sessions.startNow(page.circle.id),
        (p) => `Session ${p.session.number} started; session ${s.number} stays planned for ${when}.`);
      const option = (testid, label, key, hint, onclick, primary) => {
        const b = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: `btn ${primary ? 'btn-primary' : 'btn-secondary'}`, testid, autofocus: primary,
          'aria-describedby': `${testid}-hint`, 'aria-keyshortcuts': key, title: `${label} (${key})`, onclick },
        h('span', { class: 'btn-label' }, label), kbd(key)));
        buttons.push(b);
        return h('div', { class: 'start-choice' }, b, h('p', { class: 'muted small', id: `${testid}-hint` }, hint));
      };
      dlg.addEventListener('keydown', (e) => {
        const combo = comboOf(e);
        if (combo === 'm' || combo === 'n') {
          e.preventDefault();
          (combo === 'm' ? move : fresh)();
        }
      });
      return h('div', { class: 'dialog-form' },
        h('div', { class: 'dialog-head' }, h('h2', { class: 'dialog-title', id: titleId }, `Start session ${s.number} today?`)),
        h('div', { class: 'dialog-body' },
          h('p', { class: 'dialog-message', testid: 'start-why' }, why),
          option('start-move', 'Move it to now', 'M', `It takes today’s date and this time, and keeps its number ${s.number}, agenda and notes.`, move, true),
          option('start-new', 'Start a new session today', 'N', `An unplanned session starts now; session ${s.number} stays planned for ${when}.`, fresh, false),
          banner),
        h('div', { class: 'dialog-foot' },
          h('span', { class: 'dialog-foot-hint' }, kbd('Esc'), ' to go back'),
          h('button', { type: 'button', class: 'btn btn-ghost', testid: 'cancel', onclick: () => dlg.close() }, 'Cancel')));
    });
    window.addEventListener('hashchange', onRoute);
  });
}
