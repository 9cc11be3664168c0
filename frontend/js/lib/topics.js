// Picking topics for a session: which topics match what was typed, and
// whether to offer creating a new one. Pure functions.

import { fold } from './actionline.js';

/**
 * The topics to offer for a query: not yet chosen, names containing the
 * query (ignoring case and accents), those starting with it first; plus
 * whether the query names a topic that does not exist yet.
 * @param {{id: number, name: string, sessionCount?: number}[]} all
 * @param {string} query
 * @param {number[]} chosenIds
 * @returns {{options: {id: number, name: string, sessionCount?: number}[], create: string}}
 */
export function topicOptions(all, query, chosenIds) {
  const q = fold(String(query || '').trim());
  const chosen = new Set(chosenIds || []);
  const matches = (all || []).filter((t) => !chosen.has(t.id) && (!q || fold(t.name).includes(q)));
  matches.sort((a, b) => {
    const pa = fold(a.name).startsWith(q) ? 0 : 1;
    const pb = fold(b.name).startsWith(q) ? 0 : 1;
    return pa - pb || (b.sessionCount || 0) - (a.sessionCount || 0) || a.name.localeCompare(b.name);
  });
  const exact = (all || []).some((t) => fold(t.name) === q);
  return { options: matches, create: q && !exact ? String(query).trim() : '' };
}
