import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tooLong, TOO_LONG, moreRequest, optionsOf, moveIndex, marksFromQuery, markRanges, latest, asking, waitBeforeAsking, SHORT_WAIT } from '../js/lib/find.js';

test('tooLong counts characters as Go does (runes), up to 10,000', () => {
  assert.equal(tooLong('a'.repeat(10000)), '');
  assert.equal(tooLong('a'.repeat(10001)), TOO_LONG);
  assert.equal(tooLong('😀'.repeat(10000)), '', '10,000 emoji are 20,000 UTF-16 units but 10,000 characters');
  assert.equal(tooLong('😀'.repeat(10001)), TOO_LONG);
  assert.equal(tooLong(''), '');
});

test('more narrows to the group with in: and asks for more', () => {
  assert.deepEqual(moreRequest(' munoz demo ', 'note'), { query: 'munoz demo in:notes', limit: 50 });
  assert.deepEqual(moreRequest('ana', 'person'), { query: 'ana in:people', limit: 50 });
  assert.deepEqual(moreRequest('x', 'actions'), { query: 'x in:actions', limit: 50 });
});

test('optionsOf lists hits group by group, then each group\'s more', () => {
  const r = { query: 'a', hint: '', marks: ['a'], groups: [
    { kind: 'person', label: 'People', more: false, hits: [{ kind: 'person', id: 1, title: 'Ana', where: '', route: '#/people/1' }] },
    { kind: 'note', label: 'Notes', more: true, hits: [{ kind: 'note', id: 4, title: 'S1', where: '', route: '#/sessions/2' }, { kind: 'note', id: 5, title: 'S2', where: '', route: '#/sessions/3' }] },
  ] };
  const opts = optionsOf(r, 'p');
  assert.deepEqual(opts.map((o) => o.id), ['p-person-1', 'p-note-4', 'p-note-5', 'p-more-note']);
  assert.deepEqual(opts.map((o) => o.group), [0, 1, 1, 1]);
  assert.equal(new Set(opts.map((o) => o.id)).size, opts.length, 'ids are unique');
  assert.deepEqual(optionsOf(null, 'p'), []);
});

test('moveIndex wraps and starts from the end going up', () => {
  assert.equal(moveIndex(-1, 1, 3), 0);
  assert.equal(moveIndex(-1, -1, 3), 2);
  assert.equal(moveIndex(2, 1, 3), 0);
  assert.equal(moveIndex(0, -1, 3), 2);
  assert.equal(moveIndex(1, 1, 3), 2);
  assert.equal(moveIndex(0, 1, 0), -1);
});

test('marksFromQuery keeps words and phrase words, folded; drops -words and filters', () => {
  assert.deepEqual(marksFromQuery('Muñoz DEMO'), ['munoz', 'demo']);
  assert.deepEqual(marksFromQuery('"Big plan" -nope in:notes circle:Craft before:2026-01-01 is:open'), ['big', 'plan']);
  assert.deepEqual(marksFromQuery('-"left out" kept'), ['kept']);
  assert.deepEqual(marksFromQuery('colour:red'), ['colour', 'red'], 'unknown filters are words');
  assert.deepEqual(marksFromQuery('"unclosed phrase'), ['unclosed', 'phrase']);
  assert.deepEqual(marksFromQuery('NEAR( * ) "" -'), ['near']);
  assert.deepEqual(marksFromQuery('Dąbrowska Nguyễn'), ['dabrowska', 'nguyen']);
  assert.deepEqual(marksFromQuery(''), []);
});

test('markRanges marks whole words whose folded form starts with a mark', () => {
  const text = 'Ana Muñoz showed the Demo, demonstrably; a codemo is not one.';
  const got = markRanges(text, ['munoz', 'demo']).map((r) => text.slice(r.start, r.end));
  assert.deepEqual(got, ['Muñoz', 'Demo', 'demonstrably']);
  assert.deepEqual(markRanges('ÍÑIGO met Iñigo', ['inigo']).map((r) => r.start), [0, 10]);
  assert.deepEqual(markRanges('nothing here', ['zzz']), []);
  assert.deepEqual(markRanges('anything', []), []);
});

test('markRanges finds marks inside words in scripts without spaces', () => {
  const text = '会議の議事録を共有';
  const got = markRanges(text, ['議事']).map((r) => text.slice(r.start, r.end));
  assert.deepEqual(got, ['議事']);
});

test('latest drops answers to older questions', () => {
  const g = latest();
  const a = g.next();
  const b = g.next();
  assert.equal(g.current(a), false);
  assert.equal(g.current(b), true);
});

test('asking: two questions out at most, then one more with what is typed', async () => {
  const started = [];
  const pending = [];
  let typed = '';
  const ask = asking(() => {
    started.push(typed);
    return new Promise((r) => pending.push(r));
  });
  const tick = () => new Promise((r) => setImmediate(r));
  for (const t of ['m', 'mu', 'mun', 'munoz']) {
    typed = t;
    ask();
    await tick(); // a key at a time: each question reads what is typed when it goes out
  }
  assert.deepEqual(started, ['m', 'mu'], 'the third and fourth calls wait');
  let idle = false;
  ask.idle().then(() => { idle = true; });
  pending.shift()();
  await tick();
  assert.deepEqual(started, ['m', 'mu', 'munoz'], 'one more, with what is typed then');
  pending.shift()();
  pending.shift()();
  await tick();
  await tick();
  assert.deepEqual(started, ['m', 'mu', 'munoz']);
  assert.ok(idle, 'idle once nothing is out');
});

test('a word of one or two letters waits for a pause; longer ones ask at once', () => {
  assert.equal(waitBeforeAsking(''), 0);
  assert.equal(waitBeforeAsking('   '), 0);
  assert.equal(waitBeforeAsking('c'), SHORT_WAIT);
  assert.equal(waitBeforeAsking(' pr '), SHORT_WAIT);
  assert.equal(waitBeforeAsking('ñá'), SHORT_WAIT);
  assert.equal(waitBeforeAsking('😀'), SHORT_WAIT, 'counted as characters, not UTF-16 units');
  assert.equal(waitBeforeAsking('cap'), 0);
  assert.equal(waitBeforeAsking('a b'), 0);
});
