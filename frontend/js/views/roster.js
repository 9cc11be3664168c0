// The session's attendance list: one-click status buttons per member and
// "Mark everyone present".

import { h, replace, focusKey, refocus } from '../lib/dom.js';
import { STATUSES, statusLabel, statusLetter, tally, tallySummary } from '../lib/attendance.js';
import { roleLabel } from '../lib/labels.js';
import { href } from '../router.js';
import * as api from '../api.js';
import { avatar, section, button, saveStatus, emptyState } from './ui.js';
import { reportError } from './toast.js';

/**
 * Builds the attendance section of a session page.
 * @param {{session: any, roster: any[], circle: any}} page
 * @param {{onChange?: (page: any) => void}} [o] told the new session page after each mark
 * @returns {HTMLElement}
 */
export function rosterSection(page, o = {}) {
  let roster = page.roster || [];
  const status = saveStatus('roster-status');
  const list = h('div', { class: 'list-card roster', testid: 'roster' });
  const summary = h('p', { class: 'roster-summary', testid: 'roster-summary' });

  const apply = (p) => {
    const key = focusKey(document.activeElement);
    roster = p.roster || [];
    render();
    refocus(list, key);
    o.onChange?.(p);
  };

  // Marks are sent one after another, so the page always ends on the last click.
  let chain = Promise.resolve();
  const mark = (personId, value) => {
    status.saving();
    chain = chain.then(async () => {
      try {
        apply(await api.sessions.markAttendance(page.session.id, personId, value));
        status.saved();
      } catch (err) {
        status.failed('Not saved');
        reportError(err);
      }
    });
    return chain;
  };

  const everyone = button({ label: 'Mark everyone present', icon: 'check-all', testid: 'mark-everyone', title: 'Marks everyone not yet marked as present' });
  everyone.addEventListener('click', async () => {
    everyone.disabled = true;
    status.saving();
    try {
      apply(await api.sessions.markEveryone(page.session.id, 'present'));
      status.saved();
    } catch (err) {
      status.failed('Not saved');
      reportError(err);
    } finally {
      render();
    }
  });

  const row = (r) => h('div', { class: 'roster-row', testid: 'roster-row', 'data-person-id': r.personId, 'data-status': r.status },
    avatar(r.name, { size: 'sm' }),
    h('span', { class: 'roster-main' },
      h('a', { href: href('person', r.personId), class: 'roster-name' }, r.name),
      h('span', { class: 'roster-role' }, r.role ? roleLabel(r.role) : 'Not a member')),
    h('span', { class: 'mark-buttons', role: 'group', 'aria-label': `Attendance for ${r.name}` },
      STATUSES.map((s) => h('button', {
        type: 'button', class: `mark-btn mark-btn-${s}`, testid: `mark-${s}`, 'data-person-id': r.personId,
        'aria-pressed': r.status === s ? 'true' : 'false',
        title: r.status === s ? `${statusLabel(s)} — click again to clear` : statusLabel(s),
        'aria-label': `${statusLabel(s)}: ${r.name}`,
        onclick: () => mark(r.personId, r.status === s ? '' : s),
      }, h('span', { class: 'mark-btn-letter', 'aria-hidden': 'true' }, statusLetter(s)), h('span', { class: 'mark-btn-word' }, statusLabel(s))))));

  const render = () => {
    if (!roster.length) {
      replace(list, emptyState({ icon: 'people', title: 'No members to mark', text: 'Add members to the circle first.', compact: true, actions: [h('a', { class: 'btn btn-secondary', href: href('circle', page.circle.id) }, 'Open the circle')] }));
    } else {
      replace(list, roster.map(row));
    }
    const t = tally(roster.map((r) => r.status).filter(Boolean));
    const unmarked = roster.filter((r) => !r.status).length;
    summary.textContent = `${tallySummary(t)}${unmarked ? ` · ${unmarked} not marked` : ''}`;
    everyone.disabled = !unmarked;
  };

  render();
  return section({ title: 'Attendance', id: 'roster', aside: status.el, actions: [everyone], testid: 'roster-section' }, summary, list);
}
