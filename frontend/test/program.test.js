import { test } from 'node:test';
import assert from 'node:assert/strict';
import { programCountLabel, healthLine, actionsLine } from '../js/lib/program.js';

test('programCountLabel counts what the filters keep', () => {
  assert.equal(programCountLabel(16000, false, '', ''), '16,000 circles and pairs');
  assert.equal(programCountLabel(1, false, '', ''), '1 circle or pair');
  assert.equal(programCountLabel(13, false, '2026 spring', 'group'), '13 circles in 2026 spring');
  assert.equal(programCountLabel(1, false, '', 'pair'), '1 pair');
  assert.equal(programCountLabel(1001, true, '', 'pair'), '1,000+ pairs');
  assert.equal(programCountLabel(0, false, 'x', ''), '0 circles and pairs in x');
});

test('healthLine names the level, then why', () => {
  assert.equal(healthLine({ health: 'good', reasons: [] }), 'Good');
  assert.equal(healthLine({ health: 'at-risk', reasons: ['No session held in 55 days', 'Attendance 42%'] }), 'At risk: No session held in 55 days; Attendance 42%');
  assert.equal(healthLine({ health: 'inactive' }), 'Not meeting');
});

test('actionsLine says open and overdue', () => {
  assert.equal(actionsLine({ openActions: 0, overdueActions: 0 }), 'None open');
  assert.equal(actionsLine({ openActions: 3, overdueActions: 0 }), '3 open');
  assert.equal(actionsLine({ openActions: 3, overdueActions: 1 }), '3 open, 1 overdue');
});

test('roleWantedLabel says what a person wants in matching', async () => {
  const { roleWantedLabel } = await import('../js/lib/labels.js');
  assert.equal(roleWantedLabel('mentor', 2), 'Mentor (takes 2 mentees)');
  assert.equal(roleWantedLabel('mentor', 1), 'Mentor (takes 1 mentee)');
  assert.equal(roleWantedLabel('mentee', 0), 'Mentee');
  assert.equal(roleWantedLabel('both', 0), 'Mentor or mentee');
  assert.equal(roleWantedLabel('', 3), '');
});
