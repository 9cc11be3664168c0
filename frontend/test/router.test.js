import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRoute, href, section } from '../js/router.js';

test('parseRoute', () => {
  assert.deepEqual(parseRoute(''), { name: 'circles', path: '/circles' });
  assert.deepEqual(parseRoute('#/circles'), { name: 'circles', path: '/circles' });
  assert.deepEqual(parseRoute('#/circles/12'), { name: 'circle', id: 12, path: '/circles/12' });
  assert.deepEqual(parseRoute('#/people/'), { name: 'people', path: '/people' });
  assert.deepEqual(parseRoute('#/people/3'), { name: 'person', id: 3, path: '/people/3' });
  assert.deepEqual(parseRoute('#/sessions/9'), { name: 'session', id: 9, path: '/sessions/9' });
  assert.equal(parseRoute('#/sessions').name, 'notfound');
  assert.equal(parseRoute('#/circles/abc').name, 'notfound');
  assert.equal(parseRoute('#/settings').name, 'notfound');
  assert.deepEqual(parseRoute('#/sessions/9/live'), { name: 'live', id: 9, path: '/sessions/9/live' });
  assert.equal(parseRoute('#/circles/9/live').name, 'notfound');
  assert.equal(parseRoute('#/sessions/live').name, 'notfound');
  assert.deepEqual(parseRoute('#/goals/5'), { name: 'goal', id: 5, path: '/goals/5' });
  assert.equal(parseRoute('#/goals').name, 'notfound');
  assert.equal(parseRoute('#/goals/5/live').name, 'notfound');
  assert.deepEqual(parseRoute('#/circles/12/growth'), { name: 'growth', id: 12, path: '/circles/12/growth' });
  assert.deepEqual(parseRoute('#/circles/12/growth/'), { name: 'growth', id: 12, path: '/circles/12/growth' });
  assert.equal(parseRoute('#/circles/growth').name, 'notfound');
  assert.equal(parseRoute('#/people/3/growth').name, 'notfound');
  assert.equal(parseRoute('#/sessions/3/growth').name, 'notfound');
  assert.equal(parseRoute('#/circles/3/growthy').name, 'notfound');
});

test('href round-trips through parseRoute', () => {
  for (const [name, id] of [['circles'], ['circle', 4], ['growth', 4], ['people'], ['person', 7], ['session', 9], ['live', 9], ['goal', 5]]) {
    const r = parseRoute(href(name, id));
    assert.equal(r.name, name);
    assert.equal(r.id, id);
  }
});

test('section picks the sidebar item', () => {
  assert.equal(section(parseRoute('#/people/3')), 'people');
  assert.equal(section(parseRoute('#/goals/3')), 'people');
  assert.equal(section(parseRoute('#/sessions/3')), 'circles');
  assert.equal(section(parseRoute('#/sessions/3/live')), 'circles');
  assert.equal(section(parseRoute('#/circles')), 'circles');
  assert.equal(section(parseRoute('#/circles/3/growth')), 'circles');
});
