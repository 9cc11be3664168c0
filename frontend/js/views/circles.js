// The circles list (home): one row per circle, a filter, the archived toggle,
// and the first-run empty state.

import { h, replace } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { formatDateTime, relativeDays, nowIn, cadenceLabel, meetingLabel, plural } from '../lib/format.js';
import { filterCircles } from '../lib/lists.js';
import { pref, setPref, emit } from '../state.js';
import { go, href } from '../router.js';
import * as api from '../api.js';
import { button, statusChip, pairBadge, rateMeter, pageHeader, emptyState, loading, errorState } from './ui.js';
import { toast, reportError } from './toast.js';
import { openCircleForm } from './circle-form.js';

/**
 * One circle row.
 * @param {any} c a circle summary
 * @returns {HTMLElement}
 */
function circleRow(c) {
  const today = nowIn().date;
  const next = c.nextSession;
  const rhythm = [cadenceLabel(c), meetingLabel(c)].filter(Boolean).join(' · ');
  return h('a', { class: ['circle-row', c.status === 'archived' && 'is-archived'], href: href('circle', c.id), testid: 'circle-row', 'data-circle-id': c.id },
    h('span', { class: 'circle-row-color', style: { backgroundColor: c.color || 'var(--text-faint)' }, 'aria-hidden': 'true' }),
    h('span', { class: 'circle-row-main' },
      h('span', { class: 'circle-row-title' },
        h('span', { class: 'circle-row-name', testid: 'circle-name' }, c.name),
        c.kind === 'pair' ? pairBadge() : null,
        statusChip('circle', c.status)),
      h('span', { class: 'circle-row-sub' }, c.purpose || rhythm || ' ')),
    h('span', { class: 'circle-row-members', testid: 'circle-members', title: 'Current members' }, icon('people', { size: 14 }), plural(c.memberCount, 'member')),
    h('span', { class: 'circle-row-next', testid: 'circle-next' },
      next
        ? [h('span', { class: 'next-when' }, formatDateTime(next.startsAt, { withYear: false })), h('span', { class: 'next-rel' }, relativeDays(next.startsAt, today))]
        : h('span', { class: 'muted' }, c.status === 'active' || c.status === 'forming' ? 'Nothing scheduled' : '—')),
    h('span', { class: 'circle-row-rate' }, rateMeter(c.attendance ? c.attendance.rate : null, { testid: 'circle-rate' })));
}

/**
 * The first-run state: what Circlebook is, and the two ways in.
 * @param {() => void} create
 * @param {() => Promise<void>} sample
 * @returns {HTMLElement}
 */
function firstRun(create, sample) {
  const sampleBtn = button({ label: 'Load a sample program', icon: 'sparkles', testid: 'load-sample' });
  sampleBtn.addEventListener('click', async () => {
    sampleBtn.disabled = true;
    sampleBtn.classList.add('is-busy');
    try {
      await sample();
    } finally {
      sampleBtn.disabled = false;
      sampleBtn.classList.remove('is-busy');
    }
  });
  return h('div', { class: 'welcome', testid: 'first-run' },
    h('div', { class: 'welcome-mark', 'aria-hidden': 'true' }, icon('logo', { size: 40 })),
    h('h2', { class: 'welcome-title' }, 'Welcome to Circlebook'),
    h('p', { class: 'welcome-text' }, 'Circlebook keeps your mentoring circles — their people, sessions, agendas and attendance — in one notebook on this computer, with no network needed.'),
    h('div', { class: 'welcome-actions' },
      button({ label: 'Create a circle', icon: 'plus', variant: 'primary', testid: 'create-circle', onclick: create }),
      sampleBtn),
    h('p', { class: 'welcome-foot' }, 'The sample program has four circles (one a 1:1 pair), 25 people and their sessions, so you can look around first.'));
}

/**
 * Mounts the circles list.
 * @param {HTMLElement} root
 * @param {any} _route
 * @param {{alive: () => boolean}} ctx
 * @returns {Promise<{dispose?: () => void, commands?: Record<string, () => void>}>}
 */
export async function mount(root, _route, ctx) {
  let includeArchived = !!pref('includeArchived', false);
  let query = '';
  /** @type {any[]} */
  let list = [];

  const create = async () => {
    const c = await openCircleForm(null, { usedColors: list.map((x) => x.color) });
    if (c) {
      toast(`Created “${c.name}”.`, { kind: 'success' });
      emit('circles:changed');
      go(href('circle', c.id));
    }
  };
  const sample = async () => {
    try {
      const r = await api.demo.load();
      toast(r.created ? `Loaded the sample program: ${r.circles} circles, ${r.people} people, ${r.sessions} sessions.` : 'The sample program is already loaded.', { kind: 'success' });
      emit('circles:changed');
      emit('people:changed');
      await load();
    } catch (err) {
      reportError(err);
    }
  };

  const body = h('div', { class: 'page-body' });
  const count = h('span', { class: 'page-count', testid: 'circle-count' });
  const filter = h('input', { type: 'search', class: 'input input-search', placeholder: 'Filter circles', 'aria-label': 'Filter circles', 'data-search': true, testid: 'circle-filter', title: 'Filter circles (/)' });
  filter.addEventListener('input', () => { query = /** @type {HTMLInputElement} */ (filter).value; render(); });
  // Enter in the filter opens the first circle it shows: "/", a few
  // letters and Enter reach any circle from the keyboard.
  filter.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || e.isComposing) return;
    const first = filterCircles(list, query)[0];
    if (!first) return;
    e.preventDefault();
    go(href('circle', first.id));
  });
  const archived = h('input', { type: 'checkbox', class: 'switch-input', checked: includeArchived, testid: 'show-archived' });
  archived.addEventListener('change', () => {
    includeArchived = /** @type {HTMLInputElement} */ (archived).checked;
    setPref('includeArchived', includeArchived);
    load();
  });
  const toolbar = h('div', { class: 'toolbar' },
    h('div', { class: 'search-box' }, icon('search', { size: 16 }), filter),
    h('label', { class: 'switch' }, archived, h('span', { class: 'switch-track', 'aria-hidden': 'true' }), 'Show archived'));

  const newBtn = button({ label: 'New circle', icon: 'plus', variant: 'primary', shortcut: 'N', testid: 'new-circle', onclick: create });
  replace(root,
    pageHeader({ title: 'Circles', subtitle: count, actions: [newBtn] }),
    toolbar, body);

  function render() {
    const shown = filterCircles(list, query);
    count.textContent = list.length ? `${plural(list.length, includeArchived ? 'circle' : 'active circle')}` : '';
    if (!list.length) {
      replace(body, emptyState({ icon: 'archive', title: 'No circles to show', text: 'Every circle is archived. Turn on “Show archived” to see them, or create a new one.' }));
      return;
    }
    if (!shown.length) {
      replace(body, emptyState({ icon: 'search', title: `No circle matches “${query}”`, compact: true }));
      return;
    }
    replace(body, h('div', { class: 'list-card', testid: 'circle-list' },
      h('div', { class: 'circle-row circle-row-head', 'aria-hidden': 'true' },
        h('span', null), h('span', null, 'Circle'), h('span', null, 'Members'), h('span', null, 'Next session'), h('span', null, 'Attendance')),
      shown.map(circleRow)));
  }

  async function load() {
    if (!body.firstChild) body.appendChild(loading());
    try {
      list = (await api.circles.list(includeArchived)) || [];
      if (!ctx.alive()) return;
      if (!list.length && !includeArchived) {
        const all = (await api.circles.list(true)) || [];
        if (!ctx.alive()) return;
        if (!all.length) {
          toolbar.hidden = true;
          newBtn.hidden = true;
          count.textContent = '';
          replace(body, firstRun(create, sample));
          /** @type {HTMLElement|null} */ (body.querySelector('[data-testid="create-circle"]'))?.focus();
          document.title = 'Welcome — Circlebook';
          return;
        }
      }
      toolbar.hidden = false;
      newBtn.hidden = false;
      render();
      document.title = 'Circles — Circlebook';
    } catch (err) {
      if (ctx.alive()) replace(body, errorState(err, { retry: load }));
    }
  }

  await load();
  return { commands: { new: create } };
}
