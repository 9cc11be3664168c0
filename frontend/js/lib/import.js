// The roster import screen's logic: a file's bytes as base64, the words for
// fields and counts, the dry run's rows ordered, filtered and paged, presets
// laid over a mapping, and the request Go takes. Pure, for `node --test`.

import { formatCount, plural } from './format.js';

/** The largest roster Go reads (roster.MaxFileBytes), refused here before reading. */
export const MAX_FILE_BYTES = 50 << 20;

/** Rows shown per page of the dry run. */
export const PAGE_SIZE = 100;

/** What each field a column can map to is called on screen. */
export const FIELD_LABELS = {
  name: 'Name', firstName: 'First name', lastName: 'Last name', email: 'Email', pronouns: 'Pronouns',
  title: 'Title', team: 'Team', organization: 'Organization', location: 'Location', timeZone: 'Time zone',
  startDate: 'Tenure start', roleWanted: 'Role wanted', strengths: 'Strengths', growthAreas: 'Growth areas',
  languages: 'Languages', capacity: 'Capacity', cohort: 'Cohort',
};

/**
 * A field's label, or the field itself when it has none.
 * @param {string} field
 * @returns {string}
 */
export function fieldLabel(field) {
  return FIELD_LABELS[field] || field;
}

/** The row filter's choices, in order: value and label. */
export const FILTERS = [['all', 'All'], ['error', 'Errors'], ['create', 'Creates'], ['update', 'Updates'], ['skip', 'Skips']];

/** What each action is called in the rows table. */
export const ACTION_LABELS = { create: 'New', update: 'Update', skip: 'Unchanged', error: 'Error' };

/**
 * Encodes bytes as base64, the form Go's []byte takes in JSON; in chunks,
 * so a 50 MB file does not overflow the argument list.
 * @param {ArrayBuffer|Uint8Array} buf
 * @returns {string}
 */
export function toBase64(buf) {
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  const CHUNK = 0x8000;
  let bin = '';
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + CHUNK)));
  return btoa(bin);
}

/**
 * Why a chosen file cannot be read, before reading it, or "".
 * @param {{name: string, size: number}|null|undefined} file
 * @returns {string}
 */
export function fileProblem(file) {
  if (!file) return 'Choose a roster file.';
  if (file.size === 0) return 'The file is empty.';
  if (file.size > MAX_FILE_BYTES) return `The file is ${(file.size / (1 << 20)).toFixed(1)} MB; a roster may be at most ${MAX_FILE_BYTES >> 20} MB.`;
  return '';
}

/**
 * What the preview read, in one line: "roster.csv: CSV, UTF-8 with BOM, semicolon separated; 3 rows (header on row 1)".
 * @param {string} name the file's name
 * @param {{format: string, encoding: string, delimiter: string, rows: number, headerRow: number}} p the Preview
 * @returns {string}
 */
export function previewLine(name, p) {
  const sep = { ',': 'comma', ';': 'semicolon', '\t': 'tab' }[p.delimiter];
  const enc = String(p.encoding || '').replace(/^utf-\w+/, (m) => m.toUpperCase()).replace(/^windows-/, 'Windows-');
  const parts = [String(p.format || '').toUpperCase(), enc, sep ? `${sep} separated` : ''].filter(Boolean);
  return `${name}: ${parts.join(', ')}; ${plural(p.rows, 'row')} (header on row ${p.headerRow})`;
}

/**
 * The counts line: "12 new, 3 updated, 40 unchanged, 1 error", leaving out
 * what is none; "No rows" for an empty plan.
 * @param {{creates: number, updates: number, skips: number, errors: number}} plan
 * @returns {string}
 */
export function countsLine(plan) {
  const parts = [];
  if (plan.creates) parts.push(`${formatCount(plan.creates)} new`);
  if (plan.updates) parts.push(`${formatCount(plan.updates)} updated`);
  if (plan.skips) parts.push(`${formatCount(plan.skips)} unchanged`);
  if (plan.errors) parts.push(`${formatCount(plan.errors)} ${plan.errors === 1 ? 'error' : 'errors'}`);
  return parts.length ? parts.join(', ') : 'No rows';
}

/**
 * How many people an import would change: those it creates or updates, and
 * those unchanged who join the circle.
 * @param {{rows: {action: string, joinsCircle?: boolean}[]}} plan
 * @returns {number}
 */
export function changeCount(plan) {
  let n = 0;
  for (const r of plan.rows || []) if (r.action === 'create' || r.action === 'update' || (r.action === 'skip' && r.joinsCircle)) n++;
  return n;
}

/**
 * The import button's words: "Import 1 person", "Import 4,051 people".
 * @param {number} n
 * @returns {string}
 */
export function importLabel(n) {
  return `Import ${formatCount(n)} ${n === 1 ? 'person' : 'people'}`;
}

/**
 * The plan's rows in the order the screen lists them: errors first, then by row number.
 * @template {{row: number, action: string}} R
 * @param {R[]} rows
 * @returns {R[]}
 */
export function orderRows(rows) {
  return [...(rows || [])].sort((a, b) => (a.action === 'error' ? 0 : 1) - (b.action === 'error' ? 0 : 1) || a.row - b.row);
}

/**
 * The rows a filter keeps ("all" keeps every row).
 * @template {{action: string}} R
 * @param {R[]} rows
 * @param {string} filter "all", "error", "create", "update" or "skip"
 * @returns {R[]}
 */
export function filterRows(rows, filter) {
  return !filter || filter === 'all' ? rows : rows.filter((r) => r.action === filter);
}

/**
 * One page of rows, clamped to the pages there are.
 * @template R
 * @param {R[]} rows
 * @param {number} page 0-based
 * @param {number} [size]
 * @returns {{rows: R[], page: number, pages: number, from: number, to: number, total: number}} from and to count from 1 (0 when empty)
 */
export function pageOf(rows, page, size = PAGE_SIZE) {
  const total = rows.length;
  const pages = Math.max(1, Math.ceil(total / size));
  const p = Math.min(Math.max(0, Math.trunc(page) || 0), pages - 1);
  const start = p * size;
  const slice = rows.slice(start, start + size);
  return { rows: slice, page: p, pages, from: total ? start + 1 : 0, to: start + slice.length, total };
}

/**
 * "Showing 1–100 of 4,051", or "No rows" for none.
 * @param {{from: number, to: number, total: number}} pg
 * @returns {string}
 */
export function showingLabel(pg) {
  if (!pg.total) return 'No rows';
  return `Showing ${formatCount(pg.from)}–${formatCount(pg.to)} of ${formatCount(pg.total)}`;
}

/**
 * Lays a preset's mapping over the columns' current one: a column the
 * preset names takes its field, others keep theirs.
 * @param {Record<string, string>} mapping header -> field ("" ignores it)
 * @param {Record<string, string>} preset header -> field
 * @returns {Record<string, string>}
 */
export function applyPreset(mapping, preset) {
  const out = { ...mapping };
  for (const header of Object.keys(out)) if (preset && Object.hasOwn(preset, header)) out[header] = preset[header] || '';
  return out;
}

/**
 * The request Go's DryRun and Import take, from what the screen holds.
 * Skips are sorted row numbers; fixes keep only rows with a value; the role
 * goes only with a circle (Go refuses a role without one).
 * @param {{file: {name: string, data: string}, mapping: Record<string, string>, skip?: Iterable<number>, fixes?: Record<number, Record<string, string>>, circleId?: number|string, role?: string, cohort?: string}} s
 * @returns {{name: string, data: string, mapping: Record<string, string>, skip: number[], fixes: Record<string, Record<string, string>>, circleId: number, role: string, cohort: string}}
 */
export function buildRequest(s) {
  const fixes = {};
  for (const [row, fields] of Object.entries(s.fixes || {})) {
    const kept = Object.fromEntries(Object.entries(fields || {}).filter(([, v]) => v !== undefined && v !== null));
    if (Object.keys(kept).length) fixes[row] = kept;
  }
  const circleId = Number(s.circleId) || 0;
  return {
    name: s.file.name,
    data: s.file.data,
    mapping: { ...s.mapping },
    skip: [...new Set(s.skip || [])].map(Number).sort((a, b) => a - b),
    fixes,
    circleId,
    role: circleId ? s.role || '' : '',
    cohort: (s.cohort || '').trim(),
  };
}
