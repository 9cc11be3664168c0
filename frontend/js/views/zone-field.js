// The time-zone field: type a place ("madrid", "new york") and pick its zone
// from the list Go can load, with the arrow keys and Enter or the mouse; the
// computer's own zone comes first. Esc closes the list, not the dialog. A
// place typed in full and left ("Madrid", then Tab) becomes its zone.

import { h, replace, uid } from '../lib/dom.js';
import { field, addCheck } from '../lib/forms.js';
import { filterZones, zoneLabel, exactZone } from '../lib/zones.js';
import { MESSAGES } from '../lib/limits.js';
import { timeZoneChoices } from '../lib/labels.js';
import * as api from '../api.js';

/** How many matches the list shows at once. */
const SHOWN = 60;

/** @type {Promise<string[]>|null} */
let loading = null;

/**
 * Go's list of zones, asked for once; the runtime's own list if Go cannot answer.
 * @returns {Promise<string[]>}
 */
function zoneList() {
  loading = loading || api.zones.list().then((z) => (z && z.length ? z : timeZoneChoices()), () => {
    loading = null;
    return timeZoneChoices();
  });
  return loading;
}

/**
 * A labelled time-zone field (data-testid "field-NAME", its list "NAME-options").
 * @param {{name: string, label: string, value?: string, hint?: string, placeholder?: string, first?: string}} o
 *   first: the zone offered at the top, the computer's own
 * @returns {HTMLElement}
 */
export function zoneField(o) {
  const wrap = field({ name: o.name, label: o.label, value: o.value, hint: o.hint, placeholder: o.placeholder, what: 'Time zone', maxlength: 64 });
  const input = /** @type {HTMLInputElement} */ (wrap.querySelector('input'));
  const listId = uid('zones');
  const listbox = h('ul', { class: 'zone-options', id: listId, role: 'listbox', 'aria-label': `${o.label}s`, testid: `${o.name}-options`, hidden: true });
  const combo = h('div', { class: 'zone-combo' });
  input.before(combo);
  combo.append(input, listbox);
  for (const [k, v] of Object.entries({ role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId })) input.setAttribute(k, v);

  let zones = [];
  let shown = [];
  let active = 0;
  let picked = false; // Enter just picked a zone
  zoneList().then((z) => { zones = z; });
  addCheck(input, (v) => (v.trim() && zones.length && !zones.includes(v.trim()) ? MESSAGES.timeZone : ''));

  const optionId = (i) => `${listId}-${i}`;
  const render = () => {
    replace(listbox, shown.length
      ? shown.map((z, i) => h('li', {
        class: ['zone-option', i === active && 'is-active'], role: 'option', id: optionId(i), testid: 'zone-option', 'data-zone': z,
        'aria-selected': i === active ? 'true' : 'false', onmousedown: (e) => { e.preventDefault(); pick(z); },
      }, zoneLabel(z)))
      : h('li', { class: 'zone-none muted small', role: 'option', 'aria-disabled': 'true' }, 'No time zone matches.'));
    if (shown.length) input.setAttribute('aria-activedescendant', optionId(active));
    else input.removeAttribute('aria-activedescendant');
    listbox.querySelector('.is-active')?.scrollIntoView({ block: 'nearest' });
  };
  const open = async () => {
    if (!zones.length) zones = await zoneList();
    shown = filterZones(zones, zones.includes(input.value.trim()) ? '' : input.value, o.first || input.value.trim()).slice(0, SHOWN);
    active = 0;
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    render();
  };
  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const pick = (z) => {
    input.value = z;
    close();
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };

  input.addEventListener('input', (e) => {
    if (e.isTrusted !== false) open();
  });
  input.addEventListener('keydown', (e) => {
    const isOpen = !listbox.hidden;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!isOpen) open();
      else if (shown.length) {
        active = (active + (e.key === 'ArrowDown' ? 1 : -1) + shown.length) % shown.length;
        render();
      }
    } else if (e.key === 'Enter' && isOpen && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      picked = true;
      if (shown[active]) pick(shown[active]);
      else close();
    } else if (e.key === 'Escape' && isOpen) {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'Tab') {
      close();
    }
  });
  // The Enter that picked a zone must not also send the form (some input
  // paths deliver its keypress though keydown was cancelled).
  input.addEventListener('keypress', (e) => {
    if (e.key === 'Enter' && picked) e.preventDefault();
    picked = false;
  });
  input.addEventListener('keyup', () => { picked = false; });
  input.addEventListener('blur', () => {
    close();
    const named = zones.includes(input.value.trim()) ? '' : exactZone(zones, input.value);
    if (named) pick(named);
  });
  return wrap;
}
