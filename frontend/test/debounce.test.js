import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { debounce, oneAtATime } from '../js/lib/debounce.js';

test('oneAtATime asks at once, then once more with the latest when the answer is in', async () => {
  const asked = [];
  const answers = [];
  let typed = '';
  const run = oneAtATime(() => {
    asked.push(typed);
    return new Promise((r) => answers.push(r));
  });
  typed = 'p';
  run();
  await Promise.resolve();
  assert.deepEqual(asked, ['p'], 'the first key asks at once');
  for (const t of ['pr', 'pro', 'prod']) {
    typed = t;
    run();
  }
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(asked, ['p'], 'no second question while the first is out');
  let idle = false;
  const waited = run.idle().then(() => { idle = true; });
  answers[0]();
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(asked, ['p', 'prod'], 'then one question, with what is typed now');
  assert.equal(idle, false, 'not idle while the second is out');
  answers[1]();
  await waited;
  assert.equal(idle, true);
  typed = 'product';
  run();
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(asked, ['p', 'prod', 'product'], 'idle again: at once');
});

test('oneAtATime goes on after a failed run', async () => {
  let n = 0;
  const run = oneAtATime(async () => {
    n += 1;
    if (n === 1) throw new Error('disk busy');
  });
  run();
  run();
  await run.idle();
  assert.equal(n, 2);
});

test('debounce runs once after the last call', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let n = 0;
    const d = debounce(() => n++, 100);
    d(); d(); d();
    mock.timers.tick(99);
    assert.equal(n, 0);
    mock.timers.tick(1);
    assert.equal(n, 1);
  } finally {
    mock.timers.reset();
  }
});
