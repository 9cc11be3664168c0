// The time-zone field finds a zone by what people type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterZones, zoneLabel, exactZone } from '../js/lib/zones.js';

const ZONES = ['America/Argentina/Buenos_Aires', 'America/Los_Angeles', 'America/New_York', 'America/North_Dakota/New_Salem', 'Asia/Ho_Chi_Minh',
  'Asia/Kolkata', 'Europe/Madrid', 'Europe/Paris', 'Pacific/Auckland', 'UTC'];

test('a city finds its zone, however it is typed', () => {
  assert.deepEqual(filterZones(ZONES, 'madrid'), ['Europe/Madrid']);
  assert.deepEqual(filterZones(ZONES, 'Madrid'), ['Europe/Madrid']);
  assert.equal(filterZones(ZONES, 'new york')[0], 'America/New_York');
  assert.equal(filterZones(ZONES, 'new_york')[0], 'America/New_York');
  assert.equal(filterZones(ZONES, 'NEW YORK')[0], 'America/New_York');
  assert.deepEqual(filterZones(ZONES, 'buenos aires'), ['America/Argentina/Buenos_Aires']);
  assert.deepEqual(filterZones(ZONES, 'hồ chí minh'), ['Asia/Ho_Chi_Minh']);
  assert.deepEqual(filterZones(ZONES, 'europe/paris'), ['Europe/Paris']);
  assert.deepEqual(filterZones(ZONES, 'atlantis'), []);
});

test('a zone whose city starts with the text comes before one that only contains it', () => {
  assert.deepEqual(filterZones(ZONES, 'new').slice(0, 2), ['America/New_York', 'America/North_Dakota/New_Salem']);
  assert.deepEqual(filterZones(ZONES, 'america').length, 4);
});

test('with nothing typed, the computer’s zone comes first', () => {
  const all = filterZones(ZONES, '', 'Europe/Paris');
  assert.equal(all[0], 'Europe/Paris');
  assert.equal(all.length, ZONES.length);
  assert.equal(filterZones(ZONES, '  ', 'Mars/Olympus')[0], 'America/Argentina/Buenos_Aires');
  assert.equal(filterZones(ZONES, 'a', 'Europe/Paris').length, ZONES.length - 1); // UTC has no a
  assert.equal(filterZones(ZONES, 'paris', 'Europe/Paris')[0], 'Europe/Paris');
});

test('a zone reads as its place', () => {
  assert.equal(zoneLabel('America/Argentina/Buenos_Aires'), 'Buenos Aires — America/Argentina');
  assert.equal(zoneLabel('America/North_Dakota/New_Salem'), 'New Salem — America/North Dakota');
  assert.equal(zoneLabel('UTC'), 'UTC');
});

test('a place named in full is its zone', () => {
  assert.equal(exactZone(ZONES, 'Madrid'), 'Europe/Madrid');
  assert.equal(exactZone(ZONES, ' new york '), 'America/New_York');
  assert.equal(exactZone(ZONES, 'Europe/Paris'), 'Europe/Paris');
  assert.equal(exactZone(ZONES, 'new'), '');
  assert.equal(exactZone(ZONES, 'Gondor'), '');
  assert.equal(exactZone(['America/Indiana/Vevay', 'Europe/Vevay'], 'vevay'), '', 'two zones of that name: the person must choose');
});
