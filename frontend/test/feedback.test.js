import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  RATINGS, ratingLabel, ratingKey, feedbackKey, attendeesOf, nextAttendee, feedbackValues, feedbackProblems, feedbackSummary,
} from '../js/lib/feedback.js';

test('the scale runs 1 to 5, each point with its words', () => {
  assert.deepEqual(RATINGS.map((r) => r.value), [1, 2, 3, 4, 5]);
  assert.equal(ratingLabel(4), 'Very useful');
  assert.equal(ratingLabel(0), '');
  assert.equal(ratingLabel(6), '');
});

test('ratingKey: digits pick, arrows move one step without wrapping, Home and End go to the ends', () => {
  assert.equal(ratingKey('4', 0), 4);
  assert.equal(ratingKey('1', 5), 1);
  assert.equal(ratingKey('0', 3), null);
  assert.equal(ratingKey('6', 3), null);
  assert.equal(ratingKey('ArrowRight', 3), 4);
  assert.equal(ratingKey('ArrowDown', 3), 4);
  assert.equal(ratingKey('ArrowLeft', 3), 2);
  assert.equal(ratingKey('ArrowUp', 3), 2);
  assert.equal(ratingKey('ArrowRight', 5), 5, 'no wrap from 5 to 1');
  assert.equal(ratingKey('ArrowLeft', 1), 1, 'no wrap from 1 to 5');
  assert.equal(ratingKey('ArrowRight', 0), 1, 'nothing picked: an arrow picks 1');
  assert.equal(ratingKey('ArrowLeft', 0), 1);
  assert.equal(ratingKey('Home', 4), 1);
  assert.equal(ratingKey('End', 2), 5);
  assert.equal(ratingKey('a', 2), null);
});

test('feedbackKey: on the scale, digits and arrows rate and Enter goes on', () => {
  assert.deepEqual(feedbackKey({ key: '4' }, 'rating', 0), { type: 'rate', value: 4 });
  assert.deepEqual(feedbackKey({ key: 'ArrowRight' }, 'rating', 4), { type: 'rate', value: 5 });
  assert.deepEqual(feedbackKey({ key: 'Enter' }, 'rating', 4), { type: 'next' });
  assert.equal(feedbackKey({ key: 'Tab' }, 'rating', 4), null, 'Tab leaves the scale as usual');
  assert.equal(feedbackKey({ key: 'Escape' }, 'rating', 4), null, 'Esc is the dialog’s');
  assert.equal(feedbackKey({ key: '4', altKey: true }, 'rating', 0), null);
  assert.equal(feedbackKey({ key: '4', ctrlKey: true }, 'rating', 0), null);
});

test('feedbackKey: on a button digits rate, arrows and Enter keep their own meaning', () => {
  assert.deepEqual(feedbackKey({ key: '2' }, 'button', 5), { type: 'rate', value: 2 });
  assert.equal(feedbackKey({ key: 'ArrowLeft' }, 'button', 3), null);
  assert.equal(feedbackKey({ key: 'Enter' }, 'button', 3), null, 'Enter presses the button');
});

test('feedbackKey: in the text fields digits are typed; Enter goes on, then saves; Shift+Enter is a new line', () => {
  assert.equal(feedbackKey({ key: '4' }, 'worked', 0), null);
  assert.equal(feedbackKey({ key: 'ArrowLeft' }, 'change', 3), null);
  assert.deepEqual(feedbackKey({ key: 'Enter' }, 'worked', 3), { type: 'next' });
  assert.deepEqual(feedbackKey({ key: 'Enter' }, 'change', 3), { type: 'save' });
  assert.equal(feedbackKey({ key: 'Enter', shiftKey: true }, 'change', 3), null);
  assert.equal(feedbackKey({ key: 'Enter', shiftKey: true }, 'worked', 3), null);
  assert.equal(feedbackKey({ key: 'Enter', isComposing: true }, 'change', 3), null, 'an IME composing keeps its Enter');
  assert.equal(feedbackKey({ key: '3' }, 'other', 0), null, 'the attendee list keeps its type-ahead');
});

test('feedbackKey: Ctrl+Enter (or Cmd+Enter) saves from anywhere', () => {
  for (const where of ['rating', 'worked', 'change', 'button', 'other']) {
    assert.deepEqual(feedbackKey({ key: 'Enter', ctrlKey: true }, where, 0), { type: 'save' }, where);
    assert.deepEqual(feedbackKey({ key: 'Enter', metaKey: true }, where, 0), { type: 'save' }, where);
  }
});

test('attendeesOf keeps those marked present or late, in roster order', () => {
  const roster = [
    { personId: 1, name: 'Ana', status: 'present' },
    { personId: 2, name: 'Bruno', status: 'absent' },
    { personId: 3, name: 'Chloé', status: 'late' },
    { personId: 4, name: 'Dai', status: 'excused' },
    { personId: 5, name: 'Eun', status: '' },
  ];
  assert.deepEqual(attendeesOf(roster), [{ personId: 1, name: 'Ana' }, { personId: 3, name: 'Chloé' }]);
  assert.deepEqual(attendeesOf(undefined), []);
});

test('nextAttendee: the first after the group, the next after one, none after the last', () => {
  const people = [{ personId: 7 }, { personId: 3 }, { personId: 9 }];
  assert.equal(nextAttendee(people, null), 7);
  assert.equal(nextAttendee(people, 7), 3);
  assert.equal(nextAttendee(people, 3), 9);
  assert.equal(nextAttendee(people, 9), null);
  assert.equal(nextAttendee(people, 42), null);
  assert.equal(nextAttendee([], null), null);
});

test('feedbackValues fills the form with the giver’s earlier feedback, or leaves it empty', () => {
  const given = [
    { personId: null, usefulness: 4, worked: 'Pairs', change: '' },
    { personId: 3, usefulness: 2, worked: '', change: 'Shorter' },
  ];
  assert.deepEqual(feedbackValues(given, null), { usefulness: 4, worked: 'Pairs', change: '', exists: true });
  assert.deepEqual(feedbackValues(given, 3), { usefulness: 2, worked: '', change: 'Shorter', exists: true });
  assert.deepEqual(feedbackValues(given, 7), { usefulness: 0, worked: '', change: '', exists: false });
  assert.deepEqual(feedbackValues([{ personId: 3, usefulness: 5, worked: '', change: '' }], null).exists, false, 'one person’s is not the group’s');
});

test('feedbackProblems: a rating is needed, 1 to 5; texts within Go’s limit', () => {
  const ok = { sessionId: 1, personId: null, usefulness: 4, worked: 'x', change: '' };
  assert.deepEqual(feedbackProblems(ok), []);
  assert.deepEqual(feedbackProblems({ ...ok, usefulness: 0 }).map((p) => p.field), ['usefulness']);
  assert.match(feedbackProblems({ ...ok, usefulness: 0 })[0].message, /from 1 to 5/);
  assert.deepEqual(feedbackProblems({ ...ok, usefulness: 6 }).map((p) => p.field), ['usefulness']);
  const long = 'é'.repeat(10_001);
  assert.deepEqual(feedbackProblems({ ...ok, usefulness: 0, change: long }), [
    { field: 'usefulness', message: 'Pick how useful the session was, from 1 to 5.' },
    { field: 'change', message: 'This is 10001 characters; the limit is 10000.' },
  ]);
  assert.deepEqual(feedbackProblems({ ...ok, worked: 'é'.repeat(10_000) }), [], 'characters, not bytes');
});

test('feedbackSummary: the mean to one decimal, the group first, names from the roster', () => {
  const given = [
    { personId: 3, usefulness: 4, worked: 'Demo', change: '' },
    { personId: null, usefulness: 5, worked: '', change: 'More time' },
    { personId: 8, usefulness: 4, worked: '', change: '' },
  ];
  const s = feedbackSummary(given, [{ personId: 3, name: 'Ana' }]);
  assert.equal(s.mean, '4.3');
  assert.equal(s.count, 3);
  assert.deepEqual(s.lines.map((l) => [l.who, l.usefulness, l.label]), [
    ['The group', 5, 'Essential'], ['Ana', 4, 'Very useful'], ['A former attendee', 4, 'Very useful'],
  ]);
  assert.equal(s.lines[0].change, 'More time');
  assert.deepEqual(feedbackSummary([], []), { mean: '', count: 0, lines: [] });
  assert.equal(feedbackSummary([{ personId: null, usefulness: 4, worked: '', change: '' }], []).mean, '4.0');
});
