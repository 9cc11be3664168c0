// The search palette (Ctrl+K anywhere, "/" where no field has focus): one box
// for everything. Results come as you type, grouped by kind, each hit with
// where it lives and a snippet whose matched words Go marks; arrows move,
// Enter opens the exact place (and tells Go, for "recently opened"), Esc
// closes and gives the keyboard back. An empty box shows recent searches and
// recently opened items. The box is a combobox over a listbox: focus stays
// in the box and aria-activedescendant names the highlighted option.

import { h, kbd, replace } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { optionsOf, moveIndex, moreRequest, tooLong, latest, asking, waitBeforeAsking } from '../lib/find.js';
import { go } from '../router.js';
import * as api from '../api.js';
import { modal } from './dialog.js';
import { reportError } from './toast.js';

const LIST_ID = 'palette-list';

/**
 * Opens the palette, or puts the keyboard back in its box when it is open.
 * @param {{query?: string}} [o] text to start with
 */
export function openPalette(o = {}) {
  const open = /** @type {HTMLInputElement|null} */ (document.querySelector('[data-testid="palette-input"]'));
  if (open) {
    open.focus();
    open.select();
    return;
  }
  const opener = /** @type {HTMLElement|null} */ (document.activeElement instanceof HTMLElement ? document.activeElement : null);
  let leaving = false; // an option was chosen: the new screen places the focus
  modal({
    testid: 'palette', title: 'Search', size: 'lg',
    onclose: () => {
      if (!leaving && opener && opener.isConnected) opener.focus({ preventScroll: true });
    },
  }, (dlg, titleId) => {
    dlg.classList.add('palette');
    dlg.setAttribute('role', 'dialog');
    dlg.setAttribute('aria-modal', 'true');
    const ids = { input: 'palette-input', hint: 'palette-hint', error: 'palette-error' };
    const input = /** @type {HTMLInputElement} */ (h('input', {
      id: ids.input, type: 'text', class: 'palette-input', testid: 'palette-input', autofocus: true, autocomplete: 'off', spellcheck: 'false',
      role: 'combobox', 'aria-expanded': 'false', 'aria-controls': LIST_ID, 'aria-autocomplete': 'list', 'aria-describedby': `${ids.error} ${ids.hint}`,
      placeholder: 'Search circles, people, sessions, notes, action items…', value: o.query || '',
    }));
    const error = h('p', { class: 'field-error palette-error', id: ids.error, testid: 'palette-error', role: 'alert', hidden: true });
    const hint = h('p', { class: 'palette-hint', id: ids.hint, testid: 'palette-hint', 'aria-live': 'polite' });
    const list = h('div', { class: 'palette-list', id: LIST_ID, role: 'listbox', 'aria-label': 'Results', testid: 'palette-results', hidden: true });
    const empty = h('p', { class: 'palette-empty muted', testid: 'palette-empty', hidden: true });
    const status = h('p', { class: 'visually-hidden', role: 'status', testid: 'palette-status' });
    const clear = h('button', { type: 'button', class: 'btn btn-ghost btn-sm', testid: 'palette-clear-recent', hidden: true }, icon('trash', { size: 14 }), h('span', null, 'Clear recent'));

    /** What the list shows: each option and what choosing it does. @type {{id: string, el: HTMLElement, choose: () => void}[]} */
    let options = [];
    let active = -1;
    /** The group whose "more" was asked for, until the query changes. */
    let more = '';
    const fresh = latest();

    const highlight = (i) => {
      if (options[active]) options[active].el.setAttribute('aria-selected', 'false');
      active = i;
      const cur = options[active];
      if (cur) {
        cur.el.setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', cur.id);
        cur.el.scrollIntoView({ block: 'nearest' });
      } else input.removeAttribute('aria-activedescendant');
    };

    /**
     * Shows groups of options, or a line saying there are none.
     * @param {{label: string, testid: string, items: {id: string, el: HTMLElement, choose: () => void}[]}[]} groups
     * @param {string} none what to say when there is nothing
     * @param {string} query what was asked, for the list's data-query
     * @param {number} [focusAt] the option to highlight
     */
    const show = (groups, none, query, focusAt = 0) => {
      options = groups.flatMap((g) => g.items);
      active = -1;
      replace(list, groups.filter((g) => g.items.length).map((g, gi) => {
        const labelId = `palette-group-${gi}`;
        return h('div', { role: 'group', class: 'palette-group', 'aria-labelledby': labelId, testid: g.testid },
          h('div', { class: 'palette-group-label', id: labelId, testid: 'palette-group-label' }, g.label),
          g.items.map((it) => it.el));
      }));
      list.hidden = !options.length;
      list.dataset.query = query;
      input.setAttribute('aria-expanded', options.length ? 'true' : 'false');
      empty.hidden = options.length > 0 || !none;
      empty.textContent = none;
      status.textContent = options.length ? `${options.length} ${options.length === 1 ? 'result' : 'results'}` : none;
      highlight(options.length ? Math.min(focusAt, options.length - 1) : -1);
    };

    const option = (id, testid, choose, ...children) => {
      const el = h('div', { id, role: 'option', class: 'palette-option', testid, 'aria-selected': 'false' }, ...children);
      el.addEventListener('mousedown', (e) => e.preventDefault()); // the box keeps the keyboard
      el.addEventListener('click', choose);
      return { id, el, choose };
    };

    /** Opens a place and tells Go what was opened, for "recently opened". */
    const open = (route, visit) => {
      leaving = true;
      dlg.close();
      api.find.visit(visit).catch((err) => console.error(err));
      go(route);
    };

    /** @param {import('../lib/find.js').Results} r @param {string} query */
    const showResults = (r, query) => {
      hint.textContent = r.hint || '';
      const opts = optionsOf(r, 'palette-opt');
      const groups = (r.groups || []).map((g, gi) => ({
        label: g.label, testid: 'palette-group',
        items: opts.filter((op) => op.group === gi).map((op) => (op.type === 'hit'
          ? hitOption(op.id, op.hit, () => open(op.hit.route, { query, kind: op.hit.kind, id: op.hit.id }))
          : option(op.id, 'palette-more', () => askMore(op.kind), icon('chevron-down', { size: 14 }), h('span', null, `More ${op.label.toLowerCase()}`)))),
      }));
      let at = 0;
      if (more) {
        const gi = (r.groups || []).findIndex((g) => g.kind === more);
        at = Math.max(0, groups.slice(0, gi).reduce((n, g) => n + g.items.length, 0));
      }
      show(groups, query.trim() ? `Nothing matches “${query.trim()}”.` : '', query, at);
    };

    const hitOption = (id, hit, choose) => {
      const o = option(id, 'palette-hit', choose,
        h('span', { class: 'palette-hit-head' },
          h('span', { class: 'palette-hit-title' }, hit.title),
          hit.private ? h('span', { class: 'palette-private', testid: 'palette-private' }, icon('lock', { size: 12 }), 'Private') : null),
        hit.where ? h('span', { class: 'palette-hit-where' }, hit.where) : null,
        hit.snippet && hit.snippet.length
          ? h('span', { class: 'palette-hit-snippet', testid: 'palette-snippet' }, hit.snippet.map((s) => (s.mark ? h('mark', null, s.text) : s.text)))
          : null);
      o.el.dataset.kind = hit.kind;
      o.el.dataset.id = String(hit.id);
      return o;
    };

    const showRecent = async (mine) => {
      let r;
      try {
        r = await api.find.recent();
      } catch (err) {
        if (fresh.current(mine)) show([], err.message, '');
        return;
      }
      if (!fresh.current(mine) || !dlg.open) return;
      const searches = (r.searches || []).map((q, i) => option(`palette-recent-q-${i}`, 'palette-recent-search', () => {
        input.value = q;
        ask();
      }, icon('search', { size: 14 }), h('span', { class: 'palette-hit-title' }, q)));
      const opened = (r.opened || []).map((it, i) => option(`palette-recent-o-${i}`, 'palette-recent-opened', () => open(it.route, { query: '', kind: it.kind, id: it.id }),
        h('span', { class: 'palette-hit-head' }, h('span', { class: 'palette-hit-title' }, it.title)),
        it.where ? h('span', { class: 'palette-hit-where' }, it.where) : null));
      clear.hidden = !searches.length && !opened.length;
      show([{ label: 'Recent searches', testid: 'palette-recent', items: searches }, { label: 'Recently opened', testid: 'palette-opened', items: opened }],
        'Type to search circles, people, sessions, notes and action items. Try a name, “quoted words”, -word, in:notes or before:2026-10-22.', '');
    };

    /** Asks Go about what is in the box now; an answer to an older question is dropped. */
    const search = async () => {
      const query = input.value;
      const mine = fresh.next();
      const long = tooLong(query);
      error.textContent = long;
      error.hidden = !long;
      input.toggleAttribute('aria-invalid', !!long);
      if (long) {
        hint.textContent = '';
        show([], '', query);
        return;
      }
      if (!query.trim()) {
        hint.textContent = '';
        await showRecent(mine);
        return;
      }
      clear.hidden = true;
      const req = more ? moreRequest(query, more) : { query, limit: 0 };
      try {
        const r = await api.find.search(req);
        if (!fresh.current(mine) || !dlg.open) return;
        showResults(r, query);
      } catch (err) {
        if (!fresh.current(mine) || !dlg.open) return;
        if (err.code === 'invalid' || err.code === 'too_long') {
          error.textContent = err.message;
          error.hidden = false;
          show([], '', query);
        } else show([], err.message, query);
      }
    };
    // No debounce: a key asks at once (two questions out at most, then one
    // more with what is typed as soon as one is back); answers to older
    // questions are dropped (fresh). Go answers in about 15 ms. One or two
    // letters wait for a pause (waitBeforeAsking): the next key asks instead.
    const ask = asking(search);
    const askMore = (kind) => {
      more = kind;
      ask();
    };
    let shortWait = 0;

    input.addEventListener('input', () => {
      more = '';
      clearTimeout(shortWait);
      const wait = waitBeforeAsking(input.value);
      if (wait) shortWait = setTimeout(ask, wait);
      else ask();
    });
    input.addEventListener('keydown', (e) => {
      if (e.isComposing) return;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        highlight(moveIndex(active, e.key === 'ArrowDown' ? 1 : -1, options.length));
      } else if (e.key === 'Enter') {
        e.preventDefault();
        // Typed fast and Enter at once: wait for the answer to what is typed, then open.
        if (list.dataset.query === input.value || !input.value.trim()) options[active]?.choose();
        else {
          if (waitBeforeAsking(input.value)) { clearTimeout(shortWait); ask(); } // a short word waiting for a pause asks now
          ask.idle().then(() => { if (dlg.open) options[active]?.choose(); });
        }
      }
    });
    clear.addEventListener('click', async () => {
      try {
        await api.find.forgetRecent();
        input.focus();
        ask();
      } catch (err) {
        reportError(err);
      }
    });
    ask();
    return h('div', { class: 'palette-box' },
      h('h2', { class: 'visually-hidden', id: titleId }, 'Search'),
      h('div', { class: 'palette-field' },
        h('label', { for: ids.input, class: 'palette-label', title: 'Search everything' }, icon('search', { size: 18 }), h('span', { class: 'visually-hidden' }, 'Search everything')),
        input, kbd('Esc')),
      error, hint, list, empty, status,
      h('div', { class: 'palette-foot' },
        h('span', { class: 'palette-keys' }, kbd('↑'), kbd('↓'), ' to move · ', kbd('↵'), ' to open · ', kbd('Esc'), ' to close'),
        clear));
  });
}
