// A person's goals and growth story on their page: the Goals section (each
// goal with its status, progress, target date, the stale flag and the
// skills and topics it links; add,
// edit, delete with Undo) and the Growth story timeline (milestones,
// check-ins, attendance streak, topics, finished action items).

import { h } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { formatDate, nowIn } from '../lib/format.js';
import { goalStatusLabel, progressText, targetInfo, clampProgress, storyTimeline, streakText, STALE_TEXT } from '../lib/goals.js';
import { href } from '../router.js';
import { emit } from '../state.js';
import * as api from '../api.js';
import { button, iconButton, section, emptyState } from './ui.js';
import { toast, reportError } from './toast.js';
import { confirmDialog } from './dialog.js';

/** How many story items show before "Show all". */
const STORY_SHOWN = 12;

/**
 * A goal's status chip: a dot and the word, never colour alone.
 * @param {string} status
 * @returns {HTMLElement}
 */
export function goalStatusChip(status) {
  return h('span', { class: `chip chip-goal-${status}`, testid: 'goal-status', 'data-status': status }, h('span', { class: 'chip-dot', 'aria-hidden': 'true' }), goalStatusLabel(status));
}

/**
 * A progress bar with its value in text beside it.
 * @param {{progress: number, progressMode?: string, tasks?: any[]}} g
 * @param {string} label what the bar measures, for screen readers
 * @returns {HTMLElement}
 */
export function progressBar(g, label) {
  const p = clampProgress(g.progress);
  return h('span', { class: 'goal-progress', testid: 'goal-progress', 'data-progress': p },
    h('span', { class: 'goal-bar', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(p), 'aria-label': label },
      h('span', { class: 'goal-bar-fill', style: { width: `${p}%` } })),
    h('span', { class: 'goal-progress-text' }, progressText(g)));
}

/**
 * A goal's linked skills and topics as small chips (text only; the
 * framework's name in each chip's title).
 * @param {{id: number, name: string, frameworkName?: string}[]|undefined} items
 * @param {string} label names the list for screen readers
 * @returns {HTMLElement|null} null when none are linked
 */
export function itemChips(items, label) {
  if (!items || !items.length) return null;
  return h('ul', { class: 'goal-items', testid: 'goal-items', 'aria-label': label },
    items.map((i) => h('li', { class: 'chip goal-item', testid: 'goal-item', 'data-item-id': i.id, title: i.frameworkName || undefined }, i.name)));
}

/**
 * The "no check-in lately" flag.
 * @returns {HTMLElement}
 */
export function staleFlag() {
  return h('span', { class: 'goal-stale', testid: 'goal-stale', title: 'Its circle held 3 sessions without a check-in on it' }, icon('alert', { size: 12 }), STALE_TEXT);
}

/**
 * Deletes a goal, asking first when it has check-ins, and offers Undo
 * (Restore) in the toast; a restore emits "goals:changed" with the goal's
 * page, for whichever screen shows it by then.
 * @param {{id: number, title: string}} goal
 * @param {number} checkIns how many check-ins it has
 * @param {{onDeleted: () => void}} o
 * @returns {Promise<boolean>} whether it was deleted
 */
export async function deleteGoal(goal, checkIns, o) {
  let deleted = null;
  const remove = async () => {
    deleted = await api.goals.remove(goal.id);
  };
  if (checkIns > 0) {
    const ok = await confirmDialog({
      title: `Delete “${goal.title}”?`,
      message: `The goal goes with its tasks and ${checkIns === 1 ? 'its check-in' : `its ${checkIns} check-ins`}. You can undo this from the message that follows.`,
      confirmLabel: 'Delete goal', danger: true, action: remove,
    });
    if (!ok) return false;
  } else {
    try {
      await remove();
    } catch (err) {
      reportError(err);
      return false;
    }
  }
  o.onDeleted();
  toast(`Deleted “${goal.title}”.`, {
    kind: 'success',
    action: {
      label: 'Undo', testid: 'undo-delete',
      run: async () => {
        try {
          const view = await api.goals.restore(deleted);
          toast('Goal restored.', { kind: 'success' });
          emit('goals:changed', view);
        } catch (err) {
          reportError(err);
        }
      },
    },
  });
  return true;
}

/**
 * The Goals section of a person's page.
 * @param {{goals: any[], total: number, onAdd: () => void, onEdit: (g: any) => void, onDelete: (g: any) => void}} o
 * @returns {HTMLElement}
 */
export function goalsSection(o) {
  const today = nowIn().date;
  const row = (g) => {
    const target = targetInfo(g.targetDate, today, g.status);
    return h('li', { class: ['goal-row', !['draft', 'active', 'at_risk'].includes(g.status) && 'is-closed'], testid: 'goal-row', 'data-goal-id': g.id, 'data-status': g.status },
      h('span', { class: 'goal-main' },
        h('span', { class: 'goal-line' },
          h('a', { href: href('goal', g.id), class: 'goal-title', testid: 'goal-title' }, g.title),
          g.visibility === 'private' ? h('span', { class: 'goal-private', title: 'Private: never exported' }, icon('lock', { size: 11 }), 'Private') : null),
        h('span', { class: 'goal-sub' },
          goalStatusChip(g.status),
          progressBar(g, `Progress of ${g.title}`),
          h('span', { class: ['goal-target', `due-${target.level}`], testid: 'goal-target', 'data-level': target.level }, icon('calendar', { size: 12 }), target.text),
          g.circleName ? h('span', { class: 'goal-circle muted' }, g.circleName) : null,
          g.lastCheckedOn ? h('span', { class: 'muted' }, `checked in ${formatDate(g.lastCheckedOn)}`) : null,
          g.stale ? staleFlag() : null),
        itemChips(g.items, `Skills and topics of ${g.title}`)),
      h('span', { class: 'goal-actions' },
        iconButton('pencil', `Edit “${g.title}”`, () => o.onEdit(g), { testid: 'edit-goal' }),
        iconButton('trash', `Delete “${g.title}”`, () => o.onDelete(g), { testid: 'delete-goal', class: 'icon-btn-danger' })));
  };
  const more = o.total > o.goals.length ? h('p', { class: 'muted small' }, `Showing ${o.goals.length} of ${o.total} goals.`) : null;
  return section({
    title: 'Goals', id: 'goals', testid: 'goals-section',
    actions: [button({ label: 'Add goal', icon: 'plus', size: 'sm', testid: 'add-goal', onclick: o.onAdd })],
  },
  o.goals.length
    ? h('ul', { class: 'list-card goal-list', testid: 'goal-list' }, o.goals.map(row))
    : emptyState({ icon: 'target', title: 'No goals yet', text: 'What is this person working towards? Add a goal, with up to 6 tasks; check in on it during sessions.', compact: true }),
  more);
}

/**
 * The day, where this computer is, of an RFC 3339 instant.
 * @param {string} iso
 * @returns {string} YYYY-MM-DD, or "" when it does not parse
 */
function localDay(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : nowIn('', d).date;
}

/**
 * The Growth story section: streak, topics, and one timeline.
 * @param {any} story growth.Story.Person's answer
 * @returns {HTMLElement}
 */
export function storySection(story) {
  let all = false;
  const body = h('div', { class: 'story-body' });
  const today = nowIn().date;
  const draw = () => {
    const { items, total } = storyTimeline(story, all ? Infinity : STORY_SHOWN, localDay);
    const item = (it) => h('li', { class: ['story-item', `story-${it.kind}`], testid: 'story-item', 'data-kind': it.kind },
      h('span', { class: 'story-icon', 'aria-hidden': 'true' }, icon(it.kind === 'milestone' ? 'sparkles' : it.kind === 'checkin' ? 'target' : 'check-circle', { size: 14 })),
      h('span', { class: 'story-main' },
        h('span', { class: 'story-when' }, it.on ? formatDate(it.on, { withYear: it.on.slice(0, 4) !== today.slice(0, 4) }) : ''),
        h('span', { class: 'story-title' },
          it.kind === 'checkin' && it.goalId ? h('a', { href: href('goal', it.goalId), class: 'action-link' }, it.title) : it.title,
          it.private ? h('span', { class: 'goal-private' }, icon('lock', { size: 11 }), 'Private') : null),
        h('span', { class: 'story-detail' }, it.detail,
          it.kind === 'checkin' && it.sessionId ? [' · ', h('a', { href: href('session', it.sessionId), class: 'action-link' }, 'session')] : null)));
    body.replaceChildren(
      items.length
        ? h('ol', { class: 'story-list', testid: 'story-timeline', 'aria-label': 'Growth story, newest first' }, items.map(item))
        : h('p', { class: 'muted small' }, 'Check-ins, milestones and finished action items will show here.'),
      total > STORY_SHOWN ? h('button', { type: 'button', class: 'link-btn', testid: 'story-more', onclick: () => { all = !all; draw(); } }, all ? 'Show fewer' : `Show all ${total}`) : '');
  };
  draw();
  const topics = story.topics || [];
  return section({ title: 'Growth story', id: 'story', testid: 'growth-story' },
    h('p', { class: 'story-streak', testid: 'story-streak' }, icon('repeat', { size: 14 }), streakText(story.streak)),
    topics.length
      ? h('div', { class: 'story-topics', testid: 'story-topics' },
        h('span', { class: 'muted small' }, 'Topics discussed: '),
        topics.map((t) => h('span', { class: 'chip story-topic', title: `${t.sessions} ${t.sessions === 1 ? 'session' : 'sessions'}` }, t.name, h('span', { class: 'count' }, String(t.sessions)))))
      : null,
    body);
}
