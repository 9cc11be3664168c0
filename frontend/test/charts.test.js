import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scale, niceMax, countTicks, oneDecimal, clip, barGeometry, dumbbellGeometry, lineGeometry, heatLevel, coverageGrid } from '../js/lib/charts.js';

test('scale maps a domain onto a range, either way round', () => {
  assert.equal(scale(0, 10, 100, 200)(5), 150);
  assert.equal(scale(1, 5, 150, 10)(5), 10);
  assert.equal(scale(1, 5, 150, 10)(1), 150);
  assert.equal(scale(3, 3, 7, 9)(3), 7, 'an empty domain maps to the start');
});

test('niceMax rounds up to 1, 2 or 5 times a power of ten', () => {
  assert.deepEqual([0, -3, NaN, 1, 3, 5, 6, 11, 20, 21, 99, 0.3].map(niceMax), [1, 1, 1, 1, 5, 5, 10, 20, 20, 50, 100, 0.5]);
  assert.deepEqual(countTicks(5), [0, 2, 4]);
  assert.deepEqual(countTicks(10), [0, 5, 10]);
  assert.deepEqual(countTicks(20), [0, 5, 10, 15, 20]);
  assert.deepEqual(countTicks(1), [0, 1]);
});

test('oneDecimal rounds half away from zero, as Go\'s math.Round', () => {
  assert.equal(oneDecimal(3.25), '3.3');
  assert.equal(oneDecimal(3.3333), '3.3');
  assert.equal(oneDecimal(4), '4.0');
  assert.equal(oneDecimal(0), '0.0');
  assert.equal(oneDecimal(0, true), '–');
});

test('clip keeps short labels and cuts long ones with an ellipsis', () => {
  assert.equal(clip('Listening', 10), 'Listening');
  assert.equal(clip('Giving and receiving feedback', 10), 'Giving an…');
  assert.equal(clip('Ñandú ñandú', 6), 'Ñandú…');
});

test('barGeometry: bars from the label column, lengths in proportion to a round maximum', () => {
  const g = barGeometry([{ label: 'Active', value: 4 }, { label: 'At risk', value: 1 }, { label: 'Dropped', value: 0 }], { width: 560, rowHeight: 28, labelWidth: 120 });
  assert.equal(g.max, 5);
  const plot = g.plot.x1 - g.plot.x0;
  assert.equal(g.plot.x0, 120);
  assert.equal(g.bars[0].x, 120);
  assert.ok(Math.abs(g.bars[0].w - plot * 0.8) < 1e-9, 'four of five');
  assert.ok(Math.abs(g.bars[1].w - plot * 0.2) < 1e-9);
  assert.equal(g.bars[2].w, 0);
  assert.equal(g.bars[1].y - g.bars[0].y, 28, 'one row apart');
  assert.ok(g.bars.every((b) => b.y >= 0 && b.y + b.h <= g.height));
  assert.equal(g.height, 8 + 3 * 28 + 24);
  assert.deepEqual(g.ticks.map((t) => t.value), [0, 2, 4]);
  assert.equal(g.ticks[0].x, 120);
  assert.equal(barGeometry([]).max, 1, 'no rows still has an axis');
});

test('dumbbellGeometry: dots on a 1-5 scale, a missing side has none', () => {
  const g = dumbbellGeometry([
    { label: 'Listening', before: 2, after: 4 },
    { label: 'Feedback', before: 3.5, after: 3 },
    { label: 'Storytelling', before: 3, after: 0 },
    { label: 'Prioritization', before: 4, after: 4 },
  ], { width: 560, labelWidth: 180 });
  const [a, b, c, d] = g.rows;
  assert.deepEqual(g.ticks.map((t) => t.value), [1, 2, 3, 4, 5]);
  assert.equal(g.ticks[0].x, g.plot.x0);
  assert.equal(g.ticks[4].x, g.plot.x1);
  const step = (g.plot.x1 - g.plot.x0) / 4;
  assert.ok(Math.abs(a.x1 - (g.plot.x0 + step)) < 1e-9);
  assert.ok(Math.abs(a.x2 - (g.plot.x0 + 3 * step)) < 1e-9);
  assert.equal(a.shift, 'up');
  assert.equal(b.shift, 'down');
  assert.ok(b.x2 < b.x1);
  assert.equal(c.x2, null);
  assert.equal(c.shift, '');
  assert.equal(d.shift, 'same');
  assert.ok(g.rows.every((r, i) => i === 0 || r.y > g.rows[i - 1].y));
  assert.ok(d.y < g.height);
});

test('lineGeometry: points left to right, higher is better, a session with no feedback is a gap', () => {
  const g = lineGeometry([{ label: 'S1', value: 3 }, { label: 'S2', value: 5 }, { label: 'S3', value: 0 }, { label: 'S4', value: 1 }, { label: 'S5', value: 2 }], { width: 400, height: 200 });
  const [p1, p2, p3, p4, p5] = g.points;
  assert.ok(p1.x < p2.x && p2.x < p3.x && p3.x < p4.x && p4.x < p5.x);
  assert.ok(p2.y < p1.y && p1.y < p4.y, '5 above 3 above 1');
  assert.equal(p3.y, null);
  assert.equal(p2.y, g.ticks[4].y, 'a 5 sits on the top tick');
  assert.equal(p4.y, g.ticks[0].y, 'a 1 on the bottom one');
  assert.equal(g.path, `M${p1.x} ${p1.y} L${p2.x} ${p2.y} M${p4.x} ${p4.y} L${p5.x} ${p5.y}`);
  const one = lineGeometry([{ label: 'S1', value: 4 }], { width: 400 });
  assert.equal(one.points[0].x, (32 + 400 - 16) / 2, 'one point is centred');
  assert.equal(lineGeometry([{ label: 'S1', value: 0 }]).path, '');
});

test('heatLevel: none is 0, else 1-4 by share of the largest', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 8].map((n) => heatLevel(n, 8)), [0, 1, 1, 2, 2, 4]);
  assert.equal(heatLevel(3, 0), 0);
  assert.equal(heatLevel(1, 1), 4);
});

test('coverageGrid lists every member and item, counts in item order', () => {
  const items = [{ id: 10, name: 'Listening' }, { id: 11, name: 'Feedback' }];
  const members = [{ personId: 1, name: 'Ana' }, { personId: 2, name: 'Bruno' }];
  const cov = [
    { personId: 1, name: 'Ana', frameworkItemId: 11, sessions: 3 },
    { personId: 1, name: 'Ana', frameworkItemId: 10, sessions: 1 },
    { personId: 3, name: 'Chidi (former)', frameworkItemId: 10, sessions: 2 },
    { personId: 1, name: 'Ana', frameworkItemId: 99, sessions: 5 }, // an item of no framework shown
  ];
  const g = coverageGrid(cov, members, items);
  assert.deepEqual(g.rows, [
    { personId: 1, name: 'Ana', cells: [1, 3], total: 4 },
    { personId: 2, name: 'Bruno', cells: [0, 0], total: 0 },
    { personId: 3, name: 'Chidi (former)', cells: [2, 0], total: 2 },
  ]);
  assert.equal(g.max, 3);
  assert.deepEqual(coverageGrid([], [], items).rows, []);
});
