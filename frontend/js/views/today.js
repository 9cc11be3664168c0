// The Today screen (#/today), where a launch opens once there is data: the
// next session with one key to start it (S), today's and the rest of this
// week's sessions, then what needs attention, each item with its reason and
// Open, Snooze 3 days, Snooze 7 days and Dismiss (Undo in the toast). Go
// sends every list bounded; this draws what it is given.

import { h, replace } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { formatDate } from '../lib/format.js';
import { comboOf, isTypingTarget } from '../lib/keys.js';
import { sessionWhen, SETTINGS_FIELDS, settingsInput, attentionLabel, takeLaunchView } from '../lib/today.js';
import { field } from '../lib/forms.js';
import { emit } from '../state.js';
import { go, href } from '../router.js';
import * as api from '../api.js';
import { button, pageHeader, section, loading, errorState, emptyState } from './ui.js';
import { toast, reportError } from './toast.js';
import { formDialog } from './dialog.js';

/** What an attention item is about, for its small label. */
const KIND_LABELS = {
  drifting: 'Drifting', overdue: 'Overdue', 'stale-action': 'Open long', quiet: 'Quiet', 'no-next': 'No next session', 'goal-risk': 'Goal at risk', 'goal-quiet': 'Goal check-in',
};

/**
 * Mounts the Today screen.
 * @param {HTMLElement} root
 * @param {any} route
 * @param {{alive: () => boolean}} ctx
 * @returns {Promise<{dispose: () => void}>}
 */
export async function mount(root, route, ctx) {
  /** @type {any} */
  let view = null;

  // The first draw after a launch that chose Today shows the list it read.
  const reload = async (first = false) => {
    try {
      const v = (first && takeLaunchView()) || await api.today.get();
      if (!ctx.alive()) return;
      view = v;
      render();
      emit('today:shown', v);
    } catch (err) {
      if (ctx.alive()) replace(root, errorState(err, { retry: reload, backHref: href('circles'), backLabel: 'All circles' }));
    }
  };

  // Starting goes through the session page's own flow (start-dialog.js asks
  // when the session is planned for another day).
  const startNext = async () => {
    const n = view && view.next;
    if (!n) return;
    try {
      const page = await api.sessions.get(n.id);
      const s = page.session;
      if (s.startedAt || s.status !== 'planned') {
        go(href('live', s.id));
        return;
      }
      const { startSession } = await import('./start-dialog.js');
      const started = await startSession(page);
      if (started && ctx.alive()) go(href('live', started.session.id));
    } catch (err) {
      reportError(err);
    }
  };

  const sessionRow = (s, testid) => h('li', { class: 'today-session', testid, 'data-session-id': s.id },
    h('a', { class: 'today-session-link', href: s.route || href('session', s.id) },
      h('span', { class: 'today-session-when' }, sessionWhen(s, view.date)),
      h('span', { class: 'today-session-title' }, s.title || `Session ${s.number}`),
      h('span', { class: 'today-session-circle muted' }, s.circle)));

  const nextCard = () => {
    const n = view.next;
    if (!n) {
      return h('div', { class: 'today-next is-none', testid: 'today-next-none' },
        h('p', { class: 'muted' }, 'No session is planned next. Schedule one from a circle’s page.'));
    }
    const live = n.status === 'planned' && !n.startedAt ? 'Start session' : 'Open live session';
    return h('div', { class: 'today-next', testid: 'today-next', 'data-session-id': n.id },
      h('div', { class: 'today-next-main' },
        h('p', { class: 'today-next-label' }, icon('clock', { size: 14 }), 'Next session'),
        h('p', { class: 'today-next-title' }, h('a', { href: n.route || href('session', n.id), testid: 'today-next-link' }, n.title || `Session ${n.number}`)),
        h('p', { class: 'today-next-meta' }, h('span', null, n.circle), ' · ', h('span', { testid: 'today-next-when' }, sessionWhen(n, view.date)),
          n.zone ? h('span', { class: 'muted' }, ` (${n.zone})`) : null)),
      button({ label: live, icon: 'clock', variant: 'primary', testid: 'today-start', shortcut: 'S', title: 'Start the next session and take notes live', onclick: startNext }));
  };

  /**
   * Snoozes or dismisses an item; the toast's Undo restores it.
   * @param {any} item
   * @param {'snooze3'|'snooze7'|'dismiss'} what
   * @param {HTMLElement} row
   */
  const act = async (item, what, row) => {
    // Disabling the pressed button drops the focus: note where it was first.
    const refocus = row.contains(document.activeElement);
    const buttons = [...row.querySelectorAll('button')];
    buttons.forEach((b) => { b.disabled = true; });
    try {
      if (what === 'dismiss') await api.today.dismiss(item.key);
      else await api.today.snooze(item.key, what === 'snooze3' ? 3 : 7);
    } catch (err) {
      buttons.forEach((b) => { b.disabled = false; });
      reportError(err);
      return;
    }
    // The keyboard moves on to the next item (or the one before), not to the page's top.
    const rows = [...root.querySelectorAll('[data-testid="attention-item"]')];
    const i = rows.indexOf(row);
    const after = rows[i + 1] || rows[i - 1];
    row.remove();
    if (refocus) /** @type {HTMLElement|null} */ (after?.querySelector('a, button') || root.querySelector('.page-title'))?.focus();
    view.count = Math.max(0, (view.count || 0) - 1);
    view.attention = (view.attention || []).filter((a) => a.key !== item.key);
    drawAttentionHead();
    emit('today:changed');
    const said = what === 'dismiss' ? 'Dismissed' : `Snoozed for ${what === 'snooze3' ? 3 : 7} days`;
    toast(`${said}: ${item.title}.`, {
      kind: 'success',
      action: {
        label: 'Undo', testid: 'undo',
        run: async () => {
          try {
            await api.today.restore(item.key);
            emit('today:changed');
            if (ctx.alive()) await reload();
          } catch (err) {
            reportError(err);
          }
        },
      },
    });
  };

  const attentionRow = (item) => {
    const row = h('li', { class: 'attention-item', testid: 'attention-item', 'data-key': item.key, 'data-kind': item.kind });
    row.append(
      h('div', { class: 'attention-main' },
        h('p', { class: 'attention-title' },
          h('span', { class: ['attention-kind', `attention-kind-${item.kind}`] }, KIND_LABELS[item.kind] || item.kind),
          h('span', { class: 'attention-name' }, item.title)),
        h('p', { class: 'attention-reason', testid: 'attention-reason' }, item.reason,
          item.since ? h('span', { class: 'muted' }, ` · since ${formatDate(item.since, { withYear: false })}`) : null)),
      h('div', { class: 'attention-actions', role: 'group', 'aria-label': `What to do about ${item.title}` },
        h('a', { href: item.route, class: 'btn btn-secondary btn-sm', testid: 'attention-open' }, 'Open'),
        button({ label: 'Snooze 3 days', size: 'sm', variant: 'ghost', testid: 'snooze-3', onclick: () => act(item, 'snooze3', row) }),
        button({ label: 'Snooze 7 days', size: 'sm', variant: 'ghost', testid: 'snooze-7', onclick: () => act(item, 'snooze7', row) }),
        button({ label: 'Dismiss', size: 'sm', variant: 'ghost', testid: 'dismiss', onclick: () => act(item, 'dismiss', row) })));
    return row;
  };

  const attentionHead = h('span', { class: 'section-aside', testid: 'attention-count' });
  const drawAttentionHead = () => {
    attentionHead.textContent = attentionLabel(view.count);
    const list = root.querySelector('[data-testid="attention-list"]');
    if (list && !list.children.length) list.replaceWith(emptyAttention());
  };
  const emptyAttention = () => emptyState({ icon: 'check-circle', title: 'Nothing needs you today.', text: 'Drifting members, overdue action items and quiet circles show up here.', compact: true, testid: 'attention-empty' });

  const openSettings = async () => {
    const saved = await formDialog({
      testid: 'today-settings-dialog', title: 'When something needs attention', size: 'md',
      intro: 'Today lists members, action items, circles and goals past these thresholds.',
      body: () => [h('div', { class: 'today-settings-grid' }, SETTINGS_FIELDS.map((f) => field({
        name: f.name, label: f.label, hint: f.hint, type: 'number', min: f.min, max: f.max, step: 1, value: view.settings ? view.settings[f.name] : '',
      })))],
      read: (form) => settingsInput(Object.fromEntries(SETTINGS_FIELDS.map((f) => [f.name, /** @type {any} */ (form.elements.namedItem(f.name)).value]))),
      save: (input) => api.today.saveSettings(input),
    });
    if (saved && ctx.alive()) {
      toast('Saved.', { kind: 'success' });
      emit('today:changed');
      await reload();
    }
  };

  function render() {
    document.title = 'Today — Circlebook';
    const items = view.attention || [];
    const list = h('ul', { class: 'attention-list', testid: 'attention-list', 'aria-label': 'Needs attention' }, items.map(attentionRow));
    list.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      const rows = [...list.querySelectorAll('[data-testid="attention-item"]')];
      const at = rows.findIndex((r) => r.contains(document.activeElement));
      if (at < 0) return;
      e.preventDefault();
      const to = rows[at + (e.key === 'ArrowDown' ? 1 : -1)];
      /** @type {HTMLElement|null} */ (to?.querySelector('a'))?.focus();
    });
    const sessions = (title, id, rows, testid, none) => section({ title, id, testid: `${testid}-section` },
      rows.length ? h('ul', { class: 'today-sessions', testid }, rows.map((s) => sessionRow(s, 'today-session'))) : h('p', { class: 'muted small' }, none));
    drawAttentionHead();
    replace(root,
      pageHeader({
        title: 'Today', subtitle: formatDate(view.date, { weekday: true }),
        actions: [button({ label: 'Thresholds', icon: 'pencil', testid: 'today-settings', title: 'When something needs attention', onclick: () => openSettings().catch(reportError) })],
      }),
      nextCard(),
      h('div', { class: 'today-columns' },
        sessions('Today', 'today-today', view.today || [], 'today-list', 'No other session today.'),
        sessions('This week', 'today-week', view.week || [], 'week-list', 'Nothing else this week.')),
      section({ title: 'Needs attention', id: 'attention', testid: 'attention', aside: attentionHead }, items.length ? list : emptyAttention()));
  }

  const onKey = (e) => {
    if (e.defaultPrevented || e.isComposing || !view || isTypingTarget(e.target)) return;
    if (document.querySelector('dialog[open]')) return;
    if (comboOf(e) === 's' && view.next) {
      e.preventDefault();
      startNext();
    }
  };

  replace(root, loading());
  await reload(true);
  document.addEventListener('keydown', onKey);
  return { dispose: () => document.removeEventListener('keydown', onKey) };
}
