// A session's topics: chips with a remove button, and a picker to add one
// from the list or create a new topic inline (type, Enter).

import { h, replace } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { topicOptions } from '../lib/topics.js';
import { LIMITS } from '../lib/limits.js';
import * as api from '../api.js';
import { saveStatus } from './ui.js';
import { reportError } from './toast.js';

/**
 * Builds the topics bar of a session.
 * @param {any} page the session page (session, topics)
 * @param {{onPage?: (page: any) => void}} [o] told the session page after each change
 * @returns {{el: HTMLElement, open: () => void}}
 */
export function topicsBar(page, o = {}) {
  const sessionId = page.session.id;
  let chosen = page.topics || [];
  let all = [];
  let active = 0;
  let options = [];
  let create = '';
  const status = saveStatus('topics-status');
  const chips = h('span', { class: 'topic-chips', testid: 'topic-chips' });
  const addBtn = h('button', { type: 'button', class: 'topic-add', testid: 'topic-add', title: 'Tag the session with a topic (T on the live screen)', 'aria-haspopup': 'listbox', 'aria-expanded': 'false' }, icon('plus', { size: 13 }), 'Topic');
  const search = /** @type {HTMLInputElement} */ (h('input', {
    type: 'text', class: 'input topic-search', testid: 'topic-search', placeholder: 'Find or create a topic…', autocomplete: 'off', maxlength: LIMITS.name,
    role: 'combobox', 'aria-expanded': 'true', 'aria-controls': `topic-options-${sessionId}`, 'aria-label': 'Topic',
  }));
  const listbox = h('ul', { class: 'topic-options', id: `topic-options-${sessionId}`, role: 'listbox', 'aria-label': 'Topics' });
  const picker = h('div', { class: 'topic-picker', testid: 'topic-picker', hidden: true }, search, listbox);
  const el = h('div', { class: 'topics-bar', testid: 'topics' }, h('span', { class: 'topics-label' }, icon('layers', { size: 14 }), 'Topics'), chips, h('span', { class: 'topic-add-wrap' }, addBtn, picker), status.el);

  // Changes run one after another, each from the topics as they then are,
  // so two quick removals both count.
  let chain = Promise.resolve(true);
  /** @param {(ids: number[]) => number[]} change @returns {Promise<boolean>} */
  const setTopics = (change) => {
    chain = chain.then(async () => {
      status.saving();
      try {
        const p = await api.sessions.setTopics(sessionId, change(chosen.map((t) => t.id)));
        chosen = p.topics || [];
        renderChips();
        status.saved();
        o.onPage?.(p);
        return true;
      } catch (err) {
        status.failed('Not saved');
        reportError(err);
        return false;
      }
    });
    return chain;
  };

  const renderChips = () => {
    replace(chips, chosen.map((t) => h('span', { class: 'topic-chip', testid: 'topic-chip', 'data-topic-id': t.id },
      h('span', { class: 'topic-chip-name' }, t.name),
      h('button', {
        type: 'button', class: 'topic-remove', testid: 'topic-remove', 'data-topic-id': t.id, 'aria-label': `Remove topic ${t.name}`, title: `Remove “${t.name}”`,
        onclick: () => setTopics((ids) => ids.filter((id) => id !== t.id)),
      }, icon('x', { size: 12 })))));
    chips.hidden = !chosen.length;
  };

  const renderOptions = () => {
    ({ options, create } = topicOptions(all, search.value, chosen.map((t) => t.id)));
    const total = options.length + (create ? 1 : 0);
    active = Math.max(0, Math.min(active, total - 1));
    const items = options.map((t, i) => h('li', {
      class: ['topic-option', i === active && 'is-active'], role: 'option', id: `topic-opt-${sessionId}-${i}`, testid: 'topic-option', 'data-topic-id': t.id, 'aria-selected': i === active ? 'true' : 'false',
      onmousedown: (e) => { e.preventDefault(); pick(i); },
    }, h('span', null, t.name), t.sessionCount ? h('span', { class: 'topic-count' }, String(t.sessionCount)) : null));
    if (create) {
      const i = options.length;
      items.push(h('li', {
        class: ['topic-option', 'topic-create', i === active && 'is-active'], role: 'option', id: `topic-opt-${sessionId}-${i}`, testid: 'topic-create', 'aria-selected': i === active ? 'true' : 'false',
        onmousedown: (e) => { e.preventDefault(); pick(i); },
      }, icon('plus', { size: 13 }), `Create “${create}”`));
    }
    if (!items.length) items.push(h('li', { class: 'topic-none muted small' }, all.length ? 'Every topic is on this session.' : 'Type a name to create the first topic.'));
    replace(listbox, items);
    search.setAttribute('aria-activedescendant', total ? `topic-opt-${sessionId}-${active}` : '');
  };

  const pick = async (i) => {
    let topic = options[i];
    if (!topic && create && i === options.length) {
      try {
        topic = await api.topics.create(create);
        all = [...all, topic];
      } catch (err) {
        reportError(err);
        return;
      }
    }
    if (!topic) return;
    search.value = '';
    active = 0;
    if (await setTopics((ids) => (ids.includes(topic.id) ? ids : [...ids, topic.id]))) renderOptions();
    search.focus();
  };

  let back = null;
  const open = async () => {
    if (!picker.hidden) {
      search.focus();
      return;
    }
    back = document.activeElement instanceof HTMLElement && document.activeElement !== addBtn ? document.activeElement : addBtn;
    picker.hidden = false;
    addBtn.setAttribute('aria-expanded', 'true');
    search.value = '';
    active = 0;
    renderOptions();
    search.focus();
    try {
      all = await api.topics.list();
      if (!picker.hidden) renderOptions();
    } catch (err) {
      reportError(err);
    }
  };
  const close = (refocus) => {
    picker.hidden = true;
    addBtn.setAttribute('aria-expanded', 'false');
    if (refocus && back && back.isConnected) back.focus();
  };

  addBtn.addEventListener('click', () => (picker.hidden ? open() : close(true)));
  search.addEventListener('input', () => {
    active = 0;
    renderOptions();
  });
  search.addEventListener('keydown', (e) => {
    const total = options.length + (create ? 1 : 0);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (total) active = (active + (e.key === 'ArrowDown' ? 1 : -1) + total) % total;
      renderOptions();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (total) pick(active);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.key === 'Backspace' && !search.value && chosen.length) {
      e.preventDefault();
      setTopics((ids) => ids.slice(0, -1)).then(renderOptions);
    }
  });
  search.addEventListener('blur', () => setTimeout(() => {
    if (!picker.contains(document.activeElement)) close(false);
  }, 0));

  renderChips();
  return { el, open };
}
