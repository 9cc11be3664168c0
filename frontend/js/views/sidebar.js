// The left sidebar: app name, Circles and People, a quick list of circles
// (every active one in a small program; in a large one the pinned and the
// recently opened, with a link to all of them), and the shortcuts button.
// Today carries the count of what needs attention (Today.Get's count), asked
// again after a write or a change of screen, at most every few seconds.

import { h, replace, kbd } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { formatCount } from '../lib/format.js';
import { on, recentCircles } from '../state.js';
import { href } from '../router.js';
import * as api from '../api.js';
import { colorDot } from './ui.js';
import { countLabel, atMostEvery } from '../lib/today.js';

/** The least time between two questions for the Today count. */
const COUNT_EVERY_MS = 3000;

/**
 * Builds the sidebar; call setActive on each route change.
 * @param {{onShortcuts: () => void}} o
 * @returns {{el: HTMLElement, setActive: (section: string, circleId?: number) => void, showInfo: (i: {version: string, dataFile: string}|null) => void, showCount: (n: number) => void, dispose: () => void}}
 */
export function sidebar(o) {
  const link = (name, label, iconName, key) => h('a', { class: 'nav-item', href: href(name), testid: `nav-${name}`, 'data-section': name, title: `${label} (${key})`, 'aria-keyshortcuts': key },
    icon(iconName, { size: 16 }), h('span', { class: 'nav-label' }, label), kbd(key));
  const count = h('span', { class: 'nav-count', testid: 'today-count', hidden: true });
  const countSays = h('span', { class: 'visually-hidden' });
  const todayLink = link('today', 'Today', 'calendar', 'T');
  todayLink.insertBefore(count, todayLink.querySelector('.kbd'));
  todayLink.insertBefore(countSays, todayLink.querySelector('.kbd'));
  const circleList = h('ul', { class: 'side-circles', testid: 'sidebar-circles', 'aria-label': 'Your circles' });
  const info = h('p', { class: 'side-info', testid: 'app-info' });
  const el = h('aside', { class: 'sidebar', 'aria-label': 'Main navigation' },
    h('div', { class: 'brand' }, h('span', { class: 'brand-mark' }, icon('logo', { size: 20 })), h('span', { class: 'brand-name' }, 'Circlebook')),
    h('nav', { class: 'nav', 'aria-label': 'Sections' }, todayLink, link('circles', 'Circles', 'circles', 'C'), link('people', 'People', 'people', 'P'), link('program', 'Program', 'layers', 'G')),
    h('div', { class: 'side-section' }, h('p', { class: 'side-heading', id: 'side-circles-title' }, 'Your circles'), circleList),
    h('div', { class: 'side-foot' },
      h('button', { type: 'button', class: 'nav-item side-help', testid: 'show-shortcuts', title: 'Keyboard shortcuts (?)', 'aria-keyshortcuts': '?', onclick: o.onShortcuts },
        icon('keyboard', { size: 16 }), h('span', { class: 'nav-label' }, 'Shortcuts'), kbd('?')),
      info));

  let active = { section: 'circles', circleId: 0 };
  let seq = 0;
  const paint = () => {
    for (const a of el.querySelectorAll('.nav-item[data-section]')) {
      const on = a.getAttribute('data-section') === active.section && !active.circleId;
      a.classList.toggle('is-active', a.getAttribute('data-section') === active.section);
      if (on) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    for (const a of circleList.querySelectorAll('a[data-circle-id]')) {
      const current = Number(a.getAttribute('data-circle-id')) === active.circleId;
      a.classList.toggle('is-active', current);
      if (current) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
  };
  /** What the list shows now: the circles' ids, and the active circles in all. */
  let shown = { ids: new Set(), total: 0 };
  /**
   * One circle's entry.
   * @param {import('../api.js').SidebarCircle} c
   */
  const entry = (c) => h('li', null, h('a', { class: ['side-circle', c.status !== 'active' && 'is-quiet', c.pinned && 'is-pinned'], href: href('circle', c.id), 'data-circle-id': c.id, title: c.pinned ? `${c.name} (pinned)` : c.name, testid: 'sidebar-circle' },
    colorDot(c.color, { size: 'sm' }), h('span', { class: 'side-circle-name' }, c.name), c.pinned ? h('span', { class: 'side-pin', 'aria-hidden': 'true' }, icon('pin', { size: 12 })) : null));
  const load = async () => {
    const mine = ++seq;
    try {
      const r = await api.circles.sidebar(recentCircles());
      if (mine !== seq) return;
      const list = (r && r.circles) || [];
      const total = Number(r && r.total) || 0;
      shown = { ids: new Set(list.map((c) => c.id)), total };
      const all = `All ${formatCount(total)} circles`;
      replace(circleList,
        list.map(entry),
        total > list.length && !list.length ? h('li', { class: 'side-empty' }, 'Pin a circle, or open one, to keep it here') : null,
        total > list.length ? h('li', null, h('a', { class: 'side-circle side-all', href: href('circles'), testid: 'sidebar-all-circles', title: all },
          h('span', { class: 'side-all-icon', 'aria-hidden': 'true' }, icon('list', { size: 14 })), h('span', { class: 'side-circle-name' }, all))) : null,
        !total ? h('li', { class: 'side-empty' }, 'No circles yet') : null);
      paint();
    } catch {
      if (mine === seq) replace(circleList, h('li', { class: 'side-empty' }, 'Could not load circles'));
    }
  };
  /** A circle's page opened: in a large program it joins the recent ones shown. */
  const opened = (id) => {
    if (shown.total > shown.ids.size && !shown.ids.has(id) && recentCircles().includes(id)) load();
  };
  /** @param {number} n */
  const showCount = (n) => {
    const label = countLabel(n);
    count.textContent = label;
    count.hidden = !label;
    countSays.textContent = label ? ' needing attention' : '';
  };
  let countSeq = 0;
  const loadCount = atMostEvery(async () => {
    const mine = ++countSeq;
    try {
      const v = await api.today.get();
      if (mine === countSeq && v) showCount(v.count);
    } catch {
      // the count waits for the next change; Today itself shows the error
    }
  }, COUNT_EVERY_MS);
  const offs = [
    on('circles:changed', () => { load(); loadCount(); }),
    on('circle:shown', opened),
    on('today:changed', loadCount),
    on('today:shown', (v) => { countSeq++; if (v) showCount(v.count); }),
    () => loadCount.cancel(),
  ];
  load();
  return {
    el,
    setActive: (section, circleId = 0) => {
      const moved = section !== active.section || circleId !== active.circleId;
      active = { section, circleId };
      paint();
      // The Today screen reads the same list and hands its count over
      // (today:shown): a second read would only race it.
      if (moved && section !== 'today') loadCount();
    },
    showCount,
    // main.js asks Go for the app's info once, and hands it here.
    showInfo: (i) => {
      if (!i) return;
      info.textContent = `Version ${i.version}`;
      info.title = `Data file: ${i.dataFile}`;
    },
    dispose: () => offs.forEach((off) => off()),
  };
}
