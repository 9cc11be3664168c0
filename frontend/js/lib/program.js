// The program view's words: the count line, the health labels and what a
// row says about a circle's health. Pure, for `node --test`.

import { formatCount } from './format.js';

/** What each health level is called on screen. */
export const HEALTH_LABELS = { good: 'Good', watch: 'Watch', 'at-risk': 'At risk', inactive: 'Not meeting' };

/** The kind filter's choices, in order: value and label. */
export const KIND_CHOICES = [['', 'Circles and pairs'], ['group', 'Circles only'], ['pair', 'Pairs only']];

/**
 * The line under the title: "16,000 circles and pairs", "13 circles in 2026 spring", "1,000+ pairs".
 * @param {number} total as Go counted it (1,001 when capped)
 * @param {boolean} capped Go stopped counting
 * @param {string} cohort the cohort filter, "" for all
 * @param {string} kind "", "group" or "pair"
 * @returns {string}
 */
export function programCountLabel(total, capped, cohort, kind) {
  const n = capped ? `${formatCount(Math.max(0, total - 1))}+` : formatCount(total);
  const one = !capped && total === 1;
  let what = one ? 'circle or pair' : 'circles and pairs';
  if (kind === 'group') what = one ? 'circle' : 'circles';
  if (kind === 'pair') what = one ? 'pair' : 'pairs';
  return `${n} ${what}${cohort ? ` in ${cohort}` : ''}`;
}

/**
 * A row's health as one line: the level, then its reasons.
 * @param {{health: string, reasons?: string[]}} row
 * @returns {string} e.g. "At risk: No session held in 55 days; Attendance 42%"
 */
export function healthLine(row) {
  const label = HEALTH_LABELS[row.health] || row.health;
  const reasons = row.reasons || [];
  return reasons.length ? `${label}: ${reasons.join('; ')}` : label;
}

/**
 * What a row's action items say: "3 open, 1 overdue", "None open".
 * @param {{openActions: number, overdueActions: number}} row
 * @returns {string}
 */
export function actionsLine(row) {
  if (!row.openActions) return 'None open';
  return row.overdueActions ? `${row.openActions} open, ${row.overdueActions} overdue` : `${row.openActions} open`;
}
