// The attendance grid on the circle page: members x the held and planned
// sessions the page holds (a window of them, which grows by pages of earlier
// ones). Each cell is a button cycling present -> late -> excused -> absent ->
// unmarked; arrow keys move between cells, and up to each session's link and
// left to each member's (one tab stop for the grid). Rates are Go's, counted
// over every held session, and moved along with each saved mark.

import { h } from '../lib/dom.js';
import { nextStatus, statusLetter, statusLabel, gridColumns, moveInGridLinks, tallyAfterMark, ZERO } from '../lib/attendance.js';
import { dayParts, formatDateTime } from '../lib/format.js';
import { roleLabel } from '../lib/labels.js';
import { href } from '../router.js';
import * as api from '../api.js';
import { rateMeter, setRate } from './ui.js';
import { reportError, toast } from './toast.js';

/**
 * @typedef {{personId: number, tally: import('../lib/attendance.js').Tally, overall: import('../lib/attendance.js').Tally}} GridChange
 */

/**
 * Builds the grid for a circle page.
 * @param {{members: any[], sessions: any[], grid: any[], attendance: import('../lib/attendance.js').Tally}} page
 *   members with their tallies over all held sessions, the sessions held in date order, one grid row per member, the circle's tally
 * @param {{today: string, onChange?: (c: GridChange) => void, onHeld?: (session: any) => void, startAt?: number}} o
 *   onChange for each member whose tally a mark moved; onHeld when a mark made a planned session held;
 *   startAt: the session whose column takes the tab stop and is scrolled to (else the latest held one)
 * @returns {HTMLElement}
 */
export function attendanceGrid(page, o) {
  const sessions = page.sessions || [];
  const cols = gridColumns(sessions);
  // Saved marks go into page.grid itself, so the page drawn again shows them.
  const rows = page.grid || [];
  const members = new Map((page.members || []).map((m) => [m.personId, m]));
  /** @type {HTMLButtonElement[][]} */
  const buttons = [];
  /** The sessions' header links (row -1) and the members' name links (col -1). */
  const headLinks = [];
  const nameLinks = [];
  /** @type {Map<number, HTMLElement>} */
  const rateEls = new Map();
  const footCells = [];
  /** Each column's header and cells, to restyle when its session becomes held. @type {HTMLElement[][]} */
  const columnEls = cols.map(() => []);
  let overallEl;

  const cellLabel = (name, s, status) => `${name}, session ${s.number}, ${formatDateTime(s.startsAt)}: ${statusLabel(status)}`;

  const paint = (btn, status, pending) => {
    btn.className = `cell cell-${status || 'none'}${pending ? ' is-pending' : ''}`;
    btn.textContent = statusLetter(status);
    btn.dataset.status = status;
    btn.setAttribute('aria-busy', pending ? 'true' : 'false');
  };

  // Each member's tally and the circle's, as Go counted them over every held
  // session (the grid holds only some), moved along with each saved mark.
  let tallies = { members: new Map((page.members || []).map((m) => [m.personId, m.attendance || ZERO])), overall: page.attendance || ZERO };

  const refreshTotals = (ri, si, before, becameHeld) => {
    const r = rows[ri];
    const held = sessions[si].status === 'held';
    // Attendance was taken, so the session took place: all its marks count now.
    if (becameHeld) sessions[si].status = 'held';
    tallies = tallyAfterMark(tallies, {
      personId: r.personId, before, after: r.cells[si], held, becameHeld,
      column: rows.map((row) => ({ personId: row.personId, status: row.cells[si] })),
    });
    const ci = cols.indexOf(si);
    if (becameHeld) for (const el of columnEls[ci] || []) el.classList.remove('is-planned');
    paintFoot(ci, si);
    setRate(overallEl, tallies.overall.rate);
    for (const personId of tallies.changed) {
      const t = tallies.members.get(personId) || ZERO;
      setRate(rateEls.get(personId), t.rate);
      o.onChange?.({ personId, tally: t, overall: tallies.overall });
    }
    if (becameHeld) o.onHeld?.(sessions[si]);
  };

  const paintFoot = (ci, si) => {
    const marks = rows.map((r) => r.cells[si]).filter(Boolean);
    const came = marks.filter((s) => s === 'present' || s === 'late').length;
    footCells[ci].textContent = marks.length ? `${came}/${marks.length}` : '';
    footCells[ci].title = marks.length ? `${came} of ${marks.length} marked came` : 'Not marked yet';
  };

  // One call at a time per cell; clicks while a call is out move the target on.
  const state = new Map();
  const mark = async (ri, ci) => {
    const r = rows[ri];
    const si = cols[ci];
    const s = sessions[si];
    const key = `${r.personId}:${s.id}`;
    const st = state.get(key) || { desired: r.cells[si], busy: false };
    state.set(key, st);
    st.desired = nextStatus(st.desired);
    const btn = buttons[ri][ci];
    paint(btn, st.desired, true);
    btn.setAttribute('aria-label', cellLabel(r.name, s, st.desired));
    if (st.busy) return;
    st.busy = true;
    const before = r.cells[si];
    let becameHeld = false;
    try {
      while (st.desired !== r.cells[si]) {
        const want = st.desired;
        const result = await api.sessions.markAttendance(s.id, r.personId, want);
        const got = (result.roster || []).find((x) => x.personId === r.personId);
        r.cells[si] = got ? got.status : want;
        if (result.session && result.session.status === 'held' && s.status !== 'held') becameHeld = true;
      }
      paint(btn, r.cells[si], false);
      refreshTotals(ri, si, before, becameHeld);
      if (becameHeld) toast(`Session ${s.number} marked held: attendance was taken, so it took place.`, { kind: 'success' });
    } catch (err) {
      st.desired = r.cells[si];
      paint(btn, r.cells[si], false);
      btn.setAttribute('aria-label', cellLabel(r.name, s, r.cells[si]));
      reportError(err);
    } finally {
      st.busy = false;
    }
  };

  const startCol = o.startAt ? cols.findIndex((si) => sessions[si].id === o.startAt) : -1;
  let focusAt = { row: 0, col: startCol >= 0 ? startCol : Math.max(0, cols.findIndex((si) => sessions[si].status === 'planned' && sessions[si].startsAt.slice(0, 10) >= o.today) - 1) };
  if (focusAt.col < 0) focusAt.col = 0;

  const head = h('tr', null,
    h('th', { scope: 'col', class: 'grid-name-head' }, 'Member'),
    cols.map((si, ci) => {
      const s = sessions[si];
      const d = dayParts(s.startsAt);
      headLinks[ci] = h('a', { href: href('session', s.id), class: 'grid-col-link', tabindex: '-1', testid: 'grid-session-link', 'data-session-id': s.id },
        h('span', { class: 'grid-col-day' }, d.day), h('span', { class: 'grid-col-month' }, d.month));
      const th = h('th', { scope: 'col', class: ['grid-col-head', s.status === 'planned' && 'is-planned'], title: `Session ${s.number}: ${formatDateTime(s.startsAt)}${s.topic ? ' — ' + s.topic : ''} (${s.status})` }, headLinks[ci]);
      columnEls[ci].push(th);
      return th;
    }),
    h('th', { scope: 'col', class: 'grid-rate-head' }, 'Rate'));

  const body = rows.map((r, ri) => {
    const m = members.get(r.personId);
    buttons[ri] = [];
    const rateEl = rateMeter((tallies.members.get(r.personId) || ZERO).rate, { testid: 'grid-rate' });
    rateEls.set(r.personId, rateEl);
    nameLinks[ri] = h('a', { href: href('person', r.personId), tabindex: '-1', testid: 'grid-person-link' }, r.name);
    return h('tr', { testid: 'grid-row', 'data-person-id': r.personId, class: m && m.leftOn && m.leftOn <= o.today ? 'is-former' : undefined },
      h('th', { scope: 'row', class: 'grid-name' },
        nameLinks[ri],
        m ? h('span', { class: 'grid-role' }, roleLabel(m.role)) : null),
      cols.map((si, ci) => {
        const s = sessions[si];
        const btn = /** @type {HTMLButtonElement} */ (h('button', {
          type: 'button', testid: 'attendance-cell', 'data-person-id': r.personId, 'data-session-id': s.id,
          tabindex: ri === focusAt.row && ci === focusAt.col ? '0' : '-1',
          title: 'Click or press Space to change: present → late → excused → absent → unmarked',
        }));
        paint(btn, r.cells[si], false);
        btn.setAttribute('aria-label', cellLabel(r.name, s, r.cells[si]));
        btn.addEventListener('click', () => mark(ri, ci));
        btn.addEventListener('focus', () => moveFocus({ row: ri, col: ci }, false));
        buttons[ri][ci] = btn;
        const td = h('td', { class: ['grid-cell', s.status === 'planned' && 'is-planned'] }, btn);
        columnEls[ci].push(td);
        return td;
      }),
      h('td', { class: 'grid-rate' }, rateEl));
  });

  // The focusable thing at a place in the grid: a cell, or a header or name link.
  const itemAt = (at) => (at.row === -1 ? headLinks[at.col] : at.col === -1 ? nameLinks[at.row] : buttons[at.row]?.[at.col]);

  const moveFocus = (to, doFocus = true) => {
    const prev = itemAt(focusAt);
    if (prev) prev.tabIndex = -1;
    focusAt = to;
    const next = itemAt(to);
    next.tabIndex = 0;
    if (doFocus) next.focus();
  };
  headLinks.forEach((a, ci) => a.addEventListener('focus', () => moveFocus({ row: -1, col: ci }, false)));
  nameLinks.forEach((a, ri) => a.addEventListener('focus', () => moveFocus({ row: ri, col: -1 }, false)));

  overallEl = rateMeter(tallies.overall.rate, { testid: 'grid-overall-rate' });
  const foot = h('tr', null,
    h('th', { scope: 'row', class: 'grid-name grid-foot-label' }, 'Came'),
    cols.map(() => {
      const td = h('td', { class: 'grid-foot' });
      footCells.push(td);
      return td;
    }),
    h('td', { class: 'grid-rate' }, overallEl));
  cols.forEach((si, ci) => paintFoot(ci, si));

  const table = h('table', { class: 'att-grid', role: 'grid', 'aria-label': 'Attendance: members by session', testid: 'attendance-grid' },
    h('thead', null, head), h('tbody', null, body), h('tfoot', null, foot));
  table.addEventListener('keydown', (e) => {
    const t = /** @type {HTMLElement} */ (e.target);
    if (!t.matches('button.cell, .grid-col-link, .grid-name a') || e.altKey || e.shiftKey) return;
    const to = moveInGridLinks(focusAt, e.key, rows.length, cols.length, { ctrl: e.ctrlKey || e.metaKey });
    if (to) {
      e.preventDefault();
      moveFocus(to);
    }
  });

  const wrap = h('div', { class: 'grid-wrap' }, table);
  // Start scrolled to the tab stop's column: the latest held sessions rather
  // than the first ones, or the first of the earlier ones just loaded.
  requestAnimationFrame(() => {
    const cell = buttons[0]?.[focusAt.col];
    if (cell && wrap.scrollWidth > wrap.clientWidth) wrap.scrollLeft = Math.max(0, cell.parentElement.offsetLeft - wrap.clientWidth / 2);
  });
  return h('div', { class: 'grid-block' },
    wrap,
    h('div', { class: 'grid-legend', 'aria-hidden': 'true' },
      ['present', 'late', 'excused', 'absent', ''].map((s) => h('span', { class: 'legend-item' }, h('span', { class: `cell cell-${s || 'none'} cell-static` }, statusLetter(s)), statusLabel(s))),
      h('span', { class: 'legend-item legend-planned' }, h('span', { class: 'legend-swatch-planned' }), 'Planned session'),
      h('span', { class: 'legend-note' }, 'Rates count held sessions; excused is not counted.')));
}
