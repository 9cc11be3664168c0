// The people list, with debounced search.

import { h, replace } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { debounce } from '../lib/debounce.js';
import { peopleCountLabel } from '../lib/lists.js';
import { personSubtitle } from '../lib/labels.js';
import { plural } from '../lib/format.js';
import { emit } from '../state.js';
import { go, href } from '../router.js';
import * as api from '../api.js';
import { button, avatar, pageHeader, emptyState, loading, errorState } from './ui.js';
import { toast } from './toast.js';
import { openPersonForm } from './person-form.js';

/**
 * One person row.
 * @param {any} p
 * @returns {HTMLElement}
 */
function personRow(p) {
  return h('a', { class: 'person-row', href: href('person', p.id), testid: 'person-row', 'data-person-id': p.id },
    avatar(p.name),
    h('span', { class: 'person-row-main' },
      h('span', { class: 'person-row-name', testid: 'person-name' }, p.name, p.pronouns ? h('span', { class: 'pronouns' }, p.pronouns) : null),
      h('span', { class: 'person-row-sub' }, p.email || '')),
    h('span', { class: 'person-row-role' }, personSubtitle({ title: p.title, team: p.team }) || h('span', { class: 'muted' }, '—')),
    h('span', { class: 'person-row-loc muted' }, p.location || ''),
    h('span', { class: ['person-row-circles', !p.circleCount && 'muted'], title: 'Circles they are in now' }, icon('circles', { size: 14 }), plural(p.circleCount, 'circle')));
}

/**
 * Mounts the people list.
 * @param {HTMLElement} root
 * @param {any} _route
 * @param {{alive: () => boolean}} ctx
 * @returns {Promise<{dispose?: () => void, commands?: Record<string, () => void>}>}
 */
export async function mount(root, _route, ctx) {
  let seq = 0;
  const body = h('div', { class: 'page-body' });
  const count = h('span', { class: 'page-count', testid: 'people-count', 'aria-live': 'polite' });
  const search = /** @type {HTMLInputElement} */ (h('input', {
    type: 'search', class: 'input input-search', placeholder: 'Search by name, email, team or title', 'aria-label': 'Search people',
    'data-search': true, testid: 'people-search', title: 'Search people (/)',
  }));

  const create = async () => {
    const p = await openPersonForm(null, { name: search.value.trim() });
    if (p) {
      toast(`Added ${p.name}.`, { kind: 'success' });
      emit('people:changed');
      go(href('person', p.id));
    }
  };

  async function load() {
    const q = search.value.trim();
    const mine = ++seq;
    if (!body.firstChild) body.appendChild(loading());
    try {
      const r = await api.people.list(q);
      if (!ctx.alive() || mine !== seq) return;
      const list = r.people || [];
      const total = Number(r.total) || 0;
      count.textContent = peopleCountLabel(list.length, total, q);
      count.classList.toggle('is-capped', list.length < total);
      if (!list.length) {
        replace(body, q
          ? emptyState({ icon: 'search', title: `No one matches “${q}”`, text: 'Search looks at names, emails, teams and titles.', compact: true, actions: [button({ label: `Add “${q}” as a new person`, icon: 'user-plus', onclick: create, testid: 'new-person-from-search' })] })
          : emptyState({ icon: 'people', title: 'No people yet', text: 'Add the mentors and mentees in your program, or add them straight from a circle.', actions: [button({ label: 'New person', icon: 'user-plus', variant: 'primary', onclick: create })] }));
        return;
      }
      replace(body, h('div', { class: 'list-card', testid: 'people-list' },
        h('div', { class: 'person-row person-row-head', 'aria-hidden': 'true' }, h('span', null), h('span', null, 'Name'), h('span', null, 'Role'), h('span', null, 'Location'), h('span', null, 'Circles')),
        list.map(personRow)));
    } catch (err) {
      if (ctx.alive() && mine === seq) replace(body, errorState(err, { retry: load }));
    }
  }

  const onSearch = debounce(load, 200);
  search.addEventListener('input', onSearch);
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && search.value) {
      e.preventDefault();
      search.value = '';
      load();
    }
  });

  replace(root,
    pageHeader({ title: 'People', subtitle: count, actions: [button({ label: 'New person', icon: 'user-plus', variant: 'primary', shortcut: 'N', testid: 'new-person', onclick: create })] }),
    h('div', { class: 'toolbar' }, h('div', { class: 'search-box search-box-wide' }, icon('search', { size: 16 }), search)),
    body);
  await load();
  return { dispose: () => onSearch.cancel(), commands: { new: create } };
}
