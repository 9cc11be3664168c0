// The circle form dialog: create or edit a circle (every CircleInput field).

import { h, uid } from '../lib/dom.js';
import { field, row, readForm, errorSlot, addCheck } from '../lib/forms.js';
import { KINDS, CADENCES, CIRCLE_STATUSES, COLORS } from '../lib/labels.js';
import { LIMITS } from '../lib/limits.js';
import { WEEKDAY_NAMES, nowIn, localTimeZone } from '../lib/format.js';
import * as api from '../api.js';
import { formDialog } from './dialog.js';
import { zoneField } from './zone-field.js';

/** The CircleInput fields and how to read them. */
const SPEC = {
  name: 'text', purpose: 'text', kind: 'text', cadence: 'text', cadenceDays: 'int', meetingDay: 'int',
  meetingTime: 'text', durationMinutes: 'int', timeZone: 'text', place: 'text', videoLink: 'text',
  startDate: 'text', endDate: 'text', status: 'text',
};

/**
 * A fresh circle's values.
 * @param {string[]} [usedColors] colours other circles already have
 * @returns {any}
 */
function blank(usedColors = []) {
  const tz = localTimeZone();
  return {
    name: '', purpose: '', kind: 'group', cadence: 'biweekly', cadenceDays: 10, meetingDay: -1, meetingTime: '',
    durationMinutes: 60, timeZone: tz, place: '', videoLink: '', startDate: nowIn(tz).date, endDate: '',
    status: 'forming', color: COLORS.find((c) => !usedColors.includes(c)) || COLORS[0],
  };
}

function group(title, ...children) {
  const id = uid('group');
  return h('div', { class: 'form-group', role: 'group', 'aria-labelledby': id }, h('h3', { class: 'legend', id }, title), ...children);
}

function kindChoice(value) {
  const id = uid('kind');
  return h('div', { class: 'field', 'data-kind-field': true },
    h('span', { class: 'label', id }, 'Kind'),
    h('div', { class: 'choice-cards', role: 'radiogroup', 'aria-labelledby': id },
      KINDS.map((k, i) => h('label', { class: 'choice-card' },
        h('input', { type: 'radio', name: 'kind', value: k.value, checked: k.value === value, testid: `field-kind-${k.value}`, 'data-control-for': i === 0 ? 'kind' : undefined }),
        h('span', { class: 'choice-card-text' },
          h('span', { class: 'choice-card-title' }, k.label),
          h('span', { class: 'choice-card-hint' }, k.value === 'pair' ? 'A mentoring relationship of two' : '3–20 mentors and mentees meeting together'))))),
    errorSlot('kind', uid('err-kind')));
}

function colorChoice(value) {
  const id = uid('color');
  const custom = h('input', { type: 'color', class: 'swatch-custom', 'aria-label': 'Custom colour', title: 'Custom colour', testid: 'field-color-custom', value: COLORS.includes(value) ? '#888888' : value || '#888888' });
  const swatches = COLORS.map((c) => {
    const input = h('input', { type: 'radio', name: 'color', value: c, checked: c === value, class: 'swatch-input', 'aria-label': c, testid: 'color-swatch', 'data-control-for': c === COLORS[0] ? 'color' : undefined });
    return h('label', { class: 'swatch', title: c }, input, h('span', { class: 'swatch-face', style: { backgroundColor: c } }));
  });
  custom.addEventListener('input', () => {
    for (const el of swatches) /** @type {HTMLInputElement} */ (el.querySelector('input')).checked = false;
    custom.dataset.chosen = 'true';
  });
  if (!COLORS.includes(value) && value) custom.dataset.chosen = 'true';
  for (const el of swatches) el.querySelector('input').addEventListener('change', () => { delete custom.dataset.chosen; });
  return h('div', { class: 'field' },
    h('span', { class: 'label', id }, 'Colour'),
    h('div', { class: 'swatches', role: 'radiogroup', 'aria-labelledby': id }, ...swatches, custom),
    errorSlot('color', uid('err-color')));
}

/**
 * Reads the circle form into a CircleInput.
 * @param {HTMLFormElement} form
 * @returns {any}
 */
function read(form) {
  const input = readForm(form, SPEC);
  const checked = /** @type {HTMLInputElement|null} */ (form.querySelector('input[name=color]:checked'));
  const custom = /** @type {HTMLInputElement} */ (form.querySelector('.swatch-custom'));
  input.color = checked ? checked.value : custom.dataset.chosen ? custom.value : '';
  if (input.cadence !== 'custom') input.cadenceDays = 0;
  return input;
}

/**
 * Opens the circle form.
 * @param {any} [circle] the circle to edit; omitted for a new one
 * @param {{usedColors?: string[]}} [o]
 * @returns {Promise<any>} the saved circle, or null when dismissed
 */
export function openCircleForm(circle, o = {}) {
  const v = circle ? { ...circle } : blank(o.usedColors);
  if (!v.cadenceDays) v.cadenceDays = 10;
  return formDialog({
    testid: 'circle-dialog',
    title: circle ? 'Edit circle' : 'New circle',
    submitLabel: circle ? 'Save changes' : 'Create circle',
    size: 'lg',
    read,
    save: (input) => (circle ? api.circles.update(circle.id, input) : api.circles.create(input)),
    body: (form) => {
      const days = field({ name: 'cadenceDays', label: 'Every … days', what: 'Days between sessions', type: 'number', min: 1, max: 366, value: v.cadenceDays, class: 'field-narrow' });
      const syncCadence = () => { days.hidden = /** @type {any} */ (form.elements.namedItem('cadence')).value !== 'custom'; };
      const cadence = field({ name: 'cadence', label: 'Meets', type: 'select', options: CADENCES, value: v.cadence, onchange: syncCadence });
      queueMicrotask(syncCadence);
      const ends = field({ name: 'endDate', label: 'Ends', type: 'date', value: v.endDate, hint: 'Optional' });
      addCheck(ends.querySelector('input'), (end) => {
        const start = /** @type {any} */ (form.elements.namedItem('startDate')).value;
        return start && end && end < start ? 'The end date is before the start date.' : '';
      });
      return [
        group('About',
          field({ name: 'name', label: 'Name', value: v.name, required: true, maxlength: LIMITS.name, autofocus: true, placeholder: 'e.g. Emerging Engineering Leaders' }),
          field({ name: 'purpose', label: 'Purpose', type: 'textarea', rows: 2, maxlength: LIMITS.prose, value: v.purpose, placeholder: 'What the circle is for, in a sentence or two' }),
          kindChoice(v.kind),
          field({ name: 'status', label: 'Status', type: 'select', options: CIRCLE_STATUSES, value: v.status, class: 'field-narrow' })),
        group('Rhythm',
          row(cadence, days),
          row(
            field({ name: 'meetingDay', label: 'Usual day', type: 'select', value: v.meetingDay, options: [{ value: -1, label: 'No fixed day' }, ...[1, 2, 3, 4, 5, 6, 0].map((d) => ({ value: d, label: WEEKDAY_NAMES[d] }))] }),
            field({ name: 'meetingTime', label: 'Usual time', type: 'time', value: v.meetingTime }),
            field({ name: 'durationMinutes', label: 'Length (minutes)', what: 'Duration', type: 'number', min: 5, max: 1440, step: 5, value: v.durationMinutes })),
          zoneField({ name: 'timeZone', label: 'Time zone', value: v.timeZone, first: localTimeZone(), placeholder: 'Type a city, e.g. Madrid', hint: 'Session times are written in this zone’s local time.' })),
        group('Where and when',
          row(
            field({ name: 'place', label: 'Place', value: v.place, maxlength: LIMITS.title, placeholder: 'Room, office or “online”' }),
            field({ name: 'videoLink', label: 'Video link', type: 'url', value: v.videoLink, maxlength: LIMITS.url, placeholder: 'https://…', hint: 'A web address; it opens in your browser.' })),
          row(
            field({ name: 'startDate', label: 'Starts', type: 'date', value: v.startDate }),
            ends)),
        group('Look', colorChoice(v.color)),
      ];
    },
  });
}
