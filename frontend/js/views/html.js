// The one place where HTML enters the page: the notes preview. The HTML comes
// from Go (notes.Notes.Preview: goldmark, then bluemonday's UGC policy), so it
// is already sanitized; it is parsed in an inert document (DOMParser runs no
// scripts and loads nothing), a few elements and attributes are stripped once
// more as a second line of defence, and the result is imported into the page.
// Links inside never navigate the app: see interceptLinks.

import * as api from '../api.js';
import { reportError } from './toast.js';

const DROP = 'script, style, iframe, frame, object, embed, form, link, meta, base, svg, math, template';

/**
 * Replaces a container's content with HTML that Go has sanitized (bluemonday).
 * Never pass it anything else.
 * @param {HTMLElement} container a dedicated preview element
 * @param {string} sanitizedHTML from notes.Notes.Preview
 */
export function setSanitizedHTML(container, sanitizedHTML) {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${String(sanitizedHTML || '')}`, 'text/html');
  for (const el of doc.body.querySelectorAll(DROP)) el.remove();
  for (const el of doc.body.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc' || name === 'formaction') el.removeAttribute(attr.name);
      else if ((name === 'href' || name === 'src' || name === 'xlink:href') && /^\s*(javascript|vbscript|data):/i.test(attr.value) && !(name === 'src' && /^\s*data:image\//i.test(attr.value))) el.removeAttribute(attr.name);
    }
    if (el.tagName === 'INPUT') /** @type {HTMLInputElement} */ (el).setAttribute('disabled', '');
    if (el.tagName === 'A') {
      el.setAttribute('rel', 'noopener noreferrer');
      el.setAttribute('title', `${el.getAttribute('href') || ''} — opens in your browser`);
    }
  }
  const frag = document.createDocumentFragment();
  for (const node of [...doc.body.childNodes]) frag.appendChild(document.importNode(node, true));
  container.replaceChildren(frag);
}

/**
 * Makes links inside an element open outside the app: in the system browser
 * (the window) or a new tab (browser mode). The click never navigates the page.
 * @param {HTMLElement} el
 * @returns {() => void} stop intercepting
 */
export function interceptLinks(el) {
  const onClick = (e) => {
    const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
    if (!a || !el.contains(a)) return;
    e.preventDefault();
    const href = a.getAttribute('href') || '';
    if (href.startsWith('#')) return; // an in-note anchor: nothing to open
    api.app.openURL(/** @type {HTMLAnchorElement} */ (a).href).catch(reportError);
  };
  const onAux = (e) => {
    if (e.target instanceof Element && e.target.closest('a[href]')) e.preventDefault();
  };
  el.addEventListener('click', onClick);
  el.addEventListener('auxclick', onAux);
  return () => {
    el.removeEventListener('click', onClick);
    el.removeEventListener('auxclick', onAux);
  };
}
