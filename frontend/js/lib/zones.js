// Finding a time zone by what people type: "madrid" finds Europe/Madrid,
// "new york" America/New_York, "ho chi minh" Asia/Ho_Chi_Minh. Pure functions.

/**
 * A zone name or a query as words to match: lower case, no accents, and
 * "_", "/" and "-" as spaces.
 * @param {string} s
 * @returns {string}
 */
function key(s) {
  return String(s || '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[_/\-\s]+/g, ' ').trim();
}

/**
 * The zones that match a query, best first: those whose place starts with
 * it, then those with every word of it somewhere. With nothing typed, every
 * zone, `first` (the computer's own zone) at the top.
 * @param {string[]} zones IANA names, as Go lists them
 * @param {string} query what was typed
 * @param {string} [first] the zone to offer first
 * @returns {string[]}
 */
export function filterZones(zones, query, first) {
  const q = key(query);
  const top = (list) => (first && list.includes(first) ? [first, ...list.filter((z) => z !== first)] : list);
  if (!q) return top([...zones]);
  const words = q.split(' ');
  const starts = [];
  const contains = [];
  for (const z of zones) {
    const k = key(z);
    if (!words.every((w) => k.includes(w))) continue;
    const place = key(z.slice(z.lastIndexOf('/') + 1));
    (place.startsWith(q) || k.startsWith(q) ? starts : contains).push(z);
  }
  return top([...starts, ...contains]);
}

/**
 * How a zone reads in a list: its place, then its region.
 * @param {string} zone e.g. "America/Argentina/Buenos_Aires"
 * @returns {string} e.g. "Buenos Aires — America/Argentina"
 */
export function zoneLabel(zone) {
  const i = zone.lastIndexOf('/');
  if (i < 0) return zone;
  return `${zone.slice(i + 1).replaceAll('_', ' ')} — ${zone.slice(0, i).replaceAll('_', ' ')}`;
}

/**
 * The zone a text names in full ("Madrid", "new york", "Europe/Paris"), or
 * "" when it names none or more than one.
 * @param {string[]} zones
 * @param {string} text
 * @returns {string}
 */
export function exactZone(zones, text) {
  const q = key(text);
  if (!q) return '';
  const found = zones.filter((z) => key(z) === q || key(z.slice(z.lastIndexOf('/') + 1)) === q);
  return found.length === 1 ? found[0] : '';
}
