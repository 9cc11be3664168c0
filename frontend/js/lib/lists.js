// List logic for the circles and people lists. Pure functions.

/**
 * Circles whose name or purpose contains the query (case- and accent-insensitive).
 * @template {{name: string, purpose?: string}} C
 * @param {C[]} list
 * @param {string} query
 * @returns {C[]}
 */
export function filterCircles(list, query) {
  const q = fold(query);
  if (!q) return list;
  return list.filter((c) => fold(c.name).includes(q) || fold(c.purpose || '').includes(q));
}

/**
 * Lower-cases and strips accents so "munoz" finds "Muñoz".
 * @param {string} s
 * @returns {string}
 */
export function fold(s) {
  return String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
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
 * completed, each by name.
 * @template {{name: string, status: string}} C
 * @param {C[]} list
 * @returns {C[]}
 */
export function sidebarOrder(list) {
  const rank = { active: 0, forming: 1, paused: 2, completed: 3, archived: 4 };
  return [...list].sort((a, b) => (rank[a.status] ?? 5) - (rank[b.status] ?? 5) || a.name.localeCompare(b.name));
}
