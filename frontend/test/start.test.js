import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseError, sessions, notes } from '../js/api.js';

afterEach(() => {
  delete globalThis.window;
  delete globalThis.fetch;
});

test('a session planned for another day comes back with a code the page acts on', () => {
  const e = normaliseError({ code: 'other_day', field: 'startsAt', message: 'Session 5 is planned for Thursday 3 December, not today.' });
  assert.deepEqual([e.code, e.field], ['other_day', 'startsAt']);
});

test('moving a session to now and finishing its notes name their Go methods', async () => {
  const calls = [];
  globalThis.window = {};
  globalThis.fetch = async (_u, init) => {
    const b = JSON.parse(init.body);
    calls.push([b.name, b.args]);
    return { ok: true, status: 200, text: async () => '{"result":null}' };
  };
  await sessions.moveToNow(5);
  await notes.finish(5);
  assert.deepEqual(calls, [['sessions.Sessions.MoveToNow', [5]], ['notes.Notes.Finish', [5]]]);
});
