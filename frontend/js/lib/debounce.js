// Pacing search-as-you-type: debounce, and one question at a time.

/**
 * Returns a function that runs fn once, `ms` after the last call; .cancel() drops a pending run.
 * @template {any[]} A
 * @param {(...args: A) => void} fn
 * @param {number} ms
 * @returns {((...args: A) => void) & {cancel: () => void}}
 */
export function debounce(fn, ms) {
  let timer = null;
  const run = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn(...args);
    }, ms);
  };
  run.cancel = () => {
    clearTimeout(timer);
    timer = null;
  };
  return run;
}

/**
 * Returns a function that runs fn at once when no run of it is out, and
 * otherwise once more when the run out ends, however many calls came
 * meanwhile: a search box asks with what is typed as soon as the answer
 * before is in, and never queues questions whose answers no one would see.
 * .idle() resolves once no run is out or due.
 * @param {() => Promise<any>} fn
 * @returns {(() => void) & {idle: () => Promise<void>}}
 */
export function oneAtATime(fn) {
  /** @type {Promise<void>|null} */
  let running = null;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = Promise.resolve().then(fn).then(() => {}, () => {}).finally(() => {
      running = null;
      if (again) {
        again = false;
        run();
      }
    });
  };
  run.idle = async () => {
    while (running) await running;
  };
  return run;
}
