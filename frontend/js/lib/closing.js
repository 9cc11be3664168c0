// Closing the window without losing a word: the keys that close it, and the
// close mark the window queues behind all pending input (closemark_linux.go).

/**
 * Whether a key press is the window's close mark: Ctrl+Alt+Shift+F12, sent
 * by the window itself (a person pressing it only makes the page save). The
 * window queues it behind every key it has received, so when the page sees
 * it, everything typed before the close is in the page.
 * @param {{key: string, ctrlKey?: boolean, altKey?: boolean, shiftKey?: boolean}} ev
 * @returns {boolean}
 */
export function isCloseMark(ev) {
  return ev.key === 'F12' && !!ev.ctrlKey && !!ev.altKey && !!ev.shiftKey;
}

/**
 * Whether a key press asks to quit the app: Ctrl+Q (Cmd+Q on a Mac).
 * @param {{key: string, ctrlKey?: boolean, metaKey?: boolean, altKey?: boolean, shiftKey?: boolean}} ev
 * @returns {boolean}
 */
export function isQuitKey(ev) {
  return String(ev.key).toLowerCase() === 'q' && !!(ev.ctrlKey || ev.metaKey) && !ev.altKey && !ev.shiftKey;
}

/**
 * The window title for a screen that did not name itself.
 * @param {string} routeName
 * @returns {string}
 */
export function defaultTitle(routeName) {
  switch (routeName) {
    case 'circles': return 'Circles — Circlebook';
    case 'people': return 'People — Circlebook';
    case 'notfound': return 'Not found — Circlebook';
    default: return 'Circlebook';
  }
}
