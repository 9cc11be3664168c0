// The tag vocabulary dialog: each canonical tag of matching with its
// synonyms, 100 rows at a time under a filter; rows are added, edited and
// deleted here and saved together in one call. A bad row's message shows
// beside its field, on the page that holds it.

import { h, replace, uid } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { setFieldError, clearFieldError } from '../lib/forms.js';
import { pageOf } from '../lib/pairing.js';
import {
  VOCAB_PAGE, MAX_TAGS, vocabRow, vocabRows, filterRows, vocabPayload, rowField, rowOfField, pageOfRow, vocabSummary,
} from '../lib/vocabulary.js';
import * as api from '../api.js';
import { formDialog } from './dialog.js';
import { button } from './ui.js';

/**
 * One input of a row, labelled with its row, with its error slot.
 * @param {import('../lib/vocabulary.js').VocabRow} r
 * @param {number} i the row's index
 * @param {'tag'|'synonyms'} name
 * @returns {HTMLElement}
 */
function rowInput(r, i, name) {
  const errId = uid(`vocab-err-${name}`);
  const input = /** @type {HTMLInputElement} */ (h('input', {
    type: 'text', class: 'input', autocomplete: 'off', testid: `vocab-${name}`, 'data-control-for': rowField(i, name),
    maxlength: name === 'tag' ? 200 : 2000, 'aria-describedby': errId,
    'aria-label': name === 'tag' ? `Tag, row ${i + 1}` : `Synonyms of row ${i + 1}`,
    placeholder: name === 'tag' ? 'e.g. public speaking' : 'e.g. presenting, talks',
  }));
  input.value = r[name];
  input.addEventListener('input', () => { r[name] = input.value; });
  return h('div', { class: 'vocab-cell' }, input,
    h('p', { class: 'field-error', id: errId, 'data-error-for': rowField(i, name), testid: `error-vocab-${name}`, role: 'alert', hidden: true }));
}

/**
 * Opens the vocabulary editor.
 * @returns {Promise<{tag: string, synonyms: string}[]|null>} the vocabulary as saved, or null when dismissed
 */
export async function openVocabulary() {
  const rows = vocabRows(await api.pairing.vocabulary());
  let shown = filterRows(rows, '');
  let page = 0;
  /** Go's problems from the latest refused save, kept across page turns until their field is edited. @type {{field: string, message: string}[]} */
  let problems = [];
  /** @type {HTMLFormElement} */
  let form;

  const filter = /** @type {HTMLInputElement} */ (h('input', {
    type: 'search', class: 'input', placeholder: 'Filter by tag or synonym', 'aria-label': 'Filter tags', testid: 'vocab-filter', autocomplete: 'off',
  }));
  const summary = h('span', { class: 'muted small vocab-summary', testid: 'vocab-summary', 'aria-live': 'polite' });
  const addBtn = button({ label: 'Add tag', icon: 'plus', size: 'sm', testid: 'vocab-add', onclick: () => add() });
  const body = h('tbody');
  const table = h('table', { class: 'vocab-table', testid: 'vocab-table' },
    h('thead', null, h('tr', null,
      h('th', { scope: 'col', class: 'vocab-num' }, '#'), h('th', { scope: 'col' }, 'Tag'),
      h('th', { scope: 'col' }, 'Synonyms (comma-separated)'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Delete')))),
    body);
  const empty = h('p', { class: 'muted small vocab-empty', testid: 'vocab-empty', hidden: true });
  const pager = h('div', { class: 'pairing-pager vocab-pager', testid: 'vocab-pager' });

  /** Draws the rows of this page, and puts back the errors they carry. */
  function render() {
    const pg = pageOf(shown, page, VOCAB_PAGE);
    page = pg.page;
    replace(body, ...pg.rows.map((i) => {
      const r = rows[i];
      return h('tr', { testid: 'vocab-row', 'data-row': i },
        h('td', { class: 'vocab-num muted' }, String(i + 1)),
        h('td', null, rowInput(r, i, 'tag')),
        h('td', null, rowInput(r, i, 'synonyms')),
        h('td', { class: 'vocab-del' }, h('button', {
          type: 'button', class: 'icon-btn icon-btn-danger', testid: 'vocab-delete', title: 'Delete this row',
          'aria-label': `Delete row ${i + 1}${r.tag ? ` (${r.tag})` : ''}`, onclick: () => remove(i),
        }, icon('trash', { size: 16 }))));
    }));
    table.hidden = !pg.rows.length;
    empty.hidden = !!pg.rows.length;
    empty.textContent = rows.length ? `No tag or synonym matches “${filter.value.trim()}”.` : 'No tags yet: add one, with the words that mean the same.';
    summary.textContent = vocabSummary(rows, shown.length);
    addBtn.disabled = rows.length >= MAX_TAGS;
    replace(pager, ...(pg.pages > 1 ? [
      button({ label: 'Previous', icon: 'chevron-left', size: 'sm', disabled: pg.page === 0, testid: 'vocab-prev', onclick: () => turn(-1) }),
      h('span', { class: 'muted small', 'aria-live': 'polite' }, pg.label),
      button({ label: 'Next', icon: 'chevron-right', size: 'sm', disabled: pg.page >= pg.pages - 1, testid: 'vocab-next', onclick: () => turn(1) }),
    ] : []));
    for (const p of problems) setFieldError(form, p.field, p.message);
  }

  /** Shows the previous or next page, keeping the focus on the pager. */
  function turn(step) {
    page += step;
    render();
    /** @type {HTMLElement|null} */ (pager.querySelector(step < 0 ? '[data-testid=vocab-prev]:not(:disabled)' : '[data-testid=vocab-next]:not(:disabled)') || filter).focus();
  }

  /** Adds an empty row at the end, shows it and puts the focus in its tag. */
  function add() {
    if (rows.length >= MAX_TAGS) return;
    rows.push(vocabRow());
    problems = [];
    filter.value = '';
    shown = filterRows(rows, '');
    page = pageOfRow(shown, rows.length - 1);
    render();
    changed();
    /** @type {HTMLElement|null} */ (body.querySelector(`[data-control-for="${rowField(rows.length - 1, 'tag')}"]`))?.focus();
  }

  /** Deletes row i; the focus goes to the row that took its place, else the one before, else Add tag. */
  function remove(i) {
    const at = shown.indexOf(i);
    rows.splice(i, 1);
    problems = []; // rows after i are numbered anew
    shown = filterRows(rows, filter.value);
    render();
    changed();
    const dels = [...body.querySelectorAll('[data-testid=vocab-delete]')];
    const next = dels[Math.min(Math.max(0, at - page * VOCAB_PAGE), dels.length - 1)];
    /** @type {HTMLElement} */ (next || addBtn).focus();
  }

  /** Tells the dialog the rows changed, so a stray Esc does not drop them. */
  function changed() {
    form.dispatchEvent(new Event('change'));
  }

  /** Shows the page that holds the first bad row, clearing a filter that hides it. */
  function reveal(err) {
    problems = (err.fields && err.fields.length ? err.fields : [{ field: err.field || '', message: err.message }]).filter((p) => rowOfField(p.field));
    const first = problems.length ? rowOfField(problems[0].field) : null;
    if (!first) return;
    if (pageOfRow(shown, first.row) < 0) {
      filter.value = '';
      shown = filterRows(rows, '');
    }
    page = pageOfRow(shown, first.row);
    render();
  }

  filter.addEventListener('input', () => {
    shown = filterRows(rows, filter.value);
    page = 0;
    render();
  });
  // Enter in the filter filters; it does not save.
  filter.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') e.preventDefault();
  });

  return formDialog({
    testid: 'vocab-dialog',
    title: 'Tag vocabulary',
    submitLabel: 'Save vocabulary',
    size: 'lg',
    intro: 'Strengths and growth areas match by tag: each synonym counts as its tag, whatever its case or accents. A synonym stands for one tag only.',
    read: () => vocabPayload(rows),
    save: async (tags) => {
      try {
        return await api.pairing.saveVocabulary(tags);
      } catch (err) {
        reveal(err);
        throw err;
      }
    },
    ready: (f) => {
      f.addEventListener('input', (e) => {
        const name = /** @type {HTMLElement} */ (e.target).getAttribute?.('data-control-for');
        if (!name) return;
        problems = problems.filter((p) => p.field !== name);
        clearFieldError(f, name);
      });
    },
    body: (f) => {
      form = f;
      render();
      return [
        h('div', { class: 'vocab-tools' },
          h('div', { class: 'search-box vocab-filter' }, icon('search', { size: 16 }), filter), summary, addBtn),
        h('div', { class: 'vocab-scroll' }, table, empty),
        pager,
      ];
    },
  });
}
