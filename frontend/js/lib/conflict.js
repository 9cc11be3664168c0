// Resolving a save conflict (notes.Notes.SaveFrom refused the text: someone
// else saved the note after the version it was typed on) without losing a
// word: whichever text is not kept becomes a revision of the note first, so
// History still has it. Pure: the calls are passed in, so `node --test`
// drives them.

/**
 * @typedef {{body: string, version: number}} OtherNote the note as Go has it now
 * @typedef {{rebase: (body: string, version: number) => Promise<boolean>, reset: (body: string, version: number) => void}} ConflictSaver
 */

/**
 * Keeps the page's text: the other text is set aside as a revision, then
 * the page's text is saved over it from its version. A save that meets yet
 * another save conflicts again (the saver reports it).
 * @param {{other: OtherNote, setAside: (body: string) => Promise<any>, saver: ConflictSaver}} o
 * @returns {Promise<boolean>} whether Go has the page's text
 */
export async function keepMine(o) {
  if (o.other.version > 0 && o.other.body) await o.setAside(o.other.body);
  return o.saver.rebase(o.other.body, o.other.version);
}

/**
 * Takes the other text: the page's text (mine) is set aside as a revision
 * first, and only once Go has it is it replaced on the page.
 * @param {{mine: string, other: OtherNote, setAside: (body: string) => Promise<any>, saver: ConflictSaver}} o
 * @returns {Promise<string>} the text the page shows now
 */
export async function useTheirs(o) {
  if (o.mine && o.mine !== o.other.body) await o.setAside(o.mine);
  o.saver.reset(o.other.body, o.other.version);
  return o.other.body;
}

/**
 * "Their text (version 4, saved Wed 2 Dec, 14:05):", as far as it is known.
 * @param {{version: number, updatedAt?: string}} other
 * @param {(iso: string) => string} time formats a moment
 * @returns {string}
 */
export function otherLabel(other, time) {
  const at = other.updatedAt ? time(other.updatedAt) : '';
  return at ? `Their text (version ${other.version}, saved ${at}):` : `Their text (version ${other.version}):`;
}
