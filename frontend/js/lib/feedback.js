// Session feedback, the quick form after End session: the 1-5 scale, what
// each key does in the form, who can give feedback (the people marked
// present or late), and how the session page sums it up. Pure functions only.

import { LIMITS, message } from './limits.js';

/** The usefulness scale, 1 to 5, with the words each point shows. */
export const RATINGS = Object.freeze([
  { value: 1, label: 'Not useful' },
  { value: 2, label: 'Slightly' },
  { value: 3, label: 'Useful' },
  { value: 4, label: 'Very useful' },
  { value: 5, label: 'Essential' },
]);

/** The attendance marks that count as having been there (Go's attended()). */
const ATTENDED = new Set(['present', 'late']);

/**
 * The words for a point on the scale, or "" when it is not one.
 * @param {number} n
 * @returns {string}
 */
export function ratingLabel(n) {
  return RATINGS.find((r) => r.value === n)?.label ?? '';
}

/**
 * Where a rating key moves the scale, as a radio group does, without
 * wrapping from 5 to 1: digits 1-5 pick, Right/Down one up, Left/Up one
 * down, Home 1, End 5. From no rating yet (0), any arrow picks 1.
 * @param {string} key KeyboardEvent.key
 * @param {number} current 0 when nothing is picked
 * @returns {number|null} the new rating, or null when the key is not for the scale
 */
export function ratingKey(key, current) {
  if (/^[1-5]$/.test(key)) return Number(key);
  const at = current >= 1 && current <= 5 ? current : 0;
  switch (key) {
    case 'ArrowRight': case 'ArrowDown': return at ? Math.min(5, at + 1) : 1;
    case 'ArrowLeft': case 'ArrowUp': return at ? Math.max(1, at - 1) : 1;
    case 'Home': return 1;
    case 'End': return 5;
    default: return null;
  }
}

/**
 * @typedef {{type: 'rate', value: number}|{type: 'next'}|{type: 'save'}} FeedbackKeyAction
 */

/**
 * What a key press does in the feedback form. Ctrl+Enter saves from
 * anywhere. On the scale (and on the form's buttons) digits 1-5 pick; on the
 * scale arrows, Home and End move it and Enter goes on to "What worked?".
 * Enter in "What worked?" goes on to "What to change?", Enter there saves;
 * Shift+Enter starts a new line in either. Esc is the dialog's (it skips).
 * @param {{key: string, ctrlKey?: boolean, metaKey?: boolean, altKey?: boolean, shiftKey?: boolean, isComposing?: boolean}} e
 * @param {'rating'|'worked'|'change'|'button'|'other'} where what has the focus
 * @param {number} current the rating picked so far, 0 for none
 * @returns {FeedbackKeyAction|null}
 */
export function feedbackKey(e, where, current) {
  if (e.isComposing) return null;
  const mod = e.ctrlKey || e.metaKey;
  if (e.key === 'Enter' && mod && !e.altKey && !e.shiftKey) return { type: 'save' };
  if (mod || e.altKey) return null;
  if (where === 'rating' || where === 'button') {
    const value = where === 'rating' || /^[1-5]$/.test(e.key) ? ratingKey(e.key, current) : null;
    if (value !== null && !e.shiftKey) return { type: 'rate', value };
    if (where === 'rating' && e.key === 'Enter' && !e.shiftKey) return { type: 'next' };
    return null;
  }
  if (e.key !== 'Enter' || e.shiftKey) return null;
  if (where === 'worked') return { type: 'next' };
  if (where === 'change') return { type: 'save' };
  return null;
}

/**
 * The people who may give feedback on a session: those marked present or
 * late, in the roster's order.
 * @param {{personId: number, name: string, status: string}[]} roster
 * @returns {{personId: number, name: string}[]}
 */
export function attendeesOf(roster) {
  return (roster || []).filter((r) => ATTENDED.has(r.status)).map((r) => ({ personId: r.personId, name: r.name }));
}

/**
 * The attendee after the current one, for "Next attendee": the first when
 * the form was for the group (null), none after the last.
 * @param {{personId: number}[]} attendees
 * @param {number|null} current
 * @returns {number|null}
 */
export function nextAttendee(attendees, current) {
  if (!attendees.length) return null;
  if (current === null) return attendees[0].personId;
  const i = attendees.findIndex((a) => a.personId === current);
  return i >= 0 && i + 1 < attendees.length ? attendees[i + 1].personId : null;
}

/**
 * What the form shows for one giver: their earlier feedback on the
 * session, or an empty form.
 * @param {{personId: number|null, usefulness: number, worked: string, change: string}[]} given the session's feedback
 * @param {number|null} personId null for the group's
 * @returns {{usefulness: number, worked: string, change: string, exists: boolean}}
 */
export function feedbackValues(given, personId) {
  const f = (given || []).find((x) => (x.personId ?? null) === personId);
  return f ? { usefulness: f.usefulness, worked: f.worked || '', change: f.change || '', exists: true } : { usefulness: 0, worked: '', change: '', exists: false };
}

/**
 * @typedef {{sessionId: number, personId: number|null, usefulness: number, worked: string, change: string}} FeedbackInput
 */

/**
 * Every problem with feedback before it is sent, in the form's order, with
 * the words Go would use for lengths.
 * @param {FeedbackInput} input
 * @returns {{field: string, message: string}[]}
 */
export function feedbackProblems(input) {
  const out = [];
  if (!Number.isInteger(input.usefulness) || input.usefulness < 1 || input.usefulness > 5) {
    out.push({ field: 'usefulness', message: 'Pick how useful the session was, from 1 to 5.' });
  }
  for (const name of ['worked', 'change']) {
    const n = [...String(input[name] || '').trim()].length;
    if (n > LIMITS.prose) out.push({ field: name, message: message('tooLong', n, LIMITS.prose) });
  }
  return out;
}

/**
 * The session page's summary of its feedback: the mean usefulness (one
 * decimal), how many gave it, and one line per giver, the group's first.
 * @param {{personId: number|null, usefulness: number, worked: string, change: string}[]} given
 * @param {{personId: number, name: string}[]} people names by id (the roster)
 * @returns {{mean: string, count: number, lines: {who: string, personId: number|null, usefulness: number, label: string, worked: string, change: string}[]}}
 */
export function feedbackSummary(given, people) {
  const list = given || [];
  const names = new Map((people || []).map((p) => [p.personId, p.name]));
  const sum = list.reduce((s, f) => s + f.usefulness, 0);
  const mean = list.length ? (Math.round((sum / list.length) * 10) / 10).toFixed(1) : '';
  const lines = [...list]
    .sort((a, b) => Number(a.personId != null) - Number(b.personId != null))
    .map((f) => ({
      who: f.personId == null ? 'The group' : names.get(f.personId) || 'A former attendee',
      personId: f.personId ?? null, usefulness: f.usefulness, label: ratingLabel(f.usefulness),
      worked: f.worked || '', change: f.change || '',
    }));
  return { mean, count: list.length, lines };
}
