// The pages behind a virtualized list: which pages to ask Go for, how to ask
// (by cursor when the page before is loaded, as when scrolling on; by offset
// when the user jumps), a bounded cache of what came back, and sequence
// numbers so a reply that arrives after the question changed is dropped.
// Pure: the fetch is passed in, so `node --test` drives it.

import { pagesFor } from './vlist.js';

/** Rows per page, as the Go lists page them. */
export const PAGE_SIZE = 50;

/**
 * How a page is asked for: by offset, or after the cursor the previous page ended with.
 * @typedef {{offset: number, limit: number} | {after: string, limit: number}} PageRequest
 */

/**
 * A page as the view hands it over: its rows, the total the question
 * matches, the cursor of the page after it ("" at the end), and anything
 * else the service said (kept as `latest`).
 * @typedef {{rows: any[], total: number, next: string} & Record<string, any>} PageReply
 */

/**
 * @typedef {Object} PagerOptions
 * @property {(req: PageRequest) => Promise<PageReply>} fetch asks Go for one page
 * @property {number} [pageSize] rows per page (PAGE_SIZE)
 * @property {number} [maxPages] pages kept at most (8)
 * @property {number} [maxInflight] requests out at once at most (3)
 * @property {number} [margin] rows beyond the wanted ones to load ahead (half a page)
 * @property {number} [retryMs] how long a page that failed is left alone (1000)
 * @property {() => number} [now] the clock, for the retry wait
 * @property {() => void} [onChange] told when a page came in
 * @property {(err: any) => void} [onError] told when a page could not be loaded
 */

/**
 * @typedef {Object} Pager
 * @property {() => Promise<PageReply|null>} start forgets everything and loads the first page; null when a newer start overtook it
 * @property {(start: number, end: number) => void} want the rows the view shows now (end exclusive): loads the pages they need
 * @property {(index: number) => any} row the row at an index, or undefined while its page is not loaded
 * @property {number} total the total of the newest reply
 * @property {PageReply|null} latest the newest reply
 * @property {number} held pages in the cache
 * @property {number} inflight requests out
 */

/**
 * Makes a pager.
 * @param {PagerOptions} o
 * @returns {Pager}
 */
export function createPager(o) {
  const pageSize = o.pageSize || PAGE_SIZE;
  const maxPages = Math.max(1, o.maxPages || 8);
  const maxInflight = Math.max(1, o.maxInflight || 3);
  const margin = o.margin ?? Math.floor(pageSize / 2);
  const retryMs = o.retryMs ?? 1000;
  const now = o.now || (() => Date.now());

  let gen = 0; // bumped by start(): replies to an older question are dropped
  let seq = 0; // numbers every request; the newest reply sets the total
  /** @type {Map<number, {rows: any[], next: string, seq: number}>} */
  const pages = new Map();
  /** @type {Map<number, number>} page -> the seq of its request */
  const out = new Map();
  /** @type {Map<number, number>} page -> when its request failed */
  const failed = new Map();
  let total = 0;
  let totalSeq = 0;
  /** @type {PageReply|null} */
  let latest = null;
  let wanted = { start: 0, end: 0 };

  /** @param {number} k @returns {PageRequest} */
  const requestFor = (k) => {
    const before = pages.get(k - 1);
    return before && before.next ? { after: before.next, limit: pageSize } : { offset: k * pageSize, limit: pageSize };
  };

  /** How far a page's rows lie from the wanted ones, in rows. */
  const distance = (k) => {
    const first = k * pageSize;
    const last = first + pageSize;
    if (last <= wanted.start) return wanted.start - last + 1;
    if (first >= wanted.end) return first - wanted.end + 1;
    return 0;
  };

  const evict = () => {
    while (pages.size > maxPages) {
      let worst = -1;
      for (const k of pages.keys()) if (worst < 0 || distance(k) > distance(worst)) worst = k;
      pages.delete(worst);
    }
  };

  /**
   * @param {number} k
   * @returns {Promise<PageReply|null>}
   */
  const load = (k) => {
    const mine = ++seq;
    const myGen = gen;
    out.set(k, mine);
    const settle = () => {
      if (myGen === gen && out.get(k) === mine) out.delete(k);
    };
    return Promise.resolve()
      .then(() => o.fetch(requestFor(k)))
      .then((reply) => {
        settle();
        if (myGen !== gen) return null; // the question changed meanwhile
        const have = pages.get(k);
        if (have && have.seq > mine) return null; // a newer copy came first
        failed.delete(k);
        if (mine > totalSeq) {
          total = Math.max(0, Number(reply.total) || 0);
          totalSeq = mine;
          latest = reply;
        }
        pages.set(k, { rows: reply.rows || [], next: reply.next || '', seq: mine });
        evict();
        o.onChange?.();
        return reply;
      }, (err) => {
        settle();
        if (myGen === gen) failed.set(k, now());
        throw err;
      });
  };

  const want = (start, end) => {
    wanted = { start, end };
    const pageCount = Math.ceil(total / pageSize);
    const shown = pagesFor(start, end, pageSize);
    const ahead = pagesFor(start - margin, end + margin, pageSize).filter((k) => !shown.includes(k));
    for (const k of [...shown, ...ahead]) {
      if (out.size >= maxInflight) break;
      if (k >= pageCount || pages.has(k) || out.has(k)) continue;
      if (failed.has(k) && now() - failed.get(k) < retryMs) continue;
      load(k).catch((err) => o.onError?.(err));
    }
  };

  return {
    start() {
      gen += 1;
      pages.clear();
      out.clear();
      failed.clear();
      total = 0;
      totalSeq = 0;
      latest = null;
      wanted = { start: 0, end: 0 };
      return load(0);
    },
    want,
    row: (index) => pages.get(Math.floor(index / pageSize))?.rows[index % pageSize],
    get total() { return total; },
    get latest() { return latest; },
    get held() { return pages.size; },
    get inflight() { return out.size; },
  };
}
