import { test } from 'node:test';
import assert from 'node:assert/strict';
import { comboOf, isTypingTarget, globalAction, SHORTCUTS } from '../js/lib/keys.js';

test('comboOf names key presses', () => {
  assert.equal(comboOf({ key: 'N', shiftKey: true }), 'n');
  assert.equal(comboOf({ key: '?', shiftKey: true }), '?');
  assert.equal(comboOf({ key: 'Enter', ctrlKey: true }), 'Ctrl+Enter');
  assert.equal(comboOf({ key: 'Enter', metaKey: true }), 'Ctrl+Enter');
  assert.equal(comboOf({ key: 'ArrowUp', altKey: true }), 'Alt+ArrowUp');
  assert.equal(comboOf({ key: 'Tab', shiftKey: true }), 'Shift+Tab');
});

test('isTypingTarget', () => {
  assert.equal(isTypingTarget({ tagName: 'INPUT', type: 'text' }), true);
  assert.equal(isTypingTarget({ tagName: 'INPUT', type: 'search' }), true);
  assert.equal(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' }), false);
  assert.equal(isTypingTarget({ tagName: 'TEXTAREA' }), true);
  assert.equal(isTypingTarget({ tagName: 'SELECT' }), true);
  assert.equal(isTypingTarget({ tagName: 'DIV', isContentEditable: true }), true);
  assert.equal(isTypingTarget({ tagName: 'BUTTON' }), false);
  assert.equal(isTypingTarget(null), false);
});

test('globalAction', () => {
  assert.equal(globalAction('c', 'person'), 'go-circles');
  assert.equal(globalAction('p', 'circles'), 'go-people');
  assert.equal(globalAction('/', 'people'), 'search');
  assert.equal(globalAction('?', 'session'), 'help');
  assert.equal(globalAction('n', 'circles'), 'new-circle');
  assert.equal(globalAction('n', 'people'), 'new-person');
  assert.equal(globalAction('n', 'session'), null);
  assert.equal(globalAction('x', 'circles'), null);
});

test('the overlay lists every global shortcut', () => {
  const keys = SHORTCUTS.flatMap((g) => g.items.map((i) => i.keys.join('+')));
  for (const k of ['C', 'P', '/', '?', 'N', 'Ctrl+Enter', 'Esc', 'Alt+↑', 'Space']) assert.ok(keys.includes(k), k);
});
