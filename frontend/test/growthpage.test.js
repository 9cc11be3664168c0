import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  MILESTONE_CHOICES, milestoneFormValues, milestoneInput, skillChange, ratingOptions, frameworkNames, REPORT_FORMATS, reportRequest,
} from '../js/lib/growthpage.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const goModel = readFileSync(join(repo, 'backend', 'model', 'milestone.go'), 'utf8');
const goReport = readFileSync(join(repo, 'backend', 'export', 'person_render.go'), 'utf8');

/** The string values of Go constants named in a list: MilestoneKinds = []string{MilestonePromotion, ...}. */
function goList(src, name) {
  const list = src.match(new RegExp(`${name} = \\[\\]string\\{([^}]*)\\}`))[1].split(',').map((s) => s.trim()).filter(Boolean);
  return list.map((item) => (item.startsWith('"') ? JSON.parse(item) : src.match(new RegExp(`${item}\\s*=\\s*("[^"]*")`))[1]).replace(/^"|"$/g, ''));
}

test('the milestone kinds are Go’s, in its order, each with a label', () => {
  assert.deepEqual(MILESTONE_CHOICES.map((c) => c.value), goList(goModel, 'MilestoneKinds'));
  assert.deepEqual(MILESTONE_CHOICES.map((c) => c.label), ['Promotion', 'New role', 'Certification', 'Praise', 'Feedback', 'Other']);
});

test('the report formats are Go’s person formats, PDF first', () => {
  assert.deepEqual(REPORT_FORMATS.map((c) => c.value).sort(), goList(goReport, 'PersonFormats').sort());
  assert.equal(REPORT_FORMATS[0].value, 'pdf');
});

test('a new milestone starts today, private; an edited one keeps its values', () => {
  assert.deepEqual(milestoneFormValues(undefined, '2026-12-02'), { kind: 'promotion', happenedOn: '2026-12-02', text: '', visibility: 'private' });
  assert.deepEqual(milestoneFormValues({ kind: 'praise', happenedOn: '2026-03-01', text: 'Thanked at the all-hands', visibility: 'shared' }, '2026-12-02'),
    { kind: 'praise', happenedOn: '2026-03-01', text: 'Thanked at the all-hands', visibility: 'shared' });
  assert.equal(milestoneFormValues({ kind: 'praise', happenedOn: '2026-03-01', text: 'x', visibility: 'weird' }, '2026-12-02').visibility, 'private');
});

test('milestoneInput trims and keeps private unless shared is chosen', () => {
  assert.deepEqual(milestoneInput({ kind: ' new_role ', happenedOn: ' 2026-05-04 ', text: '  Tech lead of Payments ', visibility: 'shared' }, 7),
    { personId: 7, kind: 'new_role', happenedOn: '2026-05-04', text: 'Tech lead of Payments', visibility: 'shared' });
  assert.equal(milestoneInput({ kind: 'praise', happenedOn: '', text: 'x', visibility: '' }, 7).visibility, 'private');
  assert.equal(milestoneInput({ kind: 'praise', happenedOn: '', text: 'x', visibility: 'private' }, 7).happenedOn, '');
});

test('skillChange shows the move from before to after, in figures and words', () => {
  assert.deepEqual(skillChange(2, 4), { text: '2 → 4', label: 'From 2 to 4, up 2', trend: 'up', delta: 2 });
  assert.deepEqual(skillChange(5, 3), { text: '5 → 3', label: 'From 5 to 3, down 2', trend: 'down', delta: -2 });
  assert.deepEqual(skillChange(3, 3), { text: '3 → 3', label: 'From 3 to 3, no change', trend: 'same', delta: 0 });
  assert.equal(skillChange(2, 0).text, '2 → …');
  assert.equal(skillChange(0, 4).text, '… → 4');
  assert.deepEqual(skillChange(0, 0), { text: '—', label: 'Not rated', trend: 'none', delta: null });
});

test('a rating cell offers "—" only until it is rated', () => {
  const none = ratingOptions(0);
  assert.deepEqual(none.map((o) => o.value), ['0', '1', '2', '3', '4', '5']);
  assert.equal(none.find((o) => o.selected).value, '0');
  assert.equal(none[0].disabled, false);
  const three = ratingOptions(3);
  assert.equal(three.find((o) => o.selected).value, '3');
  assert.equal(three[0].disabled, true);
  assert.equal(three.filter((o) => o.disabled).length, 1);
});

test('frameworkNames lists each framework once, in order', () => {
  assert.deepEqual(frameworkNames([{ framework: 'Core skills' }, { framework: 'Core skills' }, { framework: 'Values' }]), ['Core skills', 'Values']);
  assert.deepEqual(frameworkNames([]), []);
});

test('reportRequest keeps a known format and the dates as typed', () => {
  assert.deepEqual(reportRequest({ format: 'md', from: ' 2026-01-01 ', to: '' }), { format: 'md', from: '2026-01-01', to: '' });
  assert.equal(reportRequest({ format: 'csv', from: '', to: '' }).format, 'pdf');
});
