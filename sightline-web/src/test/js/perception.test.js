// Unit tests of the pure view logic, run by `node --test` in the Maven test phase.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  boxesAt, categoryOf, contentRect, metadataValueAt, segmentAt, segmentCategory, storyboardTile, textsAt,
} from '../../main/resources/io/sightline/web/static/js/perception.js';
import { pairSidecars } from '../../main/resources/io/sightline/web/static/js/components/uploads.js';

const car = (boxes) => ({ trackId: 't1', label: 'car', color: 'red', score: 0.9, motion: 'approaching', closeness: 0.4, boxes });
const box = (t, x1) => ({ t, x1, y1: 0.2, x2: x1 + 0.2, y2: 0.4 });
const segment = (index, objects = [], texts = []) =>
  ({ videoId: 'v', index, startSeconds: index * 2, endSeconds: index * 2 + 2, caption: '', objects, texts });

test('segmentAt_whenTimeInsideOrAtEnd_returnsCoveringSegment', () => {
  const segments = [segment(0), segment(1), segment(2)];
  assert.equal(segmentAt(segments, 0).index, 0);
  assert.equal(segmentAt(segments, 1.99).index, 0);
  assert.equal(segmentAt(segments, 2).index, 1);
  assert.equal(segmentAt(segments, 6).index, 2);
  assert.equal(segmentAt(segments, 6.5), null);
  assert.equal(segmentAt([], 1), null);
});

test('boxesAt_whenBetweenTwoCloseSamples_interpolates', () => {
  const [b] = boxesAt([segment(0, [car([box(1.0, 0.1), box(1.5, 0.3)])])], 1.25);
  assert.equal(b.trackId, 't1');
  assert.equal(b.category, 'vehicles');
  assert.ok(Math.abs(b.x1 - 0.2) < 1e-9, `x1 was ${b.x1}`);
});

test('boxesAt_whenNoSampleNearTime_leavesObjectOut', () => {
  const segments = [segment(0, [car([box(0.2, 0.1)])])];
  assert.equal(boxesAt(segments, 0.6).length, 1);
  assert.equal(boxesAt(segments, 1.5).length, 0);
});

test('boxesAt_whenTrackSpansSegments_returnsOneBoxForTheNearest', () => {
  const segments = [segment(0, [car([box(1.9, 0.1)])]), segment(1, [car([box(2.1, 0.5)])])];
  const boxes = boxesAt(segments, 2.08, { maxGap: 0.1 });
  assert.equal(boxes.length, 1);
  assert.equal(boxes[0].x1, 0.5);
});

test('segmentCategory_whenPeopleDominate_isPeople_andEmptyIsNone', () => {
  const person = { trackId: 'p', label: 'person', score: 0.8, boxes: [box(0, 0), box(0.5, 0), box(1, 0)] };
  assert.equal(segmentCategory(segment(0, [person, car([box(0, 0)])])), 'people');
  assert.equal(segmentCategory(segment(0)), 'none');
  assert.equal(categoryOf('Traffic Light'), 'traffic');
  assert.equal(categoryOf('umbrella'), 'objects');
});

test('textsAt_whenSameRegionReadTwice_keepsReadingNearestTime_overlayFirst', () => {
  const text = (t, value, overlay, y) => ({ text: value, overlay, t, x1: 0.05, y1: y, x2: 0.4, y2: y + 0.05, parsed: {} });
  const texts = textsAt(segment(0, [], [text(0.1, 'STOP', false, 0.1), text(0.2, '07:53:29', true, 0.9),
    text(1.6, '07:53:30', true, 0.9)]), 1.5);
  assert.deepEqual(texts.map((t) => t.text), ['07:53:30', 'STOP']);
});

test('metadataValueAt_picksLastValueAtOrBeforeTime', () => {
  const field = { name: 'speed', values: [{ t: 0, value: 10 }, { t: 1, value: 20 }, { t: 2, value: 30 }] };
  assert.equal(metadataValueAt(field, 1.5), 20);
  assert.equal(metadataValueAt(field, -1), 10);
  assert.equal(metadataValueAt(field, 9), 30);
  assert.equal(metadataValueAt({ values: [] }, 1), undefined);
});

test('contentRect_whenWideVideoInTallBox_letterboxesTopAndBottom', () => {
  assert.deepEqual(contentRect(400, 400, 1920, 1080), { left: 0, top: 87.5, width: 400, height: 225 });
  assert.deepEqual(contentRect(800, 450, 0, 0), { left: 0, top: 0, width: 800, height: 450 });
});

test('storyboardTile_walksRowsAndClampsToLastTile', () => {
  const storyboard = { columns: 5, rows: 2, tileWidth: 160, tileHeight: 90, intervalSeconds: 2, tiles: 8 };
  assert.deepEqual(storyboardTile(storyboard, 0), { index: 0, x: 0, y: 0 });
  assert.deepEqual(storyboardTile(storyboard, 13), { index: 6, x: 160, y: 90 });
  assert.deepEqual(storyboardTile(storyboard, 999), { index: 7, x: 320, y: 90 });
});

test('pairSidecars_whenJsonSharesBaseName_pairsIt_elseReportsOrphan', () => {
  const file = (name) => ({ name });
  const { videos, orphans } = pairSidecars([file('a.mp4'), file('a.json'), file('b.mov'), file('c.json')]);
  assert.deepEqual(videos.map((v) => [v.file.name, v.sidecar?.name ?? null]), [['a.mp4', 'a.json'], ['b.mov', null]]);
  assert.deepEqual(orphans.map((f) => f.name), ['c.json']);
});
