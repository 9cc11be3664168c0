// Forms: building labelled fields with their limits, reading a form into the
// input object a Go method takes, and showing {field, message} errors next
// to their fields — every error at once, each cleared as soon as its field
// is fixed. coerce() is pure; the rest touch the DOM only when called.

import { h, uid } from './dom.js';
import { LIMITS, problem } from './limits.js';

/** @typedef {'text'|'int'|'bool'|'lines'} FieldType */

/** @typedef {{field: string, message: string}} Problem */

/**
 * A client-side input problem, shaped like the Go side's errors: the first
 * problem's field and message, and every problem in fields.
 */
export class FieldError extends Error {
  /** @param {string} field @param {string} message @param {Problem[]} [fields] every problem, the first included */
  constructor(field, message, fields) {
    super(message);
    this.code = 'invalid';
    this.field = field;
    this.fields = fields || [{ field, message }];
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
 * Reads the named controls of a form and coerces them by spec, after
 * checking every field against its limits.
 * @param {HTMLFormElement} form
 * @param {Record<string, FieldType>} spec
 * @returns {Record<string, any>}
 * @throws {FieldError} naming every field with a problem
 */
export function readForm(form, spec) {
  validate(form);
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
 * Shows every problem of an error next to its field (and focuses the first
 * such field); problems about no field of this form go in its banner. Each
 * message goes away as soon as its field is fixed.
 * @param {HTMLElement} form
 * @param {{field?: string, message: string, fields?: Problem[]}} err
 * @returns {boolean} whether the first problem went next to a field
 */
export function showError(form, err) {
  clearErrors(form);
  const problems = err.fields && err.fields.length ? err.fields : [{ field: err.field || '', message: err.message }];
  const beside = problems.map((p) => setFieldError(form, p.field, p.message));
  const elsewhere = problems.filter((_, i) => !beside[i]).map((p) => p.message);
  const banner = form.querySelector('[data-form-error]');
  if (banner && elsewhere.length) {
    banner.textContent = elsewhere.join(' ');
    banner.hidden = false;
  }
  const first = problems.find((_, i) => beside[i]);
  if (first) /** @type {HTMLElement|null} */ (form.querySelector(`[data-control-for="${cssEscape(first.field)}"]`))?.focus();
  watch(form);
  return beside[0];
}

/**
 * Shows a message beside one field, without touching the others' (a live
 * check as the user types).
 * @param {HTMLElement} form
 * @param {string} name the field's JSON name
 * @param {string} message
 * @returns {boolean} whether the form has that field's error slot
 */
export function setFieldError(form, name, message) {
  const slot = name ? form.querySelector(`[data-error-for="${cssEscape(name)}"]`) : null;
  if (!slot) return false;
  slot.textContent = message;
  slot.hidden = false;
  form.querySelector(`[data-control-for="${cssEscape(name)}"]`)?.setAttribute('aria-invalid', 'true');
  watch(form);
  return true;
}

/**
 * Hides one field's message.
 * @param {HTMLElement} form
 * @param {string} name
 */
export function clearFieldError(form, name) {
  const slot = form.querySelector(`[data-error-for="${cssEscape(name)}"]`);
  if (slot) {
    slot.textContent = '';
    slot.hidden = true;
  }
  form.querySelector(`[data-control-for="${cssEscape(name)}"]`)?.removeAttribute('aria-invalid');
}

/** Forms already watching their fields. @type {WeakSet<HTMLElement>} */
const watched = new WeakSet();

/**
 * Re-checks a field that shows an error whenever it changes: the message
 * goes as soon as the value is right, or changes to the new problem.
 * @param {HTMLElement} form
 */
function watch(form) {
  if (watched.has(form)) return;
  watched.add(form);
  const recheck = (e) => {
    const target = /** @type {any} */ (e.target);
    const control = target && target.closest ? target.closest('[data-control-for]') || form.querySelector(`[data-control-for][name="${cssEscape(target.name || '')}"]`) : null;
    if (!control) return;
    const name = control.getAttribute('data-control-for');
    const slot = form.querySelector(`[data-error-for="${cssEscape(name)}"]`);
    if (!slot || slot.hidden) return;
    const msg = checkControl(control);
    if (msg) setFieldError(form, name, msg);
    else clearFieldError(form, name);
  };
  form.addEventListener('input', recheck);
  form.addEventListener('change', recheck);
}

/** Checks a field needs beyond its attributes (a date order, a known time zone). @type {WeakMap<Element, (value: string, control: HTMLElement) => string>} */
const extraChecks = new WeakMap();

/**
 * Adds a check of a field's own to those its attributes state.
 * @param {Element} control the field's control
 * @param {(value: string, control: HTMLElement) => string} check returns the problem, or ""
 */
export function addCheck(control, check) {
  extraChecks.set(control, check);
}

/**
 * The rules a control's attributes state (see field()).
 * @param {HTMLElement} el
 * @returns {import('./limits.js').Rules}
 */
function rulesOf(el) {
  const num = (name) => (el.hasAttribute(name) && el.getAttribute(name) !== '' && !Number.isNaN(Number(el.getAttribute(name))) ? Number(el.getAttribute(name)) : undefined);
  const type = el.tagName === 'TEXTAREA' ? 'textarea' : el.tagName === 'SELECT' ? 'select' : el.getAttribute('type') || 'text';
  return {
    what: el.getAttribute('data-what') || undefined, required: el.hasAttribute('required'), type,
    maxLength: num('maxlength'), lineMax: num('data-line-max'),
    min: type === 'number' ? num('min') : undefined, max: type === 'number' ? num('max') : undefined,
    notAfter: el.getAttribute('data-not-after') || undefined,
  };
}

/**
 * The problem with one control's value, or "".
 * @param {HTMLElement} control
 * @returns {string}
 */
export function checkControl(control) {
  const el = /** @type {any} */ (control);
  if (el.type === 'radio' || el.type === 'checkbox' || el.type === 'color') return '';
  const badDate = (el.type === 'date' || el.type === 'datetime-local' || el.type === 'number') && el.validity && el.validity.badInput;
  const msg = problem(badDate ? '?' : el.value, rulesOf(el));
  if (msg) return msg;
  const extra = extraChecks.get(el);
  return extra ? extra(el.value, el) : '';
}

/**
 * Every problem in a form's visible fields, in the order they appear.
 * @param {HTMLElement} form
 * @returns {Problem[]}
 */
export function checkForm(form) {
  const out = [];
  for (const el of form.querySelectorAll('[data-control-for]')) {
    if (el.closest('[hidden]') || /** @type {any} */ (el).disabled) continue;
    const msg = checkControl(/** @type {HTMLElement} */ (el));
    if (msg) out.push({ field: el.getAttribute('data-control-for'), message: msg });
  }
  return out;
}

/**
 * Checks every field of a form before it is sent.
 * @param {HTMLElement} form
 * @throws {FieldError} naming every field with a problem
 */
export function validate(form) {
  const problems = checkForm(form);
  if (problems.length) throw new FieldError(problems[0].field, problems[0].message, problems);
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
 * @property {string} [what] the field's name in error messages, as Go says it ("Duration"); default the label
 * @property {number} [maxlength] the most characters it takes (LIMITS)
 * @property {number} [lineMax] with one item per line: the longest line
 * @property {boolean} [notFuture] a date that cannot be after today
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
    maxlength: o.maxlength, 'data-what': o.what || o.label, 'data-line-max': o.lineMax,
  };
  const [min, max, notAfter] = dateBounds(o);
  let control;
  if (o.type === 'textarea') {
    control = h('textarea', { ...common, rows: o.rows || 3, class: 'input' });
    control.value = o.value === undefined || o.value === null ? '' : String(o.value);
  } else if (o.type === 'select') {
    control = h('select', { ...common, class: 'input select' },
      (o.options || []).map((opt) => h('option', { value: String(opt.value), selected: String(opt.value) === String(o.value) }, opt.label)));
  } else {
    control = h('input', {
      ...common, type: o.type || 'text', class: 'input', min, max, step: o.step, list: o.list, 'data-not-after': notAfter,
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
 * The min and max a field states, and the latest date it takes: dates and
 * times stay within Go's years, a date that cannot be in the future ends today.
 * @param {FieldOptions} o
 * @returns {[string|number|undefined, string|number|undefined, string|undefined]}
 */
function dateBounds(o) {
  if (o.type === 'date') {
    const today = todayHere();
    return [`${LIMITS.minYear}-01-01`, o.notFuture ? today : `${LIMITS.maxYear}-12-31`, o.notFuture ? today : undefined];
  }
  if (o.type === 'datetime-local') return [`${LIMITS.minYear}-01-01T00:00`, `${LIMITS.maxYear}-12-31T23:59`, undefined];
  return [o.min, o.max, undefined];
}

/** Today's date on this computer, YYYY-MM-DD. */
function todayHere() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Lays fields side by side.
 * @param {...(HTMLElement|null)} fields
 * @returns {HTMLElement}
 */
export function row(...fields) {
  return h('div', { class: 'field-row' }, ...fields);
}
