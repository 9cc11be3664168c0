// List logic for the circles and people lists. Pure functions.

import { foldKey, compareNames } from './fold.js';

/**
 * Circles whose name or purpose contains the query, case and accents aside (fold.js).
 * @template {{name: string, purpose?: string}} C
 * @param {C[]} list
 * @param {string} query
 * @returns {C[]}
 */
export function filterCircles(list, query) {
  const q = foldKey(query);
  if (!q) return list;
  return list.filter((c) => foldKey(c.name).includes(q) || foldKey(c.purpose).includes(q));
}

/**
 * The line under the people list: "25 people", "3 of 25 match", or the cap warning
 * "Showing 500 of 812 — refine the search".
 * @param {number} shown how many came back
 * @param {number} total how many match in all
 * @param {string} search
 * @returns {string}
 */
export function peopleCountLabel(shown, total, search) {
  if (shown < total) return `Showing ${shown} of ${total} — refine the search`;
  if (search) return total === 1 ? '1 match' : `${total} matches`;
  return total === 1 ? '1 person' : `${total} people`;
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

/**
 * Orders circles for the sidebar: active and forming first, then paused and
 * completed, each by name as a person reads it (compareNames).
 * @template {{name: string, status: string}} C
 * @param {C[]} list
 * @returns {C[]}
 */
export function sidebarOrder(list) {
  const rank = { active: 0, forming: 1, paused: 2, completed: 3, archived: 4 };
  return [...list].sort((a, b) => (rank[a.status] ?? 5) - (rank[b.status] ?? 5) || compareNames(a.name, b.name));
}
