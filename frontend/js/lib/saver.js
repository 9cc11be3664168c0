// The notes autosaver: a small state machine that gets typed text to Go soon
// and never loses a word. Pure: the save call, the clock and the draft mirror
// are passed in, so `node --test` drives it with a fake clock.
//
// - Text goes out 250 ms after the last keystroke, and at least every 2 s
//   while typing goes on (max wait).
// - At most one save is in flight; text typed meanwhile goes out right after
//   it, so the newest text always wins.
// - "saved" only once Go has answered for exactly the text on screen.
// - A failed save retries with backoff: 1 s, 2 s, 4 s, 8 s, then every 15 s.
// - flush() sends pending text at once (blur, hidden tab, leaving the screen,
//   window close) and resolves when Go has it (true) or the attempt failed (false).
// - Each save names the version its text was typed on. When Go answers that
//   someone else saved since (a conflict), the saver stops: a retry would
//   conflict again. The text stays (typing goes on, kept in the mirror) until
//   the page resolves it: rebase() sends it over the other text, reset()
//   takes the other text instead.

/** Timing defaults, in milliseconds. */
export const SAVER_TIMING = { debounceMs: 250, maxWaitMs: 2000, retryBaseMs: 1000, retryMaxMs: 15000 };

/**
 * The wait before retry number `failures` (1 for the first failure): 1 s, 2 s, 4 s… capped.
 * @param {number} failures
 * @param {number} [baseMs]
 * @param {number} [maxMs]
 * @returns {number}
 */
export function backoffDelay(failures, baseMs = SAVER_TIMING.retryBaseMs, maxMs = SAVER_TIMING.retryMaxMs) {
  const n = Math.max(1, Math.floor(failures));
  return Math.min(maxMs, baseMs * 2 ** Math.min(n - 1, 30));
}

/**
 * Whether a failed save was refused because someone else saved the note
 * after the version its text was typed on (notes.Notes.SaveFrom).
 * @param {any} err an ApiError
 * @returns {boolean}
 */
export function isConflict(err) {
  return !!err && err.code === 'conflict' && err.field === 'body';
}

/**
 * @typedef {'saved'|'saving'|'error'|'conflict'} SaveState
 * @typedef {{state: SaveState, error: string, text: string, savedText: string, version: number, dirty: boolean, inFlight: boolean, failures: number, retryAt: number|null, conflict: boolean}} SaverSnapshot
 * @typedef {{now: () => number, setTimeout: (fn: () => void, ms: number) => any, clearTimeout: (id: any) => void}} Clock
 * @typedef {{write: (text: string) => void, clear: () => void}} Mirror
 * @typedef {Object} SaverOptions
 * @property {(text: string, baseVersion: number) => Promise<number|{version: number}>} save sends text to Go; resolves with the saved version
 * @property {string} [text] the text Go already has
 * @property {number} [version] its version
 * @property {Clock} [clock] defaults to the real timers
 * @property {Mirror} [mirror] keeps unsaved text somewhere local until Go has it
 * @property {(s: SaverSnapshot) => void} [onChange] told every change of state
 * @property {(s: SaverSnapshot, err: any) => void} [onConflict] told when Go refuses the text for a newer version
 * @property {Partial<typeof SAVER_TIMING>} [timing]
 */

const realClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id),
};

/**
 * The status line for a snapshot: "Saved", "Saving…", "Not saved — retrying
 * (reason)" or, in a conflict, "Not saved — someone else saved".
 * @param {SaverSnapshot} s
 * @returns {string}
 */
export function saveLabel(s) {
  if (s.state === 'saved') return 'Saved';
  if (s.state === 'saving') return 'Saving…';
  if (s.state === 'conflict') return 'Not saved — someone else saved';
  // Go's storage errors already start "Not saved:"; say it once.
  const reason = String(s.error || '').replace(/^(not saved|could not save):\s*/i, '').trim();
  return reason ? `Not saved — retrying (${reason})` : 'Not saved — retrying';
}

/**
 * Creates a saver for one text.
 * @param {SaverOptions} o
 * @returns {{input: (text: string) => void, flush: () => Promise<boolean>, reset: (text: string, version: number) => void, rebase: (text: string, version: number) => Promise<boolean>, hold: (message: string) => void, snapshot: () => SaverSnapshot, dispose: () => void}}
 */
export function createSaver(o) {
  const clock = o.clock || realClock;
  const t = { ...SAVER_TIMING, ...(o.timing || {}) };
  let text = o.text ?? '';
  let savedText = text;
  let version = o.version ?? 0;
  /** @type {{text: string}|null} */
  let inFlight = null;
  let queued = false; // a flush or the max wait asked for a save while one was in flight
  let debounceT = null;
  let maxT = null;
  let retryT = null;
  let retryAt = null;
  let failures = 0;
  let error = '';
  let conflict = false; // Go refused the text: someone saved after its version
  let disposed = false;
  /** @type {((ok: boolean) => void)[]} */
  let waiters = [];

  const dirty = () => text !== savedText;

  const snapshot = () => {
    const busy = conflict || dirty() || !!inFlight;
    /** @type {SaveState} */
    const state = !busy ? 'saved' : conflict ? 'conflict' : failures > 0 ? 'error' : 'saving';
    return { state, error: state === 'error' || state === 'conflict' ? error : '', text, savedText, version, dirty: dirty(), inFlight: !!inFlight, failures, retryAt, conflict };
  };
  const notify = () => {
    if (!disposed) o.onChange?.(snapshot());
  };
  const settle = (ok) => {
    const w = waiters;
    waiters = [];
    for (const fn of w) fn(ok);
  };

  const clearTyping = () => {
    if (debounceT !== null) clock.clearTimeout(debounceT);
    if (maxT !== null) clock.clearTimeout(maxT);
    debounceT = null;
    maxT = null;
  };
  const clearRetry = () => {
    if (retryT !== null) clock.clearTimeout(retryT);
    retryT = null;
    retryAt = null;
  };

  const send = () => {
    clearTyping();
    clearRetry();
    queued = false;
    const body = text;
    inFlight = { text: body };
    notify();
    Promise.resolve()
      .then(() => o.save(body, version))
      .then((res) => {
        const v = typeof res === 'number' ? res : res && typeof res.version === 'number' ? res.version : null;
        inFlight = null;
        if (v !== null) version = Math.max(version, v);
        savedText = body;
        failures = 0;
        error = '';
        if (!dirty()) {
          o.mirror?.clear();
          clearTyping();
          notify();
          settle(true);
          return;
        }
        // Newer text was typed while this one was out.
        if (queued || debounceT === null || waiters.length) send();
        else notify();
      }, (err) => {
        inFlight = null;
        queued = false;
        if (disposed) {
          settle(false);
          return;
        }
        if (isConflict(err)) {
          enterConflict(err.message);
          o.onConflict?.(snapshot(), err);
          settle(false);
          return;
        }
        failures += 1;
        error = (err && err.message) || String(err || 'unknown error');
        clearTyping();
        const wait = backoffDelay(failures, t.retryBaseMs, t.retryMaxMs);
        retryAt = clock.now() + wait;
        retryT = clock.setTimeout(() => {
          retryT = null;
          retryAt = null;
          if (dirty()) send();
          else {
            failures = 0;
            error = '';
            notify();
          }
        }, wait);
        notify();
        settle(false);
      });
  };

  // Stops saving: Go has another text than the one this was typed on.
  const enterConflict = (message) => {
    clearTyping();
    clearRetry();
    conflict = true;
    queued = false;
    failures = 0;
    error = String(message || 'Someone else saved this note.');
    o.mirror?.write(text);
    notify();
  };

  // Sends now, or as soon as the save in flight has answered.
  const fire = () => {
    clearTyping();
    if (inFlight) {
      queued = true;
      return;
    }
    if (dirty()) send();
    else notify();
  };

  return {
    /** Takes the text as it now is (call on every input event). */
    input(next) {
      if (disposed) return;
      text = String(next ?? '');
      if (conflict) {
        // Not sent until the conflict is resolved; kept locally meanwhile.
        o.mirror?.write(text);
        notify();
        return;
      }
      if (!dirty()) o.mirror?.clear();
      else o.mirror?.write(text);
      if (!dirty() && !inFlight) {
        clearTyping();
        clearRetry();
        failures = 0;
        error = '';
        notify();
        return;
      }
      if (retryT !== null) {
        // Backing off after a failure: the retry sends the newest text.
        notify();
        return;
      }
      if (debounceT !== null) clock.clearTimeout(debounceT);
      debounceT = clock.setTimeout(() => {
        debounceT = null;
        fire();
      }, t.debounceMs);
      if (maxT === null) {
        maxT = clock.setTimeout(() => {
          maxT = null;
          fire();
        }, t.maxWaitMs);
      }
      notify();
    },

    /** Sends pending text now; resolves true once Go has it, false if that attempt failed. */
    flush() {
      if (conflict) return Promise.resolve(false);
      if (disposed) return Promise.resolve(!dirty() && !inFlight);
      if (!dirty() && !inFlight) return Promise.resolve(true);
      const p = new Promise((resolve) => waiters.push(resolve));
      if (inFlight) queued = true;
      else send();
      return p;
    },

    /** Takes a text Go already has (a restored revision), dropping anything pending. */
    reset(body, v) {
      clearTyping();
      clearRetry();
      text = String(body ?? '');
      savedText = text;
      version = typeof v === 'number' ? v : version;
      failures = 0;
      error = '';
      queued = false;
      conflict = false;
      o.mirror?.clear();
      notify();
      if (!inFlight) settle(true);
    },

    /**
     * Ends a conflict keeping this text: Go has `body` at version `v` (the
     * other text), and the text on screen is saved over it from that version.
     * Resolves like flush(); a further conflict calls onConflict again.
     */
    rebase(body, v) {
      if (disposed) return Promise.resolve(false);
      clearTyping();
      clearRetry();
      conflict = false;
      failures = 0;
      error = '';
      savedText = String(body ?? '');
      version = typeof v === 'number' ? v : version;
      if (!dirty() && !inFlight) {
        o.mirror?.clear();
        notify();
        settle(true);
        return Promise.resolve(true);
      }
      const p = new Promise((resolve) => waiters.push(resolve));
      if (inFlight) queued = true;
      else send();
      return p;
    },

    /** Holds the text unsent as in a conflict (one recovered after a reload), until rebase() or reset(). */
    hold(message) {
      if (!disposed) enterConflict(message);
    },

    snapshot,

    /** Stops the timers; call flush() first. */
    dispose() {
      clearTyping();
      clearRetry();
      disposed = true;
    },
  };
}
