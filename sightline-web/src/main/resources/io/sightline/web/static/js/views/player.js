// One video: hls.js playback from signed URLs, the perception timeline with a storyboard
// scrubber, boxes over the picture, the side panel of what is seen now, details and delete.

import { emptyState, h, replace, spinner } from '../dom.js';
import { formatBytes, formatDate, formatDuration, words } from '../format.js';
import { navigate } from '../router.js';
import { boxesAt, segmentAt } from '../perception.js';
import { libraryPath } from './library.js';
import { confirmDialog } from '../components/dialog.js';
import { errorPanel, showError, showInfo } from '../components/notices.js';
import { isFinal } from '../components/status-poller.js';
import { progressBar, renderSteps, statusSummary } from '../components/progress.js';
import { createTimeline } from '../components/timeline.js';
import { createBoxOverlay } from '../components/box-overlay.js';
import { createNowPanel } from '../components/now-panel.js';

const SEGMENTS_RETRY_MS = 5000;

let hlsLoading = null;

/** Loads the vendored hls.js (a classic script) once, on the first visit to a player. */
function loadHls() {
  hlsLoading ??= new Promise((resolve, reject) => {
    if (window.Hls) return resolve(window.Hls);
    const script = h('script', { src: 'vendor/hls.min.js' });
    script.onload = () => resolve(window.Hls);
    script.onerror = () => {
      hlsLoading = null;
      reject(new Error('Could not load the video player script (vendor/hls.min.js).'));
    };
    document.head.append(script);
  });
  return hlsLoading;
}

const hlsDone = (status) => status.steps.some((step) => step.name === 'hls' && step.state === 'completed');
const STATUS_OF_STATE = { pending: 'uploaded', in_progress: 'processing', completed: 'processed', failed: 'failed' };

export function mount(el, { params, query, signal }, app) {
  const id = params.id;
  const cleanups = [];
  let destroyed = false;
  let video = null;
  let playerStarted = false;

  const page = h('div', { class: 'player-page', dataset: { perception: 'loading' } });
  const badge = h('span', { class: 'badge' });
  const heading = h('h1', { tabindex: '-1' });
  const stage = h('div', { class: 'stage' }, spinner('Loading the video…'));
  const side = h('div', { class: 'side' });
  const details = h('section', { class: 'details', 'aria-labelledby': 'details-heading' });

  replace(el, spinner('Loading the video…'));
  load();
  return () => {
    destroyed = true;
    for (const cleanup of cleanups) cleanup();
  };

  async function load() {
    try {
      video = await app.api.video(id, { signal });
    } catch (e) {
      if (e.name === 'AbortError') return;
      const title = { 404: 'This video does not exist (any more)', 403: 'This video belongs to someone else' }[e.status]
        ?? 'Could not load the video';
      replace(el, h('div', { class: 'player-page' }, backLink(null), errorPanel(e, title, e.status >= 500 || e.status === 0 ? load : null)));
      return;
    }
    document.title = `${video.name} · Sightline`;
    heading.textContent = video.name;
    renderBadge(video.status);
    replace(page,
      h('header', { class: 'player-head' },
        backLink(video.folderId),
        h('div', { class: 'player-title' }, heading,
          h('p', { class: 'subtitle' }, badge, ` Uploaded ${formatDate(video.createdAt)} · ${formatBytes(video.sizeBytes)}`)),
        h('button', { type: 'button', class: 'danger-outline', onclick: onDelete }, 'Delete')),
      h('div', { class: 'player-layout' }, stage, side),
      details);
    renderDetails();
    replace(el, page);
    heading.focus({ preventScroll: true });
    watchStatus();
  }

  function backLink(folderId) {
    return h('a', { class: 'back', href: '#' + libraryPath({ folderId }) }, '← Library');
  }

  function renderBadge(status) {
    badge.textContent = status;
    badge.className = `badge status-${status}`;
    page.dataset.status = status;
  }

  /** Shows processing progress until the stream is ready, then the player; follows the status to the end. */
  function watchStatus() {
    const bar = progressBar('Processing');
    const steps = h('ol', { class: 'steps', 'aria-label': 'Processing steps' });
    const summary = h('p', { class: 'processing-summary' }, 'Checking the processing status…');
    const processing = h('div', { class: 'processing' }, h('div', { class: 'spinner' }, h('span', { class: 'spin', 'aria-hidden': 'true' }),
      summary), bar.el, steps);
    if (video.status === 'processed') {
      startPlayer();
      return;
    }
    replace(stage, processing);

    const stop = app.poller.watch(id, async (status, error) => {
      if (error) {
        stop();
        if (!playerStarted) replace(stage, errorPanel(error, 'Could not read the processing status'));
        return;
      }
      renderBadge(STATUS_OF_STATE[status.state]);
      summary.textContent = statusSummary(status);
      bar.set(status.percentage, status.state);
      renderSteps(steps, status.steps);
      if (status.state === 'failed' && !playerStarted) {
        replace(stage, errorPanel(new Error(status.error ?? 'A processing step failed.'), 'Processing failed'), steps);
      }
      if (hlsDone(status) && !playerStarted) startPlayer();
      if (isFinal(status)) {
        stop();
        video = await app.api.video(id).catch(() => video);
        if (!destroyed) renderDetails();
      }
    });
    cleanups.push(stop);
  }

  async function startPlayer() {
    playerStarted = true;
    replace(stage, spinner('Preparing the stream…'));
    let playback;
    let Hls;
    try {
      [playback, Hls] = await Promise.all([app.playback.get(id), loadHls()]);
    } catch (e) {
      if (destroyed) return;
      playerStarted = false;
      replace(stage, errorPanel(e, 'Could not prepare the stream', () => startPlayer()));
      return;
    }
    if (destroyed) return;

    const videoEl = h('video', { controls: true, playsInline: true, preload: 'auto', poster: playback.posterUrl ?? null,
      'aria-label': `Video: ${video.name}` });
    if (video.media?.width && video.media?.height) videoEl.style.aspectRatio = `${video.media.width} / ${video.media.height}`;
    const overlay = createBoxOverlay(videoEl);
    const nowPanel = createNowPanel(video.metadata);
    cleanups.push(() => overlay.destroy());
    let segments = [];
    let timeline = null;
    let activeIndex = null;
    let pendingSeek = Number(query.get('t')) || null;

    function update() {
      const t = videoEl.currentTime;
      const segment = segmentAt(segments, t);
      if (timeline) {
        timeline.setTime(t);
        if ((segment?.index ?? null) !== activeIndex) timeline.markActive(segment?.index);
      }
      activeIndex = segment?.index ?? null;
      overlay.render(boxesAt(segments, t));
      nowPanel.update(t, segment);
    }

    function timelineNote() {
      return { loading: 'Loading what was perceived…', pending: 'Perception is running — segments appear here when it is done',
        unavailable: 'No perceived segments — hover to preview, click to seek', ready: 'Nothing perceived' }[page.dataset.perception] ?? '';
    }

    function seek(t) {
      if (videoEl.readyState === 0) pendingSeek = t;
      else videoEl.currentTime = t;
      update();
    }

    function makeTimeline(duration) {
      if (timeline || !(duration > 0)) return;
      const storyboard = playback.storyboardUrl && playback.storyboard ? { url: playback.storyboardUrl, layout: playback.storyboard } : null;
      timeline = createTimeline({ duration, storyboard, onSeek: seek });
      timeline.setSegments(segments, timelineNote());
      stage.append(timeline.el);
      update();
    }

    let frame = 0;
    const loop = () => {
      update();
      frame = requestAnimationFrame(loop);
    };
    videoEl.addEventListener('play', () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(loop);
    });
    for (const event of ['pause', 'ended']) videoEl.addEventListener(event, () => cancelAnimationFrame(frame));
    for (const event of ['timeupdate', 'seeked']) videoEl.addEventListener(event, update);
    videoEl.addEventListener('loadedmetadata', () => {
      makeTimeline(video.media?.durationSeconds || videoEl.duration);
      if (pendingSeek !== null) videoEl.currentTime = pendingSeek;
      pendingSeek = null;
      update();
    });
    cleanups.push(() => cancelAnimationFrame(frame));

    replace(stage, h('div', { class: 'video-box' }, videoEl, overlay.el));
    replace(side, nowPanel.el);
    makeTimeline(video.media?.durationSeconds);
    attachStream(Hls, videoEl, playback);
    loadSegments();

    async function loadSegments() {
      try {
        segments = await app.api.segments(id, { signal });
        page.dataset.perception = 'ready';
        nowPanel.setMessage(segments.length === 0 ? emptyState('Nothing was perceived in this video.') : null);
      } catch (e) {
        if (e.name === 'AbortError' || destroyed) return;
        segments = [];
        if (e.status === 409) {
          page.dataset.perception = 'pending';
          nowPanel.setMessage(h('div', { class: 'pending' }, h('div', { class: 'spinner' },
            h('span', { class: 'spin', 'aria-hidden': 'true' }), 'Perception is still running for this video…'),
          h('p', { class: 'muted' }, e.message)));
          const timer = setTimeout(loadSegments, SEGMENTS_RETRY_MS);
          cleanups.push(() => clearTimeout(timer));
        } else {
          page.dataset.perception = 'unavailable';
          nowPanel.setMessage(emptyState(e.status === 404 ? 'No perception results for this video' : 'Could not load what was perceived',
            e.message, e.requestId ? ` (request id ${e.requestId})` : ''));
        }
      }
      timeline?.setSegments(segments, timelineNote());
      activeIndex = undefined;
      update();
    }
  }

  function attachStream(Hls, videoEl, playback) {
    if (Hls?.isSupported()) {
      const hls = new Hls({ maxBufferLength: 30 });
      let recovered = false;
      hls.on(Hls.Events.ERROR, async (_event, data) => {
        if (!data.fatal) return;
        if (!recovered && data.type === Hls.ErrorTypes.MEDIA_ERROR) {
          recovered = true;
          hls.recoverMediaError();
        } else if (!recovered && data.type === Hls.ErrorTypes.NETWORK_ERROR) {
          recovered = true; // most likely the signed URLs expired: sign new ones once
          app.playback.forget(id);
          try {
            hls.loadSource((await app.playback.get(id)).hlsUrl);
          } catch (e) {
            showError(e, 'The stream stopped');
          }
        } else {
          showError(new Error(`${data.type}: ${data.details}`), 'The stream could not be played');
        }
      });
      hls.loadSource(playback.hlsUrl);
      hls.attachMedia(videoEl);
      cleanups.push(() => hls.destroy());
    } else if (videoEl.canPlayType('application/vnd.apple.mpegurl')) {
      videoEl.src = playback.hlsUrl; // Safari plays HLS itself
    } else {
      showError(new Error('This browser has no Media Source Extensions, which HLS playback needs.'), 'Cannot play here');
    }
  }

  function renderDetails() {
    const media = video.media;
    const metadata = video.metadata;
    const rows = [
      ['Status', video.status],
      ['Duration', media ? formatDuration(media.durationSeconds) : null],
      ['Resolution', media ? `${media.width} × ${media.height}` : null],
      ['Frame rate', media ? `${+media.fps.toFixed(3)} fps${media.variableFrameRate ? ' (variable)' : ''}` : null],
      ['Video codec', media?.videoCodec],
      ['Audio codec', media ? media.audioCodec ?? 'no audio' : null],
      ['Container', media?.container],
      ['Bit rate', media?.bitRate ? `${Math.round(media.bitRate / 1000)} kbit/s` : null],
      ['Rotation', media?.rotation ? `${media.rotation}°` : null],
      ['Size', formatBytes(video.sizeBytes)],
      ['Type', video.contentType],
      ['Uploaded', formatDate(video.createdAt)],
      ['Id', h('code', {}, video.id)],
    ].filter(([, value]) => value !== null && value !== undefined);
    replace(details, h('h2', { id: 'details-heading' }, 'Details'),
      h('dl', { class: 'facts details-facts' }, rows.map(([name, value]) => [h('dt', {}, name), h('dd', {}, value)])),
      metadata ? metadataDetails(metadata) : null);
  }

  function metadataDetails(metadata) {
    const properties = Object.entries(metadata.properties ?? {});
    return h('div', { class: 'metadata' },
      h('h3', {}, 'Metadata sidecar'),
      metadata.description ? h('p', {}, metadata.description) : null,
      properties.length ? h('dl', { class: 'facts' }, properties.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])) : null,
      (metadata.fields ?? []).length ? h('table', { class: 'fields' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Field'), h('th', {}, 'Type'), h('th', {}, 'Unit'), h('th', {}, 'On frame'), h('th', {}, 'Values'))),
        h('tbody', {}, metadata.fields.map((f) => h('tr', {},
          h('td', {}, f.name), h('td', {}, f.type), h('td', {}, f.unit ?? '–'), h('td', {}, words(f.position ?? 'none')),
          h('td', {}, String(f.values?.length ?? 0)))))) : null);
  }

  async function onDelete() {
    const confirmed = await confirmDialog({
      title: `Delete “${video.name}”?`,
      message: 'This removes the video, its stream, thumbnails and everything perceived in it. It cannot be undone.',
      confirmLabel: 'Delete video',
      danger: true,
    });
    if (!confirmed) return;
    try {
      await app.api.deleteVideo(id);
      app.playback.forget(id);
      showInfo(`Deleted ${video.name}.`);
      navigate(libraryPath({ folderId: video.folderId }));
    } catch (e) {
      showError(e, 'Could not delete the video');
    }
  }
}
