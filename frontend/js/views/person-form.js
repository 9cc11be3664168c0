// The person form dialog: create or edit a person (every PersonInput field).

import { h } from '../lib/dom.js';
import { field, row, readForm } from '../lib/forms.js';
import { LIMITS } from '../lib/limits.js';
import { icon } from '../lib/icons.js';
import * as api from '../api.js';
import { formDialog } from './dialog.js';
import { localTimeZone } from '../lib/format.js';
import { zoneField } from './zone-field.js';
import { similarWarning } from './similar.js';
import { go, href } from '../router.js';

/** The PersonInput fields and how to read them. */
export const PERSON_SPEC = {
  name: 'text', email: 'text', pronouns: 'text', title: 'text', team: 'text', location: 'text',
  timeZone: 'text', startDate: 'text', strengths: 'text', growthAreas: 'text', privateNote: 'text',
  organization: 'text', roleWanted: 'text', languages: 'text', capacity: 'int', cohort: 'text', orgPref: 'text',
};

/** Where a person wants a matching partner from: value and label. */
export const ORG_PREF = [{ value: '', label: 'Another organization' }, { value: 'same', label: 'Their organization' }, { value: 'any', label: 'Either' }];

/** What a person may want in matching: value and label. */
export const ROLE_WANTED = [
  { value: '', label: 'Not in matching' }, { value: 'mentor', label: 'Mentor' }, { value: 'mentee', label: 'Mentee' }, { value: 'both', label: 'Either' },
];

/**
 * Opens the person form.
 * @param {any} [person] the person to edit; omitted for a new one
 * @param {{name?: string}} [o] a name to start a new person with
 * @returns {Promise<any>} the saved person, or null when dismissed
 */
export function openPersonForm(person, o = {}) {
  const v = person || { name: o.name || '', timeZone: '' };
  // A new person may already be in Circlebook: warn, and offer to open them instead.
  const warning = person ? null : similarWarning({
    action: 'open',
    onPick: (p) => {
      /** @type {HTMLDialogElement|null} */ (warning.el.closest('dialog'))?.close();
      go(href('person', p.id));
    },
  });
  const checkSimilar = (form) => warning?.check(form.elements.namedItem('name').value, form.elements.namedItem('email').value);
  return formDialog({
    testid: 'person-dialog',
    title: person ? 'Edit person' : 'New person',
    submitLabel: person ? 'Save changes' : 'Add person',
    size: 'lg',
    read: (form) => readForm(form, PERSON_SPEC),
    save: (input) => (person ? api.people.update(person.id, input) : api.people.create(input)),
    ready: (form) => {
      if (!warning) return;
      form.addEventListener('input', (e) => ['name', 'email'].includes(/** @type {any} */ (e.target).name) && checkSimilar(form));
      checkSimilar(form); // a name carried over from the people search
    },
    body: () => [
      row(
        field({ name: 'name', label: 'Name', value: v.name, required: true, maxlength: LIMITS.name, autofocus: true }),
        field({ name: 'pronouns', label: 'Pronouns', value: v.pronouns, maxlength: LIMITS.title, placeholder: 'e.g. she/her', class: 'field-narrow' })),
      field({ name: 'email', label: 'Email', type: 'email', value: v.email, maxlength: LIMITS.email, placeholder: 'name@example.org' }),
      warning?.el,
      row(
        field({ name: 'title', label: 'Title', value: v.title, maxlength: LIMITS.title }),
        field({ name: 'team', label: 'Team', value: v.team, maxlength: LIMITS.title })),
      row(
        field({ name: 'location', label: 'Location', value: v.location, maxlength: LIMITS.title }),
        zoneField({ name: 'timeZone', label: 'Time zone', value: v.timeZone, first: localTimeZone(), placeholder: localTimeZone() }),
        field({ name: 'startDate', label: 'Started', type: 'date', value: v.startDate, notFuture: true, hint: 'For tenure' })),
      row(
        field({ name: 'strengths', label: 'Strengths', type: 'textarea', rows: 3, value: v.strengths, maxlength: LIMITS.prose }),
        field({ name: 'growthAreas', label: 'Growth areas', type: 'textarea', rows: 3, value: v.growthAreas, maxlength: LIMITS.prose })),
      row(
        field({ name: 'organization', label: 'Organization', value: v.organization, maxlength: LIMITS.title }),
        field({ name: 'languages', label: 'Languages', value: v.languages, maxlength: LIMITS.title, placeholder: 'e.g. English, Spanish' }),
        field({ name: 'cohort', label: 'Cohort', value: v.cohort, maxlength: LIMITS.title, placeholder: 'e.g. 2026 spring' })),
      row(
        field({ name: 'roleWanted', label: 'In matching', type: 'select', value: v.roleWanted || '', options: ROLE_WANTED }),
        field({ name: 'capacity', label: 'Mentees they take', type: 'number', value: v.capacity || 0, min: 0, max: 20, step: 1, class: 'field-narrow', hint: 'As a mentor' }),
        field({ name: 'orgPref', label: 'Partner from', type: 'select', value: v.orgPref || '', options: ORG_PREF })),
      h('div', { class: 'private-field' },
        h('p', { class: 'private-flag' }, icon('lock', { size: 14 }), 'Private — never exported'),
        field({ name: 'privateNote', label: 'Private note', type: 'textarea', rows: 4, value: v.privateNote, maxlength: LIMITS.prose, hint: 'Only you see this. It stays on this computer and is left out of every export.' })),
    ],
  });
}
