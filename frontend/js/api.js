// The only module that calls Go. In the Wails window it calls the bound
// methods on window.go; in browser mode (`circlebook serve`) it posts to
// /api/call. Every failure becomes an ApiError {code, field, message}, and
// every call tells `connection` whether the program database answered.

import { createConnection } from './lib/connection.js';

/** The error codes the Go side uses; "unavailable": the program database (PostgreSQL) cannot be reached now. */
export const CODES = ['invalid', 'too_long', 'not_found', 'conflict', 'other_day', 'internal', 'unavailable'];

/**
 * A failed call, shaped as the Go side's {code, field, message}.
 */
export class ApiError extends Error {
  /**
   * @param {string} code one of CODES
   * @param {string} field the input's JSON field name, or ""
   * @param {string} message written for the person at the keyboard
   */
  constructor(code, field, message) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.field = field;
    /** Every field's problem when the input broke several rules; the first is field and message. @type {{field: string, message: string}[]} */
    this.fields = [{ field, message }];
  }
}

/**
 * Turns anything a call can fail with — an {code, field, message} object, a
 * JSON or plain string (Wails may reject with either), an Error (a network
 * failure) — into an ApiError.
 * @param {unknown} e
 * @returns {ApiError}
 */
export function normaliseError(e) {
  if (e instanceof ApiError) return e;
  if (typeof e === 'string') {
    const s = e.trim();
    if (s.startsWith('{')) {
      try {
        return normaliseError(JSON.parse(s));
      } catch {
        // not JSON after all: fall through to the plain message
      }
    }
    return new ApiError('internal', '', s || 'Something went wrong.');
  }
  if (e && typeof e === 'object') {
    const o = /** @type {any} */ (e);
    if (o.error && typeof o.error === 'object' && !('code' in o)) return normaliseError(o.error);
    const code = CODES.includes(o.code) ? o.code : 'internal';
    const field = typeof o.field === 'string' ? o.field : '';
    let message = typeof o.message === 'string' && o.message ? o.message : '';
    if (e instanceof TypeError && !('code' in o)) message = `Could not reach Circlebook (${message || 'network error'}).`;
    const err = new ApiError(code, field, message || 'Something went wrong.');
    if (Array.isArray(o.fields) && o.fields.length) {
      err.fields = o.fields.map((f) => ({ field: typeof f?.field === 'string' ? f.field : '', message: typeof f?.message === 'string' ? f.message : '' }));
    }
    return err;
  }
  return new ApiError('internal', '', 'Something went wrong.');
}

/**
 * Resolves "pkg.Struct.Method" on a Wails `go` object.
 * @param {any} go window.go
 * @param {string} name
 * @returns {Function|null}
 */
export function bound(go, name) {
  const [pkg, struct, method] = name.split('.');
  const fn = go && go[pkg] && go[pkg][struct] && go[pkg][struct][method];
  return typeof fn === 'function' ? fn : null;
}

/**
 * Reads a browser-mode reply: {result} on 200, {error} otherwise.
 * @param {{ok: boolean, status: number, text: () => Promise<string>}} res a fetch Response
 * @returns {Promise<any>}
 */
export async function readReply(res) {
  const text = await res.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = null;
  }
  if (res.status === 200 && body) return body.result;
  if (body && body.error) throw normaliseError(body.error);
  const hint = res.status === 401 ? 'The session has expired: open the address `circlebook serve` printed again.' : text.trim() || `The app answered ${res.status}.`;
  throw new ApiError('internal', '', hint);
}

/**
 * The Wails bindings (window.go), or undefined in browser mode. Inside the
 * window (wails:// page, or the Wails runtime present) it waits briefly for
 * the bindings rather than falling back to HTTP, which the window cannot serve.
 * @param {number} [waitMs]
 * @returns {Promise<any>}
 */
export async function wailsGo(waitMs = 3000) {
  const w = typeof window !== 'undefined' ? /** @type {any} */ (window) : undefined;
  if (!w) return undefined;
  if (w.go) return w.go;
  const inWindow = !!(w.runtime || w.wails || (w.location && w.location.protocol === 'wails:'));
  if (!inWindow) return undefined;
  for (let waited = 0; !w.go && waited < waitMs; waited += 50) await new Promise((r) => setTimeout(r, 50));
  if (!w.go) throw new ApiError('internal', '', 'The app’s connection to its data did not start. Restart Circlebook.');
  return w.go;
}

/**
 * Whether the program database answers: lost when a call fails
 * "unavailable", then pinged (main.App.Ping) with backoff until it answers.
 * views/connection-banner.js shows it.
 */
export const connection = createConnection({ ping: () => send({}, 'main.App.Ping', []) });

/**
 * Calls a bound Go method by its Wails name, e.g. call("circles.Circles.Get", 3).
 * @param {string} name "pkg.Struct.Method"
 * @param {...any} args
 * @returns {Promise<any>} the method's result; rejects with an ApiError
 */
export async function call(name, ...args) {
  return callWith({}, name, ...args);
}

/**
 * Like call, with transport options: keepalive lets a browser-mode request
 * outlive the page (a save sent while the tab closes).
 * @param {{keepalive?: boolean}} opts
 * @param {string} name
 * @param {...any} args
 * @returns {Promise<any>}
 */
export async function callWith(opts, name, ...args) {
  let result;
  try {
    result = await send(opts, name, args);
  } catch (e) {
    connection.report({ ok: false, code: e.code });
    throw e;
  }
  connection.report({ ok: true });
  return result;
}

/**
 * Calls Go by whichever transport is present, without telling connection.
 * @param {{keepalive?: boolean}} opts
 * @param {string} name
 * @param {any[]} args
 * @returns {Promise<any>} rejects with an ApiError
 */
async function send(opts, name, args) {
  try {
    const go = await wailsGo();
    if (go) {
      const fn = bound(go, name);
      if (!fn) throw new ApiError('internal', '', `The app has no method ${name}.`);
      return await fn(...args);
    }
    const res = await fetch('/api/call', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, args }),
      keepalive: !!opts.keepalive,
    });
    return await readReply(res);
  } catch (e) {
    throw normaliseError(e);
  }
}

/**
 * Whether the page runs in the app's window (Wails) rather than a browser tab.
 * @returns {boolean}
 */
export function inWindow() {
  const w = typeof window !== 'undefined' ? /** @type {any} */ (window) : undefined;
  return !!(w && (w.go || w.runtime || (w.location && w.location.protocol === 'wails:')));
}

/** Events between Go and the page (the window only; a no-op in browser mode). */
export const events = {
  /**
   * Listens to an event Go emits, e.g. "notes:flush".
   * @param {string} name
   * @param {(...data: any[]) => void} fn
   * @returns {() => void} stop listening
   */
  on(name, fn) {
    const rt = typeof window !== 'undefined' ? /** @type {any} */ (window).runtime : undefined;
    if (!rt || typeof rt.EventsOn !== 'function') return () => {};
    const off = rt.EventsOn(name, fn);
    return typeof off === 'function' ? off : () => rt.EventsOff?.(name);
  },
  /**
   * Emits an event to Go, e.g. "notes:flushed".
   * @param {string} name
   * @param {...any} data
   */
  emit(name, ...data) {
    const rt = typeof window !== 'undefined' ? /** @type {any} */ (window).runtime : undefined;
    if (rt && typeof rt.EventsEmit === 'function') rt.EventsEmit(name, ...data);
  },
};

// ---- typed wrappers -------------------------------------------------------

/**
 * @typedef {{present: number, late: number, excused: number, absent: number, rate: number|null}} Tally
 * @typedef {{id: number, circleId: number, number: number, startsAt: string, durationMinutes: number, topic: string, place: string, status: string}} Session
 * @typedef {{id: number, name: string, purpose: string, kind: string, cadence: string, cadenceDays: number, meetingDay: number, meetingTime: string, durationMinutes: number, timeZone: string, place: string, videoLink: string, startDate: string, endDate: string, status: string, color: string, pinned: boolean}} Circle
 * @typedef {{id: number, name: string, purpose: string, kind: string, cadence: string, cadenceDays: number, meetingDay: number, meetingTime: string, status: string, color: string, pinned: boolean, memberCount: number, nextSession: {id: number, number: number, startsAt: string}|null, attendance: Tally}} CircleSummary a list row: what it shows, not the whole circle
 * @typedef {{query?: string, includeArchived?: boolean, offset?: number, after?: string, limit?: number}} CircleListRequest after: the cursor a page's next gave (then offset is ignored); limit 1..100, 0 for 50
 * @typedef {{circles: CircleSummary[], total: number, capped: boolean, offset: number, next: string, any: boolean}} CircleListPage any: false only when there is no circle at all; with a query, total stops at 10,001 (capped)
 * @typedef {{id: number, name: string, color: string, status: string, pinned: boolean}} SidebarCircle
 * @typedef {{circles: SidebarCircle[], total: number}} SidebarList total: the active circles in all
 * @typedef {{id: number, uuid: string, name: string, email: string, pronouns: string, title: string, team: string, location: string, circleCount: number}} PersonSummary
 * @typedef {{query?: string, offset?: number, after?: string, limit?: number}} PeopleListRequest
 * @typedef {{people: PersonSummary[], total: number, capped: boolean, offset: number, next: string}} PeopleListPage total is 1,001 and capped true past 1,000 matches
 * @typedef {Omit<Circle, 'id'>} CircleInput
 * @typedef {{personId: number, role: string, joinedOn: string, leftOn: string}} MemberInput
 * @typedef {{name: string, email: string, pronouns: string, title: string, team: string, location: string, timeZone: string, startDate: string, strengths: string, growthAreas: string, privateNote: string}} PersonInput
 * @typedef {{startsAt: string, durationMinutes: number, topic: string, place: string, status: string, agenda?: string[]}} SessionInput
 * @typedef {{firstStartsAt: string, count: number, durationMinutes: number, topic: string}} SeriesInput
 * @typedef {{title: string, minutes: number, done: boolean}} AgendaInput
 * @typedef {{id: number, sessionId: number, visibility: 'shared'|'private', body: string, version: number, updatedAt: string}} Note
 * @typedef {{id: number, circleId: number, sessionId: number|null, ownerId: number|null, ownerName: string, text: string, dueOn: string, status: 'open'|'done', doneAt: string, source: 'manual'|'notes', noteId: number|null}} ActionItem
 * @typedef {{text: string, ownerId: number, dueOn: string, sessionId: number}} ActionInput ownerId 0: the whole circle; sessionId 0: none
 * @typedef {{id: number, name: string, sessionCount?: number}} Topic
 * @typedef {{id: number, noteId: number, version: number, body: string, reason: string, createdAt: string}} Revision
 * @typedef {{sessionId: number, visibility: 'shared'|'private', body: string, savedAt: string}} Draft
 * @typedef {{id: number, personId: number, circleId: number|null, sessionId: number|null, body: string, visibility: 'shared'|'private', createdAt: string}} Pin
 */

/** App-level calls. */
export const app = {
  /** @returns {Promise<{version: string, dataFile: string, route: string, traceKeys: boolean}>} */
  info: () => call('main.App.Info'),
  /**
   * Whether the data is ready; until then, how far the migration of a file
   * made by an older version is (the window migrates after it opens).
   * @returns {Promise<{ready: boolean, progress: {step: string, done: number, total: number}, error: string}>}
   */
  ready: () => call('main.App.Ready'),
  /**
   * Names the screen in the window's title bar (the desktop window) or the
   * tab (browser mode); the window's title is also how scripts and tests
   * know which screen is up.
   * @param {string} title
   */
  setTitle: (title) => {
    if (document.title !== title) document.title = title;
    const rt = /** @type {any} */ (window).runtime;
    if (rt && typeof rt.WindowSetTitle === 'function') rt.WindowSetTitle(title);
  },
  /**
   * Closes the app the way the window's close button does (the window
   * only): pending text is saved first. Browser mode has nothing to close.
   * @returns {boolean} whether there was a window to close
   */
  quit: () => {
    const rt = /** @type {any} */ (window).runtime;
    if (!rt || typeof rt.Quit !== 'function') return false;
    rt.Quit();
    return true;
  },
  /**
   * Opens a link in the system browser (the window), or a new tab (browser
   * mode), never in the app's own page.
   * @param {string} url
   * @returns {Promise<void>}
   */
  openURL: async (url) => {
    if (!/^(https?:|mailto:)/i.test(String(url || ''))) throw new ApiError('invalid', '', 'Only web and mail links can be opened.');
    if (inWindow()) return call('main.App.OpenURL', url);
    window.open(url, '_blank', 'noopener,noreferrer');
  },
  /**
   * Saves a file with the native save dialog (the window only).
   * @param {string} name the suggested file name
   * @param {string} data the bytes, base64 as Go sent them
   * @returns {Promise<string>} the chosen path, or "" when the user cancelled
   */
  saveFile: (name, data) => call('main.App.SaveFile', name, data),
};

/** The circles service. */
export const circles = {
  /**
   * A page of the circles list, by name (case and accents aside).
   * @param {CircleListRequest} req
   * @returns {Promise<CircleListPage>}
   */
  list: (req) => call('circles.Circles.List', {
    query: req.query || '', includeArchived: !!req.includeArchived, offset: req.offset || 0, after: req.after || '', limit: req.limit || 0,
  }),
  /**
   * The sidebar's circles: every active one when there are 20 or fewer,
   * otherwise the pinned ones and then these recently opened ones, 20 at most.
   * @param {number[]} recentIds most recent first
   * @returns {Promise<SidebarList>}
   */
  sidebar: (recentIds) => call('circles.Circles.Sidebar', (recentIds || []).slice(0, 20)),
  /** @param {number} id @param {boolean} pinned @returns {Promise<Circle>} */
  setPinned: (id, pinned) => call('circles.Circles.SetPinned', id, !!pinned),
  /** @param {number} id @returns {Promise<any>} the circle page */
  get: (id) => call('circles.Circles.Get', id),
  /**
   * A page of a circle's past sessions before a cursor, with their grid.
   * @param {number} id
   * @param {string} before the circle page's earlier, or a previous page's
   * @param {number} [limit] 0 for 20; at most 50
   * @returns {Promise<{sessions: Session[], grid: {personId: number, name: string, cells: string[]}[], earlier: string}>} earlier: "" once the first session is reached
   */
  sessions: (id, before, limit) => call('circles.Circles.Sessions', id, before || '', limit || 0),
  /** @param {CircleInput} input @returns {Promise<Circle>} */
  create: (input) => call('circles.Circles.Create', input),
  /** @param {number} id @param {CircleInput} input @returns {Promise<Circle>} */
  update: (id, input) => call('circles.Circles.Update', id, input),
  /** @param {number} id @returns {Promise<Circle>} */
  archive: (id) => call('circles.Circles.Archive', id),
  /** @param {number} id @returns {Promise<Circle>} */
  restore: (id) => call('circles.Circles.Restore', id),
  /** @param {number} id @returns {Promise<void>} */
  remove: (id) => call('circles.Circles.Delete', id),
  /** @param {number} circleId @param {MemberInput} input @returns {Promise<any>} the membership */
  addMember: (circleId, input) => call('circles.Circles.AddMember', circleId, input),
  /** @param {number} circleId @param {PersonInput} person @param {MemberInput} input @returns {Promise<any>} the membership of the new person, both written in one transaction */
  addNewMember: (circleId, person, input) => call('circles.Circles.AddNewMember', circleId, person, input),
  /** @param {number} membershipId @param {MemberInput} input @returns {Promise<any>} */
  updateMember: (membershipId, input) => call('circles.Circles.UpdateMember', membershipId, input),
  /** @param {number} membershipId @returns {Promise<void>} */
  removeMember: (membershipId) => call('circles.Circles.RemoveMember', membershipId),
};

/** The people service. */
export const people = {
  /**
   * A page of the people list, by name; with a query, those it matches.
   * @param {PeopleListRequest} req
   * @returns {Promise<PeopleListPage>}
   */
  list: (req) => call('people.People.List', { query: req.query || '', offset: req.offset || 0, after: req.after || '', limit: req.limit || 0 }),
  /** @param {number} id @returns {Promise<any>} the person page */
  get: (id) => call('people.People.Get', id),
  /** @param {PersonInput} input @returns {Promise<any>} the person */
  create: (input) => call('people.People.Create', input),
  /** @param {string} name @param {string} email @returns {Promise<any[]>} people a new person with this name or email may duplicate */
  similar: (name, email) => call('people.People.Similar', name || '', email || ''),
  /** @param {number} id @param {PersonInput} input @returns {Promise<any>} */
  update: (id, input) => call('people.People.Update', id, input),
  /** @param {number} id @returns {Promise<void>} */
  remove: (id) => call('people.People.Delete', id),
};

/** The sessions service. */
export const sessions = {
  /** @param {number} id @returns {Promise<any>} the session page */
  get: (id) => call('sessions.Sessions.Get', id),
  /** @param {number} circleId @param {SessionInput} input @returns {Promise<Session>} */
  schedule: (circleId, input) => call('sessions.Sessions.Schedule', circleId, input),
  /** @param {number} circleId @param {SeriesInput} input @returns {Promise<Session[]>} */
  scheduleSeries: (circleId, input) => call('sessions.Sessions.ScheduleSeries', circleId, input),
  /** @param {number} id @param {SessionInput} input @returns {Promise<Session>} */
  update: (id, input) => call('sessions.Sessions.Update', id, input),
  /** @param {number} id @returns {Promise<void>} */
  remove: (id) => call('sessions.Sessions.Delete', id),
  /** @param {number} sessionId @param {number} personId @param {string} status "" clears @returns {Promise<any>} the session page */
  markAttendance: (sessionId, personId, status) => call('sessions.Sessions.MarkAttendance', sessionId, personId, status),
  /** @param {number} sessionId @param {string} status @returns {Promise<any>} the session page */
  markEveryone: (sessionId, status) => call('sessions.Sessions.MarkEveryone', sessionId, status),
  /** @param {number} sessionId @param {AgendaInput} input @returns {Promise<any[]>} the agenda */
  addAgendaItem: (sessionId, input) => call('sessions.Sessions.AddAgendaItem', sessionId, input),
  /** @param {number} id @param {AgendaInput} input @returns {Promise<any[]>} the agenda */
  updateAgendaItem: (id, input) => call('sessions.Sessions.UpdateAgendaItem', id, input),
  /** @param {number} id @returns {Promise<any[]>} the agenda */
  deleteAgendaItem: (id) => call('sessions.Sessions.DeleteAgendaItem', id),
  /** @param {number} id @param {number} position 0-based @returns {Promise<any[]>} the agenda */
  moveAgendaItem: (id, position) => call('sessions.Sessions.MoveAgendaItem', id, position),
  /** @param {number} id @returns {Promise<any>} the session page, now started; a planned session of another day rejects with code "other_day" */
  start: (id) => call('sessions.Sessions.Start', id),
  /** @param {number} id @returns {Promise<any>} the session page, moved to the current time and started */
  moveToNow: (id) => call('sessions.Sessions.MoveToNow', id),
  /** @param {number} circleId @returns {Promise<any>} the page of a new session starting now */
  startNow: (circleId) => call('sessions.Sessions.StartNow', circleId),
  /** @param {number} id @returns {Promise<any>} the session page, now held */
  end: (id) => call('sessions.Sessions.End', id),
  /** @param {number} id @param {number[]} topicIds @returns {Promise<any>} the session page */
  setTopics: (id, topicIds) => call('sessions.Sessions.SetTopics', id, topicIds),
};

/** Session notes, their history, drafts and pinned notes. */
export const notes = {
  /**
   * Saves a note's whole text; Go turns finished task lines into action items.
   * @param {number} sessionId @param {'shared'|'private'} visibility @param {string} body
   * @param {{keepalive?: boolean}} [opts]
   * @returns {Promise<{note: Note, actions: ActionItem[]}>}
   */
  save: (sessionId, visibility, body, opts = {}) => callWith(opts, 'notes.Notes.Save', sessionId, visibility, body),
  /**
   * Saves a note's whole text only over the version it was typed on (0 for
   * a note not yet written). When someone else saved since, nothing is
   * written and it rejects with code "conflict" on field "body".
   * @param {number} sessionId @param {'shared'|'private'} visibility
   * @param {number} base the version the text was typed on
   * @param {string} body
   * @param {{keepalive?: boolean}} [opts]
   * @returns {Promise<{note: Note, actions: ActionItem[]}>}
   */
  saveFrom: (sessionId, visibility, base, body, opts = {}) => callWith(opts, 'notes.Notes.SaveFrom', sessionId, visibility, base, body),
  /**
   * The note as Go has it now: its text and version (read with the session's page).
   * @param {number} sessionId @param {'shared'|'private'} visibility
   * @returns {Promise<Note>} id 0 and version 0 when not yet written
   */
  current: async (sessionId, visibility) => {
    const page = await call('sessions.Sessions.Get', sessionId);
    return page.notes[visibility];
  },
  /**
   * Keeps a text as a revision of the note without making it the note's
   * text: the side of a conflict not chosen, so History still has it.
   * @param {number} sessionId @param {'shared'|'private'} visibility @param {string} body
   * @returns {Promise<Revision>}
   */
  setAside: (sessionId, visibility, body) => call('notes.Notes.SetAside', sessionId, visibility, body),
  /** @param {string} markdown @returns {Promise<string>} HTML, sanitized by Go */
  preview: (markdown) => call('notes.Notes.Preview', markdown),
  /** @param {number} noteId @returns {Promise<Revision[]>} newest first */
  revisions: (noteId) => call('notes.Notes.Revisions', noteId),
  /** @param {number} noteId @param {number} revisionId @returns {Promise<Note>} */
  restore: (noteId, revisionId) => call('notes.Notes.Restore', noteId, revisionId),
  /** @returns {Promise<Draft[]>} text the database did not take */
  recover: () => call('notes.Notes.Recover'),
  /**
   * Makes the action items of the shared note's final text, its last line
   * counted though no Enter follows it (as ending the session does).
   * @param {number} sessionId @returns {Promise<{note: Note, actions: ActionItem[]}>}
   */
  finish: (sessionId) => call('notes.Notes.Finish', sessionId),
  /** @param {number} sessionId @param {'shared'|'private'} visibility @returns {Promise<void>} */
  discardDraft: (sessionId, visibility) => call('notes.Notes.DiscardDraft', sessionId, visibility),
  /** @param {number} personId @param {number} sessionId 0 for none @param {string} body @param {'shared'|'private'} visibility @returns {Promise<Pin>} */
  pin: (personId, sessionId, body, visibility) => call('notes.Notes.Pin', personId, sessionId, body, visibility),
  /** @param {number} pinId @returns {Promise<void>} */
  unpin: (pinId) => call('notes.Notes.Unpin', pinId),
};

/** Action items. */
export const actions = {
  /** @param {number} circleId @param {ActionInput} input @returns {Promise<ActionItem>} */
  create: (circleId, input) => call('actions.Actions.Create', circleId, input),
  /** @param {number} id @param {ActionInput} input @returns {Promise<ActionItem>} */
  update: (id, input) => call('actions.Actions.Update', id, input),
  /** @param {number} id @param {boolean} done @returns {Promise<ActionItem>} */
  setDone: (id, done) => call('actions.Actions.SetDone', id, !!done),
  /** @param {number} id @returns {Promise<void>} */
  remove: (id) => call('actions.Actions.Delete', id),
  /** @param {number} circleId @param {'open'|'done'|'all'} status @returns {Promise<ActionItem[]>} */
  list: (circleId, status) => call('actions.Actions.List', circleId, status),
};

/** The topic list. */
export const topics = {
  /** @returns {Promise<Topic[]>} with session counts */
  list: () => call('topics.Topics.List'),
  /** @param {string} name @returns {Promise<Topic>} */
  create: (name) => call('topics.Topics.Create', name),
  /** @param {number} id @param {string} name @returns {Promise<Topic>} */
  rename: (id, name) => call('topics.Topics.Rename', id, name),
  /** @param {number} id @returns {Promise<void>} */
  remove: (id) => call('topics.Topics.Delete', id),
};

/**
 * @typedef {import('./lib/exporting.js').ExportRequest} ExportRequest
 * @typedef {{name: string, mime: string, data: string}} ExportFile data is base64
 */

/** Circle summaries and bundles. */
export const exports = {
  /** @returns {Promise<string[]>} the formats this build can export ("json" is the bundle) */
  formats: () => call('export.Exports.Formats'),
  /** @param {number} circleId @param {ExportRequest} req @returns {Promise<string>} HTML, sanitized by Go */
  preview: (circleId, req) => call('export.Exports.Preview', circleId, req),
  /** @param {number} circleId @param {ExportRequest} req @returns {Promise<ExportFile>} */
  file: (circleId, req) => call('export.Exports.File', circleId, req),
  /** @param {number} personId @param {{format: string, from?: string, to?: string}} req format md, html or pdf @returns {Promise<ExportFile>} the person's growth report */
  personFile: (personId, req) => call('export.Exports.PersonFile', personId, { format: req.format, from: req.from || '', to: req.to || '' }),
  /** @param {{cohort?: string, kind?: string, format: string, pageSize?: string}} req format csv or pdf @returns {Promise<ExportFile>} every row of the program view */
  programFile: (req) => call('export.Exports.ProgramFile', { cohort: req.cohort || '', kind: req.kind || '', format: req.format, pageSize: req.pageSize || '' }),
};

/** The sample program. */
export const demo = {
  /** @returns {Promise<{created: boolean, circles: number, people: number, sessions: number}>} */
  load: () => call('demo.Demo.Load'),
  /** @returns {Promise<{created: boolean, cohort: string, people: number, mentors: number}>} the sample cohort of 40 to match and form circles from */
  loadCohort: () => call('demo.Demo.LoadCohort'),
};

/** The time zones a circle or a person may be in. */
export const zones = {
  /** @returns {Promise<string[]>} the IANA zones Go can load, sorted */
  list: () => call('zones.Zones.List'),
};

/**
 * @typedef {import('./lib/goals.js').GoalInput} GoalInput
 * @typedef {{progress: number, status: string, note: string}} CheckInInput status "" keeps the goal's
 * @typedef {{progress: number, note: string, on?: string}} ProgressInput on: YYYY-MM-DD, "" for today
 */

/** Members' goals: their tasks, progress and check-ins. */
export const goals = {
  /** @param {GoalInput} input @returns {Promise<any>} the goal's page (GoalView) */
  create: (input) => call('goals.Goals.Create', input),
  /** @param {number} id @param {GoalInput} input @returns {Promise<any>} the goal's page */
  update: (id, input) => call('goals.Goals.Update', id, input),
  /** @param {number} id @returns {Promise<any>} the deleted goal with its tasks and check-ins, for restore */
  remove: (id) => call('goals.Goals.Delete', id),
  /** @param {any} deleted what remove returned @returns {Promise<any>} the goal's page */
  restore: (deleted) => call('goals.Goals.Restore', deleted),
  /** @param {number} taskId @param {boolean} done @returns {Promise<any>} the goal's page */
  tickTask: (taskId, done) => call('goals.Goals.TickTask', taskId, !!done),
  /** @param {number} goalId @param {ProgressInput} input @returns {Promise<any>} the goal's page */
  setProgress: (goalId, input) => call('goals.Goals.SetProgress', goalId, { progress: input.progress, note: input.note || '', on: input.on || '' }),
  /** @param {number} sessionId @param {number} goalId @param {CheckInInput} input @returns {Promise<any>} the goal's page */
  checkIn: (sessionId, goalId, input) => call('goals.Goals.CheckIn', sessionId, goalId, input),
  /** @param {number} id @returns {Promise<any>} the goal's page: goal, personName, circleName, checkIns (newest first), checkInCount, stale */
  get: (id) => call('goals.Goals.Get', id),
  /** @param {number} goalId @param {string} beforeOn @param {number} beforeId @returns {Promise<{checkIns: any[], more: boolean}>} older check-ins */
  timeline: (goalId, beforeOn, beforeId) => call('goals.Goals.Timeline', goalId, beforeOn || '', beforeId || 0),
  /** @param {number} personId @returns {Promise<{goals: any[], total: number}>} */
  forPerson: (personId) => call('goals.Goals.ForPerson', personId),
  /** @param {number} sessionId @returns {Promise<any[]>} the open goals of the people present, each with its check-in in this session or null */
  forSession: (sessionId) => call('goals.Goals.ForSession', sessionId),
};

/** The growth story. */
export const story = {
  /** @param {number} personId @returns {Promise<any>} goals, checkIns, milestones, streak, topics, finished (each bounded) */
  person: (personId) => call('growth.Story.Person', personId),
  /** @param {number} circleId @returns {Promise<any>} the circle's Growth view: goals, byStatus, skills (before/after), coverage, feedback (each bounded) */
  circle: (circleId) => call('growth.Story.Circle', circleId),
};

/**
 * @typedef {{personId?: number, kind: string, happenedOn: string, text: string, visibility: string}} MilestoneInput happenedOn "" is today; visibility "shared" or "private" ("" is private)
 */

/** Milestones and recognitions on a person's timeline. */
export const milestones = {
  /** @param {MilestoneInput} input @returns {Promise<any>} */
  add: (input) => call('growth.Milestones.Add', input),
  /** @param {number} id @param {MilestoneInput} input @returns {Promise<any>} */
  update: (id, input) => call('growth.Milestones.Update', id, input),
  /** @param {number} id @returns {Promise<any>} the deleted milestone, for restore */
  remove: (id) => call('growth.Milestones.Delete', id),
  /** @param {any} deleted what remove returned @returns {Promise<any>} */
  restore: (deleted) => call('growth.Milestones.Restore', deleted),
  /** @param {number} personId @returns {Promise<any[]>} newest first, bounded */
  forPerson: (personId) => call('growth.Milestones.ForPerson', personId),
};

/** Frameworks: named lists of skills or topics, reused across circles. */
export const frameworks = {
  /** @param {{name: string, description: string, items: string[]}} input @returns {Promise<any>} */
  create: (input) => call('growth.Frameworks.Create', input),
  /** @param {string} name @param {string} fileName @param {string} contents a text (one item a line) or CSV file @returns {Promise<any>} */
  import: (name, fileName, contents) => call('growth.Frameworks.Import', name, fileName, contents),
  /** @param {number} id @returns {Promise<any>} the framework with its items */
  get: (id) => call('growth.Frameworks.Get', id),
  /** @returns {Promise<any[]>} */
  list: () => call('growth.Frameworks.List'),
  /** @param {number} circleId @param {number} frameworkId @returns {Promise<any[]>} the circle's frameworks */
  use: (circleId, frameworkId) => call('growth.Frameworks.Use', circleId, frameworkId),
  /** @param {number} circleId @param {number} frameworkId @returns {Promise<any[]>} the circle's frameworks */
  drop: (circleId, frameworkId) => call('growth.Frameworks.Drop', circleId, frameworkId),
  /** @param {number} circleId @returns {Promise<any[]>} the circle's frameworks with their items */
  forCircle: (circleId) => call('growth.Frameworks.ForCircle', circleId),
  /** @param {number} id @param {string} name @returns {Promise<any>} the framework with its items */
  rename: (id, name) => call('growth.Frameworks.Rename', id, name),
  /** @param {number} id @returns {Promise<void>} refused (conflict) while a circle uses it or skill ratings refer to it */
  remove: (id) => call('growth.Frameworks.Delete', id),
};

/** Skill ratings, before and after. */
export const skills = {
  /** @param {{personId: number, circleId: number, frameworkItemId: number, rating: number, phase: string, ratedOn?: string}} input phase "before" or "after" @returns {Promise<any[]>} the person's rows in the circle */
  rate: (input) => call('growth.Skills.Rate', { ratedOn: '', ...input }),
  /** @param {number} personId @param {number} circleId @returns {Promise<{frameworkItemId: number, framework: string, name: string, before: number, after: number}[]>} */
  forPerson: (personId, circleId) => call('growth.Skills.ForPerson', personId, circleId),
};

/** Feedback on held sessions. */
export const feedback = {
  /** @param {{sessionId: number, personId: number|null, usefulness: number, worked: string, change: string}} input personId null for the group @returns {Promise<any[]>} the session's feedback */
  give: (input) => call('growth.Feedback.Give', input),
  /** @param {number} sessionId @returns {Promise<any[]>} */
  forSession: (sessionId) => call('growth.Feedback.ForSession', sessionId),
  /** @param {number} circleId @returns {Promise<{sessionId: number, number: number, startsAt: string, mean: number, count: number}[]>} oldest first */
  trend: (circleId) => call('growth.Feedback.Trend', circleId),
};

/**
 * @typedef {import('./lib/find.js').Results} FindResults
 * @typedef {{kind: string, id: number, title: string, where: string, route: string}} Opened
 */

/** Search across everything, and what was searched and opened lately. */
export const find = {
  /** @param {{query: string, circle?: string, kinds?: string[], limit?: number}} req limit per kind, 0 for 5 @returns {Promise<FindResults>} */
  search: (req) => call('find.Find.Search', { query: req.query || '', circle: req.circle || '', kinds: req.kinds || [], limit: req.limit || 0 }),
  /** @returns {Promise<{searches: string[], opened: Opened[]}>} newest first, 10 each at most */
  recent: () => call('find.Find.Recent'),
  /** @param {{query: string, kind: string, id: number}} v the hit opened, and the query that found it @returns {Promise<void>} */
  visit: (v) => call('find.Find.Visit', { query: v.query || '', kind: v.kind, id: v.id }),
  /** @returns {Promise<void>} */
  forgetRecent: () => call('find.Find.ForgetRecent'),
};

/** The Today screen: the next sessions and what needs attention. */
export const today = {
  /** @returns {Promise<any>} the View: date, next, today, week, attention, count, settings, empty */
  get: () => call('today.Today.Get'),
  /** @param {string} key @param {3|7} days @returns {Promise<void>} */
  snooze: (key, days) => call('today.Today.Snooze', key, days),
  /** @param {string} key @returns {Promise<void>} */
  dismiss: (key) => call('today.Today.Dismiss', key),
  /** @param {string} key @returns {Promise<void>} undoes a snooze or a dismissal */
  restore: (key) => call('today.Today.Restore', key),
  /** @param {any} s the thresholds (Settings) @returns {Promise<any>} the thresholds saved */
  saveSettings: (s) => call('today.Today.SaveSettings', s),
};

/** The program view: every circle and pair with its health. */
export const program = {
  /** @param {{cohort?: string, kind?: string, offset?: number, after?: string, limit?: number}} req @returns {Promise<{rows: any[], total: number, capped: boolean, offset: number, next: string}>} */
  list: (req) => call('program.Program.List', { cohort: req.cohort || '', kind: req.kind || '', offset: req.offset || 0, after: req.after || '', limit: req.limit || 0 }),
  /** @returns {Promise<{name: string, circles: number}[]>} the cohorts of current circles, 200 at most */
  cohorts: () => call('program.Program.Cohorts'),
};

/**
 * A roster file as the page sends it: its name and bytes (base64).
 * @typedef {{name: string, data: string}} RosterSource
 * @typedef {{source?: RosterSource, name?: string, data?: string, mapping?: Record<string, string>|null, skip?: number[], fixes?: Record<number, Record<string, string>>, circleId?: number, role?: string, cohort?: string}} RosterRequest
 */

/** Roster import: read a file, guess its columns, dry-run, import, undo. */
export const roster = {
  /** @param {RosterSource} src @returns {Promise<any>} the Preview: format, encoding, delimiter, headerRow, rows, columns [{header, samples, field}], mapping, fields */
  preview: (src) => call('roster.Roster.Preview', src),
  /** @param {RosterRequest} req @returns {Promise<any>} the Plan: rows [{row, action, reason, field, warning, name, email, changes}], creates, updates, skips, errors, joins, notes */
  dryRun: (req) => call('roster.Roster.DryRun', req),
  /** @param {RosterRequest} req @returns {Promise<{importId: number, created: number, updated: number, joined: number}>} */
  import: (req) => call('roster.Roster.Import', req),
  /** @returns {Promise<{importId: number, file: string, deleted: number, restored: number, left: number}>} undoes the last import */
  undo: () => call('roster.Roster.Undo'),
  /** @param {{name: string, mapping: Record<string, string>}} p @returns {Promise<any>} */
  savePreset: (p) => call('roster.Roster.SavePreset', p),
  /** @returns {Promise<{name: string, mapping: Record<string, string>}[]>} */
  presets: () => call('roster.Roster.Presets'),
};

/** Matching mentors and mentees, and forming circles, from a cohort. */
export const pairing = {
  /** @returns {Promise<{name: string, people: number, mentors: number, mentees: number}[]>} the people's cohorts, 200 at most */
  cohorts: () => call('pairing.Pairing.Cohorts'),
  /** @param {{cohort?: string, circleId?: number, weights?: any, constraints?: {banned?: {mentee: string, mentor: string}[], pinned?: {mentee: string, mentor: string}[], mustShareLanguage?: boolean, mustFitOrgPref?: boolean, minOverlapHours?: number}}} req @returns {Promise<any>} the Suggestion: matches [{mentee, mentor, pinned, explanation {total, parts [{kind, points, max, text}]}}], unmatched [{mentee, reason}], total, names, skipped, mentors, mentees */
  suggest: (req) => call('pairing.Pairing.Suggest', { cohort: req.cohort || '', circleId: req.circleId || 0, weights: req.weights || null, constraints: req.constraints || {} }),
  /** @param {{cohort: string, pairs: {mentee: string, mentor: string}[], firstSession?: string}} req @returns {Promise<{circles: number[], skipped: string[]}>} */
  publish: (req) => call('pairing.Pairing.Publish', { cohort: req.cohort, pairs: req.pairs, firstSession: req.firstSession || '' }),
  /** @param {{cohort?: string, circleId?: number, options: any}} req options: circles, minSize, maxSize, seed, pinned @returns {Promise<any>} the Proposal: circles [{members, explanation {sentences, leaders, ...}}], names, leads, cost, options */
  propose: (req) => call('pairing.Pairing.Propose', { cohort: req.cohort || '', circleId: req.circleId || 0, options: req.options || {} }),
  /** @param {{cohort?: string, circleId?: number, options: any, circles: string[][], person: string, to: number}} req @returns {Promise<any>} the Proposal after the move */
  move: (req) => call('pairing.Pairing.Move', { cohort: req.cohort || '', circleId: req.circleId || 0, options: req.options || {}, circles: req.circles, person: req.person, to: req.to }),
  /** @param {{cohort: string, circles: string[][], leaders: string[], firstSession?: string}} req @returns {Promise<{circles: number[], skipped: string[]}>} */
  create: (req) => call('pairing.Pairing.Create', { cohort: req.cohort, circles: req.circles, leaders: req.leaders, firstSession: req.firstSession || '' }),
  /** @returns {Promise<{running: boolean, what: string, done: number, total: number}>} how far the latest run is */
  progress: () => call('pairing.Pairing.Progress'),
  /** @returns {Promise<{tag: string, synonyms: string}[]>} the matching vocabulary: each tag with its synonyms (comma-separated), by tag, 2,000 at most */
  vocabulary: () => call('pairing.Pairing.Vocabulary'),
  /** @param {{tag: string, synonyms: string}[]} tags the whole vocabulary, replacing the saved one @returns {Promise<{tag: string, synonyms: string}[]>} the vocabulary as saved; a bad row fails on field "vocabulary.ROW.tag" or "vocabulary.ROW.synonyms" (ROW from 0) */
  saveVocabulary: (tags) => call('pairing.Pairing.SaveVocabulary', tags),
  /** @param {number} a a person's id @param {number} b another's @param {boolean} never true: never suggest the two to each other; false: forget it @returns {Promise<void>} */
  neverMatch: (a, b, never) => call('pairing.Pairing.NeverMatch', a, b, !!never),
  /** @param {number} personId @returns {Promise<{id: number, name: string, since: string}[]>} the people they are never matched with, newest first, 200 at most */
  neverList: (personId) => call('pairing.Pairing.NeverList', personId),
};
