// Agenda logic: time budget and keyboard reordering. Pure functions.

import { formatDuration } from './format.js';

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
