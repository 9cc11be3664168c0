// Whether the program database answers. A call that fails with code
// "unavailable" (the PostgreSQL server down, restarting, or the connection
// lost) marks it lost; while lost it asks Go's ping with backoff (1 s, 2 s,
// 4 s… 15 s), and a ping that succeeds marks it back. A call that succeeds
// meanwhile pings at once, since it may not have touched the database.
// Pure: the ping and the clock are passed in, so `node --test` drives it.
// On SQLite no call fails "unavailable", so it is never lost there.

import { backoffDelay } from './saver.js';

/** Timing defaults, in milliseconds: the backoff, and the least time between pings a success asks for. */
export const CONNECTION_TIMING = { retryBaseMs: 1000, retryMaxMs: 15000, minGapMs: 1000 };

/**
 * @typedef {{lost: boolean, attempts: number, retryAt: number|null}} ConnectionSnapshot
 * @typedef {import('./saver.js').Clock} Clock
 * @typedef {Object} ConnectionOptions
 * @property {() => Promise<any>} ping asks Go whether the database answers; resolves when it does
 * @property {Clock} [clock] defaults to the real timers
 * @property {Partial<typeof CONNECTION_TIMING>} [timing]
 */

const realClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id),
};

/**
 * Creates the connection watch.
 * @param {ConnectionOptions} o
 * @returns {{report: (outcome: {ok: boolean, code?: string}) => void, snapshot: () => ConnectionSnapshot, subscribe: (fn: (s: ConnectionSnapshot) => void) => () => void, dispose: () => void}}
 */
export function createConnection(o) {
  const clock = o.clock || realClock;
  const t = { ...CONNECTION_TIMING, ...(o.timing || {}) };
  let lost = false;
  let attempts = 0; // pings that failed since the connection was lost
  let timer = null;
  let retryAt = null;
  let pinging = false;
  let lastPingAt = -Infinity;
  /** @type {Set<(s: ConnectionSnapshot) => void>} */
  const listeners = new Set();

  const snapshot = () => ({ lost, attempts, retryAt });
  const notify = () => {
    const s = snapshot();
    for (const fn of [...listeners]) fn(s);
  };
  const clearTimer = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    retryAt = null;
  };
  const schedule = () => {
    clearTimer();
    const wait = backoffDelay(attempts + 1, t.retryBaseMs, t.retryMaxMs);
    retryAt = clock.now() + wait;
    timer = clock.setTimeout(() => {
      timer = null;
      retryAt = null;
      ping();
    }, wait);
  };
  const restore = () => {
    if (!lost) return;
    lost = false;
    attempts = 0;
    clearTimer();
    notify();
  };
  const ping = () => {
    if (!lost || pinging) return;
    pinging = true;
    lastPingAt = clock.now();
    Promise.resolve()
      .then(() => o.ping())
      .then(() => {
        pinging = false;
        restore();
      }, () => {
        pinging = false;
        if (!lost) return;
        attempts += 1;
        schedule();
        notify();
      });
  };

  return {
    /**
     * Tells the outcome of a call: a failure with code "unavailable" marks
     * the connection lost; a success while lost asks for a ping now.
     */
    report(outcome) {
      if (!outcome.ok) {
        if (outcome.code !== 'unavailable' || lost) return;
        lost = true;
        attempts = 0;
        schedule();
        notify();
        return;
      }
      if (lost && !pinging && clock.now() - lastPingAt >= t.minGapMs) {
        clearTimer();
        ping();
      }
    },
    snapshot,
    /** Listens to every change (lost, a failed ping, back); returns the unsubscribe. */
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    /** Stops the timer. */
    dispose() {
      clearTimer();
      listeners.clear();
    },
  };
}
