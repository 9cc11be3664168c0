// Small DOM helpers instead of a framework. Text always goes in as text
// (text nodes and textContent), never as HTML. Nothing here touches the
// document until a function is called.

const PROPS = new Set(['value', 'checked', 'selected', 'indeterminate', 'defaultValue', 'htmlFor']);

/**
 * @typedef {Node|string|number|null|undefined|false|Child[]} Child
 */

/**
 * Sets one attribute, property, class, style or event listener.
 * @param {HTMLElement} el
 * @param {string} key
 * @param {any} v
 */
function set(el, key, v) {
  if (v === undefined || v === null || v === false) return;
  if (key === 'class') el.className = Array.isArray(v) ? v.filter(Boolean).join(' ') : String(v);
  else if (key === 'text') el.textContent = String(v);
  else if (key === 'style') setStyle(el, v);
  else if (key === 'testid') el.dataset.testid = String(v);
  else if (key.startsWith('on') && typeof v === 'function') el.addEventListener(key.slice(2).toLowerCase(), v);
  else if (PROPS.has(key)) /** @type {any} */ (el)[key] = v;
  else if (v === true) el.setAttribute(key, '');
  else el.setAttribute(key, String(v));
}

/**
 * Sets inline styles through the CSSOM, which the CSP allows (a style
 * attribute in markup would be blocked). Keys starting with "--" are custom properties.
 * @param {HTMLElement} el
 * @param {Record<string, string>} styles
 */
export function setStyle(el, styles) {
  for (const [k, v] of Object.entries(styles)) {
    if (k.startsWith('--')) el.style.setProperty(k, v);
    else /** @type {any} */ (el.style)[k] = v;
  }
}

/**
 * Appends children: strings and numbers become text nodes; arrays are flattened;
 * null, undefined and false are skipped.
 * @param {Node} el
 * @param {Child[]} children
 */
export function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

/**
 * Builds an element: h('button', {class: 'btn', onclick: fn, testid: 'save'}, 'Save').
 * Keys: class (string or array), text, style (object), testid (data-testid),
 * on* (listeners), value/checked/selected (properties), anything else an attribute
 * (true sets an empty attribute; false, null and undefined skip it).
 * @param {string} tag
 * @param {Record<string, any>|null} [attrs]
 * @param {...Child} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) for (const [k, v] of Object.entries(attrs)) set(el, k, v);
  append(el, children);
  return el;
}

/**
 * Replaces an element's children.
 * @param {Node} el
 * @param {...Child} children
 * @returns {Node} el
 */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * A keyboard hint: <kbd>N</kbd>.
 * @param {string} keys
 * @returns {HTMLElement}
 */
export function kbd(keys) {
  return h('kbd', { class: 'kbd', 'aria-hidden': 'true' }, keys);
}

let seq = 0;

/**
 * A fresh element id with a prefix, unique in this page.
 * @param {string} prefix
 * @returns {string}
 */
export function uid(prefix) {
  seq += 1;
  return `${prefix}-${seq}`;
}

/**
 * Focuses an element without scrolling the page when possible.
 * @param {HTMLElement|null|undefined} el
 */
export function focus(el) {
  if (el && typeof el.focus === 'function') el.focus({ preventScroll: false });
}

const KEY_ATTRS = ['data-membership-id', 'data-person-id', 'data-session-id', 'data-item-id', 'data-circle-id', 'data-action-id', 'data-topic-id', 'data-pin-id'];

/**
 * Describes where focus is, so it can be put back after a re-render:
 * the focused element's data-testid plus the ids of the rows around it.
 * @param {Element|null} el usually document.activeElement
 * @returns {string|null} a CSS selector, or null when it cannot be found again
 */
export function focusKey(el) {
  if (!el || !(el instanceof HTMLElement) || !el.dataset.testid) return null;
  const attrsOf = (node) => KEY_ATTRS.filter((a) => node.hasAttribute(a)).map((a) => `[${a}="${node.getAttribute(a)}"]`).join('');
  const sel = `[data-testid="${el.dataset.testid}"]${attrsOf(el)}`;
  const host = el.parentElement ? el.parentElement.closest(KEY_ATTRS.map((a) => `[${a}]`).join(',')) : null;
  return host ? `${attrsOf(host)} ${sel}` : sel;
}

/**
 * Focuses the element a focusKey described, if it is still there.
 * @param {ParentNode} root
 * @param {string|null} key
 */
export function refocus(root, key) {
  if (!key) return;
  try {
    const el = /** @type {HTMLElement|null} */ (root.querySelector(key));
    if (el) el.focus();
  } catch {
    // a selector that no longer parses: leave focus where it is
  }
}
