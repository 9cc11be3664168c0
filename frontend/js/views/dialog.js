// Modal dialogs on <dialog>.showModal(): a form dialog that saves through a
// Go call and keeps the user's input and shows errors next to fields when it
// fails, and a confirmation dialog. Esc closes; Enter submits; Ctrl+Enter saves.

import { h, kbd } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { clearErrors, showError, formErrorBanner } from '../lib/forms.js';
import { comboOf } from '../lib/keys.js';

/**
 * Puts a name in front of the window's title until the returned function is
 * called, whatever the page beneath sets meanwhile (it may finish loading
 * under a dialog). The taskbar and a screen reader's "where am I" then name
 * the dialog, and so can a test of the real window, which sees no page.
 * @param {string} name
 * @returns {() => void} takes the name off again
 */
function nameInWindowTitle(name) {
  const prefix = `${name} · `;
  const put = () => {
    if (!document.title.includes(prefix)) document.title = prefix + document.title;
  };
  const watch = new MutationObserver(put);
  const title = document.querySelector('title');
  if (title) watch.observe(title, { childList: true, characterData: true, subtree: true });
  put();
  return () => {
    watch.disconnect();
    document.title = document.title.replace(prefix, '');
  };
}

/**
 * Builds and opens a bare modal dialog; it is removed from the page when closed.
 * Esc and a click on the backdrop dismiss it, unless o.guard says not yet
 * (a form with unsaved input asks for a second Esc). While it is open the
 * window's title starts with o.windowTitle (default o.title) and " · ".
 * @param {{testid: string, title: string, windowTitle?: string, size?: 'sm'|'md'|'lg', onclose?: () => void, guard?: () => boolean}} o
 * @param {(dlg: HTMLDialogElement, titleId: string) => Node} content
 * @returns {HTMLDialogElement}
 */
export function modal(o, content) {
  const titleId = `${o.testid}-title`;
  const dlg = /** @type {HTMLDialogElement} */ (h('dialog', { class: `dialog dialog-${o.size || 'md'}`, testid: o.testid, 'aria-labelledby': titleId }));
  dlg.appendChild(content(dlg, titleId));
  let unname = () => {};
  dlg.addEventListener('close', () => {
    unname();
    dlg.remove();
    o.onclose?.();
  });
  const dismiss = () => (o.guard ? o.guard() : true);
  dlg.addEventListener('cancel', (e) => {
    if (!dismiss()) e.preventDefault();
  });
  // A click on the backdrop (the dialog element itself, outside its box) dismisses it.
  dlg.addEventListener('mousedown', (e) => {
    if (e.target === dlg) {
      const r = dlg.getBoundingClientRect();
      const inside = e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
      if (!inside && dismiss()) dlg.close();
    }
  });
  document.body.appendChild(dlg);
  dlg.showModal();
  const first = dlg.querySelector('[autofocus]') || dlg.querySelector('input:not([type=hidden]):not([disabled]), select, textarea');
  if (first) /** @type {HTMLElement} */ (first).focus();
  unname = nameInWindowTitle(o.windowTitle || o.title);
  return dlg;
}

function dialogHead(title, titleId, dlg) {
  return h('div', { class: 'dialog-head' },
    h('h2', { class: 'dialog-title', id: titleId }, title),
    h('button', { type: 'button', class: 'icon-btn', 'aria-label': 'Close', title: 'Close (Esc)', testid: 'close-dialog', onclick: () => dlg.close() }, icon('x', { size: 16 })));
}

/**
 * @typedef {Object} FormDialogOptions
 * @property {string} testid the dialog's data-testid; its form is "TESTID-form"
 * @property {string} title
 * @property {string} [submitLabel] default "Save"
 * @property {'sm'|'md'|'lg'} [size]
 * @property {string} [intro] a line under the title
 * @property {(form: HTMLFormElement) => Node[]} body builds the fields
 * @property {(form: HTMLFormElement) => any} read reads the form into the input object (may throw a FieldError)
 * @property {(input: any, form: HTMLFormElement) => Promise<any>} save calls Go; a rejection shows its {field, message}
 * @property {(form: HTMLFormElement) => void} [ready] runs once the dialog is open
 */

/**
 * Opens a form dialog. It closes only after save resolves; a failure shows the
 * message next to its field (or in the banner) and keeps every input as typed.
 * @param {FormDialogOptions} o
 * @returns {Promise<any>} what save resolved with, or null when the dialog was dismissed
 */
export function formDialog(o) {
  return new Promise((resolve) => {
    let result = null;
    let busy = false;
    let dirty = false;
    let armed = false;
    let hint = null;
    // Typed text is never thrown away by a stray Esc: the first one only warns.
    const guard = () => {
      if (!dirty || armed) return true;
      armed = true;
      hint.textContent = 'Unsaved changes — press Esc again to discard them';
      hint.classList.add('is-warning');
      return false;
    };
    modal({ testid: o.testid, title: o.title, size: o.size, onclose: () => resolve(result), guard }, (dlg, titleId) => {
      const form = /** @type {HTMLFormElement} */ (h('form', { class: 'dialog-form', novalidate: true, testid: `${o.testid}-form` }));
      const saveBtn = h('button', { type: 'submit', class: 'btn btn-primary', testid: 'save', title: 'Save (Ctrl+Enter)', 'aria-keyshortcuts': 'Control+Enter' },
        h('span', { class: 'btn-label' }, o.submitLabel || 'Save'), kbd('Ctrl ↵'));
      const cancelBtn = h('button', { type: 'button', class: 'btn btn-ghost', testid: 'cancel', onclick: () => dlg.close() }, 'Cancel');
      hint = h('span', { class: 'dialog-foot-hint', testid: 'dialog-hint', 'aria-live': 'polite' }, kbd('Esc'), ' to close');
      form.append(
        dialogHead(o.title, titleId, dlg),
        h('div', { class: 'dialog-body' }, o.intro ? h('p', { class: 'dialog-intro' }, o.intro) : null, ...o.body(form), formErrorBanner()),
        h('div', { class: 'dialog-foot' }, hint, cancelBtn, saveBtn));
      const markDirty = () => {
        dirty = true;
        if (armed) {
          armed = false;
          hint.replaceChildren(kbd('Esc'), ' to close');
          hint.classList.remove('is-warning');
        }
      };
      form.addEventListener('input', markDirty);
      form.addEventListener('change', markDirty);
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        if (busy) return;
        clearErrors(form);
        let input;
        try {
          input = o.read(form);
        } catch (err) {
          showError(form, /** @type {any} */ (err));
          return;
        }
        busy = true;
        saveBtn.disabled = true;
        saveBtn.classList.add('is-busy');
        /** @type {HTMLElement} */ (saveBtn.querySelector('.btn-label')).textContent = 'Saving…';
        try {
          result = await o.save(input, form);
          busy = false;
          dlg.close();
        } catch (err) {
          busy = false;
          saveBtn.disabled = false;
          saveBtn.classList.remove('is-busy');
          /** @type {HTMLElement} */ (saveBtn.querySelector('.btn-label')).textContent = o.submitLabel || 'Save';
          showError(form, /** @type {any} */ (err));
        }
      });
      form.addEventListener('keydown', (e) => {
        if (comboOf(e) === 'Ctrl+Enter') {
          e.preventDefault();
          form.requestSubmit();
        }
      });
      queueMicrotask(() => o.ready?.(form));
      return form;
    });
  });
}

/**
 * Asks before a destructive action and runs it; a failure shows in the dialog.
 * @param {{title: string, message: string, confirmLabel: string, danger?: boolean, action: () => Promise<any>}} o
 * @returns {Promise<boolean>} true once the action succeeded
 */
export function confirmDialog(o) {
  return new Promise((resolve) => {
    let done = false;
    modal({ testid: 'confirm-dialog', title: o.title, size: 'sm', onclose: () => resolve(done) }, (dlg, titleId) => {
      const banner = formErrorBanner();
      const ok = h('button', { type: 'button', class: `btn ${o.danger ? 'btn-danger' : 'btn-primary'}`, testid: 'confirm' }, o.confirmLabel);
      ok.addEventListener('click', async () => {
        ok.disabled = true;
        banner.hidden = true;
        try {
          await o.action();
          done = true;
          dlg.close();
        } catch (err) {
          ok.disabled = false;
          banner.textContent = /** @type {any} */ (err).message || 'Something went wrong.';
          banner.hidden = false;
        }
      });
      return h('div', { class: 'dialog-form' },
        dialogHead(o.title, titleId, dlg),
        h('div', { class: 'dialog-body' }, h('p', { class: 'dialog-message' }, o.message), banner),
        h('div', { class: 'dialog-foot' },
          h('button', { type: 'button', class: 'btn btn-ghost', testid: 'cancel', autofocus: true, onclick: () => dlg.close() }, 'Cancel'), ok));
    });
  });
}
