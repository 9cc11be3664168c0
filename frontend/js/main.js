// Entry point: builds the shell (sidebar + content), routes hash changes to
// lazily loaded views, and handles app-wide keyboard shortcuts.

import { h, replace } from './lib/dom.js';
import { comboOf, isTypingTarget, globalAction, isPaletteKey } from './lib/keys.js';
import { start, section, go, href } from './router.js';
import { on, flushAll, setAppInfo } from './state.js';
import * as api from './api.js';
import { sidebar } from './views/sidebar.js';
import { errorState } from './views/ui.js';
import { connectionBanner } from './views/connection-banner.js';
import { isCloseMark, isQuitKey, defaultTitle } from './lib/closing.js';
import { startKeyTrace, afterPaint } from './lib/keytrace.js';
import { untilReady } from './views/preparing.js';
import { landing, keepLaunchView } from './lib/today.js';

/**
 * View modules by route name, loaded on first use. The circles list, the
 * screen most launches open on, and what it imports are named in
 * index.html's modulepreload links, so they arrive with main.js instead of
 * one import level at a time (test/preload.test.js keeps the list true).
 */
const VIEWS = {
  circles: () => import('./views/circles.js'),
  circle: () => import('./views/circle.js'),
  growth: () => import('./views/circle-growth.js'),
  people: () => import('./views/people.js'),
  person: () => import('./views/person.js'),
  session: () => import('./views/session.js'),
  live: () => import('./views/live.js'),
  goal: () => import('./views/goal.js'),
  today: () => import('./views/today.js'),
  program: () => import('./views/program.js'),
  import: () => import('./views/import.js'),
  match: () => import('./views/match.js'),
  form: () => import('./views/form.js'),
};

/** How long leaving a screen waits for its unsaved text to reach Go. */
const DISPOSE_WAIT_MS = 4000;

const content = h('main', { class: 'content', id: 'content', tabindex: '-1', testid: 'content' });
/** Opens the shortcuts overlay; its module (and the dialog code) loads on first use. */
const openShortcuts = () => import('./views/shortcuts.js').then((m) => m.openShortcuts(), (err) => console.error(err));
const side = sidebar({ onShortcuts: openShortcuts });
/** Opens the search palette; its module loads on first use. */
const openPalette = () => import('./views/palette.js').then((m) => m.openPalette(), (err) => console.error(err));
/** The line that says the program database is out of reach, while it is. */
const banner = connectionBanner(api.connection);

/** @type {{route: any, token: number, view: any}} */
const current = { route: { name: 'circles' }, token: 0, view: null };
let first = true;

/**
 * Mounts the view for a route, disposing the one before.
 * @param {import('./router.js').Route} route
 */
async function show(route) {
  const token = ++current.token;
  const leaving = current.view;
  current.view = null;
  // A view with unsaved text (the live screen's notes) flushes it in dispose:
  // wait for that, within reason, before its page goes away.
  if (leaving?.dispose) {
    try {
      await Promise.race([Promise.resolve(leaving.dispose()), new Promise((r) => setTimeout(r, DISPOSE_WAIT_MS))]);
    } catch (err) {
      console.error(err);
    }
    if (token !== current.token) return;
  }
  current.route = route;
  app.classList.toggle('is-live', route.name === 'live');
  side.setActive(section(route));
  const root = h('div', { class: `page page-${route.name}`, testid: `page-${route.name}` });
  replace(content, root);
  content.scrollTop = 0;
  document.title = 'Circlebook';
  if (route.name === 'notfound') {
    document.title = defaultTitle('notfound');
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
    if (document.title === 'Circlebook') document.title = defaultTitle(route.name);
    // The new screen takes the keyboard, unless a dialog opened over it
    // while it loaded (the feedback form after ending a session) holds it.
    if (!first && !root.contains(document.activeElement) && !document.querySelector('dialog[open]')) {
      const title = /** @type {HTMLElement|null} */ (root.querySelector('.page-title'));
      (title || content).focus({ preventScroll: true });
    }
    first = false;
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
  if (isQuitKey(e) && api.app.quit()) {
    e.preventDefault();
    return;
  }
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
    case 'go-today': go(href('today')); break;
    case 'go-program': go(href('program')); break;
    case 'help': openShortcuts(); break;
    case 'search': {
      // A list with a filter of its own (circles, people) keeps "/" for it.
      const box = /** @type {HTMLElement|null} */ (content.querySelector('[data-search]'));
      if (box) box.focus();
      else openPalette();
      break;
    }
    case 'new-circle':
    case 'new-person':
      current.view?.commands?.new?.();
      break;
  }
}

/**
 * Ctrl+K opens the search palette from anywhere, text fields and the live
 * notes included; it runs before any screen's own keys (capture), and waits
 * while another dialog is open (the palette's own Ctrl+K selects its text).
 * @param {KeyboardEvent} e
 */
function onPaletteKey(e) {
  if (e.defaultPrevented || e.isComposing || !isPaletteKey(e)) return;
  const open = document.querySelector('dialog[open]');
  if (open && open.getAttribute('data-testid') !== 'palette') return;
  e.preventDefault();
  e.stopPropagation();
  openPalette();
}

/**
 * Links never navigate the app's own page: web and mail links open in the
 * system browser (or a new tab in browser mode); in-app links are hashes.
 * @param {MouseEvent} e
 */
function onLinkClick(e) {
  if (e.defaultPrevented || e.button > 1) return;
  const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
  const link = a ? a.getAttribute('href') || '' : '';
  if (!a || link.startsWith('#')) return;
  e.preventDefault();
  api.app.openURL(/** @type {HTMLAnchorElement} */ (a).href).catch(() => {});
}

/**
 * Nothing dropped on the page navigates it; text still drops into text fields.
 * @param {DragEvent} e
 */
function onDrag(e) {
  if (!isTypingTarget(e.target)) e.preventDefault();
}

/** How long typing must pause before the window may close, and the most to wait for that. */
const CLOSE_QUIET_MS = 400;
const CLOSE_MAX_WAIT_MS = 3000;
/** When the last key press or input reached the page. */
let lastInputAt = 0;
const noteInput = () => {
  lastInputAt = Date.now();
};

/**
 * Resolves once no key or input event has arrived for quietMs, or after maxMs.
 * The window hands queued key presses to the page one at a time, so keys typed
 * just before the close may still be arriving when Go asks for the flush.
 * @param {number} quietMs
 * @param {number} maxMs
 * @returns {Promise<void>}
 */
function inputQuiet(quietMs, maxMs) {
  return new Promise((resolve) => {
    let timer = null;
    const done = () => {
      clearTimeout(timer);
      clearTimeout(cap);
      document.removeEventListener('keydown', poke, true);
      document.removeEventListener('input', poke, true);
      resolve();
    };
    const poke = () => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    };
    const cap = setTimeout(done, maxMs);
    document.addEventListener('keydown', poke, true);
    document.addEventListener('input', poke, true);
    poke();
  });
}

/**
 * Go asks before the window closes (notes:flush) where it could not queue a
 * close mark: save what is pending, let key presses still on their way
 * arrive and save again, then answer (notes:flushed) so the window closes.
 */
async function onFlushRequest() {
  await flushAll();
  if (Date.now() - lastInputAt < 1000) await inputQuiet(CLOSE_QUIET_MS, CLOSE_MAX_WAIT_MS);
  await flushAll({ final: true });
  api.events.emit('notes:flushed');
}

/**
 * The window is closing and has queued its close mark behind every key it
 * received: all of them are in the page now, so save and answer.
 * @param {KeyboardEvent} e
 */
async function onCloseMark(e) {
  if (!isCloseMark(e)) return;
  e.preventDefault();
  e.stopImmediatePropagation();
  stopTrace();
  await flushAll({ final: true });
  api.events.emit('notes:flushed');
}

/**
 * The window's title follows the page's, once the screen that set it has
 * been painted: it is how scripts and tests know which screen is up.
 */
const titles = new MutationObserver(() => afterPaint(() => api.app.setTitle(document.title)));
titles.observe(document.querySelector('title') || document.head, { childList: true, characterData: true, subtree: true });

// The window may be asked to open on a given screen (circlebook --open ...),
// and to time key presses (--trace-keys). While Go answers, the screen a
// launch opens on unless asked otherwise, the circles list, gets its module.
if (!location.hash) {
  VIEWS.circles().catch(() => {});
  VIEWS.today().catch(() => {});
}
await untilReady(api.app.ready, document.body); // a data file from an older version is migrated first
// Once there is data, a launch with no route of its own opens on Today
// (lib/today.js landing); it is asked for while App.Info is.
const todayView = location.hash ? null : api.today.get().catch(() => null);
const info = await api.app.info().catch(() => null);
setAppInfo(info);
side.showInfo(info);
if (info && info.route && !location.hash) history.replaceState(null, '', info.route);
if (!location.hash && todayView) {
  const view = await todayView;
  if (!location.hash && landing(view) === '#/today') {
    history.replaceState(null, '', '#/today');
    keepLaunchView(view);
  }
  if (view) side.showCount(view.count);
}
const stopTrace = info && info.traceKeys ? startKeyTrace((samples) => api.events.emit('diag:keys', samples), isCloseMark) : () => {};

const app = h('div', { class: 'app' }, side.el, content);
document.body.replaceChildren(app, banner.el);
window.addEventListener('keydown', onCloseMark, true);
window.addEventListener('keydown', onPaletteKey, true);
document.addEventListener('keydown', onKey);
document.addEventListener('keydown', noteInput, true);
document.addEventListener('input', noteInput, true);
document.addEventListener('click', onLinkClick);
document.addEventListener('auxclick', onLinkClick);
document.addEventListener('dragover', onDrag);
document.addEventListener('drop', onDrag);

/** What the shell listens to for the app's lifetime, each with its unsubscribe. */
export const subscriptions = [
  on('circle:shown', (id) => side.setActive('circles', id)),
  start(show),
  api.events.on('notes:flush', onFlushRequest),
  api.events.on('app:ping', () => api.events.emit('app:pong')),
  () => window.removeEventListener('keydown', onCloseMark, true),
  () => window.removeEventListener('keydown', onPaletteKey, true),
  () => titles.disconnect(),
  stopTrace,
  () => document.removeEventListener('keydown', onKey),
  () => document.removeEventListener('keydown', noteInput, true),
  () => document.removeEventListener('input', noteInput, true),
  () => document.removeEventListener('click', onLinkClick),
  () => document.removeEventListener('auxclick', onLinkClick),
  () => document.removeEventListener('dragover', onDrag),
  () => document.removeEventListener('drop', onDrag),
  side.dispose,
  banner.dispose,
];
