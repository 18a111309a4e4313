// A video in the library grid: poster, name, duration and processing state, kept live while
// the video is being processed.

import { h, replace } from '../dom.js';
import { formatDuration } from '../format.js';
import { isFinal } from './status-poller.js';
import { progressBar, statusSummary } from './progress.js';

const STATUS_TEXT = { uploaded: 'uploaded', processing: 'processing', processed: 'processed', failed: 'failed' };

export function createVideoCard(initial, app) {
  let video = initial;
  let stopWatching = null;
  let destroyed = false;
  let posterShown = false;
  const thumb = h('div', { class: 'thumb' });
  const name = h('span', { class: 'card-name' });
  const badge = h('span', { class: 'badge' });
  const duration = h('span', { class: 'duration' });
  const bar = progressBar(`Processing of ${video.name}`);
  const detail = h('span', { class: 'card-detail' });
  const el = h('li', { class: 'card', dataset: { videoId: video.id } },
    h('a', { class: 'card-link', href: `#/videos/${encodeURIComponent(video.id)}` },
      thumb, h('div', { class: 'card-body' }, name, h('div', { class: 'card-meta' }, badge, duration), detail, bar.el)));

  function render() {
    el.dataset.status = video.status;
    name.textContent = video.name;
    name.title = video.name;
    badge.textContent = STATUS_TEXT[video.status] ?? video.status;
    badge.className = `badge status-${video.status}`;
    duration.textContent = video.media ? formatDuration(video.media.durationSeconds) : '';
    bar.el.hidden = video.status === 'processed' || video.status === 'failed';
    if (video.status === 'processed') {
      detail.textContent = '';
      showPoster();
    } else if (!posterShown) {
      replace(thumb, h('span', { class: 'thumb-placeholder', 'aria-hidden': 'true' }, video.status === 'failed' ? '!' : '…'));
    }
  }

  function showPoster() {
    if (posterShown) return;
    posterShown = true;
    app.playback.get(video.id).then((playback) => {
      if (destroyed || !playback.posterUrl) return;
      replace(thumb, h('img', { src: playback.posterUrl, alt: '', loading: 'lazy', decoding: 'async' }));
    }).catch(() => {
      posterShown = false;
      replace(thumb, h('span', { class: 'thumb-placeholder', 'aria-hidden': 'true' }, '▶'));
    });
  }

  function watch() {
    stopWatching = app.poller.watch(video.id, async (status, error) => {
      if (error) {
        stopWatching();
        if (error.status === 404) el.remove(); // deleted meanwhile
        return;
      }
      bar.set(status.percentage, status.state);
      detail.textContent = statusSummary(status);
      const wasMissingMedia = !video.media;
      video = { ...video, status: { pending: 'uploaded', in_progress: 'processing', completed: 'processed', failed: 'failed' }[status.state] };
      if (isFinal(status) || (wasMissingMedia && status.steps.some((s) => s.name === 'probe' && s.state === 'completed'))) {
        if (isFinal(status)) stopWatching();
        try {
          video = await app.api.video(video.id); // duration and media arrive with the probe
        } catch {
          // keep what we have; the next library load shows it
        }
      }
      if (destroyed) return;
      render();
      // the poster exists as soon as its step is done, while later steps (perception) still run
      if (status.steps.some((step) => step.name === 'thumbnails' && step.state === 'completed')) showPoster();
    });
  }

  render();
  if (video.status === 'uploaded' || video.status === 'processing') watch();

  return {
    el,
    video: () => video,
    destroy() {
      destroyed = true;
      stopWatching?.();
    },
  };
}
