import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffLines, diffStats, splitLines, sideBySide } from '../js/lib/diff.js';

const ops = (d) => d.map((x) => `${x.op === 'same' ? ' ' : x.op === 'add' ? '+' : '-'}${x.text}`);

test('splitLines', () => {
  assert.deepEqual(splitLines(''), []);
  assert.deepEqual(splitLines('a\nb\n'), ['a', 'b']);
  assert.deepEqual(splitLines('a\r\nb'), ['a', 'b']);
  assert.deepEqual(splitLines('a\n\nb'), ['a', '', 'b']);
});

test('identical texts are all the same', () => {
  assert.deepEqual(ops(diffLines('a\nb', 'a\nb')), [' a', ' b']);
  assert.deepEqual(diffLines('', ''), []);
});

test('additions, deletions and changes', () => {
  assert.deepEqual(ops(diffLines('', 'x\ny')), ['+x', '+y']);
  assert.deepEqual(ops(diffLines('x\ny', '')), ['-x', '-y']);
  assert.deepEqual(ops(diffLines('a\nb\nc', 'a\nB\nc')), [' a', '-b', '+B', ' c']);
  assert.deepEqual(ops(diffLines('a\nb\nc\nd', 'a\nc\nd\ne')), [' a', '-b', ' c', ' d', '+e']);
});

test('finds the longest common subsequence in the middle', () => {
  const before = 'title\nA\nB\nC\nD\nend';
  const after = 'title\nB\nX\nD\nA\nend';
  const d = diffLines(before, after);
  assert.equal(diffStats(d).same, 4, 'title, B, D, end');
  // Replaying the diff gives both texts back.
  assert.equal(d.filter((x) => x.op !== 'add').map((x) => x.text).join('\n'), before);
  assert.equal(d.filter((x) => x.op !== 'del').map((x) => x.text).join('\n'), after);
});

test('huge different middles fall back without a table', () => {
  const a = Array.from({ length: 50 }, (_, i) => `a${i}`).join('\n');
  const b = Array.from({ length: 50 }, (_, i) => `b${i}`).join('\n');
  const d = diffLines(a, b, 100);
  assert.deepEqual(diffStats(d), { added: 50, removed: 50, same: 0 });
});

test('replays both texts for random edits', () => {
  let seed = 7;
  const rnd = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let k = 0; k < 200; k++) {
    const a = Array.from({ length: rnd(12) }, () => 'abcd'[rnd(4)]);
    const b = Array.from({ length: rnd(12) }, () => 'abcd'[rnd(4)]);
    const d = diffLines(a.join('\n'), b.join('\n'));
    assert.deepEqual(d.filter((x) => x.op !== 'add').map((x) => x.text), a);
    assert.deepEqual(d.filter((x) => x.op !== 'del').map((x) => x.text), b);
  }
});

test('sideBySide pairs removed runs with the added runs that replaced them', () => {
  const rows = sideBySide(diffLines('a\nb\nc\nd', 'a\nB\nC2\nC3\nd'));
  const show = (x) => (x ? `${x.op[0]}:${x.text}` : '-');
  assert.deepEqual(rows.map((r) => `${show(r.left)} | ${show(r.right)}`), [
    's:a | s:a', 'd:b | a:B', 'd:c | a:C2', '- | a:C3', 's:d | s:d',
  ]);
});
