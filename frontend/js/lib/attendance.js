// Attendance logic shared by the circle grid and the session page.
// Pure functions: the same counting rules as backend/attendance/tally.go.

/** Every attendance status in display order. */
export const STATUSES = ['present', 'late', 'excused', 'absent'];

const LETTERS = { present: 'P', late: 'L', excused: 'E', absent: 'A', '': '' };
const LABELS = { present: 'Present', late: 'Late', excused: 'Excused', absent: 'Absent', '': 'Not marked' };

/**
 * The status a grid cell moves to on click: present -> late -> excused -> absent -> unmarked -> present.
 * @param {string} status current status, "" when unmarked
 * @returns {string}
 */
export function nextStatus(status) {
  const i = STATUSES.indexOf(status);
  if (i === -1) return STATUSES[0];
  return i === STATUSES.length - 1 ? '' : STATUSES[i + 1];
}

/**
 * One-letter code so a mark is never told by colour alone: P, L, E, A, or "" when unmarked.
 * @param {string} status
 * @returns {string}
 */
export function statusLetter(status) {
  return LETTERS[status] ?? '';
}

/**
 * Human label: "Present", …, "Not marked".
 * @param {string} status
 * @returns {string}
 */
export function statusLabel(status) {
  return LABELS[status] ?? status;
}

/**
 * @typedef {{present: number, late: number, excused: number, absent: number, rate: number|null}} Tally
 */

/** A tally with nothing counted. @type {Tally} */
export const ZERO = Object.freeze({ present: 0, late: 0, excused: 0, absent: 0, rate: null });

/**
 * Counts statuses. Present and late count as attended, excused counts neither
 * way, absent counts against; rate is null when nothing counts yet.
 * @param {string[]} statuses
 * @returns {Tally}
 */
export function tally(statuses) {
  const t = { present: 0, late: 0, excused: 0, absent: 0, rate: null };
  for (const s of statuses) if (s in t && s !== 'rate') t[s] += 1;
  const attended = t.present + t.late;
  const counted = attended + t.absent;
  t.rate = counted > 0 ? attended / counted : null;
  return t;
}

/**
 * A tally after one mark changed from `from` to `to` ("" for none), keeping
 * every other count as the Go side gave it (it also counts marks of people who
 * have since left the circle, which have no row in the grid).
 * @param {Tally} t
 * @param {string} from
 * @param {string} to
 * @returns {Tally}
 */
export function adjustTally(t, from, to) {
  const out = { present: t.present || 0, late: t.late || 0, excused: t.excused || 0, absent: t.absent || 0, rate: null };
  if (STATUSES.includes(from)) out[from] = Math.max(0, out[from] - 1);
  if (STATUSES.includes(to)) out[to] += 1;
  const attended = out.present + out.late;
  const counted = attended + out.absent;
  out.rate = counted > 0 ? attended / counted : null;
  return out;
}

/**
 * Adds a whole session's marks to the circle's tally: marking attendance on
 * a past planned session makes it held, and then all its marks count.
 * @param {Tally} t
 * @param {string[]} marks the session's marks ("" unmarked)
 * @returns {Tally}
 */
export function addSessionTally(t, marks) {
  return marks.reduce((acc, m) => adjustTally(acc, '', m), adjustTally(t, '', ''));
}

/**
 * The tallies after a saved mark, moved along from what Go counted over all
 * the circle's held sessions (the grid holds only some of them, so it never
 * recounts). A mark at a held session moves one count of its member and of
 * the circle; a mark that made a planned session held adds every mark of
 * that session's column, whoever it belongs to. A mark at a planned session
 * that stays planned counts nowhere.
 * @param {{members: Map<number, Tally>, overall: Tally}} t each member's tally, by person id, and the circle's
 * @param {{personId: number, before: string, after: string, held: boolean, becameHeld: boolean, column: {personId: number, status: string}[]}} m
 *   the mark: whose, its status before and after, whether its session was held, or has just become held, and that session's marks
 * @returns {{members: Map<number, Tally>, overall: Tally, changed: number[]}} new tallies (the inputs are left alone) and whose changed
 */
export function tallyAfterMark(t, m) {
  const members = new Map(t.members);
  const move = (personId, from, to) => members.set(personId, adjustTally(members.get(personId) || ZERO, from, to));
  if (m.becameHeld) {
    for (const c of m.column) if (c.status) move(c.personId, '', c.status);
    return { members, overall: addSessionTally(t.overall, m.column.map((c) => c.status)), changed: m.column.map((c) => c.personId) };
  }
  if (!m.held) return { members, overall: t.overall, changed: [] };
  move(m.personId, m.before, m.after);
  return { members, overall: adjustTally(t.overall, m.before, m.after), changed: [m.personId] };
}

/**
 * Which of the circle's sessions the grid shows as columns: held and planned
 * ones, in date order, with their index in the page's sessions array.
 * @param {{status: string}[]} sessions
 * @returns {number[]} indexes into sessions
 */
export function gridColumns(sessions) {
  const out = [];
  sessions.forEach((s, i) => { if (s.status === 'held' || s.status === 'planned') out.push(i); });
  return out;
}

/**
 * "5 present · 1 late · 1 absent" for a tally; empty parts are left out.
 * @param {Tally} t
 * @returns {string}
 */
export function tallySummary(t) {
  const parts = [];
  for (const s of STATUSES) if (t[s]) parts.push(`${t[s]} ${s}`);
  return parts.join(' · ') || 'Nothing marked yet';
}

/**
 * Moves the grid's focus where the grid also holds links: row -1 is the
 * sessions' header links and col -1 the members' name links. The corner holds
 * nothing, so a move into it stays put. Home and End go to the first or last
 * session (with Ctrl, of the first or last member). Returns null for keys
 * that do not move.
 * @param {{row: number, col: number}} at
 * @param {string} key KeyboardEvent.key
 * @param {number} rows @param {number} cols
 * @param {{ctrl?: boolean}} [mods]
 * @returns {{row: number, col: number}|null}
 */
export function moveInGridLinks(at, key, rows, cols, mods = {}) {
  if (rows <= 0 || cols <= 0) return null;
  let { row, col } = at;
  switch (key) {
    case 'ArrowUp': row -= 1; break;
    case 'ArrowDown': row += 1; break;
    case 'ArrowLeft': col -= 1; break;
    case 'ArrowRight': col += 1; break;
    case 'Home': col = 0; if (mods.ctrl) row = 0; break;
    case 'End': col = cols - 1; if (mods.ctrl) row = rows - 1; break;
    default: return null;
  }
  row = Math.min(rows - 1, Math.max(-1, row));
  col = Math.min(cols - 1, Math.max(-1, col));
  return row === -1 && col === -1 ? { row: at.row, col: at.col } : { row, col };
}

/** The status each letter marks in a session's attendance list. */
const STATUS_KEYS = { p: 'present', l: 'late', e: 'excused', a: 'absent' };

/**
 * What a key press does in a session's attendance list, where each person
 * has two places to be: their name (col 0) and their marks (col 1).
 * Arrows and Home/End move; P, L, E, A mark the focused person; Space cycles
 * their mark as in the circle's grid; Delete or Backspace clears it.
 * @param {string} key KeyboardEvent.key
 * @param {{row: number, col: number}} at
 * @param {number} rows how many people the list shows
 * @returns {{to: {row: number, col: number}}|{status: string}|{cycle: true}|null}
 */
export function rosterKey(key, at, rows) {
  if (rows <= 0) return null;
  const row = (r) => Math.min(rows - 1, Math.max(0, r));
  switch (key) {
    case 'ArrowUp': return { to: { row: row(at.row - 1), col: at.col } };
    case 'ArrowDown': return { to: { row: row(at.row + 1), col: at.col } };
    case 'ArrowLeft': return { to: { row: row(at.row), col: 0 } };
    case 'ArrowRight': return { to: { row: row(at.row), col: 1 } };
    case 'Home': return { to: { row: 0, col: at.col } };
    case 'End': return { to: { row: rows - 1, col: at.col } };
    case ' ': return { cycle: true };
    case 'Delete':
    case 'Backspace': return { status: '' };
    default: {
      const status = key.length === 1 ? STATUS_KEYS[key.toLowerCase()] : undefined;
      return status ? { status } : null;
    }
  }
}
