// The circles list (home): a virtualized list of every circle, paged from
// Go; a filter that asks Go; the archived toggle; and the first-run state.

import { h, replace } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { oneAtATime } from '../lib/debounce.js';
import { formatDateTime, relativeDays, nowIn, cadenceLabel, meetingLabel, plural } from '../lib/format.js';
import { circleCountLabel, listExtent } from '../lib/lists.js';
import { createPager } from '../lib/pager.js';
import { pref, setPref, emit } from '../state.js';
import { go, href } from '../router.js';
import * as api from '../api.js';
import { button, statusChip, pairBadge, rateMeter, pageHeader, emptyState, loading, errorState } from './ui.js';
import { toast, reportError } from './toast.js';
import { virtualList } from './vlist.js';

/** A circle row's height in pixels; every row has it (the list is virtualized). */
const ROW_HEIGHT = 70;

/**
 * One circle row.
 * @param {any} c a circle summary
 * @param {string} today "YYYY-MM-DD"
 * @returns {HTMLElement}
 */
function circleRow(c, today) {
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
  /** What the rows on screen answer; the pager's fetches ask it. */
  let asked = { query: '', includeArchived };
  /** @type {{query: string, includeArchived: boolean, reply: Promise<any>}|null} */
  let pending = null;
  let today = nowIn().date;

  const pager = createPager({
    fetch: async (req) => {
      const r = await api.circles.list({ ...asked, ...req });
      return { ...r, rows: r.circles || [] };
    },
    onChange: () => list.schedule(),
    onError: reportError,
  });
  const capped = () => !!(pager.latest && pager.latest.capped);
  const head = h('div', { class: 'circle-row circle-row-head', 'aria-hidden': 'true' },
    h('span', null), h('span', null, 'Circle'), h('span', null, 'Members'), h('span', null, 'Next session'), h('span', null, 'Attendance'));
  const list = virtualList({
    label: 'Circles', testid: 'circle-list', rowHeight: ROW_HEIGHT, pager, head,
    scroller: /** @type {HTMLElement} */ (root.closest('.content') || document.scrollingElement || document.body),
    count: () => listExtent(pager.total, capped()),
    key: (c) => String(c.id),
    renderRow: (c) => circleRow(c, today),
  });

  const create = async () => {
    const shown = [];
    for (let i = 0; i < Math.min(pager.total, 50); i++) shown.push(pager.row(i)?.color);
    // The form (and the dialog, field and zone code under it) loads on first use.
    const { openCircleForm } = await import('./circle-form.js');
    const c = await openCircleForm(null, { usedColors: shown.filter(Boolean) });
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
  const count = h('span', { class: 'page-count', testid: 'circle-count', 'aria-live': 'polite' });
  const filter = /** @type {HTMLInputElement} */ (h('input', { type: 'search', class: 'input input-search', placeholder: 'Filter circles', 'aria-label': 'Filter circles', 'data-search': true, testid: 'circle-filter', title: 'Filter circles (/)' }));
  // Each key asks Go at once, unless a question is out: then the answer's
  // arrival asks again with what is typed by then.
  const onFilter = oneAtATime(() => load());
  filter.addEventListener('input', () => onFilter());
  // Enter in the filter opens the first circle it finds: "/", a few
  // letters and Enter reach any circle from the keyboard, even when Enter
  // comes before the filter has asked Go. Down moves into the list.
  filter.addEventListener('keydown', async (e) => {
    if (e.isComposing) return;
    if (e.key === 'ArrowDown' && pager.total && list.el.isConnected) {
      e.preventDefault();
      list.focusRow(0);
      return;
    }
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const typed = filter.value;
    const reply = await answerFor(typed);
    const first = reply && reply.circles && reply.circles[0];
    if (first && ctx.alive() && filter.value === typed) go(href('circle', first.id));
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

  /**
   * The first page for what the filter says now: the one on its way when it
   * asks the same, else a fresh one.
   * @param {string} typed
   * @returns {Promise<any>}
   */
  async function answerFor(typed) {
    await onFilter.idle();
    if (pending && pending.query === typed.trim() && pending.includeArchived === includeArchived) {
      const r = await pending.reply.catch(() => null);
      if (r) return r;
    }
    return load();
  }

  /** @param {any} reply the first page */
  function render(reply) {
    if (!reply.any) {
      toolbar.hidden = true;
      newBtn.hidden = true;
      count.textContent = '';
      replace(body, firstRun(create, sample));
      /** @type {HTMLElement|null} */ (body.querySelector('[data-testid="create-circle"]'))?.focus();
      document.title = 'Welcome — Circlebook';
      return;
    }
    toolbar.hidden = false;
    newBtn.hidden = false;
    count.textContent = circleCountLabel(pager.total, asked.includeArchived, asked.query, capped());
    if (!pager.total) {
      replace(body, asked.query
        ? emptyState({ icon: 'search', title: `No circle matches “${asked.query}”`, compact: true })
        : emptyState({ icon: 'archive', title: 'No circles to show', text: 'Every circle is archived. Turn on “Show archived” to see them, or create a new one.' }));
    } else {
      if (!list.el.isConnected) replace(body, list.el);
      list.reset();
    }
    document.title = 'Circles — Circlebook';
  }

  /**
   * Asks Go for the first page of what the filter and the toggle say, and
   * shows it unless a newer question overtook it.
   * @returns {Promise<any>} the first page, or null when overtaken or failed
   */
  async function load() {
    asked = { query: filter.value.trim(), includeArchived };
    today = nowIn().date;
    const reply = pager.start();
    const mine = { ...asked, reply };
    pending = mine;
    if (!body.firstChild) body.appendChild(loading());
    try {
      const r = await reply;
      if (!r || !ctx.alive() || pending !== mine) return r;
      render(r);
      return r;
    } catch (err) {
      if (ctx.alive() && pending === mine) replace(body, errorState(err, { retry: load }));
      return null;
    }
  }

  await load();
  return {
    dispose: () => list.dispose(),
    commands: { new: create },
  };
}
