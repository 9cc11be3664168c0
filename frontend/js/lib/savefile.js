// Saving an exported file ({name, mime, data}): the native save dialog in
// the window, a download in browser mode. Shared by the circle's export
// dialog and the person's growth report. Touches the page only when called.

import { h } from './dom.js';
import { fromBase64, savedMessage } from './exporting.js';
import * as api from '../api.js';

/**
 * Hands a file to the browser as a download, without leaving the page: a
 * temporary link with the download attribute, inside the open modal dialog
 * (the page outside it is inert). Its click must not reach main.js's
 * document-level link handler, which stops every non-hash link from
 * navigating and would cancel the download.
 * @param {import('../api.js').ExportFile} file
 * @param {HTMLElement} host an element inside the dialog
 */
export function download(file, host) {
  const url = URL.createObjectURL(new Blob([fromBase64(file.data)], { type: file.mime || 'application/octet-stream' }));
  const a = h('a', { href: url, download: file.name, hidden: true });
  a.addEventListener('click', (e) => e.stopPropagation());
  host.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * Saves an exported file where the user says: the window's save dialog, or
 * a download in browser mode.
 * @param {import('../api.js').ExportFile} file
 * @param {HTMLElement} host an element inside the open dialog, for the download link
 * @returns {Promise<string|null>} the message to show once saved, or null when the save dialog was cancelled
 */
export async function saveExportFile(file, host) {
  if (api.inWindow()) {
    const path = await api.app.saveFile(file.name, file.data);
    return path ? savedMessage(path, false) : null;
  }
  download(file, host);
  return savedMessage(file.name, true);
}
