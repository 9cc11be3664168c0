// Shared view pieces: buttons, chips, meters, avatars, headers, empty and error states.

import { h, kbd } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { formatRate, rateLevel, initials } from '../lib/format.js';
import { circleStatusLabel, sessionStatusLabel } from '../lib/labels.js';
import { statusLabel, statusLetter } from '../lib/attendance.js';

/**
 * A button.
 * @param {{label?: string, icon?: string, variant?: 'primary'|'secondary'|'ghost'|'danger'|'danger-ghost', size?: 'sm'|'md', testid?: string, title?: string, shortcut?: string, type?: string, onclick?: (e: Event) => void, ariaLabel?: string, disabled?: boolean, class?: string}} o
 * @returns {HTMLButtonElement}
 */
export function button(o) {
  const title = o.title ? (o.shortcut ? `${o.title} (${o.shortcut})` : o.title) : o.shortcut ? `${o.label} (${o.shortcut})` : undefined;
  return /** @type {HTMLButtonElement} */ (h('button', {
    type: o.type || 'button',
    class: ['btn', `btn-${o.variant || 'secondary'}`, o.size === 'sm' && 'btn-sm', !o.label && 'btn-icon', o.class],
    testid: o.testid, title, onclick: o.onclick, disabled: o.disabled,
    'aria-label': o.ariaLabel || (!o.label ? o.title : undefined),
    'aria-keyshortcuts': o.shortcut,
  }, o.icon ? icon(o.icon, { size: o.size === 'sm' ? 14 : 16 }) : null, o.label ? h('span', null, o.label) : null, o.shortcut && o.label ? kbd(o.shortcut) : null));
}

/**
 * A small icon-only button with a tooltip and accessible name.
 * @param {string} name icon name
 * @param {string} label
 * @param {(e: Event) => void} onclick
 * @param {{testid?: string, class?: string, disabled?: boolean}} [o]
 * @returns {HTMLButtonElement}
 */
export function iconButton(name, label, onclick, o = {}) {
  return /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: ['icon-btn', o.class], title: label, 'aria-label': label, onclick, testid: o.testid, disabled: o.disabled }, icon(name, { size: 16 })));
}

/**
 * A status chip for a circle or a session.
 * @param {'circle'|'session'} kind
 * @param {string} status
 * @returns {HTMLElement}
 */
export function statusChip(kind, status) {
  const label = kind === 'circle' ? circleStatusLabel(status) : sessionStatusLabel(status);
  return h('span', { class: `chip chip-${status}`, testid: `${kind}-status`, 'data-status': status }, h('span', { class: 'chip-dot', 'aria-hidden': 'true' }), label);
}

/**
 * An attendance mark chip: letter plus word, never colour alone.
 * @param {string} status
 * @returns {HTMLElement}
 */
export function markChip(status) {
  return h('span', { class: `mark mark-${status || 'none'}`, 'data-status': status },
    h('span', { class: 'mark-letter', 'aria-hidden': 'true' }, statusLetter(status) || '–'), statusLabel(status));
}

/**
 * The "1:1 pair" badge.
 * @returns {HTMLElement}
 */
export function pairBadge() {
  return h('span', { class: 'badge badge-pair', testid: 'pair-badge', title: '1:1 pair: one mentor, one mentee' }, '1:1 pair');
}

/**
 * An attendance rate with a small bar; "—" when nothing counts yet.
 * @param {number|null} rate
 * @param {{testid?: string, personId?: number}} [o]
 * @returns {HTMLElement}
 */
export function rateMeter(rate, o = {}) {
  const el = h('span', { class: 'rate', testid: o.testid, 'data-rate-for': o.personId });
  setRate(el, rate);
  return el;
}

/**
 * Updates a rateMeter in place.
 * @param {HTMLElement} el
 * @param {number|null} rate
 */
export function setRate(el, rate) {
  const level = rateLevel(rate);
  el.className = `rate rate-${level}`;
  el.title = rate === null || rate === undefined ? 'No marks at held sessions yet' : `Attendance ${formatRate(rate)} of held sessions (excused not counted)`;
  const fill = h('span', { class: 'rate-fill', style: { width: `${Math.round((rate ?? 0) * 100)}%` } });
  el.replaceChildren(h('span', { class: 'rate-bar', 'aria-hidden': 'true' }, fill), h('span', { class: 'rate-text' }, formatRate(rate)));
}

/**
 * A round avatar with initials.
 * @param {string} name
 * @param {{size?: 'sm'|'md'|'lg'}} [o]
 * @returns {HTMLElement}
 */
export function avatar(name, o = {}) {
  // A stable hue per name so a person is recognisable across pages.
  let hash = 0;
  for (const ch of name || '') hash = (hash * 31 + ch.codePointAt(0)) % 360;
  return h('span', { class: `avatar avatar-${o.size || 'md'}`, 'aria-hidden': 'true', style: { '--avatar-hue': String(hash) } }, initials(name));
}

/**
 * A circle's colour dot.
 * @param {string} color
 * @param {{size?: 'sm'|'md'|'lg'}} [o]
 * @returns {HTMLElement}
 */
export function colorDot(color, o = {}) {
  return h('span', { class: `dot dot-${o.size || 'md'}`, 'aria-hidden': 'true', style: { backgroundColor: color || 'var(--text-faint)' } });
}

/**
 * A page header with optional back link, title extras and actions.
 * @param {{title: string, subtitle?: Node|string|null, back?: {href: string, label: string, color?: string}, badges?: Node[], actions?: Node[], lead?: Node, testid?: string}} o
 * @returns {HTMLElement}
 */
export function pageHeader(o) {
  return h('header', { class: 'page-header', testid: o.testid },
    o.back ? h('a', { class: 'back-link', href: o.back.href, testid: 'back-link' }, o.back.color ? colorDot(o.back.color, { size: 'sm' }) : icon('chevron-left', { size: 14 }), o.back.label) : null,
    h('div', { class: 'page-header-main' },
      o.lead || null,
      h('div', { class: 'page-title-block' },
        h('div', { class: 'page-title-row' }, h('h1', { class: 'page-title', tabindex: '-1' }, o.title), ...(o.badges || [])),
        o.subtitle ? h('p', { class: 'page-subtitle' }, o.subtitle) : null),
      o.actions ? h('div', { class: 'page-actions' }, ...o.actions) : null));
}

/**
 * A titled section of a page.
 * @param {{title: string, id?: string, actions?: Node[], aside?: Node|string|null, testid?: string, class?: string}} o
 * @param {...any} children
 * @returns {HTMLElement}
 */
export function section(o, ...children) {
  const hid = o.id ? `${o.id}-title` : undefined;
  return h('section', { class: ['section', o.class], id: o.id, testid: o.testid, 'aria-labelledby': hid },
    h('div', { class: 'section-head' },
      h('h2', { class: 'section-title', id: hid }, o.title),
      o.aside ? h('span', { class: 'section-aside' }, o.aside) : null,
      o.actions ? h('div', { class: 'section-actions' }, ...o.actions) : null),
    ...children);
}

/**
 * An empty state with a short explanation and actions.
 * @param {{icon?: string, title: string, text?: string, actions?: Node[], testid?: string, compact?: boolean}} o
 * @returns {HTMLElement}
 */
export function emptyState(o) {
  return h('div', { class: ['empty', o.compact && 'empty-compact'], testid: o.testid || 'empty-state' },
    o.icon ? h('div', { class: 'empty-icon' }, icon(o.icon, { size: o.compact ? 20 : 28 })) : null,
    h('p', { class: 'empty-title' }, o.title),
    o.text ? h('p', { class: 'empty-text' }, o.text) : null,
    o.actions ? h('div', { class: 'empty-actions' }, ...o.actions) : null);
}

/**
 * A placeholder while a page loads.
 * @returns {HTMLElement}
 */
export function loading() {
  return h('div', { class: 'loading', role: 'status', 'aria-live': 'polite', testid: 'loading' },
    h('span', { class: 'skeleton skeleton-title' }), h('span', { class: 'skeleton' }), h('span', { class: 'skeleton' }), h('span', { class: 'skeleton skeleton-short' }),
    h('span', { class: 'visually-hidden' }, 'Loading…'));
}

/**
 * A page-level error with a way back or a retry.
 * @param {{code?: string, message: string}} err
 * @param {{retry?: () => void, backHref?: string, backLabel?: string}} [o]
 * @returns {HTMLElement}
 */
export function errorState(err, o = {}) {
  const missing = err.code === 'not_found';
  return emptyState({
    icon: 'alert', testid: 'page-error',
    title: missing ? 'This page no longer exists' : 'Could not load this page',
    text: err.message,
    actions: [
      o.retry && !missing ? button({ label: 'Try again', icon: 'restore', onclick: o.retry, testid: 'retry' }) : null,
      o.backHref ? h('a', { class: 'btn btn-secondary', href: o.backHref }, o.backLabel || 'Back') : null,
    ].filter(Boolean),
  });
}

/**
 * A small "label: value" pair for meta rows.
 * @param {string} iconName
 * @param {Node|string} content
 * @param {string} [title]
 * @returns {HTMLElement}
 */
export function metaItem(iconName, content, title) {
  return h('span', { class: 'meta-item', title }, icon(iconName, { size: 14 }), h('span', null, content));
}

/**
 * A short-lived inline "Saved" (or error) note beside a section, for edits
 * that save in place.
 * @param {string} testid
 * @returns {{el: HTMLElement, saving: () => void, saved: () => void, failed: (msg: string) => void}}
 */
export function saveStatus(testid) {
  const el = h('span', { class: 'save-status', role: 'status', 'aria-live': 'polite', testid });
  let timer = null;
  const show = (text, cls, ms) => {
    clearTimeout(timer);
    el.textContent = text;
    el.className = `save-status ${cls}`;
    if (ms) timer = setTimeout(() => { el.textContent = ''; el.className = 'save-status'; }, ms);
  };
  return {
    el,
    saving: () => show('Saving…', 'is-saving', 0),
    saved: () => show('Saved', 'is-saved', 2200),
    failed: (msg) => show(msg, 'is-failed', 0),
  };
}

/**
 * Runs run on Ctrl+Enter (Cmd+Enter) anywhere on the screen while no dialog
 * is open: a screen's main action, as Ctrl+Enter saves a dialog.
 * @param {() => void} run
 * @returns {() => void} stops listening
 */
export function onCtrlEnter(run) {
  const onKey = (/** @type {KeyboardEvent} */ e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !document.querySelector('dialog[open]')) {
      e.preventDefault();
      run();
    }
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
