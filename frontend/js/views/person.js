// The person page: profile, their circles with role and attendance, their
// goals, milestones and skills before and after, their open action items,
// their growth story, notes pinned to them, recent attendance, and the
// private note; the growth report from the header.

import { h, replace } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { formatDate, formatDateTime, nowIn, tenure } from '../lib/format.js';
import { personSubtitle, roleLabel, roleWantedLabel } from '../lib/labels.js';
import { tallySummary } from '../lib/attendance.js';
import { emit, on } from '../state.js';
import { go, href } from '../router.js';
import * as api from '../api.js';
import { iconButton, button, statusChip, markChip, rateMeter, avatar, colorDot, pageHeader, section, emptyState, loading, errorState, pairBadge } from './ui.js';
import { toast, reportError } from './toast.js';
import { actionList } from './actions.js';
import { confirmDialog } from './dialog.js';
import { openPersonForm } from './person-form.js';
import { goalsSection, storySection, deleteGoal } from './goals.js';
import { milestonesSection, openMilestoneForm, deleteMilestone } from './milestones.js';
import { skillsSection, loadSkills } from './skills.js';
import { neverSection, openNeverPicker } from './never.js';

const VISITS_SHOWN = 12;

/**
 * A definition-list row, left out when the value is empty.
 * @param {string} label
 * @param {string} value
 * @param {string} testid
 * @returns {HTMLElement[]|null}
 */
function fact(label, value, testid) {
  if (!value || !String(value).trim()) return null;
  return [h('dt', null, label), h('dd', { testid, class: 'prewrap' }, value)];
}

/**
 * Mounts the person page.
 * @param {HTMLElement} root
 * @param {{id: number}} route
 * @param {{alive: () => boolean}} ctx
 * @returns {Promise<{dispose?: () => void}>}
 */
export async function mount(root, route, ctx) {
  /** @type {any} */
  let page = null;
  /** @type {any} the growth story: goals, check-ins, milestones, streak, topics, finished items */
  let story = null;
  /** @type {import('./skills.js').SkillBlock[]} the skills of each circle of theirs that uses a framework */
  let skills = [];
  let allVisits = false;
  /** @type {{id: number, name: string, since: string}[]} the people matching never suggests with them, newest first */
  let never = [];
  /** A goal or milestone of theirs changed while the page was still loading: its story may be older than the change. */
  let storyStale = false;

  const reload = async () => {
    try {
      const [p, st, nv] = await Promise.all([api.people.get(route.id), api.story.person(route.id), api.pairing.neverList(route.id)]);
      const sk = await loadSkills(route.id, (p.circles || []).map((c) => ({ circleId: c.circleId, name: c.name })));
      if (!ctx.alive()) return;
      page = p;
      story = st;
      skills = sk;
      never = nv || [];
      render();
      if (storyStale) {
        storyStale = false;
        await reloadStory();
      }
    } catch (err) {
      if (ctx.alive()) replace(root, errorState(err, { retry: reload, backHref: href('people'), backLabel: 'All people' }));
    }
  };

  const edit = async () => {
    const p = await openPersonForm(page.person);
    if (p) {
      toast('Saved.', { kind: 'success' });
      emit('people:changed');
      await reload();
    }
  };
  const remove = async () => {
    const p = page.person;
    const n = (page.circles || []).length;
    const ok = await confirmDialog({
      title: `Delete ${p.name}?`,
      message: `${p.name} will be removed from Circlebook${n ? `, from ${n === 1 ? 'one circle' : `${n} circles`},` : ''} along with their attendance marks and private note. This cannot be undone.`,
      confirmLabel: 'Delete person', danger: true,
      action: () => api.people.remove(p.id),
    });
    if (ok) {
      toast(`Deleted ${p.name}.`, { kind: 'success' });
      emit('people:changed');
      emit('circles:changed');
      go(href('people'));
    }
  };

  const unpin = async (pin) => {
    const ok = await confirmDialog({
      title: 'Unpin this note?',
      message: `“${pin.body}” will be removed from ${page.person.name}’s page.`,
      confirmLabel: 'Unpin', danger: true,
      action: () => api.notes.unpin(pin.id),
    });
    if (ok) {
      page.pins = (page.pins || []).filter((x) => x.id !== pin.id);
      toast('Note unpinned.', { kind: 'success' });
      render();
    }
  };

  const pinsSection = () => {
    const pins = page.pins || [];
    const when = (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? '' : formatDate(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);
    };
    return section({ title: 'Pinned notes', id: 'pins', aside: pins.length ? null : 'Pin one from a live session: Ctrl+Shift+P' },
      pins.length
        ? h('ul', { class: 'list-card pin-list', testid: 'pin-list' }, pins.map((pin) => h('li', { class: ['pin-row', pin.visibility === 'private' && 'is-private'], testid: 'pin-row', 'data-pin-id': pin.id, 'data-visibility': pin.visibility },
          icon('pin', { size: 15 }),
          h('span', { class: 'pin-main' },
            h('span', { class: 'pin-body prewrap', testid: 'pin-body' }, pin.body),
            h('span', { class: 'pin-sub' },
              [pin.circleName, when(pin.createdAt)].filter(Boolean).join(' · '),
              pin.sessionId ? [' · ', h('a', { href: href('session', pin.sessionId), class: 'action-link' }, 'session')] : null,
              pin.visibility === 'private' ? h('span', { class: 'pin-private' }, icon('lock', { size: 11 }), 'Private') : null)),
          iconButton('x', 'Unpin this note', () => unpin(pin), { testid: 'unpin', class: 'icon-btn-danger' }))))
        : h('p', { class: 'muted small' }, 'No pinned notes.'));
  };

  /** Reloads the goals and the story after a goal changed, keeping the page as it is meanwhile. */
  const reloadStory = async () => {
    try {
      const st = await api.story.person(route.id);
      if (!ctx.alive()) return;
      story = st;
      render();
    } catch (err) {
      reportError(err);
    }
  };
  const goalForm = async (goal) => {
    const { openGoalForm } = await import('./goal-form.js');
    const circles = (page.circles || []).map((c) => ({ circleId: c.circleId, name: c.name }));
    const full = goal ? (await api.goals.get(goal.id)).goal : undefined; // with its tasks
    const saved = await openGoalForm({ personId: page.person.id, personName: page.person.name, circles, goal: full, circleName: goal?.circleName });
    if (saved) {
      toast(goal ? 'Goal saved.' : `Goal added for ${page.person.name}.`, { kind: 'success' });
      await reloadStory();
    }
  };
  const goalsPart = () => goalsSection({
    goals: story.goals.goals || [], total: story.goals.total || 0,
    onAdd: () => goalForm(null).catch(reportError),
    onEdit: (g) => goalForm(g).catch(reportError),
    onDelete: (g) => api.goals.get(g.id)
      .then((v) => deleteGoal(g, v.checkInCount, { onDeleted: reloadStory }))
      .catch(reportError),
  });

  /**
   * After a redraw dropped the focused control, puts focus back in a section.
   * @param {string} testid the section
   * @param {string} css the control to focus within it
   */
  const keepFocusIn = (testid, css) => {
    if (document.activeElement && document.activeElement !== document.body && document.activeElement.isConnected) return;
    /** @type {HTMLElement|null} */ (root.querySelector(`[data-testid=${testid}] ${css}`))?.focus();
  };
  const milestoneForm = async (m) => {
    const saved = await openMilestoneForm({ personId: page.person.id, personName: page.person.name, milestone: m || undefined });
    if (saved) {
      toast(m ? 'Milestone saved.' : `Milestone added for ${page.person.name}.`, { kind: 'success' });
      await reloadStory();
      keepFocusIn('milestones-section', m ? `[data-milestone-id="${m.id}"] [data-testid=edit-milestone]` : '[data-testid=add-milestone]');
    }
  };
  const milestonesPart = () => milestonesSection({
    milestones: story.milestones || [],
    onAdd: () => milestoneForm(null).catch(reportError),
    onEdit: (m) => milestoneForm(m).catch(reportError),
    onDelete: (m) => deleteMilestone(m, { onDeleted: () => reloadStory().then(() => keepFocusIn('milestones-section', '[data-testid=add-milestone]')) }).catch(reportError),
  });
  /** Reads the never-match list again and redraws, then focuses what css finds in its section. */
  const reloadNever = async (css) => {
    const nv = await api.pairing.neverList(route.id);
    if (!ctx.alive()) return;
    never = nv || [];
    render();
    /** @type {HTMLElement|null} */ (root.querySelector(`[data-testid=never-section] ${css}`) || root.querySelector('[data-testid=never-add]'))?.focus();
  };
  const addNever = async () => {
    const added = await openNeverPicker(page.person, never);
    if (added) {
      toast(`Matching will never suggest ${page.person.name} with ${added.name}.`, { kind: 'success' });
      await reloadNever('[data-testid=never-add]');
    } else {
      /** @type {HTMLElement|null} */ (root.querySelector('[data-testid=never-add]'))?.focus();
    }
  };
  const removeNever = async (other) => {
    const at = never.findIndex((x) => x.id === other.id);
    await api.pairing.neverMatch(page.person.id, other.id, false);
    toast(`${other.name} may be suggested with ${page.person.name} again.`, {
      kind: 'success',
      action: { label: 'Undo', testid: 'toast-undo', run: () => api.pairing.neverMatch(page.person.id, other.id, true).then(() => ctx.alive() && reloadNever(`[data-person-id="${other.id}"] [data-testid=never-remove]`)).catch(reportError) },
    });
    // The focus goes to the row that took its place, else the one before, else Add.
    const rest = never.filter((x) => x.id !== other.id);
    const next = rest[Math.min(at, rest.length - 1)];
    await reloadNever(next ? `[data-person-id="${next.id}"] [data-testid=never-remove]` : '[data-testid=never-add]');
  };

  const growthReport = async () => {
    const { openGrowthReport } = await import('./growth-report.js');
    await openGrowthReport(page.person);
  };

  const actionsSection = () => {
    const items = page.actions || [];
    const list = actionList(items, {
      testid: 'person-actions',
      emptyText: 'No open action items.',
      context: (it) => {
        const c = (page.circles || []).find((x) => x.circleId === it.circleId);
        return it.sessionId ? h('a', { href: href('session', it.sessionId), class: 'action-link' }, c ? c.name : 'session') : c ? c.name : null;
      },
    });
    return section({ title: 'Action items', id: 'person-actions', aside: list.status }, list.el);
  };

  function render() {
    const p = page.person;
    const circles = page.circles || [];
    const visits = page.visits || [];
    const today = nowIn().date;
    document.title = `${p.name} — Circlebook`;

    const circleList = circles.length
      ? h('div', { class: 'list-card' }, circles.map((c) => h('a', { class: ['pc-row', c.leftOn && c.leftOn <= today && 'is-former'], href: href('circle', c.circleId), testid: 'person-circle', 'data-circle-id': c.circleId },
        colorDot(c.color),
        h('span', { class: 'pc-main' },
          h('span', { class: 'pc-name' }, c.name, c.kind === 'pair' ? pairBadge() : null),
          h('span', { class: 'pc-sub' }, [roleLabel(c.role), c.leftOn && c.leftOn <= today ? `left ${formatDate(c.leftOn)}` : c.joinedOn ? `since ${formatDate(c.joinedOn)}` : ''].filter(Boolean).join(' · '))),
        statusChip('circle', c.status),
        rateMeter(c.attendance ? c.attendance.rate : null, { testid: 'person-circle-rate' }))))
      : emptyState({ icon: 'circles', title: 'Not in any circle yet', text: 'Add them from a circle’s Members section.', compact: true });

    const shownVisits = allVisits ? visits : visits.slice(0, VISITS_SHOWN);
    const visitList = visits.length
      ? h('div', null,
        h('ol', { class: 'list-card visit-list', testid: 'visit-list' }, shownVisits.map((v) => h('li', { class: 'visit-row' },
          h('a', { href: href('session', v.sessionId), class: 'visit-link', testid: 'visit-row', 'data-session-id': v.sessionId },
            h('span', { class: 'visit-when' }, formatDateTime(v.startsAt, { withYear: v.startsAt.slice(0, 4) !== today.slice(0, 4) })),
            h('span', { class: 'visit-circle' }, v.circleName, h('span', { class: 'muted' }, ` · #${v.number}`)),
            markChip(v.status))))),
        visits.length > VISITS_SHOWN ? h('button', { type: 'button', class: 'link-btn', onclick: () => { allVisits = !allVisits; render(); } }, allVisits ? 'Show fewer' : `Show all ${visits.length}`) : null)
      : emptyState({ icon: 'calendar', title: 'No attendance yet', text: 'Marks from their sessions will show here.', compact: true });

    const facts = [
      fact('Email', p.email, 'person-email'),
      fact('Title', p.title, 'person-title'),
      fact('Team', p.team, 'person-team'),
      fact('Location', p.location, 'person-location'),
      fact('Time zone', p.timeZone, 'person-timezone'),
      fact('Started', p.startDate ? `${formatDate(p.startDate)}${tenure(p.startDate, today) ? ` · ${tenure(p.startDate, today)}` : ''}` : '', 'person-start'),
      fact('Strengths', p.strengths, 'person-strengths'),
      fact('Growth areas', p.growthAreas, 'person-growth'),
      fact('Organization', p.organization, 'person-organization'),
      fact('Languages', p.languages, 'person-languages'),
      fact('Cohort', p.cohort, 'person-cohort'),
      fact('In matching', roleWantedLabel(p.roleWanted, p.capacity), 'person-role-wanted'),
    ].filter(Boolean);

    replace(root,
      pageHeader({
        back: { href: href('people'), label: 'People' },
        title: p.name,
        lead: avatar(p.name, { size: 'lg' }),
        badges: p.pronouns ? [h('span', { class: 'badge' }, p.pronouns)] : [],
        subtitle: personSubtitle(p) || null,
        actions: [
          button({ label: 'Growth report', icon: 'download', testid: 'growth-report', onclick: () => growthReport().catch(reportError) }),
          button({ label: 'Edit', icon: 'pencil', testid: 'edit-person', onclick: edit }),
          button({ title: 'Delete person', icon: 'trash', variant: 'danger-ghost', testid: 'delete-person', onclick: remove }),
        ],
      }),
      h('div', { class: 'two-col' },
        h('div', { class: 'col-main' },
          section({ title: 'Circles', id: 'person-circles', aside: page.attendance && page.attendance.rate !== null ? h('span', { class: 'inline-rate' }, 'Overall ', rateMeter(page.attendance.rate, { testid: 'person-rate' })) : null }, circleList),
          goalsPart(),
          milestonesPart(),
          skillsSection({ personId: p.id, blocks: skills }),
          (page.actions || []).length ? actionsSection() : null,
          storySection(story),
          pinsSection(),
          section({ title: 'Recent attendance', id: 'visits', aside: visits.length ? tallySummary(page.attendance) : null }, visitList)),
        h('div', { class: 'col-side' },
          section({ title: 'Profile', id: 'profile' },
            facts.length ? h('dl', { class: 'facts', testid: 'person-profile' }, ...facts.flat()) : h('p', { class: 'muted small' }, 'Nothing more yet. Use Edit to add a title, team, strengths and growth areas.')),
          h('section', { class: 'private-note', testid: 'private-note', 'aria-labelledby': 'private-note-title' },
            h('div', { class: 'private-note-head' },
              icon('lock', { size: 15 }),
              h('h2', { class: 'section-title', id: 'private-note-title' }, 'Private note'),
              h('span', { class: 'private-tag', testid: 'private-tag' }, 'Private — never exported')),
            p.privateNote
              ? h('p', { class: 'prewrap', testid: 'private-note-text' }, p.privateNote)
              : h('p', { class: 'muted small' }, 'Only you see this note. Use Edit to write one.')),
          neverSection({ person: p, people: never, onAdd: () => addNever().catch(reportError), onRemove: (x) => removeNever(x).catch(reportError) }))));
  }

  // A goal or milestone of this person restored from a toast's Undo (here or
  // on its page). One that comes while the page is still loading may be newer
  // than the story being read: read it again once the page is up.
  const storyChanged = (personId) => {
    if (personId !== route.id) return;
    if (page) reloadStory();
    else storyStale = true;
  };
  const stops = [
    on('goals:changed', (v) => v && v.goal && storyChanged(v.goal.personId)),
    on('milestones:changed', (m) => m && storyChanged(m.personId)),
  ];

  replace(root, loading());
  await reload();
  return { dispose: () => stops.forEach((stop) => stop()) };
}
