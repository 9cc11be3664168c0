// The person page's "Never match with" section: the people matching never
// suggests with this person, each linked and with Remove, and Add, a dialog
// that finds someone by name and records the pair in one call.

import { h, replace, uid } from '../lib/dom.js';
import { errorSlot, FieldError } from '../lib/forms.js';
import { formatCount, formatDate } from '../lib/format.js';
import { personSubtitle } from '../lib/labels.js';
import { debounce } from '../lib/debounce.js';
import { neverSummary, neverDay } from '../lib/vocabulary.js';
import { icon } from '../lib/icons.js';
import { href } from '../router.js';
import * as api from '../api.js';
import { formDialog } from './dialog.js';
import { avatar, button, section } from './ui.js';

/** People the picker shows at once; typing narrows them down. */
const SHOWN = 8;

/**
 * The section.
 * @param {{person: {id: number, name: string}, people: {id: number, name: string, since?: string}[], onAdd: () => void, onRemove: (p: {id: number, name: string}) => void}} o
 * @returns {HTMLElement}
 */
export function neverSection(o) {
  const list = o.people.length
    ? h('ul', { class: 'list-card never-list', testid: 'never-list' }, ...o.people.map((p) => h('li', { class: 'never-row', testid: 'never-row', 'data-person-id': p.id },
      avatar(p.name, { size: 'sm' }),
      h('a', { href: href('person', p.id), class: 'never-name', testid: 'never-name' }, p.name),
      neverDay(p.since) ? h('span', { class: 'muted small never-since' }, `since ${formatDate(neverDay(p.since))}`) : null,
      button({ label: 'Remove', size: 'sm', variant: 'ghost', testid: 'never-remove', ariaLabel: `Remove ${p.name} from never match`, onclick: () => o.onRemove(p) }))))
    : h('p', { class: 'muted small', testid: 'never-empty' }, 'Matching may suggest them with anyone.');
  return section({
    title: 'Never match with', id: 'never', testid: 'never-section', aside: neverSummary(o.people.length),
    actions: [button({ label: 'Add', icon: 'plus', size: 'sm', testid: 'never-add', ariaLabel: `Add someone never to match with ${o.person.name}`, onclick: o.onAdd })],
  }, list);
}

/**
 * Opens the dialog that picks someone never to match with person, and records the pair.
 * @param {{id: number, name: string}} person
 * @param {{id: number}[]} already the people already kept from them
 * @returns {Promise<{id: number, name: string}|null>} who was added, or null when dismissed
 */
export function openNeverPicker(person, already) {
  const taken = new Set(already.map((p) => p.id));
  /** @type {Map<number, string>} */
  const names = new Map();
  return formDialog({
    testid: 'never-dialog',
    title: `Never match ${person.name} with…`,
    submitLabel: 'Never match',
    intro: 'Matching will never suggest the two as mentor and mentee, whichever would mentor.',
    read: (form) => {
      const picked = /** @type {HTMLInputElement|null} */ (form.querySelector('input[name=people]:checked'));
      if (!picked) throw new FieldError('people', 'Choose someone from the list.');
      return Number(picked.value);
    },
    save: async (id) => {
      await api.pairing.neverMatch(person.id, id, true);
      return { id, name: names.get(id) || '' };
    },
    body: (form) => {
      const results = h('div', { class: 'pick-list', role: 'radiogroup', 'aria-label': 'People', testid: 'never-options' });
      const status = h('p', { class: 'pick-status', 'aria-live': 'polite', testid: 'never-status' });
      const search = /** @type {HTMLInputElement} */ (h('input', {
        type: 'search', class: 'input', placeholder: 'Search people by name, email, team or title', testid: 'never-search',
        'aria-label': 'Search people', 'data-control-for': 'people', autocomplete: 'off', autofocus: true,
      }));
      let seq = 0;
      const load = async () => {
        const q = search.value.trim();
        const mine = ++seq;
        try {
          const r = await api.people.list({ query: q, limit: SHOWN + 1 });
          if (mine !== seq) return;
          const list = (r.people || []).filter((p) => p.id !== person.id).slice(0, SHOWN);
          const selected = /** @type {HTMLInputElement|null} */ (form.querySelector('input[name=people]:checked'))?.value;
          replace(results, ...list.map((p) => {
            names.set(p.id, p.name);
            const had = taken.has(p.id);
            return h('label', { class: ['pick', had && 'is-disabled'], testid: 'never-option', 'data-person-id': p.id },
              h('input', { type: 'radio', name: 'people', value: p.id, disabled: had, checked: String(p.id) === selected }),
              avatar(p.name, { size: 'sm' }),
              h('span', { class: 'pick-text' },
                h('span', { class: 'pick-name' }, p.name),
                h('span', { class: 'pick-sub' }, had ? 'Already never matched' : personSubtitle(p) || p.email || '')));
          }));
          const total = r.total || 0;
          if (!list.length) status.textContent = q ? `No one else matches “${q}”.` : 'No one else is in Circlebook yet.';
          else if (r.capped || total > list.length + 1) status.textContent = `Showing ${list.length} of ${r.capped ? `${formatCount(total - 1)}+` : formatCount(total)} — type to narrow it down.`;
          else status.textContent = '';
        } catch (err) {
          if (mine === seq) status.textContent = /** @type {any} */ (err).message;
        }
      };
      search.addEventListener('input', debounce(load, 180));
      // Enter with no one chosen picks the first match; Down moves into the list.
      search.addEventListener('keydown', (e) => {
        const first = /** @type {HTMLInputElement|null} */ (results.querySelector('input:not([disabled])'));
        if (!first || form.querySelector('input[name=people]:checked') && e.key === 'Enter') return;
        if (e.key === 'Enter' || e.key === 'ArrowDown') {
          e.preventDefault();
          first.checked = true;
          if (e.key === 'ArrowDown') first.focus();
        }
      });
      load();
      const slot = errorSlot('people', uid('never-err'));
      search.setAttribute('aria-describedby', slot.id);
      return [h('div', { class: 'search-box' }, icon('search', { size: 16 }), search), results, status, slot];
    },
  });
}
