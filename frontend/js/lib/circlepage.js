// The circle page's window of sessions: it carries the next few upcoming
// sessions and the latest past ones, with their grid, and grows by pages of
// earlier sessions. Pure functions; the counts of all the sessions come from
// Go (circles.Circles.Get) and are only moved along here.

/**
 * @typedef {{id: number, startsAt: string, status: string}} WindowSession
 * @typedef {{personId: number, name: string, cells: string[]}} GridRow
 * @typedef {{sessions: WindowSession[], grid: GridRow[], earlier: string}} SessionWindow
 *   sessions in date order, one cell per session in each grid row, and the cursor of the page before ("" when none)
 */

/** How many past sessions the list shows before "Show more". */
export const PAST_SHOWN = 5;

const byDate = (a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.id - b.id);

/**
 * The window with an older page of sessions (circles.Circles.Sessions) added:
 * its sessions take their places by date (a session already held is kept
 * once), each grid row gains their cells (unmarked for a row the page had
 * no marks for), and the cursor moves on to the page before it.
 * @param {SessionWindow} shown
 * @param {SessionWindow} older
 * @returns {SessionWindow} a new window; the inputs are left alone
 */
export function withEarlier(shown, older) {
  const have = new Set(shown.sessions.map((s) => s.id));
  const olderCells = new Map((older.grid || []).map((r) => [r.personId, r.cells]));
  /** @type {{s: WindowSession, from: 'shown'|'older', i: number}[]} */
  const cols = shown.sessions.map((s, i) => ({ s, from: /** @type {'shown'} */ ('shown'), i }));
  (older.sessions || []).forEach((s, i) => { if (!have.has(s.id)) cols.push({ s, from: 'older', i }); });
  cols.sort((a, b) => byDate(a.s, b.s));
  return {
    sessions: cols.map((c) => c.s),
    grid: shown.grid.map((r) => {
      const old = olderCells.get(r.personId);
      return { ...r, cells: cols.map((c) => (c.from === 'shown' ? r.cells[c.i] : (old && old[c.i]) || '')) };
    }),
    earlier: older.earlier || '',
  };
}

/**
 * Whether the page counts a session as upcoming: planned from its day on.
 * @param {{startsAt: string, status: string}} s
 * @param {string} today the day the page split by, YYYY-MM-DD
 * @returns {boolean}
 */
export function isUpcoming(s, today) {
  return s.status === 'planned' && s.startsAt.slice(0, 10) >= today;
}

/**
 * The circle's session counts once a planned session became held (a mark
 * was taken on it): one more held, and when it was still upcoming, one
 * upcoming fewer and one past more.
 * @param {{upcomingCount: number, pastCount: number, heldCount: number}} c
 * @param {{startsAt: string}} s the session, as it was planned
 * @param {string} today
 * @returns {{upcomingCount: number, pastCount: number, heldCount: number}}
 */
export function countsWhenHeld(c, s, today) {
  const moved = s.startsAt.slice(0, 10) >= today ? 1 : 0;
  return { upcomingCount: c.upcomingCount - moved, pastCount: c.pastCount + moved, heldCount: c.heldCount + 1 };
}

/**
 * What the past sessions' list says under itself: how many it holds of all,
 * and what its buttons offer. Collapsed, it shows PAST_SHOWN; expanded, every
 * one loaded, then "Show earlier sessions" while Go has more.
 * @param {number} loaded past sessions the page holds
 * @param {number} total past sessions the circle has
 * @param {boolean} expanded
 * @param {boolean} more whether earlier sessions are left to fetch
 * @returns {{shown: number, toggle: string|null, earlier: boolean, note: string}}
 */
export function pastListState(loaded, total, expanded, more) {
  const shown = expanded ? loaded : Math.min(loaded, PAST_SHOWN);
  const toggle = loaded > PAST_SHOWN ? (expanded ? 'Show fewer' : `Show ${loaded - PAST_SHOWN} more`) : null;
  const earlier = more && (expanded || loaded <= PAST_SHOWN);
  const note = total > shown ? `${shown} of ${total} shown` : '';
  return { shown, toggle, earlier, note };
}
