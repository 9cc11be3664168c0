// Pure logic of the export dialog: the format choices, the request Go
// reads, labels, and turning Go's base64 file data into bytes.

/** @typedef {{value: string, label: string, format: string, table: string}} FormatChoice */
/** @typedef {{choice: string, period: string, from: string, to: string, anonymize: boolean, figuresOnly: boolean}} ExportForm */
/** @typedef {{format: string, table: string, period: string, from: string, to: string, anonymize: boolean, figuresOnly: boolean}} ExportRequest */

/** Every choice the dialog knows, in the order it lists them. */
const CHOICES = [
  { value: 'md', label: 'Markdown', format: 'md', table: '' },
  { value: 'html', label: 'HTML (one page, printable)', format: 'html', table: '' },
  { value: 'pdf', label: 'PDF', format: 'pdf', table: '' },
  { value: 'csv:roster', label: 'CSV: roster', format: 'csv', table: 'roster' },
  { value: 'csv:attendance', label: 'CSV: attendance', format: 'csv', table: 'attendance' },
  { value: 'csv:actions', label: 'CSV: action items', format: 'csv', table: 'actions' },
  { value: 'csv:skills', label: 'CSV: skills before and after', format: 'csv', table: 'skills' },
  { value: 'ics', label: 'iCalendar (sessions)', format: 'ics', table: '' },
  { value: 'json', label: 'Bundle (JSON, re-importable)', format: 'json', table: '' },
];

/** The period choices. */
export const PERIODS = [
  { value: 'all', label: 'All' },
  { value: 'this-quarter', label: 'This quarter' },
  { value: 'last-quarter', label: 'Last quarter' },
  { value: 'range', label: 'Date range' },
];

/**
 * The format choices for the formats Go can export (export.Exports.Formats).
 * @param {string[]} available e.g. ["md", "html", "csv", "ics", "json"]
 * @returns {FormatChoice[]}
 */
export function formatChoices(available) {
  const have = new Set(available || []);
  return CHOICES.filter((c) => have.has(c.format));
}

/**
 * The request Go's Exports.File and Preview read, from the dialog's fields.
 * From and to go only with a date range.
 * @param {ExportForm} f
 * @returns {ExportRequest}
 */
export function exportRequest(f) {
  const [format, table = ''] = String(f.choice || 'md').split(':');
  const range = f.period === 'range';
  return {
    format, table, period: f.period || 'all',
    from: range ? String(f.from || '') : '', to: range ? String(f.to || '') : '',
    anonymize: !!f.anonymize, figuresOnly: !!f.figuresOnly,
  };
}

/**
 * Whether a format takes the period and the privacy options (the bundle does not).
 * @param {string} choice
 * @returns {boolean}
 */
export function takesOptions(choice) {
  return !String(choice).startsWith('json');
}

/**
 * Says which period is chosen, for the dialog's preview heading.
 * @param {string} period
 * @param {string} from
 * @param {string} to
 * @returns {string}
 */
export function periodLabel(period, from, to) {
  switch (period) {
    case 'this-quarter': return 'This quarter';
    case 'last-quarter': return 'Last quarter';
    case 'range':
      if (from && to) return `${from} – ${to}`;
      if (from) return `From ${from}`;
      if (to) return `Until ${to}`;
      return 'All sessions';
    default: return 'All sessions';
  }
}

/**
 * The message shown once a file is saved.
 * @param {string} path where the window saved it, or a file name the browser downloaded
 * @param {boolean} downloaded
 * @returns {string}
 */
export function savedMessage(path, downloaded) {
  return downloaded ? `Downloaded ${path}` : `Saved to ${path}`;
}

/**
 * Decodes Go's []byte (base64 in JSON) into bytes.
 * @param {string} b64
 * @returns {Uint8Array}
 */
export function fromBase64(b64) {
  const bin = atob(String(b64 || ''));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * A sequence for answers that may arrive out of order: next() numbers a
 * request, isLatest(n) says whether its answer is still the one to show.
 * @returns {{next: () => number, isLatest: (n: number) => boolean}}
 */
export function latest() {
  let n = 0;
  return { next: () => ++n, isLatest: (m) => m === n };
}

/**
 * The dialog's starting fields from what was exported last (a saved
 * preference), keeping only what is still offered; a fresh dialog otherwise.
 * @param {any} saved
 * @param {FormatChoice[]} choices what this build can export
 * @returns {ExportForm}
 */
export function rememberedExport(saved, choices) {
  const s = saved && typeof saved === 'object' ? saved : {};
  const text = (v) => (typeof v === 'string' ? v : '');
  return {
    choice: choices.some((c) => c.value === s.choice) ? s.choice : 'md',
    period: PERIODS.some((p) => p.value === s.period) ? s.period : 'all',
    from: text(s.from), to: text(s.to),
    anonymize: s.anonymize === true, figuresOnly: s.figuresOnly === true,
  };
}
