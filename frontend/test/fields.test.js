// Every field's problem travels from Go to the form in one error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseError, ApiError } from '../js/api.js';
import { FieldError } from '../js/lib/forms.js';

test('an error about several fields keeps all of them', () => {
  const payload = {
    code: 'invalid', field: 'name', message: 'Name is required.',
    fields: [
      { code: 'invalid', field: 'name', message: 'Name is required.' },
      { code: 'invalid', field: 'videoLink', message: 'Use a web address that starts with https:// or http://.' },
    ],
  };
  for (const raw of [payload, JSON.stringify(payload), { error: payload }]) {
    const err = normaliseError(raw);
    assert.ok(err instanceof ApiError);
    assert.equal(err.field, 'name');
    assert.deepEqual(err.fields, [
      { field: 'name', message: 'Name is required.' },
      { field: 'videoLink', message: 'Use a web address that starts with https:// or http://.' },
    ]);
  }
});

test('an error about one field lists that one', () => {
  const err = normaliseError({ code: 'conflict', field: 'email', message: 'Someone else already has the email a@b.org.' });
  assert.deepEqual(err.fields, [{ field: 'email', message: 'Someone else already has the email a@b.org.' }]);
  assert.deepEqual(normaliseError('disk I/O error').fields, [{ field: '', message: 'disk I/O error' }]);
});

test('a problem found in the page lists every field too', () => {
  const err = new FieldError('name', 'Name is required.', [{ field: 'name', message: 'Name is required.' }, { field: 'count', message: 'Number of sessions must be between 1 and 104.' }]);
  assert.equal(err.fields.length, 2);
  assert.deepEqual(new FieldError('count', 'Enter a whole number.').fields, [{ field: 'count', message: 'Enter a whole number.' }]);
});
