// The near-match warning on a new person: as the name or email is typed, it
// names the people already in Circlebook who may be the same one (Go's
// people.Similar: same name case and accents aside, or same email) and offers
// each of them instead. It warns; it never stops the form from saving.

import { h, replace } from '../lib/dom.js';
import { debounce } from '../lib/debounce.js';
import { icon } from '../lib/icons.js';
import { similarPrompt } from '../lib/lists.js';
import * as api from '../api.js';

/**
 * Builds the warning; call check(name, email) as the fields change.
 * @param {{action: 'add'|'open', onPick: (person: any) => void}} o what the offer does, and what picking someone runs
 * @returns {{el: HTMLElement, check: (name: string, email: string) => void, dispose: () => void}}
 */
export function similarWarning(o) {
  const el = h('div', { class: 'similar-warning', testid: 'similar-warning', role: 'status', hidden: true });
  let seq = 0;
  const show = (found) => {
    el.hidden = !found.length;
    if (!found.length) return el.replaceChildren();
    const verb = o.action === 'add' ? 'Add' : 'Open';
    replace(el,
      h('p', { class: 'similar-text' }, icon('alert', { size: 14 }), similarPrompt(found, o.action)),
      h('div', { class: 'similar-actions' }, found.map((p) => h('button', {
        type: 'button', class: 'btn btn-secondary btn-sm', testid: 'use-similar', 'data-person-id': p.id, onclick: () => o.onPick(p),
      }, `${verb} ${p.name}`, p.email ? h('span', { class: 'similar-email' }, ` · ${p.email}`) : null))));
  };
  const run = async (name, email) => {
    const mine = ++seq;
    if (!name.trim() && !email.trim()) return show([]);
    try {
      const found = await api.people.similar(name, email);
      if (mine === seq) show(found || []);
    } catch {
      if (mine === seq) show([]); // only a warning: a failed check says nothing
    }
  };
  const check = debounce(run, 250);
  return { el, check: (name, email) => check(String(name || ''), String(email || '')), dispose: () => { seq++; check.cancel(); } };
}
