// The Today screen's logic, no DOM: where a launch opens, the thresholds'
// fields, the sidebar's count, a session's when in its circle's own wall
// time, and pacing the sidebar's count so bursts of writes ask Go once.

import { formatDateTime, relativeDays } from './format.js';

/**
 * Where a launch with no route opens: Today once there is a circle, the
 * circles list (its first-run screen) before.
 * @param {{empty?: boolean}|null} view Today.Get's answer, null when it failed
 * @returns {'#/today'|'#/circles'}
 */
export function landing(view) {
  return view && view.empty === false ? '#/today' : '#/circles';
}

/** The list a launch read to choose Today, kept for that screen's first draw, and when. */
let launchView = null;
let keptAt = 0;

/** How long a kept list may wait for its screen: past it, the screen reads its own. */
export const LAUNCH_VIEW_MS = 10_000;

/**
 * Keeps the list a launch read (landing) for the Today screen it opens, so
 * that the screen draws it instead of reading the same list again.
 * @param {any} view Today.Get's answer
 * @param {number} [now] Date.now()
 */
export function keepLaunchView(view, now = Date.now()) {
  launchView = view;
  keptAt = now;
}

/**
 * The list the launch kept, once and while fresh: every later draw reads its own.
 * @param {number} [now] Date.now()
 * @returns {any} Today.Get's answer, or null
 */
export function takeLaunchView(now = Date.now()) {
  const v = now - keptAt <= LAUNCH_VIEW_MS ? launchView : null;
  launchView = null;
  return v;
}

/**
 * The thresholds, in the order the settings dialog shows them, with Go's
 * JSON names (the fields' names) and what each means.
 * @type {{name: string, label: string, hint: string, min: number, max: number}[]}
 */
export const SETTINGS_FIELDS = [
  { name: 'driftMissed', label: 'Missed sessions', hint: 'A member is drifting after missing this many…', min: 1, max: 20 },
  { name: 'driftWindow', label: 'Of the last sessions', hint: '…of their circle’s last held sessions.', min: 1, max: 20 },
  { name: 'absentDays', label: 'Days without attending', hint: 'Or after this many days without attending.', min: 1, max: 365 },
  { name: 'overdueDays', label: 'Days past due', hint: 'An action item is overdue this many days after its due date (0: as soon as it is past due).', min: 0, max: 365 },
  { name: 'openDays', label: 'Days open', hint: 'An action item open for longer needs attention.', min: 1, max: 365 },
  { name: 'quietDays', label: 'Days without a session', hint: 'A circle or pair with no session held for this long is quiet.', min: 1, max: 365 },
  { name: 'goalQuietDays', label: 'Days without a goal check-in', hint: 'A goal with no check-in for this long needs one.', min: 1, max: 365 },
];

/**
 * The settings a form's raw values make: whole numbers by name, "" as 0;
 * anything else is left as written, for Go to name the field it refuses.
 * @param {Record<string, string>} raw
 * @returns {Record<string, number|string>}
 */
export function settingsInput(raw) {
  const out = {};
  for (const f of SETTINGS_FIELDS) {
    const s = String(raw[f.name] ?? '').trim();
    out[f.name] = s === '' ? 0 : /^-?\d+$/.test(s) ? parseInt(s, 10) : s;
  }
  return out;
}

/**
 * The sidebar's count: "" for none, "99+" past 99.
 * @param {number} n
 * @returns {string}
 */
export function countLabel(n) {
  const k = Math.max(0, Math.floor(Number(n) || 0));
  if (!k) return '';
  return k > 99 ? '99+' : String(k);
}

/** The most items Today lists (Go's today.MaxItems). */
export const MAX_ITEMS = 100;

/**
 * The Needs attention heading's count: "3 items", or "100+ items" once
 * there are more than the list shows (past it the count is only a floor).
 * @param {number} n
 * @returns {string}
 */
export function attentionLabel(n) {
  const k = Math.max(0, Math.floor(Number(n) || 0));
  if (!k) return '';
  return k > MAX_ITEMS ? `${MAX_ITEMS}+ items` : k === 1 ? '1 item' : `${k} items`;
}

/**
 * A session's time as its circle keeps it: "Wed 2 Dec, 17:00 · today".
 * startsAt carries the circle's offset, so its wall time is the circle's.
 * @param {{startsAt: string}} s
 * @param {string} today "YYYY-MM-DD", the View's date
 * @returns {string}
 */
export function sessionWhen(s, today) {
  const wall = String(s.startsAt || '').slice(0, 16);
  const rel = relativeDays(wall.slice(0, 10), today);
  return `${formatDateTime(wall, { withYear: false })}${rel ? ` · ${rel}` : ''}`;
}

/**
 * Paces a refresh: the first call runs at once, further calls within ms of a
 * run make one more run when the ms are up, never more.
 * @param {() => void} fn
 * @param {number} ms
 * @param {{now?: () => number, setTimeout?: (fn: () => void, ms: number) => any, clearTimeout?: (id: any) => void}} [clock]
 * @returns {(() => void) & {cancel: () => void}}
 */
export function atMostEvery(fn, ms, clock = {}) {
  const now = clock.now || (() => Date.now());
  const later = clock.setTimeout || ((f, t) => setTimeout(f, t));
  const stop = clock.clearTimeout || ((id) => clearTimeout(id));
  let last = -Infinity;
  let timer = null;
  const fire = () => {
    timer = null;
    last = now();
    fn();
  };
  const run = () => {
    if (timer !== null) return;
    const wait = last + ms - now();
    if (wait <= 0) fire();
    else timer = later(fire, wait);
  };
  run.cancel = () => {
    if (timer !== null) stop(timer);
    timer = null;
  };
  return run;
}
