// The bar under the player: perceived segments coloured by content (click one to seek to it),
// the playhead, and a storyboard scrubber showing the sprite tile for the time under the pointer.

import { h, replace } from '../dom.js';
import { formatDuration, formatTime } from '../format.js';
import { CATEGORIES, segmentCategory, storyboardTile } from '../perception.js';

/**
 * @param duration   seconds
 * @param storyboard { url, layout } from the playback, or null when thumbnails are not ready
 * @param onSeek     called with a time in seconds
 */
export function createTimeline({ duration, storyboard, onSeek }) {
  const segmentLayer = h('div', { class: 'timeline-segments' });
  const note = h('span', { class: 'timeline-note' });
  const playhead = h('div', { class: 'playhead', 'aria-hidden': 'true' });
  const tile = h('div', { class: 'preview-tile' });
  const previewTime = h('span', { class: 'preview-time' });
  const preview = h('div', { class: 'preview', hidden: true, 'aria-hidden': 'true' }, tile, previewTime);
  const track = h('div', { class: 'timeline-track', dataset: { duration: String(duration) } }, segmentLayer, note, playhead, preview);
  const legend = h('ul', { class: 'timeline-legend', 'aria-label': 'Timeline colours' });
  const el = h('div', { class: 'timeline' }, track,
    h('div', { class: 'timeline-times', 'aria-hidden': 'true' }, h('span', {}, '0:00'), h('span', {}, formatDuration(duration))),
    legend);

  if (storyboard) {
    tile.style.backgroundImage = `url(${JSON.stringify(storyboard.url)})`;
    tile.style.width = storyboard.layout.tileWidth + 'px';
    tile.style.height = storyboard.layout.tileHeight + 'px';
  } else {
    tile.hidden = true;
  }

  const timeAt = (clientX) => {
    const rect = track.getBoundingClientRect();
    return Math.max(0, Math.min(1, (clientX - rect.left) / rect.width)) * duration;
  };

  function showPreview(t) {
    preview.hidden = false;
    previewTime.textContent = formatTime(t);
    if (storyboard) {
      const { x, y } = storyboardTile(storyboard.layout, t);
      tile.style.backgroundPosition = `-${x}px -${y}px`;
    }
    const half = preview.offsetWidth / 2;
    const left = (t / duration) * track.clientWidth;
    preview.style.left = Math.max(half, Math.min(track.clientWidth - half, left)) + 'px';
  }

  track.addEventListener('pointermove', (e) => showPreview(timeAt(e.clientX)));
  track.addEventListener('pointerleave', () => { preview.hidden = true; });
  // One tab stop for all segments; arrow keys, Home and End move between them (Enter or Space seeks).
  segmentLayer.addEventListener('keydown', (e) => {
    const buttons = [...segmentLayer.children];
    const at = buttons.indexOf(document.activeElement);
    const to = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: buttons.length - 1 }[e.key];
    if (at < 0 || to === undefined || !buttons[to]) return;
    e.preventDefault();
    setTabStop(buttons[to]);
    buttons[to].focus();
  });
  function setTabStop(button) {
    for (const other of segmentLayer.children) other.tabIndex = other === button ? 0 : -1;
  }

  track.addEventListener('click', (e) => {
    if (!e.target.closest('.segment')) onSeek(timeAt(e.clientX));
  });

  return {
    el,
    /** Draws the perceived segments; with none, shows `emptyNote` in the bar instead. */
    setSegments(segments, emptyNote = '') {
      note.textContent = segments.length === 0 ? emptyNote : '';
      const present = new Set();
      replace(segmentLayer, segments.map((segment) => {
        const category = segmentCategory(segment);
        present.add(category);
        const label = `${formatTime(segment.startSeconds)} to ${formatTime(segment.endSeconds)}: ${segment.caption || 'no caption'}`;
        return h('button', {
          type: 'button',
          class: `segment cat-${category}`,
          dataset: { index: String(segment.index), start: String(segment.startSeconds), category },
          style: {
            left: `${(100 * segment.startSeconds) / duration}%`,
            width: `${(100 * (segment.endSeconds - segment.startSeconds)) / duration}%`,
          },
          title: label,
          'aria-label': label,
          onclick: () => onSeek(segment.startSeconds),
          onfocus: () => showPreview(segment.startSeconds),
          onblur: () => { preview.hidden = true; },
        });
      }));
      if (segmentLayer.firstElementChild) setTabStop(segmentLayer.firstElementChild);
      replace(legend, CATEGORIES.filter((c) => present.has(c.id)).map((c) =>
        h('li', {}, h('span', { class: `swatch cat-${c.id}`, 'aria-hidden': 'true' }), c.name)));
    },
    setTime(t) {
      playhead.style.left = `${(100 * Math.min(t, duration)) / duration}%`;
    },
    markActive(index) {
      for (const button of segmentLayer.children) button.classList.toggle('active', button.dataset.index === String(index));
      const active = segmentLayer.querySelector('.segment.active');
      if (active && !segmentLayer.contains(document.activeElement)) setTabStop(active);
    },
  };
}
