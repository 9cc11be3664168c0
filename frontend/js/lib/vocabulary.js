// The tag vocabulary editor's logic: rows with stable keys, the filter, the
// page of rows shown, the field a row's error names, and what the editor
// and the never-match section say. Pure, for `node --test`.

import { foldKey } from './fold.js';
import { formatCount, plural } from './format.js';

/** How many vocabulary rows the editor shows at once. */
export const VOCAB_PAGE = 100;

/** The most tags the vocabulary holds (pairing.MaxTags). */
export const MAX_TAGS = 2000;

/** @typedef {{key: number, tag: string, synonyms: string}} VocabRow */

let nextKey = 1;

/**
 * A new editor row, with a key of its own that survives edits and deletes.
 * @param {string} [tag]
 * @param {string} [synonyms]
 * @returns {VocabRow}
 */
export function vocabRow(tag = '', synonyms = '') {
  return { key: nextKey++, tag, synonyms };
}

/**
 * The editor's rows for a saved vocabulary, in its order.
 * @param {{tag: string, synonyms: string}[]} tags
 * @returns {VocabRow[]}
 */
export function vocabRows(tags) {
  return (tags || []).map((t) => vocabRow(t.tag || '', t.synonyms || ''));
}

/**
 * The rows a filter keeps, as their indexes: those whose tag or synonyms
 * contain it, case and accents aside; every row for an empty filter.
 * @param {VocabRow[]} rows
 * @param {string} query
 * @returns {number[]}
 */
export function filterRows(rows, query) {
  const q = foldKey(query || '');
  const out = [];
  rows.forEach((r, i) => {
    if (!q || foldKey(r.tag).includes(q) || foldKey(r.synonyms).includes(q)) out.push(i);
  });
  return out;
}

/**
 * What the whole vocabulary is saved as: every row, in order, so that Go's
 * "Row N" is the row numbered N on screen.
 * @param {VocabRow[]} rows
 * @returns {{tag: string, synonyms: string}[]}
 */
export function vocabPayload(rows) {
  return rows.map((r) => ({ tag: r.tag.trim(), synonyms: r.synonyms.trim() }));
}

/**
 * A row's field name, as Go's errors name it: rowField(3, 'tag') is "vocabulary.3.tag".
 * @param {number} i the row's index, from 0
 * @param {'tag'|'synonyms'} name
 * @returns {string}
 */
export function rowField(i, name) {
  return `vocabulary.${i}.${name}`;
}

/**
 * The row an error's field names, or null for one about no row.
 * @param {string} field e.g. "vocabulary.3.synonyms"
 * @returns {{row: number, name: 'tag'|'synonyms'}|null}
 */
export function rowOfField(field) {
  const m = /^vocabulary\.(\d+)\.(tag|synonyms)$/.exec(field || '');
  return m ? { row: Number(m[1]), name: /** @type {'tag'|'synonyms'} */ (m[2]) } : null;
}

/**
 * Where a row is among the rows shown: the page it is on, or -1 when the
 * filter hides it.
 * @param {number[]} shown the rows the filter keeps
 * @param {number} row
 * @param {number} [size]
 * @returns {number}
 */
export function pageOfRow(shown, row, size = VOCAB_PAGE) {
  const at = shown.indexOf(row);
  return at < 0 ? -1 : Math.floor(at / size);
}

/**
 * The line over the editor: "12 tags · 30 synonyms", and how many the filter keeps.
 * @param {VocabRow[]} rows
 * @param {number} shown
 * @returns {string}
 */
export function vocabSummary(rows, shown) {
  const syn = rows.reduce((n, r) => n + r.synonyms.split(/[,;\n]/).filter((s) => s.trim()).length, 0);
  const head = `${plural(rows.length, 'tag')} · ${plural(syn, 'synonym')}`;
  return shown === rows.length ? head : `${formatCount(shown)} of ${head}`;
}

/**
 * What the never-match section says over its list.
 * @param {number} n
 * @returns {string}
 */
export function neverSummary(n) {
  return n ? plural(n, 'person', 'people') : '';
}

/**
 * The local day a never-match pair was recorded, "YYYY-MM-DD", or "" for a time that does not parse.
 * @param {string} since RFC 3339
 * @returns {string}
 */
export function neverDay(since) {
  const d = new Date(since || '');
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
