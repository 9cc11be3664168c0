/**
 * A fake clock for the tests: its timers run only when the test advances
 * time, in the order they fall due (ties in the order they were set).
 * @returns {{now: () => number, setTimeout: (fn: () => void, ms: number) => number, clearTimeout: (id: number) => void,
 *   pending: () => number, delays: () => number[], tick: () => Promise<void>, advance: (ms: number) => Promise<void>}}
 */
export function fakeClock() {
  let now = 0;
  let seq = 0;
  const timers = new Map();
  const tick = () => new Promise((r) => setImmediate(r));
  return {
    now: () => now,
    setTimeout(fn, ms) {
      seq += 1;
      timers.set(seq, { at: now + ms, fn, seq });
      return seq;
    },
    clearTimeout(id) {
      timers.delete(id);
    },
    /** How many timers are set. */
    pending: () => timers.size,
    /** How long until each timer falls due, in the order they were set. */
    delays: () => [...timers.values()].map((x) => x.at - now),
    tick,
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        await tick();
        let next = null;
        for (const [id, x] of timers) if (x.at <= end && (!next || x.at < next.at || (x.at === next.at && x.seq < next.seq))) next = { id, ...x };
        if (!next) break;
        timers.delete(next.id);
        now = next.at;
        next.fn();
      }
      now = end;
      await tick();
    },
  };
}
