import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionLineHint, inFence } from '../js/lib/actionline.js';

const DAY = '2026-12-02T17:00';

test('inFence follows Go: ``` and ~~~ fences, closed by a run as long', () => {
  const text = '- [ ] a\n```\n- [ ] b\n~~~\n- [ ] c\n```\n- [ ] d\n~~~~\n- [ ] e\n~~~\n- [ ] f\n~~~~\n- [ ] g';
  const at = (line) => text.indexOf(line) + 2;
  assert.equal(inFence(text, at('- [ ] a')), false);
  assert.equal(inFence(text, at('- [ ] b')), true);
  assert.equal(inFence(text, at('- [ ] c')), true, '~~~ does not close a ``` fence');
  assert.equal(inFence(text, at('- [ ] d')), false);
  assert.equal(inFence(text, at('- [ ] e')), true);
  assert.equal(inFence(text, at('- [ ] f')), true, 'a shorter run does not close');
  assert.equal(inFence(text, at('- [ ] g')), false);
});

test('a task line in a fence gets no action hint', () => {
  assert.equal(actionLineHint('- [ ] send deck', [], DAY, { fenced: true }), null);
  assert.notEqual(actionLineHint('- [ ] send deck', [], DAY, {}), null);
});
