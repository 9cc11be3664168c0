// The "Growth report" dialog of a person's page: a format (PDF, Markdown,
// HTML) and an optional period, then Save — the native save dialog in the
// window, a download in browser mode (lib/savefile.js, as the circle's
// export dialog saves).

import { h, kbd } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { field, row, checkForm, clearErrors, showError, formErrorBanner, FieldError } from '../lib/forms.js';
import { REPORT_FORMATS, reportRequest } from '../lib/growthpage.js';
import { saveExportFile } from '../lib/savefile.js';
import { pref, setPref } from '../state.js';
import * as api from '../api.js';
import { modal } from './dialog.js';
import { toast } from './toast.js';

/** The preference that keeps the last report's format. */
const LAST_FORMAT = 'export.growth.format';

/**
 * Opens the growth report dialog for a person.
 * @param {{id: number, name: string}} person
 * @returns {Promise<void>} once the dialog has closed
 */
export function openGrowthReport(person) {
  return new Promise((resolve) => {
    let busy = false;
    modal({ testid: 'growth-report-dialog', title: 'Growth report', size: 'sm', onclose: () => resolve() }, (dlg, titleId) => {
      const form = /** @type {HTMLFormElement} */ (h('form', { class: 'dialog-form', novalidate: true, testid: 'growth-report-form' }));
      const saveBtn = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'save', title: 'Save (Ctrl+Enter)', 'aria-keyshortcuts': 'Control+Enter' },
        h('span', { class: 'btn-label' }, 'Save'), kbd('Ctrl ↵'));
      const setBusy = (on) => {
        busy = on;
        saveBtn.disabled = on;
        saveBtn.classList.toggle('is-busy', on);
        saveBtn.setAttribute('aria-busy', String(on));
        /** @type {HTMLElement} */ (saveBtn.querySelector('.btn-label')).textContent = on ? 'Exporting…' : 'Save';
      };
      const save = async () => {
        if (busy) return;
        clearErrors(form);
        const problems = checkForm(form);
        if (problems.length) {
          showError(form, new FieldError(problems[0].field, problems[0].message, problems));
          return;
        }
        const val = (name) => /** @type {any} */ (form.elements.namedItem(name)).value;
        const req = reportRequest({ format: val('format'), from: val('from'), to: val('to') });
        setBusy(true);
        try {
          const file = await api.exports.personFile(person.id, req);
          const saved = await saveExportFile(file, form);
          setBusy(false);
          if (!saved) return; // cancelled: the dialog stays as it was
          toast(saved, { kind: 'success' });
          setPref(LAST_FORMAT, req.format);
          dlg.close();
        } catch (err) {
          setBusy(false);
          showError(form, /** @type {any} */ (err));
        }
      };
      form.append(
        h('div', { class: 'dialog-head' },
          h('h2', { class: 'dialog-title', id: titleId }, `Growth report · ${person.name}`),
          h('button', { type: 'button', class: 'icon-btn', 'aria-label': 'Close', title: 'Close (Esc)', testid: 'close-dialog', onclick: () => dlg.close() }, icon('x', { size: 16 }))),
        h('div', { class: 'dialog-body' },
          h('p', { class: 'dialog-intro' }, 'Shared goals with their tasks and check-ins, milestones, skills before and after, and attendance. Private goals and milestones are never included.'),
          field({ name: 'format', label: 'Format', type: 'select', value: reportRequest({ format: pref(LAST_FORMAT, 'pdf'), from: '', to: '' }).format, options: REPORT_FORMATS, autofocus: true }),
          row(
            field({ name: 'from', label: 'From', type: 'date', hint: 'Optional' }),
            field({ name: 'to', label: 'To', type: 'date', hint: 'Optional' })),
          formErrorBanner()),
        h('div', { class: 'dialog-foot' },
          h('span', { class: 'dialog-foot-hint' }, kbd('Esc'), ' to close'),
          h('button', { type: 'button', class: 'btn btn-ghost', testid: 'cancel', onclick: () => dlg.close() }, 'Cancel'),
          saveBtn));
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        save();
      });
      form.addEventListener('keydown', (e) => {
        if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
          e.preventDefault();
          form.requestSubmit();
        }
      });
      return form;
    });
  });
}
