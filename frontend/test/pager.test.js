import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPager, PAGE_SIZE } from '../js/lib/pager.js';

/**
 * A list service of `count` rows named r0, r1, ... answering by offset or
 * by cursor as the Go lists do; it records every request.
 * @param {number} count
 */
function fakeServer(count) {
  const requests = [];
  const fetch = async (req) => {
    requests.push(req);
    const start = 'after' in req ? Number(req.after.slice(1)) + 1 : req.offset;
    const rows = [];
    for (let i = start; i < Math.min(count, start + req.limit); i++) rows.push({ id: i, name: `r${i}` });
    const end = start + rows.length;
    return { rows, total: count, offset: start, next: end < count ? `c${end - 1}` : '' };
  };
  return { fetch, requests };
}

/** Waits until every promise queued so far has settled. */
const settle = () => new Promise((r) => setTimeout(r, 0));

test('start loads the first page by offset and says the total', async () => {
  const srv = fakeServer(16000);
  const pager = createPager({ fetch: srv.fetch });
  const reply = await pager.start();
  assert.equal(reply.total, 16000);
  assert.equal(pager.total, 16000);
  assert.deepEqual(srv.requests, [{ offset: 0, limit: PAGE_SIZE }]);
  assert.equal(pager.row(0).name, 'r0');
  assert.equal(pager.row(49).name, 'r49');
  assert.equal(pager.row(50), undefined);
});

test('scrolling on asks by cursor, a jump asks by offset', async () => {
  const srv = fakeServer(16000);
  const pager = createPager({ fetch: srv.fetch, margin: 10 });
  await pager.start();
  pager.want(30, 45); // near the end of page 0: the next page is loaded ahead
  await settle();
  assert.deepEqual(srv.requests.at(-1), { after: 'c49', limit: PAGE_SIZE });
  assert.equal(pager.row(50).name, 'r50');
  assert.equal(pager.row(99).name, 'r99');

  pager.want(15986, 16000); // End: the last page, by offset
  await settle();
  assert.deepEqual(srv.requests.at(-1), { offset: 15950, limit: PAGE_SIZE });
  assert.equal(pager.row(15999).name, 'r15999');

  const before = srv.requests.length;
  pager.want(9000, 9020); // a scrollbar drag to the middle
  await settle();
  assert.deepEqual(srv.requests.slice(before), [{ offset: 9000, limit: PAGE_SIZE }, { offset: 8950, limit: PAGE_SIZE }], 'the rows in view first');
  pager.want(9030, 9049); // and on from there
  await settle();
  assert.deepEqual(srv.requests.at(-1), { after: 'c9049', limit: PAGE_SIZE });
});

test('pages already held or on their way are not asked for again', async () => {
  const srv = fakeServer(1000);
  const pager = createPager({ fetch: srv.fetch, margin: 0 });
  await pager.start();
  pager.want(0, 20);
  pager.want(5, 25);
  await settle();
  assert.equal(srv.requests.length, 1);
  pager.want(100, 120);
  pager.want(101, 121);
  await settle();
  assert.equal(srv.requests.length, 2);
});

test('the cache never holds more than maxPages pages, keeping the ones in view', async () => {
  const srv = fakeServer(16000);
  const pager = createPager({ fetch: srv.fetch, maxPages: 4, margin: 0 });
  await pager.start();
  for (let first = 0; first < 16000; first += 137) {
    pager.want(first, first + 20);
    await settle();
    assert.ok(pager.held <= 4, `${pager.held} pages held at row ${first}`);
    assert.equal(pager.row(first).name, `r${first}`, `row ${first} is loaded`);
  }
  pager.want(15990, 16000);
  await settle();
  assert.equal(pager.row(15999).name, 'r15999');
  assert.equal(pager.row(0), undefined, 'the first page was let go');
});

test('no more than maxInflight requests are out at once', async () => {
  const waiting = [];
  const pager = createPager({ maxInflight: 2, margin: 0, fetch: (req) => new Promise((r) => waiting.push({ req, r })) });
  const first = pager.start();
  await settle();
  waiting.shift().r({ rows: [{ id: 0 }], total: 16000, next: 'c0' });
  await first;
  pager.want(1000, 1140); // three pages
  await settle();
  assert.equal(pager.inflight, 2);
  assert.equal(waiting.length, 2);
});

test('a reply to an older question is dropped, even when it comes first', async () => {
  const waiting = [];
  const pager = createPager({ fetch: (req) => new Promise((r) => waiting.push(r)) });
  const old = pager.start();
  const current = pager.start();
  await settle();
  waiting[0]({ rows: [{ name: 'Programme Office' }], total: 2, next: '' });
  assert.equal(await old, null);
  assert.equal(pager.total, 0, 'nothing shown from the older question');
  assert.equal(pager.row(0), undefined);
  waiting[1]({ rows: [{ name: 'Product Craft Circle' }], total: 1, next: '' });
  assert.equal((await current).rows[0].name, 'Product Craft Circle');
});

test('a reply to an older question is dropped', async () => {
  const waiting = [];
  const pager = createPager({ fetch: (req) => new Promise((r) => waiting.push(r)) });
  const old = pager.start(); // the filter was "pro"
  const current = pager.start(); // now it is "product"
  await settle();
  waiting[1]({ rows: [{ name: 'Product Craft Circle' }], total: 1, next: '' });
  waiting[0]({ rows: [{ name: 'Product Craft Circle' }, { name: 'Programme Office' }], total: 2, next: '' });
  assert.equal(await old, null);
  assert.equal((await current).total, 1);
  assert.equal(pager.total, 1);
  assert.equal(pager.row(1), undefined, 'the older answer left nothing behind');
});

test('the newest reply sets the total, whatever order replies come in', async () => {
  const waiting = [];
  const pager = createPager({ margin: 0, fetch: (req) => new Promise((r) => waiting.push({ req, r })) });
  const first = pager.start();
  await settle();
  waiting.shift().r({ rows: Array.from({ length: 50 }, (_, i) => ({ id: i })), total: 500, next: 'c49' });
  await first;
  pager.want(200, 210);
  pager.want(300, 310);
  await settle();
  const [a, b] = waiting;
  b.r({ rows: Array.from({ length: 50 }, (_, i) => ({ id: 300 + i })), total: 501, next: 'c349' });
  await settle();
  a.r({ rows: Array.from({ length: 50 }, (_, i) => ({ id: 200 + i })), total: 500, next: 'c249' });
  await settle();
  assert.equal(pager.total, 501);
  assert.equal(pager.row(200).id, 200);
  assert.equal(pager.row(300).id, 300);
});

test('a page that failed is retried only after a pause, and the error is told', async () => {
  let fail = true;
  let clock = 0;
  const errors = [];
  const srv = fakeServer(1000);
  const pager = createPager({ margin: 0, now: () => clock, retryMs: 1000, onError: (e) => errors.push(e.message),
    fetch: (req) => (req.offset === 500 && fail ? Promise.reject(new Error('disk busy')) : srv.fetch(req)) });
  await pager.start();
  pager.want(500, 510);
  await settle();
  assert.deepEqual(errors, ['disk busy']);
  pager.want(500, 510);
  await settle();
  assert.equal(errors.length, 1, 'not asked again at once');
  fail = false;
  clock = 1500;
  pager.want(500, 510);
  await settle();
  assert.equal(pager.row(500).name, 'r500');
});

test('onChange is told when a page comes in', async () => {
  let changes = 0;
  const srv = fakeServer(200);
  const pager = createPager({ fetch: srv.fetch, margin: 0, onChange: () => changes++ });
  await pager.start();
  assert.equal(changes, 1);
  pager.want(120, 130);
  await settle();
  assert.equal(changes, 2);
});
