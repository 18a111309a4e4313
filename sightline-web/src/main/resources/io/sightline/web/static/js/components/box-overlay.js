// Boxes of the objects seen at the current time, drawn over the video. A layer of positioned
// elements (not a canvas) keeps labels crisp, styles in CSS and boxes findable in the DOM.

import { h } from '../dom.js';
import { objectName } from '../format.js';
import { contentRect } from '../perception.js';

export function createBoxOverlay(video) {
  const el = h('div', { class: 'box-overlay', 'aria-hidden': 'true' });
  const shown = new Map(); // trackId -> element

  function layout() {
    const rect = contentRect(video.clientWidth, video.clientHeight, video.videoWidth, video.videoHeight);
    Object.assign(el.style, { left: rect.left + 'px', top: rect.top + 'px', width: rect.width + 'px', height: rect.height + 'px' });
  }

  const resizeObserver = new ResizeObserver(layout);
  resizeObserver.observe(video);
  video.addEventListener('loadedmetadata', layout);

  return {
    el,
    layout,
    /** @param boxes from perception.boxesAt: normalised x1, y1, x2, y2 with trackId, label, category */
    render(boxes) {
      const keep = new Set();
      for (const box of boxes) {
        keep.add(box.trackId);
        let element = shown.get(box.trackId);
        if (!element) {
          element = h('div', { class: `box cat-${box.category}`, dataset: { track: box.trackId, label: box.label } },
            h('span', { class: 'box-label' }, objectName(box.label, box.color)));
          shown.set(box.trackId, element);
          el.append(element);
        }
        Object.assign(element.style, {
          left: `${box.x1 * 100}%`, top: `${box.y1 * 100}%`,
          width: `${(box.x2 - box.x1) * 100}%`, height: `${(box.y2 - box.y1) * 100}%`,
        });
      }
      for (const [trackId, element] of shown) {
        if (!keep.has(trackId)) {
          element.remove();
          shown.delete(trackId);
        }
      }
    },
    destroy() {
      resizeObserver.disconnect();
    },
  };
}
