// The circle page: header, key numbers, sessions (and Start now), open action
// items, topics covered, the attendance grid and members. Go sends a window
// of the sessions (the next few, the latest past ones) with counts of all;
// "Show earlier sessions" adds older pages to the list and the grid.

import { h, replace, focusKey, refocus } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { formatDateTime, formatDate, relativeDays, nowIn, cadenceLabel, meetingLabel, formatDuration, dayParts, plural } from '../lib/format.js';
import { splitSessions, needsUpdate } from '../lib/schedule.js';
import { splitMembers } from '../lib/lists.js';
import { ROLES } from '../lib/labels.js';
import { tallySummary } from '../lib/attendance.js';
import { withEarlier, countsWhenHeld, pastListState } from '../lib/circlepage.js';
import { emit, noteCircleOpened } from '../state.js';
import { go, href } from '../router.js';
import * as api from '../api.js';
import { button, iconButton, statusChip, pairBadge, rateMeter, setRate, avatar, pageHeader, section, emptyState, loading, errorState, metaItem, saveStatus } from './ui.js';
import { toast, reportError } from './toast.js';
import { confirmDialog } from './dialog.js';
import { openCircleForm } from './circle-form.js';
import { openAddMember, openEditMember } from './member-form.js';
import { openScheduleSession, openScheduleSeries } from './session-form.js';
import { attendanceGrid } from './grid.js';
import { actionList } from './actions.js';
import { comboOf, isTypingTarget } from '../lib/keys.js';
import { isWebAddress } from '../lib/limits.js';

/**
 * A circle's video link: a web address is a link, which main.js's click
 * handler opens in the system browser; anything else (saved before links
 * were checked) stays text.
 * @param {string} link
 * @returns {HTMLElement}
 */
function videoLink(link) {
  return isWebAddress(link)
    ? h('a', { href: link, class: 'selectable', rel: 'noopener noreferrer', testid: 'video-link', title: 'Open in your browser' }, link)
    : h('span', { class: 'selectable' }, link);
}

/**
 * One session in a sessions list.
 * @param {any} s
 * @param {string} today
 * @returns {HTMLElement}
 */
function sessionItem(s, today) {
  const d = dayParts(s.startsAt);
  const stale = needsUpdate(s, today);
  return h('a', { class: ['session-item', `is-${s.status}`], href: href('session', s.id), testid: 'session-row', 'data-session-id': s.id },
    h('span', { class: 'date-tile', 'aria-hidden': 'true' }, h('span', { class: 'date-tile-month' }, d.month), h('span', { class: 'date-tile-day' }, d.day)),
    h('span', { class: 'session-item-main' },
      h('span', { class: 'session-item-when' }, formatDateTime(s.startsAt, { withYear: s.startsAt.slice(0, 4) !== today.slice(0, 4) }), h('span', { class: 'session-item-num' }, ` · #${s.number}`)),
      h('span', { class: 'session-item-topic' }, s.topic || 'No topic yet')),
    h('span', { class: 'session-item-side' },
      stale ? h('span', { class: 'flag', title: 'The date has passed: mark it held or cancelled' }, icon('alert', { size: 13 }), 'Update') : h('span', { class: 'session-item-rel' }, relativeDays(s.startsAt, today)),
      statusChip('session', s.status)));
}

/**
 * Mounts the circle page.
 * @param {HTMLElement} root
 * @param {{id: number}} route
 * @param {{alive: () => boolean}} ctx
 * @returns {Promise<{dispose?: () => void}>}
 */
export async function mount(root, route, ctx) {
  /** @type {any} */
  let page = null;
  let showAllPast = false;
  let noted = false; // this opening is in the recently opened list
  let loadingEarlier = false;
  /** The first session of the page of earlier ones last loaded: the grid starts there. @type {number|undefined} */
  let gridStart;

  const reload = async () => {
    const key = focusKey(document.activeElement);
    try {
      const p = await api.circles.get(route.id);
      if (!ctx.alive()) return;
      page = p;
      gridStart = undefined;
      render();
      refocus(root, key);
    } catch (err) {
      if (!ctx.alive()) return;
      if (page && err.code !== 'not_found') reportError(err);
      else replace(root, errorState(err, { retry: reload, backHref: href('circles'), backLabel: 'All circles' }));
    }
  };

  const changed = async (message) => {
    if (message) toast(message, { kind: 'success' });
    emit('circles:changed');
    await reload();
  };

  // ---- actions ----
  const edit = async () => {
    const c = await openCircleForm(page.circle);
    if (c) await changed('Saved.');
  };
  const archive = async () => {
    try {
      const c = page.circle.status === 'archived' ? await api.circles.restore(page.circle.id) : await api.circles.archive(page.circle.id);
      await changed(c.status === 'archived' ? `Archived “${c.name}”. Its history is kept.` : `Restored “${c.name}”.`);
    } catch (err) {
      reportError(err);
    }
  };
  const remove = async () => {
    const n = page.upcomingCount + page.pastCount;
    const ok = await confirmDialog({
      title: 'Delete this circle?',
      message: `“${page.circle.name}” and its ${plural(n, 'session')}, agendas and attendance marks will be deleted for good. The people stay in Circlebook. To keep the history, archive it instead.`,
      confirmLabel: 'Delete circle', danger: true,
      action: () => api.circles.remove(page.circle.id),
    });
    if (ok) {
      toast(`Deleted “${page.circle.name}”.`, { kind: 'success' });
      emit('circles:changed');
      go(href('circles'));
    }
  };
  // The next session is proposed after the circle's latest one, which Go
  // names whether or not the page holds it.
  const schedule = async () => {
    const s = await openScheduleSession(page.circle, page.last ? [page.last] : []);
    if (s) await changed(`Scheduled session ${s.number} for ${formatDateTime(s.startsAt)}.`);
  };
  const series = async () => {
    const list = await openScheduleSeries(page.circle, page.last ? [page.last] : []);
    if (list) await changed(`Scheduled ${plural(list.length, 'session')}.`);
  };
  // The page of past sessions before those held, into the list and the grid;
  // asked for under the list, the list shows them all (from the grid, the
  // list keeps its size, so the grid stays where it was).
  const showEarlier = async (fromList) => {
    if (loadingEarlier || !page.earlier) return;
    loadingEarlier = true;
    const key = focusKey(document.activeElement);
    const buttons = () => /** @type {NodeListOf<HTMLButtonElement>} */ (root.querySelectorAll('[data-testid=show-earlier], [data-testid=past-show-earlier]'));
    for (const b of buttons()) b.setAttribute('aria-busy', 'true');
    try {
      const older = await api.circles.sessions(page.circle.id, page.earlier);
      if (!ctx.alive()) return;
      const before = new Set(page.sessions.map((s) => s.id));
      Object.assign(page, withEarlier(page, older));
      gridStart = page.sessions.find((s) => !before.has(s.id) && s.status !== 'cancelled')?.id;
      if (fromList) showAllPast = true;
      render();
      refocus(root, key);
      // The button goes once the first session is reached: on to the first column loaded.
      if (!root.contains(document.activeElement)) /** @type {HTMLElement|null} */ (root.querySelector('.att-grid [tabindex="0"]'))?.focus();
    } catch (err) {
      reportError(err);
      for (const b of buttons()) b.removeAttribute('aria-busy');
    } finally {
      loadingEarlier = false;
    }
  };
  const earlierButton = (testid, fromList) => button({ label: 'Show earlier sessions', icon: 'chevron-left', size: 'sm', testid, onclick: () => showEarlier(fromList), title: 'Add the sessions before these to the list and the grid' });
  const startNow = async (e) => {
    const btn = e && e.currentTarget instanceof HTMLButtonElement ? e.currentTarget : null;
    if (btn) btn.disabled = true;
    try {
      const p = await api.sessions.startNow(page.circle.id);
      emit('circles:changed');
      go(href('live', p.session.id));
    } catch (err) {
      if (btn) btn.disabled = false;
      reportError(err);
    }
  };
  let exporting = false;
  const exportSummary = async () => {
    if (exporting) return;
    exporting = true;
    try {
      const { openExportDialog } = await import('./export-dialog.js');
      await openExportDialog(page.circle);
    } catch (err) {
      reportError(err);
    } finally {
      exporting = false;
    }
  };
  const togglePin = async () => {
    try {
      const c = await api.circles.setPinned(page.circle.id, !page.circle.pinned);
      await changed(c.pinned ? `Pinned “${c.name}” to the sidebar.` : `Unpinned “${c.name}” from the sidebar.`);
    } catch (err) {
      reportError(err);
    }
  };
  const addMember = async () => {
    const m = await openAddMember(page.circle, page.members);
    if (m) {
      emit('people:changed');
      await changed('Member added.');
    }
  };

  // ---- pieces ----
  const header = () => {
    const c = page.circle;
    const archived = c.status === 'archived';
    const where = [
      metaItem('repeat', [cadenceLabel(c), meetingLabel(c), formatDuration(c.durationMinutes)].filter(Boolean).join(' · ')),
      c.timeZone ? metaItem('globe', c.timeZone, 'Session times are local to this time zone') : null,
      c.place ? metaItem('pin', c.place) : null,
      c.videoLink ? metaItem('video', videoLink(c.videoLink), 'Video link') : null,
      c.startDate || c.endDate ? metaItem('calendar', c.endDate ? `${formatDate(c.startDate)} – ${formatDate(c.endDate)}` : `Since ${formatDate(c.startDate)}`) : null,
    ];
    return h('div', { class: 'circle-header', style: { '--circle-color': c.color || 'var(--accent)' } },
      pageHeader({
        back: { href: href('circles'), label: 'Circles' },
        title: c.name,
        lead: h('span', { class: 'circle-mark', 'aria-hidden': 'true' }, icon(c.kind === 'pair' ? 'people' : 'circles', { size: 20 })),
        badges: [c.kind === 'pair' ? pairBadge() : null, statusChip('circle', c.status)].filter(Boolean),
        subtitle: c.purpose || null,
        actions: [
          h('a', { class: 'btn btn-secondary', href: href('growth', c.id), testid: 'circle-growth-link', title: 'Goals, skills, topics covered and feedback' }, icon('target', { size: 16 }), h('span', null, 'Growth')),
          button({ label: 'Export summary', icon: 'download', testid: 'export-summary', shortcut: 'E', title: 'Export a summary of the circle', onclick: exportSummary }),
          archived ? null : button({ label: c.pinned ? 'Unpin' : 'Pin to sidebar', icon: 'pin', testid: 'pin-circle', onclick: togglePin, title: c.pinned ? 'Take it off the sidebar' : 'Keep it in the sidebar' }),
          button({ label: 'Edit', icon: 'pencil', testid: 'edit-circle', onclick: edit }),
          button({ label: archived ? 'Restore' : 'Archive', icon: archived ? 'restore' : 'archive', testid: archived ? 'restore-circle' : 'archive-circle', onclick: archive, title: archived ? 'Make the circle active again' : 'Hide it from the list, keeping its history' }),
          button({ title: 'Delete circle', icon: 'trash', variant: 'danger-ghost', testid: 'delete-circle', onclick: remove }),
        ].filter(Boolean),
      }),
      h('div', { class: 'meta-row' }, ...where.filter(Boolean)));
  };

  const stats = (today) => {
    const next = splitSessions(page.sessions, page.today).upcoming[0];
    const current = splitMembers(page.members, today).current.length;
    return h('div', { class: 'stats' },
      h('div', { class: 'stat' }, h('span', { class: 'stat-label' }, 'Members'), h('span', { class: 'stat-value', testid: 'stat-members' }, String(current))),
      h('div', { class: 'stat' }, h('span', { class: 'stat-label' }, 'Sessions held'), h('span', { class: 'stat-value', testid: 'stat-held' }, String(page.heldCount)), h('span', { class: 'stat-sub', testid: 'stat-upcoming' }, `${page.upcomingCount} upcoming`)),
      h('div', { class: 'stat' }, h('span', { class: 'stat-label' }, 'Attendance'), rateMeter(page.attendance.rate, { testid: 'stat-rate' }), h('span', { class: 'stat-sub', testid: 'stat-tally' }, tallySummary(page.attendance))),
      h('div', { class: 'stat stat-wide' }, h('span', { class: 'stat-label' }, 'Next session'),
        next
          ? h('a', { class: 'stat-link', href: href('session', next.id), testid: 'stat-next' }, formatDateTime(next.startsAt, { withYear: next.startsAt.slice(0, 4) !== today.slice(0, 4) }), h('span', { class: 'stat-sub' }, ` ${relativeDays(next.startsAt, today)}`))
          : h('span', { class: 'stat-value stat-value-sm muted' }, 'Nothing scheduled')));
  };

  const sessionsSection = (today) => {
    const { upcoming, past } = splitSessions(page.sessions, page.today);
    const list = pastListState(past.length, page.pastCount, showAllPast, !!page.earlier);
    const more = page.upcomingCount - upcoming.length;
    const toggle = () => { showAllPast = !showAllPast; const key = focusKey(document.activeElement); render(); refocus(root, key); };
    const actions = [
      page.circle.status === 'archived' ? null : button({ label: 'Start now', icon: 'clock', variant: 'primary', testid: 'start-now', title: 'Start an unplanned session now and take notes live', onclick: startNow }),
      button({ label: 'Schedule session', icon: 'calendar-plus', testid: 'schedule-session', onclick: schedule }),
      button({ label: 'Schedule series', icon: 'layers', testid: 'schedule-series', onclick: series }),
    ];
    if (!page.upcomingCount && !page.pastCount) {
      return section({ title: 'Sessions', id: 'sessions', actions },
        emptyState({ icon: 'calendar', title: 'No sessions yet', text: `Schedule the first one, or a whole series ${cadenceLabel(page.circle).toLowerCase()}.`, compact: true }));
    }
    return section({ title: 'Sessions', id: 'sessions', actions },
      h('div', { class: 'session-columns' },
        h('div', { class: 'session-col', testid: 'upcoming-sessions' },
          h('h3', { class: 'subhead' }, 'Upcoming', h('span', { class: 'count', testid: 'upcoming-count' }, String(page.upcomingCount))),
          upcoming.length ? h('div', { class: 'session-list' }, upcoming.map((s) => sessionItem(s, today))) : h('p', { class: 'muted small' }, 'Nothing planned. Schedule the next session.'),
          more > 0 ? h('p', { class: 'muted small', testid: 'upcoming-more' }, `${plural(more, 'more session')} planned${page.last && page.last.status === 'planned' ? `, the last on ${formatDate(page.last.startsAt.slice(0, 10))}` : ''}.`) : null),
        h('div', { class: 'session-col', testid: 'past-sessions' },
          h('h3', { class: 'subhead' }, 'Past', h('span', { class: 'count', testid: 'past-count' }, String(page.pastCount))),
          past.length ? h('div', { class: 'session-list' }, past.slice(0, list.shown).map((s) => sessionItem(s, today))) : h('p', { class: 'muted small' }, page.pastCount ? 'Earlier sessions only.' : 'No past sessions yet.'),
          list.toggle ? h('button', { type: 'button', class: 'link-btn', testid: 'toggle-past', onclick: toggle }, list.toggle) : null,
          list.earlier ? h('div', { class: 'past-earlier' }, list.note ? h('p', { class: 'muted small' }, list.note) : null, earlierButton('past-show-earlier', true)) : null)));
  };

  // The grid's sessions: which past ones it holds of how many, and the way to earlier ones.
  const gridEarlier = () => {
    if (!page.earlier) return null;
    const shown = splitSessions(page.sessions, page.today).past.length;
    return h('div', { class: 'grid-earlier', testid: 'grid-earlier' },
      earlierButton('show-earlier', false),
      h('span', { class: 'muted small' }, `The latest ${shown} of ${plural(page.pastCount, 'past session')}`));
  };

  const gridSection = (today) => {
    const hasCols = page.sessions.some((s) => s.status === 'held' || s.status === 'planned');
    let content;
    if (!page.members.length) content = emptyState({ icon: 'people', title: 'No members yet', text: 'Add members to take attendance.', compact: true });
    else if (!hasCols && !page.earlier) content = emptyState({ icon: 'calendar', title: 'No sessions yet', text: 'Schedule sessions to take attendance.', compact: true });
    else if (!hasCols) content = gridEarlier();
    else {
      content = attendanceGrid(page, {
        today,
        startAt: gridStart,
        onHeld: (s) => {
          Object.assign(page, countsWhenHeld(page, s, page.today));
          const counts = { 'stat-held': String(page.heldCount), 'stat-upcoming': `${page.upcomingCount} upcoming`, 'upcoming-count': String(page.upcomingCount), 'past-count': String(page.pastCount) };
          for (const [testid, text] of Object.entries(counts)) {
            const el = root.querySelector(`[data-testid="${testid}"]`);
            if (el) el.textContent = text;
          }
        },
        onChange: ({ personId, tally, overall }) => {
          const m = page.members.find((x) => x.personId === personId);
          if (m) m.attendance = tally;
          page.attendance = overall;
          for (const el of root.querySelectorAll(`.member-row [data-rate-for="${personId}"]`)) setRate(/** @type {HTMLElement} */ (el), tally.rate);
          const stat = root.querySelector('[data-testid="stat-rate"]');
          if (stat) setRate(/** @type {HTMLElement} */ (stat), overall.rate);
          const sum = root.querySelector('[data-testid="stat-tally"]');
          if (sum) sum.textContent = tallySummary(overall);
        },
      });
    }
    const aside = page.members.length && hasCols ? 'Click a cell, or use the arrow keys and Space' : null;
    return section({ title: 'Attendance', id: 'attendance', aside }, hasCols && page.members.length ? gridEarlier() : null, content);
  };

  const memberRow = (m, today) => {
    const status = saveStatus('member-save-status');
    const role = h('select', { class: 'input select select-sm', 'aria-label': `Role of ${m.name}`, testid: 'member-role' },
      ROLES.map((r) => h('option', { value: r.value, selected: r.value === m.role }, r.label)));
    role.addEventListener('change', async () => {
      const value = /** @type {HTMLSelectElement} */ (role).value;
      status.saving();
      try {
        await api.circles.updateMember(m.membershipId, { personId: m.personId, role: value, joinedOn: m.joinedOn, leftOn: m.leftOn });
        m.role = value;
        status.saved();
      } catch (err) {
        /** @type {HTMLSelectElement} */ (role).value = m.role;
        status.failed('Not saved');
        reportError(err);
      }
    });
    const removeIt = async () => {
      const ok = await confirmDialog({
        title: `Remove ${m.name}?`,
        message: `${m.name} leaves “${page.circle.name}”. Their attendance marks stay with the sessions, and they stay in People. To keep them listed as a former member, edit the membership and set the date they left instead.`,
        confirmLabel: 'Remove member', danger: true,
        action: () => api.circles.removeMember(m.membershipId),
      });
      if (ok) {
        emit('people:changed');
        await changed(`Removed ${m.name} from the circle.`);
      }
    };
    const editIt = async () => {
      const saved = await openEditMember(m);
      if (saved) await changed('Saved.');
    };
    const left = m.leftOn && m.leftOn <= today;
    return h('div', { class: ['member-row', left && 'is-former'], testid: 'member-row', 'data-membership-id': m.membershipId, 'data-person-id': m.personId },
      avatar(m.name),
      h('span', { class: 'member-main' },
        h('a', { class: 'member-name', href: href('person', m.personId), testid: 'member-name' }, m.name, m.pronouns ? h('span', { class: 'pronouns' }, m.pronouns) : null),
        h('span', { class: 'member-sub' }, [m.email, left ? `Left ${formatDate(m.leftOn)}` : m.joinedOn ? `Joined ${formatDate(m.joinedOn)}` : ''].filter(Boolean).join(' · '))),
      h('span', { class: 'member-role' }, role, status.el),
      rateMeter(m.attendance ? m.attendance.rate : null, { personId: m.personId, testid: 'member-rate' }),
      h('span', { class: 'row-actions' },
        iconButton('pencil', `Edit ${m.name}’s membership`, editIt, { testid: 'edit-member' }),
        iconButton('x', `Remove ${m.name} from the circle`, removeIt, { testid: 'remove-member' })));
  };

  const membersSection = (today) => {
    const { current, former } = splitMembers(page.members, today);
    const pair = page.circle.kind === 'pair';
    const listed = page.memberCount > page.members.length ? ` · ${page.members.length} of ${page.memberCount} listed` : '';
    const aside = (pair ? 'A 1:1 pair: one mentor, one mentee' : plural(current.length, 'current member')) + listed;
    const importLink = h('a', { class: 'btn btn-secondary', href: `${href('import')}?circle=${page.circle.id}`, testid: 'import-members', title: 'Add everyone in a CSV, TSV or Excel file to this circle' }, 'Import roster');
    return section({ title: 'Members', id: 'members', aside, actions: [importLink, button({ label: 'Add member', icon: 'user-plus', testid: 'add-member', onclick: addMember })] },
      page.members.length
        ? h('div', { class: 'list-card member-list', testid: 'member-list' },
          current.map((m) => memberRow(m, today)),
          former.length ? [h('div', { class: 'list-divider' }, 'Former members'), former.map((m) => memberRow(m, today))] : null)
        : emptyState({ icon: 'user-plus', title: 'No members yet', text: pair ? 'Add the mentor and the mentee.' : 'Add the leader, mentors and mentees — pick people already in Circlebook or add new ones.', compact: true }));
  };

  // Open action items across the circle's sessions, oldest due first.
  const actionsSection = () => {
    const items = page.actions || [];
    const list = actionList(items, {
      testid: 'circle-actions',
      emptyText: 'No open action items. Capture them during a session (Ctrl+I) or as “- [ ] @Name …” lines in the notes.',
      context: (it) => {
        const n = it.sessionId ? (page.sessionNumbers || {})[it.sessionId] ?? page.sessions.find((x) => x.id === it.sessionId)?.number : undefined;
        return n !== undefined ? h('a', { href: href('session', it.sessionId), class: 'action-link' }, `from session ${n}`) : null;
      },
    });
    return section({ title: 'Open action items', id: 'circle-actions', aside: h('span', { class: 'section-aside-row' }, items.length ? plural(items.length, 'open item') : '', list.status) }, list.el);
  };

  const topicsSection = () => {
    const topics = page.topics || [];
    if (!topics.length) return null;
    return section({ title: 'Topics covered', id: 'circle-topics', aside: 'Tag sessions on their page or the live screen' },
      h('ul', { class: 'covered-topics', testid: 'covered-topics' }, topics.map((t) => h('li', { class: 'topic-chip is-static', testid: 'covered-topic', 'data-topic-id': t.id },
        h('span', { class: 'topic-chip-name' }, t.name), h('span', { class: 'topic-count', title: `${plural(t.sessionCount, 'session')}` }, String(t.sessionCount))))));
  };

  function render() {
    page.members = page.members || [];
    page.sessions = page.sessions || [];
    page.grid = page.grid || [];
    page.today = page.today || nowIn().date;
    const today = nowIn().date;
    document.title = `${page.circle.name} — Circlebook`;
    if (!noted) noteCircleOpened(page.circle.id);
    noted = true;
    emit('circle:shown', page.circle.id);
    replace(root, header(), stats(today), sessionsSection(today), actionsSection(), topicsSection(), gridSection(today), membersSection(today));
  }

  const onKey = (e) => {
    if (e.defaultPrevented || e.isComposing || !page || isTypingTarget(e.target)) return;
    if (document.querySelector('dialog[open]')) return;
    if (comboOf(e) === 'e') {
      e.preventDefault();
      exportSummary();
    }
  };

  replace(root, loading());
  await reload();
  document.addEventListener('keydown', onKey);
  return { dispose: () => document.removeEventListener('keydown', onKey) };
}
