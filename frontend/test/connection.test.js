import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createConnection, CONNECTION_TIMING } from '../js/lib/connection.js';
import { connection, circles, notes } from '../js/api.js';
import { fakeClock } from './fakeclock.js';

/** A fake ping that fails until `up` is set, counting its calls. */
function fakePing() {
  const p = { up: false, calls: 0 };
  p.fn = async () => {
    p.calls += 1;
    if (!p.up) throw Object.assign(new Error('The database server cannot be reached.'), { code: 'unavailable' });
  };
  return p;
}

afterEach(() => {
  delete globalThis.window;
  delete globalThis.fetch;
});

test('only an "unavailable" failure loses the connection', () => {
  const clock = fakeClock();
  const c = createConnection({ ping: fakePing().fn, clock });
  for (const code of ['invalid', 'internal', 'not_found', 'conflict', undefined]) c.report({ ok: false, code });
  assert.equal(c.snapshot().lost, false);
  assert.deepEqual(clock.delays(), [], 'no ping while the database answers');
  c.report({ ok: false, code: 'unavailable' });
  assert.deepEqual(c.snapshot(), { lost: true, attempts: 0, retryAt: CONNECTION_TIMING.retryBaseMs });
});

test('while lost it pings with backoff, and a ping that succeeds restores it', async () => {
  const clock = fakeClock();
  const ping = fakePing();
  const c = createConnection({ ping: ping.fn, clock });
  const seen = [];
  c.subscribe((s) => seen.push(s.lost));
  c.report({ ok: false, code: 'unavailable' });
  c.report({ ok: false, code: 'unavailable' }); // a second failing call changes nothing
  const waits = [];
  for (let i = 0; i < 6; i++) {
    waits.push(clock.delays()[0]);
    await clock.advance(clock.delays()[0]);
  }
  assert.deepEqual(waits, [1000, 2000, 4000, 8000, 15000, 15000]);
  assert.equal(ping.calls, 6);
  assert.equal(c.snapshot().attempts, 6);
  ping.up = true;
  await clock.advance(15000);
  assert.equal(c.snapshot().lost, false);
  assert.deepEqual(clock.delays(), [], 'no more pings once back');
  assert.equal(seen[0], true);
  assert.equal(seen.at(-1), false);
  assert.equal(seen.filter((l) => !l).length, 1, 'told it is back once');
});

test('a call that succeeds while lost pings at once, at most once a second', async () => {
  const clock = fakeClock();
  const ping = fakePing();
  const c = createConnection({ ping: ping.fn, clock });
  c.report({ ok: false, code: 'unavailable' });
  c.report({ ok: true }); // e.g. a preview, which needs no database: it does not prove the database is back
  await clock.tick();
  assert.equal(ping.calls, 1);
  assert.equal(c.snapshot().lost, true, 'a failed ping keeps it lost');
  c.report({ ok: true });
  await clock.tick();
  assert.equal(ping.calls, 1, 'not again within a second');
  ping.up = true;
  await clock.advance(1000);
  c.report({ ok: true });
  await clock.tick();
  assert.equal(c.snapshot().lost, false);
});

test('dispose stops pinging', async () => {
  const clock = fakeClock();
  const ping = fakePing();
  const c = createConnection({ ping: ping.fn, clock });
  c.report({ ok: false, code: 'unavailable' });
  c.dispose();
  await clock.advance(60000);
  assert.equal(ping.calls, 0);
});

test('api: every call reports to api.connection, which pings main.App.Ping', async () => {
  globalThis.window = {};
  let down = true;
  const names = [];
  globalThis.fetch = async (_u, init) => {
    const { name } = JSON.parse(init.body);
    names.push(name);
    if (down && name !== 'notes.Notes.Preview') {
      return { ok: false, status: 422, text: async () => '{"error":{"code":"unavailable","message":"Not saved: The database server cannot be reached."}}' };
    }
    return { ok: true, status: 200, text: async () => '{"result":{}}' };
  };
  await assert.rejects(notes.save(3, 'shared', 'hello'), (e) => e.code === 'unavailable');
  assert.equal(connection.snapshot().lost, true);
  await notes.preview('# hi'); // answered without the database
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(names, ['notes.Notes.Save', 'notes.Notes.Preview', 'main.App.Ping']);
  assert.equal(connection.snapshot().lost, true, 'the ping failed');
  down = false;
  await circles.get(1);
  await new Promise((r) => setTimeout(r, 1100)); // the real clock: past the least gap, or the 1 s retry
  await circles.get(1);
  await new Promise((r) => setImmediate(r));
  assert.equal(connection.snapshot().lost, false);
  assert.ok(names.filter((n) => n === 'main.App.Ping').length >= 2);
});
