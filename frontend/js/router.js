// Hash routes: #/circles, #/circles/ID, #/circles/ID/growth (the circle's
// Growth view), #/people, #/people/ID, #/sessions/ID, #/sessions/ID/live
// (the live screen), #/goals/ID (a goal and its check-ins), #/today (what
// needs the leader today), #/program (every circle's health), #/import (a
// roster file to people), #/match (pairs from a cohort), #/form (circles
// from a cohort). Any route may carry a query after "?", e.g.
// #/sessions/12?find=munoz%20demo&note=shared (a search hit: the words to mark).

/**
 * @typedef {{name: 'circles'|'circle'|'growth'|'people'|'person'|'session'|'live'|'goal'|'today'|'program'|'import'|'match'|'form'|'notfound', id?: number, path: string, query?: Record<string, string>}} Route query: only when the hash has one
 */

/**
 * Parses a location hash into a route. An empty hash is the circles list.
 * @param {string} hash e.g. "#/circles/3"
 * @returns {Route}
 */
export function parseRoute(hash) {
  const raw = String(hash || '').replace(/^#/, '');
  const q = raw.indexOf('?');
  const route = routeOf(q < 0 ? raw : raw.slice(0, q));
  if (q >= 0 && route.name !== 'notfound') route.query = Object.fromEntries(new URLSearchParams(raw.slice(q + 1)));
  return route;
}

/**
 * The route of a hash's path (no query).
 * @param {string} rawPath e.g. "/circles/3/"
 * @returns {Route}
 */
function routeOf(rawPath) {
  const path = rawPath.replace(/\/+$/, '') || '/circles';
  if (path === '/today') return { name: 'today', path };
  if (path === '/program') return { name: 'program', path };
  if (path === '/import') return { name: 'import', path };
  if (path === '/match') return { name: 'match', path };
  if (path === '/form') return { name: 'form', path };
  const m = /^\/(circles|people|sessions|goals)(?:\/(\d+)(?:\/(live|growth))?)?$/.exec(path);
  if (!m) return { name: 'notfound', path };
  const id = m[2] ? Number(m[2]) : undefined;
  if (m[3] === 'live') return m[1] === 'sessions' ? { name: 'live', id, path } : { name: 'notfound', path };
  if (m[3] === 'growth') return m[1] === 'circles' ? { name: 'growth', id, path } : { name: 'notfound', path };
  if (m[1] === 'circles') return id ? { name: 'circle', id, path } : { name: 'circles', path };
  if (m[1] === 'people') return id ? { name: 'person', id, path } : { name: 'people', path };
  if (m[1] === 'goals') return id ? { name: 'goal', id, path } : { name: 'notfound', path };
  return id ? { name: 'session', id, path } : { name: 'notfound', path };
}

/**
 * The hash for a route, e.g. href('circle', 3) -> "#/circles/3".
 * @param {'circles'|'circle'|'growth'|'people'|'person'|'session'|'live'|'goal'|'today'|'program'|'import'|'match'|'form'} name
 * @param {number} [id]
 * @returns {string}
 */
export function href(name, id) {
  switch (name) {
    case 'circle': return `#/circles/${id}`;
    case 'growth': return `#/circles/${id}/growth`;
    case 'people': return '#/people';
    case 'person': return `#/people/${id}`;
    case 'session': return `#/sessions/${id}`;
    case 'live': return `#/sessions/${id}/live`;
    case 'goal': return `#/goals/${id}`;
    case 'today': return '#/today';
    case 'program': return '#/program';
    case 'import': return '#/import';
    case 'match': return '#/match';
    case 'form': return '#/form';
    default: return '#/circles';
  }
}

/**
 * Which sidebar section a route belongs to.
 * @param {Route} route
 * @returns {'circles'|'people'|'today'|'program'}
 */
export function section(route) {
  if (route.name === 'today') return 'today';
  if (route.name === 'program' || route.name === 'match' || route.name === 'form') return 'program';
  if (route.name === 'import') return 'people';
  return route.name === 'people' || route.name === 'person' || route.name === 'goal' ? 'people' : 'circles';
}

/**
 * Goes to a hash route.
 * @param {string} hash
 */
export function go(hash) {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

/**
 * Calls onRoute now and on every hash change.
 * @param {(route: Route) => void} onRoute
 * @returns {() => void} stop listening
 */
export function start(onRoute) {
  const fire = () => onRoute(parseRoute(location.hash));
  window.addEventListener('hashchange', fire);
  fire();
  return () => window.removeEventListener('hashchange', fire);
}
