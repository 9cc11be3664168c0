// The person page's growth parts as pure logic: the milestone form's kinds,
// starting values and input, a skill's change from before to after, and
// the growth report's formats and request. Pure functions only.

import { MILESTONE_KINDS } from './goals.js';

/** @typedef {{value: string, label: string}} Choice */
/** @typedef {{personId?: number, kind: string, happenedOn: string, text: string, visibility: string}} MilestoneInput */

/** @type {Choice[]} The milestone form's kinds (Go's model.MilestoneKinds), "other" named as a choice. */
export const MILESTONE_CHOICES = MILESTONE_KINDS.map((k) => (k.value === 'other' ? { value: 'other', label: 'Other' } : k));

/**
 * The milestone form's starting values: an edited milestone's, or a new
 * one's (the first kind, today, private as Go defaults it).
 * @param {any} [m] the milestone being edited
 * @param {string} today YYYY-MM-DD
 * @returns {MilestoneInput}
 */
export function milestoneFormValues(m, today) {
  if (!m) return { kind: MILESTONE_CHOICES[0].value, happenedOn: today, text: '', visibility: 'private' };
  return { kind: m.kind || MILESTONE_CHOICES[0].value, happenedOn: m.happenedOn || today, text: m.text || '', visibility: m.visibility === 'shared' ? 'shared' : 'private' };
}

/**
 * The input Go's Milestones.Add and Update take, from the form's values:
 * trimmed, private unless shared is chosen.
 * @param {{kind: string, happenedOn: string, text: string, visibility: string}} raw
 * @param {number} personId
 * @returns {MilestoneInput}
 */
export function milestoneInput(raw, personId) {
  return {
    personId, kind: String(raw.kind || '').trim(), happenedOn: String(raw.happenedOn || '').trim(),
    text: String(raw.text || '').trim(), visibility: raw.visibility === 'shared' ? 'shared' : 'private',
  };
}

/**
 * A skill's change between its two ratings (0: not rated), in figures
 * ("2 → 4") and in words for screen readers.
 * @param {number} before 0-5
 * @param {number} after 0-5
 * @returns {{text: string, label: string, trend: 'up'|'down'|'same'|'none', delta: number|null}}
 */
export function skillChange(before, after) {
  const b = Number(before) || 0;
  const a = Number(after) || 0;
  if (b && a) {
    const d = a - b;
    const trend = d > 0 ? 'up' : d < 0 ? 'down' : 'same';
    const words = d > 0 ? `up ${d}` : d < 0 ? `down ${-d}` : 'no change';
    return { text: `${b} → ${a}`, label: `From ${b} to ${a}, ${words}`, trend, delta: d };
  }
  if (b) return { text: `${b} → …`, label: `${b} before; not rated after yet`, trend: 'none', delta: null };
  if (a) return { text: `… → ${a}`, label: `Not rated before; ${a} after`, trend: 'none', delta: null };
  return { text: '—', label: 'Not rated', trend: 'none', delta: null };
}

/**
 * The choices of one rating cell: "—" while it has no rating (it cannot be
 * chosen back once rated: a rating is replaced, never removed), then 1-5.
 * @param {number} rating the current rating, 0 for none
 * @returns {{value: string, label: string, disabled: boolean, selected: boolean}[]}
 */
export function ratingOptions(rating) {
  const r = Number(rating) || 0;
  return [{ value: '0', label: '—', disabled: r > 0, selected: r === 0 },
    ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n), disabled: false, selected: r === n }))];
}

/**
 * The circles' framework names, once each, in order: "Core skills, Values".
 * @param {{framework: string}[]} rows
 * @returns {string[]}
 */
export function frameworkNames(rows) {
  return [...new Set((rows || []).map((r) => r.framework))];
}

/** @type {Choice[]} The growth report's formats (Go's export.PersonFormats), PDF first. */
export const REPORT_FORMATS = [
  { value: 'pdf', label: 'PDF' },
  { value: 'md', label: 'Markdown' },
  { value: 'html', label: 'HTML (one page, printable)' },
];

/**
 * The request Go's Exports.PersonFile reads, from the report dialog's fields.
 * @param {{format: string, from: string, to: string}} f
 * @returns {{format: string, from: string, to: string}}
 */
export function reportRequest(f) {
  const format = REPORT_FORMATS.some((c) => c.value === f.format) ? f.format : 'pdf';
  return { format, from: String(f.from || '').trim(), to: String(f.to || '').trim() };
}
