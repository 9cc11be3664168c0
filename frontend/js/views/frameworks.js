// The Frameworks panel of a circle's Growth view: the frameworks the circle
// uses (Drop), the others (Use), each renamed inline or deleted (asked
// first; Go refuses while a circle uses it or ratings refer to it), and a
// new one made in a form (name, description, items one a line) or imported
// from a text or CSV file read in the page. Go's field errors (an empty or
// repeated item, with its row) land beside the field.

import { h, uid } from '../lib/dom.js';
import { field, errorSlot, checkForm, showError, clearErrors, FieldError } from '../lib/forms.js';
import { LIMITS } from '../lib/limits.js';
import { plural } from '../lib/format.js';
import * as api from '../api.js';
import { formDialog, confirmDialog } from './dialog.js';
import { button, iconButton, section, emptyState } from './ui.js';
import { reportError } from './toast.js';

/** The largest framework file Go takes (growth.MaxImport), in bytes. */
const MAX_IMPORT = 256 << 10;

/**
 * The items a textarea holds, one a line, as typed: only blank lines at the
 * end go, so the rows Go names in its errors are the textarea's lines.
 * @param {string} text
 * @returns {string[]}
 */
export function itemLines(text) {
  const lines = String(text).split(/\r?\n/);
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  return lines;
}

/**
 * Opens the form for a new framework.
 * @returns {Promise<any>} the framework made, or null when dismissed
 */
export function openCreateFramework() {
  return formDialog({
    testid: 'framework-dialog',
    title: 'New framework',
    submitLabel: 'Create framework',
    intro: 'A named list of topics or skills, reused across circles: a competency model, a set of principles.',
    body: () => [
      field({ name: 'name', label: 'Name', required: true, maxlength: LIMITS.name, autofocus: true, placeholder: 'e.g. Core skills' }),
      field({ name: 'description', label: 'Description', type: 'textarea', rows: 2, maxlength: LIMITS.prose }),
      field({ name: 'items', label: 'Topics or skills', type: 'textarea', rows: 8, required: true, what: 'Topics or skills', lineMax: LIMITS.name, hint: 'One a line, in order (at most 100).', placeholder: 'Listening\nGiving feedback\nPrioritization' }),
    ],
    read: (form) => {
      const problems = checkForm(form);
      if (problems.length) throw new FieldError(problems[0].field, problems[0].message, problems);
      const val = (name) => /** @type {any} */ (form.elements.namedItem(name)).value;
      return { name: val('name'), description: val('description'), items: itemLines(val('items')) };
    },
    save: (input) => api.frameworks.create(input),
  });
}

/**
 * Opens the form that imports a framework from a text or CSV file.
 * @returns {Promise<any>} the framework made, or null when dismissed
 */
export function openImportFramework() {
  const id = uid('f-file');
  return formDialog({
    testid: 'import-framework-dialog',
    title: 'Import a framework',
    submitLabel: 'Import',
    intro: 'From a text file with one topic or skill a line, or a CSV file whose first column names them. Nothing is saved if a name is empty or repeated.',
    body: () => [
      field({ name: 'name', label: 'Name', required: true, maxlength: LIMITS.name, autofocus: true, placeholder: 'e.g. Leadership principles' }),
      h('div', { class: 'field' },
        h('label', { class: 'label', for: id }, 'File', h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')),
        h('input', { type: 'file', id, name: 'file', class: 'input input-file', accept: '.csv,.txt,text/csv,text/plain', required: true, 'data-what': 'File', 'data-control-for': 'file', testid: 'field-file', 'aria-describedby': `${id}-hint ${id}-err ${id}-items-err` }),
        h('p', { class: 'hint', id: `${id}-hint` }, 'A .txt or .csv file, up to 256 KB. A first row “name”, “topic” or “skill” is a header.'),
        errorSlot('file', `${id}-err`),
        errorSlot('items', `${id}-items-err`)),
    ],
    read: (form) => {
      const problems = checkForm(form);
      if (problems.length) throw new FieldError(problems[0].field, problems[0].message, problems);
      const input = /** @type {HTMLInputElement} */ (form.elements.namedItem('file'));
      const file = input.files && input.files[0];
      if (!file) throw new FieldError('file', 'Choose a file.');
      if (file.size > MAX_IMPORT) throw new FieldError('file', `The file is over ${MAX_IMPORT >> 10} KB.`);
      return { name: /** @type {any} */ (form.elements.namedItem('name')).value, file };
    },
    save: async ({ name, file }) => api.frameworks.import(name, file.name, await file.text()),
  });
}

/**
 * @typedef {Object} PanelOptions
 * @property {number} circleId
 * @property {any[]} used the frameworks the circle uses, with their items
 * @property {any[]} all every framework (bounded), without items
 * @property {(message: string, focus?: string) => Promise<void>} changed reloads the view, toasts message, then focuses the selector
 */

/**
 * The Frameworks panel.
 * @param {PanelOptions} o
 * @returns {HTMLElement}
 */
export function frameworksPanel(o) {
  const usedIds = new Set(o.used.map((f) => f.id));
  const others = o.all.filter((f) => !usedIds.has(f.id));
  const sel = (testid, id) => `[data-framework-id="${id}"] [data-testid="${testid}"]`;

  const run = async (fn, message, focus) => {
    try {
      await fn();
      await o.changed(message, focus);
    } catch (err) {
      reportError(err);
    }
  };
  const use = (f) => run(() => api.frameworks.use(o.circleId, f.id), `This circle now uses “${f.name}”.`, sel('drop-framework', f.id));
  const drop = (f) => run(() => api.frameworks.drop(o.circleId, f.id), `This circle no longer uses “${f.name}”. Its ratings are kept.`, sel('use-framework', f.id));
  const remove = async (f) => {
    const ok = await confirmDialog({
      title: `Delete “${f.name}”?`,
      message: `The framework and its topics or skills are deleted for good. Circlebook refuses while a circle uses it or skill ratings refer to it.`,
      confirmLabel: 'Delete framework', danger: true,
      action: () => api.frameworks.remove(f.id),
    });
    if (ok) await o.changed(`Deleted “${f.name}”.`, '[data-testid="create-framework"]');
  };
  const made = async (f, verb) => {
    if (f) await o.changed(`${verb} “${f.name}” with ${plural(f.items ? f.items.length : 0, 'item')}. Use it in this circle with Use.`, sel('use-framework', f.id));
  };

  /**
   * The inline rename form in place of a row's name: Enter saves, Esc puts the name back.
   * @param {any} f @param {HTMLElement} nameEl
   */
  const rename = (f, nameEl) => {
    const id = uid('rename');
    const input = /** @type {HTMLInputElement} */ (h('input', { id, class: 'input', name: 'name', value: f.name, maxlength: LIMITS.name, required: true, 'data-what': 'Name', 'data-control-for': 'name', testid: 'rename-input', 'aria-describedby': `${id}-err`, autocomplete: 'off' }));
    const form = h('form', { class: 'framework-rename', testid: 'rename-form', novalidate: true },
      h('label', { class: 'visually-hidden', for: id }, `New name for “${f.name}”`),
      input,
      button({ label: 'Save', type: 'submit', size: 'sm', variant: 'primary', testid: 'rename-save' }),
      button({ label: 'Cancel', size: 'sm', variant: 'ghost', testid: 'rename-cancel', onclick: () => cancel() }),
      errorSlot('name', `${id}-err`));
    const cancel = () => {
      form.replaceWith(nameEl);
      /** @type {HTMLElement|null} */ (nameEl.closest('[data-framework-id]')?.querySelector('[data-testid="rename-framework"]'))?.focus();
    };
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        cancel();
      }
    });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      const problems = checkForm(form);
      if (problems.length) {
        showError(form, problems[0]);
        return;
      }
      if (input.value.trim() === f.name) {
        cancel();
        return;
      }
      try {
        const saved = await api.frameworks.rename(f.id, input.value);
        await o.changed(`Renamed to “${saved.name}”.`, sel('rename-framework', f.id));
      } catch (err) {
        showError(form, err);
      }
    });
    nameEl.replaceWith(form);
    input.focus();
    input.select();
  };

  /** @param {any} f @param {boolean} inUse */
  const row = (f, inUse) => {
    const items = inUse && f.items ? plural(f.items.length, 'item') : '';
    const nameEl = h('span', { class: 'framework-name-block' },
      h('span', { class: 'framework-name', testid: 'framework-name' }, f.name),
      items || f.description ? h('span', { class: 'framework-sub' }, [items, f.description].filter(Boolean).join(' · ')) : null);
    return h('li', { class: 'framework-row', testid: 'framework-row', 'data-framework-id': f.id, 'data-used': inUse ? '1' : '' },
      nameEl,
      h('span', { class: 'row-actions framework-actions' },
        inUse
          ? button({ label: 'Drop', size: 'sm', testid: 'drop-framework', title: `Stop using “${f.name}” in this circle (its ratings stay)`, onclick: () => drop(f) })
          : button({ label: 'Use', size: 'sm', variant: 'primary', testid: 'use-framework', title: `Use “${f.name}” in this circle`, onclick: () => use(f) }),
        iconButton('pencil', `Rename “${f.name}”`, () => rename(f, nameEl), { testid: 'rename-framework' }),
        iconButton('trash', `Delete “${f.name}”`, () => remove(f), { testid: 'delete-framework' })));
  };

  const list = (title, frameworks, inUse, testid, empty) => h('div', { class: 'framework-group', testid },
    h('h3', { class: 'subhead' }, title, h('span', { class: 'count' }, String(frameworks.length))),
    frameworks.length ? h('ul', { class: 'list-card framework-list' }, frameworks.map((f) => row(f, inUse))) : h('p', { class: 'muted small', testid: `${testid}-empty` }, empty));

  return section({
    title: 'Frameworks', id: 'growth-frameworks', testid: 'frameworks-panel',
    aside: 'The topics or skills this circle rates and covers',
    actions: [
      button({ label: 'New framework', icon: 'plus', testid: 'create-framework', onclick: async () => made(await openCreateFramework(), 'Created') }),
      button({ label: 'Import from file', icon: 'download', testid: 'import-framework', onclick: async () => made(await openImportFramework(), 'Imported') }),
    ],
  },
  !o.all.length && !o.used.length
    ? emptyState({ icon: 'list', title: 'No frameworks yet', text: 'Create one, or import a list of topics or skills from a text or CSV file; then use it in this circle.', compact: true, testid: 'frameworks-empty' })
    : h('div', { class: 'framework-groups' },
      list('Used in this circle', o.used, true, 'frameworks-used', 'None yet: use one of the others, or make a new one.'),
      list('Other frameworks', others, false, 'frameworks-other', 'Every framework is in use here.')));
}
