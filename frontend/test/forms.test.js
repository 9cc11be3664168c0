import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coerce, FieldError } from '../js/lib/forms.js';

test('coerce builds the typed input object a Go method takes', () => {
  const spec = { name: 'text', durationMinutes: 'int', meetingDay: 'int', cadenceDays: 'int', done: 'bool', agenda: 'lines' };
  const input = coerce({ name: '  Circle  ', durationMinutes: '90', meetingDay: '-1', cadenceDays: '', done: 'on', agenda: 'Check-in\r\n\n  Topic  \n' }, spec);
  assert.deepEqual(input, { name: '  Circle  ', durationMinutes: 90, meetingDay: -1, cadenceDays: 0, done: true, agenda: ['Check-in', 'Topic'] });
});

test('text is kept exactly as typed (Go trims and checks the length)', () => {
  const long = 'x'.repeat(100_001);
  assert.equal(coerce({ note: long }, { note: 'text' }).note.length, 100_001);
  assert.equal(coerce({}, { note: 'text' }).note, '');
});

test('a non-number in a number field is a field error, not a silent 0', () => {
  assert.throws(() => coerce({ count: '6 sessions' }, { count: 'int' }), (err) => err instanceof FieldError && err.field === 'count' && err.code === 'invalid');
  assert.throws(() => coerce({ count: '2.5' }, { count: 'int' }), FieldError);
});

test('booleans', () => {
  assert.deepEqual(coerce({ a: true, b: false, c: 'true', d: undefined }, { a: 'bool', b: 'bool', c: 'bool', d: 'bool' }), { a: true, b: false, c: true, d: false });
});
