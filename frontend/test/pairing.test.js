import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  progressLabel, progressPercent, matchSummary, pairKey, toggleMark, constraintsFor, pairsToPublish,
  publishedMessage, pageOf, formOptions, memberLists, circleTitle, proposalSummary, createdMessage, cohortLabel, WEIGHT_FIELDS,
} from '../js/lib/pairing.js';

test('progressLabel says what runs and how far', () => {
  assert.equal(progressLabel({ running: true, what: 'matching', done: 2, total: 5 }, 'matching'), 'Matching… 40%');
  assert.equal(progressLabel({ running: true, what: 'forming', done: 3, total: 3 }, 'matching'), 'Forming… 100%');
  assert.equal(progressLabel(null, 'forming'), 'Forming…');
  assert.equal(progressLabel({ what: 'matching', done: 0, total: 0 }, 'matching'), 'Matching…');
  assert.equal(progressPercent({ done: 7, total: 5 }), 100, 'a total Go jumps past is capped');
  assert.equal(progressPercent({ done: 1, total: 3 }), 33);
  assert.equal(progressPercent(null), null);
});

test('matchSummary counts pairs, sides and points', () => {
  const s = { matches: Array.from({ length: 28 }, () => ({})), mentees: 28, mentors: 12, total: 2373 };
  assert.equal(matchSummary(s), '28 pairs from 28 mentees and 12 mentors · 2,373 points');
  assert.equal(matchSummary({ matches: [{}], mentees: 1, mentors: 1, total: 1 }), '1 pair from 1 mentee and 1 mentor · 1 point');
  assert.equal(matchSummary({ matches: null, mentees: 3, mentors: 2, total: 0 }), '0 pairs from 3 mentees and 2 mentors · 0 points');
});

test('toggleMark pins, rejects, switches and clears, leaving the old map alone', () => {
  const a = { mentee: '5', mentor: '9' };
  const m0 = new Map();
  const m1 = toggleMark(m0, a, 'pin');
  assert.equal(m0.size, 0);
  assert.equal(m1.get(pairKey(a)), 'pin');
  const m2 = toggleMark(m1, a, 'reject');
  assert.equal(m2.get('5>9'), 'reject', 'Reject on a pinned pair rejects it instead');
  assert.equal(toggleMark(m2, a, 'reject').has('5>9'), false, 'pressing it again clears it');
});

test('constraintsFor keeps the rules and turns marks into pinned and banned pairs', () => {
  let marks = new Map();
  marks = toggleMark(marks, { mentee: '1', mentor: '10' }, 'pin');
  marks = toggleMark(marks, { mentee: '2', mentor: '11' }, 'reject');
  marks = toggleMark(marks, { mentee: '3', mentor: '10' }, 'reject');
  assert.deepEqual(constraintsFor({ mustShareLanguage: true, minOverlapHours: 2 }, marks), {
    mustShareLanguage: true, minOverlapHours: 2,
    pinned: [{ mentee: '1', mentor: '10' }],
    banned: [{ mentee: '2', mentor: '11' }, { mentee: '3', mentor: '10' }],
  });
  assert.deepEqual(constraintsFor({}, new Map()), { mustShareLanguage: false, minOverlapHours: 0, pinned: [], banned: [] });
});

test('pairsToPublish leaves out the rejected pairs, keeps pinned and unmarked', () => {
  const matches = [
    { mentee: '1', mentor: '10', pinned: true, explanation: { total: 80 } },
    { mentee: '2', mentor: '11', explanation: { total: 60 } },
    { mentee: '3', mentor: '10', explanation: { total: 50 } },
  ];
  const marks = new Map([['2>11', 'reject'], ['1>10', 'pin']]);
  assert.deepEqual(pairsToPublish(matches, marks), [{ mentee: '1', mentor: '10' }, { mentee: '3', mentor: '10' }]);
  assert.deepEqual(pairsToPublish(null, marks), []);
});

test('publishedMessage says what was made and what was there already', () => {
  assert.equal(publishedMessage({ circles: Array(28).fill(1), skipped: [] }), 'Published 28 pairs as circles of two.');
  assert.equal(publishedMessage({ circles: [], skipped: Array(28).fill('x') }), 'Published no new pairs; 28 pairs were already published and skipped.');
  assert.equal(publishedMessage({ circles: [1], skipped: ['a & b'] }), 'Published 1 pair as circles of two; 1 pair was already published and skipped.');
});

test('pageOf pages long lists and says which rows show', () => {
  const items = Array.from({ length: 120 }, (_, i) => i);
  assert.deepEqual(pageOf(items, 0).rows.length, 50);
  assert.equal(pageOf(items, 0).label, 'Showing 1–50 of 120');
  const last = pageOf(items, 2);
  assert.equal(last.label, 'Showing 101–120 of 120');
  assert.equal(last.rows[0], 100);
  assert.equal(pageOf(items, 9).page, 2, 'a page past the end shows the last');
  assert.equal(pageOf([], 0).label, '');
  assert.equal(pageOf(Array(4051).fill(0), 0, 100).label, 'Showing 1–100 of 4,051');
});

test('formOptions sends the way the leader chose and zeros the other', () => {
  const raw = { circles: 5, minSize: 6, maxSize: 9 };
  assert.deepEqual(formOptions(raw, 'count'), { circles: 5, minSize: 0, maxSize: 0 });
  assert.deepEqual(formOptions(raw, 'size'), { circles: 0, minSize: 6, maxSize: 9 });
});

test('memberLists copies a proposal’s circles as ID lists', () => {
  const p = { circles: [{ members: ['1', '2'] }, { members: ['3'] }] };
  const lists = memberLists(p);
  assert.deepEqual(lists, [['1', '2'], ['3']]);
  lists[0].push('9');
  assert.deepEqual(p.circles[0].members, ['1', '2'], 'the proposal is not changed');
  assert.deepEqual(memberLists({}), []);
});

test('circle titles, the proposal line, the created toast and the cohort choice', () => {
  assert.equal(circleTitle(0, 6), 'Circle 1 · 6 members');
  assert.equal(circleTitle(4, 1), 'Circle 5 · 1 member');
  assert.equal(proposalSummary({ circles: [{ members: ['1', '2', '3'] }, { members: ['4', '5'] }] }), '5 people in 2 circles of 2 to 3');
  assert.equal(proposalSummary({ circles: [{ members: ['1', '2'] }] }), '2 people in 1 circle of 2');
  assert.equal(createdMessage({ circles: [1, 2, 3, 4, 5] }), 'Created 5 circles, each with a first session proposed.');
  assert.equal(cohortLabel({ name: '2026 spring cohort', people: 40, mentors: 12 }), '2026 spring cohort — 40 people (12 mentors)');
});

test('the weights start from match.DefaultWeights', () => {
  assert.deepEqual(Object.fromEntries(WEIGHT_FIELDS.map((w) => [w.name, w.value])),
    { growthAreas: 40, crossOrganization: 15, tenureGap: 15, sharedLanguage: 10, timeZoneOverlap: 20 });
});

test('suggestedCircles starts from eight a circle, two who lead each', async () => {
  const { suggestedCircles } = await import('../js/lib/pairing.js');
  assert.equal(suggestedCircles({ people: 40, mentors: 12 }), 6);
  assert.equal(suggestedCircles({ people: 80, mentors: 4 }), 10);
  assert.equal(suggestedCircles({ people: 3, mentors: 0 }), 1);
});

test('a member dropped on another circle asks to move there; anything else asks nothing', async () => {
  const { memberDragData, dropMove } = await import('../js/lib/pairing.js');
  assert.deepEqual(dropMove(memberDragData('17', 2), 0), { person: '17', from: 2, to: 0 });
  assert.equal(dropMove(memberDragData('17', 2), 2), null, 'dropped back where they are');
  assert.equal(dropMove('', 1), null, 'a drop without our data');
  assert.equal(dropMove('some text', 1), null);
  assert.equal(dropMove('{"person":17,"from":0}', 1), null, 'an ID that is not a string');
  assert.equal(dropMove('{"person":"17","from":"0"}', 1), null, 'a circle that is not an index');
  assert.equal(dropMove('null', 1), null);
  assert.equal(dropMove(memberDragData('17', 0), -1), null);
  assert.equal(dropMove(memberDragData('17', 0), NaN), null);
});
