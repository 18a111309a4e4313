import { test } from 'node:test';
import assert from 'node:assert/strict';
import { objectName } from '../../main/resources/io/sightline/web/static/js/format.js';

test('objectName puts a colour before a thing but after a person', () => {
  assert.equal(objectName('car', 'white'), 'white car');
  assert.equal(objectName('person', 'white'), 'person in white');
  assert.equal(objectName('truck', 'unknown'), 'truck');
  assert.equal(objectName('person', null), 'person');
});
