// A line diff for comparing a note with an earlier version: the longest
// common subsequence of lines, after trimming the common start and end.
// Pure functions.

/**
 * @typedef {{op: 'same'|'add'|'del', text: string}} DiffLine
 */

/** Above this many cells (lines x lines) the LCS table is skipped. */
export const DIFF_CELL_LIMIT = 4_000_000;

/**
 * Splits text into lines ("" is no lines; a trailing newline adds none).
 * @param {string} text
 * @returns {string[]}
 */
export function splitLines(text) {
  const s = String(text ?? '').replace(/\r\n?/g, '\n');
  if (s === '') return [];
  const lines = s.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * The lines that turn `before` into `after`: "same", "del" (only in before)
 * and "add" (only in after), in reading order, deletions before additions.
 * Very long, very different texts fall back to "all removed, all added" in
 * the differing middle rather than building a huge table.
 * @param {string} before
 * @param {string} after
 * @param {number} [cellLimit]
 * @returns {DiffLine[]}
 */
export function diffLines(before, after, cellLimit = DIFF_CELL_LIMIT) {
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  /** @type {DiffLine[]} */
  const out = [];
  for (let i = 0; i < start; i++) out.push({ op: 'same', text: a[i] });
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  if (n * m > cellLimit) {
    for (const text of midA) out.push({ op: 'del', text });
    for (const text of midB) out.push({ op: 'add', text });
  } else if (n || m) {
    // lcs[i][j]: LCS length of midA[i..] and midB[j..], one flat array.
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] = midA[i] === midB[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        out.push({ op: 'same', text: midA[i] });
        i++;
        j++;
      } else if (j >= m || (i < n && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) {
        out.push({ op: 'del', text: midA[i] });
        i++;
      } else {
        out.push({ op: 'add', text: midB[j] });
        j++;
      }
    }
  }
  for (let i = endA; i < a.length; i++) out.push({ op: 'same', text: a[i] });
  return out;
}

/**
 * Counts the changed lines of a diff.
 * @param {DiffLine[]} diff
 * @returns {{added: number, removed: number, same: number}}
 */
export function diffStats(diff) {
  const s = { added: 0, removed: 0, same: 0 };
  for (const d of diff) {
    if (d.op === 'add') s.added++;
    else if (d.op === 'del') s.removed++;
    else s.same++;
  }
  return s;
}

/**
 * @typedef {{left: DiffLine|null, right: DiffLine|null}} SideRow
 */

/**
 * Lays a diff out in two columns: unchanged lines on both sides, each run of
 * removed lines beside the run of added lines that replaced it.
 * @param {DiffLine[]} diff
 * @returns {SideRow[]}
 */
export function sideBySide(diff) {
  /** @type {SideRow[]} */
  const rows = [];
  let i = 0;
  while (i < diff.length) {
    if (diff[i].op === 'same') {
      rows.push({ left: diff[i], right: diff[i] });
      i++;
      continue;
    }
    const dels = [];
    const adds = [];
    while (i < diff.length && diff[i].op === 'del') dels.push(diff[i++]);
    while (i < diff.length && diff[i].op === 'add') adds.push(diff[i++]);
    for (let k = 0; k < Math.max(dels.length, adds.length); k++) rows.push({ left: dels[k] || null, right: adds[k] || null });
  }
  return rows;
}
