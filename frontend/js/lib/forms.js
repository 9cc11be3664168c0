// Forms: building labelled fields, reading a form into the input object a Go
// method takes, and showing {field, message} errors next to the field.
// coerce() is pure; the rest touch the DOM only when called.

import { h, uid } from './dom.js';

/** @typedef {'text'|'int'|'bool'|'lines'} FieldType */

/**
 * A client-side input problem, shaped like the Go side's errors.
 */
export class FieldError extends Error {
  /** @param {string} field @param {string} message */
  constructor(field, message) {
    super(message);
    this.code = 'invalid';
    this.field = field;
  }
}

/**
 * Turns raw form values into the typed input object: "int" parses whole
 * numbers ("" is 0), "bool" takes true/"on", "lines" splits text into
 * trimmed non-empty lines, "text" keeps the string as typed.
 * @param {Record<string, any>} raw
 * @param {Record<string, FieldType>} spec
 * @returns {Record<string, any>}
 * @throws {FieldError} when an int field is not a whole number
 */
export function coerce(raw, spec) {
  const out = {};
  for (const [name, type] of Object.entries(spec)) {
    const v = raw[name];
    switch (type) {
      case 'int': {
        const s = String(v ?? '').trim();
        if (s === '') out[name] = 0;
        else if (/^-?\d+$/.test(s)) out[name] = parseInt(s, 10);
        else throw new FieldError(name, 'Enter a whole number.');
        break;
      }
      case 'bool':
        out[name] = v === true || v === 'on' || v === 'true';
        break;
      case 'lines':
        out[name] = String(v ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
        break;
      default:
        out[name] = v === undefined || v === null ? '' : String(v);
    }
  }
  return out;
}

/**
 * Reads the named controls of a form and coerces them by spec.
 * @param {HTMLFormElement} form
 * @param {Record<string, FieldType>} spec
 * @returns {Record<string, any>}
 */
export function readForm(form, spec) {
  const raw = {};
  for (const name of Object.keys(spec)) {
    const el = /** @type {any} */ (form.elements.namedItem(name));
    if (!el) continue;
    if (el instanceof RadioNodeList) raw[name] = el.value;
    else if (el.type === 'checkbox') raw[name] = el.checked;
    else raw[name] = el.value;
  }
  return coerce(raw, spec);
}

/**
 * Hides every error in a form.
 * @param {HTMLElement} form
 */
export function clearErrors(form) {
  for (const el of form.querySelectorAll('[data-error-for], [data-form-error]')) {
    el.textContent = '';
    el.hidden = true;
  }
  for (const el of form.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
}

/**
 * Shows an error next to its field (and focuses the field), or in the form's
 * banner when the field is not in this form.
 * @param {HTMLElement} form
 * @param {{field?: string, message: string}} err
 * @returns {boolean} whether it went next to a field
 */
export function showError(form, err) {
  clearErrors(form);
  const slot = err.field ? form.querySelector(`[data-error-for="${cssEscape(err.field)}"]`) : null;
  if (slot) {
    slot.textContent = err.message;
    slot.hidden = false;
    const control = form.querySelector(`[data-control-for="${cssEscape(err.field)}"]`);
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      /** @type {HTMLElement} */ (control).focus();
    }
    return true;
  }
  const banner = form.querySelector('[data-form-error]');
  if (banner) {
    banner.textContent = err.message;
    banner.hidden = false;
  }
  return false;
}

function cssEscape(s) {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : String(s).replace(/["\\]/g, '\\$&');
}

/**
 * The banner for errors that belong to no field.
 * @returns {HTMLElement}
 */
export function formErrorBanner() {
  return h('p', { class: 'form-error', 'data-form-error': true, testid: 'form-error', role: 'alert', hidden: true });
}

/**
 * The error slot for a field.
 * @param {string} name
 * @param {string} id
 * @returns {HTMLElement}
 */
export function errorSlot(name, id) {
  return h('p', { class: 'field-error', id, 'data-error-for': name, testid: `error-${name}`, role: 'alert', hidden: true });
}

/**
 * @typedef {Object} FieldOptions
 * @property {string} name the input's JSON name; also data-testid "field-NAME" and error slot "error-NAME"
 * @property {string} label
 * @property {string} [type] text, email, url, number, date, time, datetime-local, textarea, select
 * @property {string|number} [value]
 * @property {string} [hint]
 * @property {string} [placeholder]
 * @property {{value: string|number, label: string}[]} [options] for select
 * @property {boolean} [required]
 * @property {number} [min] @property {number} [max] @property {number} [step] @property {number} [rows]
 * @property {string} [list] a datalist id
 * @property {boolean} [autofocus]
 * @property {string} [autocomplete]
 * @property {string} [class] extra class for the wrapper
 * @property {(e: Event) => void} [oninput]
 * @property {(e: Event) => void} [onchange]
 */

/**
 * A labelled field with its hint and error slot.
 * @param {FieldOptions} o
 * @returns {HTMLElement}
 */
export function field(o) {
  const id = uid(`f-${o.name}`);
  const errId = `${id}-err`;
  const hintId = o.hint ? `${id}-hint` : undefined;
  const common = {
    id, name: o.name, testid: `field-${o.name}`, 'data-control-for': o.name,
    'aria-describedby': [hintId, errId].filter(Boolean).join(' '),
    required: o.required, autofocus: o.autofocus, placeholder: o.placeholder,
    oninput: o.oninput, onchange: o.onchange,
  };
  let control;
  if (o.type === 'textarea') {
    control = h('textarea', { ...common, rows: o.rows || 3, class: 'input' });
    control.value = o.value === undefined || o.value === null ? '' : String(o.value);
  } else if (o.type === 'select') {
    control = h('select', { ...common, class: 'input select' },
      (o.options || []).map((opt) => h('option', { value: String(opt.value), selected: String(opt.value) === String(o.value) }, opt.label)));
  } else {
    control = h('input', {
      ...common, type: o.type || 'text', class: 'input', min: o.min, max: o.max, step: o.step, list: o.list,
      autocomplete: o.autocomplete || 'off', spellcheck: o.type === 'email' || o.type === 'url' ? 'false' : undefined,
    });
    control.value = o.value === undefined || o.value === null ? '' : String(o.value);
  }
  return h('div', { class: ['field', o.class] },
    h('label', { class: 'label', for: id }, o.label, o.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
    control,
    o.hint ? h('p', { class: 'hint', id: hintId }, o.hint) : null,
    errorSlot(o.name, errId));
}

/**
 * Lays fields side by side.
 * @param {...(HTMLElement|null)} fields
 * @returns {HTMLElement}
 */
export function row(...fields) {
  return h('div', { class: 'field-row' }, ...fields);
}
