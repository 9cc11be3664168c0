import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseWallTime, weekdayOf, formatDateTime, formatDate, timeOf, dayParts, daysBetween, addDays, relativeDays,
  plural, formatRate, rateLevel, formatDuration, cadenceLabel, meetingLabel, initials, nowIn, tenure,
} from '../js/lib/format.js';

test('parseWallTime reads dates and local times, rejects junk', () => {
  assert.deepEqual(parseWallTime('2026-12-02T17:00'), { year: 2026, month: 12, day: 2, hour: 17, minute: 0, hasTime: true });
  assert.deepEqual(parseWallTime('2026-12-02'), { year: 2026, month: 12, day: 2, hour: 0, minute: 0, hasTime: false });
  assert.equal(parseWallTime('2026-13-02'), null);
  assert.equal(parseWallTime('yesterday'), null);
  assert.equal(parseWallTime(''), null);
  assert.equal(parseWallTime(undefined), null);
});

test('weekdayOf numbers days as Go does, Sunday 0', () => {
  assert.equal(weekdayOf(2026, 12, 2), 3); // a Wednesday
  assert.equal(weekdayOf(2025, 12, 2), 2); // a Tuesday
  assert.equal(weekdayOf(2026, 11, 29), 0);
});

test('formatDateTime shows the wall time as written, no zone conversion', () => {
  assert.equal(formatDateTime('2025-12-02T17:00'), 'Tue 2 Dec 2025, 17:00');
  assert.equal(formatDateTime('2026-12-02T17:00'), 'Wed 2 Dec 2026, 17:00');
  assert.equal(formatDateTime('2026-12-02T09:05', { withYear: false }), 'Wed 2 Dec, 09:05');
  assert.equal(formatDateTime('2026-03-29T02:30'), 'Sun 29 Mar 2026, 02:30'); // a DST gap in Europe: still shown as written
  assert.equal(formatDateTime('2026-12-02'), 'Wed 2 Dec 2026');
  assert.equal(formatDateTime('garbage'), 'garbage');
});

test('formatDate, timeOf and dayParts', () => {
  assert.equal(formatDate('2026-06-02'), '2 Jun 2026');
  assert.equal(formatDate('2026-06-02', { weekday: true }), 'Tue 2 Jun 2026');
  assert.equal(formatDate(''), '');
  assert.equal(timeOf('2026-06-02T07:45'), '07:45');
  assert.equal(timeOf('2026-06-02'), '');
  assert.deepEqual(dayParts('2026-12-02T17:00'), { month: 'Dec', day: '2', weekday: 'Wed' });
});

test('daysBetween and addDays cross months, years and DST dates', () => {
  assert.equal(daysBetween('2026-11-25', '2026-12-02T17:00'), 7);
  assert.equal(daysBetween('2026-12-31', '2027-01-01'), 1);
  assert.equal(daysBetween('2026-03-28', '2026-03-30'), 2);
  assert.equal(daysBetween('x', '2026-01-01'), null);
  assert.equal(addDays('2026-12-30', 3), '2027-01-02');
  assert.equal(addDays('2028-02-28', 1), '2028-02-29');
});

test('relativeDays words', () => {
  const today = '2026-11-25';
  assert.equal(relativeDays('2026-11-25T17:00', today), 'today');
  assert.equal(relativeDays('2026-11-26', today), 'tomorrow');
  assert.equal(relativeDays('2026-11-24', today), 'yesterday');
  assert.equal(relativeDays('2026-11-28', today), 'in 3 days');
  assert.equal(relativeDays('2026-11-15', today), '10 days ago');
  assert.equal(relativeDays('2026-12-09', today), 'in 2 weeks');
  assert.equal(relativeDays('2027-02-25', today), 'in 3 months');
  assert.equal(relativeDays('2024-11-25', today), '2 years ago');
  assert.equal(relativeDays('nope', today), '');
});

test('plural', () => {
  assert.equal(plural(1, 'member'), '1 member');
  assert.equal(plural(0, 'member'), '0 members');
  assert.equal(plural(2, 'person', 'people'), '2 people');
});

test('formatRate and rateLevel', () => {
  assert.equal(formatRate(0.8571), '86%');
  assert.equal(formatRate(1), '100%');
  assert.equal(formatRate(0), '0%');
  assert.equal(formatRate(null), '—');
  assert.equal(formatRate(undefined), '—');
  assert.equal(rateLevel(0.8), 'good');
  assert.equal(rateLevel(0.79), 'fair');
  assert.equal(rateLevel(0.6), 'fair');
  assert.equal(rateLevel(0.1), 'low');
  assert.equal(rateLevel(null), 'none');
});

test('formatDuration', () => {
  assert.equal(formatDuration(45), '45 min');
  assert.equal(formatDuration(60), '1 h');
  assert.equal(formatDuration(90), '1 h 30 min');
  assert.equal(formatDuration(0), '0 min');
  assert.equal(formatDuration(-5), '0 min');
});

test('cadenceLabel and meetingLabel', () => {
  assert.equal(cadenceLabel({ cadence: 'weekly' }), 'Weekly');
  assert.equal(cadenceLabel({ cadence: 'biweekly' }), 'Every 2 weeks');
  assert.equal(cadenceLabel({ cadence: 'monthly' }), 'Monthly');
  assert.equal(cadenceLabel({ cadence: 'custom', cadenceDays: 10 }), 'Every 10 days');
  assert.equal(cadenceLabel({ cadence: 'custom', cadenceDays: 1 }), 'Every day');
  assert.equal(meetingLabel({ meetingDay: 2, meetingTime: '17:00' }), 'Tuesdays at 17:00');
  assert.equal(meetingLabel({ meetingDay: 0, meetingTime: '' }), 'Sundays');
  assert.equal(meetingLabel({ meetingDay: -1, meetingTime: '09:30' }), 'At 09:30');
  assert.equal(meetingLabel({ meetingDay: -1, meetingTime: '' }), '');
});

test('initials handle accents and single names', () => {
  assert.equal(initials('Ana Muñoz'), 'AM');
  assert.equal(initials('Nguyễn Thị Lan'), 'NL');
  assert.equal(initials('Émile'), 'É');
  assert.equal(initials('  '), '?');
});

test('nowIn gives the wall date and time in a zone', () => {
  const at = new Date(Date.UTC(2026, 10, 25, 18, 37));
  assert.deepEqual(nowIn('UTC', at), { date: '2026-11-25', dateTime: '2026-11-25T18:37' });
  assert.deepEqual(nowIn('Asia/Singapore', at), { date: '2026-11-26', dateTime: '2026-11-26T02:37' });
  assert.deepEqual(nowIn('America/Los_Angeles', at), { date: '2026-11-25', dateTime: '2026-11-25T10:37' });
  assert.match(nowIn('Not/AZone', at).date, /^\d{4}-\d{2}-\d{2}$/);
});

test('tenure', () => {
  assert.equal(tenure('2018-04-09', '2026-11-25'), '8 years');
  assert.equal(tenure('2026-05-01', '2026-11-25'), '6 months');
  assert.equal(tenure('2026-11-20', '2026-11-25'), '5 days');
  assert.equal(tenure('2027-01-01', '2026-11-25'), '');
  assert.equal(tenure('', '2026-11-25'), '');
});
