// Formatting of dates, times, durations, rates and relative days.
// Pure functions only: no DOM, no clock unless one is passed in.
//
// Session times travel as local wall times "YYYY-MM-DDTHH:MM" in the circle's
// time zone. They are shown exactly as written: no time-zone conversion.

const WEEKDAYS_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Weekday names, Sunday first, as Go's time.Weekday numbers them. */
export const WEEKDAY_NAMES = WEEKDAYS;

/**
 * @typedef {{year: number, month: number, day: number, hour: number, minute: number, hasTime: boolean}} WallTime
 */

/**
 * Parses "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" into its parts; null when malformed.
 * @param {string} s
 * @returns {WallTime|null}
 */
export function parseWallTime(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(String(s || '').trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const hasTime = m[4] !== undefined;
  return { year, month, day, hour: hasTime ? Number(m[4]) : 0, minute: hasTime ? Number(m[5]) : 0, hasTime };
}

/**
 * Weekday of a calendar date, 0 Sunday .. 6 Saturday.
 * @param {number} year @param {number} month 1..12 @param {number} day
 * @returns {number}
 */
export function weekdayOf(year, month, day) {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

const pad = (n) => String(n).padStart(2, '0');

/**
 * "Tue 2 Dec 2026, 17:00" (year left out when withYear is false).
 * @param {string} startsAt "YYYY-MM-DDTHH:MM"
 * @param {{withYear?: boolean}} [opts]
 * @returns {string}
 */
export function formatDateTime(startsAt, opts = {}) {
  const t = parseWallTime(startsAt);
  if (!t) return startsAt || '';
  const withYear = opts.withYear !== false;
  const date = `${WEEKDAYS_SHORT[weekdayOf(t.year, t.month, t.day)]} ${t.day} ${MONTHS_SHORT[t.month - 1]}${withYear ? ' ' + t.year : ''}`;
  return t.hasTime ? `${date}, ${pad(t.hour)}:${pad(t.minute)}` : date;
}

/**
 * "2 Dec 2026"; with weekday: "Wed 2 Dec 2026". Empty for an empty date.
 * @param {string} date "YYYY-MM-DD" (a time part is ignored)
 * @param {{weekday?: boolean, withYear?: boolean}} [opts]
 * @returns {string}
 */
export function formatDate(date, opts = {}) {
  const t = parseWallTime(date);
  if (!t) return date || '';
  const wd = opts.weekday ? WEEKDAYS_SHORT[weekdayOf(t.year, t.month, t.day)] + ' ' : '';
  return `${wd}${t.day} ${MONTHS_SHORT[t.month - 1]}${opts.withYear === false ? '' : ' ' + t.year}`;
}

/**
 * The "HH:MM" part of a wall time, or "".
 * @param {string} startsAt
 * @returns {string}
 */
export function timeOf(startsAt) {
  const t = parseWallTime(startsAt);
  return t && t.hasTime ? `${pad(t.hour)}:${pad(t.minute)}` : '';
}

/**
 * Short month and day for a grid column head: {month: "Dec", day: "2"}.
 * @param {string} startsAt
 * @returns {{month: string, day: string, weekday: string}}
 */
export function dayParts(startsAt) {
  const t = parseWallTime(startsAt);
  if (!t) return { month: '', day: '', weekday: '' };
  return { month: MONTHS_SHORT[t.month - 1], day: String(t.day), weekday: WEEKDAYS_SHORT[weekdayOf(t.year, t.month, t.day)] };
}

/**
 * Whole days from one date to another (positive when `to` is later).
 * @param {string} from "YYYY-MM-DD…" @param {string} to "YYYY-MM-DD…"
 * @returns {number|null}
 */
export function daysBetween(from, to) {
  const a = parseWallTime(String(from).slice(0, 10));
  const b = parseWallTime(String(to).slice(0, 10));
  if (!a || !b) return null;
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86400000);
}

/**
 * Adds days to a "YYYY-MM-DD" date.
 * @param {string} date @param {number} n
 * @returns {string}
 */
export function addDays(date, n) {
  const t = parseWallTime(date);
  if (!t) return date;
  const d = new Date(Date.UTC(t.year, t.month - 1, t.day + n));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * Relative day words: "today", "tomorrow", "yesterday", "in 3 days", "2 weeks ago", "in 3 months".
 * @param {string} date "YYYY-MM-DD…", the day talked about
 * @param {string} today "YYYY-MM-DD…"
 * @returns {string}
 */
export function relativeDays(date, today) {
  const n = daysBetween(today, date);
  if (n === null) return '';
  if (n === 0) return 'today';
  if (n === 1) return 'tomorrow';
  if (n === -1) return 'yesterday';
  const abs = Math.abs(n);
  let phrase;
  if (abs < 14) phrase = `${abs} days`;
  else if (abs < 60) phrase = plural(Math.round(abs / 7), 'week');
  else if (abs < 365 * 2) phrase = plural(Math.round(abs / 30.44), 'month');
  else phrase = plural(Math.round(abs / 365.25), 'year');
  return n > 0 ? `in ${phrase}` : `${phrase} ago`;
}

/**
 * "1 person", "3 people"-style counting; the plural defaults to word + "s".
 * @param {number} n @param {string} word @param {string} [many]
 * @returns {string}
 */
export function plural(n, word, many) {
  return `${n} ${n === 1 ? word : many || word + 's'}`;
}

/**
 * A 0..1 attendance rate as "86%", or "—" when nothing counts yet (null).
 * @param {number|null|undefined} rate
 * @returns {string}
 */
export function formatRate(rate) {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  return `${Math.round(rate * 100)}%`;
}

/**
 * Buckets a rate for colouring: "good" (>= 80%), "fair" (>= 60%), "low", or "none".
 * @param {number|null|undefined} rate
 * @returns {'good'|'fair'|'low'|'none'}
 */
export function rateLevel(rate) {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return 'none';
  if (rate >= 0.8) return 'good';
  if (rate >= 0.6) return 'fair';
  return 'low';
}

/**
 * Minutes as "45 min", "1 h", "1 h 30 min".
 * @param {number} minutes
 * @returns {string}
 */
export function formatDuration(minutes) {
  const m = Math.max(0, Math.round(Number(minutes) || 0));
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return rest ? `${h} h ${rest} min` : `${h} h`;
}

/**
 * How often a circle meets: "Weekly", "Every 2 weeks", "Monthly", "Every 10 days".
 * @param {{cadence: string, cadenceDays?: number}} c
 * @returns {string}
 */
export function cadenceLabel(c) {
  switch (c.cadence) {
    case 'weekly': return 'Weekly';
    case 'biweekly': return 'Every 2 weeks';
    case 'monthly': return 'Monthly';
    case 'custom': return c.cadenceDays === 1 ? 'Every day' : `Every ${c.cadenceDays || '?'} days`;
    default: return '';
  }
}

/**
 * The usual meeting slot: "Tuesdays at 17:00", "Tuesdays", "At 17:00" or "".
 * @param {{meetingDay: number, meetingTime: string}} c
 * @returns {string}
 */
export function meetingLabel(c) {
  const day = c.meetingDay >= 0 && c.meetingDay <= 6 ? WEEKDAYS[c.meetingDay] + 's' : '';
  if (day && c.meetingTime) return `${day} at ${c.meetingTime}`;
  if (day) return day;
  if (c.meetingTime) return `At ${c.meetingTime}`;
  return '';
}

/**
 * Up to two initials for an avatar: "Ana Muñoz" -> "AM".
 * @param {string} name
 * @returns {string}
 */
export function initials(name) {
  const parts = String(name || '').trim().split(/\s+/).filter(Boolean);
  if (!parts.length) return '?';
  const first = [...parts[0]][0] || '';
  const last = parts.length > 1 ? [...parts[parts.length - 1]][0] || '' : '';
  return (first + last).toUpperCase();
}

/** The most formatters kept; the zones and option sets in use stay far below it. */
const FORMATTERS_MAX = 64;
/** @type {Map<string, Intl.DateTimeFormat|null>} null: the zone is unknown to the runtime */
const formatters = new Map();

/**
 * One Intl.DateTimeFormat per (zone, options), made on first use and kept:
 * building one costs about 100 µs, so a list must never build one a row.
 * @param {string} timeZone IANA name; "" for the runtime's own zone
 * @param {Intl.DateTimeFormatOptions} options without timeZone
 * @returns {Intl.DateTimeFormat|null} null when the runtime does not know the zone
 */
export function dateTimeFormat(timeZone, options) {
  const key = `${timeZone || ''}\n${JSON.stringify(options)}`;
  if (formatters.has(key)) return formatters.get(key);
  let fmt = null;
  try {
    fmt = new Intl.DateTimeFormat('en-CA', { ...options, timeZone: timeZone || undefined });
  } catch {
    fmt = null;
  }
  if (formatters.size >= FORMATTERS_MAX) formatters.delete(formatters.keys().next().value);
  formatters.set(key, fmt);
  return fmt;
}

/**
 * The computer's own time zone, as the runtime reports it ("" when it does not).
 * @returns {string}
 */
export function localTimeZone() {
  return dateTimeFormat('', {})?.resolvedOptions().timeZone || '';
}

/** The parts nowIn reads. */
const WALL_PARTS = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/**
 * Today's date and time as wall times in a time zone (the runtime's own when
 * the zone is empty or unknown). Relative labels ("today", "in 3 days") use the
 * computer's own zone, as the Go side does when it picks a circle's next session.
 * @param {string} [timeZone] IANA name
 * @param {Date} [now]
 * @returns {{date: string, dateTime: string}} "YYYY-MM-DD" and "YYYY-MM-DDTHH:MM"
 */
export function nowIn(timeZone, now = new Date()) {
  // The runtime's own zone needs no Intl at all: the first formatter a page
  // builds loads locale data, tens of milliseconds the lists can do without.
  const fmt = timeZone ? dateTimeFormat(timeZone, /** @type {Intl.DateTimeFormatOptions} */ (WALL_PARTS)) : null;
  /** @type {Record<string, string>} */
  let parts = fmt ? Object.fromEntries(fmt.formatToParts(now).map((p) => [p.type, p.value])) : null;
  if (!parts) {
    parts = { year: String(now.getFullYear()), month: pad(now.getMonth() + 1), day: pad(now.getDate()), hour: pad(now.getHours()), minute: pad(now.getMinutes()) };
  }
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return { date, dateTime: `${date}T${parts.hour === '24' ? '00' : parts.hour}:${parts.minute}` };
}

/**
 * A count with thousands separators: 16000 -> "16,000". (Written out: the
 * first Intl.NumberFormat a page builds loads locale data for 100 ms and more.)
 * @param {number} n
 * @returns {string}
 */
export function formatCount(n) {
  const v = Math.trunc(Number(n) || 0);
  return (v < 0 ? '-' : '') + String(Math.abs(v)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * How long someone has been around since a start date: "3 years", "5 months", "".
 * @param {string} startDate "YYYY-MM-DD"
 * @param {string} today "YYYY-MM-DD"
 * @returns {string}
 */
export function tenure(startDate, today) {
  const n = daysBetween(startDate, today);
  if (n === null || n < 0) return '';
  if (n < 60) return plural(n, 'day');
  if (n < 730) return plural(Math.floor(n / 30.44), 'month');
  return plural(Math.floor(n / 365.25), 'year');
}
