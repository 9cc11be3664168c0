// Circlebook's one rule for matching and sorting names, the same as Go's
// backend/fold (both are tested against backend/fold/testdata/cases.json):
// case and accents aside, so "inigo" finds Íñigo Sáenz and Íñigo sorts with the Is.

/** Letters with no separable accent, spelled as a reader without them would. */
const LETTERS = {
  'ł': 'l', 'ø': 'o', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ı': 'i', 'ħ': 'h', 'ŧ': 't',
  'ς': 'σ', '’': "'", '‘': "'", 'ʼ': "'", '‐': '-',
};
const LETTER_RE = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'gu');

/**
 * Folds text for matching and sorting: lower case, compatibility forms
 * decomposed (ﬁ as fi), accents dropped, the letters above spelled out, white
 * space collapsed and trimmed. "Íñigo  Sáenz" -> "inigo saenz".
 * @param {unknown} s
 * @returns {string}
 */
export function foldKey(s) {
  return String(s ?? '').toLowerCase().normalize('NFKD').replace(/\p{Mn}/gu, '')
    .replace(LETTER_RE, (c) => LETTERS[c])
    .split(/\p{White_Space}+/u).filter(Boolean).join(' ')
    .normalize('NFC');
}

/**
 * Compares strings by code point, as Go compares its (UTF-8) strings.
 * @param {string} a
 * @param {string} b
 * @returns {number}
 */
function codePointCompare(a, b) {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return (x.done ? 0 : 1) - (y.done ? 0 : 1);
    const cx = /** @type {number} */ (x.value.codePointAt(0));
    const cy = /** @type {number} */ (y.value.codePointAt(0));
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

/**
 * Orders names as a person reads them: by foldKey, then as written, so the
 * order is total (Go's fold.Compare).
 * @param {string} a
 * @param {string} b
 * @returns {number}
 */
export function compareNames(a, b) {
  return codePointCompare(foldKey(a), foldKey(b)) || codePointCompare(String(a ?? ''), String(b ?? ''));
}
