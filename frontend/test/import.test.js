import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  toBase64, fileProblem, previewLine, countsLine, changeCount, importLabel, orderRows, filterRows, pageOf, showingLabel,
  applyPreset, buildRequest, fieldLabel, MAX_FILE_BYTES,
} from '../js/lib/import.js';

test('toBase64 encodes bytes as Go reads []byte, across chunks', () => {
  const text = '\uFEFFname;email\nJosé;JOSE@x.org\n';
  const bytes = new TextEncoder().encode(text);
  assert.equal(toBase64(bytes.buffer), Buffer.from(bytes).toString('base64'));
  assert.equal(toBase64(new Uint8Array(0)), '');
  const big = new Uint8Array(100_003).map((_, i) => (i * 7) & 255);
  assert.equal(toBase64(big), Buffer.from(big).toString('base64'));
});

test('fileProblem refuses no file, an empty one and one over 50 MB', () => {
  assert.equal(fileProblem(null), 'Choose a roster file.');
  assert.equal(fileProblem({ name: 'a.csv', size: 0 }), 'The file is empty.');
  assert.equal(fileProblem({ name: 'a.csv', size: MAX_FILE_BYTES + (1 << 20) }), 'The file is 51.0 MB; a roster may be at most 50 MB.');
  assert.equal(fileProblem({ name: 'a.csv', size: 10 }), '');
});

test('previewLine says what was read', () => {
  assert.equal(previewLine('roster.csv', { format: 'csv', encoding: 'utf-8 with BOM', delimiter: ';', rows: 3, headerRow: 1 }),
    'roster.csv: CSV, UTF-8 with BOM, semicolon separated; 3 rows (header on row 1)');
  assert.equal(previewLine('r.xlsx', { format: 'xlsx', encoding: '', delimiter: '', rows: 1, headerRow: 2 }), 'r.xlsx: XLSX; 1 row (header on row 2)');
  assert.equal(previewLine('w.txt', { format: 'csv', encoding: 'windows-1252', delimiter: '\t', rows: 2, headerRow: 1 }), 'w.txt: CSV, Windows-1252, tab separated; 2 rows (header on row 1)');
});

test('countsLine leaves out what is none', () => {
  assert.equal(countsLine({ creates: 12, updates: 3, skips: 40, errors: 1 }), '12 new, 3 updated, 40 unchanged, 1 error');
  assert.equal(countsLine({ creates: 4051, updates: 0, skips: 0, errors: 2 }), '4,051 new, 2 errors');
  assert.equal(countsLine({ creates: 0, updates: 0, skips: 5, errors: 0 }), '5 unchanged');
  assert.equal(countsLine({ creates: 0, updates: 0, skips: 0, errors: 0 }), 'No rows');
});

test('changeCount counts creates, updates and the unchanged who join the circle', () => {
  const rows = [{ action: 'create' }, { action: 'update' }, { action: 'skip' }, { action: 'skip', joinsCircle: true }, { action: 'error' }];
  assert.equal(changeCount({ rows }), 3);
  assert.equal(changeCount({ rows: [{ action: 'skip' }] }), 0);
  assert.equal(importLabel(1), 'Import 1 person');
  assert.equal(importLabel(4051), 'Import 4,051 people');
});

test('orderRows puts errors first, then by row; filterRows keeps one action', () => {
  const rows = [{ row: 2, action: 'create' }, { row: 5, action: 'error' }, { row: 3, action: 'skip' }, { row: 4, action: 'error' }];
  assert.deepEqual(orderRows(rows).map((r) => r.row), [4, 5, 2, 3]);
  assert.deepEqual(rows.map((r) => r.row), [2, 5, 3, 4], 'the plan is not reordered in place');
  assert.deepEqual(filterRows(orderRows(rows), 'error').map((r) => r.row), [4, 5]);
  assert.deepEqual(filterRows(rows, 'all'), rows);
  assert.deepEqual(filterRows(rows, 'update'), []);
});

test('pageOf pages 100 at a time and clamps; showingLabel says where', () => {
  const rows = Array.from({ length: 4051 }, (_, i) => i);
  const first = pageOf(rows, 0);
  assert.equal(first.rows.length, 100);
  assert.equal(showingLabel(first), 'Showing 1–100 of 4,051');
  const last = pageOf(rows, 99);
  assert.equal(last.page, 40);
  assert.equal(last.pages, 41);
  assert.deepEqual([last.from, last.to, last.rows.length], [4001, 4051, 51]);
  assert.equal(pageOf(rows, -3).page, 0);
  const none = pageOf([], 2);
  assert.deepEqual([none.page, none.pages, none.from, none.to], [0, 1, 0, 0]);
  assert.equal(showingLabel(none), 'No rows');
});

test('applyPreset sets the columns the preset names and keeps the others', () => {
  const m = { Nombre: 'name', Correo: 'email', Extra: 'title' };
  assert.deepEqual(applyPreset(m, { Correo: '', Extra: 'team', Absent: 'cohort' }), { Nombre: 'name', Correo: '', Extra: 'team' });
  assert.deepEqual(m, { Nombre: 'name', Correo: 'email', Extra: 'title' }, 'the mapping given is not changed');
});

test('buildRequest sends the mapping, sorted skips, fixes, and a role only with a circle', () => {
  const file = { name: 'r.csv', data: 'QUJD' };
  const req = buildRequest({ file, mapping: { A: 'name', B: '' }, skip: new Set([7, 3, 7]), fixes: { 5: { email: 'a@x.org' }, 6: {} }, circleId: '12', role: 'mentee', cohort: ' 2026 spring ' });
  assert.deepEqual(req, {
    name: 'r.csv', data: 'QUJD', mapping: { A: 'name', B: '' }, skip: [3, 7], fixes: { 5: { email: 'a@x.org' } }, circleId: 12, role: 'mentee', cohort: '2026 spring',
  });
  const bare = buildRequest({ file, mapping: {}, circleId: '', role: 'mentee' });
  assert.deepEqual([bare.circleId, bare.role, bare.skip, bare.fixes, bare.cohort], [0, '', [], {}, '']);
});

test('fieldLabel names the fields Go lists', () => {
  assert.equal(fieldLabel('startDate'), 'Tenure start');
  assert.equal(fieldLabel('growthAreas'), 'Growth areas');
  assert.equal(fieldLabel('unknown'), 'unknown');
});
