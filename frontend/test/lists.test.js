import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterCircles, peopleCountLabel, splitMembers, sidebarOrder, similarPrompt } from '../js/lib/lists.js';
import { foldKey as fold } from '../js/lib/fold.js';
import { roleLabel, circleStatusLabel, sessionStatusLabel, personSubtitle, timeZoneChoices, KINDS, ROLES, COLORS } from '../js/lib/labels.js';

test('filterCircles matches name or purpose, ignoring case and accents', () => {
  const list = [{ name: 'Chidi & Mateus', purpose: '1:1 mentoring' }, { name: 'Product Craft Circle', purpose: 'Discovery' }, { name: 'Équipe', purpose: '' }];
  assert.deepEqual(filterCircles(list, 'craft').map((c) => c.name), ['Product Craft Circle']);
  assert.deepEqual(filterCircles(list, 'MENTOR').map((c) => c.name), ['Chidi & Mateus']);
  assert.deepEqual(filterCircles(list, 'equipe').map((c) => c.name), ['Équipe']);
  assert.equal(filterCircles(list, '  ').length, 3);
  assert.equal(fold('Muñoz'), 'munoz');
});

test('peopleCountLabel warns when the list is capped', () => {
  assert.equal(peopleCountLabel(500, 812, ''), 'Showing 500 of 812 — refine the search');
  assert.equal(peopleCountLabel(25, 25, ''), '25 people');
  assert.equal(peopleCountLabel(1, 1, ''), '1 person');
  assert.equal(peopleCountLabel(3, 3, 'pla'), '3 matches');
  assert.equal(peopleCountLabel(1, 1, 'pla'), '1 match');
});

test('splitMembers keeps people whose leaving date is still ahead as current', () => {
  const { current, former } = splitMembers([{ id: 1, leftOn: '' }, { id: 2, leftOn: '2026-01-01' }, { id: 3, leftOn: '2027-01-01' }], '2026-11-25');
  assert.deepEqual(current.map((m) => m.id), [1, 3]);
  assert.deepEqual(former.map((m) => m.id), [2]);
});

test('sidebarOrder puts active circles first', () => {
  const out = sidebarOrder([{ name: 'B', status: 'paused' }, { name: 'C', status: 'active' }, { name: 'A', status: 'active' }, { name: 'D', status: 'forming' }]);
  assert.deepEqual(out.map((c) => c.name), ['A', 'C', 'D', 'B']);
});

test('labels', () => {
  assert.equal(roleLabel('co-leader'), 'Co-leader');
  assert.equal(roleLabel('observer'), 'Observer');
  assert.equal(circleStatusLabel('archived'), 'Archived');
  assert.equal(sessionStatusLabel('held'), 'Held');
  assert.equal(KINDS.find((k) => k.value === 'pair').label, '1:1 pair (one mentor, one mentee)');
  assert.deepEqual(ROLES.map((r) => r.value), ['leader', 'co-leader', 'mentor', 'mentee', 'guest']);
  for (const c of COLORS) assert.match(c, /^#[0-9a-f]{6}$/);
  assert.equal(personSubtitle({ title: 'Engineer', team: '', location: 'Oslo' }), 'Engineer · Oslo');
  assert.equal(personSubtitle({}), '');
});

test('timeZoneChoices puts the preferred zone first, once', () => {
  const z = timeZoneChoices('Europe/Madrid');
  assert.equal(z[0], 'Europe/Madrid');
  assert.equal(z.filter((x) => x === 'Europe/Madrid').length, 1);
  assert.ok(z.includes('America/Sao_Paulo'));
});

test('similarPrompt names the person a new one may duplicate', () => {
  assert.equal(similarPrompt([{ name: 'Íñigo Sáenz' }], 'add'), 'Íñigo Sáenz is already in Circlebook — add them instead?');
  assert.equal(similarPrompt([{ name: 'Ana' }, { name: 'Ana Gil' }], 'open'), '2 people with this name or email are already in Circlebook — open one of them instead?');
  assert.equal(similarPrompt([], 'add'), '');
});
