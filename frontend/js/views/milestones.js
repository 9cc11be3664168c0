// A person's milestones and recognitions on their page: the list (newest
// first: kind, date, text, a Private badge), the small form that adds or
// edits one (kind, date, one line, shared or private), and delete with Undo.

import { h } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { formatDate, nowIn } from '../lib/format.js';
import { field, row, checkForm, FieldError } from '../lib/forms.js';
import { LIMITS } from '../lib/limits.js';
import { milestoneLabel } from '../lib/goals.js';
import { MILESTONE_CHOICES, milestoneFormValues, milestoneInput } from '../lib/growthpage.js';
import { emit } from '../state.js';
import * as api from '../api.js';
import { formDialog } from './dialog.js';
import { button, iconButton, section, emptyState } from './ui.js';
import { toast, reportError } from './toast.js';

/**
 * Opens the milestone form, to add one to a person or edit one.
 * @param {{personId: number, personName: string, milestone?: any}} o
 * @returns {Promise<any>} the saved milestone, or null when dismissed
 */
export function openMilestoneForm(o) {
  const v = milestoneFormValues(o.milestone, nowIn().date);
  return formDialog({
    testid: 'milestone-dialog',
    title: o.milestone ? 'Edit milestone' : `New milestone for ${o.personName}`,
    submitLabel: o.milestone ? 'Save changes' : 'Add milestone',
    body: () => [
      row(
        field({ name: 'kind', label: 'Kind', type: 'select', value: v.kind, options: MILESTONE_CHOICES }),
        field({ name: 'happenedOn', label: 'Date', what: 'Date', type: 'date', value: v.happenedOn, hint: 'Left empty, it is today.' })),
      field({ name: 'text', label: 'What happened', what: 'Text', value: v.text, required: true, maxlength: LIMITS.prose, autofocus: true, placeholder: 'e.g. Promoted to Senior Engineer' }),
      h('fieldset', { class: 'goal-visibility' },
        h('legend', { class: 'label' }, 'Who may see it'),
        h('label', { class: 'choice-inline' }, h('input', { type: 'radio', name: 'visibility', value: 'private', checked: v.visibility !== 'shared', testid: 'field-visibility-private' }), icon('lock', { size: 13 }), 'Private — only you'),
        h('label', { class: 'choice-inline' }, h('input', { type: 'radio', name: 'visibility', value: 'shared', checked: v.visibility === 'shared', testid: 'field-visibility-shared' }), 'Shared'),
        h('p', { class: 'hint' }, 'A private milestone stays on this computer: it is left out of every export, summary and sync.')),
    ],
    read: (form) => {
      const problems = checkForm(form);
      if (problems.length) throw new FieldError(problems[0].field, problems[0].message, problems);
      const val = (name) => /** @type {any} */ (form.elements.namedItem(name)).value;
      return milestoneInput({ kind: val('kind'), happenedOn: val('happenedOn'), text: val('text'), visibility: val('visibility') }, o.personId);
    },
    save: (input) => (o.milestone ? api.milestones.update(o.milestone.id, input) : api.milestones.add(input)),
  });
}

/**
 * Deletes a milestone and offers Undo in the toast; a restore emits
 * "milestones:changed" with the milestone, for whichever page shows it.
 * @param {{id: number, kind: string, text: string}} m
 * @param {{onDeleted: () => void}} o
 * @returns {Promise<boolean>} whether it was deleted
 */
export async function deleteMilestone(m, o) {
  let deleted;
  try {
    deleted = await api.milestones.remove(m.id);
  } catch (err) {
    reportError(err);
    return false;
  }
  o.onDeleted();
  toast(`Deleted the milestone “${m.text}”.`, {
    kind: 'success',
    action: {
      label: 'Undo', testid: 'undo-delete',
      run: async () => {
        try {
          const back = await api.milestones.restore(deleted);
          toast('Milestone restored.', { kind: 'success' });
          emit('milestones:changed', back);
        } catch (err) {
          reportError(err);
        }
      },
    },
  });
  return true;
}

/**
 * The "Milestones and recognitions" section of a person's page.
 * @param {{milestones: any[], onAdd: () => void, onEdit: (m: any) => void, onDelete: (m: any) => void}} o
 * @returns {HTMLElement}
 */
export function milestonesSection(o) {
  const thisYear = nowIn().date.slice(0, 4);
  const item = (m) => h('li', { class: ['milestone-row', m.visibility === 'private' && 'is-private'], testid: 'milestone-row', 'data-milestone-id': m.id, 'data-kind': m.kind, 'data-visibility': m.visibility },
    h('span', { class: 'milestone-icon', 'aria-hidden': 'true' }, icon('sparkles', { size: 14 })),
    h('span', { class: 'milestone-main' },
      h('span', { class: 'milestone-line' },
        h('span', { class: 'milestone-kind', testid: 'milestone-kind' }, milestoneLabel(m.kind)),
        h('span', { class: 'milestone-when', testid: 'milestone-date' }, formatDate(m.happenedOn, { withYear: m.happenedOn.slice(0, 4) !== thisYear })),
        m.visibility === 'private' ? h('span', { class: 'goal-private', testid: 'milestone-private', title: 'Private: never exported' }, icon('lock', { size: 11 }), 'Private') : null),
      h('span', { class: 'milestone-text', testid: 'milestone-text' }, m.text)),
    h('span', { class: 'goal-actions' },
      iconButton('pencil', `Edit the milestone “${m.text}”`, () => o.onEdit(m), { testid: 'edit-milestone' }),
      iconButton('trash', `Delete the milestone “${m.text}”`, () => o.onDelete(m), { testid: 'delete-milestone', class: 'icon-btn-danger' })));
  return section({
    title: 'Milestones and recognitions', id: 'milestones', testid: 'milestones-section',
    actions: [button({ label: 'Add milestone', icon: 'plus', size: 'sm', testid: 'add-milestone', onclick: o.onAdd })],
  },
  o.milestones.length
    ? h('ol', { class: 'list-card milestone-list', testid: 'milestone-list', 'aria-label': 'Milestones, newest first' }, o.milestones.map(item))
    : emptyState({ icon: 'sparkles', title: 'No milestones yet', text: 'A promotion, a new role, a certification, praise or feedback received: note it here with its date.', compact: true, testid: 'milestones-empty' }));
}
