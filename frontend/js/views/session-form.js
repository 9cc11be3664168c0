// Session dialogs: schedule one session, schedule a series on the circle's
// cadence, and edit a session.

import { h } from '../lib/dom.js';
import { field, row, readForm, checkControl, setFieldError, clearFieldError } from '../lib/forms.js';
import { SESSION_STATUSES } from '../lib/labels.js';
import { LIMITS } from '../lib/limits.js';
import { formatDateTime, cadenceLabel, nowIn } from '../lib/format.js';
import { seriesDates, suggestNextStart } from '../lib/schedule.js';
import * as api from '../api.js';
import { formDialog } from './dialog.js';

const SESSION_SPEC = { startsAt: 'text', durationMinutes: 'int', topic: 'text', place: 'text', status: 'text' };

/**
 * The length field every session form has; empty takes the circle's usual length.
 * @param {number} value
 * @returns {HTMLElement}
 */
function lengthField(value) {
  return field({ name: 'durationMinutes', label: 'Length (minutes)', what: 'Duration', type: 'number', min: 5, max: 1440, step: 5, value, class: 'field-narrow' });
}

/**
 * Opens the schedule-one-session dialog.
 * @param {any} circle
 * @param {any[]} sessions the circle's sessions, for a sensible default date
 * @returns {Promise<any>} the new session, or null when dismissed
 */
export function openScheduleSession(circle, sessions) {
  const start = suggestNextStart(circle, sessions, nowIn().date);
  return formDialog({
    testid: 'session-dialog',
    title: 'Schedule a session',
    intro: `Times are local to ${circle.timeZone || 'the circle'}.`,
    submitLabel: 'Schedule',
    read: (form) => readForm(form, { ...SESSION_SPEC, agenda: 'lines' }),
    save: (input) => api.sessions.schedule(circle.id, input),
    body: () => [
      row(
        field({ name: 'startsAt', label: 'Starts', type: 'datetime-local', value: start, required: true, autofocus: true, placeholder: 'YYYY-MM-DDTHH:MM' }),
        lengthField(circle.durationMinutes)),
      field({ name: 'topic', label: 'Topic', maxlength: LIMITS.title, placeholder: 'e.g. Giving feedback' }),
      row(
        field({ name: 'place', label: 'Place', maxlength: LIMITS.title, placeholder: circle.place || circle.videoLink || 'Room or video link', hint: 'Empty uses the circle’s place or link.' }),
        field({ name: 'status', label: 'Status', type: 'select', options: SESSION_STATUSES, value: 'planned', class: 'field-narrow' })),
      field({ name: 'agenda', label: 'Agenda', type: 'textarea', rows: 4, maxlength: LIMITS.prose, lineMax: LIMITS.title, placeholder: 'Check-in round\nTopic discussion\nAction items', hint: 'One item per line. You can edit it on the session page.' }),
    ],
  });
}

/**
 * Opens the schedule-a-series dialog, with a preview of the dates.
 * @param {any} circle
 * @param {any[]} sessions
 * @returns {Promise<any[]>} the new sessions, or null when dismissed
 */
export function openScheduleSeries(circle, sessions) {
  const start = suggestNextStart(circle, sessions, nowIn().date);
  const preview = h('div', { class: 'series-preview', 'aria-live': 'polite', testid: 'series-preview' });
  // The count is checked as it is typed: its message shows at once and goes
  // as soon as the count is right, and the preview never lists more than
  // one series may hold.
  const update = (form) => {
    const first = /** @type {any} */ (form.elements.namedItem('firstStartsAt')).value;
    const countInput = /** @type {HTMLInputElement} */ (form.elements.namedItem('count'));
    const problem = checkControl(countInput);
    if (problem) setFieldError(form, 'count', problem);
    else clearFieldError(form, 'count');
    const count = problem ? 0 : parseInt(countInput.value, 10) || 0;
    const dates = seriesDates(circle.cadence, circle.cadenceDays, first, Math.min(count, LIMITS.series));
    if (!dates.length) {
      preview.replaceChildren(h('p', { class: 'hint' }, problem
        ? `A series has 1 to ${LIMITS.series} sessions.`
        : 'Pick the first date and how many sessions to see the dates.'));
      return;
    }
    const shown = dates.length > 6 ? [...dates.slice(0, 4), null, dates[dates.length - 1]] : dates;
    preview.replaceChildren(
      h('p', { class: 'series-preview-title' }, `${dates.length} sessions, ${cadenceLabel(circle).toLowerCase()}`),
      h('ol', { class: 'series-dates' }, shown.map((d, i) => (d === null
        ? h('li', { class: 'series-gap', 'aria-hidden': 'true' }, '…')
        : h('li', null, h('span', { class: 'series-n' }, `${i === shown.length - 1 ? dates.length : i + 1}`), formatDateTime(d))))));
  };
  return formDialog({
    testid: 'series-dialog',
    title: 'Schedule a series',
    intro: `Dates follow the circle’s cadence: ${cadenceLabel(circle).toLowerCase()}. Times are local to ${circle.timeZone || 'the circle'}.`,
    submitLabel: 'Schedule series',
    read: (form) => readForm(form, { firstStartsAt: 'text', count: 'int', durationMinutes: 'int', topic: 'text' }),
    save: (input) => api.sessions.scheduleSeries(circle.id, input),
    ready: update,
    body: (form) => [
      row(
        field({ name: 'firstStartsAt', label: 'First session', type: 'datetime-local', value: start, required: true, autofocus: true, oninput: () => update(form) }),
        field({ name: 'count', label: 'How many', what: 'Number of sessions', type: 'number', min: 1, max: LIMITS.series, required: true, value: 6, class: 'field-narrow', oninput: () => update(form) }),
        lengthField(circle.durationMinutes)),
      field({ name: 'topic', label: 'Topic', maxlength: LIMITS.title, placeholder: 'Optional, for every session in the series' }),
      preview,
    ],
  });
}

/**
 * Opens the edit-session dialog.
 * @param {any} session
 * @returns {Promise<any>} the saved session, or null when dismissed
 */
export function openEditSession(session) {
  return formDialog({
    testid: 'session-edit-dialog',
    title: `Edit session ${session.number}`,
    read: (form) => readForm(form, SESSION_SPEC),
    save: (input) => api.sessions.update(session.id, input),
    body: () => [
      row(
        field({ name: 'startsAt', label: 'Starts', type: 'datetime-local', value: session.startsAt, required: true, autofocus: true }),
        lengthField(session.durationMinutes)),
      field({ name: 'topic', label: 'Topic', value: session.topic, maxlength: LIMITS.title }),
      row(
        field({ name: 'place', label: 'Place', value: session.place, maxlength: LIMITS.title }),
        field({ name: 'status', label: 'Status', type: 'select', options: SESSION_STATUSES, value: session.status, class: 'field-narrow' })),
    ],
  });
}
