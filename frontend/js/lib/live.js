// The live screen's logic: the session clock, the current agenda item and
// its timer, and which unsaved draft to offer back. Pure functions.

/** The clock turns amber this long before the planned end. */
export const WARN_MS = 5 * 60 * 1000;

/**
 * "4:05", "59:59", "1:02:03" (minus sign for negative spans).
 * @param {number} ms
 * @returns {string}
 */
export function formatClock(ms) {
  const neg = ms < 0;
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  const body = h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
  return neg ? `−${body}` : body;
}

/**
 * @typedef {{running: boolean, elapsedMs: number, text: string, planned: string, level: 'idle'|'ok'|'warn'|'over', note: string}} SessionClock
 */

/**
 * The session clock: time since startedAt against the planned duration.
 * Amber within 5 minutes of the end, red once over; it stops at endedAt.
 * @param {string} startedAt RFC 3339, or "" when not started
 * @param {string} endedAt RFC 3339, or ""
 * @param {number} durationMinutes 0 for no plan
 * @param {number} nowMs
 * @returns {SessionClock}
 */
export function sessionClock(startedAt, endedAt, durationMinutes, nowMs) {
  const plannedMs = Math.max(0, Number(durationMinutes) || 0) * 60000;
  const planned = plannedMs ? formatClock(plannedMs) : '';
  const start = startedAt ? Date.parse(startedAt) : NaN;
  if (Number.isNaN(start)) return { running: false, elapsedMs: 0, text: '0:00', planned, level: 'idle', note: 'Not started' };
  const end = endedAt ? Date.parse(endedAt) : NaN;
  const running = Number.isNaN(end);
  const elapsedMs = Math.max(0, (running ? nowMs : end) - start);
  let level = 'ok';
  let note = '';
  if (plannedMs) {
    const left = plannedMs - elapsedMs;
    if (left < 0) {
      level = 'over';
      note = `${formatClock(-left)} over`;
    } else if (left <= WARN_MS) {
      level = 'warn';
      note = `${formatClock(left)} left`;
    } else {
      note = `${formatClock(left)} left`;
    }
  }
  if (!running) note = 'Ended';
  return { running, elapsedMs, text: formatClock(elapsedMs), planned, level: /** @type {any} */ (level), note };
}

/**
 * The item being discussed: the one chosen, unless it is done or gone, else
 * the first item not done; null when every item is done.
 * @param {{id: number, done: boolean}[]} items
 * @param {number|null} chosenId
 * @returns {number|null}
 */
export function currentItemId(items, chosenId) {
  const list = items || [];
  const chosen = list.find((it) => it.id === chosenId);
  if (chosen && !chosen.done) return chosen.id;
  const open = list.find((it) => !it.done);
  return open ? open.id : null;
}

/**
 * The item after the current one that is not done (wrapping to earlier ones), or null.
 * @param {{id: number, done: boolean}[]} items
 * @param {number|null} currentId
 * @returns {number|null}
 */
export function nextItemId(items, currentId) {
  const list = items || [];
  const at = list.findIndex((it) => it.id === currentId);
  for (let k = 1; k <= list.length; k++) {
    const it = list[(at + k + list.length) % list.length];
    if (it && !it.done && it.id !== currentId) return it.id;
  }
  return null;
}

/**
 * The current item's own timer against its minutes.
 * @param {number} minutes 0 for no plan
 * @param {number} sinceMs when the item became current
 * @param {number} nowMs
 * @returns {{text: string, level: 'ok'|'warn'|'over'}}
 */
export function itemClock(minutes, sinceMs, nowMs) {
  const elapsed = Math.max(0, nowMs - sinceMs);
  const plan = Math.max(0, Number(minutes) || 0) * 60000;
  const text = plan ? `${formatClock(elapsed)} / ${formatClock(plan)}` : formatClock(elapsed);
  if (!plan) return { text, level: 'ok' };
  if (elapsed > plan) return { text, level: 'over' };
  return { text, level: plan - elapsed <= Math.min(60000, plan / 5) ? 'warn' : 'ok' };
}

/**
 * The localStorage key for a note's unsaved text. The page's storage is
 * shared by every data file the app opens (--data), so the key names the
 * file too: session 11 of one file is not session 11 of another.
 * @param {number} sessionId
 * @param {'shared'|'private'} visibility
 * @param {string} dataFile the database's path (App.Info)
 * @returns {string}
 */
export function draftKey(sessionId, visibility, dataFile) {
  return `circlebook.draft.${fnv1a(dataFile)}.${sessionId}.${visibility}`;
}

/**
 * A short, stable hex name for a string (32-bit FNV-1a).
 * @param {string} text
 * @returns {string}
 */
export function fnv1a(text) {
  let h = 0x811c9dc5;
  for (const c of String(text)) {
    h ^= c.codePointAt(0) || 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * @typedef {{body: string, at: string, source: 'local'|'journal', conflict?: boolean}} Recovery
 * conflict: text Go refused because someone else had saved the note (see
 * lib/saver.js), to be resolved against theirs rather than just restored
 */

/**
 * Which unsaved text to offer back for a note, if any: a draft kept in this
 * window (localStorage) or one Go journaled when the disk refused it. A draft
 * equal to the saved text is not offered, nor a local one the note has moved
 * well past since (saved more than twice after the draft's own base version:
 * at most one older save can land after the last keystroke), unless it is a
 * conflicted draft: that one is behind the note precisely because someone
 * else saved, and it is offered however far. Of two, the newer wins.
 * @param {{body: string, version?: number}} saved the note as Go has it
 * @param {{body: string, at: string, version?: number, conflict?: boolean}|null} local
 * @param {{body: string, savedAt: string}|null} journal
 * @returns {Recovery|null}
 */
export function pickRecovery(saved, local, journal) {
  const savedBody = saved ? saved.body || '' : '';
  const savedVersion = saved && saved.version ? saved.version : 0;
  const useful = [];
  if (local && typeof local.body === 'string' && local.body !== savedBody) {
    const base = typeof local.version === 'number' ? local.version : savedVersion;
    if (local.conflict === true) useful.push({ body: local.body, at: local.at, source: 'local', conflict: true });
    else if (savedVersion <= base + 2) useful.push({ body: local.body, at: local.at, source: 'local' });
  }
  if (journal && typeof journal.body === 'string' && journal.body !== savedBody) {
    useful.push({ body: journal.body, at: journal.savedAt, source: 'journal' });
  }
  if (!useful.length) return null;
  useful.sort((a, b) => (Date.parse(b.at) || 0) - (Date.parse(a.at) || 0));
  return /** @type {Recovery} */ (useful[0]);
}

/**
 * "14:05" for a moment, in this computer's zone.
 * @param {string} iso RFC 3339
 * @returns {string}
 */
export function clockTime(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
