import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, normaliseError, bound, readReply, call, wailsGo, circles, people, sessions, demo, app, notes, actions, topics, events, inWindow } from '../js/api.js';

afterEach(() => {
  delete globalThis.window;
  delete globalThis.fetch;
});

test('normaliseError keeps the Go shape', () => {
  const e = normaliseError({ code: 'invalid', field: 'name', message: 'Name is required.' });
  assert.ok(e instanceof ApiError);
  assert.ok(e instanceof Error);
  assert.deepEqual([e.code, e.field, e.message], ['invalid', 'name', 'Name is required.']);
});

test('normaliseError reads a JSON string and a plain string (how Wails may reject)', () => {
  const j = normaliseError('{"code":"conflict","field":"email","message":"Someone else already has the email a@b.org."}');
  assert.deepEqual([j.code, j.field, j.message], ['conflict', 'email', 'Someone else already has the email a@b.org.']);
  const p = normaliseError('database is locked');
  assert.deepEqual([p.code, p.field, p.message], ['internal', '', 'database is locked']);
  const broken = normaliseError('{not json');
  assert.equal(broken.message, '{not json');
});

test('normaliseError maps unknown codes to internal and network failures to a readable message', () => {
  assert.equal(normaliseError({ code: 'teapot', message: 'x' }).code, 'internal');
  const net = normaliseError(new TypeError('Failed to fetch'));
  assert.equal(net.code, 'internal');
  assert.match(net.message, /Could not reach Circlebook/);
  assert.equal(normaliseError(undefined).message, 'Something went wrong.');
  assert.equal(normaliseError({ error: { code: 'not_found', message: 'gone' } }).code, 'not_found');
  const same = new ApiError('too_long', 'purpose', 'too long');
  assert.equal(normaliseError(same), same);
});

test('bound finds pkg.Struct.Method on window.go', () => {
  const fn = () => 1;
  assert.equal(bound({ circles: { Circles: { List: fn } } }, 'circles.Circles.List'), fn);
  assert.equal(bound({}, 'circles.Circles.List'), null);
  assert.equal(bound(undefined, 'a.b.c'), null);
});

test('readReply: 200 is {result}; other statuses are {error} or text', async () => {
  const reply = (status, body) => ({ ok: status === 200, status, text: async () => body });
  assert.deepEqual(await readReply(reply(200, '{"result":[1,2]}')), [1, 2]);
  assert.equal(await readReply(reply(200, '{}')), undefined); // a method returning only error
  await assert.rejects(readReply(reply(422, '{"error":{"code":"invalid","field":"endDate","message":"The end date is before the start date."}}')),
    (e) => e.code === 'invalid' && e.field === 'endDate');
  await assert.rejects(readReply(reply(401, 'missing or wrong token')), (e) => e.code === 'internal' && /expired/.test(e.message));
  await assert.rejects(readReply(reply(500, 'boom')), (e) => e.code === 'internal' && e.message === 'boom');
});

test('call uses window.go in the Wails window', async () => {
  const seen = [];
  globalThis.window = { go: { circles: { Circles: { Update: async (...args) => { seen.push(args); return { id: 3 }; } } } } };
  assert.deepEqual(await circles.update(3, { name: 'A' }), { id: 3 });
  assert.deepEqual(seen, [[3, { name: 'A' }]]);
});

test('call turns a Wails rejection into an ApiError', async () => {
  globalThis.window = { go: { people: { People: { Create: async () => { throw '{"code":"invalid","field":"email","message":"That does not look like an email address."}'; } } } } };
  await assert.rejects(people.create({ name: 'x', email: 'y' }), (e) => e instanceof ApiError && e.field === 'email');
  globalThis.window = { go: {} };
  await assert.rejects(call('nope.Nope.Nope'), (e) => e.code === 'internal' && /no method/.test(e.message));
});

test('call posts {name, args} to /api/call in browser mode', async () => {
  globalThis.window = {};
  const requests = [];
  globalThis.fetch = async (url, init) => {
    requests.push([url, init.method, init.headers['Content-Type'], JSON.parse(init.body)]);
    return { ok: true, status: 200, text: async () => '{"result":{"created":true,"circles":4}}' };
  };
  assert.deepEqual(await demo.load(), { created: true, circles: 4 });
  await sessions.markAttendance(9, 2, '');
  await circles.list({ query: 'craft', after: 'c1' });
  await people.list({ query: 'ana', limit: 8 });
  await circles.sidebar([4, 2]);
  await circles.setPinned(4, 1);
  assert.deepEqual(requests, [
    ['/api/call', 'POST', 'application/json', { name: 'demo.Demo.Load', args: [] }],
    ['/api/call', 'POST', 'application/json', { name: 'sessions.Sessions.MarkAttendance', args: [9, 2, ''] }],
    ['/api/call', 'POST', 'application/json', { name: 'circles.Circles.List', args: [{ query: 'craft', includeArchived: false, offset: 0, after: 'c1', limit: 0 }] }],
    ['/api/call', 'POST', 'application/json', { name: 'people.People.List', args: [{ query: 'ana', offset: 0, after: '', limit: 8 }] }],
    ['/api/call', 'POST', 'application/json', { name: 'circles.Circles.Sidebar', args: [[4, 2]] }],
    ['/api/call', 'POST', 'application/json', { name: 'circles.Circles.SetPinned', args: [4, true] }],
  ]);
});

test('a network failure in browser mode is an ApiError too', async () => {
  globalThis.window = {};
  globalThis.fetch = async () => { throw new TypeError('Failed to fetch'); };
  await assert.rejects(app.info(), (e) => e instanceof ApiError && e.code === 'internal');
});

test('the wrappers name the Go methods exactly', async () => {
  const names = [];
  globalThis.window = {};
  globalThis.fetch = async (_u, init) => {
    names.push(JSON.parse(init.body).name);
    return { ok: true, status: 200, text: async () => '{"result":null}' };
  };
  await Promise.all([
    app.info(), circles.get(1), circles.create({}), circles.archive(1), circles.restore(1), circles.remove(1),
    circles.addMember(1, {}), circles.updateMember(1, {}), circles.removeMember(1), people.list({}), people.get(1),
    people.update(1, {}), people.remove(1), sessions.get(1), sessions.schedule(1, {}), sessions.scheduleSeries(1, {}),
    sessions.update(1, {}), sessions.remove(1), sessions.markEveryone(1, 'present'), sessions.addAgendaItem(1, {}),
    sessions.updateAgendaItem(1, {}), sessions.deleteAgendaItem(1), sessions.moveAgendaItem(1, 0),
  ]);
  assert.deepEqual(names, [
    'main.App.Info', 'circles.Circles.Get', 'circles.Circles.Create', 'circles.Circles.Archive', 'circles.Circles.Restore', 'circles.Circles.Delete',
    'circles.Circles.AddMember', 'circles.Circles.UpdateMember', 'circles.Circles.RemoveMember', 'people.People.List', 'people.People.Get',
    'people.People.Update', 'people.People.Delete', 'sessions.Sessions.Get', 'sessions.Sessions.Schedule', 'sessions.Sessions.ScheduleSeries',
    'sessions.Sessions.Update', 'sessions.Sessions.Delete', 'sessions.Sessions.MarkEveryone', 'sessions.Sessions.AddAgendaItem',
    'sessions.Sessions.UpdateAgendaItem', 'sessions.Sessions.DeleteAgendaItem', 'sessions.Sessions.MoveAgendaItem',
  ]);
});

test('inside the window, calls wait for the bindings instead of falling back to HTTP', async () => {
  globalThis.window = { location: { protocol: 'wails:' } };
  globalThis.fetch = async () => { throw new Error('must not fetch in the window'); };
  setTimeout(() => { globalThis.window.go = { main: { App: { Info: async () => ({ version: '1' }) } } }; }, 120);
  assert.deepEqual(await app.info(), { version: '1' });
});

test('inside the window without bindings, a clear error', async () => {
  globalThis.window = { runtime: {} };
  await assert.rejects(wailsGo(100), (e) => e instanceof ApiError && /did not start/.test(e.message));
});

test('browser mode has no bindings to wait for', async () => {
  globalThis.window = { location: { protocol: 'http:' } };
  assert.equal(await wailsGo(), undefined);
  delete globalThis.window;
  assert.equal(await wailsGo(), undefined);
});

test('the live-session wrappers name the Go methods and pass their arguments', async () => {
  const calls = [];
  globalThis.window = {};
  globalThis.fetch = async (_u, init) => {
    const b = JSON.parse(init.body);
    calls.push([b.name, b.args, init.keepalive]);
    return { ok: true, status: 200, text: async () => '{"result":null}' };
  };
  await sessions.start(4);
  await sessions.startNow(2);
  await sessions.end(4);
  await sessions.setTopics(4, [1, 3]);
  await notes.save(4, 'shared', 'hi');
  await notes.save(4, 'private', 'x', { keepalive: true });
  await notes.preview('# a');
  await notes.revisions(7);
  await notes.restore(7, 9);
  await notes.recover();
  await notes.discardDraft(4, 'private');
  await notes.pin(3, 4, 'wants to lead', 'private');
  await notes.unpin(5);
  await actions.create(2, { text: 't', ownerId: 0, dueOn: '', sessionId: 4 });
  await actions.update(8, { text: 't', ownerId: 3, dueOn: '2026-12-04', sessionId: 4 });
  await actions.setDone(8, 1);
  await actions.remove(8);
  await actions.list(2, 'open');
  await topics.list();
  await topics.create('Feedback');
  await topics.rename(1, 'F');
  await topics.remove(1);
  assert.deepEqual(calls, [
    ['sessions.Sessions.Start', [4], false], ['sessions.Sessions.StartNow', [2], false], ['sessions.Sessions.End', [4], false],
    ['sessions.Sessions.SetTopics', [4, [1, 3]], false],
    ['notes.Notes.Save', [4, 'shared', 'hi'], false], ['notes.Notes.Save', [4, 'private', 'x'], true],
    ['notes.Notes.Preview', ['# a'], false], ['notes.Notes.Revisions', [7], false], ['notes.Notes.Restore', [7, 9], false],
    ['notes.Notes.Recover', [], false], ['notes.Notes.DiscardDraft', [4, 'private'], false],
    ['notes.Notes.Pin', [3, 4, 'wants to lead', 'private'], false], ['notes.Notes.Unpin', [5], false],
    ['actions.Actions.Create', [2, { text: 't', ownerId: 0, dueOn: '', sessionId: 4 }], false],
    ['actions.Actions.Update', [8, { text: 't', ownerId: 3, dueOn: '2026-12-04', sessionId: 4 }], false],
    ['actions.Actions.SetDone', [8, true], false], ['actions.Actions.Delete', [8], false], ['actions.Actions.List', [2, 'open'], false],
    ['topics.Topics.List', [], false], ['topics.Topics.Create', ['Feedback'], false], ['topics.Topics.Rename', [1, 'F'], false], ['topics.Topics.Delete', [1], false],
  ]);
});

test('openURL: the system browser in the window, a new tab in browser mode, only web and mail links', async () => {
  const opened = [];
  globalThis.window = { go: { main: { App: { OpenURL: async (u) => { opened.push(['go', u]); } } } } };
  assert.equal(inWindow(), true);
  await app.openURL('https://example.org/a');
  globalThis.window = { location: { protocol: 'http:' }, open: (...a) => opened.push(['tab', ...a]) };
  assert.equal(inWindow(), false);
  await app.openURL('mailto:ana@example.org');
  await assert.rejects(app.openURL('javascript:alert(1)'), (e) => e.code === 'invalid');
  await assert.rejects(app.openURL('#/circles'), (e) => e.code === 'invalid');
  assert.deepEqual(opened, [['go', 'https://example.org/a'], ['tab', 'mailto:ana@example.org', '_blank', 'noopener,noreferrer']]);
});

test('events use the Wails runtime in the window and do nothing in browser mode', () => {
  globalThis.window = {};
  const off = events.on('notes:flush', () => {});
  off();
  events.emit('notes:flushed');
  const seen = [];
  globalThis.window = { runtime: { EventsOn: (n, fn) => { seen.push(['on', n]); fn('x'); return () => seen.push(['off', n]); }, EventsEmit: (n, ...d) => seen.push(['emit', n, ...d]) } };
  const got = [];
  const stop = events.on('notes:flush', (d) => got.push(d));
  events.emit('notes:flushed', 1);
  stop();
  assert.deepEqual(got, ['x']);
  assert.deepEqual(seen, [['on', 'notes:flush'], ['emit', 'notes:flushed', 1], ['off', 'notes:flush']]);
});
