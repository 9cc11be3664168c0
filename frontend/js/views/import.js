// The roster import screen (#/import): choose a file, match its columns to
// fields (guessed, or from a preset), check every row in a dry run, fix or
// skip the rows in error, then import all of it in one call and undo it
// from the toast. Go does the reading and planning; this page holds what
// the leader chose and sends it whole each time.

import { h, replace, focus } from '../lib/dom.js';
import { field, errorSlot, formErrorBanner, showError, clearErrors } from '../lib/forms.js';
import { ROLES } from '../lib/labels.js';
import { plural } from '../lib/format.js';
import {
  FILTERS, ACTION_LABELS, fieldLabel, toBase64, fileProblem, previewLine, countsLine, changeCount, importLabel,
  orderRows, filterRows, pageOf, showingLabel, applyPreset, buildRequest,
} from '../lib/import.js';
import { href } from '../router.js';
import { emit } from '../state.js';
import * as api from '../api.js';
import { button, pageHeader, section, emptyState, onCtrlEnter } from './ui.js';
import { toast, reportError } from './toast.js';

/**
 * Reads a chosen file's bytes.
 * @param {File} file
 * @returns {Promise<ArrayBuffer>}
 */
function readBytes(file) {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(/** @type {ArrayBuffer} */ (r.result));
    r.onerror = () => reject(new Error(`The file ${file.name} could not be read.`));
    r.readAsArrayBuffer(file);
  });
}

/**
 * Mounts the roster import screen.
 * @param {HTMLElement} root
 * @param {import('../router.js').Route} route the route; ?circle=ID chooses that circle to add everyone to
 * @param {{alive: () => boolean}} ctx
 * @returns {Promise<{dispose: () => void}>}
 */
export async function mount(root, route, ctx) {
  /** What the leader has chosen so far. */
  const st = {
    /** @type {{name: string, data: string}|null} */ file: null,
    /** @type {any} */ preview: null,
    /** @type {Record<string, string>} */ mapping: {},
    /** @type {Set<number>} */ skip: new Set(),
    /** @type {Record<number, Record<string, string>>} */ fixes: {},
    /** @type {any} */ plan: null,
    /** @type {any[]} */ ordered: [],
    filter: 'all',
    page: 0,
  };
  let fileSeq = 0;
  let planSeq = 0;
  /** @type {{name: string, mapping: Record<string, string>}[]} */
  let presets = [];

  // ---- 1. the file ----
  const fileInput = /** @type {HTMLInputElement} */ (h('input', {
    type: 'file', id: 'import-file', name: 'file', class: 'input input-file', accept: '.csv,.tsv,.txt,.xlsx',
    'data-control-for': 'file', testid: 'field-file', 'aria-describedby': 'import-file-hint import-file-err',
  }));
  const fileInfo = h('p', { class: 'import-file-info', testid: 'import-file-info', role: 'status', 'aria-live': 'polite' });
  const fileForm = h('form', { class: 'import-file', novalidate: true, onsubmit: (e) => e.preventDefault() },
    h('div', { class: 'field' },
      h('label', { class: 'label', for: 'import-file' }, 'Roster file'),
      fileInput,
      h('p', { class: 'hint', id: 'import-file-hint' }, 'CSV, TSV or Excel (.xlsx), up to 50 MB, one person per row. The header row, separator and encoding are found for you.'),
      errorSlot('file', 'import-file-err')),
    fileInfo);
  fileInput.addEventListener('change', () => chooseFile());

  // ---- 2. the mapping and options ----
  const mapBody = h('tbody');
  const presetSelect = /** @type {HTMLSelectElement} */ (h('select', { class: 'input', id: 'import-preset', testid: 'preset-select' }));
  const presetName = /** @type {HTMLInputElement} */ (h('input', { class: 'input', id: 'import-preset-name', name: 'presetName', testid: 'preset-name', maxlength: 200, autocomplete: 'off', 'aria-describedby': 'import-preset-name-err', 'data-control-for': 'name' }));
  const savePresetBtn = button({ label: 'Save as preset', icon: 'check', testid: 'preset-save', onclick: () => savePreset() });
  presetSelect.addEventListener('change', () => usePreset());

  const circleField = field({ name: 'circle', label: 'Add everyone to a circle', type: 'select', options: [{ value: '', label: 'No circle' }] });
  const circleSelect = /** @type {HTMLSelectElement} */ (circleField.querySelector('select'));
  const roleField = field({ name: 'role', label: 'Their role there', type: 'select', value: 'mentee', options: ROLES });
  const roleSelect = /** @type {HTMLSelectElement} */ (roleField.querySelector('select'));
  const cohortField = field({ name: 'cohort', label: 'Cohort', maxlength: 200, hint: 'For rows without a cohort of their own, e.g. “2026 spring”.' });
  const cohortInput = /** @type {HTMLInputElement} */ (cohortField.querySelector('input'));
  const syncRole = () => { roleSelect.disabled = !circleSelect.value; };
  circleSelect.addEventListener('change', () => { syncRole(); stale(); });
  roleSelect.addEventListener('change', stale);
  cohortInput.addEventListener('input', stale);
  syncRole();

  const checkBtn = button({ label: 'Check rows', icon: 'check', variant: 'primary', type: 'submit', testid: 'import-check' });
  const mapForm = h('form', { class: 'import-map', novalidate: true, testid: 'import-mapping', onsubmit: (e) => { e.preventDefault(); check({ focusPlan: true }); } },
    formErrorBanner(),
    errorSlot('mapping', 'import-mapping-err'),
    h('div', { class: 'import-table-wrap' },
      h('table', { class: 'import-table', testid: 'mapping-table' },
        h('caption', { class: 'visually-hidden' }, 'Columns of the file and the field each fills'),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Column'), h('th', { scope: 'col' }, 'Sample values'), h('th', { scope: 'col' }, 'Field'))),
        mapBody)),
    h('div', { class: 'import-presets' },
      h('label', { class: 'field-inline', for: 'import-preset' }, 'Preset', presetSelect),
      h('div', { class: 'import-preset-save' },
        h('label', { class: 'field-inline', for: 'import-preset-name' }, 'Preset name', presetName),
        savePresetBtn),
      errorSlot('name', 'import-preset-name-err')),
    h('fieldset', { class: 'import-options' },
      h('legend', { class: 'label' }, 'Options'),
      h('div', { class: 'field-row' }, circleField, roleField, cohortField)),
    h('div', { class: 'import-actions' }, checkBtn));

  // ---- 3. the dry run ----
  const planBody = h('div', { class: 'import-plan', testid: 'import-plan' });
  const doneBox = h('div', { class: 'import-done', testid: 'import-done', role: 'status', 'aria-live': 'polite', hidden: true });

  const step2 = section({ title: '2. Match the columns', id: 'import-step-map', testid: 'import-step-map' }, mapForm);
  const step3 = section({ title: '3. Check the rows', id: 'import-step-plan', testid: 'import-step-plan' }, planBody);
  step2.hidden = true;
  step3.hidden = true;
  step3.querySelector('h2').setAttribute('tabindex', '-1');
  replace(root,
    pageHeader({ title: 'Import roster', back: { href: href('people'), label: 'People' }, subtitle: 'People from a CSV, TSV or Excel file, checked row by row before anything is written.' }),
    section({ title: '1. Choose a file', id: 'import-step-file', testid: 'import-step-file' }, fileForm),
    step2, step3, doneBox);
  document.title = 'Import roster — Circlebook';

  /** Reads the chosen file and asks Go what it holds. */
  async function chooseFile() {
    const mine = ++fileSeq;
    planSeq++;
    clearErrors(fileForm);
    const file = fileInput.files && fileInput.files[0];
    const problem = fileProblem(file);
    if (problem) {
      showError(fileForm, { field: 'file', message: problem });
      return;
    }
    fileInfo.textContent = `Reading ${file.name}…`;
    try {
      const data = toBase64(await readBytes(file));
      const preview = await api.roster.preview({ name: file.name, data });
      if (!ctx.alive() || mine !== fileSeq) return;
      Object.assign(st, { file: { name: file.name, data }, preview, mapping: { ...preview.mapping }, skip: new Set(), fixes: {}, plan: null, filter: 'all', page: 0 });
      for (const c of preview.columns || []) if (!(c.header in st.mapping)) st.mapping[c.header] = c.field || '';
      fileInfo.textContent = previewLine(file.name, preview);
      document.title = `${file.name} · Import roster — Circlebook`;
      doneBox.hidden = true;
      renderMapping();
      step2.hidden = false;
      step3.hidden = true;
      focus(/** @type {HTMLElement} */ (mapBody.querySelector('select')));
    } catch (err) {
      if (!ctx.alive() || mine !== fileSeq) return;
      fileInfo.textContent = '';
      st.file = null;
      step2.hidden = true;
      step3.hidden = true;
      showError(fileForm, { ...err, field: err.field || 'file', message: err.message });
    }
  }

  /** Draws the columns with their samples and field pickers. */
  function renderMapping() {
    const fields = st.preview.fields || [];
    replace(mapBody, (st.preview.columns || []).map((c, i) => {
      const sel = /** @type {HTMLSelectElement} */ (h('select', {
        class: 'input select', testid: 'map-select', 'data-header': c.header, 'aria-label': `Field for the column ${c.header || `${i + 1}`}`,
        'data-control-for': i === 0 ? 'mapping' : undefined, 'aria-describedby': 'import-mapping-err',
      },
      h('option', { value: '' }, 'Ignore'),
      fields.map((f) => h('option', { value: f }, fieldLabel(f)))));
      sel.value = st.mapping[c.header] || '';
      sel.addEventListener('change', () => { st.mapping[c.header] = sel.value; stale(); });
      return h('tr', { testid: 'mapping-row', 'data-header': c.header },
        h('th', { scope: 'row', class: 'import-col' }, c.header || h('span', { class: 'muted' }, `Column ${i + 1}`)),
        h('td', null, h('div', { class: 'import-samples' }, (c.samples || []).length
          ? c.samples.map((s) => h('span', { class: 'import-sample', title: s }, s))
          : h('span', { class: 'muted' }, 'Empty'))),
        h('td', null, sel));
    }));
  }

  /** A change to the mapping or options: the dry run no longer says what an import would do. */
  function stale() {
    if (!st.plan) return;
    st.plan = null;
    replace(planBody, h('p', { class: 'muted', testid: 'plan-stale' }, 'The columns or options changed: check the rows again.'));
  }

  /** Fills the preset picker from Go. */
  async function loadPresets(chosen = '') {
    try {
      presets = await api.roster.presets();
      replace(presetSelect, h('option', { value: '' }, 'Choose a preset…'), presets.map((p) => h('option', { value: p.name }, p.name)));
      presetSelect.value = chosen;
    } catch (err) {
      reportError(err);
    }
  }

  /** Lays the chosen preset over the mapping. */
  function usePreset() {
    const p = presets.find((x) => x.name === presetSelect.value);
    if (!p || !st.preview) return;
    st.mapping = applyPreset(st.mapping, p.mapping);
    presetName.value = p.name;
    renderMapping();
    stale();
    toast(`Columns matched as in the preset ${p.name}.`);
  }

  /** Saves the mapping under the name typed. */
  async function savePreset() {
    clearErrors(mapForm);
    try {
      const p = await api.roster.savePreset({ name: presetName.value, mapping: st.mapping });
      await loadPresets(p.name);
      toast(`Preset ${p.name} saved.`, { kind: 'success' });
    } catch (err) {
      showError(mapForm, err);
    }
  }

  /** The request for what the screen holds now. */
  const request = () => buildRequest({ file: st.file, mapping: st.mapping, skip: st.skip, fixes: st.fixes, circleId: circleSelect.value, role: roleSelect.value, cohort: cohortInput.value });

  /**
   * Runs the dry run and shows its plan.
   * @param {{focusPlan?: boolean, fixed?: number, skipped?: number}} [o] where the keyboard goes after: the plan, or on from the row fixed or skipped
   */
  async function check(o = {}) {
    if (!st.file) return;
    const mine = ++planSeq;
    clearErrors(mapForm);
    checkBtn.disabled = true;
    try {
      const plan = await api.roster.dryRun(request());
      if (!ctx.alive() || mine !== planSeq) return;
      st.plan = plan;
      st.ordered = orderRows(plan.rows || []);
      if (st.filter === 'error' && !plan.errors) st.filter = 'all';
      renderPlan();
      document.title = `${countsLine(plan)} · Import roster — Circlebook`;
      step3.hidden = false;
      doneBox.hidden = true;
      if (o.focusPlan) focusPlan();
      if (o.fixed !== undefined) focusAfterRow(o.fixed, true);
      if (o.skipped !== undefined) focusAfterRow(o.skipped, false);
    } catch (err) {
      if (!ctx.alive() || mine !== planSeq) return;
      if (err.field === 'file') showError(fileForm, err);
      else showError(mapForm, err);
    } finally {
      checkBtn.disabled = false;
    }
  }

  /** After a dry run: the first error's control, else the import button, else the step's title. */
  function focusPlan() {
    const first = planBody.querySelector('tr[data-action=error]');
    const run = /** @type {HTMLButtonElement|null} */ (planBody.querySelector('[data-testid=import-run]'));
    focus(/** @type {HTMLElement} */ (first ? first.querySelector('input, button') : run && !run.disabled ? run : step3.querySelector('h2')));
  }

  /**
   * After fixing or skipping a row: that row again if it is still in error
   * (self), else the next error's first control, else as after a dry run.
   * @param {number} row @param {boolean} self
   */
  function focusAfterRow(row, self) {
    const next = [...planBody.querySelectorAll('tr[data-action=error]')].find((tr) => Number(tr.getAttribute('data-row')) > row || (self && Number(tr.getAttribute('data-row')) === row));
    if (next) focus(/** @type {HTMLElement} */ (next.querySelector('input, button')));
    else focusPlan();
  }

  /** Draws the counts, the filter, a page of rows and the import button. */
  function renderPlan() {
    const plan = st.plan;
    const n = changeCount(plan);
    const stat = (testid, label, value) => h('div', { class: 'import-stat', testid }, h('span', { class: 'import-stat-value' }, String(value)), h('span', { class: 'import-stat-label' }, label));
    const counts = h('div', { class: 'import-stats' },
      stat('count-create', 'New', plan.creates), stat('count-update', 'Updated', plan.updates), stat('count-skip', 'Unchanged', plan.skips),
      stat('count-error', plural(plan.errors, 'Error').replace(/^\d+ /, ''), plan.errors),
      plan.circleId ? stat('count-join', 'Join the circle', plan.joins) : null);
    const notes = (plan.notes || []).length ? h('ul', { class: 'import-notes', testid: 'plan-notes' }, plan.notes.map((t) => h('li', null, t))) : null;

    const nothing = n === 0;
    const run = button({ label: importLabel(n), icon: 'download', variant: 'primary', testid: 'import-run', disabled: plan.errors > 0 || n === 0, onclick: () => runImport(run) });
    const why = plan.errors ? h('p', { class: 'hint', testid: 'import-blocked' }, `Fix or skip ${plural(plan.errors, 'row')} in error to import.`) : null;
    replace(planBody,
      h('p', { class: 'import-counts', testid: 'plan-counts', role: 'status', 'aria-live': 'polite' }, countsLine(plan)),
      counts, notes,
      nothing ? emptyState({
        icon: 'check-circle', title: 'Nothing to change', testid: 'nothing-to-change', compact: true,
        text: plan.errors ? `Everyone else in this file is already here as the file says; fix ${plural(plan.errors, 'row')} in error to import ${plan.errors === 1 ? 'it' : 'them'}.` : 'Everyone in this file is already here as the file says.',
      }) : null,
      nothing && !plan.errors ? null : rowsBlock(),
      nothing ? null : h('div', { class: 'import-actions' }, run, why));
  }

  /** The filter, one page of rows and the pager. */
  function rowsBlock() {
    const rows = filterRows(st.ordered, st.filter);
    const pg = pageOf(rows, st.page);
    st.page = pg.page;
    const byAction = { all: st.ordered.length, error: st.plan.errors, create: st.plan.creates, update: st.plan.updates, skip: st.plan.skips };
    const filter = h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': 'Show rows', testid: 'plan-filter' },
      FILTERS.map(([value, label]) => {
        const input = h('input', { type: 'radio', name: 'import-filter', value, checked: st.filter === value, testid: `filter-${value}` });
        input.addEventListener('change', () => { st.filter = value; st.page = 0; renderPlan(); focus(/** @type {HTMLElement} */ (planBody.querySelector(`[data-testid=filter-${value}]`))); });
        return h('label', { class: 'segment' }, input, h('span', null, `${label} (${byAction[value]})`));
      }));
    const pager = (pg.pages > 1) ? h('div', { class: 'import-pager', testid: 'plan-pager' },
      button({ label: 'Previous', icon: 'chevron-left', size: 'sm', testid: 'plan-prev', disabled: pg.page === 0, onclick: () => turn(-1) }),
      button({ label: 'Next', size: 'sm', testid: 'plan-next', disabled: pg.page >= pg.pages - 1, onclick: () => turn(1) })) : null;
    return h('div', { class: 'import-rows' },
      h('div', { class: 'toolbar import-toolbar' }, filter, h('span', { class: 'page-count', testid: 'plan-showing' }, showingLabel(pg))),
      pg.total ? h('div', { class: 'import-table-wrap' },
        h('table', { class: 'import-table import-plan-table', testid: 'plan-table' },
          h('caption', { class: 'visually-hidden' }, 'What the import does with each row'),
          h('thead', null, h('tr', null, ['Row', 'Action', 'Name', 'Email', 'Why'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', null, pg.rows.map(planRow)))) : emptyState({ title: 'No rows here', text: 'Choose another filter.', compact: true }),
      pager);
  }

  /** Moves a page on or back, keeping the keyboard on the pager. */
  function turn(by) {
    st.page += by;
    renderPlan();
    focus(/** @type {HTMLElement} */ (planBody.querySelector(by > 0 ? '[data-testid=plan-next]:not([disabled]), [data-testid=plan-prev]' : '[data-testid=plan-prev]:not([disabled]), [data-testid=plan-next]')));
  }

  /** One row of the plan; an error row with its Fix and Skip. */
  function planRow(r) {
    const skippedByMe = r.action === 'skip' && st.skip.has(r.row);
    let why = [h('span', null, r.reason)];
    if (r.warning) why.push(h('span', { class: 'import-warning', testid: 'row-warning' }, r.warning));
    if (r.joinsCircle) why.push(h('span', { class: 'badge', testid: 'row-joins' }, 'joins the circle'));
    if (r.action === 'error') why = [h('span', { class: 'import-reason', testid: 'row-reason' }, r.reason), errorControls(r)];
    if (skippedByMe) why.push(button({ label: 'Put back', size: 'sm', variant: 'ghost', testid: 'unskip-row', ariaLabel: `Put back row ${r.row}`, onclick: () => { st.skip.delete(r.row); check({ skipped: r.row }); } }));
    return h('tr', { testid: 'plan-row', 'data-row': r.row, 'data-action': r.action, class: `import-row-${r.action}` },
      h('td', { class: 'import-rownum' }, String(r.row)),
      h('td', null, h('span', { class: ['import-action', `import-action-${r.action}`] }, ACTION_LABELS[r.action] || r.action)),
      h('td', { class: 'import-name' }, r.name || h('span', { class: 'muted' }, '—')),
      h('td', { class: 'import-email' }, r.email || h('span', { class: 'muted' }, '—')),
      h('td', null, h('div', { class: 'import-why' }, why)));
  }

  /** An error row's inline fix (for the field it names) and its Skip. */
  function errorControls(r) {
    const skip = button({ label: 'Skip', size: 'sm', testid: 'skip-row', ariaLabel: `Skip row ${r.row}`, onclick: () => { st.skip.add(r.row); check({ skipped: r.row }); } });
    if (!r.field) return h('span', { class: 'import-fix' }, skip);
    const label = fieldLabel(r.field);
    const prior = (st.fixes[r.row] || {})[r.field];
    const value = prior ?? (r.field === 'email' ? r.email : r.field === 'name' ? r.name : '');
    const input = /** @type {HTMLInputElement} */ (h('input', { class: 'input input-sm', testid: 'fix-input', 'aria-label': `${label} on row ${r.row}`, value, autocomplete: 'off', placeholder: label }));
    const apply = () => { st.fixes[r.row] = { ...(st.fixes[r.row] || {}), [r.field]: input.value }; check({ fixed: r.row }); };
    input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); apply(); } });
    return h('span', { class: 'import-fix' }, input, button({ label: 'Fix', size: 'sm', testid: 'fix-row', ariaLabel: `Fix ${label.toLowerCase()} on row ${r.row}`, onclick: apply }), skip);
  }

  /** Imports what the dry run showed, in one call; the toast can undo it. */
  async function runImport(btn) {
    btn.disabled = true;
    const circle = circleSelect.value ? { id: Number(circleSelect.value), name: circleSelect.selectedOptions[0].textContent } : null;
    try {
      const res = await api.roster.import(request());
      if (!ctx.alive()) return;
      emit('people:changed');
      if (circle) emit('circles:changed');
      const said = [res.created && `${plural(res.created, 'person', 'people')} added`, res.updated && `${res.updated} updated`, res.joined && `${res.joined} joined ${circle ? circle.name : 'the circle'}`].filter(Boolean).join(', ') || 'Nothing changed';
      document.title = `Imported: ${said} · Import roster — Circlebook`;
      toast(`Imported ${st.file.name}: ${said}.`, { kind: 'success', action: { label: 'Undo', testid: 'import-undo', run: undo } });
      Object.assign(st, { file: null, preview: null, plan: null });
      step2.hidden = true;
      step3.hidden = true;
      fileInput.value = '';
      fileInfo.textContent = '';
      replace(doneBox,
        h('p', { class: 'import-done-text', testid: 'import-done-text' }, `Imported: ${said}.`),
        h('div', { class: 'import-done-links' },
          h('a', { class: 'btn btn-secondary', href: href('people'), testid: 'import-to-people' }, 'Go to People'),
          circle ? h('a', { class: 'btn btn-secondary', href: href('circle', circle.id), testid: 'import-to-circle' }, `Open ${circle.name}`) : null,
          button({ label: 'Undo this import', variant: 'ghost', testid: 'import-undo-here', onclick: () => undo() })));
      doneBox.hidden = false;
      focus(/** @type {HTMLElement} */ (doneBox.querySelector('a')));
    } catch (err) {
      btn.disabled = false;
      if (err.field === 'file') showError(fileForm, err);
      else if (err.field === 'rows') { reportError(err); check(); } else showError(mapForm, err);
    }
  }

  /** Undoes the last import. */
  async function undo() {
    try {
      const u = await api.roster.undo();
      emit('people:changed');
      emit('circles:changed');
      const said = [u.deleted && `${plural(u.deleted, 'person', 'people')} removed`, u.restored && `${u.restored} restored`, u.left && `${plural(u.left, 'membership')} removed`].filter(Boolean).join(', ') || 'nothing to put back';
      toast(`Undid the import of ${u.file}: ${said}.`, { kind: 'success' });
      if (ctx.alive()) {
        replace(doneBox, h('p', { class: 'import-done-text', testid: 'import-undone' }, `Undone: ${said}.`));
        doneBox.hidden = false;
      }
    } catch (err) {
      reportError(err);
    }
  }

  /** From a circle's page (#/import?circle=ID): that circle chosen, listed even past the first 100. */
  const chooseCircle = async (id) => {
    if (!id) return;
    if (![...circleSelect.options].some((o) => o.value === String(id))) {
      const page = await api.circles.get(id);
      circleSelect.append(h('option', { value: String(id) }, page.circle.name));
    }
    circleSelect.value = String(id);
    syncRole();
  };

  try {
    const [page] = await Promise.all([api.circles.list({ limit: 100 }), loadPresets()]);
    for (const c of page.circles || []) circleSelect.append(h('option', { value: String(c.id) }, c.name));
    await chooseCircle(Number(route.query?.circle) || 0);
  } catch (err) {
    reportError(err);
  }
  focus(fileInput);
  const stopKeys = onCtrlEnter(() => { if (st.file) check({ focusPlan: true }); }); // checks the rows from anywhere on the screen
  return { dispose: () => { fileSeq++; planSeq++; stopKeys(); } };
}
