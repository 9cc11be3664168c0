import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSaver, backoffDelay, saveLabel, SAVER_TIMING } from '../js/lib/saver.js';
import { fakeClock } from './fakeclock.js';

/** A fake Go save: every call waits until the test answers it. */
function fakeSave() {
  const calls = [];
  let version = 0;
  const save = (text, base) => new Promise((resolve, reject) => {
    calls.push({ text, base, resolve: () => resolve({ version: ++version }), reject: (msg) => reject(new Error(msg)) });
  });
  return { calls, save };
}

function setup(opts = {}) {
  const clock = fakeClock();
  const go = fakeSave();
  const states = [];
  const mirror = { value: null, write(t) { this.value = t; }, clear() { this.value = null; } };
  const saver = createSaver({ save: go.save, clock, mirror, text: opts.text ?? '', version: opts.version ?? 0, onChange: (s) => states.push(s) });
  return { clock, go, states, mirror, saver, last: () => states[states.length - 1] };
}

test('backoff doubles from 1 s up to 15 s', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 20].map((n) => backoffDelay(n)), [1000, 2000, 4000, 8000, 15000, 15000, 15000]);
  assert.equal(backoffDelay(0), 1000);
});

test('text goes out 250 ms after the last keystroke, and Saved waits for Go', async () => {
  const { clock, go, saver, last, mirror } = setup();
  saver.input('H');
  await clock.advance(100);
  saver.input('He');
  await clock.advance(240);
  assert.equal(go.calls.length, 0, 'still debouncing');
  assert.equal(last().state, 'saving');
  assert.equal(mirror.value, 'He', 'unsaved text is mirrored');
  await clock.advance(10);
  assert.equal(go.calls.length, 1);
  assert.equal(go.calls[0].text, 'He');
  assert.equal(clock.now() - 100, SAVER_TIMING.debounceMs, 'within 300 ms of the last keystroke');
  assert.equal(last().state, 'saving', 'not saved while in flight');
  go.calls[0].resolve();
  await clock.advance(0);
  assert.equal(last().state, 'saved');
  assert.equal(last().version, 1);
  assert.equal(mirror.value, null, 'mirror cleared once saved');
});

test('continuous typing still saves every 2 s (max wait)', async () => {
  const { clock, go, saver } = setup();
  let s = '';
  for (let i = 0; i < 20; i++) {
    s += 'x';
    saver.input(s);
    await clock.advance(150);
  }
  // 20 keystrokes 150 ms apart = 3 s of typing, never a 250 ms pause.
  assert.equal(go.calls.length, 1);
  assert.equal(go.calls[0].text.length, 14, 'sent at 2 s');
  go.calls[0].resolve();
  await clock.advance(300);
  assert.equal(go.calls.length, 2);
  assert.equal(go.calls[1].text, s);
  assert.equal(go.calls[1].base, 1, 'the next save builds on the version Go returned');
});

test('one save at a time; the newest text wins', async () => {
  const { clock, go, saver, last } = setup();
  saver.input('a');
  await clock.advance(250);
  assert.equal(go.calls.length, 1);
  saver.input('ab');
  await clock.advance(250);
  saver.input('abc');
  await clock.advance(250);
  assert.equal(go.calls.length, 1, 'nothing sent while a save is in flight');
  go.calls[0].resolve();
  await clock.advance(0);
  assert.equal(go.calls.length, 2);
  assert.equal(go.calls[1].text, 'abc', 'skips the stale middle text');
  assert.equal(last().state, 'saving');
  go.calls[1].resolve();
  await clock.advance(0);
  assert.equal(last().state, 'saved');
  assert.equal(last().savedText, 'abc');
});

test('Saved is not shown for text that changed while its save was out', async () => {
  const { clock, go, saver, last } = setup();
  saver.input('one');
  await clock.advance(250);
  saver.input('one two');
  go.calls[0].resolve();
  await clock.advance(0);
  assert.equal(last().state, 'saving');
  assert.equal(last().savedText, 'one');
});

test('a failure shows the message and retries with backoff, sending the newest text', async () => {
  const { clock, go, saver, last, mirror } = setup();
  saver.input('note');
  await clock.advance(250);
  go.calls[0].reject('disk full');
  await clock.advance(0);
  assert.equal(last().state, 'error');
  assert.equal(saveLabel(last()), 'Not saved — retrying (disk full)');
  assert.equal(mirror.value, 'note', 'kept locally while failing');
  saver.input('note 2');
  await clock.advance(999);
  assert.equal(go.calls.length, 1, 'waits 1 s');
  await clock.advance(1);
  assert.equal(go.calls.length, 2);
  assert.equal(go.calls[1].text, 'note 2');
  go.calls[1].reject('disk full');
  await clock.advance(1999);
  assert.equal(go.calls.length, 2, 'then 2 s');
  await clock.advance(1);
  assert.equal(go.calls.length, 3);
  go.calls[2].reject('disk full');
  await clock.advance(4000);
  assert.equal(go.calls.length, 4, 'then 4 s');
  go.calls[3].resolve();
  await clock.advance(0);
  assert.equal(last().state, 'saved');
  assert.equal(last().failures, 0);
  assert.equal(mirror.value, null);
});

test('flush sends at once and resolves when Go has the text', async () => {
  const { clock, go, saver } = setup();
  saver.input('draft');
  const done = saver.flush();
  await clock.advance(0);
  assert.equal(go.calls.length, 1, 'no debounce wait');
  let result = null;
  done.then((r) => { result = r; });
  await clock.advance(0);
  assert.equal(result, null);
  go.calls[0].resolve();
  await clock.advance(0);
  assert.equal(result, true);
  assert.equal(await saver.flush(), true, 'nothing pending: resolves at once');
});

test('flush during a save waits for it, then sends the newer text', async () => {
  const { clock, go, saver, last } = setup();
  saver.input('a');
  await clock.advance(250);
  saver.input('ab');
  const done = saver.flush();
  go.calls[0].resolve();
  await clock.advance(0);
  assert.equal(go.calls.length, 2);
  assert.equal(go.calls[1].text, 'ab');
  go.calls[1].resolve();
  assert.equal(await done, true);
  assert.equal(last().state, 'saved');
});

test('flush while backing off retries now; a failed flush resolves false', async () => {
  const { clock, go, saver } = setup();
  saver.input('x');
  await clock.advance(250);
  go.calls[0].reject('locked');
  await clock.advance(0);
  const done = saver.flush();
  await clock.advance(0);
  assert.equal(go.calls.length, 2, 'skips the backoff');
  go.calls[1].reject('locked');
  assert.equal(await done, false);
});

test('typing back to the saved text needs no save', async () => {
  const { clock, go, saver, last } = setup({ text: 'hello', version: 3 });
  saver.input('hello!');
  saver.input('hello');
  await clock.advance(3000);
  assert.equal(go.calls.length, 0);
  assert.equal(last().state, 'saved');
});

test('reset takes a restored text as saved', async () => {
  const { clock, go, saver, last } = setup({ text: 'new', version: 5 });
  saver.input('newer');
  saver.reset('old', 7);
  await clock.advance(3000);
  assert.equal(go.calls.length, 0);
  assert.equal(last().state, 'saved');
  assert.equal(last().version, 7);
  saver.input('old+');
  await clock.advance(250);
  assert.equal(go.calls[0].base, 7);
});

test('a save that lands after a reset is overwritten by the restored text', async () => {
  const { clock, go, saver, last } = setup();
  saver.input('typed');
  await clock.advance(250);
  saver.reset('restored', 4);
  go.calls[0].resolve(); // Go now holds "typed"
  await clock.advance(0);
  assert.equal(go.calls.length, 2);
  assert.equal(go.calls[1].text, 'restored');
  go.calls[1].resolve();
  await clock.advance(0);
  assert.equal(last().state, 'saved');
});

test('saveLabel', () => {
  assert.equal(saveLabel({ state: 'saved', error: '' }), 'Saved');
  assert.equal(saveLabel({ state: 'saving', error: '' }), 'Saving…');
  assert.equal(saveLabel({ state: 'error', error: '' }), 'Not saved — retrying');
  assert.equal(saveLabel({ state: 'error', error: 'Not saved: The disk is full.' }), 'Not saved — retrying (The disk is full.)');
});

test('dispose stops the timers', async () => {
  const { clock, go, saver } = setup();
  saver.input('x');
  saver.dispose();
  await clock.advance(5000);
  assert.equal(go.calls.length, 0);
  assert.equal(clock.pending(), 0);
});
