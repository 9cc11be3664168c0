// The session's attendance list: one-click status buttons per member,
// "Mark everyone present", and keys of its own for marking without a mouse.

import { h, replace, focusKey, refocus } from '../lib/dom.js';
import { STATUSES, statusLabel, statusLetter, tally, tallySummary, nextStatus, rosterKey } from '../lib/attendance.js';
import { roleLabel } from '../lib/labels.js';
import { href } from '../router.js';
import * as api from '../api.js';
import { avatar, section, button, saveStatus, emptyState } from './ui.js';
import { reportError } from './toast.js';

/**
 * Builds the attendance section of a session page (also on the live screen).
 * The list is one tab stop: arrows move between people (and to a person's
 * name), P/L/E/A mark the focused person, Space cycles their mark, Delete
 * clears it, and focus stays on that person as the list redraws. A
 * "roster:jump" event on the list moves focus into it or, when focus is
 * already there, calls event.detail.back() (the live screen's notes).
 * @param {{session: any, roster: any[], circle: any}} page
 * @param {{onChange?: (page: any) => void}} [o] told the new session page after each mark
 * @returns {HTMLElement}
 */
export function rosterSection(page, o = {}) {
  let roster = page.roster || [];
  const status = saveStatus('roster-status');
  const list = h('div', { class: 'list-card roster', testid: 'roster' });
  const summary = h('p', { class: 'roster-summary', testid: 'roster-summary' });
  /** Where the list's one tab stop is: a person, and their name (0) or marks (1). */
  let at = { personId: 0, col: 1 };
  /** The mark last asked for per person, so quick Space presses cycle on from it. */
  const desired = new Map();

  const rowEls = () => /** @type {HTMLElement[]} */ ([...list.querySelectorAll('[data-testid="roster-row"]')]);
  const stopsOf = (rowEl) => /** @type {HTMLElement[]} */ ([rowEl.querySelector('.roster-name'), rowEl.querySelector('.mark-buttons')]);

  // Gives the tab stop to the person at `at` (the first one when they are gone).
  const rove = (doFocus) => {
    const rows = rowEls();
    if (!rows.length) return;
    const rowEl = rows.find((r) => Number(r.dataset.personId) === at.personId) || rows[0];
    at.personId = Number(rowEl.dataset.personId);
    for (const el of list.querySelectorAll('.roster-name, .mark-buttons')) /** @type {HTMLElement} */ (el).tabIndex = -1;
    const stop = stopsOf(rowEl)[at.col];
    stop.tabIndex = 0;
    if (doFocus) stop.focus();
  };

  const apply = (p) => {
    const key = focusKey(document.activeElement);
    roster = p.roster || [];
    render();
    refocus(list, key);
    o.onChange?.(p);
  };

  // Marks are sent one after another, so the page always ends on the last click.
  let chain = Promise.resolve();
  const mark = (personId, value) => {
    desired.set(personId, value);
    status.saving();
    chain = chain.then(async () => {
      try {
        apply(await api.sessions.markAttendance(page.session.id, personId, value));
        if (desired.get(personId) === value) desired.delete(personId); // none newer on the way
        status.saved();
      } catch (err) {
        desired.delete(personId);
        status.failed('Not saved');
        reportError(err);
      }
    });
    return chain;
  };

  const everyone = button({ label: 'Mark everyone present', icon: 'check-all', testid: 'mark-everyone', title: 'Marks everyone not yet marked as present' });
  let marking = false;
  // Not disabled while it works: a disabled button drops focus to the top of the page.
  everyone.addEventListener('click', async () => {
    if (marking || everyone.disabled) return;
    marking = true;
    const hadFocus = document.activeElement === everyone;
    everyone.setAttribute('aria-disabled', 'true');
    status.saving();
    try {
      apply(await api.sessions.markEveryone(page.session.id, 'present'));
      desired.clear();
      status.saved();
    } catch (err) {
      status.failed('Not saved');
      reportError(err);
    } finally {
      marking = false;
      everyone.removeAttribute('aria-disabled');
      render();
      // Everyone is marked, so the button is done: carry on in the list.
      if (hadFocus && everyone.disabled) rove(true);
    }
  });

  const row = (r) => h('div', { class: 'roster-row', testid: 'roster-row', 'data-person-id': r.personId, 'data-status': r.status },
    avatar(r.name, { size: 'sm' }),
    h('span', { class: 'roster-main' },
      h('a', { href: href('person', r.personId), class: 'roster-name', testid: 'roster-name', tabindex: '-1' }, r.name),
      h('span', { class: 'roster-role' }, r.role ? roleLabel(r.role) : 'Not a member')),
    h('span', {
      class: 'mark-buttons', role: 'group', testid: 'roster-marks', tabindex: '-1',
      'aria-label': `Attendance for ${r.name}: ${statusLabel(r.status)}`,
      'aria-keyshortcuts': 'P L E A Space Delete',
      title: 'P, L, E or A marks; Space cycles; ↑ ↓ move between people',
    },
    STATUSES.map((s) => h('button', {
      type: 'button', class: `mark-btn mark-btn-${s}`, testid: `mark-${s}`, 'data-person-id': r.personId, tabindex: '-1',
      'aria-pressed': r.status === s ? 'true' : 'false',
      title: r.status === s ? `${statusLabel(s)} — click again to clear` : statusLabel(s),
      onclick: () => mark(r.personId, r.status === s ? '' : s),
    }, // named by its word ("Present: Ana"), shown or not, so the name always holds what it shows
    h('span', { class: 'mark-btn-letter', 'aria-hidden': 'true' }, statusLetter(s)), h('span', { class: 'mark-btn-word' }, statusLabel(s)),
    h('span', { class: 'visually-hidden' }, `: ${r.name}`)))));

  const onKey = (e) => {
    if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return;
    const rowEl = /** @type {HTMLElement} */ (e.target).closest('[data-testid="roster-row"]');
    if (!rowEl) return;
    const rows = rowEls();
    const personId = Number(rowEl.dataset.personId);
    const r = roster.find((x) => x.personId === personId);
    const act = rosterKey(e.key, { row: rows.indexOf(rowEl), col: at.col }, rows.length);
    if (!act || !r) return;
    e.preventDefault();
    if (e.repeat && !('to' in act)) return; // a held key marks once
    if ('to' in act) {
      at = { personId: Number(rows[act.to.row].dataset.personId), col: act.to.col };
      rove(true);
      return;
    }
    const current = desired.has(personId) ? desired.get(personId) : r.status;
    const next = 'cycle' in act ? nextStatus(current) : act.status;
    if (next !== current) mark(personId, next);
  };
  list.addEventListener('keydown', onKey);
  // A click or Tab into the list moves the tab stop to where focus landed.
  list.addEventListener('focusin', (e) => {
    const t = /** @type {HTMLElement} */ (e.target);
    const rowEl = t.closest('[data-testid="roster-row"]');
    if (!rowEl) return;
    at = { personId: Number(rowEl.getAttribute('data-person-id')), col: t.classList.contains('roster-name') ? 0 : 1 };
    rove(false);
  });
  list.addEventListener('roster:jump', (e) => {
    if (list.contains(document.activeElement)) {
      /** @type {CustomEvent} */ (e).detail?.back?.();
      return;
    }
    at.col = 1;
    rove(true);
  });

  const render = () => {
    if (!roster.length) {
      replace(list, emptyState({ icon: 'people', title: 'No members to mark', text: 'Add members to the circle first.', compact: true, actions: [h('a', { class: 'btn btn-secondary', href: href('circle', page.circle.id) }, 'Open the circle')] }));
    } else {
      replace(list, roster.map(row));
      rove(false);
    }
    const t = tally(roster.map((r) => r.status).filter(Boolean));
    const unmarked = roster.filter((r) => !r.status).length;
    summary.textContent = `${tallySummary(t)}${unmarked ? ` · ${unmarked} not marked` : ''}`;
    everyone.disabled = !unmarked;
  };

  render();
  return section({ title: 'Attendance', id: 'roster', aside: status.el, actions: [everyone], testid: 'roster-section' }, summary, list);
}
