// Agenda logic: time budget and keyboard reordering. Pure functions.

import { formatDuration } from './format.js';
import { itemClock } from './live.js';

/**
 * Total planned minutes of an agenda.
 * @param {{minutes: number}[]} items
 * @returns {number}
 */
export function agendaTotal(items) {
  return (items || []).reduce((sum, it) => sum + (Number(it.minutes) || 0), 0);
}

/**
 * The agenda's time against the session's length.
 * @param {{minutes: number}[]} items
 * @param {number} duration session length in minutes
 * @returns {{total: number, duration: number, over: boolean, label: string}}
 */
export function agendaBudget(items, duration) {
  const total = agendaTotal(items);
  const over = duration > 0 && total > duration;
  let label;
  if (!duration) label = `${formatDuration(total)} planned`;
  else if (over) label = `${formatDuration(total)} planned, ${formatDuration(total - duration)} over the ${formatDuration(duration)}`;
  else label = `${formatDuration(total)} of ${formatDuration(duration)} planned`;
  return { total, duration, over, label };
}

/**
 * Where Alt+ArrowUp / Alt+ArrowDown moves the item at `index`; null when it
 * cannot move or the key is not a reorder key.
 * @param {number} index
 * @param {number} length
 * @param {string} key "ArrowUp" or "ArrowDown"
 * @returns {number|null}
 */
export function reorderTarget(index, length, key) {
  const to = key === 'ArrowUp' ? index - 1 : key === 'ArrowDown' ? index + 1 : null;
  if (to === null || to < 0 || to >= length) return null;
  return to;
}

/**
 * Whether a session is over, as the live screen sees it: ended there, or
 * held or cancelled without it.
 * @param {{endedAt?: string, status?: string}} session
 * @returns {boolean}
 */
export function sessionOver(session) {
  return !!session.endedAt || session.status !== 'planned';
}

/**
 * What the current agenda item's timer reads: the time since the item became
 * current while the session runs; once the session has ended, the time spent
 * on it until the end, which no longer moves. Null when there is nothing true
 * to show: the session is over and the item was not being timed before its end.
 * @param {number} minutes the item's planned minutes, 0 for none
 * @param {number} sinceMs when the item became current
 * @param {{endedAt?: string, status?: string}} session
 * @param {number} nowMs
 * @returns {{text: string, level: 'ok'|'warn'|'over', stopped: boolean}|null}
 */
export function itemTimer(minutes, sinceMs, session, nowMs) {
  if (!sessionOver(session)) return { ...itemClock(minutes, sinceMs, nowMs), stopped: false };
  const end = Date.parse(session.endedAt || '');
  if (Number.isNaN(end) || !(sinceMs < end)) return null;
  return { ...itemClock(minutes, sinceMs, end), stopped: true };
}
