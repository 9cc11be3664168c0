// Entry point: builds the shell (sidebar + content), routes hash changes to
// lazily loaded views, and handles app-wide keyboard shortcuts.

import { h, replace } from './lib/dom.js';
import { comboOf, isTypingTarget, globalAction } from './lib/keys.js';
import { start, section, go, href } from './router.js';
import { on } from './state.js';
import { sidebar } from './views/sidebar.js';
import { openShortcuts } from './views/shortcuts.js';
import { errorState } from './views/ui.js';

/** View modules by route name, loaded on first use. */
const VIEWS = {
  circles: () => import('./views/circles.js'),
  circle: () => import('./views/circle.js'),
  people: () => import('./views/people.js'),
  person: () => import('./views/person.js'),
  session: () => import('./views/session.js'),
};

const content = h('main', { class: 'content', id: 'content', tabindex: '-1', testid: 'content' });
const side = sidebar({ onShortcuts: openShortcuts });

/** @type {{route: any, token: number, view: any}} */
const current = { route: { name: 'circles' }, token: 0, view: null };
let first = true;
let focusSearchNext = false;

/**
 * Mounts the view for a route, disposing the one before.
 * @param {import('./router.js').Route} route
 */
async function show(route) {
  const token = ++current.token;
  current.view?.dispose?.();
  current.view = null;
  current.route = route;
  side.setActive(section(route));
  const root = h('div', { class: `page page-${route.name}`, testid: `page-${route.name}` });
  replace(content, root);
  content.scrollTop = 0;
  document.title = 'Circlebook';
  if (route.name === 'notfound') {
    replace(root, errorState({ code: 'not_found', message: `There is no page at ${route.path}.` }, { backHref: href('circles'), backLabel: 'All circles' }));
    return;
  }
  try {
    const mod = await VIEWS[route.name]();
    if (token !== current.token) return;
    const view = await mod.mount(root, route, { alive: () => token === current.token });
    if (token !== current.token) {
      view?.dispose?.();
      return;
    }
    current.view = view || {};
    const search = /** @type {HTMLElement|null} */ (root.querySelector('[data-search]'));
    if (focusSearchNext && search) search.focus();
    else if (!first) {
      const title = /** @type {HTMLElement|null} */ (root.querySelector('.page-title'));
      (title || content).focus({ preventScroll: true });
    }
    first = false;
    focusSearchNext = false;
  } catch (err) {
    console.error(err);
    if (token === current.token) replace(root, errorState({ message: String(err && err.message ? err.message : err) }, { backHref: href('circles'), backLabel: 'All circles' }));
  }
}

/**
 * App-wide single-key shortcuts; they never fire while typing or with a dialog open.
 * @param {KeyboardEvent} e
 */
function onKey(e) {
  if (e.defaultPrevented || e.isComposing) return;
  if (document.querySelector('dialog[open]')) return;
  if (isTypingTarget(e.target)) {
    if (e.key === 'Escape' && /** @type {HTMLElement} */ (e.target).matches('[data-search]')) /** @type {HTMLElement} */ (e.target).blur();
    return;
  }
  const combo = comboOf(e);
  if (combo.includes('Ctrl+') || combo.includes('Alt+')) return;
  const action = globalAction(combo, current.route.name);
  if (!action) return;
  e.preventDefault();
  switch (action) {
    case 'go-circles': go(href('circles')); break;
    case 'go-people': go(href('people')); break;
    case 'help': openShortcuts(); break;
    case 'search': {
      const box = /** @type {HTMLElement|null} */ (content.querySelector('[data-search]'));
      if (box) box.focus();
      else {
        focusSearchNext = true;
        go(href('people'));
      }
      break;
    }
    case 'new-circle':
    case 'new-person':
      current.view?.commands?.new?.();
      break;
  }
}

document.body.replaceChildren(h('div', { class: 'app' }, side.el, content));
document.addEventListener('keydown', onKey);

/** What the shell listens to for the app's lifetime, each with its unsubscribe. */
export const subscriptions = [
  on('circle:shown', (id) => side.setActive('circles', id)),
  start(show),
  () => document.removeEventListener('keydown', onKey),
  side.dispose,
];
