// The connection banner: while the program database (PostgreSQL) cannot be
// reached, a line at the top of every screen says so and that Circlebook is
// retrying; it goes once a call gets through. Nothing typed is lost
// meanwhile: the notes keep their text and retry (lib/saver.js). It never
// shows on SQLite, where no call fails "unavailable".

import { h } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { emit } from '../state.js';

/** What the banner says. */
export const LOST_TEXT = 'Lost the connection to the program database — retrying…';

/**
 * Builds the banner's live region over a connection watch (api.connection).
 * The region is always in the page, empty while the database answers, so
 * screen readers announce the banner when it appears. Emits
 * "connection:restored" when the database answers again.
 * @param {{snapshot: () => {lost: boolean}, subscribe: (fn: (s: {lost: boolean}) => void) => () => void}} connection
 * @returns {{el: HTMLElement, dispose: () => void}}
 */
export function connectionBanner(connection) {
  const el = h('div', { class: 'connection-region', 'aria-live': 'assertive', testid: 'connection-region' });
  let shown = false;
  const show = (lost) => {
    if (lost === shown) return;
    shown = lost;
    if (lost) {
      el.replaceChildren(h('div', { class: 'connection-banner', role: 'alert', testid: 'connection-banner' },
        icon('alert', { size: 16 }), h('span', null, LOST_TEXT)));
      return;
    }
    el.replaceChildren();
    emit('connection:restored');
  };
  show(connection.snapshot().lost);
  const off = connection.subscribe((s) => show(s.lost));
  return { el, dispose: off };
}
