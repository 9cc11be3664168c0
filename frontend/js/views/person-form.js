// The person form dialog: create or edit a person (every PersonInput field).

import { h, uid } from '../lib/dom.js';
import { field, row, readForm } from '../lib/forms.js';
import { timeZoneChoices } from '../lib/labels.js';
import { icon } from '../lib/icons.js';
import * as api from '../api.js';
import { formDialog } from './dialog.js';
import { localTimeZone } from './circle-form.js';

/** The PersonInput fields and how to read them. */
export const PERSON_SPEC = {
  name: 'text', email: 'text', pronouns: 'text', title: 'text', team: 'text', location: 'text',
  timeZone: 'text', startDate: 'text', strengths: 'text', growthAreas: 'text', privateNote: 'text',
};

/**
 * Opens the person form.
 * @param {any} [person] the person to edit; omitted for a new one
 * @param {{name?: string}} [o] a name to start a new person with
 * @returns {Promise<any>} the saved person, or null when dismissed
 */
export function openPersonForm(person, o = {}) {
  const v = person || { name: o.name || '', timeZone: '' };
  const tzListId = uid('tz');
  return formDialog({
    testid: 'person-dialog',
    title: person ? 'Edit person' : 'New person',
    submitLabel: person ? 'Save changes' : 'Add person',
    size: 'lg',
    read: (form) => readForm(form, PERSON_SPEC),
    save: (input) => (person ? api.people.update(person.id, input) : api.people.create(input)),
    body: () => [
      row(
        field({ name: 'name', label: 'Name', value: v.name, required: true, autofocus: true }),
        field({ name: 'pronouns', label: 'Pronouns', value: v.pronouns, placeholder: 'e.g. she/her', class: 'field-narrow' })),
      field({ name: 'email', label: 'Email', type: 'email', value: v.email, placeholder: 'name@example.org' }),
      row(
        field({ name: 'title', label: 'Title', value: v.title }),
        field({ name: 'team', label: 'Team', value: v.team })),
      row(
        field({ name: 'location', label: 'Location', value: v.location }),
        field({ name: 'timeZone', label: 'Time zone', value: v.timeZone, list: tzListId, placeholder: localTimeZone() }),
        field({ name: 'startDate', label: 'Started', type: 'date', value: v.startDate, hint: 'For tenure' })),
      h('datalist', { id: tzListId }, timeZoneChoices(localTimeZone()).map((z) => h('option', { value: z }))),
      row(
        field({ name: 'strengths', label: 'Strengths', type: 'textarea', rows: 3, value: v.strengths }),
        field({ name: 'growthAreas', label: 'Growth areas', type: 'textarea', rows: 3, value: v.growthAreas })),
      h('div', { class: 'private-field' },
        h('p', { class: 'private-flag' }, icon('lock', { size: 14 }), 'Private — never exported'),
        field({ name: 'privateNote', label: 'Private note', type: 'textarea', rows: 4, value: v.privateNote, hint: 'Only you see this. It stays on this computer and is left out of every export.' })),
    ],
  });
}
