// Member dialogs: add a person to a circle (an existing one picked from a
// searchable list, or a new one created inline) and edit a membership.

import { h, replace, uid } from '../lib/dom.js';
import { field, row, readForm, errorSlot } from '../lib/forms.js';
import { LIMITS } from '../lib/limits.js';
import { ROLES, personSubtitle } from '../lib/labels.js';
import { nowIn, formatCount } from '../lib/format.js';
import { debounce } from '../lib/debounce.js';
import { icon } from '../lib/icons.js';
import * as api from '../api.js';
import { formDialog } from './dialog.js';
import { avatar } from './ui.js';
import { similarWarning } from './similar.js';

/** People the picker shows at once; typing narrows them down. */
const SHOWN = 8;

/**
 * The role a new member most likely has: in a pair the mentor first, then the mentee.
 * @param {{kind: string}} circle
 * @param {{role: string}[]} members
 * @returns {string}
 */
export function defaultRole(circle, members) {
  if (circle.kind === 'pair') return members.some((m) => m.role === 'mentor') ? 'mentee' : 'mentor';
  return members.length === 0 ? 'leader' : 'mentee';
}

/**
 * Opens the add-member dialog.
 * @param {any} circle
 * @param {any[]} members the circle's current members
 * @returns {Promise<any>} the new membership, or null when dismissed
 */
export function openAddMember(circle, members) {
  const inCircle = new Set(members.map((m) => m.personId));
  let mode = 'existing';
  let warning = null;
  return formDialog({
    testid: 'member-dialog',
    title: `Add a member to ${circle.name}`,
    submitLabel: 'Add member',
    read: (form) => ({
      ...readForm(form, { personId: 'int', name: 'text', email: 'text', pronouns: 'text', role: 'text', joinedOn: 'text' }),
      mode,
    }),
    save: async (input) => {
      const membership = { personId: input.personId, role: input.role, joinedOn: input.joinedOn, leftOn: '' };
      if (input.mode !== 'new') return api.circles.addMember(circle.id, membership);
      // One action, one call: the person and the membership are written together or not at all.
      const person = { name: input.name, email: input.email, pronouns: input.pronouns, title: '', team: '', location: '', timeZone: '', startDate: '', strengths: '', growthAreas: '', privateNote: '' };
      const m = await api.circles.addNewMember(circle.id, person, { ...membership, personId: 0 });
      warning?.dispose();
      return m;
    },
    body: (form) => {
      const results = h('div', { class: 'pick-list', role: 'radiogroup', 'aria-label': 'People', testid: 'person-options' });
      const status = h('p', { class: 'pick-status', 'aria-live': 'polite' });
      const search = h('input', {
        type: 'search', class: 'input', placeholder: 'Search people by name, email, team or title', testid: 'person-search',
        'aria-label': 'Search people', 'data-control-for': 'personId', autocomplete: 'off', autofocus: true,
      });
      let seq = 0;
      /** @returns {Promise<boolean>} whether these results are the ones shown */
      const load = async () => {
        const q = /** @type {HTMLInputElement} */ (search).value.trim();
        const mine = ++seq;
        try {
          const r = await api.people.list({ query: q, limit: SHOWN });
          if (mine !== seq) return false;
          renderResults(r.people || [], r.total || 0, !!r.capped, q);
          return true;
        } catch (err) {
          if (mine === seq) status.textContent = err.message;
          return false;
        }
      };
      const renderResults = (list, total, capped, q) => {
        const selected = /** @type {HTMLInputElement|null} */ (form.querySelector('input[name=personId]:checked'))?.value;
        const shown = list.slice(0, SHOWN);
        replace(results, shown.map((p) => {
          const taken = inCircle.has(p.id);
          return h('label', { class: ['pick', taken && 'is-disabled'], testid: 'person-option', 'data-person-id': p.id },
            h('input', { type: 'radio', name: 'personId', value: p.id, disabled: taken, checked: String(p.id) === selected }),
            avatar(p.name, { size: 'sm' }),
            h('span', { class: 'pick-text' },
              h('span', { class: 'pick-name' }, p.name),
              h('span', { class: 'pick-sub' }, taken ? 'Already in this circle' : personSubtitle(p) || p.email || '')));
        }));
        if (!list.length) status.textContent = q ? `No one matches “${q}”. Switch to “New person” to add them.` : 'No people yet. Switch to “New person” to add someone.';
        else if (capped || total > shown.length) status.textContent = `Showing ${shown.length} of ${capped ? `${formatCount(total - 1)}+` : formatCount(total)} — type to narrow it down.`;
        else status.textContent = '';
      };
      search.addEventListener('input', debounce(load, 180));
      search.addEventListener('keydown', (e) => {
        // Down arrow from the search box moves into the list.
        // Enter with no one chosen picks the first match instead of submitting.
        if (e.key === 'Enter' && !form.querySelector('input[name=personId]:checked')) {
          const first = /** @type {HTMLInputElement|null} */ (results.querySelector('input:not([disabled])'));
          if (first) { e.preventDefault(); first.checked = true; }
        }
        if (e.key === 'ArrowDown') {
          const first = /** @type {HTMLInputElement|null} */ (results.querySelector('input:not([disabled])'));
          if (first) { e.preventDefault(); first.checked = true; first.focus(); }
        }
      });
      load();

      const existing = h('div', { class: 'mode-panel', testid: 'member-existing' },
        h('div', { class: 'search-box' }, icon('search', { size: 16 }), search),
        results, status, errorSlot('personId', uid('err-person')));
      // Someone already in Circlebook under this name or email: offer them instead of a duplicate.
      const useExisting = async (p) => {
        setMode('existing');
        /** @type {HTMLInputElement} */ (search).value = p.name;
        if (!(await load())) return;
        const radio = /** @type {HTMLInputElement|null} */ (results.querySelector(`input[name=personId][value="${Number(p.id)}"]`));
        if (radio && !radio.disabled) {
          radio.checked = true;
          radio.focus();
        }
      };
      warning = similarWarning({ action: 'add', onPick: useExisting });
      const fresh = h('div', { class: 'mode-panel', testid: 'member-new', hidden: true },
        row(
          field({ name: 'name', label: 'Name', required: true, maxlength: LIMITS.name }),
          field({ name: 'pronouns', label: 'Pronouns', maxlength: LIMITS.title, placeholder: 'e.g. they/them', class: 'field-narrow' })),
        field({ name: 'email', label: 'Email', type: 'email', maxlength: LIMITS.email, placeholder: 'name@example.org', hint: 'You can add the rest of their profile later.' }),
        warning.el);
      fresh.addEventListener('input', () => {
        const value = (n) => /** @type {HTMLInputElement} */ (fresh.querySelector(`[name=${n}]`)).value;
        warning.check(value('name'), value('email'));
      });

      const setMode = (m) => {
        mode = m;
        existing.hidden = m !== 'existing';
        fresh.hidden = m !== 'new';
        (m === 'new' ? /** @type {HTMLElement} */ (fresh.querySelector('input')) : search).focus();
      };
      const seg = (m, label, iconName) => h('label', { class: 'segment' },
        h('input', { type: 'radio', name: 'mode', value: m, checked: m === 'existing', testid: `member-mode-${m}`, onchange: () => setMode(m) }),
        h('span', null, icon(iconName, { size: 14 }), label));
      return [
        h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': 'Who to add' }, seg('existing', 'Existing person', 'search'), seg('new', 'New person', 'user-plus')),
        existing, fresh,
        row(
          field({ name: 'role', label: 'Role', type: 'select', options: ROLES, value: defaultRole(circle, members) }),
          field({ name: 'joinedOn', label: 'Joined', type: 'date', value: nowIn().date })),
        circle.kind === 'pair' ? h('p', { class: 'hint' }, 'A 1:1 pair has one mentor and one mentee.') : null,
      ];
    },
  });
}

/**
 * Opens the edit-member dialog: role and dates.
 * @param {any} member a circle page member
 * @returns {Promise<any>} the saved membership, or null when dismissed
 */
export function openEditMember(member) {
  return formDialog({
    testid: 'member-edit-dialog',
    title: `Edit ${member.name}’s membership`,
    read: (form) => ({ personId: member.personId, ...readForm(form, { role: 'text', joinedOn: 'text', leftOn: 'text' }) }),
    save: (input) => api.circles.updateMember(member.membershipId, input),
    body: () => [
      field({ name: 'role', label: 'Role', type: 'select', options: ROLES, value: member.role, autofocus: true }),
      row(
        field({ name: 'joinedOn', label: 'Joined', type: 'date', value: member.joinedOn }),
        field({ name: 'leftOn', label: 'Left', type: 'date', value: member.leftOn, hint: 'Set when they leave; their history stays.' })),
    ],
  });
}
