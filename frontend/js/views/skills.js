// A person's skills before and after, on their page: for each of their
// circles that uses a framework, a compact table of its items with a 1-5
// rating before and after (a select per cell, so the keyboard alone rates)
// and the change between them. A rating saves as soon as it is chosen.

import { h, uid } from '../lib/dom.js';
import { skillChange, ratingOptions, frameworkNames } from '../lib/growthpage.js';
import * as api from '../api.js';
import { section } from './ui.js';

/** At most this many of a person's circles are read for their skills. */
const MAX_CIRCLES = 20;

/** @typedef {{frameworkItemId: number, framework: string, name: string, before: number, after: number}} SkillRow */
/** @typedef {{circleId: number, name: string, rows: SkillRow[]}} SkillBlock */

/**
 * Reads a person's ratings in each of their circles (at most MAX_CIRCLES),
 * keeping the circles that use a framework.
 * @param {number} personId
 * @param {{circleId: number, name: string}[]} circles
 * @returns {Promise<SkillBlock[]>}
 */
export async function loadSkills(personId, circles) {
  const shown = (circles || []).slice(0, MAX_CIRCLES);
  const rows = await Promise.all(shown.map((c) => api.skills.forPerson(personId, c.circleId)));
  return shown.map((c, i) => ({ circleId: c.circleId, name: c.name, rows: rows[i] || [] })).filter((b) => b.rows.length);
}

/**
 * The change cell's content.
 * @param {SkillRow} r
 * @returns {HTMLElement}
 */
function changeCell(r) {
  const c = skillChange(r.before, r.after);
  return h('span', { class: ['skill-change', `is-${c.trend}`], testid: 'skill-change', 'data-trend': c.trend, 'aria-label': c.label, title: c.label }, c.text);
}

/**
 * One circle's table.
 * @param {number} personId
 * @param {SkillBlock} block
 * @returns {HTMLElement}
 */
function skillTable(personId, block) {
  const names = frameworkNames(block.rows);
  const several = names.length > 1;
  const status = h('p', { class: 'skills-status muted small', testid: 'skills-status', 'aria-live': 'polite' });
  const error = h('p', { class: 'field-error', testid: 'skills-error', role: 'alert', hidden: true });

  const cell = (r, phase, changeTd) => {
    const sel = /** @type {HTMLSelectElement} */ (h('select', {
      class: 'input select skill-select', testid: `skill-${phase}`, 'data-item-id': r.frameworkItemId,
      'aria-label': `${r.name}, ${phase}`,
    }, ratingOptions(r[phase]).map((o) => h('option', { value: o.value, disabled: o.disabled, selected: o.selected }, o.label))));
    sel.addEventListener('change', async () => {
      const rating = Number(sel.value);
      if (!rating) return;
      const was = r[phase];
      error.hidden = true;
      status.textContent = 'Saving…';
      try {
        const rows = await api.skills.rate({ personId, circleId: block.circleId, frameworkItemId: r.frameworkItemId, rating, phase });
        const now = rows.find((x) => x.frameworkItemId === r.frameworkItemId);
        r.before = now ? now.before : r.before;
        r.after = now ? now.after : r.after;
        if (!now) r[phase] = rating;
        /** @type {HTMLOptionElement} */ (sel.options[0]).disabled = r[phase] > 0;
        changeTd.replaceChildren(changeCell(r));
        status.textContent = `Saved: ${r.name} ${phase}, ${r[phase]}.`;
      } catch (err) {
        sel.value = String(was);
        status.textContent = '';
        error.textContent = /** @type {any} */ (err).message || 'The rating was not saved.';
        error.hidden = false;
      }
    });
    return h('td', { class: 'skill-cell' }, sel);
  };

  const tr = (r) => {
    const changeTd = h('td', { class: 'skill-change-cell' }, changeCell(r));
    return h('tr', { testid: 'skill-row', 'data-item-id': r.frameworkItemId },
      h('th', { scope: 'row', class: 'skill-name' }, r.name, several ? h('span', { class: 'skill-framework muted' }, r.framework) : null),
      cell(r, 'before', changeTd), cell(r, 'after', changeTd), changeTd);
  };

  const captionId = uid('skills-caption');
  return h('div', { class: 'skills-block', testid: 'skills-block', 'data-circle-id': block.circleId },
    h('h3', { class: 'skills-caption', id: captionId }, h('span', { class: 'skills-circle' }, block.name), h('span', { class: 'muted' }, ` · ${names.join(', ')}`)),
    h('div', { class: 'list-card' },
      h('table', { class: 'skills-table', testid: 'skills-table', 'aria-labelledby': captionId },
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, 'Skill'), h('th', { scope: 'col' }, 'Before'), h('th', { scope: 'col' }, 'After'), h('th', { scope: 'col' }, 'Change'))),
        h('tbody', null, block.rows.map(tr)))),
    error, status);
}

/**
 * The "Skills, before and after" section: a table for each circle that
 * uses a framework, or a short hint when none does.
 * @param {{personId: number, blocks: SkillBlock[]}} o
 * @returns {HTMLElement}
 */
export function skillsSection(o) {
  return section({ title: 'Skills, before and after', id: 'skills', testid: 'skills-section', aside: o.blocks.length ? 'Rated 1 (starting out) to 5 (strong)' : null },
    o.blocks.length
      ? o.blocks.map((b) => skillTable(o.personId, b))
      : h('p', { class: 'muted small', testid: 'skills-hint' }, 'None of their circles uses a skills framework. Once one does, rate each skill here at the start and at the end.'));
}
