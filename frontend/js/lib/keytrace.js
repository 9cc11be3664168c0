// Key-to-screen timing, for `circlebook --trace-keys`: for each key press,
// how long after the key's own timestamp (the display server's) the page
// started handling it and finished the frame that shows it. The window
// prints what it is sent; the launch benchmark reads it.

/** How often the samples gathered so far are sent, in milliseconds. */
export const TRACE_EVERY_MS = 250;

/**
 * One key's sample: [ms from the key's timestamp to its handler, ms to the
 * end of the frame that shows it].
 * @typedef {[number, number]} KeySample
 */

/**
 * Calls fn once the next frame has been laid out and painted: it waits for
 * the frame, then for one more task, which runs after the painting.
 * @param {() => void} fn
 */
export function afterPaint(fn) {
  requestAnimationFrame(() => {
    const after = new MessageChannel();
    after.port1.onmessage = () => fn();
    after.port2.postMessage(0);
  });
}

/**
 * Starts timing key presses, each to the end of the frame that shows it.
 * @param {(samples: KeySample[]) => void} send gets the samples in batches
 * @param {(e: KeyboardEvent) => boolean} [skip] keys not to time
 * @returns {() => void} stop timing (sends what is left)
 */
export function startKeyTrace(send, skip = () => false) {
  /** @type {KeySample[]} */
  let batch = [];
  const flush = () => {
    if (batch.length) send(batch);
    batch = [];
  };
  const onKey = (/** @type {KeyboardEvent} */ e) => {
    if (skip(e)) return;
    const stamp = e.timeStamp;
    const handled = performance.now() - stamp;
    afterPaint(() => batch.push([handled, performance.now() - stamp]));
  };
  document.addEventListener('keydown', onKey, true);
  const timer = setInterval(flush, TRACE_EVERY_MS);
  return () => {
    document.removeEventListener('keydown', onKey, true);
    clearInterval(timer);
    flush();
  };
}
