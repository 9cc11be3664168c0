// The live screen: one keyboard-first page for running a session. The clock
// against the planned length, the agenda (with what to follow up from
// earlier sessions), attendance, the goals of the people present (check-ins),
// topics, the notes, action items and pins.

import { h, replace } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { sessionClock } from '../lib/live.js';
import { liveAction, isTypingTarget } from '../lib/keys.js';
import { formatDateTime } from '../lib/format.js';
import { emit } from '../state.js';
import { go, href } from '../router.js';
import * as api from '../api.js';
import { button, loading, errorState, section } from './ui.js';
import { toast, reportError } from './toast.js';
import { confirmDialog } from './dialog.js';
import { agendaPanel } from './agenda.js';
import { rosterSection } from './roster.js';
import { notesPanel } from './notes.js';
import { topicsBar } from './topics.js';
import { actionList, captureRow } from './actions.js';
import { openPinDialog } from './pin-form.js';
import { goalsPanel } from './live-goals.js';

/**
 * The members who can own an item or get a pin: the circle's current roster.
 * @param {any} page
 * @returns {{personId: number, name: string}[]}
 */
function membersOf(page) {
  return (page.roster || []).filter((r) => r.role).map((r) => ({ personId: r.personId, name: r.name }));
}

/**
 * What to follow up at the top of the agenda: earlier open action items and
 * the previous session's unticked agenda items (each can join today's agenda).
 * @param {any} page
 * @param {(title: string, minutes: number) => Promise<void>} addToAgenda
 * @returns {HTMLElement|null}
 */
function followUpBlock(page, addToAgenda) {
  const items = page.followUp || [];
  const carried = page.carriedOver || [];
  if (!items.length && !carried.length) return null;
  const list = actionList(items, { testid: 'follow-up-actions', emptyText: 'Nothing open from earlier sessions.' });
  const carriedList = carried.length
    ? h('ul', { class: 'carried', testid: 'carried-over', 'aria-label': 'Not reached last time' }, carried.map((it) => {
      const add = button({ label: 'Add', icon: 'plus', size: 'sm', variant: 'ghost', testid: 'carry-add', title: `Add “${it.title}” to today’s agenda` });
      add.addEventListener('click', async () => {
        add.disabled = true;
        await addToAgenda(it.title, it.minutes);
        add.replaceChildren(icon('check', { size: 14 }), h('span', null, 'Added'));
      });
      return h('li', { class: 'carried-row', testid: 'carried-row', 'data-item-id': it.id }, h('span', { class: 'carried-title' }, it.title), add);
    }))
    : null;
  return h('details', { class: 'follow-up', testid: 'follow-up', open: true },
    h('summary', { class: 'subhead' }, icon('restore', { size: 14 }), 'Follow up', h('span', { class: 'count' }, String(items.length + carried.length))),
    h('div', { class: 'follow-body' },
      items.length ? list.el : null,
      carriedList ? [h('p', { class: 'follow-label' }, 'Not reached last time'), carriedList] : null));
}

/**
 * Mounts the live screen.
 * @param {HTMLElement} root
 * @param {{id: number}} route
 * @param {{alive: () => boolean}} ctx
 * @returns {Promise<{dispose: () => Promise<void>}>}
 */
export async function mount(root, route, ctx) {
  /** @type {any} */
  let page = null;
  let notes = null;
  let timer = null;
  let agenda = null;
  let clockEl = null;
  let actionsUi = null;
  let capture = null;
  let topics = null;
  let goals = null;
  let actionItems = [];
  const cleanups = [];

  // Opening the live screen starts a planned session; one planned for another
  // day asks first (move it to now, or start a new session today). Going back
  // (Esc) returns to the session page; a new session opens its own live screen.
  const load = async () => {
    const p = await api.sessions.get(route.id);
    if (p.session.startedAt || p.session.status !== 'planned') return p;
    const { startSession } = await import('./start-dialog.js');
    const started = await startSession(p);
    if (!ctx.alive()) throw new Error('Left for another screen.');
    if (started && started.session.id === route.id) return started;
    const left = new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
    go(started ? href('live', started.session.id) : href('session', route.id));
    await left;
    throw new Error('Left for another screen.'); // by now this screen is no longer alive: nothing shows it
  };

  const updateClock = () => {
    if (!clockEl || !page) return;
    const s = page.session;
    const c = sessionClock(s.startedAt, s.endedAt, s.durationMinutes, Date.now());
    const [big, small] = clockEl.children;
    if (big.textContent !== c.text) big.textContent = c.text;
    const sub = [c.planned ? `of ${c.planned}` : 'no length planned', c.note].filter(Boolean).join(' · ');
    if (small.textContent !== sub) small.textContent = sub;
    if (clockEl.dataset.level !== c.level) clockEl.dataset.level = c.level;
    agenda?.tick(Date.now());
  };

  const end = async () => {
    const ok = await confirmDialog({
      title: 'End the session?',
      message: 'It will be marked held, both notes kept as a version, and you go back to the session page. You can still edit the notes afterwards.',
      confirmLabel: 'End session',
      action: async () => {
        const saved = await notes.flush();
        if (!saved) throw new Error('The notes are not saved yet. Wait for “Saved”, or try again.');
        await api.sessions.end(page.session.id);
      },
    });
    if (ok) {
      toast(`Session ${page.session.number} ended and marked held.`, { kind: 'success' });
      emit('circles:changed');
      go(href('session', page.session.id));
      // Then, optionally, a word on how useful it was: the session is ended
      // already, so the form is never in the way (views/feedback-form.js).
      const sessionId = page.session.id;
      import('./feedback-form.js').then((m) => m.offerFeedback(sessionId), (err) => console.error(err));
    } else {
      notes.focus();
    }
  };

  const pin = async () => {
    const p = await openPinDialog({ members: membersOf(page), sessionId: page.session.id });
    if (p) {
      const who = membersOf(page).find((m) => m.personId === p.personId);
      toast(`Pinned to ${who ? who.name : 'their page'}.`, { kind: 'success' });
    }
  };

  const refreshActions = async () => {
    try {
      const p = await api.sessions.get(route.id);
      if (ctx.alive()) {
        actionItems = p.actions || [];
        actionsUi.set(actionItems);
      }
    } catch (err) {
      reportError(err);
    }
  };

  const onKey = (e) => {
    if (e.defaultPrevented || e.isComposing || !page) return;
    if (document.querySelector('dialog[open]')) return;
    const action = liveAction(e, isTypingTarget(e.target));
    if (!action) return;
    if (action === 'end' && !root.querySelector('[data-testid="end-session"]')) return;
    e.preventDefault();
    switch (action) {
      case 'end': end(); break;
      case 'pin': pin(); break;
      case 'preview': notes.togglePreview(); break;
      case 'toggle-notes': notes.toggleVisibility(); break;
      case 'save': notes.flush(); break;
      case 'edit': notes.focus(); break;
      case 'capture':
        capture.open();
        capture.el.scrollIntoView({ block: 'nearest' });
        break;
      case 'next-item': agenda.next(); break;
      case 'topics': topics.open(); break;
      case 'attendance': root.querySelector('[data-testid="roster"]')?.dispatchEvent(new CustomEvent('roster:jump', { detail: { back: () => notes.focus() } })); break;
      case 'goals': goals.jump(); break;
    }
  };

  function render() {
    const s = page.session;
    const c = page.circle;
    // Held (or cancelled) without the live screen, or ended: notes only, no clock to run.
    const ended = !!s.endedAt || s.status !== 'planned';
    const clockless = !s.startedAt;
    document.title = `Live · Session ${s.number} · ${c.name} — Circlebook`;
    emit('circle:shown', c.id);
    const members = membersOf(page);

    clockEl = h('div', { class: 'live-clock', testid: 'live-clock', role: 'timer', 'aria-label': 'Time since the session started' },
      h('span', { class: 'live-clock-time' }), h('span', { class: 'live-clock-sub' }));

    const follow = followUpBlock(page, (title, minutes) => agenda.add(title, minutes));
    agenda = agendaPanel(page, { live: true, before: follow });

    notes = notesPanel(page, {
      onActions: (items) => {
        // Every save answers with the items; redraw only when they changed.
        if (JSON.stringify(items) === JSON.stringify(actionItems)) return;
        actionItems = items;
        actionsUi.set(items);
      },
      onRestored: refreshActions,
    });
    actionItems = page.actions || [];
    actionsUi = actionList(actionItems, { testid: 'session-actions', emptyText: 'None yet. Ctrl+I (or A) captures one, or write “- [ ] @Name what due:friday” in the notes.' });
    capture = captureRow({
      circleId: c.id, sessionId: s.id, members,
      onCreated: (item) => {
        actionItems = [...actionItems, item];
        actionsUi.set(actionItems);
      },
      returnFocus: () => notes.focus(),
    });
    topics = topicsBar(page, { onPage: (p) => { page.topics = p.topics; } });
    goals = goalsPanel(page, { back: () => notes.focus() });

    const actionsSection = section({
      title: 'Action items', id: 'live-actions', aside: actionsUi.status,
      actions: [button({ label: 'Action', icon: 'plus', size: 'sm', testid: 'add-action', shortcut: 'Ctrl+I', title: 'Capture an action item', onclick: () => capture.open() })],
    }, capture.el, actionsUi.el);

    replace(root,
      h('div', { class: ['live', ended && 'is-ended'], testid: 'live-screen', 'data-session-id': s.id, 'data-state': ended ? 'ended' : 'running', style: { '--circle-color': c.color || 'var(--accent)' } },
        h('header', { class: 'live-top' },
          h('div', { class: 'live-heading' },
            h('a', { class: 'back-link', href: href('session', s.id), testid: 'back-link' }, icon('chevron-left', { size: 14 }), `${c.name} · session ${s.number}`),
            h('h1', { class: 'page-title live-title', tabindex: '-1' },
              ended ? 'Notes' : h('span', { class: 'live-dot', 'aria-hidden': 'true' }), ended ? null : 'Live',
              h('span', { class: 'live-title-sub' }, ` · ${formatDateTime(s.startsAt, { withYear: false })}${s.topic ? ` · ${s.topic}` : ''}`))),
          clockless ? null : clockEl,
          h('div', { class: 'live-actions' },
            button({ label: 'Pin', icon: 'pin', testid: 'pin-note', title: 'Pin a note to a person', shortcut: 'Ctrl+Shift+P', onclick: pin }),
            ended
              ? h('a', { class: 'btn btn-secondary', href: href('session', s.id), testid: 'back-to-session' }, 'Back to the session')
              : button({ label: 'End session', icon: 'check', variant: 'primary', testid: 'end-session', shortcut: 'Ctrl+Shift+E', onclick: end }))),
        h('div', { class: 'live-grid' },
          h('div', { class: 'live-side' }, agenda.el, rosterSection(page, { onChange: () => goals.refresh() }), goals.el),
          h('div', { class: 'live-main' }, topics.el, notes.el, actionsSection))));
    updateClock();
  }

  replace(root, loading());
  try {
    page = await load();
  } catch (err) {
    if (ctx.alive()) replace(root, errorState(err, { retry: () => go(href('live', route.id)), backHref: href('session', route.id), backLabel: 'The session' }));
    return { dispose: async () => {} };
  }
  if (!ctx.alive()) return { dispose: async () => {} };
  render();
  timer = setInterval(updateClock, 1000);
  document.addEventListener('keydown', onKey);
  cleanups.push(() => document.removeEventListener('keydown', onKey), () => clearInterval(timer));

  // Text that never reached the database, from this window or Go's journal.
  api.notes.recover().then((drafts) => {
    if (ctx.alive()) notes.recover(drafts);
  }, () => notes.recover([]));
  // The live screen is for typing: the keyboard starts in the notes, after
  // what is already written (also when coming back to a running session).
  if (page.notes) notes.focus();

  return {
    dispose: async () => {
      for (const fn of cleanups) fn();
      try {
        await notes.flush({ final: true });
      } finally {
        notes.dispose();
      }
    },
  };
}
