import { test } from 'node:test';
import assert from 'node:assert/strict';
import { landing, countLabel, attentionLabel, settingsInput, SETTINGS_FIELDS, sessionWhen, atMostEvery, keepLaunchView, takeLaunchView, LAUNCH_VIEW_MS } from '../js/lib/today.js';
import { fakeClock } from './fakeclock.js';

test('a launch opens on Today once there is data, else the circles list', () => {
  assert.equal(landing({ empty: false }), '#/today');
  assert.equal(landing({ empty: true }), '#/circles');
  assert.equal(landing(null), '#/circles', 'Today failing never keeps the app from opening');
  assert.equal(landing({}), '#/circles');
});

test('the list a launch read is drawn once, then Today reads its own', () => {
  assert.equal(takeLaunchView(), null);
  const view = { empty: false, count: 3 };
  keepLaunchView(view);
  assert.equal(takeLaunchView(), view);
  assert.equal(takeLaunchView(), null);
  keepLaunchView(view, 1_000);
  assert.equal(takeLaunchView(1_000 + LAUNCH_VIEW_MS + 1), null, 'a list kept too long ago is not drawn');
  assert.equal(takeLaunchView(1_000), null);
});

test('the sidebar count', () => {
  assert.equal(countLabel(0), '');
  assert.equal(countLabel(3), '3');
  assert.equal(countLabel(99), '99');
  assert.equal(countLabel(100), '99+');
  assert.equal(countLabel(-2), '');
  assert.equal(countLabel(undefined), '');
});

test('the Needs attention count says when there are more than the list shows', () => {
  assert.equal(attentionLabel(0), '');
  assert.equal(attentionLabel(1), '1 item');
  assert.equal(attentionLabel(100), '100 items');
  assert.equal(attentionLabel(101), '100+ items');
  assert.equal(attentionLabel(437), '100+ items');
});

test('settings fields are Go\'s JSON names, read as whole numbers', () => {
  assert.deepEqual(SETTINGS_FIELDS.map((f) => f.name), ['driftMissed', 'driftWindow', 'absentDays', 'overdueDays', 'openDays', 'quietDays', 'goalQuietDays']);
  const raw = { driftMissed: '2', driftWindow: ' 3 ', absentDays: '', overdueDays: '0', openDays: '2.5', quietDays: '-1', goalQuietDays: '28' };
  assert.deepEqual(settingsInput(raw), { driftMissed: 2, driftWindow: 3, absentDays: 0, overdueDays: 0, openDays: '2.5', quietDays: -1, goalQuietDays: 28 });
});

test('a session\'s time is its circle\'s wall time, whatever this computer\'s zone', () => {
  assert.equal(sessionWhen({ startsAt: '2026-12-02T17:00:00+09:00' }, '2026-12-02'), 'Wed 2 Dec, 17:00 · today');
  assert.equal(sessionWhen({ startsAt: '2026-12-03T08:30:00-05:00' }, '2026-12-02'), 'Thu 3 Dec, 08:30 · tomorrow');
});

test('atMostEvery runs at once, then at most once per interval', async () => {
  const clock = fakeClock();
  let runs = 0;
  const run = atMostEvery(() => { runs += 1; }, 1000, clock);
  run();
  assert.equal(runs, 1);
  run();
  run();
  run();
  assert.equal(runs, 1, 'calls within the interval wait');
  await clock.advance(999);
  assert.equal(runs, 1);
  await clock.advance(1);
  assert.equal(runs, 2, 'one trailing run for the burst');
  await clock.advance(5000);
  assert.equal(runs, 2);
  run();
  assert.equal(runs, 3, 'after a quiet interval a call runs at once');
  run();
  run.cancel();
  await clock.advance(5000);
  assert.equal(runs, 3, 'cancel drops the pending run');
});
