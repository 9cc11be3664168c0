import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  VOCAB_PAGE, vocabRow, vocabRows, filterRows, vocabPayload, rowField, rowOfField, pageOfRow, vocabSummary, neverSummary, neverDay,
} from '../js/lib/vocabulary.js';

test('vocabRows keeps the order and gives every row a key of its own', () => {
  const rows = vocabRows([{ tag: 'hiring', synonyms: 'recruiting' }, { tag: 'public speaking', synonyms: 'presenting, talks' }]);
  assert.deepEqual(rows.map((r) => r.tag), ['hiring', 'public speaking']);
  const keys = new Set([...rows, vocabRow()].map((r) => r.key));
  assert.equal(keys.size, 3);
  assert.deepEqual(vocabRows(null), []);
});

test('filterRows finds a tag or a synonym, case and accents aside', () => {
  const rows = vocabRows([{ tag: 'Public speaking', synonyms: 'présenter, talks' }, { tag: 'hiring', synonyms: 'recruiting' }, { tag: '', synonyms: '' }]);
  assert.deepEqual(filterRows(rows, 'SPEAK'), [0]);
  assert.deepEqual(filterRows(rows, 'presenter'), [0]);
  assert.deepEqual(filterRows(rows, 'recruit'), [1]);
  assert.deepEqual(filterRows(rows, '  '), [0, 1, 2]);
  assert.deepEqual(filterRows(rows, 'nothing'), []);
});

test('vocabPayload sends every row, trimmed, so Go’s rows are the screen’s', () => {
  const rows = vocabRows([{ tag: ' hiring ', synonyms: ' recruiting ' }, { tag: '', synonyms: '' }]);
  assert.deepEqual(vocabPayload(rows), [{ tag: 'hiring', synonyms: 'recruiting' }, { tag: '', synonyms: '' }]);
});

test('rowField and rowOfField name a row’s field as Go does', () => {
  assert.equal(rowField(3, 'tag'), 'vocabulary.3.tag');
  assert.deepEqual(rowOfField('vocabulary.12.synonyms'), { row: 12, name: 'synonyms' });
  assert.equal(rowOfField('vocabulary'), null);
  assert.equal(rowOfField('vocabulary.x.tag'), null);
  assert.equal(rowOfField(''), null);
});

test('pageOfRow finds the page that shows a row, or -1 when the filter hides it', () => {
  const shown = Array.from({ length: 250 }, (_, i) => i * 2); // every even row
  assert.equal(pageOfRow(shown, 0), 0);
  assert.equal(pageOfRow(shown, 2 * VOCAB_PAGE), 1);
  assert.equal(pageOfRow(shown, 498), 2);
  assert.equal(pageOfRow(shown, 3), -1);
});

test('vocabSummary counts tags and synonyms, and what a filter keeps', () => {
  const rows = vocabRows([{ tag: 'a', synonyms: 'x, y;z' }, { tag: 'b', synonyms: ' , ' }]);
  assert.equal(vocabSummary(rows, 2), '2 tags · 3 synonyms');
  assert.equal(vocabSummary(rows, 1), '1 of 2 tags · 3 synonyms');
  assert.equal(vocabSummary(vocabRows([{ tag: 'a', synonyms: 'x' }]), 1), '1 tag · 1 synonym');
});

test('neverSummary counts people, and says nothing for none', () => {
  assert.equal(neverSummary(0), '');
  assert.equal(neverSummary(1), '1 person');
  assert.equal(neverSummary(3), '3 people');
});

test('neverDay is the local day of the pair, and "" for no time', () => {
  const iso = new Date(2026, 11, 3, 9, 30).toISOString();
  assert.equal(neverDay(iso), '2026-12-03');
  assert.equal(neverDay(''), '');
  assert.equal(neverDay('soon'), '');
});
