// The save conflict: a save from a version someone else has saved over is
// refused (code "conflict" on "body"); the saver stops instead of retrying,
// keeps the text, and the page resolves it with Keep mine or Use theirs,
// the text not kept becoming a revision first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSaver, saveLabel, isConflict } from '../js/lib/saver.js';
import { keepMine, useTheirs, otherLabel } from '../js/lib/conflict.js';
import { ApiError } from '../js/api.js';
import { fakeClock } from './fakeclock.js';

/**
 * A fake Go note with SaveFrom's rule: a save from a version other than the
 * note's is refused unless it holds the very same text.
 */
function fakeNote() {
  const note = { body: '', version: 0 };
  const calls = [];
  const revisions = [];
  const saveFrom = async (text, base) => {
    calls.push({ text, base });
    if (base !== note.version && text !== note.body) throw new ApiError('conflict', 'body', `Someone else saved these notes meanwhile (version ${note.version}; yours was typed on version ${base}).`);
    if (base === note.version) {
      note.body = text;
      note.version += 1;
    }
    return { version: note.version };
  };
  const setAside = async (text) => {
    revisions.push(text);
  };
  return { note, calls, revisions, saveFrom, setAside };
}

function setup(go, opts = {}) {
  const clock = fakeClock();
  const states = [];
  const conflicts = [];
  const mirror = { value: null, write(t) { this.value = t; }, clear() { this.value = null; } };
  const saver = createSaver({
    save: go.saveFrom, clock, mirror, text: opts.text ?? '', version: opts.version ?? 0,
    onChange: (s) => states.push(s), onConflict: (s, err) => conflicts.push({ s, err }),
  });
  return { clock, saver, mirror, conflicts, last: () => states[states.length - 1] };
}

test('isConflict is a conflict on the body only', () => {
  assert.ok(isConflict(new ApiError('conflict', 'body', 'x')));
  assert.ok(!isConflict(new ApiError('conflict', 'name', 'x')));
  assert.ok(!isConflict(new ApiError('internal', 'body', 'x')));
  assert.ok(!isConflict(null));
});

test('a conflict stops the saver: no retry, the text kept, typing goes on unsent', async () => {
  const go = fakeNote();
  const { clock, saver, mirror, conflicts, last } = setup(go);
  // Someone else saves first, on version 0.
  await go.saveFrom('Ana: the plan.', 0);
  saver.input('Ben: my words');
  await clock.advance(250);
  assert.equal(go.calls.length, 2);
  assert.equal(go.calls[1].base, 0, 'sent from the version it was typed on');
  assert.equal(last().state, 'conflict');
  assert.equal(saveLabel(last()), 'Not saved — someone else saved');
  assert.equal(conflicts.length, 1);
  assert.equal(conflicts[0].err.code, 'conflict');
  assert.equal(mirror.value, 'Ben: my words', 'the text stays mirrored');
  assert.equal(clock.pending(), 0, 'no retry is scheduled');

  saver.input('Ben: my words, more');
  await clock.advance(60000);
  assert.equal(go.calls.length, 2, 'nothing is sent while the conflict waits');
  assert.equal(mirror.value, 'Ben: my words, more', 'typing goes on into the mirror');
  assert.equal(await saver.flush(), false, 'a flush does not send over their text');
  assert.equal(go.calls.length, 2);
  saver.input('');
  assert.equal(last().state, 'conflict', 'still a conflict, whatever the text');
  assert.equal(mirror.value, '', 'even an emptied editor is kept as it is');
  assert.deepEqual(go.note, { body: 'Ana: the plan.', version: 1 }, 'their text untouched');
});

test('Keep mine sets theirs aside, then saves mine from their version', async () => {
  const go = fakeNote();
  const { clock, saver, mirror, last } = setup(go);
  await go.saveFrom('Ana: the plan.', 0);
  saver.input('Ben: my words');
  await clock.advance(250);
  assert.equal(last().state, 'conflict');

  const ok = await keepMine({ other: { ...go.note }, setAside: go.setAside, saver });
  assert.equal(ok, true);
  assert.deepEqual(go.revisions, ['Ana: the plan.'], 'their text is kept as a revision first');
  assert.deepEqual(go.note, { body: 'Ben: my words', version: 2 });
  assert.equal(go.calls[go.calls.length - 1].base, 1, 'saved from their version');
  assert.equal(last().state, 'saved');
  assert.equal(last().version, 2);
  assert.equal(mirror.value, null);

  saver.input('Ben: my words, then more');
  await clock.advance(250);
  assert.equal(go.note.body, 'Ben: my words, then more', 'typing saves on from the new version');
});

test('Keep mine meeting yet another save conflicts again', async () => {
  const go = fakeNote();
  const { clock, saver, conflicts, last } = setup(go);
  await go.saveFrom('Ana 1', 0);
  saver.input('Ben');
  await clock.advance(250);
  const seen = { ...go.note };
  await go.saveFrom('Ana 2', 1); // Ana saves again while Ben reads
  const ok = await keepMine({ other: seen, setAside: go.setAside, saver });
  assert.equal(ok, false);
  assert.equal(last().state, 'conflict');
  assert.equal(conflicts.length, 2);
  assert.deepEqual(go.note, { body: 'Ana 2', version: 2 }, 'not written over Ana 2, which Ben never saw');
});

test('Use theirs sets mine aside, then takes their text and version', async () => {
  const go = fakeNote();
  const { clock, saver, mirror, last } = setup(go);
  await go.saveFrom('Ana: the plan.', 0);
  saver.input('Ben: my words');
  await clock.advance(250);
  const shown = await useTheirs({ mine: 'Ben: my words', other: { ...go.note }, setAside: go.setAside, saver });
  assert.equal(shown, 'Ana: the plan.');
  assert.deepEqual(go.revisions, ['Ben: my words'], 'my text is kept as a revision');
  assert.equal(last().state, 'saved');
  assert.equal(last().version, 1);
  assert.equal(mirror.value, null);
  saver.input('Ana: the plan. Ben agrees.');
  await clock.advance(250);
  assert.deepEqual(go.note, { body: 'Ana: the plan. Ben agrees.', version: 2 }, 'typing saves on from their version');
});

test('a choice whose revision fails changes nothing', async () => {
  const go = fakeNote();
  const { clock, saver, last } = setup(go);
  await go.saveFrom('Ana', 0);
  saver.input('Ben');
  await clock.advance(250);
  const failing = async () => { throw new ApiError('unavailable', '', 'The program database cannot be reached.'); };
  await assert.rejects(useTheirs({ mine: 'Ben', other: { ...go.note }, setAside: failing, saver }), /cannot be reached/);
  await assert.rejects(keepMine({ other: { ...go.note }, setAside: failing, saver }), /cannot be reached/);
  assert.equal(last().state, 'conflict', 'still waiting for a choice');
  assert.equal(last().text, 'Ben');
  assert.deepEqual(go.note, { body: 'Ana', version: 1 });
});

test('hold keeps a recovered conflicted text unsent until a choice', async () => {
  const go = fakeNote();
  await go.saveFrom('Ana', 0);
  const { clock, saver, mirror, last } = setup(go, { text: 'Ana', version: 1 });
  saver.hold('Someone else saved these notes.');
  saver.input('Ben, from before the reload');
  await clock.advance(5000);
  assert.equal(go.calls.length, 1, 'nothing sent');
  assert.equal(last().state, 'conflict');
  assert.equal(mirror.value, 'Ben, from before the reload');
  assert.equal(await keepMine({ other: { ...go.note }, setAside: go.setAside, saver }), true);
  assert.equal(go.note.body, 'Ben, from before the reload');
});

test('the same text sent again is no conflict', async () => {
  const go = fakeNote();
  await go.saveFrom('Same', 0);
  const { clock, saver, last } = setup(go);
  saver.input('Same');
  await clock.advance(250);
  assert.equal(last().state, 'saved');
});

test('otherLabel names the version and, when known, the time', () => {
  assert.equal(otherLabel({ version: 4, updatedAt: '2026-12-02T14:05:00Z' }, () => 'Wed 2 Dec, 14:05'), 'Their text (version 4, saved Wed 2 Dec, 14:05):');
  assert.equal(otherLabel({ version: 4 }, () => 'x'), 'Their text (version 4):');
});
