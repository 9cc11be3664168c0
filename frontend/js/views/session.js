// The session page: when and where, status, the agenda, attendance, and
// links to the previous and next sessions.

import { h, replace } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { formatDateTime, formatDuration, relativeDays, nowIn } from '../lib/format.js';
import { SESSION_STATUSES } from '../lib/labels.js';
import { needsUpdate } from '../lib/schedule.js';
import { emit } from '../state.js';
import { go, href } from '../router.js';
import * as api from '../api.js';
import { button, statusChip, pageHeader, loading, errorState, metaItem, saveStatus } from './ui.js';
import { toast, reportError } from './toast.js';
import { confirmDialog } from './dialog.js';
import { openEditSession } from './session-form.js';
import { agendaSection } from './agenda.js';
import { rosterSection } from './roster.js';

/**
 * A previous/next link, or a disabled placeholder.
 * @param {any|null} s
 * @param {'previous'|'next'} which
 * @returns {HTMLElement}
 */
function neighbour(s, which) {
  const prev = which === 'previous';
  if (!s) return h('span', { class: ['nav-link', 'is-disabled', prev ? 'nav-prev' : 'nav-next'], 'aria-hidden': 'true' }, prev ? 'No earlier session' : 'No later session');
  return h('a', { class: ['nav-link', prev ? 'nav-prev' : 'nav-next'], href: href('session', s.id), testid: `${which}-session`, title: `${prev ? 'Previous' : 'Next'}: session ${s.number}` },
    prev ? icon('chevron-left', { size: 16 }) : null,
    h('span', { class: 'nav-link-text' },
      h('span', { class: 'nav-link-label' }, `${prev ? 'Previous' : 'Next'} · #${s.number}`),
      h('span', { class: 'nav-link-when' }, formatDateTime(s.startsAt, { withYear: false }))),
    prev ? null : icon('chevron-right', { size: 16 }));
}

/**
 * Mounts the session page.
 * @param {HTMLElement} root
 * @param {{id: number}} route
 * @param {{alive: () => boolean}} ctx
 * @returns {Promise<{dispose?: () => void}>}
 */
export async function mount(root, route, ctx) {
  /** @type {any} */
  let page = null;

  const reload = async () => {
    try {
      const p = await api.sessions.get(route.id);
      if (!ctx.alive()) return;
      page = p;
      render();
    } catch (err) {
      if (ctx.alive()) replace(root, errorState(err, { retry: reload, backHref: href('circles'), backLabel: 'All circles' }));
    }
  };

  const edit = async () => {
    const s = await openEditSession(page.session);
    if (s) {
      toast('Saved.', { kind: 'success' });
      emit('circles:changed');
      await reload();
    }
  };
  const remove = async () => {
    const s = page.session;
    const ok = await confirmDialog({
      title: `Delete session ${s.number}?`,
      message: `The session on ${formatDateTime(s.startsAt)}, its agenda and its attendance marks will be deleted. This cannot be undone.`,
      confirmLabel: 'Delete session', danger: true,
      action: () => api.sessions.remove(s.id),
    });
    if (ok) {
      toast('Session deleted.', { kind: 'success' });
      emit('circles:changed');
      go(href('circle', page.circle.id));
    }
  };

  const statusControl = () => {
    const s = page.session;
    const note = saveStatus('session-status-save');
    const group = h('div', { class: 'segmented segmented-status', role: 'radiogroup', 'aria-label': 'Session status', testid: 'session-status-control' },
      SESSION_STATUSES.map((st) => {
        const input = h('input', { type: 'radio', name: 'session-status', value: st.value, checked: s.status === st.value, testid: `session-status-${st.value}` });
        input.addEventListener('change', async () => {
          note.saving();
          try {
            await api.sessions.update(s.id, { startsAt: s.startsAt, durationMinutes: s.durationMinutes, topic: s.topic, place: s.place, status: st.value });
            emit('circles:changed');
            await reload();
            toast(`Session marked ${st.label.toLowerCase()}.`, { kind: 'success' });
          } catch (err) {
            note.failed('Not saved');
            reportError(err);
            /** @type {HTMLInputElement} */ (group.querySelector(`input[value="${s.status}"]`)).checked = true;
          }
        });
        return h('label', { class: `segment segment-${st.value}` }, input, h('span', null, st.label));
      }));
    return h('div', { class: 'status-control' }, h('span', { class: 'status-control-label' }, 'Status'), group, note.el);
  };

  function render() {
    const s = page.session;
    const c = page.circle;
    const now = nowIn();
    document.title = `Session ${s.number} · ${c.name} — Circlebook`;
    emit('circle:shown', c.id);
    const stale = needsUpdate(s, now.date);
    const placeIsLink = /^https?:\/\//i.test(s.place || '');
    replace(root,
      h('div', { class: 'session-header', style: { '--circle-color': c.color || 'var(--accent)' } },
        pageHeader({
          back: { href: href('circle', c.id), label: c.name, color: c.color },
          title: formatDateTime(s.startsAt),
          badges: [statusChip('session', s.status)],
          subtitle: h('span', null, h('span', { class: 'session-num' }, `Session ${s.number}`), s.topic ? h('span', { testid: 'session-topic' }, ` · ${s.topic}`) : h('span', { class: 'muted' }, ' · No topic yet')),
          actions: [
            button({ label: 'Edit', icon: 'pencil', testid: 'edit-session', onclick: edit }),
            button({ title: 'Delete session', icon: 'trash', variant: 'danger-ghost', testid: 'delete-session', onclick: remove }),
          ],
        }),
        h('div', { class: 'meta-row' },
          metaItem('clock', `${formatDuration(s.durationMinutes)} · ${relativeDays(s.startsAt, now.date)}`),
          s.place ? metaItem(placeIsLink ? 'video' : 'pin', h('span', { class: 'selectable' }, s.place)) : null,
          c.timeZone ? metaItem('globe', c.timeZone, 'Times are local to the circle’s time zone') : null)),
      h('div', { class: 'session-bar' },
        statusControl(),
        stale ? h('p', { class: 'flag flag-inline', testid: 'needs-update' }, icon('alert', { size: 14 }), 'This date has passed: mark the session held or cancelled.') : null,
        h('nav', { class: 'session-nav', 'aria-label': 'Other sessions' }, neighbour(page.previous, 'previous'), neighbour(page.next, 'next'))),
      h('div', { class: 'session-columns-main' },
        agendaSection(page),
        rosterSection(page)));
  }

  replace(root, loading());
  await reload();
  return {};
}
