import { test } from 'node:test';
import assert from 'node:assert/strict';
import { topicOptions } from '../js/lib/topics.js';

const ALL = [
  { id: 1, name: 'Product design', sessionCount: 2 },
  { id: 2, name: 'Project management', sessionCount: 5 },
  { id: 3, name: 'Feedback', sessionCount: 0 },
  { id: 4, name: 'Career growth', sessionCount: 1 },
];

test('topicOptions filters, orders and offers to create', () => {
  assert.deepEqual(topicOptions(ALL, '', []).options.map((t) => t.id), [2, 1, 4, 3], 'most used first');
  assert.deepEqual(topicOptions(ALL, 'pro', []).options.map((t) => t.id), [2, 1]);
  assert.deepEqual(topicOptions(ALL, 'ma', []).options.map((t) => t.id), [2], 'contains');
  assert.deepEqual(topicOptions(ALL, 'feed', [3]).options.map((t) => t.id), [], 'already chosen');
  assert.equal(topicOptions(ALL, 'feedback', []).create, '', 'exists already');
  assert.equal(topicOptions(ALL, '  Hiring ', []).create, 'Hiring');
  assert.equal(topicOptions(ALL, 'FÉEDBACK', []).create, '', 'ignores case and accents');
});
