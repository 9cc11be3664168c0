import { test } from 'node:test';
import assert from 'node:assert/strict';
import { peopleCountLabel, circleCountLabel, listExtent, pushRecent, RECENT_MAX, splitMembers, similarPrompt } from '../js/lib/lists.js';
import { roleLabel, circleStatusLabel, sessionStatusLabel, personSubtitle, timeZoneChoices, KINDS, ROLES, COLORS } from '../js/lib/labels.js';

test('peopleCountLabel says when Go stopped counting', () => {
  assert.equal(peopleCountLabel(10001, true, ''), '10,000+ people');
  assert.equal(peopleCountLabel(10001, true, 'an'), '10,000+ match');
  assert.equal(peopleCountLabel(9999, false, ''), '9,999 people');
  assert.equal(peopleCountLabel(25, false, ''), '25 people');
  assert.equal(peopleCountLabel(1, false, ''), '1 person');
  assert.equal(peopleCountLabel(0, false, ''), '0 people');
  assert.equal(peopleCountLabel(3, false, 'pla'), '3 matches');
  assert.equal(peopleCountLabel(1, false, 'pla'), '1 match');
});

test('listExtent ends a capped list at the cap', () => {
  assert.equal(listExtent(10001, true), 10000);
  assert.equal(listExtent(812, false), 812);
  assert.equal(listExtent(0, false), 0);
});

test('circleCountLabel counts active circles, all circles or matches', () => {
  assert.equal(circleCountLabel(16000, false, ''), '16,000 active circles');
  assert.equal(circleCountLabel(1, false, ''), '1 active circle');
  assert.equal(circleCountLabel(4, true, ''), '4 circles');
  assert.equal(circleCountLabel(12, false, 'craft'), '12 matches');
  assert.equal(circleCountLabel(1, true, 'craft'), '1 match');
  assert.equal(circleCountLabel(0, false, 'zzz'), '0 matches');
  assert.equal(circleCountLabel(10001, false, 'c', true), '10,000+ matches');
});

test('pushRecent keeps the most recently opened circles first, once each, at most 20', () => {
  assert.deepEqual(pushRecent([], 7), [7]);
  assert.deepEqual(pushRecent([3, 7, 9], 7), [7, 3, 9]);
  assert.deepEqual(pushRecent([3, 7, 9], 4), [4, 3, 7, 9]);
  let list = [];
  for (let id = 1; id <= 30; id++) list = pushRecent(list, id);
  assert.equal(list.length, RECENT_MAX);
  assert.deepEqual(list.slice(0, 3), [30, 29, 28]);
  assert.equal(list.at(-1), 11);
  assert.deepEqual(pushRecent('garbage', 5), [5]);
  assert.deepEqual(pushRecent([1, 'x', -2, 2.5, null, 3], 0), [1, 3]);
});

test('splitMembers keeps people whose leaving date is still ahead as current', () => {
  const { current, former } = splitMembers([{ id: 1, leftOn: '' }, { id: 2, leftOn: '2026-01-01' }, { id: 3, leftOn: '2027-01-01' }], '2026-11-25');
  assert.deepEqual(current.map((m) => m.id), [1, 3]);
  assert.deepEqual(former.map((m) => m.id), [2]);
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
