// Search palette logic, no DOM: the flat list of options the palette moves
// through, the "more" question for a group, the words to mark in a note a hit
// opens (the same folding as Go's backend/fold, through lib/fold.js), and the
// guard that drops answers to questions no longer asked.

import { foldKey } from './fold.js';

/** The longest search Go takes, in characters; its message for a longer one. */
export const QUERY_MAX = 10000;
export const TOO_LONG = 'A search can be at most 10,000 characters.';

/** Hits a group shows at first (Go's default), and after "more". */
export const LIMIT = 5;
export const MORE_LIMIT = 50;

/** The in: filter name for each hit kind. */
const IN_NAME = { circle: 'circles', person: 'people', session: 'sessions', note: 'notes', action: 'actions', goal: 'goals', topic: 'topics' };

/** How long a search of one or two letters waits for the next key. */
export const SHORT_WAIT = 150;

/**
 * How long to wait before asking Go about q, in ms: a word of one or two
 * letters matches by prefix nearly every word of every note (0.2-0.3 s on
 * 185,000 notes), so it is asked only once the typing pauses; anything
 * longer at once.
 * @param {string} q
 * @returns {number}
 */
export function waitBeforeAsking(q) {
  const t = String(q ?? '').trim();
  return t && [...t].length < 3 ? SHORT_WAIT : 0;
}

/**
 * Whether a query is longer than Go takes: its message, or "".
 * Go counts characters (runes), as [...q] does.
 * @param {string} q
 * @returns {string}
 */
export function tooLong(q) {
  const s = String(q || '');
  return s.length > QUERY_MAX && [...s].length > QUERY_MAX ? TOO_LONG : '';
}

/**
 * The question "more" asks for a group: the query narrowed to the group's
 * kind with in:, and the larger limit.
 * @param {string} query
 * @param {string} kind a hit kind ("note") or an in: name ("notes")
 * @returns {{query: string, limit: number}}
 */
export function moreRequest(query, kind) {
  const name = IN_NAME[kind] || kind;
  return { query: `${String(query || '').trim()} in:${name}`, limit: MORE_LIMIT };
}

/**
 * @typedef {{text: string, mark: boolean}} Span
 * @typedef {{kind: string, id: number, uuid?: string, title: string, where: string, snippet?: Span[], private?: boolean, date?: string, circle?: string, route: string}} Hit
 * @typedef {{kind: string, label: string, hits: Hit[], more: boolean}} Group
 * @typedef {{query: string, hint: string, marks: string[], groups: Group[]}} Results
 * @typedef {{id: string, type: 'hit', hit: Hit, group: number} | {id: string, type: 'more', kind: string, label: string, group: number}} Option
 */

/**
 * Every option the palette shows, in order, each with a stable element id:
 * the hits of each group, then its "more" when Go has more than it sent.
 * @param {Results|null} r
 * @param {string} prefix for the ids
 * @returns {Option[]}
 */
export function optionsOf(r, prefix) {
  /** @type {Option[]} */
  const out = [];
  (r && r.groups ? r.groups : []).forEach((g, gi) => {
    for (const hit of g.hits || []) out.push({ id: `${prefix}-${hit.kind}-${hit.id}`, type: 'hit', hit, group: gi });
    if (g.more) out.push({ id: `${prefix}-more-${g.kind}`, type: 'more', kind: g.kind, label: g.label, group: gi });
  });
  return out;
}

/**
 * The option index after an arrow key: wraps at both ends; -1 (none) when there is nothing.
 * @param {number} i the current index, -1 for none
 * @param {number} delta +1 down, -1 up
 * @param {number} n how many options
 * @returns {number}
 */
export function moveIndex(i, delta, n) {
  if (n <= 0) return -1;
  if (i < 0) return delta > 0 ? 0 : n - 1;
  return (((i + delta) % n) + n) % n;
}

/** Filter names Go knows; other name:value words are words. */
const FILTERS = new Set(['circle', 'person', 'in', 'before', 'after', 'is']);

/** A word as the index sees it: letters, marks and digits. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * The words a query asks for, folded, as Go's Results.marks gives them: its
 * positive words and the words of its phrases, without -words and filters.
 * The session page uses it for a find= in its route.
 * @param {string} q
 * @returns {string[]}
 */
export function marksFromQuery(q) {
  const out = [];
  const add = (text) => {
    for (const m of foldKey(text).matchAll(WORD)) if (!out.includes(m[0])) out.push(m[0]);
  };
  const s = String(q || '').slice(0, QUERY_MAX);
  // Quoted phrases first (an unclosed quote runs to the end), then the words between.
  const re = /(-?)"([^"]*)"?|(\S+)/gu;
  for (const m of s.matchAll(re)) {
    if (m[2] !== undefined) {
      if (!m[1]) add(m[2]);
      continue;
    }
    const word = m[3];
    if (word.startsWith('-') && word.length > 1) continue;
    const colon = word.indexOf(':');
    if (colon > 0 && FILTERS.has(word.slice(0, colon).toLowerCase())) continue;
    add(word);
  }
  return out;
}

/** Scripts written without spaces: a mark is looked for anywhere in a word. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

/**
 * Where to mark in a text: every word whose folded form starts with one of
 * the marks (in scripts without spaces, every place a mark occurs), as
 * [start, end) offsets into the text as written.
 * @param {string} text
 * @param {string[]} marks folded (Go's Results.marks, or marksFromQuery)
 * @returns {{start: number, end: number}[]}
 */
export function markRanges(text, marks) {
  const ms = (marks || []).map((m) => foldKey(m)).filter(Boolean);
  if (!ms.length || !text) return [];
  const out = [];
  for (const w of String(text).matchAll(WORD)) {
    const word = w[0];
    const start = /** @type {number} */ (w.index);
    const folded = foldKey(word);
    if (ms.some((m) => folded.startsWith(m))) {
      out.push({ start, end: start + word.length });
      continue;
    }
    for (const m of ms) {
      if (!UNSPACED.test(m)) continue;
      for (let i = word.indexOf(m); i >= 0; i = word.indexOf(m, i + m.length)) out.push({ start: start + i, end: start + i + m.length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Paces questions asked as you type: a call asks at once while fewer than
 * maxOut questions are out; otherwise one more question is asked as soon as
 * one comes back, however many calls came meanwhile (fn reads what is typed
 * when it runs). Two out means the last key's question rarely waits for a
 * whole answer to an older one. .idle() resolves once none is out or due.
 * @param {() => Promise<any>} fn
 * @param {number} [maxOut]
 * @returns {(() => void) & {idle: () => Promise<void>}}
 */
export function asking(fn, maxOut = 2) {
  let out = 0;
  let again = false;
  /** @type {(() => void)[]} */
  const waiters = [];
  const run = () => {
    if (out >= maxOut) {
      again = true;
      return;
    }
    out += 1;
    Promise.resolve().then(fn).then(() => {}, () => {}).finally(() => {
      out -= 1;
      if (again) {
        again = false;
        run();
      } else if (!out) waiters.splice(0).forEach((w) => w());
    });
  };
  run.idle = () => (out || again ? new Promise((r) => { waiters.push(r); }) : Promise.resolve());
  return run;
}

/**
 * A guard for answers that arrive out of order: next() numbers a question,
 * current(n) says whether it is still the newest one asked.
 * @returns {{next: () => number, current: (n: number) => boolean}}
 */
export function latest() {
  let n = 0;
  return { next: () => ++n, current: (k) => k === n };
}
