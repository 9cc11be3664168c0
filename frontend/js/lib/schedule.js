// Session scheduling logic: series dates on a cadence, a sensible default for
// the next session, and splitting sessions into upcoming and past.
// Pure functions, mirroring backend/sessions/series.go.

import { parseWallTime, weekdayOf, addDays } from './format.js';

const pad = (n) => String(n).padStart(2, '0');

function fmt(d) {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * The day in the month `i` months after `t` that has t's weekday at t's place
 * (1st..4th, or the last for a 5th), as Go's nthWeekdayLike.
 * @param {Date} t a UTC date standing for a wall time
 * @param {number} i
 * @returns {Date}
 */
function nthWeekdayLike(t, i) {
  const nth = Math.floor((t.getUTCDate() - 1) / 7);
  const month = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + i, 1, t.getUTCHours(), t.getUTCMinutes()));
  const offset = (t.getUTCDay() - month.getUTCDay() + 7) % 7;
  let d = new Date(month.getTime() + (offset + 7 * nth) * 86400000);
  if (d.getUTCMonth() !== month.getUTCMonth()) d = new Date(d.getTime() - 7 * 86400000);
  return d;
}

/**
 * Start times of a series on a circle's cadence, as the Go side computes them:
 * weekly and biweekly step 7 and 14 days, monthly keeps the weekday and its
 * place in the month (a 5th becomes the last), custom steps by `days`.
 * @param {string} cadence weekly|biweekly|monthly|custom
 * @param {number} days for custom
 * @param {string} first "YYYY-MM-DDTHH:MM"
 * @param {number} count
 * @returns {string[]}
 */
export function seriesDates(cadence, days, first, count) {
  const p = parseWallTime(first);
  if (!p || !p.hasTime || !(count > 0)) return [];
  const t = new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute));
  const out = [];
  for (let i = 0; i < count; i++) {
    let d;
    if (cadence === 'weekly') d = new Date(t.getTime() + 7 * i * 86400000);
    else if (cadence === 'monthly') d = nthWeekdayLike(t, i);
    else if (cadence === 'custom') d = new Date(t.getTime() + Math.max(1, days || 0) * i * 86400000);
    else d = new Date(t.getTime() + 14 * i * 86400000);
    out.push(fmt(d));
  }
  return out;
}

/**
 * A good default start for the next session: one cadence step after the
 * latest session when that is still ahead, else the circle's next meeting day
 * from today (or from its start date when that is later).
 * @param {{cadence: string, cadenceDays: number, meetingDay: number, meetingTime: string, startDate: string}} circle
 * @param {{startsAt: string, status: string}[]} sessions
 * @param {string} today "YYYY-MM-DD"
 * @returns {string} "YYYY-MM-DDTHH:MM"
 */
export function suggestNextStart(circle, sessions, today) {
  const live = (sessions || []).filter((s) => s.status !== 'cancelled').map((s) => s.startsAt).sort();
  const last = live[live.length - 1];
  if (last) {
    const next = seriesDates(circle.cadence, circle.cadenceDays, last, 2)[1];
    if (next && next.slice(0, 10) >= today) return next;
  }
  const time = circle.meetingTime || (last ? last.slice(11, 16) : '') || '17:00';
  let from = today;
  if (circle.startDate && circle.startDate > today) from = circle.startDate;
  const p = parseWallTime(from);
  if (!p) return `${today}T${time}`;
  if (circle.meetingDay >= 0 && circle.meetingDay <= 6) {
    const wd = weekdayOf(p.year, p.month, p.day);
    let ahead = (circle.meetingDay - wd + 7) % 7;
    if (ahead === 0 && from === today) ahead = 7;
    return `${addDays(from, ahead)}T${time}`;
  }
  return `${addDays(from, from === today ? 1 : 0)}T${time}`;
}

/**
 * Splits a circle's sessions: upcoming are planned ones from today on (soonest
 * first); past are the rest (latest first).
 * @template {{startsAt: string, status: string}} S
 * @param {S[]} sessions
 * @param {string} today "YYYY-MM-DD"
 * @returns {{upcoming: S[], past: S[]}}
 */
export function splitSessions(sessions, today) {
  const upcoming = [];
  const past = [];
  for (const s of sessions || []) {
    if (s.status === 'planned' && s.startsAt.slice(0, 10) >= today) upcoming.push(s);
    else past.push(s);
  }
  upcoming.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  past.sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return { upcoming, past };
}

/**
 * Whether a session's date has passed while it is still only planned, so the
 * leader should mark it held or cancelled.
 * @param {{startsAt: string, status: string}} s
 * @param {string} today "YYYY-MM-DD"
 * @returns {boolean}
 */
export function needsUpdate(s, today) {
  return s.status === 'planned' && s.startsAt.slice(0, 10) < today;
}
