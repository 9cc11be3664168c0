// The folding rule, against the same table as the Go side (backend/fold).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldKey, compareNames } from '../js/lib/fold.js';

const table = JSON.parse(readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../backend/fold/testdata/cases.json'), 'utf8'));

test('foldKey gives the keys Go gives', () => {
  assert.ok(table.keys.length >= 20, 'the shared table is there');
  for (const [name, want] of table.keys) assert.equal(foldKey(name), want, name);
});

test('compareNames sorts as a person reads, as Go does', () => {
  for (const start of [[...table.order].reverse(), [...table.order.slice(3), ...table.order.slice(0, 3)]]) {
    assert.deepEqual(start.sort(compareNames), table.order);
  }
  assert.ok(compareNames('Ana', 'ana') !== 0 && Math.sign(compareNames('Ana', 'ana')) === -Math.sign(compareNames('ana', 'Ana')));
});


test('@names resolve by the same rule as Go', async () => {
  const { resolveOwner } = await import('../js/lib/actionline.js');
  const members = [{ personId: 1, name: 'Łukasz Wróbel', email: '' }, { personId: 2, name: 'Søren Ødegård', email: '' }];
  assert.equal(resolveOwner('lukasz', members)?.personId, 1);
  assert.equal(resolveOwner('SorenOdegard', members)?.personId, 2);
});
