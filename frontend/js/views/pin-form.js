// Pinning a short note to a person during a session ("Ana: wants to lead the
// Q3 demo"); it shows on their page.

import { h } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { field, checkForm, FieldError } from '../lib/forms.js';
import { LIMITS } from '../lib/limits.js';
import * as api from '../api.js';
import { formDialog } from './dialog.js';

/**
 * Opens the pin dialog.
 * @param {{members: {personId: number, name: string}[], sessionId: number, personId?: number}} o
 * @returns {Promise<any>} the pin, or null when dismissed
 */
export function openPinDialog(o) {
  const back = document.activeElement;
  return formDialog({
    testid: 'pin-dialog',
    title: 'Pin a note to a person',
    size: 'sm',
    submitLabel: 'Pin',
    body: () => [
      field({ name: 'personId', label: 'About', type: 'select', value: o.personId || '', options: [{ value: '', label: 'Choose a person…' }, ...o.members.map((m) => ({ value: m.personId, label: m.name }))], required: true }),
      field({ name: 'body', label: 'Note', what: 'The note', type: 'textarea', rows: 3, maxlength: LIMITS.prose, placeholder: 'wants to lead the Q3 demo', required: true, hint: 'Shown on their page.' }),
      h('fieldset', { class: 'pin-visibility' },
        h('legend', { class: 'label' }, 'Who may see it'),
        h('label', { class: 'choice-inline' }, h('input', { type: 'radio', name: 'visibility', value: 'private', checked: true, testid: 'pin-private' }), icon('lock', { size: 13 }), 'Private — only you'),
        h('label', { class: 'choice-inline' }, h('input', { type: 'radio', name: 'visibility', value: 'shared', testid: 'pin-shared' }), 'Shared')),
    ],
    ready: (form) => {
      const person = /** @type {HTMLSelectElement} */ (form.elements.namedItem('personId'));
      const body = /** @type {HTMLElement} */ (form.elements.namedItem('body'));
      (person.value ? body : person).focus();
    },
    read: (form) => {
      const problems = checkForm(form).map((p) => (p.field === 'personId' ? { ...p, message: 'Choose who the note is about.' } : p));
      if (problems.length) throw new FieldError(problems[0].field, problems[0].message, problems);
      const els = form.elements;
      return {
        personId: Number(/** @type {HTMLSelectElement} */ (els.namedItem('personId')).value) || 0,
        body: /** @type {HTMLTextAreaElement} */ (els.namedItem('body')).value,
        visibility: /** @type {RadioNodeList} */ (els.namedItem('visibility')).value || 'private',
      };
    },
    save: (input) => api.notes.pin(input.personId, o.sessionId, input.body, input.visibility),
  }).then((pin) => {
    if (back instanceof HTMLElement && back.isConnected) back.focus();
    return pin;
  });
}
