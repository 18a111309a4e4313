// Pure functions over perceived segments (GET /v1/videos/{id}/segments) and playback layout:
// which segment and boxes belong to a time, how a segment is coloured, where a storyboard tile is.
// No DOM here, so node's test runner checks them (sightline-web/src/test/js).

/** Content categories that colour the timeline; `labels` are detector class names. */
export const CATEGORIES = [
  { id: 'people', name: 'People', labels: ['person', 'pedestrian', 'rider'] },
  { id: 'vehicles', name: 'Vehicles', labels: ['car', 'truck', 'bus', 'motorcycle', 'motorbike', 'bicycle', 'train', 'van',
    'scooter', 'tram', 'vehicle', 'boat', 'airplane'] },
  { id: 'traffic', name: 'Signs and lights', labels: ['traffic light', 'stop sign', 'traffic sign', 'parking meter', 'fire hydrant'] },
  { id: 'animals', name: 'Animals', labels: ['bird', 'cat', 'dog', 'horse', 'sheep', 'cow', 'elephant', 'bear', 'zebra', 'giraffe',
    'animal'] },
  { id: 'objects', name: 'Other objects', labels: [] },
  { id: 'none', name: 'Nothing detected', labels: [] },
];

const CATEGORY_BY_LABEL = new Map(CATEGORIES.flatMap((c) => c.labels.map((label) => [label, c.id])));

export function categoryOf(label) {
  return CATEGORY_BY_LABEL.get(String(label).toLowerCase()) ?? 'objects';
}

/** The category most present in a segment: each object weighs its detection count times its score. */
export function segmentCategory(segment) {
  const weights = new Map();
  for (const object of segment.objects ?? []) {
    const category = categoryOf(object.label);
    const weight = Math.max(1, object.boxes?.length ?? 0) * (object.score ?? 1);
    weights.set(category, (weights.get(category) ?? 0) + weight);
  }
  let best = 'none';
  let bestWeight = 0;
  for (const [category, weight] of weights) {
    if (weight > bestWeight) {
      best = category;
      bestWeight = weight;
    }
  }
  return best;
}

/** The segment covering time t (segments ordered by start); the last one also covers its end. */
export function segmentAt(segments, t) {
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const segment = segments[mid];
    if (t < segment.startSeconds) high = mid - 1;
    else if (t >= segment.endSeconds && !(mid === segments.length - 1 && t === segment.endSeconds)) low = mid + 1;
    else return segment;
  }
  return null;
}

/**
 * Where each tracked object is at time t: interpolated between the two sampled boxes around t
 * when they are at most `maxGap` seconds apart, else the nearest box within `tolerance` seconds;
 * objects with no box near t are not on screen then.
 */
export function boxesAt(segments, t, { maxGap = 1.0, tolerance = 0.5 } = {}) {
  const byTrack = new Map();
  for (const segment of segments) {
    if (t < segment.startSeconds - tolerance || t > segment.endSeconds + tolerance) continue;
    for (const object of segment.objects ?? []) {
      const box = boxOf(object.boxes ?? [], t, maxGap, tolerance);
      if (!box) continue;
      const known = byTrack.get(object.trackId);
      if (!known || box.distance < known.distance) {
        byTrack.set(object.trackId, { ...box, trackId: object.trackId, label: object.label, color: object.color,
          score: object.score, motion: object.motion, category: categoryOf(object.label) });
      }
    }
  }
  return [...byTrack.values()].map(({ distance, ...box }) => box);
}

function boxOf(boxes, t, maxGap, tolerance) {
  let before = null;
  let after = null;
  for (const box of boxes) {
    if (box.t <= t && (!before || box.t > before.t)) before = box;
    if (box.t >= t && (!after || box.t < after.t)) after = box;
  }
  if (before && after && after.t - before.t <= maxGap) {
    const span = after.t - before.t;
    const k = span > 0 ? (t - before.t) / span : 0;
    const lerp = (a, b) => a + (b - a) * k;
    return { x1: lerp(before.x1, after.x1), y1: lerp(before.y1, after.y1), x2: lerp(before.x2, after.x2),
      y2: lerp(before.y2, after.y2), distance: 0 };
  }
  const nearest = [before, after].filter(Boolean).sort((a, b) => Math.abs(a.t - t) - Math.abs(b.t - t))[0];
  if (!nearest || Math.abs(nearest.t - t) > tolerance) return null;
  return { x1: nearest.x1, y1: nearest.y1, x2: nearest.x2, y2: nearest.y2, distance: Math.abs(nearest.t - t) };
}

/**
 * The text read nearest to time t in a segment, one reading per place on the frame, overlay text
 * first. Overlay text stays put, so its latest reading stands for the whole segment.
 */
export function textsAt(segment, t) {
  const byPlace = new Map();
  for (const text of segment?.texts ?? []) {
    const place = `${text.overlay}:${Math.round(text.x1 * 20)}:${Math.round(text.y1 * 20)}`;
    const known = byPlace.get(place);
    if (!known || Math.abs(text.t - t) < Math.abs(known.t - t)) byPlace.set(place, text);
  }
  return [...byPlace.values()].sort((a, b) => Number(b.overlay) - Number(a.overlay) || a.y1 - b.y1 || a.x1 - b.x1);
}

/** The value a sidecar field had at time t: the last value at or before t, else the first. */
export function metadataValueAt(field, t) {
  const values = field.values ?? [];
  if (values.length === 0) return undefined;
  let chosen = values[0];
  for (const value of values) {
    if (value.t <= t) chosen = value;
    else break;
  }
  return chosen.value;
}

/**
 * Where the picture sits inside a video element of box size (object-fit: contain letterboxes it).
 * @returns {{left, top, width, height}} in CSS pixels
 */
export function contentRect(boxWidth, boxHeight, videoWidth, videoHeight) {
  if (!videoWidth || !videoHeight || !boxWidth || !boxHeight) return { left: 0, top: 0, width: boxWidth, height: boxHeight };
  const scale = Math.min(boxWidth / videoWidth, boxHeight / videoHeight);
  const width = videoWidth * scale;
  const height = videoHeight * scale;
  return { left: (boxWidth - width) / 2, top: (boxHeight - height) / 2, width, height };
}

/**
 * The storyboard tile for time t: its index and pixel offset in the sprite
 * (tiles run left to right, then top to bottom, one every intervalSeconds).
 */
export function storyboardTile(storyboard, t) {
  const count = storyboard.tiles || storyboard.columns * storyboard.rows;
  const index = Math.max(0, Math.min(count - 1, Math.floor(t / storyboard.intervalSeconds)));
  return {
    index,
    x: (index % storyboard.columns) * storyboard.tileWidth,
    y: Math.floor(index / storyboard.columns) * storyboard.tileHeight,
  };
}
