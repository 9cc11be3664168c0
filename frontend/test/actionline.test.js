import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseActionLine, resolveDue, resolveOwner, actionLineHint, lineAt, fold } from '../js/lib/actionline.js';

// 2026-12-02 is a Wednesday.
const DAY = '2026-12-02T17:00';
const MEMBERS = [
  { personId: 1, name: 'Ana Muñoz', email: 'ana.m@example.org' },
  { personId: 2, name: 'Ben Okafor', email: 'bokafor@example.org' },
];

test('resolveDue reads dates, today, tomorrow and weekdays as Go does', () => {
  assert.equal(resolveDue('2026-12-24', DAY), '2026-12-24');
  assert.equal(resolveDue('2026-02-30', DAY), null);
  assert.equal(resolveDue('today', DAY), '2026-12-02');
  assert.equal(resolveDue('Tomorrow.', DAY), '2026-12-03');
  assert.equal(resolveDue('friday', DAY), '2026-12-04');
  assert.equal(resolveDue('fri', DAY), '2026-12-04');
  assert.equal(resolveDue('wednesday', DAY), '2026-12-09', 'the same weekday means next week');
  assert.equal(resolveDue('someday', DAY), null);
});

test('parseActionLine', () => {
  assert.deepEqual(parseActionLine('- [ ] @Ana send the deck due:friday', DAY),
    { done: false, owner: 'Ana', text: 'send the deck', due: '2026-12-04', dueRaw: 'friday', badDue: '' });
  assert.deepEqual(parseActionLine('* [x] book the room', DAY),
    { done: true, owner: '', text: 'book the room', due: '', dueRaw: '', badDue: '' });
  const bad = parseActionLine('- [ ] ask @Ben due:soon', DAY);
  assert.equal(bad.owner, '', 'an @name counts only as the first word');
  assert.equal(bad.text, 'ask @Ben due:soon');
  assert.equal(bad.badDue, 'due:soon');
  assert.equal(parseActionLine('- [ ] @Ana', DAY), null, 'no text');
  assert.equal(parseActionLine('- plain bullet', DAY), null);
  assert.equal(parseActionLine('[ ] no bullet', DAY), null);
});

test('resolveOwner matches first name, full name or email, ignoring case and accents', () => {
  assert.deepEqual(resolveOwner('ana', MEMBERS), { personId: 1, name: 'Ana Muñoz' });
  assert.deepEqual(resolveOwner('AnaMunoz', MEMBERS), { personId: 1, name: 'Ana Muñoz' });
  assert.deepEqual(resolveOwner('bokafor', MEMBERS), { personId: 2, name: 'Ben Okafor' });
  assert.deepEqual(resolveOwner('everyone', MEMBERS), { personId: 0, name: 'Whole circle' });
  assert.equal(resolveOwner('zed', MEMBERS), null);
  assert.equal(fold('Muñoz'), 'munoz');
});

test('actionLineHint explains the line being typed', () => {
  assert.equal(actionLineHint('just notes', MEMBERS, DAY), null);
  assert.match(actionLineHint('- [ ] ', MEMBERS, DAY).text, /write what/);
  const ok = actionLineHint('- [ ] @ana send the deck due:fri', MEMBERS, DAY);
  assert.equal(ok.kind, 'action');
  assert.match(ok.text, /Action for Ana Muñoz, due Fri 4 Dec: “send the deck”/);
  const who = actionLineHint('- [ ] @zed call back due:whenever', MEMBERS, DAY);
  assert.equal(who.kind, 'warning');
  assert.match(who.text, /@zed matches no member/);
  assert.match(who.text, /due:whenever/);
  assert.match(actionLineHint('- [ ] tidy up', MEMBERS, DAY).text, /whole circle/);
});

test('lineAt finds the caret line', () => {
  const t = 'one\ntwo\nthree';
  assert.equal(lineAt(t, 0), 'one');
  assert.equal(lineAt(t, 3), 'one');
  assert.equal(lineAt(t, 4), 'two');
  assert.equal(lineAt(t, t.length), 'three');
  assert.equal(lineAt('a\n', 2), '');
});

test('in private notes a task line promises no action item', () => {
  const shared = actionLineHint('- [ ] @Ana send the brief due:2026-12-04', MEMBERS, DAY);
  assert.match(shared.text, /added when you finish the line/);
  for (const line of ['- [ ] @Ana send the brief due:2026-12-04', '- [ ] ', '- [x] done thing']) {
    const h = actionLineHint(line, MEMBERS, DAY, { private: true });
    assert.equal(h.kind, 'warning', line);
    assert.doesNotMatch(h.text, /added when|Action for/, line);
    assert.match(h.text, /Private notes make no action items/, line);
  }
  assert.equal(actionLineHint('just a thought', MEMBERS, DAY, { private: true }), null);
});
