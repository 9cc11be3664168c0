// List logic for the circles and people lists. Pure functions.

import { formatCount } from './format.js';

/** Recently opened circles kept for the sidebar, most recent first. */
export const RECENT_MAX = 20;

/**
 * The recently opened list after opening a circle: it moves to the front,
 * once, and the list keeps at most max ids. Anything that is not a positive
 * whole number (a damaged preference) is dropped.
 * @param {unknown} ids the list so far
 * @param {number} id the circle just opened
 * @param {number} [max]
 * @returns {number[]}
 */
export function pushRecent(ids, id, max = RECENT_MAX) {
  const ok = (x) => Number.isInteger(x) && x > 0;
  const rest = Array.isArray(ids) ? ids.filter((x) => ok(x) && x !== id) : [];
  return (ok(id) ? [id, ...rest] : rest).slice(0, max);
}

/**
 * The line under the circles list: "16,000 active circles", "4 circles"
 * (archived ones shown too), or for a filter "12 matches", "1,000+ matches"
 * past the count Go stops at.
 * @param {number} total
 * @param {boolean} includeArchived
 * @param {string} query
 * @param {boolean} [capped] Go stopped counting (total is the cap + 1)
 * @returns {string}
 */
export function circleCountLabel(total, includeArchived, query, capped = false) {
  if (capped) return `${formatCount(Math.max(0, total - 1))}+ matches`;
  if (query.trim()) return total === 1 ? '1 match' : `${formatCount(total)} matches`;
  const word = includeArchived ? 'circle' : 'active circle';
  return `${formatCount(total)} ${total === 1 ? word : word + 's'}`;
}

/**
 * The line under the people list: "25 people", "3 matches", and past the
 * count Go stops at, "1,000+ match".
 * @param {number} total as Go counted it (1,001 when capped)
 * @param {boolean} capped Go stopped counting
 * @param {string} search
 * @returns {string}
 */
export function peopleCountLabel(total, capped, search) {
  const n = capped ? `${formatCount(Math.max(0, total - 1))}+` : formatCount(total);
  if (search.trim()) return capped ? `${n} match` : total === 1 ? '1 match' : `${n} matches`;
  return !capped && total === 1 ? '1 person' : `${n} people`;
}

/**
 * How many rows a capped list can show: Go counts up to a cap and says
 * cap + 1 when there are more, and the list ends at the cap.
 * @param {number} total
 * @param {boolean} capped
 * @returns {number}
 */
export function listExtent(total, capped) {
  return Math.max(0, capped ? total - 1 : total);
}

/**
 * The warning over a new person who may already be in Circlebook: the
 * people Go's people.Similar found, and what the form offers to do instead.
 * @param {{name: string}[]} found
 * @param {'add'|'open'} action
 * @returns {string} "" when nobody was found
 */
export function similarPrompt(found, action) {
  if (!found || !found.length) return '';
  if (found.length === 1) return `${found[0].name} is already in Circlebook — ${action} them instead?`;
  return `${found.length} people with this name or email are already in Circlebook — ${action} one of them instead?`;
}

/**
 * Splits members into current ones and those who have left.
 * @template {{leftOn: string}} M
 * @param {M[]} members
 * @param {string} today "YYYY-MM-DD"
 * @returns {{current: M[], former: M[]}}
 */
export function splitMembers(members, today) {
  const current = [];
  const former = [];
  for (const m of members || []) (m.leftOn && m.leftOn <= today ? former : current).push(m);
  return { current, former };
}
