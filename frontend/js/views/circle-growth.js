// A circle's Growth view (#/circles/ID/growth): its goals by status, skills
// before and after (members' mean 1-5 ratings), topics covered per member
// against its frameworks, the feedback trend over the last held sessions,
// and the Frameworks panel. Each chart is inline SVG (lib/charts.js) with an
// aria-label and its numbers in a table; every list is bounded by Go.

import { h, replace } from '../lib/dom.js';
import { barChart, dumbbellChart, lineChart, coverageGrid, heatLevel, oneDecimal } from '../lib/charts.js';
import { GOAL_STATUSES } from '../lib/goals.js';
import { splitMembers } from '../lib/lists.js';
import { nowIn, plural, formatDate } from '../lib/format.js';
import { href } from '../router.js';
import * as api from '../api.js';
import { pageHeader, section, emptyState, loading, errorState } from './ui.js';
import { toast, reportError } from './toast.js';
import { frameworksPanel } from './frameworks.js';

/** The width, in SVG units, of the charts that share a row (goals, feedback). */
const HALF_WIDTH = 460;

/**
 * Groups rows by their framework, keeping the order Go sent.
 * @template {{framework: string}} T
 * @param {T[]} rows
 * @returns {{framework: string, rows: T[]}[]}
 */
function byFramework(rows) {
  /** @type {Map<string, T[]>} */
  const out = new Map();
  for (const r of rows) {
    if (!out.has(r.framework)) out.set(r.framework, []);
    out.get(r.framework).push(r);
  }
  return [...out].map(([framework, list]) => ({ framework, rows: list }));
}

/**
 * Mounts the Growth view.
 * @param {HTMLElement} root
 * @param {{id: number}} route
 * @param {{alive: () => boolean}} ctx
 * @returns {Promise<{dispose?: () => void}>}
 */
export async function mount(root, route, ctx) {
  /** @type {{growth: any, used: any[], all: any[], page: any}|null} */
  let data = null;

  const load = async () => {
    const [growth, used, all, page] = await Promise.all([
      api.story.circle(route.id), api.frameworks.forCircle(route.id), api.frameworks.list(), api.circles.get(route.id),
    ]);
    return { growth, used: used || [], all: all || [], page };
  };

  const reload = async () => {
    try {
      const d = await load();
      if (!ctx.alive()) return;
      data = d;
      render();
    } catch (err) {
      if (!ctx.alive()) return;
      if (data && err.code !== 'not_found') reportError(err);
      else replace(root, errorState(err, { retry: reload, backHref: href('circle', route.id), backLabel: 'Back to the circle' }));
    }
  };

  /** After a framework change: everything that reads frameworks is read again. */
  const changed = async (message, focus) => {
    if (message) toast(message, { kind: 'success' });
    await reload();
    if (focus) /** @type {HTMLElement|null} */ (root.querySelector(focus))?.focus();
  };

  const goalsSection = () => {
    const g = data.growth;
    const total = g.goals.total || 0;
    const listed = g.goals.goals.length;
    const rows = GOAL_STATUSES.map((s) => ({ label: s.label, value: g.byStatus[s.value] || 0, key: s.value }));
    const aside = total > listed ? `${listed} of ${plural(total, 'goal')} counted` : plural(total, 'goal');
    return section({ title: 'Goals by status', id: 'growth-goals', aside, testid: 'growth-goals' },
      !total
        ? emptyState({ icon: 'target', title: 'No goals yet', text: 'Add one from a member’s page: pick a member under Members on the circle’s page, then Add goal.', compact: true, testid: 'goals-empty' })
        : barChart(rows, {
          testid: 'chart-goals', width: HALF_WIDTH,
          label: `Goals by status: ${rows.map((r) => `${r.label} ${r.value}`).join(', ')}.`,
          caption: 'Goals by status', head: ['Status', 'Goals'],
        }));
  };

  const skillsSection = () => {
    const { skills } = data.growth;
    const rated = skills.some((s) => s.ratedBefore || s.ratedAfter);
    let body;
    if (!data.used.length) body = emptyState({ icon: 'list', title: 'No framework in use', text: 'Choose or make a framework in Frameworks below, then rate members’ skills from their page.', compact: true, testid: 'skills-empty' });
    else if (!rated) body = emptyState({ icon: 'sparkles', title: 'No skill ratings yet', text: 'Rate each member 1-5 on the framework’s skills from their page, at the start of the period and at its end.', compact: true, testid: 'skills-empty' });
    else {
      body = byFramework(skills).map(({ framework, rows }) => {
        const both = rows.filter((r) => r.before && r.after);
        const up = both.filter((r) => r.after > r.before).length;
        const down = both.filter((r) => r.after < r.before).length;
        const fw = data.used.find((f) => f.name === framework);
        if (!rows.some((r) => r.ratedBefore || r.ratedAfter)) {
          return h('div', { class: 'growth-block' }, h('h3', { class: 'subhead' }, framework),
            h('p', { class: 'muted small', testid: 'skills-unrated' }, `No ratings on “${framework}” yet: rate members 1-5 from their page, before and after.`));
        }
        return h('div', { class: 'growth-block' },
          h('h3', { class: 'subhead' }, framework),
          dumbbellChart(rows.map((r) => ({ label: r.name, before: r.before, after: r.after, ratedBefore: r.ratedBefore, ratedAfter: r.ratedAfter })), {
            testid: `chart-skills-${fw ? fw.id : 0}`,
            label: `${framework}: members’ mean rating (1-5) before and after on ${plural(rows.length, 'skill')}; ${up} rose, ${down} fell, ${both.length - up - down} held, ${rows.length - both.length} not rated both times.`,
            caption: `${framework}: mean rating before and after (1-5)`,
          }));
      });
    }
    return section({ title: 'Skills, before and after', id: 'growth-skills', aside: 'Mean of members’ ratings, 1-5', testid: 'growth-skills' }, body);
  };

  const coverageSection = () => {
    const today = nowIn().date;
    const members = splitMembers(data.page.members || [], today).current.map((m) => ({ personId: m.personId, name: m.name }));
    const current = new Set(members.map((m) => m.personId));
    let body;
    if (!data.used.length) body = emptyState({ icon: 'list', title: 'No framework in use', text: 'Use a framework below; a held session tagged with a topic named like one of its items counts for everyone present.', compact: true, testid: 'coverage-empty' });
    else {
      body = data.used.map((f) => {
        const grid = coverageGrid(data.growth.coverage, members, f.items || []);
        const covered = grid.rows.filter((r) => r.total).length;
        return h('div', { class: 'growth-block' },
          h('h3', { class: 'subhead' }, f.name, h('span', { class: 'subhead-note', testid: 'coverage-count' }, `${covered} of ${plural(grid.rows.length, 'member')} covered a topic`)),
          !grid.rows.length
            ? h('p', { class: 'muted small', testid: 'coverage-no-members' }, 'No members yet: add members on the circle’s page.')
            : h('div', { class: 'heat-scroll', tabindex: '0', role: 'region', 'aria-label': `${f.name}: topics covered per member` },
              h('table', { class: 'heat-grid', testid: `coverage-${f.id}` },
                h('caption', { class: 'visually-hidden' }, `${f.name}: held sessions attended per member on each topic`),
                h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Member'), grid.items.map((it) => h('th', { scope: 'col', class: 'heat-item', title: it.name }, h('span', null, it.name))), h('th', { scope: 'col', class: 'num' }, 'Total'))),
                h('tbody', null, grid.rows.map((r) => h('tr', { testid: 'coverage-row', 'data-person-id': r.personId },
                  h('th', { scope: 'row' }, r.name, current.has(r.personId) ? null : h('span', { class: 'heat-former' }, ' · former')),
                  r.cells.map((n, i) => h('td', { class: ['heat-cell', `heat-${heatLevel(n, grid.max)}`], title: `${r.name} · ${grid.items[i].name}: ${plural(n, 'session')}` }, n ? String(n) : h('span', { class: 'heat-none' }, '0'))),
                  h('td', { class: 'num heat-total' }, String(r.total))))))),
          covered ? null : h('p', { class: 'muted small', testid: 'coverage-none' }, 'Nothing covered yet: tag held sessions with topics named like this framework’s items.'));
      });
    }
    return section({ title: 'Topics covered', id: 'growth-coverage', aside: 'Held sessions attended, per topic', testid: 'growth-coverage' }, body);
  };

  const feedbackSection = () => {
    const points = data.growth.feedback || [];
    const given = points.filter((p) => p.count);
    let body;
    if (!points.length) body = emptyState({ icon: 'calendar', title: 'No held sessions yet', text: 'After a session, End session offers a quick feedback form; its answers show here.', compact: true, testid: 'feedback-empty' });
    else if (!given.length) body = emptyState({ icon: 'sparkles', title: 'No feedback yet', text: 'After End session, the quick form asks how useful the session was (1-5).', compact: true, testid: 'feedback-empty' });
    else {
      const first = given[0];
      const last = given[given.length - 1];
      body = lineChart(points.map((p) => ({ label: `#${p.number}`, value: p.mean, count: p.count, date: p.startsAt })), {
        testid: 'chart-feedback', width: HALF_WIDTH,
        label: `Feedback over the last ${plural(points.length, 'held session')}, mean usefulness 1-5: ${oneDecimal(first.mean)} at session ${first.number}${given.length > 1 ? `, ${oneDecimal(last.mean)} at session ${last.number}` : ''}; ${points.length - given.length} without feedback.`,
        caption: `Mean usefulness (1-5) of the last held sessions, ${formatDate(points[0].startsAt.slice(0, 10))} to ${formatDate(points[points.length - 1].startsAt.slice(0, 10))}`,
        head: ['Session', 'Mean usefulness', 'Answers'],
      });
    }
    return section({ title: 'Feedback', id: 'growth-feedback', aside: 'How useful sessions were, 1-5', testid: 'growth-feedback' }, body);
  };

  function render() {
    const g = data.growth;
    document.title = `Growth · ${g.name} — Circlebook`;
    const header = pageHeader({
      back: { href: href('circle', route.id), label: g.name, color: data.page?.circle?.color || undefined },
      title: 'Growth',
      subtitle: `${g.name}: where members started, what moved, and what helped.`,
      testid: 'growth-header',
    });
    replace(root, h('div', { class: 'growth-view', testid: 'growth-view', 'data-circle-id': route.id },
      header,
      h('div', { class: 'growth-grid' }, goalsSection(), feedbackSection()),
      skillsSection(), coverageSection(),
      frameworksPanel({ circleId: route.id, used: data.used, all: data.all, changed })));
  }

  replace(root, loading());
  await reload();
  return {};
}
