import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seriesDates, suggestNextStart, splitSessions, needsUpdate } from '../js/lib/schedule.js';

// Expected values were produced by backend/sessions.Dates, so the preview in
// the series dialog shows exactly the dates Go will schedule.
const GO = [
  ['monthly', 0, '2026-03-10T18:00', 4, ['2026-03-10T18:00', '2026-04-14T18:00', '2026-05-12T18:00', '2026-06-09T18:00']],
  ['monthly', 0, '2026-03-31T18:00', 3, ['2026-03-31T18:00', '2026-04-28T18:00', '2026-05-26T18:00']],
  ['monthly', 0, '2026-01-29T09:30', 4, ['2026-01-29T09:30', '2026-02-26T09:30', '2026-03-26T09:30', '2026-04-30T09:30']],
  ['weekly', 0, '2026-12-28T10:00', 3, ['2026-12-28T10:00', '2027-01-04T10:00', '2027-01-11T10:00']],
  ['biweekly', 0, '2026-02-20T10:00', 3, ['2026-02-20T10:00', '2026-03-06T10:00', '2026-03-20T10:00']],
  ['custom', 10, '2026-11-25T17:00', 3, ['2026-11-25T17:00', '2026-12-05T17:00', '2026-12-15T17:00']],
  ['custom', 0, '2026-11-25T17:00', 3, ['2026-11-25T17:00', '2026-11-26T17:00', '2026-11-27T17:00']],
  ['monthly', 0, '2026-10-25T01:30', 3, ['2026-10-25T01:30', '2026-11-22T01:30', '2026-12-27T01:30']],
];

test('seriesDates matches the Go side for every cadence', () => {
  for (const [cadence, days, first, count, want] of GO) {
    assert.deepEqual(seriesDates(cadence, days, first, count), want, `${cadence} from ${first}`);
  }
});

test('seriesDates refuses bad input', () => {
  assert.deepEqual(seriesDates('weekly', 0, '2026-11-25', 3), []);
  assert.deepEqual(seriesDates('weekly', 0, 'soon', 3), []);
  assert.deepEqual(seriesDates('weekly', 0, '2026-11-25T10:00', 0), []);
});

const circle = { cadence: 'biweekly', cadenceDays: 0, meetingDay: 2, meetingTime: '17:00', startDate: '2026-06-02' };

test('the next session follows the latest one on the cadence', () => {
  const sessions = [{ startsAt: '2026-11-17T17:00', status: 'held' }, { startsAt: '2026-12-01T17:00', status: 'planned' }];
  assert.equal(suggestNextStart(circle, sessions, '2026-11-25'), '2026-12-15T17:00');
});

test('cancelled sessions do not count as the latest', () => {
  const sessions = [{ startsAt: '2026-11-17T17:00', status: 'held' }, { startsAt: '2026-12-29T17:00', status: 'cancelled' }];
  assert.equal(suggestNextStart(circle, sessions, '2026-11-25'), '2026-12-01T17:00');
});

test('with nothing recent, the next meeting day from today is suggested', () => {
  assert.equal(suggestNextStart(circle, [], '2026-11-25'), '2026-12-01T17:00'); // Wed -> next Tue
  assert.equal(suggestNextStart(circle, [], '2026-12-01'), '2026-12-08T17:00'); // a Tuesday today: next week's
  assert.equal(suggestNextStart({ ...circle, meetingDay: -1, meetingTime: '' }, [], '2026-11-25'), '2026-11-26T17:00');
  assert.equal(suggestNextStart({ ...circle, startDate: '2027-01-05' }, [], '2026-11-25'), '2027-01-05T17:00');
  const old = [{ startsAt: '2025-01-07T08:15', status: 'held' }];
  assert.equal(suggestNextStart({ ...circle, meetingTime: '' }, old, '2026-11-25'), '2026-12-01T08:15');
});

test('splitSessions: upcoming are planned from today, soonest first; the rest are past, latest first', () => {
  const s = [
    { id: 1, startsAt: '2026-11-11T17:00', status: 'held' },
    { id: 2, startsAt: '2026-11-18T17:00', status: 'planned' },
    { id: 3, startsAt: '2026-12-09T17:00', status: 'planned' },
    { id: 4, startsAt: '2026-11-25T17:00', status: 'planned' },
    { id: 5, startsAt: '2026-12-02T17:00', status: 'cancelled' },
  ];
  const { upcoming, past } = splitSessions(s, '2026-11-25');
  assert.deepEqual(upcoming.map((x) => x.id), [4, 3]);
  assert.deepEqual(past.map((x) => x.id), [5, 2, 1]);
  assert.equal(needsUpdate(s[1], '2026-11-25'), true);
  assert.equal(needsUpdate(s[3], '2026-11-25'), false);
  assert.equal(needsUpdate(s[0], '2026-11-25'), false);
});
