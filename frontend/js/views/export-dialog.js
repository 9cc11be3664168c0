// The "Export summary" dialog: period, format and privacy options, a live
// preview of the summary (HTML sanitized by Go), and Save — the native save
// dialog in the window, a download in browser mode.

import { h, kbd } from '../lib/dom.js';
import { field, row, clearErrors, showError, formErrorBanner } from '../lib/forms.js';
import { debounce } from '../lib/debounce.js';
import { icon } from '../lib/icons.js';
import { formatChoices, exportRequest, takesOptions, periodLabel, latest, rememberedExport, PERIODS } from '../lib/exporting.js';
import { saveExportFile } from '../lib/savefile.js';
import { pref, setPref } from '../state.js';
import * as api from '../api.js';
import { modal } from './dialog.js';
import { setSanitizedHTML, interceptLinks } from './html.js';
import { toast } from './toast.js';

/**
 * A labelled checkbox whose testid is field-NAME.
 * @param {string} name
 * @param {string} label
 * @param {string} hint
 * @returns {HTMLElement}
 */
function checkbox(name, label, hint, checked = false) {
  return h('label', { class: 'export-option' },
    h('input', { type: 'checkbox', class: 'check', name, checked, testid: `field-${name}`, 'data-control-for': name }),
    h('span', null, h('span', { class: 'export-option-label' }, label), h('span', { class: 'hint' }, hint)));
}

/**
 * Reads the dialog's fields.
 * @param {HTMLFormElement} form
 * @returns {import('../lib/exporting.js').ExportForm}
 */
function readFields(form) {
  const el = (name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name));
  return {
    choice: el('format').value, period: el('period').value, from: el('from').value, to: el('to').value,
    anonymize: el('anonymize').checked, figuresOnly: el('figuresOnly').checked,
  };
}

/** The preference that keeps a circle's last export, and the one that keeps anyone's. */
const lastExportKey = (circleId) => `export.circle.${circleId}`;
const LAST_EXPORT = 'export.last';

/**
 * Opens the export dialog for a circle, with the format and options it was
 * last exported with (or any circle's last, for its first export).
 * @param {{id: number, name: string}} circle
 * @returns {Promise<void>} once the dialog has closed
 */
export async function openExportDialog(circle) {
  const formats = await api.exports.formats();
  const start = rememberedExport(pref(lastExportKey(circle.id), pref(LAST_EXPORT, null)), formatChoices(formats));
  return new Promise((resolve) => {
    const seq = latest();
    let busy = false;
    let stopLinks = () => {};
    const refresh = debounce(() => showPreview(), 150);
    /** @type {HTMLFormElement} */
    let form;
    let preview;
    let previewHead;
    let saveBtn;
    let rangeRow;
    let optionsBox;

    const showPreview = async () => {
      const f = readFields(form);
      const n = seq.next();
      rangeRow.hidden = f.period !== 'range';
      const withOptions = takesOptions(f.choice);
      for (const el of optionsBox.querySelectorAll('input, select')) /** @type {HTMLInputElement} */ (el).disabled = !withOptions;
      if (!withOptions) {
        clearErrors(form);
        previewHead.textContent = 'Bundle';
        preview.replaceChildren(h('p', { class: 'muted' }, 'Everything about the circle — profile, members, sessions, attendance, shared notes, action items — as JSON with UUIDs, to import on another machine with “circlebook import”. Private notes are never included.'));
        preview.setAttribute('data-state', 'ready');
        return;
      }
      preview.setAttribute('data-state', 'loading');
      previewHead.textContent = `Preview · ${periodLabel(f.period, f.from, f.to)}`;
      try {
        const html = await api.exports.preview(circle.id, exportRequest(f));
        if (!seq.isLatest(n) || !form.isConnected) return;
        clearErrors(form);
        setSanitizedHTML(preview, html);
        preview.setAttribute('data-state', 'ready');
      } catch (err) {
        if (!seq.isLatest(n) || !form.isConnected) return;
        showError(form, /** @type {any} */ (err));
        preview.replaceChildren(h('p', { class: 'muted' }, 'Fix the options to see a preview.'));
        preview.setAttribute('data-state', 'error');
      }
    };

    const setBusy = (on) => {
      busy = on;
      saveBtn.disabled = on;
      saveBtn.classList.toggle('is-busy', on);
      saveBtn.setAttribute('aria-busy', String(on));
      /** @type {HTMLElement} */ (saveBtn.querySelector('.btn-label')).textContent = on ? 'Exporting…' : 'Save';
    };

    const save = async (dlg) => {
      if (busy) return;
      clearErrors(form);
      setBusy(true);
      try {
        const fields = readFields(form);
        const file = await api.exports.file(circle.id, exportRequest(fields));
        const saved = await saveExportFile(file, form);
        if (!saved) {
          setBusy(false);
          return; // cancelled: the dialog stays as it was
        }
        toast(saved, { kind: 'success' });
        setPref(lastExportKey(circle.id), fields);
        setPref(LAST_EXPORT, fields);
        setBusy(false);
        dlg.close();
      } catch (err) {
        setBusy(false);
        showError(form, /** @type {any} */ (err));
      }
    };

    modal({ testid: 'export-dialog', title: 'Export summary', size: 'lg', onclose: () => { refresh.cancel(); seq.next(); stopLinks(); resolve(); } }, (dlg, titleId) => {
      form = /** @type {HTMLFormElement} */ (h('form', { class: 'dialog-form', novalidate: true, testid: 'export-dialog-form' }));
      saveBtn = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'save', title: 'Save (Ctrl+Enter)', 'aria-keyshortcuts': 'Control+Enter' },
        h('span', { class: 'btn-label' }, 'Save'), kbd('Ctrl ↵'));
      rangeRow = row(
        field({ name: 'from', label: 'From', type: 'date', value: start.from }),
        field({ name: 'to', label: 'To', type: 'date', value: start.to }));
      rangeRow.hidden = start.period !== 'range';
      optionsBox = h('div', { class: 'export-options' },
        field({ name: 'period', label: 'Period', type: 'select', value: start.period, options: PERIODS }),
        rangeRow,
        h('div', { class: 'export-privacy', role: 'group', 'aria-labelledby': 'export-include' },
          h('span', { class: 'label', id: 'export-include' }, 'Include'),
          checkbox('anonymize', 'Anonymize members', 'Member 1, Member 2, … everywhere, consistently', start.anonymize),
          checkbox('figuresOnly', 'Figures only', 'No notes and no action item texts, for program reporting', start.figuresOnly)));
      preview = h('div', { class: 'export-preview md', testid: 'export-preview', 'data-state': 'loading', 'aria-live': 'polite' });
      previewHead = h('h3', { class: 'subhead' }, 'Preview');
      stopLinks = interceptLinks(preview);
      form.append(
        h('div', { class: 'dialog-head' },
          h('h2', { class: 'dialog-title', id: titleId }, `Export summary · ${circle.name}`),
          h('button', { type: 'button', class: 'icon-btn', 'aria-label': 'Close', title: 'Close (Esc)', testid: 'close-dialog', onclick: () => dlg.close() }, icon('x', { size: 16 }))),
        h('div', { class: 'dialog-body export-body' },
          h('div', { class: 'export-controls' },
            field({ name: 'format', label: 'Format', type: 'select', value: start.choice, options: formatChoices(formats), hint: 'Private notes are never exported.', autofocus: true }),
            optionsBox,
            formErrorBanner()),
          h('div', { class: 'export-preview-col' }, previewHead, preview)),
        h('div', { class: 'dialog-foot' },
          h('span', { class: 'dialog-foot-hint' }, kbd('Esc'), ' to close'),
          h('button', { type: 'button', class: 'btn btn-ghost', testid: 'cancel', onclick: () => dlg.close() }, 'Cancel'),
          saveBtn));
      form.addEventListener('input', () => refresh());
      form.addEventListener('change', () => refresh());
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        save(dlg);
      });
      form.addEventListener('keydown', (e) => {
        if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
          e.preventDefault();
          form.requestSubmit();
        }
      });
      queueMicrotask(showPreview);
      return form;
    });
  });
}
