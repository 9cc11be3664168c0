// The "?" overlay listing every keyboard shortcut.

import { h } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { SHORTCUTS } from '../lib/keys.js';
import { modal } from './dialog.js';

/**
 * Opens the shortcuts overlay (Esc closes it).
 */
export function openShortcuts() {
  if (document.querySelector('[data-testid="shortcuts-dialog"]')) return;
  modal({ testid: 'shortcuts-dialog', title: 'Keyboard shortcuts', size: 'md' }, (dlg, titleId) => h('div', { class: 'dialog-form' },
    h('div', { class: 'dialog-head' },
      h('h2', { class: 'dialog-title', id: titleId }, icon('keyboard', { size: 18 }), 'Keyboard shortcuts'),
      h('button', { type: 'button', class: 'icon-btn', 'aria-label': 'Close', title: 'Close (Esc)', autofocus: true, onclick: () => dlg.close() }, icon('x', { size: 16 }))),
    // The list scrolls in a short window: a tab stop lets the keyboard scroll it too.
    h('div', { class: 'dialog-body shortcut-groups', tabindex: '0', role: 'region', 'aria-labelledby': titleId },
      SHORTCUTS.map((g) => h('section', { class: 'shortcut-group' },
        h('h3', { class: 'shortcut-title' }, g.title),
        h('dl', { class: 'shortcut-list' }, g.items.flatMap((s) => [
          h('dt', null, s.label, s.where ? h('span', { class: 'muted' }, ` — on ${s.where}`) : null),
          h('dd', null, s.keys.map((k) => h('kbd', { class: 'kbd' }, k))), // read aloud here, unlike the hints on buttons
        ])))))));
}
