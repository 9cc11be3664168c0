import { test } from 'node:test';
import assert from 'node:assert/strict';
import { comboOf, isTypingTarget, globalAction, liveAction, SHORTCUTS } from '../js/lib/keys.js';

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

test('liveAction: Ctrl combos work while typing, single keys only outside fields', () => {
  const k = (key, mods = {}) => ({ key, ...mods });
  assert.equal(liveAction(k('E', { ctrlKey: true, shiftKey: true }), true), 'end');
  assert.equal(liveAction(k('P', { ctrlKey: true, shiftKey: true }), true), 'pin');
  assert.equal(liveAction(k('p', { ctrlKey: true }), true), 'preview');
  assert.equal(liveAction(k('p', { metaKey: true }), true), 'preview');
  assert.equal(liveAction(k('i', { ctrlKey: true }), true), 'capture');
  assert.equal(liveAction(k('j', { ctrlKey: true }), true), 'toggle-notes');
  assert.equal(liveAction(k('s', { ctrlKey: true }), true), 'save');
  assert.equal(liveAction(k('n', { altKey: true }), true), 'next-item');
  assert.equal(liveAction(k('˜', { altKey: true, code: 'KeyN' }), true), 'next-item', 'macOS Alt+N');
  assert.equal(liveAction(k('g', { altKey: true }), true), 'goals', 'Alt+G from the notes');
  assert.equal(liveAction(k('©', { altKey: true, code: 'KeyG' }), false), 'goals', 'macOS Alt+G');
  assert.equal(liveAction(k('g'), true), null, 'typing a g');
  assert.equal(liveAction(k('a'), false), 'capture');
  assert.equal(liveAction(k('a'), true), null, 'typing an a');
  assert.equal(liveAction(k('n'), false), 'next-item');
  assert.equal(liveAction(k('e'), false), 'edit');
  assert.equal(liveAction(k('t'), false), 'topics');
  assert.equal(liveAction(k('x', { ctrlKey: true }), false), null);
  assert.equal(liveAction(k('E', { ctrlKey: true, shiftKey: true, altKey: true }), false), null);
});

test('the overlay lists the live-session shortcuts', () => {
  const live = SHORTCUTS.find((g) => g.title === 'Live session');
  const labels = live.items.map((s) => s.keys.join('+'));
  for (const keys of ['Ctrl+Shift+E', 'Ctrl+P', 'Ctrl+I', 'Ctrl+Shift+P', 'Alt+N']) assert.ok(labels.includes(keys), keys);
});
