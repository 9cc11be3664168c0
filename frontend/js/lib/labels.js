// Display labels and the fixed choices the forms offer. Pure data and lookups.

/** @typedef {{value: string, label: string}} Choice */

/** @type {Choice[]} Member roles in display order. */
export const ROLES = [
  { value: 'leader', label: 'Leader' },
  { value: 'co-leader', label: 'Co-leader' },
  { value: 'mentor', label: 'Mentor' },
  { value: 'mentee', label: 'Mentee' },
  { value: 'guest', label: 'Guest' },
];

/** @type {Choice[]} */
export const KINDS = [
  { value: 'group', label: 'Group circle' },
  { value: 'pair', label: '1:1 pair (one mentor, one mentee)' },
];

/** @type {Choice[]} */
export const CADENCES = [
  { value: 'weekly', label: 'Weekly' },
  { value: 'biweekly', label: 'Every 2 weeks' },
  { value: 'monthly', label: 'Monthly (same weekday)' },
  { value: 'custom', label: 'Custom…' },
];

/** @type {Choice[]} */
export const CIRCLE_STATUSES = [
  { value: 'forming', label: 'Forming' },
  { value: 'active', label: 'Active' },
  { value: 'paused', label: 'Paused' },
  { value: 'completed', label: 'Completed' },
  { value: 'archived', label: 'Archived' },
];

/** @type {Choice[]} */
export const SESSION_STATUSES = [
  { value: 'planned', label: 'Planned' },
  { value: 'held', label: 'Held' },
  { value: 'cancelled', label: 'Cancelled' },
];

/** Colour swatches for circles; calm hues that read on light and dark. */
export const COLORS = ['#e8692c', '#d97706', '#16a34a', '#0d9488', '#0891b2', '#2f7de1', '#4f46e5', '#9333ea', '#db2777', '#64748b'];

/** Time zones offered when the runtime cannot list them all. */
export const COMMON_TIME_ZONES = [
  'UTC', 'Europe/London', 'Europe/Dublin', 'Europe/Lisbon', 'Europe/Madrid', 'Europe/Paris', 'Europe/Berlin',
  'Europe/Amsterdam', 'Europe/Rome', 'Europe/Stockholm', 'Europe/Oslo', 'Europe/Warsaw', 'Europe/Athens',
  'Europe/Istanbul', 'Africa/Lagos', 'Africa/Accra', 'Africa/Nairobi', 'Africa/Johannesburg', 'Asia/Dubai',
  'Asia/Kolkata', 'Asia/Singapore', 'Asia/Shanghai', 'Asia/Tokyo', 'Asia/Seoul', 'Australia/Sydney',
  'Pacific/Auckland', 'America/St_Johns', 'America/Halifax', 'America/New_York', 'America/Toronto',
  'America/Chicago', 'America/Mexico_City', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles',
  'America/Anchorage', 'Pacific/Honolulu', 'America/Bogota', 'America/Lima', 'America/Sao_Paulo',
  'America/Argentina/Buenos_Aires',
];

function lookup(list, value) {
  const c = list.find((x) => x.value === value);
  return c ? c.label : value ? value.charAt(0).toUpperCase() + value.slice(1) : '';
}

/**
 * "Co-leader" for "co-leader"; unknown roles are capitalised.
 * @param {string} role
 * @returns {string}
 */
export const roleLabel = (role) => lookup(ROLES, role);

/**
 * "Active" for "active".
 * @param {string} status
 * @returns {string}
 */
export const circleStatusLabel = (status) => lookup(CIRCLE_STATUSES, status);

/**
 * "Held" for "held".
 * @param {string} status
 * @returns {string}
 */
export const sessionStatusLabel = (status) => lookup(SESSION_STATUSES, status);

/**
 * "Title · Team · Location", leaving out what is empty.
 * @param {{title?: string, team?: string, location?: string}} p
 * @returns {string}
 */
export function personSubtitle(p) {
  return [p.title, p.team, p.location].filter((x) => x && String(x).trim()).join(' · ');
}

/**
 * Every IANA zone the runtime knows, or the common list when it cannot tell;
 * `preferred` (the user's own zone) first.
 * @param {string} [preferred]
 * @returns {string[]}
 */
export function timeZoneChoices(preferred) {
  let zones = COMMON_TIME_ZONES;
  try {
    if (typeof Intl.supportedValuesOf === 'function') {
      const all = Intl.supportedValuesOf('timeZone');
      if (all && all.length) zones = all;
    }
  } catch {
    zones = COMMON_TIME_ZONES;
  }
  const out = preferred ? [preferred, ...zones.filter((z) => z !== preferred)] : [...zones];
  return out;
}

/**
 * What a person wants in matching, as the person page says it.
 * @param {string} role "", mentor, mentee or both
 * @param {number} capacity mentees they take as a mentor
 * @returns {string} "" when not in matching
 */
export function roleWantedLabel(role, capacity) {
  const takes = capacity > 0 ? ` (takes ${capacity} ${capacity === 1 ? 'mentee' : 'mentees'})` : '';
  if (role === 'mentor') return `Mentor${takes}`;
  if (role === 'mentee') return 'Mentee';
  if (role === 'both') return `Mentor or mentee${takes}`;
  return '';
}
