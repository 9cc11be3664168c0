// The notes' action-item syntax, "- [ ] @Name text due:YYYY-MM-DD", read the
// way the Go side reads it (backend/actions/parse.go), so the editor can say
// what a line will become before it is finished. Go stays the one that
// creates the items; this only explains. Pure functions.

import { addDays, parseWallTime, weekdayOf, formatDate } from './format.js';
import { foldKey } from './fold.js';

const TASK = /^\s*[-*+]\s+\[([ xX])\]\s+(.+?)\s*$/;
const WEEKDAYS = {
  sunday: 0, sun: 0, monday: 1, mon: 1, tuesday: 2, tue: 2, wednesday: 3, wed: 3,
  thursday: 4, thu: 4, friday: 5, fri: 5, saturday: 6, sat: 6,
};
const EVERYONE = new Set(['all', 'circle', 'everyone', 'team']);

/**
 * Resolves a due word against a day as Go does: YYYY-MM-DD, today, tomorrow,
 * or a weekday name meaning the next such day after it.
 * @param {string} word e.g. "friday", "2026-12-04"
 * @param {string} day "YYYY-MM-DD", the session's date
 * @returns {string|null} "YYYY-MM-DD", or null when not understood
 */
export function resolveDue(word, day) {
  const w = String(word || '').toLowerCase().replace(/[.,;]+$/, '');
  if (/^\d{4}-\d{2}-\d{2}$/.test(w)) {
    const t = parseWallTime(w);
    if (!t) return null;
    const d = new Date(Date.UTC(t.year, t.month - 1, t.day));
    return d.getUTCDate() === t.day && d.getUTCMonth() === t.month - 1 ? w : null;
  }
  const base = parseWallTime(String(day || '').slice(0, 10));
  if (!base) return null;
  const date = String(day).slice(0, 10);
  if (w === 'today') return date;
  if (w === 'tomorrow') return addDays(date, 1);
  if (w in WEEKDAYS) {
    const ahead = ((WEEKDAYS[w] - weekdayOf(base.year, base.month, base.day) + 6) % 7) + 1;
    return addDays(date, ahead);
  }
  return null;
}

/**
 * @typedef {{done: boolean, owner: string, text: string, due: string, dueRaw: string, badDue: string}} ActionLine
 */

/**
 * Reads one line as an action item, or null when it is not a task line with text.
 * @param {string} line
 * @param {string} day the session's date "YYYY-MM-DD…"
 * @returns {ActionLine|null}
 */
export function parseActionLine(line, day) {
  const m = TASK.exec(String(line || '').replace(/\r$/, ''));
  if (!m) return null;
  const out = { done: m[1] !== ' ', owner: '', text: '', due: '', dueRaw: '', badDue: '' };
  const words = [];
  m[2].split(/\s+/).filter(Boolean).forEach((w, i) => {
    if (i === 0 && w.startsWith('@') && w.length > 1) {
      out.owner = w.slice(1);
      return;
    }
    if (w.toLowerCase().startsWith('due:') && !out.dueRaw) {
      const due = resolveDue(w.slice(4), day);
      if (due) {
        out.dueRaw = w.slice(4);
        out.due = due;
        return;
      }
      if (!out.badDue) out.badDue = w;
    }
    words.push(w);
  });
  out.text = words.join(' ');
  return out.text ? out : null;
}

/**
 * Folds a name by the app's one rule (fold.js, as Go's backend/fold): "Muñoz" -> "munoz".
 * @param {string} s
 * @returns {string}
 */
export function fold(s) {
  return foldKey(s);
}

/**
 * Finds who an @name means, as Go does: a first name, the full name without
 * spaces, or the email's local part, ignoring case and accents; "all",
 * "circle", "everyone", "team" mean the whole circle.
 * @param {string} name without the @
 * @param {{personId: number, name: string, email?: string}[]} members
 * @returns {{personId: number, name: string}|null} personId 0 for the whole circle; null when nobody matches
 */
export function resolveOwner(name, members) {
  const want = fold(name);
  if (!want || EVERYONE.has(want)) return { personId: 0, name: 'Whole circle' };
  for (const m of members || []) {
    const first = String(m.name || '').split(' ')[0];
    const local = String(m.email || '').split('@')[0];
    if (fold(first) === want || fold(String(m.name || '').replaceAll(' ', '')) === want || (local && fold(local) === want)) {
      return { personId: m.personId, name: m.name };
    }
  }
  return null;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Whether the line the caret is in lies inside a fenced code block (``` or
 * ~~~), where task lines are code, not action items — Go's rule
 * (backend/actions/parse.go: fenced). A fence's own lines count as inside.
 * @param {string} text
 * @param {number} caret selectionStart
 * @returns {boolean}
 */
export function inFence(text, caret) {
  const s = String(text || '');
  const upto = s.slice(0, Math.max(0, Math.min(caret, s.length)));
  const lines = upto.split('\n');
  let open = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const m = FENCE.exec(line);
    if (!m) continue;
    if (!open) {
      open = m[1];
      if (i === lines.length - 1) return true;
    } else if (m[1][0] === open[0] && m[1].length >= open.length && line.slice(m[0].length).trim() === '') {
      if (i === lines.length - 1) return true;
      open = '';
    }
  }
  return open !== '';
}

/**
 * The line the caret is in.
 * @param {string} text
 * @param {number} caret selectionStart
 * @returns {string}
 */
export function lineAt(text, caret) {
  const s = String(text || '');
  const at = Math.max(0, Math.min(caret, s.length));
  const start = s.lastIndexOf('\n', at - 1) + 1;
  const end = s.indexOf('\n', at);
  return s.slice(start, end < 0 ? s.length : end);
}

/**
 * What the editor says about the line being typed: nothing for ordinary
 * lines; for a task line, who it is for, when it is due, and any @name or
 * due word Go will not understand.
 * In private notes a task line stays a line: private text never becomes an
 * action item (items show on pages and in summaries), and the hint says so.
 * @param {string} line
 * @param {{personId: number, name: string, email?: string}[]} members
 * @param {string} day the session's date
 * @param {{private?: boolean, fenced?: boolean}} [where] the notes being typed in; fenced: the line is in a code fence (inFence), so no item
 * @returns {{kind: 'action'|'warning', text: string}|null}
 */
export function actionLineHint(line, members, day, where = {}) {
  if (where.fenced) return null;
  const l = parseActionLine(line, day);
  if (where.private) {
    const task = l || /^\s*[-*+]\s+\[[ xX]\]/.test(String(line || ''));
    return task ? { kind: 'warning', text: 'Private notes make no action items: write this in the shared notes, or press Ctrl+I to capture it.' } : null;
  }
  if (!l) {
    return /^\s*[-*+]\s+\[[ xX]\]\s*$/.test(String(line || '')) ? { kind: 'action', text: 'Action item: write what, then @name and due:friday are optional — finish the line with Enter.' } : null;
  }
  const problems = [];
  let owner = 'the whole circle';
  if (l.owner) {
    const who = resolveOwner(l.owner, members);
    if (who) owner = who.personId ? who.name : 'the whole circle';
    else problems.push(`@${l.owner} matches no member, so it goes to the whole circle`);
  }
  if (l.badDue) problems.push(`“${l.badDue}” is not a date Circlebook reads (try due:2026-12-04, due:friday, due:tomorrow)`);
  const due = l.due ? `, due ${formatDate(l.due, { weekday: true, withYear: false })}` : '';
  const what = `${l.done ? 'Done action' : 'Action'} for ${owner}${due}: “${l.text}”`;
  if (problems.length) return { kind: 'warning', text: `${what}. ${problems.join('; ')}.` };
  return { kind: 'action', text: `${what} — added when you finish the line.` };
}
