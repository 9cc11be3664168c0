// A note's history: its earlier versions, newest first; one chosen shows
// beside the current text with the changed lines marked, and can be restored.

import { h, replace } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { diffLines, diffStats, sideBySide } from '../lib/diff.js';
import { plural, formatDateTime, nowIn } from '../lib/format.js';
import * as api from '../api.js';
import { modal } from './dialog.js';
import { button } from './ui.js';
import { toast } from './toast.js';

const REASONS = {
  typing: 'While typing',
  'session-end': 'When the session ended',
  'before-restore': 'Before a restore',
  restore: 'Restored',
};

/**
 * "Wed 2 Dec, 14:05" for a moment, in the circle's time zone, as the app
 * shows every time (this computer's zone when the circle has none).
 * @param {string} iso
 * @param {string} [timeZone] IANA name
 * @returns {string}
 */
export function when(iso, timeZone) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return formatDateTime(nowIn(timeZone, d).dateTime, { withYear: false });
}

/**
 * Opens the history of a note.
 * @param {{note: any, current: string, title: string, timeZone?: string, onRestored: (note: any) => void}} o
 *   timeZone: the circle's, in which the versions' times are shown
 */
export function openHistory(o) {
  const list = h('ol', { class: 'rev-list', role: 'listbox', testid: 'revision-list', 'aria-label': 'Versions, newest first' });
  const view = h('div', { class: 'rev-view', testid: 'revision-view' }, h('p', { class: 'muted small' }, 'Loading versions…'));
  let revisions = [];
  let dlgRef = null;

  const lineCell = (line, side) => {
    if (!line) return h('div', { class: 'diff-cell is-empty', 'aria-hidden': 'true' });
    const cls = line.op === 'same' ? '' : side === 'left' ? 'is-del' : 'is-add';
    return h('div', { class: ['diff-cell', cls] }, line.text || ' ');
  };

  const show = (rev) => {
    for (const li of list.querySelectorAll('[data-revision-id]')) li.setAttribute('aria-selected', li.getAttribute('data-revision-id') === String(rev.id) ? 'true' : 'false');
    const diff = diffLines(rev.body || '', o.current);
    const stats = diffStats(diff);
    const restore = button({ label: 'Restore this version', icon: 'restore', variant: 'primary', testid: 'restore-revision' });
    restore.addEventListener('click', async () => {
      restore.disabled = true;
      try {
        const note = await api.notes.restore(o.note.id, rev.id);
        o.onRestored(note);
        toast(`Restored the version from ${when(rev.createdAt, o.timeZone)}.`, { kind: 'success' });
        dlgRef?.close();
      } catch (err) {
        restore.disabled = false;
        toast(err.message, { kind: 'error' });
      }
    });
    const same = stats.added === 0 && stats.removed === 0;
    replace(view,
      h('div', { class: 'rev-view-head' },
        h('p', { class: 'rev-summary' }, same ? 'Same as the current text.' : `${plural(stats.removed, 'line')} only in this version, ${plural(stats.added, 'line')} only now.`),
        restore),
      h('div', { class: 'diff', testid: 'revision-diff' },
        h('div', { class: 'diff-head' }, h('span', null, `This version · v${rev.version}`), h('span', null, 'Now')),
        h('div', { class: 'diff-rows', role: 'region', 'aria-label': 'Changes', tabindex: '0' }, sideBySide(diff).map((r) => h('div', { class: 'diff-row' }, lineCell(r.left, 'left'), lineCell(r.right, 'right'))))));
    restore.disabled = same;
  };

  const renderList = () => {
    if (!revisions.length) {
      list.hidden = true;
      list.after(h('p', { class: 'muted small rev-empty' }, 'No earlier versions yet. One is kept every few minutes while you type, and when the session ends.'));
      replace(view);
      return;
    }
    replace(list, revisions.map((r) => {
      const li = h('li', { class: 'rev-row', role: 'option', tabindex: '0', testid: 'revision-row', 'data-revision-id': r.id, 'aria-selected': 'false' },
        h('span', { class: 'rev-when' }, when(r.createdAt, o.timeZone)),
        h('span', { class: 'rev-meta' }, `v${r.version} · ${REASONS[r.reason] || r.reason}`));
      li.addEventListener('click', () => show(r));
      li.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          show(r);
        } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const sib = /** @type {HTMLElement|null} */ (e.key === 'ArrowDown' ? li.nextElementSibling : li.previousElementSibling);
          if (sib) {
            sib.focus();
            sib.click();
          }
        }
      });
      return li;
    }));
    show(revisions[0]);
  };

  const back = document.activeElement;
  modal({ testid: 'history-dialog', title: `History — ${o.title}`, size: 'lg', onclose: () => { if (back instanceof HTMLElement) back.focus(); } }, (dlg, titleId) => {
    dlgRef = dlg;
    return h('div', { class: 'dialog-form' },
      h('div', { class: 'dialog-head' },
        h('h2', { class: 'dialog-title', id: titleId }, icon('restore', { size: 18 }), `History — ${o.title}`),
        h('button', { type: 'button', class: 'icon-btn', 'aria-label': 'Close', title: 'Close (Esc)', testid: 'close-dialog', onclick: () => dlg.close() }, icon('x', { size: 16 }))),
      h('div', { class: 'dialog-body rev-body' }, h('div', { class: 'rev-side' }, list), view));
  });

  api.notes.revisions(o.note.id).then((revs) => {
    revisions = revs || [];
    renderList();
    /** @type {HTMLElement|null} */ (list.querySelector('[data-testid="revision-row"]'))?.focus();
  }, (err) => {
    replace(view, h('p', { class: 'form-error', role: 'alert' }, err.message));
  });
}
