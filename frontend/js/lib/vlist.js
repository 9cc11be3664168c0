// The arithmetic of a virtualized list of fixed-height rows: which rows a
// viewport shows, which pages of rows they fall in, where to scroll to bring
// a row into view, and where the arrow, Home, End and Page keys move to.
// Pure functions: the DOM part is views/vlist.js.

/**
 * The rows to render: those the viewport shows plus `overscan` rows on each
 * side, clamped to the list.
 * @param {{top: number, height: number, rowHeight: number, count: number, overscan?: number}} o
 *   top: the viewport's top, in pixels from the first row's top (negative
 *   while the list starts below the viewport's top); height: the viewport's height
 * @returns {{start: number, end: number}} row indexes, end exclusive
 */
export function visibleRange(o) {
  const count = Math.max(0, Math.floor(o.count));
  if (!count || !(o.rowHeight > 0)) return { start: 0, end: 0 };
  const over = Math.max(0, Math.floor(o.overscan || 0));
  const first = Math.floor(Math.max(0, o.top) / o.rowHeight);
  const last = Math.ceil(Math.max(0, o.top + Math.max(0, o.height)) / o.rowHeight);
  const start = clamp(first - over, 0, count);
  return { start, end: clamp(last + over, start, count) };
}

/**
 * The pages (of pageSize rows, page k holding rows k*pageSize ..) that hold
 * the rows start..end-1, first to last.
 * @param {number} start
 * @param {number} end exclusive
 * @param {number} pageSize
 * @returns {number[]}
 */
export function pagesFor(start, end, pageSize) {
  if (end <= start || pageSize <= 0) return [];
  const out = [];
  for (let k = Math.floor(Math.max(0, start) / pageSize); k <= Math.floor((end - 1) / pageSize); k++) out.push(k);
  return out;
}

/**
 * Where to scroll so that a row is wholly in view, or null when it already is.
 * @param {{index: number, rowHeight: number, listTop: number, scrollTop: number, height: number}} o
 *   listTop: the first row's top in the scroller's content; scrollTop and
 *   height: the scroller's
 * @returns {number|null} the new scrollTop
 */
export function scrollToShow(o) {
  const top = o.listTop + o.index * o.rowHeight;
  if (top < o.scrollTop) return Math.max(0, top);
  if (top + o.rowHeight > o.scrollTop + o.height) return top + o.rowHeight - o.height;
  return null;
}

/**
 * Where a key moves the focus in a list of count rows: Up and Down one row,
 * Page Up and Page Down a viewport's worth, Home and End to the ends.
 * @param {string} key KeyboardEvent.key
 * @param {number} index the focused row
 * @param {number} count
 * @param {number} pageRows rows a viewport shows
 * @returns {number|null} the row to focus, or null for a key the list leaves alone
 */
export function keyTarget(key, index, count, pageRows) {
  if (count <= 0) return null;
  const step = Math.max(1, Math.floor(pageRows) - 1);
  const to = {
    ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + step, PageUp: index - step, Home: 0, End: count - 1,
  }[key];
  return to === undefined ? null : clamp(to, 0, count - 1);
}

/**
 * @param {number} n @param {number} lo @param {number} hi
 * @returns {number}
 */
function clamp(n, lo, hi) {
  return Math.min(hi, Math.max(lo, n));
}
