// The match and form screens' logic: what the progress bar and the
// summaries say, the constraints a re-run takes from the pairs the leader
// pinned or rejected, the pairs to publish, and a proposal's member lists.
// Pure, for `node --test`.

import { formatCount, plural } from './format.js';

/** The matching weights a run starts from (match.DefaultWeights), in screen order. */
export const WEIGHT_FIELDS = [
  { name: 'growthAreas', label: 'Growth areas met by strengths', value: 40 },
  { name: 'crossOrganization', label: 'Cross-organization', value: 15 },
  { name: 'tenureGap', label: 'Tenure gap', value: 15 },
  { name: 'sharedLanguage', label: 'Shared language', value: 10 },
  { name: 'timeZoneOverlap', label: 'Time-zone overlap', value: 20 },
];

/** How many suggested pairs a page shows. */
export const PAIRS_PAGE = 50;

/**
 * What the progress bar says while a run goes: "Matching… 40%", "Forming…".
 * @param {{what?: string, done?: number, total?: number}|null} p Go's pairing.Progress
 * @param {string} what the run the page waits for, when Go has not said yet
 * @returns {string}
 */
export function progressLabel(p, what) {
  const word = (p && p.what) || what || 'matching';
  const head = `${word[0].toUpperCase()}${word.slice(1)}…`;
  const pct = progressPercent(p);
  return pct === null ? head : `${head} ${pct}%`;
}

/**
 * How far a run is, 0..100, or null while it has no total yet.
 * @param {{done?: number, total?: number}|null} p
 * @returns {number|null}
 */
export function progressPercent(p) {
  if (!p || !p.total || p.total <= 0) return null;
  return Math.max(0, Math.min(100, Math.floor((100 * (p.done || 0)) / p.total)));
}

/**
 * The line over a suggestion: "28 pairs from 28 mentees and 12 mentors · 2,373 points".
 * @param {{matches?: any[], mentees: number, mentors: number, total: number}} s
 * @returns {string}
 */
export function matchSummary(s) {
  const n = (s.matches || []).length;
  return `${plural(n, 'pair')} from ${plural(s.mentees, 'mentee')} and ${plural(s.mentors, 'mentor')} · ${formatCount(s.total)} ${s.total === 1 ? 'point' : 'points'}`;
}

/**
 * A pair's key in the leader's marks: "menteeID>mentorID".
 * @param {{mentee: string, mentor: string}} p
 * @returns {string}
 */
export function pairKey(p) {
  return `${p.mentee}>${p.mentor}`;
}

/**
 * The leader's marks after toggling one: pressing Pin on a pinned pair
 * clears it, pressing Pin on a rejected pair pins it instead.
 * @param {Map<string, 'pin'|'reject'>} marks by pairKey
 * @param {{mentee: string, mentor: string}} pair
 * @param {'pin'|'reject'} mark
 * @returns {Map<string, 'pin'|'reject'>} a new map
 */
export function toggleMark(marks, pair, mark) {
  const out = new Map(marks);
  const k = pairKey(pair);
  if (out.get(k) === mark) out.delete(k);
  else out.set(k, mark);
  return out;
}

/**
 * The constraints of the next run: the hard rules as set, pinned the
 * pinned pairs, banned the rejected ones (kept from every earlier run).
 * @param {{mustShareLanguage?: boolean, minOverlapHours?: number}} rules
 * @param {Map<string, 'pin'|'reject'>} marks
 * @returns {{mustShareLanguage: boolean, minOverlapHours: number, pinned: {mentee: string, mentor: string}[], banned: {mentee: string, mentor: string}[]}}
 */
export function constraintsFor(rules, marks) {
  const out = { mustShareLanguage: !!rules.mustShareLanguage, minOverlapHours: Number(rules.minOverlapHours) || 0, pinned: [], banned: [] };
  for (const [k, mark] of marks) {
    const [mentee, mentor] = k.split('>');
    (mark === 'pin' ? out.pinned : out.banned).push({ mentee, mentor });
  }
  return out;
}

/**
 * The pairs to publish: every suggested pair the leader did not reject.
 * @param {{mentee: string, mentor: string}[]} matches
 * @param {Map<string, 'pin'|'reject'>} marks
 * @returns {{mentee: string, mentor: string}[]}
 */
export function pairsToPublish(matches, marks) {
  return (matches || []).filter((m) => marks.get(pairKey(m)) !== 'reject').map((m) => ({ mentee: m.mentee, mentor: m.mentor }));
}

/**
 * What publishing says: "Published 28 pairs as circles of two", and how
 * many were there already.
 * @param {{circles?: number[], skipped?: string[]}} res Go's pairing.Published
 * @returns {string}
 */
export function publishedMessage(res) {
  const made = (res.circles || []).length;
  const skipped = (res.skipped || []).length;
  const head = made ? `Published ${plural(made, 'pair')} as circles of two` : 'Published no new pairs';
  if (!skipped) return `${head}.`;
  return `${head}; ${plural(skipped, 'pair was', 'pairs were')} already published and skipped.`;
}

/**
 * The "Showing 1–50 of 120" line and the rows of one page.
 * @template T
 * @param {T[]} items
 * @param {number} page from 0
 * @param {number} [size]
 * @returns {{rows: T[], page: number, pages: number, label: string}}
 */
export function pageOf(items, page, size = PAIRS_PAGE) {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.max(0, Math.min(page, pages - 1));
  const rows = items.slice(p * size, (p + 1) * size);
  const label = items.length ? `Showing ${formatCount(p * size + 1)}–${formatCount(p * size + rows.length)} of ${formatCount(items.length)}` : '';
  return { rows, page: p, pages, label };
}

/**
 * The forming options from the screen: a number of circles, or a size range.
 * @param {{circles?: number, minSize?: number, maxSize?: number}} raw whole numbers, 0 when empty
 * @param {'count'|'size'} by which the leader chose
 * @returns {{circles: number, minSize: number, maxSize: number}}
 */
export function formOptions(raw, by) {
  if (by === 'count') return { circles: raw.circles || 0, minSize: 0, maxSize: 0 };
  return { circles: 0, minSize: raw.minSize || 0, maxSize: raw.maxSize || 0 };
}

/**
 * A proposal's circles as member lists, by person ID.
 * @param {{circles?: {members: string[]}[]}} proposal
 * @returns {string[][]}
 */
export function memberLists(proposal) {
  return (proposal.circles || []).map((c) => [...(c.members || [])]);
}

/**
 * A circle card's title: "Circle 1 · 6 members".
 * @param {number} index from 0
 * @param {number} size
 * @returns {string}
 */
export function circleTitle(index, size) {
  return `Circle ${index + 1} · ${plural(size, 'member')}`;
}

/**
 * The line over a proposal: "40 people in 5 circles of 7 to 9".
 * @param {{circles?: {members: string[]}[], options?: {minSize: number, maxSize: number}}} proposal
 * @returns {string}
 */
export function proposalSummary(proposal) {
  const circles = proposal.circles || [];
  const people = circles.reduce((n, c) => n + (c.members || []).length, 0);
  const sizes = circles.map((c) => (c.members || []).length);
  const lo = Math.min(...sizes);
  const hi = Math.max(...sizes);
  const range = !circles.length ? '' : lo === hi ? ` of ${lo}` : ` of ${lo} to ${hi}`;
  return `${plural(people, 'person', 'people')} in ${plural(circles.length, 'circle')}${range}`;
}

/**
 * What creating says: "Created 5 circles with a first session each".
 * @param {{circles?: number[]}} res Go's pairing.Published
 * @returns {string}
 */
export function createdMessage(res) {
  return `Created ${plural((res.circles || []).length, 'circle')}, each with a first session proposed.`;
}

/**
 * A cohort's choice in the select: "2026 spring cohort — 40 people (12 mentors)".
 * @param {{name: string, people: number, mentors: number}} c
 * @returns {string}
 */
export function cohortLabel(c) {
  return `${c.name} — ${plural(c.people, 'person', 'people')} (${plural(c.mentors, 'mentor')})`;
}

/**
 * How many circles to start from for a cohort: about eight people a
 * circle, and enough circles that those who lead (mentors, and who may
 * lead) fit two to a circle.
 * @param {{people: number, mentors?: number}} c a cohort as pairing.cohorts lists it
 * @returns {number}
 */
export function suggestedCircles(c) {
  return Math.max(1, Math.round((c.people || 0) / 8), Math.ceil((c.mentors || 0) / 2));
}

/** The drag data type of a member of a proposed circle (form screen). */
export const MEMBER_DRAG_TYPE = 'application/x-circlebook-member';

/**
 * What a member's drag carries: the person's ID and the circle they are in.
 * @param {string} person
 * @param {number} from the circle's index, from 0
 * @returns {string}
 */
export function memberDragData(person, from) {
  return JSON.stringify({ person, from });
}

/**
 * The move a drop onto circle `to` asks for, or null when the data is not
 * a member's drag (a file, some text) or the member is already there.
 * @param {string} data what memberDragData made, as the drop reads it back
 * @param {number} to the index of the circle dropped on, from 0
 * @returns {{person: string, from: number, to: number}|null}
 */
export function dropMove(data, to) {
  let d;
  try {
    d = JSON.parse(data);
  } catch {
    return null;
  }
  if (!d || typeof d.person !== 'string' || !d.person || !Number.isInteger(d.from) || !Number.isInteger(to) || to < 0 || d.from === to) return null;
  return { person: d.person, from: d.from, to };
}
