// Shared state: a tiny event bus (events are named "domain:action") and the
// user's view preferences. Every subscription returns its unsubscribe.

import { pushRecent } from './lib/lists.js';

/** @type {Map<string, Set<Function>>} */
const handlers = new Map();

/**
 * Subscribes to an event such as "circles:changed".
 * @param {string} event
 * @param {(data: any) => void} fn
 * @returns {() => void} unsubscribe
 */
export function on(event, fn) {
  if (!handlers.has(event)) handlers.set(event, new Set());
  handlers.get(event).add(fn);
  return () => handlers.get(event)?.delete(fn);
}

/**
 * Emits an event to its subscribers, in subscription order.
 * @param {string} event
 * @param {any} [data]
 */
export function emit(event, data) {
  for (const fn of [...(handlers.get(event) || [])]) {
    try {
      fn(data);
    } catch (e) {
      console.error(`handler for ${event} failed`, e);
    }
  }
}

/**
 * How a flush is asked for: `final` when no more typing follows (the window
 * is closing), so a last line without Enter counts as finished.
 * @typedef {{final?: boolean}} FlushOptions
 */

/** @type {Set<(o: FlushOptions) => Promise<any>>} */
const flushers = new Set();

/**
 * Registers something that holds unsaved text (a notes editor) so it can be
 * told to save now, e.g. before the window closes.
 * @param {(o: FlushOptions) => Promise<any>} fn sends pending text; resolves when done
 * @returns {() => void} unregister
 */
export function addFlusher(fn) {
  flushers.add(fn);
  return () => flushers.delete(fn);
}

/**
 * Asks every registered editor to save now and waits for all of them (a
 * failure in one does not stop the others).
 * @param {FlushOptions} [o]
 * @returns {Promise<void>}
 */
export async function flushAll(o = {}) {
  await Promise.allSettled([...flushers].map((fn) => Promise.resolve().then(() => fn(o))));
}

function storage() {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : null;
  } catch {
    return null;
  }
}

/**
 * Reads a preference saved on this machine.
 * @template T
 * @param {string} key
 * @param {T} fallback
 * @returns {T}
 */
export function pref(key, fallback) {
  const s = storage();
  if (!s) return fallback;
  try {
    const v = s.getItem('circlebook.' + key);
    return v === null ? fallback : JSON.parse(v);
  } catch {
    return fallback;
  }
}

/**
 * Saves a preference on this machine (a view setting, never user data).
 * @param {string} key
 * @param {any} value
 */
export function setPref(key, value) {
  const s = storage();
  try {
    s?.setItem('circlebook.' + key, JSON.stringify(value));
  } catch {
    // private mode or full storage: the preference just is not kept
  }
}

/**
 * The circles opened most recently on this machine, most recent first (at
 * most 20): the sidebar shows them when the program has too many circles to list.
 * @returns {number[]}
 */
export function recentCircles() {
  return pushRecent(pref('recentCircles', []), 0);
}

/**
 * Notes that a circle's page was opened, for recentCircles.
 * @param {number} id
 * @returns {number[]} the list now
 */
export function noteCircleOpened(id) {
  const list = pushRecent(pref('recentCircles', []), id);
  setPref('recentCircles', list);
  return list;
}

/** @type {{version: string, dataFile: string}} */
let info = { version: '', dataFile: '' };

/**
 * Keeps what the app said about itself at start (App.Info).
 * @param {{version?: string, dataFile?: string}|null} i
 */
export function setAppInfo(i) {
  info = { version: (i && i.version) || '', dataFile: (i && i.dataFile) || '' };
}

/**
 * What the app said about itself at start: its version and data file.
 * @returns {{version: string, dataFile: string}}
 */
export function appInfo() {
  return info;
}
