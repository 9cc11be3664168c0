// How an action item's due date reads: "due today", "overdue 3 days", "due Fri 4 Dec". Pure.

import { daysBetween, formatDate } from './format.js';

/**
 * @typedef {{label: string, level: 'none'|'overdue'|'today'|'soon'|'later'|'done'}} DueInfo
 */

/**
 * Describes a due date against today; a done item is never overdue.
 * @param {string} dueOn "YYYY-MM-DD" or ""
 * @param {string} today "YYYY-MM-DD"
 * @param {string} [status] "open" or "done"
 * @returns {DueInfo}
 */
export function dueInfo(dueOn, today, status = 'open') {
  if (!dueOn) return { label: 'No due date', level: 'none' };
  const n = daysBetween(today, dueOn);
  const sameYear = String(dueOn).slice(0, 4) === String(today).slice(0, 4);
  const date = formatDate(dueOn, { weekday: true, withYear: !sameYear });
  if (n === null) return { label: `Due ${dueOn}`, level: 'later' };
  if (status === 'done') return { label: `Was due ${date}`, level: 'done' };
  if (n < 0) return { label: n === -1 ? 'Overdue since yesterday' : `Overdue ${-n} days (${date})`, level: 'overdue' };
  if (n === 0) return { label: 'Due today', level: 'today' };
  if (n === 1) return { label: 'Due tomorrow', level: 'soon' };
  if (n < 7) return { label: `Due ${date}`, level: 'soon' };
  return { label: `Due ${date}`, level: 'later' };
}

/**
 * Whether an open item is past its due date.
 * @param {{dueOn: string, status: string}} item
 * @param {string} today
 * @returns {boolean}
 */
export function isOverdue(item, today) {
  return item.status !== 'done' && !!item.dueOn && item.dueOn < today;
}

/**
 * The owner's name as a list shows it: "Whole circle" for none.
 * @param {{ownerId?: number|null, ownerName?: string}} item
 * @returns {string}
 */
export function ownerLabel(item) {
  return item.ownerId && item.ownerName ? item.ownerName : 'Whole circle';
}
