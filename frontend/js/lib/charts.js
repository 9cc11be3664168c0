// Charts drawn as inline SVG with DOM APIs, no library. Pure functions
// compute the geometry (test/charts.test.js); the builders draw it and add
// its text alternative: the SVG is role="img" with an aria-label that says
// what it shows, and the same numbers sit in a table a disclosure opens.
// Text enters as text (textContent), never as markup.

import { h } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';

/** A chart's width in SVG units; it scales to its box. */
export const CHART_WIDTH = 560;

/**
 * A linear scale from a domain to a range.
 * @param {number} d0 @param {number} d1 @param {number} r0 @param {number} r1
 * @returns {(v: number) => number}
 */
export function scale(d0, d1, r0, r1) {
  return (v) => (d1 === d0 ? r0 : r0 + ((v - d0) * (r1 - r0)) / (d1 - d0));
}

/**
 * The smallest round number (1, 2 or 5 times a power of ten) at or above
 * max; 1 for nothing, so an all-zero chart still has an axis.
 * @param {number} max
 * @returns {number}
 */
export function niceMax(max) {
  if (!(max > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * p >= max - 1e-9) return m * p;
  return 10 * p;
}

/**
 * Whole-number ticks from 0 to a niceMax at a round step, at most count + 1 of them.
 * @param {number} max a niceMax
 * @param {number} [count]
 * @returns {number[]}
 */
export function countTicks(max, count = 4) {
  const step = Math.max(1, niceMax(max / count));
  const out = [];
  for (let v = 0; v <= max; v += step) out.push(v);
  return out;
}

/**
 * A number with one decimal, rounded half away from zero (as Go's
 * math.Round): 3.25 -> "3.3"; 0 -> "–" when zeroIsNone.
 * @param {number} v
 * @param {boolean} [zeroIsNone]
 * @returns {string}
 */
export function oneDecimal(v, zeroIsNone = false) {
  if (zeroIsNone && !v) return '–';
  return (Math.round(v * 10) / 10).toFixed(1);
}

/**
 * A label cut to fit a column, with an ellipsis.
 * @param {string} label
 * @param {number} max characters
 * @returns {string}
 */
export function clip(label, max) {
  const chars = [...String(label)];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, Math.max(1, max - 1)).join('').trimEnd()}…`;
}

/**
 * Horizontal bars, one row a value, from 0 to a round maximum.
 * @param {{label: string, value: number}[]} rows
 * @param {{width?: number, rowHeight?: number, labelWidth?: number}} [o]
 * @returns {{width: number, height: number, max: number, plot: {x0: number, x1: number}, bars: {label: string, value: number, x: number, y: number, w: number, h: number, textX: number, textY: number}[], ticks: {value: number, x: number}[]}}
 */
export function barGeometry(rows, o = {}) {
  const width = o.width ?? CHART_WIDTH;
  const rowHeight = o.rowHeight ?? 28;
  const labelWidth = o.labelWidth ?? 120;
  const m = { top: 8, bottom: 24, right: 40 };
  const max = niceMax(Math.max(0, ...rows.map((r) => r.value)));
  const x = scale(0, max, labelWidth, width - m.right);
  const barH = Math.round(rowHeight * 0.64);
  const bars = rows.map((r, i) => {
    const y = m.top + i * rowHeight + (rowHeight - barH) / 2;
    const w = x(r.value) - labelWidth;
    return { label: r.label, value: r.value, x: labelWidth, y, w, h: barH, textX: labelWidth + w + 6, textY: y + barH / 2 };
  });
  const height = m.top + rows.length * rowHeight + m.bottom;
  return { width, height, max, plot: { x0: labelWidth, x1: width - m.right }, bars, ticks: countTicks(max).map((v) => ({ value: v, x: x(v) })) };
}

/**
 * Before/after dots per row on a fixed scale (1-5), joined by a line; a
 * missing side (0) has no dot and no line.
 * @param {{label: string, before: number, after: number}[]} rows
 * @param {{width?: number, rowHeight?: number, labelWidth?: number, min?: number, max?: number}} [o]
 * @returns {{width: number, height: number, plot: {x0: number, x1: number}, rows: {label: string, y: number, before: number|null, after: number|null, x1: number|null, x2: number|null, shift: 'up'|'down'|'same'|''}[], ticks: {value: number, x: number}[]}}
 */
export function dumbbellGeometry(rows, o = {}) {
  const width = o.width ?? CHART_WIDTH;
  const rowHeight = o.rowHeight ?? 28;
  const labelWidth = o.labelWidth ?? 180;
  const min = o.min ?? 1;
  const max = o.max ?? 5;
  const m = { top: 10, bottom: 24, right: 24 };
  const x = scale(min, max, labelWidth + 12, width - m.right);
  const out = rows.map((r, i) => {
    const b = r.before > 0 ? x(r.before) : null;
    const a = r.after > 0 ? x(r.after) : null;
    const shift = b === null || a === null ? '' : r.after > r.before ? 'up' : r.after < r.before ? 'down' : 'same';
    return { label: r.label, y: m.top + i * rowHeight + rowHeight / 2, before: b, after: a, x1: b, x2: a, shift };
  });
  const ticks = [];
  for (let v = min; v <= max; v += 1) ticks.push({ value: v, x: x(v) });
  return { width, height: m.top + rows.length * rowHeight + m.bottom, plot: { x0: labelWidth + 12, x1: width - m.right }, rows: out, ticks };
}

/**
 * A line through points on a fixed scale (1-5), left to right in order; a
 * point with no value (0) is a gap: the line stops and starts again.
 * @param {{label: string, value: number}[]} points
 * @param {{width?: number, height?: number, min?: number, max?: number}} [o]
 * @returns {{width: number, height: number, plot: {x0: number, x1: number, y0: number, y1: number}, points: {label: string, value: number, x: number, y: number|null}[], path: string, ticks: {value: number, y: number}[]}}
 */
export function lineGeometry(points, o = {}) {
  const width = o.width ?? CHART_WIDTH;
  const height = o.height ?? 180;
  const min = o.min ?? 1;
  const max = o.max ?? 5;
  const m = { top: 12, bottom: 28, left: 32, right: 16 };
  const n = points.length;
  const x = (i) => (n <= 1 ? (m.left + width - m.right) / 2 : scale(0, n - 1, m.left + 8, width - m.right - 8)(i));
  const y = scale(min, max, height - m.bottom, m.top);
  const out = points.map((p, i) => ({ label: p.label, value: p.value, x: round(x(i)), y: p.value > 0 ? round(y(p.value)) : null }));
  let path = '';
  let pen = false;
  for (const p of out) {
    if (p.y === null) {
      pen = false;
      continue;
    }
    path += `${path ? ' ' : ''}${pen ? 'L' : 'M'}${p.x} ${p.y}`;
    pen = true;
  }
  const ticks = [];
  for (let v = min; v <= max; v += 1) ticks.push({ value: v, y: round(y(v)) });
  return { width, height, plot: { x0: m.left, x1: width - m.right, y0: m.top, y1: height - m.bottom }, points: out, path, ticks };
}

/** @param {number} v @returns {number} v to two decimals, for short paths */
function round(v) {
  return Math.round(v * 100) / 100;
}

/**
 * How dark a heat-grid cell is: 0 for none, else 1-4 by its share of the
 * largest count.
 * @param {number} n
 * @param {number} max
 * @returns {0|1|2|3|4}
 */
export function heatLevel(n, max) {
  if (!(n > 0) || !(max > 0)) return 0;
  return /** @type {1|2|3|4} */ (Math.min(4, Math.max(1, Math.ceil((n / max) * 4))));
}

/**
 * The members-by-items grid of topics covered: every member listed (those
 * with nothing covered too, then anyone the coverage names who is not),
 * every item of the circle's frameworks, counts of sessions.
 * @param {{personId: number, name: string, frameworkItemId: number, sessions: number}[]} coverage
 * @param {{personId: number, name: string}[]} members
 * @param {{id: number, name: string}[]} items
 * @returns {{items: {id: number, name: string}[], rows: {personId: number, name: string, cells: number[], total: number}[], max: number}}
 */
export function coverageGrid(coverage, members, items) {
  const at = new Map(items.map((it, i) => [it.id, i]));
  /** @type {Map<number, {personId: number, name: string, cells: number[], total: number}>} */
  const rows = new Map();
  const row = (personId, name) => {
    if (!rows.has(personId)) rows.set(personId, { personId, name, cells: items.map(() => 0), total: 0 });
    return rows.get(personId);
  };
  for (const m of members) row(m.personId, m.name);
  let max = 0;
  for (const c of coverage) {
    const i = at.get(c.frameworkItemId);
    if (i === undefined) continue;
    const r = row(c.personId, c.name);
    r.cells[i] += c.sessions;
    r.total += c.sessions;
    max = Math.max(max, r.cells[i]);
  }
  return { items, rows: [...rows.values()], max };
}

// ---- drawing (DOM) ----

/**
 * An SVG element: attributes set as attributes, children appended (strings as text).
 * @param {string} tag
 * @param {Record<string, string|number|null|undefined>} [attrs]
 * @param {...(Node|string|null|undefined|false)} children
 * @returns {SVGElement}
 */
export function svg(tag, attrs = {}, ...children) {
  const el = /** @type {SVGElement} */ (document.createElementNS(NS, tag));
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/**
 * The table that says what a chart draws.
 * @param {{caption: string, head: string[], rows: (string|number)[][], testid: string}} t
 * @returns {HTMLElement}
 */
export function dataTable(t) {
  return h('table', { class: 'data-table', testid: `${t.testid}-table` },
    h('caption', null, t.caption),
    h('thead', null, h('tr', null, t.head.map((c, i) => h('th', { scope: 'col', class: i ? 'num' : null }, c)))),
    h('tbody', null, t.rows.map((r) => h('tr', { testid: `${t.testid}-row` },
      r.map((c, i) => (i ? h('td', { class: 'num' }, String(c)) : h('th', { scope: 'row' }, String(c))))))));
}

/**
 * A chart with its text alternative: the SVG (role="img", aria-label) and,
 * under a "Show the numbers" disclosure, the same data as a table.
 * @param {{testid: string, label: string, chart: SVGElement, table: {caption: string, head: string[], rows: (string|number)[][]}, legend?: Node|null}} o
 * @returns {HTMLElement}
 */
export function chartFigure(o) {
  o.chart.setAttribute('role', 'img');
  o.chart.setAttribute('aria-label', o.label);
  o.chart.setAttribute('data-testid', `${o.testid}-svg`);
  o.chart.setAttribute('class', 'chart-svg');
  o.chart.setAttribute('focusable', 'false');
  return h('figure', { class: 'chart', testid: o.testid },
    o.chart,
    o.legend || null,
    h('details', { class: 'chart-data' },
      h('summary', { testid: `${o.testid}-show-table` }, 'Show the numbers'),
      dataTable({ ...o.table, testid: o.testid })));
}

/**
 * Horizontal bars with their values.
 * @param {{label: string, value: number, key?: string}[]} rows key: a class suffix for the bar's colour
 * @param {{testid: string, label: string, caption: string, head: [string, string], width?: number}} o
 * @returns {HTMLElement}
 */
export function barChart(rows, o) {
  const g = barGeometry(rows, { width: o.width });
  const chart = svg('svg', { viewBox: `0 0 ${g.width} ${g.height}`, width: g.width, height: g.height, preserveAspectRatio: 'xMinYMin meet' },
    ...g.ticks.map((t) => svg('line', { class: 'chart-grid', x1: t.x, x2: t.x, y1: 4, y2: g.height - 20 })),
    ...g.ticks.map((t) => svg('text', { class: 'chart-tick', x: t.x, y: g.height - 6, 'text-anchor': 'middle' }, String(t.value))),
    ...g.bars.map((b, i) => svg('g', { class: `chart-bar chart-bar-${rows[i].key || 'default'}` },
      svg('text', { class: 'chart-label', x: b.x - 8, y: b.textY, 'text-anchor': 'end', 'dominant-baseline': 'central' }, clip(b.label, 18)),
      svg('rect', { x: b.x, y: b.y, width: Math.max(b.w, b.value ? 2 : 0), height: b.h, rx: 3 }),
      svg('text', { class: 'chart-value', x: b.textX, y: b.textY, 'dominant-baseline': 'central' }, String(b.value)))));
  return chartFigure({ testid: o.testid, label: o.label, chart, table: { caption: o.caption, head: o.head, rows: rows.map((r) => [r.label, r.value]) } });
}

/**
 * Before/after per row: a hollow dot before, a filled dot after, joined.
 * @param {{label: string, before: number, after: number, ratedBefore?: number, ratedAfter?: number}[]} rows
 * @param {{testid: string, label: string, caption: string}} o
 * @returns {HTMLElement}
 */
export function dumbbellChart(rows, o) {
  const g = dumbbellGeometry(rows);
  const chart = svg('svg', { viewBox: `0 0 ${g.width} ${g.height}`, width: g.width, height: g.height, preserveAspectRatio: 'xMinYMin meet' },
    ...g.ticks.map((t) => svg('line', { class: 'chart-grid', x1: t.x, x2: t.x, y1: 4, y2: g.height - 20 })),
    ...g.ticks.map((t) => svg('text', { class: 'chart-tick', x: t.x, y: g.height - 6, 'text-anchor': 'middle' }, String(t.value))),
    ...g.rows.map((r, i) => svg('g', { class: `chart-pair is-${r.shift || 'partial'}` },
      svg('title', {}, `${r.label}: before ${oneDecimal(rows[i].before, true)}, after ${oneDecimal(rows[i].after, true)}`),
      svg('text', { class: 'chart-label', x: g.plot.x0 - 16, y: r.y, 'text-anchor': 'end', 'dominant-baseline': 'central' }, clip(r.label, 26)),
      r.x1 !== null && r.x2 !== null ? svg('line', { class: 'chart-pair-line', x1: r.x1, x2: r.x2, y1: r.y, y2: r.y }) : null,
      r.x1 !== null ? svg('circle', { class: 'chart-dot-before', cx: r.x1, cy: r.y, r: 5 }) : null,
      r.x2 !== null ? svg('circle', { class: 'chart-dot-after', cx: r.x2, cy: r.y, r: 5 }) : null)));
  const legend = h('p', { class: 'chart-legend' },
    h('span', { class: 'chart-key chart-key-before', 'aria-hidden': 'true' }), 'Before', h('span', { class: 'chart-key chart-key-after', 'aria-hidden': 'true' }), 'After');
  return chartFigure({
    testid: o.testid, label: o.label, chart, legend,
    table: { caption: o.caption, head: ['Skill', 'Before', 'After', 'Rated before', 'Rated after'], rows: rows.map((r) => [r.label, oneDecimal(r.before, true), oneDecimal(r.after, true), r.ratedBefore ?? '', r.ratedAfter ?? '']) },
  });
}

/**
 * A line over points on a 1-5 scale, a dot on each.
 * @param {{label: string, value: number, count: number}[]} points
 * @param {{testid: string, label: string, caption: string, head: [string, string, string], width?: number}} o
 * @returns {HTMLElement}
 */
export function lineChart(points, o) {
  const g = lineGeometry(points, { width: o.width });
  const chart = svg('svg', { viewBox: `0 0 ${g.width} ${g.height}`, width: g.width, height: g.height, preserveAspectRatio: 'xMinYMin meet' },
    ...g.ticks.map((t) => svg('line', { class: 'chart-grid', x1: g.plot.x0, x2: g.plot.x1, y1: t.y, y2: t.y })),
    ...g.ticks.map((t) => svg('text', { class: 'chart-tick', x: g.plot.x0 - 8, y: t.y, 'text-anchor': 'end', 'dominant-baseline': 'central' }, String(t.value))),
    ...g.points.map((p) => svg('text', { class: 'chart-tick', x: p.x, y: g.height - 8, 'text-anchor': 'middle' }, clip(p.label, 8))),
    g.path ? svg('path', { class: 'chart-line', d: g.path }) : null,
    ...g.points.filter((p) => p.y !== null).map((p) => svg('circle', { class: 'chart-dot-after', cx: p.x, cy: /** @type {number} */ (p.y), r: 4 },
      svg('title', {}, `${p.label}: ${oneDecimal(p.value)}`))));
  return chartFigure({ testid: o.testid, label: o.label, chart, table: { caption: o.caption, head: o.head, rows: points.map((p) => [p.label, oneDecimal(p.value, true), p.count]) } });
}
