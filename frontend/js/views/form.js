// The form screen (#/form): a cohort split into circles by Go (a number of
// circles, or a size range), each circle's mix explained; the leader moves
// people between circles with a "Move to…" select, which Go checks against
// the rules, then creates the circles, each with a first session proposed.
// A person can also be dragged onto another circle's card: the drop asks
// for the same move, and the select stays the way to move by keyboard.

import { h, replace } from '../lib/dom.js';
import { plural } from '../lib/format.js';
import { icon } from '../lib/icons.js';
import { field, row, readForm, showError, clearErrors, formErrorBanner, errorSlot } from '../lib/forms.js';
import { formOptions, memberLists, circleTitle, proposalSummary, createdMessage, pageOf, suggestedCircles, MEMBER_DRAG_TYPE, memberDragData, dropMove } from '../lib/pairing.js';
import { href } from '../router.js';
import * as api from '../api.js';
import { button, section, onCtrlEnter } from './ui.js';
import { toast, reportError } from './toast.js';
import { openCohortScreen, withProgress } from './cohort-screen.js';

/** How many circle cards a page shows. */
const CIRCLES_PAGE = 24;

/**
 * The choice between a number of circles and a size range, with their inputs.
 * @returns {HTMLElement}
 */
function sizeChoice() {
  const radio = (value, checked) => h('input', { type: 'radio', name: 'by', value, checked, testid: `form-by-${value}` });
  return h('fieldset', { class: 'pairing-fieldset', testid: 'form-size' }, h('legend', null, 'How to split'),
    h('div', { class: 'pairing-grid' },
      h('div', { class: 'pairing-choice' },
        h('label', { class: 'pairing-check' }, radio('count', true), h('span', null, 'By number of circles')),
        field({ name: 'circles', label: 'Number of circles', type: 'number', value: 5, min: 1, max: 500, step: 1 })),
      h('div', { class: 'pairing-choice' },
        h('label', { class: 'pairing-check' }, radio('size', false), h('span', null, 'By members per circle')),
        row(field({ name: 'minSize', label: 'At least', type: 'number', value: 6, min: 2, max: 500, step: 1, what: 'The smallest size' }),
          field({ name: 'maxSize', label: 'At most', type: 'number', value: 9, min: 2, max: 500, step: 1, what: 'The largest size' })),
        errorSlot('size', 'form-size-err'))));
}

/**
 * Mounts the form screen.
 * @param {HTMLElement} root
 * @param {any} route
 * @param {{alive: () => boolean}} ctx
 * @returns {Promise<{dispose: () => void}>}
 */
export async function mount(root, route, ctx) {
  const opened = await openCohortScreen(root, ctx, () => mount(root, route, ctx),
    { title: 'Form circles', subtitle: 'Split a cohort into circles that mix tenures, organizations and people who have not met.' });
  if (!opened) return { dispose() {} };
  const { header, picker, cohorts } = opened;

  let proposal = null;
  let cohort = '';
  let page = 0;
  let running = false;

  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'pairing-form', testid: 'form-form', novalidate: true }));
  const proposeBtn = button({ label: 'Propose circles', icon: 'circles', variant: 'primary', type: 'submit', testid: 'propose-circles' });
  form.append(row(picker.field), sizeChoice(), formErrorBanner(), h('div', { class: 'form-actions pairing-actions' }, proposeBtn));
  const control = (name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name));
  const by = () => /** @type {'count'|'size'} */ (/** @type {RadioNodeList} */ (form.elements.namedItem('by')).value);
  /** Enables the inputs of the chosen way to split, and disables the other's. */
  const syncBy = () => {
    control('circles').disabled = by() !== 'count';
    control('minSize').disabled = control('maxSize').disabled = by() !== 'size';
  };
  form.addEventListener('change', (e) => {
    if (/** @type {HTMLInputElement} */ (e.target).name === 'by') syncBy();
  });
  syncBy();
  // The number of circles starts from what the chosen cohort suggests.
  const suggestCount = () => {
    const c = (cohorts || []).find((x) => x.name === control('cohort').value);
    if (c) control('circles').value = String(suggestedCircles(c));
  };
  suggestCount();
  const progressSlot = h('div', { class: 'pairing-progress-slot', hidden: true });
  const results = h('div', { class: 'pairing-results', testid: 'form-results' });
  replace(root, header, form, progressSlot, results);

  /** Asks Go for a split, and shows it. */
  async function propose() {
    if (running) return;
    let req;
    try {
      const v = readForm(form, { cohort: 'text', circles: 'int', minSize: 'int', maxSize: 'int' });
      req = { cohort: v.cohort, options: formOptions(v, by()) };
    } catch (err) {
      showError(form, err);
      return;
    }
    clearErrors(form);
    running = true;
    proposeBtn.disabled = true;
    results.setAttribute('aria-busy', 'true');
    try {
      const res = await withProgress(progressSlot, 'forming', () => api.pairing.propose(req));
      if (!ctx.alive()) return;
      proposal = res;
      cohort = req.cohort;
      page = 0;
      render();
      document.title = `${plural((proposal.circles || []).length, 'circle')} proposed · Form circles — Circlebook`;
      /** @type {HTMLElement|null} */ (results.querySelector('[data-testid=form-summary]'))?.focus();
    } catch (err) {
      if (ctx.alive()) showError(form, err);
    } finally {
      running = false;
      proposeBtn.disabled = false;
      results.removeAttribute('aria-busy');
    }
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    propose();
  });
  control('cohort').addEventListener('change', () => {
    proposal = null;
    replace(results);
    suggestCount();
  });

  /**
   * Moves a person to another circle through Go; a refused move says why in
   * the card it was asked from and changes nothing.
   */
  async function move(person, to, card, select, from) {
    const alert = card.querySelector('[data-testid=circle-error]');
    alert.textContent = '';
    alert.hidden = true;
    select.disabled = true;
    try {
      const res = await api.pairing.move({ cohort, options: proposal.options, circles: memberLists(proposal), person, to });
      if (!ctx.alive()) return;
      proposal = res;
      page = Math.floor(to / CIRCLES_PAGE);
      render();
      const moved = /** @type {HTMLElement|null} */ (results.querySelector(`[data-testid=form-circle][data-index="${to}"] select[data-person="${person}"]`));
      moved?.focus();
    } catch (err) {
      if (!ctx.alive()) return;
      select.disabled = false;
      select.value = String(from);
      alert.textContent = err.message || 'This move is not allowed.';
      alert.hidden = false;
      select.focus();
    }
  }

  /**
   * One member of a circle: the name, a Leads badge, and where to move them.
   * @param {string} id @param {number} index the circle's, from 0 @param {number} count circles in all @param {HTMLElement} card
   * @returns {HTMLElement}
   */
  function memberRow(id, index, count, card) {
    const name = proposal.names[id] || id;
    const leads = (proposal.leads || []).includes(id);
    const options = Array.from({ length: count }, (_, k) => h('option', { value: String(k), selected: k === index }, k === index ? `Circle ${k + 1} (here)` : `Circle ${k + 1}`));
    const select = /** @type {HTMLSelectElement} */ (h('select', { class: 'input select pairing-move', testid: 'member-move', 'data-person': id, 'aria-label': `Move ${name} to…` }, ...options));
    select.title = `Move ${name} to…`;
    // The move waits for its button: arrowing through a closed select fires
    // a change on every key in some browsers, which would move at each.
    const go = button({ label: 'Move', size: 'sm', variant: 'ghost', testid: 'member-move-go', title: `Move ${name} to the circle chosen`,
      onclick: () => {
        const to = Number(select.value);
        if (to !== index) move(id, to, card, select, index);
      } });
    // The name is what a mouse drags (the select and button stay clickable).
    return h('li', { class: 'form-member', testid: 'form-member', 'data-person': id },
      h('span', { class: 'form-member-who', draggable: 'true', testid: 'member-drag', 'data-from': index, title: `Drag ${name} to another circle` },
        h('span', { class: 'form-member-grip', 'aria-hidden': 'true' }),
        h('span', { class: 'form-member-name', testid: 'form-member-name' }, name),
        leads ? h('span', { class: 'badge badge-lead', testid: 'lead-badge' }, 'Leads') : null),
      h('span', { class: 'form-member-move' }, select, go));
  }

  /** One proposed circle as a card. */
  function circleCard(c, index, count) {
    const members = c.members || [];
    const titleId = `form-circle-${index}-title`;
    const card = h('section', { class: 'form-circle', testid: 'form-circle', 'data-index': index, 'aria-labelledby': titleId });
    const sentences = (c.explanation && c.explanation.sentences) || [];
    card.append(
      h('h3', { class: 'form-circle-title', id: titleId, testid: 'form-circle-title' }, circleTitle(index, members.length)),
      sentences.length ? h('ul', { class: 'form-why', testid: 'circle-why' }, ...sentences.map((s) => h('li', null, s))) : null,
      h('p', { class: 'form-error', role: 'alert', testid: 'circle-error', hidden: true }),
      h('ul', { class: 'form-members', 'aria-label': `Members of circle ${index + 1}` }, ...members.map((id) => memberRow(id, index, count, card))));
    return card;
  }

  const createBtn = button({ label: 'Create', icon: 'check', variant: 'primary', testid: 'create-circles', onclick: () => create() });

  /** Creates the circles as they are now, in one call. */
  async function create() {
    createBtn.disabled = true;
    try {
      const res = await api.pairing.create({ cohort, circles: memberLists(proposal), leaders: proposal.leads || [] });
      if (!ctx.alive()) return;
      const said = createdMessage(res);
      document.title = `Created ${plural(res.circles.length, 'circle')} · Form circles — Circlebook`;
      toast(said, { kind: 'success', action: { label: 'Open the program', testid: 'toast-program', run: () => { location.hash = href('program'); } } });
      const note = results.querySelector('[data-testid=create-note]');
      replace(note, icon('check-circle', { size: 16 }), h('span', null, said, ' '), h('a', { href: href('program'), testid: 'create-program-link' }, 'See them in the program'));
      note.hidden = false;
    } catch (err) {
      reportError(err);
    } finally {
      createBtn.disabled = false;
    }
  }

  /** Draws the proposal: the summary and a card per circle, a page at a time. */
  function render() {
    const circles = proposal.circles || [];
    const pg = pageOf(circles, page, CIRCLES_PAGE);
    const first = pg.page * CIRCLES_PAGE;
    createBtn.querySelector('span').textContent = `Create ${circles.length} ${circles.length === 1 ? 'circle' : 'circles'}`;
    const pager = pg.pages > 1 ? h('div', { class: 'pairing-pager', testid: 'form-pager' },
      button({ label: 'Previous', icon: 'chevron-left', size: 'sm', disabled: pg.page === 0, testid: 'form-prev', onclick: () => turn(-1) }),
      h('span', { class: 'muted small', 'aria-live': 'polite' }, `${pg.label} circles`),
      button({ label: 'Next', icon: 'chevron-right', size: 'sm', disabled: pg.page >= pg.pages - 1, testid: 'form-next', onclick: () => turn(1) })) : null;
    replace(results,
      section({ title: 'Proposed circles', id: 'form-proposed', actions: [createBtn] },
        h('p', { class: 'pairing-summary', testid: 'form-summary', tabindex: '-1' }, proposalSummary(proposal)),
        circles.length > 1 ? h('p', { class: 'muted small form-drag-hint', testid: 'form-drag-hint' }, 'Drag a person onto another circle, or choose a circle beside them and press Move.') : null,
        h('p', { class: 'pairing-done', testid: 'create-note', role: 'status', hidden: true }),
        h('div', { class: 'form-circles', testid: 'form-circles' }, ...pg.rows.map((c, i) => circleCard(c, first + i, circles.length))),
        pager));
  }

  /** Shows the previous or next page of circles, keeping focus on the pager. */
  function turn(step) {
    page += step;
    render();
    /** @type {HTMLElement|null} */ (results.querySelector(step < 0 ? '[data-testid=form-prev]:not(:disabled)' : '[data-testid=form-next]:not(:disabled)') || results.querySelector('[data-testid=form-summary]'))?.focus();
  }

  // Drag and drop, on the results (which outlive every render): a member
  // dragged over another circle's card lights it up; the drop asks Go for
  // the move as the Move button does, focus and all.
  /** @type {{person: string, from: number}|null} */
  let dragging = null;
  /** The circle card an event is in, or null. @param {Event} e @returns {HTMLElement|null} */
  const cardOf = (e) => /** @type {Element} */ (e.target).closest?.('[data-testid=form-circle]') || null;
  /** Lights up card alone as where the drop lands (none: null). @param {HTMLElement|null} card */
  const target = (card) => {
    for (const c of results.querySelectorAll('.is-drop-target')) if (c !== card) c.classList.remove('is-drop-target');
    card?.classList.add('is-drop-target');
  };
  /** The move a drag over card would ask for, or null. @param {DragEvent} e @param {HTMLElement|null} card */
  const wanted = (e, card) => (dragging && card && e.dataTransfer?.types.includes(MEMBER_DRAG_TYPE)
    ? dropMove(memberDragData(dragging.person, dragging.from), Number(card.dataset.index)) : null);
  results.addEventListener('dragstart', (e) => {
    const who = /** @type {Element} */ (e.target).closest?.('[data-testid=member-drag]');
    const li = who?.closest('[data-testid=form-member]');
    if (!who || !li || !e.dataTransfer) return;
    dragging = { person: li.dataset.person, from: Number(who.dataset.from) };
    e.dataTransfer.setData(MEMBER_DRAG_TYPE, memberDragData(dragging.person, dragging.from));
    e.dataTransfer.setData('text/plain', li.querySelector('[data-testid=form-member-name]').textContent);
    e.dataTransfer.effectAllowed = 'move';
    li.classList.add('is-dragging');
  });
  results.addEventListener('dragover', (e) => {
    const card = cardOf(e);
    if (!wanted(e, card)) {
      target(null);
      return;
    }
    e.preventDefault(); // this card takes the drop
    e.dataTransfer.dropEffect = 'move';
    target(card);
  });
  results.addEventListener('dragleave', (e) => {
    const card = cardOf(e);
    if (card && !card.contains(/** @type {Node|null} */ (e.relatedTarget))) card.classList.remove('is-drop-target');
  });
  results.addEventListener('drop', (e) => {
    const card = cardOf(e);
    if (!card || !e.dataTransfer) return;
    e.preventDefault();
    target(null);
    const m = dropMove(e.dataTransfer.getData(MEMBER_DRAG_TYPE), Number(card.dataset.index));
    const select = m && /** @type {HTMLSelectElement|null} */ (results.querySelector(`select[data-person="${CSS.escape(m.person)}"]`));
    const from = select?.closest('[data-testid=form-circle]');
    if (!m || !select || !from || select.disabled) return;
    move(m.person, m.to, from, select, m.from);
  });
  results.addEventListener('dragend', () => {
    dragging = null;
    target(null);
    for (const li of results.querySelectorAll('.is-dragging')) li.classList.remove('is-dragging');
  });

  const stopKeys = onCtrlEnter(propose); // proposes circles from anywhere on the screen
  return { dispose: stopKeys };
}
