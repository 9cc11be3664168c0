// The session page: when and where, status, topics, the agenda, attendance,
// notes and action items, the feedback on a held session, links to the previous and next sessions, and the
// way into the live screen (Start session, S). Opened from a search hit
// (?find=WORDS&note=shared|private), it marks the words in the notes and
// scrolls the named note to the first of them.

import { h, replace, focusKey, refocus } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { formatDateTime, formatDuration, relativeDays, nowIn, plural } from '../lib/format.js';
import { SESSION_STATUSES } from '../lib/labels.js';
import { needsUpdate } from '../lib/schedule.js';
import { feedbackSummary } from '../lib/feedback.js';
import { emit, on } from '../state.js';
import { go, href } from '../router.js';
import * as api from '../api.js';
import { button, statusChip, pageHeader, loading, errorState, metaItem, saveStatus, section } from './ui.js';
import { toast, reportError } from './toast.js';
import { confirmDialog } from './dialog.js';
import { openEditSession } from './session-form.js';
import { agendaSection } from './agenda.js';
import { rosterSection } from './roster.js';
import { topicsBar } from './topics.js';
import { actionList } from './actions.js';
import { setSanitizedHTML, interceptLinks } from './html.js';
import { comboOf, isTypingTarget } from '../lib/keys.js';
import { marksFromQuery } from '../lib/find.js';
import { markWords } from './marks.js';

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
  /** The session's feedback (null when it could not be read). @type {any[]|null} */
  let feedback = [];
  /** How many times the form saved feedback here; a read begun before the last save is older than it. */
  let feedbackSaves = 0;
  /** Where the feedback section goes; it redraws alone when feedback is given. */
  const feedbackSlot = h('div', { class: 'feedback-slot' });
  /** @type {(() => void)[]} */
  const cleanups = [];
  /** The words a search hit asks to mark, and the note to scroll to (once). */
  const find = route.query && route.query.find ? { marks: marksFromQuery(route.query.find), note: route.query.note === 'private' ? 'private' : 'shared', scrolled: false } : null;

  const reload = async () => {
    const saves = feedbackSaves;
    try {
      const [p, fb] = await Promise.all([
        api.sessions.get(route.id),
        api.feedback.forSession(route.id).catch((err) => {
          console.error(err);
          return null;
        }),
      ]);
      if (!ctx.alive()) return;
      page = p;
      if (saves === feedbackSaves) feedback = fb;
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

  // A planned session starts here, asking first when it is planned for another
  // day (see start-dialog.js); going back from that question stays on this page.
  const startLive = async () => {
    const s = page.session;
    if (s.startedAt || s.status !== 'planned') {
      go(href('live', s.id));
      return;
    }
    try {
      const { startSession } = await import('./start-dialog.js');
      const started = await startSession(page);
      if (started && ctx.alive()) go(href('live', started.session.id));
    } catch (err) {
      reportError(err);
    }
  };

  // Marking who came at a planned session whose day has come marks it held
  // (Go does, in the same call): say so, and show the new status.
  const onMarked = (p) => {
    if (!ctx.alive() || p.session.status === page.session.status) return;
    page = p;
    const key = focusKey(document.activeElement);
    render();
    refocus(root, key);
    if (p.session.status === 'held') toast(`Session ${p.session.number} marked held: attendance was taken, so it took place.`, { kind: 'success' });
    emit('circles:changed');
  };

  // The way into the live screen: start, go back to a running session, or open the notes.
  const liveButton = () => {
    const s = page.session;
    if (s.status === 'cancelled') return null;
    if (s.startedAt && !s.endedAt) return button({ label: 'Back to live session', icon: 'clock', variant: 'primary', testid: 'start-session', shortcut: 'S', onclick: startLive });
    if (s.status === 'held' || s.endedAt) return button({ label: 'Notes', icon: 'pencil', testid: 'open-notes', shortcut: 'S', title: 'Open the notes and action items', onclick: startLive });
    return button({ label: 'Start session', icon: 'clock', variant: 'primary', testid: 'start-session', shortcut: 'S', title: 'Start the session and take notes live', onclick: startLive });
  };

  // The notes, rendered, for reading here; editing happens on the live screen.
  const notesSection = () => {
    const n = page.notes || {};
    const parts = ['shared', 'private'].filter((v) => n[v] && n[v].body && n[v].body.trim());
    if (!parts.length) return null;
    return section({ title: 'Notes', id: 'session-notes', actions: [h('a', { class: 'btn btn-secondary btn-sm', href: href('live', page.session.id), testid: 'edit-notes' }, icon('pencil', { size: 14 }), 'Edit')] },
      parts.map((v) => {
        const body = h('div', { class: 'preview md', testid: `notes-view-${v}` }, h('p', { class: 'muted small' }, 'Loading…'));
        cleanups.push(interceptLinks(body));
        // Go renders and sanitizes (bluemonday); see views/html.js.
        api.notes.preview(n[v].body).then((html) => {
          setSanitizedHTML(body, html);
          if (find) showFound(body, v);
        }, (err) => replace(body, h('p', { class: 'muted small' }, err.message)));
        return h('div', { class: ['notes-read', `notes-read-${v}`] },
          v === 'private' ? h('p', { class: 'private-flag-bar' }, icon('lock', { size: 13 }), h('strong', null, 'Private'), ' — only you, never exported') : null,
          body);
      }));
  };

  /**
   * Marks the searched words in a rendered note; the note the hit named
   * scrolls to its first mark, the first time the page shows it.
   * @param {HTMLElement} body
   * @param {'shared'|'private'} v
   */
  const showFound = (body, v) => {
    const marks = markWords(body, find.marks);
    body.dataset.findMarks = String(marks.length);
    if (!marks.length || find.scrolled || (v !== find.note && page.notes[find.note]?.body?.trim())) return;
    find.scrolled = true;
    marks[0].scrollIntoView({ block: 'center' });
    // The title says what the search marked (the window's title follows it).
    const asked = route.query.find.length > 60 ? `${route.query.find.slice(0, 60)}…` : route.query.find;
    document.title = `${plural(marks.length, 'match', 'matches')} for “${asked}” · Session ${page.session.number} · ${page.circle.name} — Circlebook`;
  };

  // The feedback given after the session (views/feedback-form.js adds and edits it).
  const openFeedback = async () => {
    const { openFeedbackForm } = await import('./feedback-form.js');
    await openFeedbackForm({ session: page.session, roster: page.roster, given: feedback || [] });
    /** @type {HTMLElement|null} */ (feedbackSlot.querySelector('[data-testid="feedback-edit"]'))?.focus();
  };
  const drawFeedback = () => {
    if (page.session.status !== 'held') {
      feedbackSlot.replaceChildren();
      return;
    }
    const sum = feedbackSummary(feedback || [], page.roster);
    const edit = button({ label: sum.count ? 'Edit' : 'Add feedback', icon: sum.count ? 'pencil' : 'plus', size: 'sm', testid: 'feedback-edit', title: 'How useful it was, what worked, what to change', onclick: () => openFeedback().catch(reportError) });
    const mean = sum.count
      ? h('span', { class: 'feedback-mean', testid: 'feedback-mean' }, h('strong', null, sum.mean), ` of 5 · ${plural(sum.count, 'answer')}`)
      : null;
    const body = feedback === null
      ? h('p', { class: 'muted small' }, 'The feedback could not be read.')
      : sum.count
        ? h('ul', { class: 'feedback-lines', testid: 'feedback-lines' }, sum.lines.map((l) => h('li', { class: 'feedback-line', testid: 'feedback-line', 'data-person-id': l.personId ?? '' },
          h('div', { class: 'feedback-line-head' },
            h('span', { class: 'feedback-who' }, l.who),
            h('span', { class: 'feedback-score', testid: 'feedback-score' }, `${l.usefulness} of 5 · ${l.label}`)),
          l.worked ? h('p', { class: 'feedback-text' }, h('span', { class: 'feedback-text-label' }, 'Worked: '), h('span', null, l.worked)) : null,
          l.change ? h('p', { class: 'feedback-text' }, h('span', { class: 'feedback-text-label' }, 'To change: '), h('span', null, l.change)) : null)))
        : h('p', { class: 'muted small', testid: 'feedback-empty' }, 'No feedback yet: how useful was it, what worked, what to change?');
    feedbackSlot.replaceChildren(section({ title: 'Feedback', id: 'session-feedback', testid: 'feedback-section', aside: mean, actions: [edit] }, body));
  };

  const actionsSection = () => {
    const items = page.actions || [];
    if (!items.length) return null;
    const list = actionList(items, { testid: 'session-actions' });
    return section({ title: 'Action items', id: 'session-actions', aside: list.status }, list.el);
  };

  function render() {
    for (const fn of cleanups.splice(0)) fn();
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
            liveButton(),
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
      topicsBar(page, { onPage: (p) => { page.topics = p.topics; } }).el,
      h('div', { class: 'session-columns-main' },
        agendaSection(page),
        rosterSection(page, { onChange: onMarked })),
      feedbackSlot,
      notesSection(),
      actionsSection());
    drawFeedback();
  }

  const onKey = (e) => {
    if (e.defaultPrevented || e.isComposing || !page || isTypingTarget(e.target)) return;
    if (document.querySelector('dialog[open]')) return;
    if (comboOf(e) === 's' && page.session.status !== 'cancelled') {
      e.preventDefault();
      startLive();
    }
  };

  // Feedback given from the form offered after End session, which opens
  // over this page, possibly while it loads: the feedback it saved is newer
  // than a read begun before, which then keeps it.
  const offFeedback = on('feedback:changed', (d) => {
    if (!ctx.alive() || d.sessionId !== route.id) return;
    feedbackSaves++;
    feedback = d.feedback;
    if (page) drawFeedback();
  });
  replace(root, loading());
  await reload();
  document.addEventListener('keydown', onKey);
  return {
    dispose: () => {
      offFeedback();
      document.removeEventListener('keydown', onKey);
      for (const fn of cleanups.splice(0)) fn();
    },
  };
}
