// The live screen's notes: shared and private Markdown in plain textareas
// (never re-rendered while typing), each with its own autosaver, a rendered
// preview beside them, the history of each note, and recovery of text that
// did not reach the database. Each save names the version its text was typed
// on; when someone else saved the note since, a panel beside it shows their
// text and lets the leader keep either, the other kept in History.

import { h, kbd } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { createSaver, saveLabel } from '../lib/saver.js';
import { draftKey, pickRecovery, clockTime } from '../lib/live.js';
import { actionLineHint, inFence, lineAt } from '../lib/actionline.js';
import { debounce } from '../lib/debounce.js';
import { addFlusher, on, pref, setPref, appInfo } from '../state.js';
import * as api from '../api.js';
import { button } from './ui.js';
import { reportError, toast } from './toast.js';
import { setSanitizedHTML, interceptLinks } from './html.js';
import { openHistory } from './history.js';
import { conflictPanel } from './conflict.js';
import { keepMine, useTheirs } from '../lib/conflict.js';

/** @typedef {'shared'|'private'} Visibility */

const PREVIEW_DEBOUNCE_MS = 150;
const PLACEHOLDER = {
  shared: 'Type while people talk. Markdown works: **bold**, - lists, ## headings.\n- [ ] @Ana send the deck due:friday  becomes an action item when you finish the line.',
  private: 'Only you see these notes: they are never exported or put in a summary.',
};

/**
 * Reads the draft this window kept for a note, if any.
 * @param {string} key
 * @returns {{body: string, at: string, version?: number}|null}
 */
function readLocal(key) {
  try {
    const v = localStorage.getItem(key);
    const d = v ? JSON.parse(v) : null;
    return d && typeof d.body === 'string' ? d : null;
  } catch {
    return null;
  }
}

function removeLocal(key) {
  try {
    localStorage.removeItem(key);
  } catch {
    // storage unavailable: nothing was kept
  }
}

/**
 * Builds the notes panel.
 * @param {any} page the session page (session, notes, roster)
 * @param {{onActions?: (items: any[]) => void, onRestored?: () => void}} [o]
 * @returns {{el: HTMLElement, flush: (o?: import('../state.js').FlushOptions) => Promise<boolean>, dispose: () => void, focus: () => void, toggleVisibility: () => void, togglePreview: () => void, recover: (drafts: any[]) => void}}
 */
export function notesPanel(page, o = {}) {
  const sessionId = page.session.id;
  const members = (page.roster || []).filter((r) => r.role).map((r) => ({ personId: r.personId, name: r.name, email: r.email || '' }));
  const day = String(page.session.startsAt || '').slice(0, 10);
  /** @type {Visibility} */
  let active = pref(`live.notes.${sessionId}`, 'shared') === 'private' ? 'private' : 'shared';
  let previewOn = pref('live.preview', true);
  let unloading = false;
  let disposed = false;
  const cleanups = [];

  const previewEl = h('div', { class: 'preview md', testid: 'preview', role: 'region', 'aria-label': 'Preview', tabindex: '0' });
  cleanups.push(interceptLinks(previewEl));
  const hint = h('p', { class: 'notes-hint', testid: 'action-hint', 'aria-live': 'polite' });
  const banners = h('div', { class: 'recover-banners' });

  /** @param {Visibility} vis */
  const makePane = (vis) => {
    let note = page.notes && page.notes[vis] ? { ...page.notes[vis] } : { id: 0, body: '', version: 0 };
    const key = draftKey(sessionId, vis, appInfo().dataFile);
    // Text Go refused in a conflict is kept under a key of its own, which
    // another tab's saves of the same note never clear.
    const conflictKey = `${key}.conflict`;
    let mirrorPaused = false; // while a recovered draft waits for Restore or Discard
    let mirrorTimer = null;
    let mirrorBody = '';
    const writeMirror = () => {
      mirrorTimer = null;
      if (mirrorPaused) return;
      const snap = saver.snapshot();
      const draft = { body: mirrorBody, at: new Date().toISOString(), version: snap.version };
      try {
        if (snap.conflict) localStorage.setItem(conflictKey, JSON.stringify({ ...draft, conflict: true }));
        else localStorage.setItem(key, JSON.stringify(draft));
      } catch {
        // full or unavailable storage: Go's own journal is the net
      }
    };
    const textarea = /** @type {HTMLTextAreaElement} */ (h('textarea', {
      class: ['notes-text', `notes-text-${vis}`], testid: `notes-${vis}`, 'data-visibility': vis,
      spellcheck: 'false', autocomplete: 'off', 'aria-label': vis === 'private' ? 'Private notes (only you)' : 'Shared notes',
      placeholder: PLACEHOLDER[vis],
    }));
    textarea.value = note.body || '';
    const status = h('span', { class: 'save-status notes-status is-saved', role: 'status', 'aria-live': 'polite', testid: 'save-status', 'data-visibility': vis, 'data-state': 'saved' }, 'Saved');
    const tab = h('button', {
      type: 'button', role: 'tab', class: ['notes-tab', `notes-tab-${vis}`], testid: `tab-${vis}`, id: `notes-tab-${vis}`,
      'aria-controls': `notes-pane-${vis}`, title: vis === 'private' ? 'Private notes — only you, never exported' : 'Shared notes — may go into summaries',
    }, vis === 'private' ? icon('lock', { size: 13 }) : null, vis === 'private' ? 'Private' : 'Shared', h('span', { class: 'tab-dot', 'aria-hidden': 'true' }));
    const history = button({ label: 'History', icon: 'restore', size: 'sm', variant: 'ghost', testid: 'history', title: 'Earlier versions of these notes' });
    history.dataset.visibility = vis;
    history.disabled = !note.id;
    const paneEl = h('div', { class: ['notes-pane', `notes-pane-${vis}`], id: `notes-pane-${vis}`, role: 'tabpanel', 'aria-labelledby': `notes-tab-${vis}`, 'data-visibility': vis },
      vis === 'private'
        ? h('p', { class: 'private-flag-bar', testid: 'private-flag' }, icon('lock', { size: 13 }), h('strong', null, 'Private'), ' — only you, never exported')
        : null,
      textarea);

    const saver = createSaver({
      text: note.body || '',
      version: note.version || 0,
      save: async (body, base) => {
        // keepalive lets the request outlive a closing tab; browsers cap its body at 64 KB.
        const res = await api.notes.saveFrom(sessionId, vis, base, body, { keepalive: unloading && body.length < 16000 });
        note = res.note;
        history.disabled = !note.id;
        if (!disposed) o.onActions?.(res.actions || []);
        return note.version;
      },
      mirror: {
        // At most one copy a second: a 50,000-word note is 300 KB, and
        // copying it on every keystroke would make typing stutter.
        write: (body) => {
          if (mirrorPaused) return;
          mirrorBody = body;
          if (mirrorTimer === null) mirrorTimer = setTimeout(writeMirror, 1000);
        },
        clear: () => {
          clearTimeout(mirrorTimer);
          mirrorTimer = null;
          if (mirrorPaused) return;
          removeLocal(key);
          removeLocal(conflictKey);
        },
      },
      onConflict: () => {
        keepMirrorNow();
        showConflict(null);
      },
      onChange: (snap) => {
        // Touch the DOM only when the status changes: in WebKitGTK a style
        // change per keystroke re-lays-out the live screen and typing lags.
        const label = saveLabel(snap);
        if (label === status.textContent && status.dataset.state === snap.state) return;
        status.textContent = label;
        status.dataset.state = snap.state;
        status.className = `save-status notes-status is-${snap.state}`;
        status.title = snap.state === 'error' ? 'Your text is kept on this computer and saved again automatically.'
          : snap.state === 'conflict' ? 'Someone else saved these notes: choose which text to keep.' : '';
        tab.dataset.state = snap.state;
        // A restore would replace the text the conflict holds: History waits for a choice.
        history.disabled = !note.id || snap.conflict;
        if (!snap.conflict && conflict) {
          conflict.remove();
          conflict = null;
        }
      },
    });
    const keepMirrorNow = () => { if (mirrorTimer !== null) { clearTimeout(mirrorTimer); writeMirror(); } };

    // ---- a conflict: someone else saved this note after the version typed on ----
    /** @type {ReturnType<typeof conflictPanel>|null} */
    let conflict = null;
    const setAside = (text) => api.notes.setAside(sessionId, vis, text);
    /**
     * Shows the conflict panel with the note as Go has it (read now when not given).
     * @param {any} other
     */
    const showConflict = async (other) => {
      if (!conflict) {
        conflict = conflictPanel({
          vis, timeZone: page.circle?.timeZone,
          onKeepMine: async (theirs) => {
            try {
              await keepMine({ other: theirs, setAside, saver });
            } finally {
              // The panel goes once the text is sent: the keyboard goes back to the notes.
              if (!conflict || !conflict.el.contains(document.activeElement)) textarea.focus();
            }
          },
          onUseTheirs: async (theirs) => {
            textarea.readOnly = true; // what is set aside is what the editor shows
            try {
              const mine = textarea.value;
              textarea.value = await useTheirs({ mine, other: theirs, setAside, saver });
              note = { ...note, ...theirs };
              history.disabled = !note.id;
              if (vis === active) renderPreview();
              toast(mine && mine !== theirs.body ? 'Your text is kept in History.' : 'Their text is in the editor now.', { kind: 'success' });
            } finally {
              textarea.readOnly = false;
              textarea.focus();
            }
          },
          onRetry: () => showConflict(null),
        });
        paneEl.insertBefore(conflict.el, textarea);
      }
      const panel = conflict;
      panel.loading();
      try {
        const theirs = other || await api.notes.current(sessionId, vis);
        if (panel === conflict) panel.show(theirs);
      } catch (err) {
        if (panel === conflict) panel.failed(err.message);
      }
    };

    textarea.addEventListener('input', () => {
      saver.input(textarea.value);
      if (previewOn && vis === active) schedulePreview();
      updateHint();
    });
    textarea.addEventListener('keyup', updateHint);
    textarea.addEventListener('click', updateHint);
    textarea.addEventListener('blur', () => {
      saver.flush();
    });
    history.addEventListener('click', async () => {
      if (!note.id) return;
      await saver.flush();
      openHistory({
        note, current: textarea.value, title: vis === 'private' ? 'Private notes' : 'Shared notes', timeZone: page.circle?.timeZone,
        onRestored: (restored) => {
          note = restored;
          textarea.value = restored.body || '';
          saver.reset(textarea.value, restored.version);
          if (vis === active) renderPreview();
          o.onRestored?.();
        },
      });
    });
    tab.addEventListener('click', () => select(vis, true));
    tab.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        e.preventDefault();
        select(vis === 'shared' ? 'private' : 'shared', false);
        panes[active].tab.focus();
      }
    });

    /**
     * Keeps text a conflict holds as a revision when no more typing follows
     * (the window closing, the screen left), so the database has it too; the
     * conflict itself comes back from this window's draft on the next visit.
     */
    const keepConflicted = async () => {
      if (!saver.snapshot().conflict || !textarea.value) return;
      try {
        await setAside(textarea.value);
      } catch (err) {
        console.error(err); // the draft in this window still holds it
      }
    };

    return {
      vis, textarea, status, tab, history, el: paneEl, saver, key, conflictKey, showConflict, keepConflicted,
      note: () => note,
      pauseMirror: (v) => { mirrorPaused = v; },
      keepMirrorNow,
    };
  };

  const panes = { shared: makePane('shared'), private: makePane('private') };

  // ---- preview ----
  let previewSeq = 0;
  const renderPreview = async () => {
    const my = ++previewSeq;
    const text = panes[active].textarea.value;
    if (!previewOn) return;
    if (!text.trim()) {
      previewEl.replaceChildren(h('p', { class: 'preview-empty' }, 'The preview shows here as you type.'));
      return;
    }
    try {
      const html = await api.notes.preview(text);
      if (my !== previewSeq || disposed) return; // a newer preview was asked for
      setSanitizedHTML(previewEl, html);
    } catch (err) {
      if (my === previewSeq && !disposed) previewEl.replaceChildren(h('p', { class: 'preview-empty' }, `No preview: ${err.message}`));
    }
  };
  const schedulePreview = debounce(renderPreview, PREVIEW_DEBOUNCE_MS);
  cleanups.push(() => schedulePreview.cancel());

  // ---- action-line hint ----
  function updateHint() {
    const ta = panes[active].textarea;
    const hnt = actionLineHint(lineAt(ta.value, ta.selectionStart), members, day, { private: active === 'private', fenced: inFence(ta.value, ta.selectionStart) });
    const text = hnt ? hnt.text : '';
    const cls = `notes-hint${hnt ? ` is-${hnt.kind}` : ''}`;
    if (hint.textContent !== text) hint.textContent = text; // unchanged text: leave the DOM alone
    if (hint.className !== cls) hint.className = cls;
  }

  // ---- layout ----
  const previewToggle = h('button', {
    type: 'button', class: 'btn btn-ghost btn-sm', testid: 'toggle-preview', title: 'Show or hide the preview (Ctrl+P)', 'aria-keyshortcuts': 'Control+P',
  }, icon('layers', { size: 14 }), h('span', null, 'Preview'), kbd('Ctrl P'));
  previewToggle.addEventListener('click', () => togglePreview());
  const body = h('div', { class: 'notes-body' }, h('div', { class: 'notes-editors' }, panes.shared.el, panes.private.el), previewEl);
  const el = h('section', { class: 'notes-panel', testid: 'notes-panel', 'aria-label': 'Notes' },
    h('div', { class: 'notes-head' },
      h('div', { class: 'notes-tabs', role: 'tablist', 'aria-label': 'Notes' }, panes.shared.tab, panes.private.tab),
      h('div', { class: 'notes-tools' }, panes.shared.status, panes.private.status, panes.shared.history, panes.private.history, previewToggle)),
    banners, body, hint);

  function select(vis, focusText) {
    active = vis;
    setPref(`live.notes.${sessionId}`, vis);
    for (const p of Object.values(panes)) {
      const on = p.vis === vis;
      p.el.hidden = !on;
      p.status.hidden = !on;
      p.history.hidden = !on;
      p.tab.setAttribute('aria-selected', on ? 'true' : 'false');
      p.tab.tabIndex = on ? 0 : -1;
      p.tab.classList.toggle('is-active', on);
    }
    el.dataset.visibility = vis;
    renderPreview();
    updateHint();
    if (focusText) panes[vis].textarea.focus();
  }

  function togglePreview() {
    previewOn = !previewOn;
    setPref('live.preview', previewOn);
    applyPreview();
    if (previewOn) renderPreview();
  }
  function applyPreview() {
    previewEl.hidden = !previewOn;
    body.classList.toggle('with-preview', previewOn);
    previewToggle.setAttribute('aria-pressed', previewOn ? 'true' : 'false');
  }

  // ---- flushing: blur (above), hidden tab, page going away, window close ----
  /**
   * Saves both notes now. When no more typing follows (`final`: the window
   * is closing, the screen is left), the shared note's last line counts as
   * finished too, so an action line typed without Enter makes its item.
   * @param {import('../state.js').FlushOptions} [fo]
   * @returns {Promise<boolean>} whether both notes are saved
   */
  const flush = async (fo = {}) => {
    const [a, b] = await Promise.all([panes.shared.saver.flush(), panes.private.saver.flush()]);
    if (fo.final) await Promise.all(Object.values(panes).map((p) => p.keepConflicted()));
    if (a && fo.final && panes.shared.textarea.value.trim()) {
      try {
        const res = await api.notes.finish(sessionId);
        if (!disposed) o.onActions?.(res.actions || []);
      } catch (err) {
        reportError(err);
      }
    }
    return a && b;
  };
  const keepMirrors = () => Object.values(panes).forEach((p) => p.keepMirrorNow());
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') {
      keepMirrors();
      flush();
    } else unloading = false;
  };
  const onPageHide = () => {
    unloading = true;
    keepMirrors();
    flush();
  };
  // A browser tab closing with text not yet in Go: send it, and ask first.
  const onBeforeUnload = (e) => {
    const busy = Object.values(panes).some((p) => p.saver.snapshot().state !== 'saved');
    if (!busy) return;
    flush();
    e.preventDefault();
    e.returnValue = '';
  };
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('beforeunload', onBeforeUnload);
  cleanups.push(() => document.removeEventListener('visibilitychange', onVisibility));
  cleanups.push(() => window.removeEventListener('pagehide', onPageHide));
  cleanups.push(() => window.removeEventListener('beforeunload', onBeforeUnload));
  cleanups.push(addFlusher(flush));
  // The program database answers again: send what waited, without waiting for the saver's backoff.
  cleanups.push(on('connection:restored', () => {
    for (const p of Object.values(panes)) if (p.saver.snapshot().state !== 'saved') p.saver.flush();
  }));

  // ---- recovery ----
  /**
   * Offers back text that never reached the database: this window's drafts
   * and the drafts Go journaled (notes.Notes.Recover).
   * @param {any[]} drafts from api.notes.recover()
   */
  const recover = (drafts) => {
    for (const p of Object.values(panes)) {
      const journal = (drafts || []).find((d) => d.sessionId === sessionId && d.visibility === p.vis) || null;
      const found = pickRecovery(p.note(), readLocal(p.conflictKey) || readLocal(p.key), journal);
      if (!found || found.body === p.textarea.value) continue;
      if (found.conflict) {
        // Text Go refused because someone else had saved: the conflict again, not a plain restore.
        p.textarea.value = found.body;
        p.saver.input(found.body);
        p.saver.hold('Someone else saved these notes before this text was saved.');
        p.showConflict(p.note());
        continue;
      }
      p.pauseMirror(true);
      const label = p.vis === 'private' ? 'private notes' : 'shared notes';
      const banner = h('div', { class: 'recover-banner', role: 'alert', testid: 'recovered-banner', 'data-visibility': p.vis },
        icon('alert', { size: 16 }),
        h('span', { class: 'recover-text' }, `Recovered unsaved text in the ${label} from ${clockTime(found.at) || 'earlier'}.`),
        button({ label: 'Restore', size: 'sm', variant: 'primary', testid: 'recover-restore' }),
        button({ label: 'Discard', size: 'sm', variant: 'ghost', testid: 'recover-discard' }));
      const [restoreBtn, discardBtn] = banner.querySelectorAll('button');
      const close = () => {
        banner.remove();
        p.pauseMirror(false);
      };
      restoreBtn.addEventListener('click', () => {
        close();
        select(p.vis, false);
        p.textarea.value = found.body;
        p.saver.input(found.body);
        p.saver.flush();
        renderPreview();
        p.textarea.focus();
      });
      discardBtn.addEventListener('click', async () => {
        close();
        removeLocal(p.key);
        try {
          await api.notes.discardDraft(sessionId, p.vis);
        } catch (err) {
          reportError(err);
        }
        panes[active].textarea.focus();
      });
      banners.appendChild(banner);
    }
  };

  select(active, false);
  applyPreview();

  return {
    el,
    flush,
    recover,
    focus: () => {
      const ta = panes[active].textarea;
      ta.focus();
      if (ta.selectionStart === 0 && ta.selectionEnd === 0 && ta.value) {
        ta.setSelectionRange(ta.value.length, ta.value.length);
        ta.scrollTop = ta.scrollHeight;
      }
    },
    toggleVisibility: () => select(active === 'shared' ? 'private' : 'shared', true),
    togglePreview,
    dispose: () => {
      disposed = true;
      for (const fn of cleanups) fn();
      panes.shared.saver.dispose();
      panes.private.saver.dispose();
    },
  };
}
