// The program view (#/program): every circle and pair of the program with
// its health, a virtualized list paged from Go, narrowed to a cohort or a
// kind, and saved as CSV or PDF for the program office.

import { h, replace } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { formatDate, formatDateTime } from '../lib/format.js';
import { listExtent } from '../lib/lists.js';
import { HEALTH_LABELS, KIND_CHOICES, programCountLabel, healthLine, actionsLine } from '../lib/program.js';
import { createPager } from '../lib/pager.js';
import { saveExportFile } from '../lib/savefile.js';
import { href } from '../router.js';
import * as api from '../api.js';
import { button, pairBadge, rateMeter, pageHeader, emptyState, loading, errorState } from './ui.js';
import { toast, reportError } from './toast.js';
import { virtualList } from './vlist.js';

/** A row's height in pixels; every row has it (the list is virtualized). */
const ROW_HEIGHT = 64;

/**
 * One program row.
 * @param {any} r a program row
 * @returns {HTMLElement}
 */
function programRow(r) {
  const next = r.nextSession;
  return h('a', { class: ['program-row', `health-${r.health}`], href: href('circle', r.id), testid: 'program-row', 'data-circle-id': r.id, 'data-health': r.health },
    h('span', { class: 'program-row-main' },
      h('span', { class: 'program-row-title' },
        h('span', { class: 'program-row-name', testid: 'program-name' }, r.name),
        r.kind === 'pair' ? pairBadge() : null,
        r.cohort ? h('span', { class: 'badge', testid: 'program-cohort' }, r.cohort) : null),
      h('span', { class: 'program-row-sub', testid: 'program-health-line', title: healthLine(r) },
        h('span', { class: ['health-chip', `health-chip-${r.health}`], testid: 'program-health' }, HEALTH_LABELS[r.health] || r.health),
        (r.reasons || []).length ? h('span', { class: 'program-reasons' }, r.reasons.join(' · ')) : null)),
    h('span', { class: 'program-row-members' }, String(r.memberCount)),
    h('span', { class: 'program-row-rate' }, rateMeter(r.attendance ? r.attendance.rate : null)),
    h('span', { class: 'program-row-held', title: `${r.heldSessions} sessions held` },
      r.lastHeld ? formatDate(r.lastHeld, { withYear: false }) : h('span', { class: 'muted' }, 'Never met')),
    h('span', { class: 'program-row-next' }, next ? formatDateTime(next.startsAt, { withYear: false }) : h('span', { class: 'muted' }, '—')),
    h('span', { class: 'program-row-actions' }, actionsLine(r)),
    h('span', { class: 'program-row-goals', title: `${r.activeGoals} active goals, ${r.atRiskGoals} at risk` },
      r.atRiskGoals ? `${r.activeGoals} (${r.atRiskGoals} at risk)` : String(r.activeGoals)));
}

/**
 * Mounts the program view.
 * @param {HTMLElement} root
 * @param {any} _route
 * @param {{alive: () => boolean}} ctx
 * @returns {Promise<{dispose: () => void}>}
 */
export async function mount(root, _route, ctx) {
  let asked = { cohort: '', kind: '' };
  let seq = 0;
  const pager = createPager({
    fetch: async (req) => {
      const r = await api.program.list({ ...asked, ...req });
      return { ...r, rows: r.rows || [] };
    },
    onChange: () => list.schedule(),
    onError: reportError,
  });
  const capped = () => !!(pager.latest && pager.latest.capped);
  const head = h('div', { class: 'program-row program-row-head', 'aria-hidden': 'true' },
    h('span', null, 'Circle and health'), h('span', null, 'Members'), h('span', null, 'Attendance'), h('span', null, 'Last held'),
    h('span', null, 'Next'), h('span', null, 'Action items'), h('span', null, 'Goals'));
  const list = virtualList({
    label: 'Circles and pairs of the program', testid: 'program-list', rowHeight: ROW_HEIGHT, pager, head,
    scroller: /** @type {HTMLElement} */ (root.closest('.content') || document.scrollingElement || document.body),
    count: () => listExtent(pager.total, capped()),
    key: (r) => String(r.id),
    renderRow: (r) => programRow(r),
  });

  const cohort = /** @type {HTMLSelectElement} */ (h('select', { class: 'input', id: 'program-cohort', testid: 'program-cohort-filter' },
    h('option', { value: '' }, 'Every cohort')));
  const kind = /** @type {HTMLSelectElement} */ (h('select', { class: 'input', id: 'program-kind', testid: 'program-kind-filter' },
    ...KIND_CHOICES.map(([value, label]) => h('option', { value }, label))));
  cohort.addEventListener('change', () => load());
  kind.addEventListener('change', () => load());

  const count = h('span', { class: 'page-count', testid: 'program-count', 'aria-live': 'polite' });
  const body = h('div', { class: 'page-body' });
  const save = async (format, btn) => {
    btn.disabled = true;
    try {
      const file = await api.exports.programFile({ ...asked, format });
      const said = await saveExportFile(file, root);
      if (said) toast(said, { kind: 'success' });
    } catch (err) {
      reportError(err);
    } finally {
      btn.disabled = false;
    }
  };
  const csv = button({ label: 'Export CSV', icon: 'download', testid: 'program-export-csv', onclick: () => save('csv', csv) });
  const pdf = button({ label: 'Export PDF', icon: 'download', testid: 'program-export-pdf', onclick: () => save('pdf', pdf) });
  const toolbar = h('div', { class: 'toolbar', testid: 'program-toolbar' },
    h('label', { class: 'field-inline', for: 'program-cohort' }, 'Cohort', cohort),
    h('label', { class: 'field-inline', for: 'program-kind' }, 'Show', kind));
  const matchLink = h('a', { class: 'btn btn-secondary', href: href('match'), testid: 'program-match' }, icon('people', { size: 16 }), 'Match pairs');
  const formLink = h('a', { class: 'btn btn-secondary', href: href('form'), testid: 'program-form' }, icon('circles', { size: 16 }), 'Form circles');
  replace(root, pageHeader({ title: 'Program', subtitle: count, actions: [matchLink, formLink, csv, pdf] }), toolbar, body);
  document.title = 'Program — Circlebook';

  /** Asks Go for the first page of what the filters say, and shows it unless overtaken. */
  async function load() {
    asked = { cohort: cohort.value, kind: kind.value };
    const mine = ++seq;
    if (!body.firstChild) body.appendChild(loading());
    try {
      const r = await pager.start();
      if (!r || !ctx.alive() || mine !== seq) return;
      count.textContent = programCountLabel(pager.total, capped(), asked.cohort, asked.kind);
      if (!pager.total) {
        replace(body, emptyState({ icon: 'layers', title: asked.cohort || asked.kind ? 'Nothing matches these filters' : 'No circles yet',
          text: asked.cohort || asked.kind ? 'Choose another cohort, or show circles and pairs.' : 'Create a circle, or load the sample program from the Circles screen.' }));
        return;
      }
      if (!list.el.isConnected) replace(body, list.el);
      list.reset();
      body.setAttribute('data-loaded', 'true');
    } catch (err) {
      if (ctx.alive() && mine === seq) replace(body, errorState(err, { retry: load }));
    }
  }

  try {
    const cohorts = await api.program.cohorts();
    for (const c of cohorts) cohort.append(h('option', { value: c.name }, `${c.name} (${c.circles})`));
  } catch (err) {
    reportError(err);
  }
  await load();
  return { dispose: () => list.dispose() };
}
