// Keyboard shortcuts: the list the "?" overlay shows, and pure matching of
// key presses to actions.

/** @typedef {{keys: string[], label: string, where?: string}} Shortcut */

/** @type {{title: string, items: Shortcut[]}[]} Every shortcut, grouped for the overlay. */
export const SHORTCUTS = [
  {
    title: 'Anywhere',
    items: [
      { keys: ['Ctrl', 'K'], label: 'Search everything (also while typing in the notes)' },
      { keys: ['/'], label: 'Search everything (on the circles and people lists: their filter)' },
      { keys: ['T'], label: 'Go to Today' },
      { keys: ['C'], label: 'Go to circles' },
      { keys: ['P'], label: 'Go to people' },
      { keys: ['G'], label: 'Go to the program view' },
      { keys: ['?'], label: 'Show keyboard shortcuts' },
    ],
  },
  {
    title: 'Importing, matching and forming circles',
    items: [
      { keys: ['Ctrl', 'Enter'], label: 'Check the roster’s rows, suggest pairs, or propose circles' },
    ],
  },
  {
    title: 'Search',
    items: [
      { keys: ['↑', '↓'], label: 'Move between results' },
      { keys: ['Enter'], label: 'Open the result (a note opens with the words marked)' },
      { keys: ['Esc'], label: 'Close the search' },
    ],
  },
  {
    title: 'Today',
    items: [
      { keys: ['S'], label: 'Start the next session', where: 'Today' },
      { keys: ['↑', '↓'], label: 'Move between the items that need attention', where: 'Today' },
    ],
  },
  {
    title: 'Lists',
    items: [
      { keys: ['N'], label: 'New circle', where: 'Circles' },
      { keys: ['N'], label: 'New person', where: 'People' },
      { keys: ['Enter'], label: 'Open the first circle the filter shows', where: 'Circles' },
    ],
  },
  {
    title: 'Forms and dialogs',
    items: [
      { keys: ['Enter'], label: 'Submit the form' },
      { keys: ['Ctrl', 'Enter'], label: 'Save (also from a text area)' },
      { keys: ['Esc'], label: 'Close the dialog' },
    ],
  },
  {
    title: 'Attendance grid',
    items: [
      { keys: ['←', '↑', '→', '↓'], label: 'Move between cells and to the session and member links' },
      { keys: ['Space'], label: 'Cycle present → late → excused → absent → unmarked' },
      { keys: ['Home', 'End'], label: 'First or last session' },
    ],
  },
  {
    title: 'Attendance list',
    items: [
      { keys: ['↑', '↓'], label: 'Move between people' },
      { keys: ['←', '→'], label: 'Between a person’s name and their marks' },
      { keys: ['P', 'L', 'E', 'A'], label: 'Mark present, late, excused or absent' },
      { keys: ['Space'], label: 'Cycle present → late → excused → absent → unmarked' },
      { keys: ['Delete'], label: 'Clear the mark' },
    ],
  },
  {
    title: 'Goals panel (live session)',
    items: [
      { keys: ['↑', '↓'], label: 'Choose a goal' },
      { keys: ['Enter'], label: 'Check in on it (Enter again saves)' },
      { keys: ['Esc'], label: 'Cancel the check-in, or back to the notes' },
    ],
  },
  {
    title: 'Agenda',
    items: [
      { keys: ['Alt', '↑'], label: 'Move the item up' },
      { keys: ['Alt', '↓'], label: 'Move the item down' },
    ],
  },
  {
    title: 'Circle',
    items: [
      { keys: ['E'], label: 'Export a summary of the circle', where: 'a circle' },
    ],
  },
  {
    title: 'Session',
    items: [
      { keys: ['S'], label: 'Start the session (or go back to it) in live mode', where: 'a session' },
    ],
  },
  {
    title: 'Live session',
    items: [
      { keys: ['E'], label: 'Write in the notes' },
      { keys: ['Ctrl', 'J'], label: 'Switch between shared and private notes' },
      { keys: ['Ctrl', 'P'], label: 'Show or hide the preview' },
      { keys: ['Ctrl', 'S'], label: 'Save now (notes save by themselves)' },
      { keys: ['Ctrl', 'I'], label: 'Capture an action item (or A)' },
      { keys: ['Ctrl', 'Shift', 'P'], label: 'Pin a note to a person' },
      { keys: ['Alt', 'N'], label: 'Next agenda item: tick this one (or N)' },
      { keys: ['T'], label: 'Tag the session with a topic' },
      { keys: ['Alt', 'A'], label: 'Jump from the notes to attendance and back' },
      { keys: ['Alt', 'G'], label: 'Jump from the notes to the Goals panel and back' },
      { keys: ['Ctrl', 'Shift', 'E'], label: 'End the session' },
    ],
  },
];

/**
 * Names a key press like "Ctrl+Enter", "Alt+ArrowUp", "n" or "?". Ctrl and
 * Cmd both count as Ctrl; Shift is left out for printable keys ("?" not "Shift+?").
 * @param {{key: string, ctrlKey?: boolean, metaKey?: boolean, altKey?: boolean, shiftKey?: boolean}} ev
 * @returns {string}
 */
export function comboOf(ev) {
  const printable = ev.key.length === 1;
  const parts = [];
  if (ev.ctrlKey || ev.metaKey) parts.push('Ctrl');
  if (ev.altKey) parts.push('Alt');
  if (ev.shiftKey && !printable) parts.push('Shift');
  parts.push(printable ? ev.key.toLowerCase() : ev.key);
  return parts.join('+');
}

/**
 * Whether key presses on this element are typing (so single-key shortcuts must not fire).
 * @param {any} el an event target
 * @returns {boolean}
 */
export function isTypingTarget(el) {
  if (!el || !el.tagName) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag !== 'input') return false;
  const type = (el.type || 'text').toLowerCase();
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'range'].includes(type);
}

/**
 * The app-wide action for a key press outside text fields and dialogs, or null.
 * @param {string} combo from comboOf
 * @param {string} routeName the current route's name
 * @returns {'go-circles'|'go-people'|'go-today'|'go-program'|'search'|'help'|'new-circle'|'new-person'|null}
 */
export function globalAction(combo, routeName) {
  switch (combo) {
    case 't': return routeName === 'live' ? null : 'go-today'; // T tags a topic on the live screen
    case 'c': return 'go-circles';
    case 'p': return 'go-people';
    case 'g': return 'go-program';
    case '/': return 'search';
    case '?': return 'help';
    case 'n':
      if (routeName === 'circles') return 'new-circle';
      if (routeName === 'people') return 'new-person';
      return null;
    default: return null;
  }
}

/**
 * Whether a key press opens the search palette: Ctrl+K (Cmd+K), which works
 * everywhere, in text fields and the live notes too (no screen uses it).
 * @param {{key: string, ctrlKey?: boolean, metaKey?: boolean, altKey?: boolean, shiftKey?: boolean}} ev
 * @returns {boolean}
 */
export function isPaletteKey(ev) {
  return !!(ev.ctrlKey || ev.metaKey) && !ev.altKey && !ev.shiftKey && String(ev.key || '').toLowerCase() === 'k';
}

/**
 * @typedef {'end'|'pin'|'preview'|'capture'|'next-item'|'toggle-notes'|'save'|'edit'|'topics'|'attendance'|'goals'} LiveAction
 */

/**
 * The live screen's action for a key press, or null. Ctrl (or Cmd) combos
 * work while typing in the notes; single keys only when not typing.
 * @param {{key: string, ctrlKey?: boolean, metaKey?: boolean, altKey?: boolean, shiftKey?: boolean, code?: string}} ev
 * @param {boolean} typing the key went to a text field
 * @returns {LiveAction|null}
 */
export function liveAction(ev, typing) {
  const ctrl = !!(ev.ctrlKey || ev.metaKey);
  const key = String(ev.key || '').toLowerCase();
  if (ctrl && !ev.altKey) {
    if (ev.shiftKey) {
      if (key === 'e') return 'end';
      if (key === 'p') return 'pin';
      return null;
    }
    switch (key) {
      case 'p': return 'preview';
      case 'i': return 'capture';
      case 'j': return 'toggle-notes';
      case 's': return 'save';
      default: return null;
    }
  }
  if (ev.altKey && !ctrl && !ev.shiftKey && (key === 'n' || ev.code === 'KeyN')) return 'next-item';
  if (ev.altKey && !ctrl && !ev.shiftKey && (key === 'a' || ev.code === 'KeyA')) return 'attendance';
  if (ev.altKey && !ctrl && !ev.shiftKey && (key === 'g' || ev.code === 'KeyG')) return 'goals';
  if (ctrl || ev.altKey || typing) return null;
  switch (key) {
    case 'a': return 'capture';
    case 'n': return 'next-item';
    case 'e': return 'edit';
    case 't': return 'topics';
    default: return null;
  }
}
