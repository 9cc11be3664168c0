// The people list: a virtualized list paged from Go, and a search that asks
// Go as you type. Past 1,000 matches Go stops counting, and so does the list.

import { h, replace } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { oneAtATime } from '../lib/debounce.js';
import { peopleCountLabel, listExtent } from '../lib/lists.js';
import { personSubtitle } from '../lib/labels.js';
import { plural, formatCount } from '../lib/format.js';
import { createPager } from '../lib/pager.js';
import { emit } from '../state.js';
import { go, href } from '../router.js';
import * as api from '../api.js';
import { button, avatar, pageHeader, emptyState, loading, errorState } from './ui.js';
import { toast, reportError } from './toast.js';
import { openPersonForm } from './person-form.js';
import { virtualList } from './vlist.js';

/** A person row's height in pixels; every row has it (the list is virtualized). */
const ROW_HEIGHT = 58;

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
  /** The search the rows on screen answer; the pager's fetches ask it. */
  let asked = '';
  /** @type {{query: string, reply: Promise<any>}|null} */
  let pending = null;
  const pager = createPager({
    fetch: async (req) => {
      const r = await api.people.list({ query: asked, ...req });
      return { ...r, rows: r.people || [] };
    },
    onChange: () => list.schedule(),
    onError: reportError,
  });
  const capped = () => !!(pager.latest && pager.latest.capped);

  const body = h('div', { class: 'page-body' });
  const count = h('span', { class: 'page-count', testid: 'people-count', 'aria-live': 'polite' });
  const search = /** @type {HTMLInputElement} */ (h('input', {
    type: 'search', class: 'input input-search', placeholder: 'Search by name, email, team or title', 'aria-label': 'Search people',
    'data-search': true, testid: 'people-search', title: 'Search people (/)',
  }));
  const foot = h('p', { class: 'vlist-foot', testid: 'people-capped' });

  const create = async () => {
    const p = await openPersonForm(null, { name: search.value.trim() });
    if (p) {
      toast(`Added ${p.name}.`, { kind: 'success' });
      emit('people:changed');
      go(href('person', p.id));
    }
  };

  const head = h('div', { class: 'person-row person-row-head', 'aria-hidden': 'true' }, h('span', null), h('span', null, 'Name'), h('span', null, 'Role'), h('span', null, 'Location'), h('span', null, 'Circles'));
  const list = virtualList({
    label: 'People', testid: 'people-list', rowHeight: ROW_HEIGHT, pager, head, foot,
    scroller: /** @type {HTMLElement} */ (root.closest('.content') || document.scrollingElement || document.body),
    count: () => listExtent(pager.total, capped()),
    key: (p) => String(p.id),
    renderRow: personRow,
  });

  /** @param {any} reply the first page */
  function render(reply) {
    const q = asked;
    count.textContent = peopleCountLabel(pager.total, capped(), q);
    count.classList.toggle('is-capped', capped());
    if (!(reply.people || []).length) {
      replace(body, q
        ? emptyState({ icon: 'search', title: `No one matches “${q}”`, text: 'Search looks at names, emails, teams and titles.', compact: true, actions: [button({ label: `Add “${q}” as a new person`, icon: 'user-plus', onclick: create, testid: 'new-person-from-search' })] })
        : emptyState({ icon: 'people', title: 'No people yet', text: 'Add the mentors and mentees in your program, or add them straight from a circle.', actions: [button({ label: 'New person', icon: 'user-plus', variant: 'primary', onclick: create })] }));
      return;
    }
    foot.hidden = !capped();
    foot.textContent = capped() ? `The list stops at the first ${formatCount(listExtent(pager.total, true))} — search to find anyone else.` : '';
    if (!list.el.isConnected) replace(body, list.el);
    list.reset();
  }

  /**
   * Asks Go for the first page of the search, and shows it unless a newer
   * search overtook it.
   * @returns {Promise<any>} the first page, or null when overtaken or failed
   */
  async function load() {
    asked = search.value.trim();
    const reply = pager.start();
    const mine = { query: asked, reply };
    pending = mine;
    if (!body.firstChild) body.appendChild(loading());
    try {
      const r = await reply;
      if (r && ctx.alive() && pending === mine) render(r);
      return r;
    } catch (err) {
      if (ctx.alive() && pending === mine) replace(body, errorState(err, { retry: load }));
      return null;
    }
  }

  // Each key asks Go at once, unless a question is out: then the answer's
  // arrival asks again with what is typed by then.
  const onSearch = oneAtATime(() => load());
  search.addEventListener('input', () => onSearch());
  search.addEventListener('keydown', async (e) => {
    if (e.isComposing) return;
    if (e.key === 'Escape' && search.value) {
      e.preventDefault();
      search.value = '';
      load();
    } else if (e.key === 'ArrowDown' && pager.total && list.el.isConnected) {
      e.preventDefault();
      list.focusRow(0);
    } else if (e.key === 'Enter') {
      // Enter opens the first person found, once Go has answered for what is typed.
      e.preventDefault();
      const typed = search.value;
      await onSearch.idle();
      let r = pending && pending.query === typed.trim() ? await pending.reply.catch(() => null) : null;
      if (!r) r = await load();
      const first = r && r.people && r.people[0];
      if (first && ctx.alive() && search.value === typed) go(href('person', first.id));
    }
  });

  replace(root,
    pageHeader({ title: 'People', subtitle: count, actions: [
      h('a', { class: 'btn btn-secondary', href: href('import'), testid: 'import-roster' }, icon('download', { size: 16 }), 'Import roster'),
      button({ label: 'New person', icon: 'user-plus', variant: 'primary', shortcut: 'N', testid: 'new-person', onclick: create })] }),
    h('div', { class: 'toolbar' }, h('div', { class: 'search-box search-box-wide' }, icon('search', { size: 16 }), search)),
    body);
  await load();
  return {
    dispose: () => list.dispose(),
    commands: { new: create },
  };
}
