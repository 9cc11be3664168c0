import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPaletteKey, globalAction, liveAction, SHORTCUTS } from '../js/lib/keys.js';
import { parseRoute, href, section } from '../js/router.js';

test('Ctrl+K (or Cmd+K) opens the palette, nothing else does', () => {
  assert.ok(isPaletteKey({ key: 'k', ctrlKey: true }));
  assert.ok(isPaletteKey({ key: 'K', metaKey: true }));
  assert.ok(!isPaletteKey({ key: 'k' }));
  assert.ok(!isPaletteKey({ key: 'k', ctrlKey: true, shiftKey: true }));
  assert.ok(!isPaletteKey({ key: 'k', ctrlKey: true, altKey: true }));
  assert.ok(!isPaletteKey({ key: 'j', ctrlKey: true }));
});

test('Ctrl+K is no live-screen key, while typing or not', () => {
  for (const typing of [true, false]) assert.equal(liveAction({ key: 'k', ctrlKey: true }, typing), null);
});

test('T goes to Today, except on the live screen where it tags a topic', () => {
  assert.equal(globalAction('t', 'circles'), 'go-today');
  assert.equal(globalAction('t', 'session'), 'go-today');
  assert.equal(globalAction('t', 'live'), null);
  assert.equal(liveAction({ key: 't' }, false), 'topics');
});

test('the shortcuts overlay lists Ctrl+K, / and the Today keys', () => {
  const all = SHORTCUTS.flatMap((g) => g.items.map((s) => `${s.keys.join('+')}: ${s.label}`));
  assert.ok(all.some((s) => s.startsWith('Ctrl+K: Search everything')), all.join('\n'));
  assert.ok(all.some((s) => s.startsWith('/: Search everything')));
  assert.ok(all.some((s) => s.startsWith('T: Go to Today')));
  assert.ok(all.some((s) => s.startsWith('S: Start the next session')));
});

test('routes: #/today, and a query after "?"', () => {
  assert.deepEqual(parseRoute('#/today'), { name: 'today', path: '/today' });
  assert.equal(href('today'), '#/today');
  assert.equal(section(parseRoute('#/today')), 'today');
  assert.deepEqual(parseRoute('#/sessions/12?find=mu%C3%B1oz%20demo&note=shared'),
    { name: 'session', id: 12, path: '/sessions/12', query: { find: 'muñoz demo', note: 'shared' } });
  assert.deepEqual(parseRoute('#/people/3?find=ana'), { name: 'person', id: 3, path: '/people/3', query: { find: 'ana' } });
  assert.equal(parseRoute('#/nowhere?find=x').name, 'notfound');
  assert.deepEqual(parseRoute('#/circles/4'), { name: 'circle', id: 4, path: '/circles/4' }, 'no query, no query field');
});
