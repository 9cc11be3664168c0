// Marking the words a search found in a rendered note: each text node is
// split around the matches (lib/find.js markRanges, fold-aware) and the
// matches wrapped in <mark>, as text; nothing is parsed as HTML.

import { h } from '../lib/dom.js';
import { markRanges } from '../lib/find.js';

/**
 * Wraps every word matching the marks inside root in <mark class="find-mark">.
 * @param {HTMLElement} root a rendered note
 * @param {string[]} marks folded words (find.js marksFromQuery or Go's Results.marks)
 * @returns {HTMLElement[]} the marks, in document order
 */
export function markWords(root, marks) {
  if (!marks.length) return [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement?.closest('mark, code, pre, script, style')) texts.push(/** @type {Text} */ (n));
  const out = [];
  for (const node of texts) {
    const text = node.data;
    const ranges = markRanges(text, marks);
    if (!ranges.length) continue;
    const frag = document.createDocumentFragment();
    let at = 0;
    for (const r of ranges) {
      if (r.start < at) continue;
      if (r.start > at) frag.append(text.slice(at, r.start));
      const m = h('mark', { class: 'find-mark', testid: 'find-mark' }, text.slice(r.start, r.end));
      out.push(m);
      frag.append(m);
      at = r.end;
    }
    if (at < text.length) frag.append(text.slice(at));
    node.replaceWith(frag);
  }
  return out;
}
