// The limits every form field has, and the problems the page finds before
// sending: the same numbers and the same words as Go's check package
// (test/limits.test.js compares them), so a field shows the message Go
// would have sent. Pure functions only.

/** Limits in characters, years and sessions; Go's check.Max*, check.*Year and sessions.MaxSeries. */
export const LIMITS = Object.freeze({
  name: 200, // a person's, circle's or topic's name
  title: 200, // one line: a session's topic, a place, an agenda item, a job title
  prose: 10_000, // free text: a purpose, strengths, a pinned note, an action item
  email: 254,
  url: 2_000,
  minYear: 1900,
  maxYear: 2100,
  series: 104, // sessions one series may schedule
});

/** Go's messages, with %d and %s where Go puts its values. */
export const MESSAGES = Object.freeze({
  tooLong: 'This is %d characters; the limit is %d.',
  lineTooLong: 'Line %d is %d characters; the limit is %d.',
  required: '%s is required.',
  yearRange: 'Use a date between %d and %d.',
  notFuture: 'Use a date no later than today.',
  webAddress: 'Use a web address that starts with https:// or http://.',
  between: '%s must be between %d and %d.',
  date: 'Use a date like 2026-03-31.',
  dateTime: 'Use a date and time like 2026-03-31T18:30.',
  email: 'That does not look like an email address.',
  timeZone: 'Use a time zone like Europe/Madrid or America/Chicago.',
  wholeNumber: 'Enter a whole number.',
});

/**
 * A message with its values filled in, as Go's fmt would: message('tooLong', 5000, 200).
 * @param {keyof MESSAGES} key
 * @param {...(string|number)} args
 * @returns {string}
 */
export function message(key, ...args) {
  let i = 0;
  return MESSAGES[key].replace(/%[ds]/g, () => String(args[i++]));
}

/**
 * @typedef {Object} Rules what a field accepts; every rule is optional
 * @property {string} [what] the field's name in messages ("Name", "Number of sessions")
 * @property {boolean} [required]
 * @property {number} [maxLength] in characters, as Go counts them
 * @property {number} [lineMax] the longest line of a one-item-per-line text
 * @property {string} [type] text, textarea, email, url, date, datetime-local or number
 * @property {number} [min] @property {number} [max] for numbers
 * @property {string} [notAfter] YYYY-MM-DD: the latest date accepted (today, for a start that cannot be in the future)
 */

const chars = (s) => [...s].length;

/**
 * The problem with a field's value, in Go's words, or "" when there is none.
 * @param {string} value as the control holds it
 * @param {Rules} rules
 * @returns {string}
 */
export function problem(value, rules) {
  const v = String(value ?? '');
  const blank = v.trim() === '';
  switch (rules.type) {
    case 'number': return numberProblem(v, rules);
    case 'date': return blank ? (rules.required ? message('required', rules.what || 'This') : '') : dateProblem(v, rules);
    case 'datetime-local': return blank && !rules.required ? '' : dateTimeProblem(v);
  }
  if (blank) return rules.required ? message('required', rules.what || 'This') : '';
  if (rules.maxLength && chars(v) > rules.maxLength) return message('tooLong', chars(v), rules.maxLength);
  if (rules.lineMax) {
    const lines = v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    const i = lines.findIndex((l) => chars(l) > rules.lineMax);
    if (i >= 0) return message('lineTooLong', i + 1, chars(lines[i]), rules.lineMax);
  }
  if (rules.type === 'email' && !/^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/.test(v.trim())) return MESSAGES.email;
  if (rules.type === 'url' && !isWebAddress(v.trim())) return MESSAGES.webAddress;
  return '';
}

/**
 * Whether a text is an absolute http or https address, the only links the app opens.
 * @param {string} v
 * @returns {boolean}
 */
export function isWebAddress(v) {
  if (/[\s<>"]/.test(v)) return false;
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

function numberProblem(v, rules) {
  const s = v.trim();
  const range = () => message('between', rules.what || 'The number', rules.min, rules.max);
  if (s === '') return rules.required && rules.min !== undefined ? range() : '';
  if (!/^-?\d+$/.test(s)) return MESSAGES.wholeNumber;
  const n = Number(s);
  if ((rules.min !== undefined && n < rules.min) || (rules.max !== undefined && n > rules.max)) return range();
  return '';
}

/** A real calendar date? */
function realDate(y, m, d) {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function yearProblem(y) {
  return y < LIMITS.minYear || y > LIMITS.maxYear ? message('yearRange', LIMITS.minYear, LIMITS.maxYear) : '';
}

function dateProblem(v, rules) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.trim());
  if (!m || !realDate(+m[1], +m[2], +m[3])) return MESSAGES.date;
  return yearProblem(+m[1]) || (rules.notAfter && v.trim() > rules.notAfter ? MESSAGES.notFuture : '');
}

function dateTimeProblem(v) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(v.trim());
  if (!m || !realDate(+m[1], +m[2], +m[3]) || +m[4] > 23 || +m[5] > 59) return MESSAGES.dateTime;
  return yearProblem(+m[1]);
}
