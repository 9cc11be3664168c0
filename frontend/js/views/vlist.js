// A virtualized list of fixed-height rows: a spacer as tall as every row
// together, and in it only the rows in view plus a few either side, fetched
// page by page through a pager (lib/pager.js). Rows stay links in a list that
// tells a screen reader its size (aria-setsize, aria-posinset); Up and Down
// move between rows, Page Up and Page Down by a screenful, Home and End to
// the first and last row, and Enter opens one, as links do.

import { h, setStyle } from '../lib/dom.js';
import { visibleRange, scrollToShow, keyTarget } from '../lib/vlist.js';

/**
 * @typedef {Object} VirtualListOptions
 * @property {string} label the list's accessible name
 * @property {string} [testid]
 * @property {number} rowHeight each row's height in pixels (CSS reads it as --vlist-row-h)
 * @property {HTMLElement} scroller the element that scrolls the list (the page's content)
 * @property {import('../lib/pager.js').Pager} pager where the rows come from
 * @property {() => number} count how many rows the list has
 * @property {(item: any) => string} key a row's identity, e.g. its id
 * @property {(item: any, index: number) => HTMLElement} renderRow the row's link
 * @property {HTMLElement|null} [head] a header row above the rows
 * @property {HTMLElement|null} [foot] a line below the rows
 * @property {number} [overscan] rows rendered beyond the viewport on each side (6)
 */

/**
 * @typedef {Object} VirtualList
 * @property {HTMLElement} el
 * @property {() => void} update renders what the viewport shows now, and asks for missing pages
 * @property {() => void} schedule updates at the next frame (once, however often it is called)
 * @property {() => void} reset the rows changed (a new question): rebuild them, back at the top
 * @property {(index: number) => void} focusRow scrolls a row into view and focuses it
 * @property {() => void} dispose stops listening to the scroller
 */

/**
 * Builds a virtualized list; put `el` in the page, then call update().
 * @param {VirtualListOptions} o
 * @returns {VirtualList}
 */
export function virtualList(o) {
  const rh = o.rowHeight;
  const overscan = o.overscan ?? 6;
  const rows = h('ul', { class: 'vlist-rows', role: 'list', 'aria-label': o.label, tabindex: '-1' });
  const spacer = h('div', { class: 'vlist-spacer' }, rows);
  const el = h('div', { class: 'list-card vlist', testid: o.testid }, o.head || null, spacer, o.foot || null);
  setStyle(el, { '--vlist-row-h': `${rh}px` });

  let generation = 0; // a reset rebuilds every row, even one with the same key
  let height = -1;
  let shift = 0; // the first rendered row, which the rows' block is moved down to
  let lastIndex = 0; // the row that last had focus
  let pageRows = 10;
  let frame = 0;

  /** Where the viewport is, relative to the first row's top; and the first row's top in the scroller. */
  const measure = () => {
    const box = spacer.getBoundingClientRect();
    const view = o.scroller.getBoundingClientRect();
    const viewTop = view.top + o.scroller.clientTop;
    return { top: viewTop - box.top, listTop: box.top - viewTop + o.scroller.scrollTop, height: o.scroller.clientHeight };
  };

  /** The row Enter was pressed on while it was a placeholder, or -1. */
  let pendingOpen = -1;

  /** Opens a row as Enter on its link would. @param {Element} li */
  const open = (li) => {
    pendingOpen = -1;
    /** @type {HTMLElement|null} */ (li.querySelector('a[href]'))?.click();
  };

  /** @param {Element|null} li */
  const focusIn = (li) => {
    const target = /** @type {HTMLElement|null} */ (li && li.querySelector('a[href], [tabindex]'));
    target?.focus({ preventScroll: true });
  };

  /**
   * One row: the item's link, or a placeholder while its page loads.
   * @param {number} index
   * @param {any} item
   * @param {number} count
   */
  const rowAt = (index, item, count) => {
    const inner = item !== undefined
      ? o.renderRow(item, index)
      : h('div', { class: 'vlist-placeholder', tabindex: '-1', 'aria-busy': 'true', testid: 'vlist-placeholder' },
        h('span', { class: 'skeleton' }), h('span', { class: 'visually-hidden' }, 'Loading…'));
    const li = h('li', { class: 'vlist-row', 'aria-setsize': count, 'aria-posinset': index + 1, 'data-index': index }, inner);
    li.dataset.key = item !== undefined ? `${generation}:${o.key(item)}` : '';
    return li;
  };

  /**
   * Makes the rendered rows exactly start..end-1, touching only rows that
   * change, so the focused row keeps its focus while it stays in view.
   * @param {number} start @param {number} end @param {number} count
   */
  const paint = (start, end, count) => {
    const active = document.activeElement;
    for (const li of [...rows.children]) {
      const i = Number(/** @type {HTMLElement} */ (li).dataset.index);
      if (i >= start && i < end) continue;
      if (li.contains(active)) rows.focus({ preventScroll: true }); // keep the keyboard in the list
      li.remove();
    }
    let at = /** @type {HTMLElement|null} */ (rows.firstElementChild);
    for (let i = start; i < end; i++) {
      const item = o.pager.row(i);
      const key = item !== undefined ? `${generation}:${o.key(item)}` : '';
      if (at && Number(at.dataset.index) === i) {
        if (at.dataset.key !== key) {
          const fresh = rowAt(i, item, count);
          const had = at.contains(document.activeElement);
          at.replaceWith(fresh);
          if (had) focusIn(fresh);
          if (had && item !== undefined && pendingOpen === i) open(fresh);
          at = fresh;
        } else if (at.getAttribute('aria-setsize') !== String(count)) {
          at.setAttribute('aria-setsize', String(count));
        }
        at = /** @type {HTMLElement|null} */ (at.nextElementSibling);
      } else {
        rows.insertBefore(rowAt(i, item, count), at);
      }
    }
    if (start !== shift) setStyle(rows, { transform: `translateY(${start * rh}px)` });
    shift = start;
  };

  const update = () => {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    if (!el.isConnected) return;
    const count = Math.max(0, o.count());
    if (count * rh !== height) {
      height = count * rh;
      setStyle(spacer, { height: `${height}px` });
    }
    const m = measure();
    pageRows = Math.max(1, Math.floor(m.height / rh));
    const r = visibleRange({ top: m.top, height: m.height, rowHeight: rh, count, overscan });
    o.pager.want(r.start, r.end);
    paint(r.start, r.end, count);
  };

  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(update);
  };

  const focusRow = (index) => {
    const count = o.count();
    if (!count) return;
    const i = Math.min(count - 1, Math.max(0, index));
    const m = measure();
    const to = i === 0 ? 0 : scrollToShow({ index: i, rowHeight: rh, listTop: m.listTop, scrollTop: o.scroller.scrollTop, height: m.height });
    if (to !== null) o.scroller.scrollTop = to;
    update();
    lastIndex = i;
    focusIn(rows.querySelector(`[data-index="${i}"]`));
  };

  rows.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.isComposing) return;
    const li = e.target instanceof Element ? e.target.closest('.vlist-row') : null;
    pendingOpen = -1;
    if (e.key === 'Enter' && li && li.querySelector('.vlist-placeholder')) {
      // Enter on a row whose page is still loading (End, then Enter at once):
      // open it when it arrives, as the key asked.
      e.preventDefault();
      pendingOpen = Number(/** @type {HTMLElement} */ (li).dataset.index);
      return;
    }
    const to = keyTarget(e.key, li ? Number(/** @type {HTMLElement} */ (li).dataset.index) : lastIndex, o.count(), pageRows);
    if (to === null) return;
    e.preventDefault();
    focusRow(to);
  });
  rows.addEventListener('focusin', (e) => {
    const li = e.target instanceof Element ? e.target.closest('.vlist-row') : null;
    if (li) lastIndex = Number(/** @type {HTMLElement} */ (li).dataset.index);
  });
  o.scroller.addEventListener('scroll', schedule, { passive: true });
  const resized = new ResizeObserver(schedule);
  resized.observe(o.scroller);

  return {
    el,
    update,
    schedule,
    reset() {
      generation += 1;
      lastIndex = 0;
      if (el.isConnected && measure().top > 0) o.scroller.scrollTop = 0;
      update();
    },
    focusRow,
    dispose() {
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      o.scroller.removeEventListener('scroll', schedule);
      resized.disconnect();
    },
  };
}
