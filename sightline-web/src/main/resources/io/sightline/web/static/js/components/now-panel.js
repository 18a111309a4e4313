// The side panel of what is seen at the playhead: the segment's caption, objects, on-screen text
// with parsed overlay values, camera motion, lighting, and the sidecar's values at that time.

import { h, replace } from '../dom.js';
import { formatTime, objectName, words } from '../format.js';
import { categoryOf, metadataValueAt, textsAt } from '../perception.js';

const PARSED_NAMES = { timestamp: 'Time', speed_kmh: 'Speed', lat: 'Latitude', lon: 'Longitude', g_sensor: 'G-sensor' };
const PARSED_UNITS = { speed_kmh: ' km/h' };

function facts(entries) {
  return h('dl', { class: 'facts' }, entries.filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]) => [h('dt', {}, name), h('dd', {}, value)]));
}

function section(title, ...content) {
  return h('section', { class: 'now-section' }, h('h3', {}, title), ...content);
}

function objectsSection(segment) {
  const objects = segment.objects ?? [];
  if (objects.length === 0) return section('Objects', h('p', { class: 'muted' }, 'None detected.'));
  return section(`Objects (${objects.length})`, h('ul', { class: 'object-list' }, objects.map((object) =>
    h('li', { dataset: { track: object.trackId } },
      h('span', { class: `swatch cat-${categoryOf(object.label)}`, 'aria-hidden': 'true' }),
      h('span', { class: 'object-name' }, objectName(object.label, object.color)),
      h('span', { class: 'object-detail' }, [
        words(object.motion),
        Number.isFinite(object.closeness) ? `closeness ${Math.round(object.closeness * 100)}%` : null,
        object.timeToContactSeconds != null ? `contact in ${object.timeToContactSeconds.toFixed(1)} s` : null,
        Number.isFinite(object.score) ? `score ${object.score.toFixed(2)}` : null,
      ].filter(Boolean).join(' · '))))));
}

function textSection(segment, t) {
  const texts = textsAt(segment, t);
  if (texts.length === 0) return section('On-screen text', h('p', { class: 'muted' }, 'None read.'));
  return section('On-screen text', h('ul', { class: 'text-list' }, texts.map((text) => {
    const parsed = Object.entries(text.parsed ?? {});
    return h('li', {},
      h('span', { class: 'text-kind' }, text.overlay ? 'overlay' : 'scene'),
      h('q', {}, text.text),
      parsed.length ? facts(parsed.map(([key, value]) => [PARSED_NAMES[key] ?? words(key), value + (PARSED_UNITS[key] ?? '')])) : null);
  })));
}

function cameraSection(camera) {
  if (!camera) return null;
  return section('Camera', facts([
    ['Motion', words(camera.state)],
    ['Turning', words(camera.turn)],
    ['Lane change', words(camera.laneChange)],
    ['Braking', camera.braking ? 'yes' : 'no'],
    ['Speed (relative)', Number.isFinite(camera.forwardSpeedProxy) ? camera.forwardSpeedProxy.toFixed(2) : null],
  ]));
}

function sceneSection(scene) {
  if (!scene) return null;
  return section('Scene', facts([
    ['Lighting', words(scene.lighting)],
    ['Glare', scene.glare ? 'yes' : 'no'],
    ['Brightness', Number.isFinite(scene.brightness) ? scene.brightness.toFixed(2) : null],
    ['Sharpness', Number.isFinite(scene.sharpness) ? scene.sharpness.toFixed(1) : null],
    ['Colourfulness', Number.isFinite(scene.colourfulness) ? scene.colourfulness.toFixed(2) : null],
  ]));
}

function formatValue(value) {
  if (value && typeof value === 'object' && 'lat' in value && 'lon' in value) return `${value.lat}, ${value.lon}`;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** @param metadata the video's sidecar (VideoMetadata) or null */
export function createNowPanel(metadata) {
  const time = h('p', { class: 'now-time' });
  const perception = h('div', { class: 'now-perception' });
  const sidecar = h('div', { class: 'now-sidecar' });
  const el = h('aside', { class: 'now-panel', 'aria-label': 'What is seen at the current time' },
    h('h2', {}, 'What is seen'), time, perception, sidecar);
  const fields = metadata?.fields ?? [];
  let message = null;
  let lastKey = null;

  return {
    el,
    /** Shows `node` (a pending or unavailable note) in place of the perception. */
    setMessage(node) {
      message = node;
      lastKey = null;
    },
    update(t, segment) {
      time.textContent = `At ${formatTime(t)}`;
      const values = fields.map((field) => metadataValueAt(field, t));
      const texts = segment ? textsAt(segment, t).map((text) => text.t) : [];
      const key = JSON.stringify([message ? 'message' : segment?.index ?? null, texts, values]);
      if (key === lastKey) return;
      lastKey = key;
      if (message) {
        replace(perception, message);
      } else if (!segment) {
        replace(perception, h('p', { class: 'muted' }, 'Nothing perceived at this time.'));
      } else {
        replace(perception,
          segment.caption ? h('p', { class: 'caption', dataset: { segment: String(segment.index) } }, segment.caption) : null,
          objectsSection(segment), textSection(segment, t), cameraSection(segment.camera), sceneSection(segment.scene));
      }
      replace(sidecar, fields.length === 0 ? null : section('Recorded with the video', facts(fields.map((field, i) =>
        [field.name, values[i] === undefined ? '–' : formatValue(values[i]) + (field.unit ? ` ${field.unit}` : '')]))));
    },
  };
}
