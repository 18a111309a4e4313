// The upload queue: each dropped or picked file gets its own row with an upload progress bar,
// then the live state and percentage of each processing step. It outlives the library view, so
// uploads go on (and stay visible when coming back) while the person watches another video.

import { h } from '../dom.js';
import { formatBytes } from '../format.js';
import { isFinal } from './status-poller.js';
import { progressBar, renderSteps, statusSummary } from './progress.js';
import { showError } from './notices.js';

const CONCURRENT_UPLOADS = 2;

function baseName(name) {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

function isSidecar(file) {
  return file.name.toLowerCase().endsWith('.json');
}

/**
 * Pairs metadata sidecars with their videos by base name (dashcam.mp4 + dashcam.json).
 * @returns {{ videos: {file, sidecar}[], orphans: File[] }}
 */
export function pairSidecars(files) {
  const sidecars = new Map(files.filter(isSidecar).map((file) => [baseName(file.name), file]));
  const videos = files.filter((file) => !isSidecar(file)).map((file) => {
    const sidecar = sidecars.get(baseName(file.name)) ?? null;
    sidecars.delete(baseName(file.name));
    return { file, sidecar };
  });
  return { videos, orphans: [...sidecars.values()] };
}

export function createUploadQueue(api, poller) {
  const items = [];
  const uploadedListeners = new Set();
  const list = h('ol', { class: 'upload-list' });
  const clearButton = h('button', { type: 'button', class: 'link-button', onclick: clearFinished }, 'Clear finished');
  const panel = h('section', { class: 'uploads', 'aria-label': 'Uploads', hidden: true },
    h('div', { class: 'uploads-head' }, h('h2', {}, 'Uploads'), clearButton), list);
  let active = 0;

  function refreshPanel() {
    panel.hidden = items.length === 0;
    clearButton.hidden = !items.some((item) => item.finished);
  }

  function clearFinished() {
    for (const item of items.filter((i) => i.finished)) remove(item);
  }

  function remove(item) {
    item.stopWatching?.();
    items.splice(items.indexOf(item), 1);
    item.el.remove();
    refreshPanel();
  }

  function setState(item, state, text) {
    item.el.dataset.state = state;
    item.stateText.textContent = text;
    item.finished = ['processed', 'failed', 'cancelled'].includes(state);
    item.actionButton.textContent = item.finished ? 'Dismiss' : 'Cancel';
    item.actionButton.setAttribute('aria-label', `${item.finished ? 'Dismiss' : 'Cancel'} ${item.file.name}`);
    item.actionButton.hidden = state === 'processing'; // the server offers no cancel once stored
    refreshPanel();
  }

  function makeItem({ file, sidecar }, target) {
    const bar = progressBar(`Upload of ${file.name}`);
    const item = { file, sidecar, target, bar, finished: false };
    item.stateText = h('span', { class: 'upload-state' });
    item.steps = h('ol', { class: 'steps', 'aria-label': 'Processing steps' });
    item.link = h('a', { class: 'upload-open', hidden: true }, 'Open');
    item.actionButton = h('button', { type: 'button', class: 'link-button', onclick: () => {
      if (item.finished) remove(item);
      else if (item.upload) item.upload.abort();
      else { // still queued
        setState(item, 'cancelled', 'Cancelled');
        pump();
      }
    } });
    item.el = h('li', { class: 'upload-item' },
      h('div', { class: 'upload-head' },
        h('span', { class: 'upload-name', title: file.name }, file.name),
        h('span', { class: 'upload-size' }, formatBytes(file.size) + (sidecar ? ' + metadata' : '')),
        item.link, item.actionButton),
      bar.el,
      h('div', { class: 'upload-foot' }, item.stateText, item.steps));
    bar.set(0);
    setState(item, 'queued', `Waiting to upload · to ${target.label}`);
    return item;
  }

  function start(item) {
    active++;
    setState(item, 'uploading', 'Uploading 0%');
    item.upload = api.upload({ folderId: item.target.folderId }, item.file, item.sidecar, (sent, total) => {
      const percent = total > 0 ? (100 * sent) / total : 0;
      item.bar.set(percent, 'uploading');
      // the last bytes are acknowledged only when the server has stored the file
      item.stateText.textContent = percent >= 100 ? 'Storing…' : `Uploading ${Math.floor(percent)}%`;
    });
    item.upload.done
      .then(async (video) => {
        item.video = video;
        item.el.dataset.videoId = video.id;
        item.link.href = `#/videos/${encodeURIComponent(video.id)}`;
        item.link.hidden = false;
        item.link.setAttribute('aria-label', `Open ${video.name}`);
        item.bar.set(0, 'processing');
        setState(item, 'processing', 'Uploaded · waiting to be processed');
        if (item.target.collectionId) {
          await api.addToCollection(item.target.collectionId, video.id)
            .catch((e) => showError(e, `Could not add ${video.name} to the collection`));
        }
        for (const listener of uploadedListeners) listener(video, item.target);
        watch(item);
      })
      .catch((error) => {
        if (error.code === 'aborted') {
          setState(item, 'cancelled', 'Cancelled');
        } else {
          setState(item, 'failed', `Upload failed: ${error.message}` + (error.requestId ? ` (request ${error.requestId})` : ''));
        }
      })
      .finally(() => {
        item.upload = null;
        active--;
        pump();
      });
  }

  function watch(item) {
    item.stopWatching = poller.watch(item.video.id, (status, error) => {
      if (error) {
        item.stopWatching();
        setState(item, 'failed', `Could not read the processing status: ${error.message}`);
        return;
      }
      item.bar.set(status.percentage, status.state === 'failed' ? 'failed' : 'processing');
      renderSteps(item.steps, status.steps);
      const final = isFinal(status);
      setState(item, final ? (status.state === 'completed' ? 'processed' : 'failed') : 'processing', statusSummary(status));
      if (final) item.stopWatching();
    });
  }

  function pump() {
    for (const item of items) {
      if (active >= CONCURRENT_UPLOADS) return;
      if (item.el.dataset.state === 'queued') start(item);
    }
  }

  return {
    /**
     * Queues files for upload.
     * @param target { folderId?, collectionId?, label } — where they go; no folderId means the personal folder
     */
    add(files, target) {
      const { videos, orphans } = pairSidecars([...files]);
      for (const orphan of orphans) {
        showError(new Error(`${orphan.name} was not uploaded: a metadata file is sent with the video of the same base name.`),
          'Metadata file without its video');
      }
      for (const pair of videos) {
        const item = makeItem(pair, target);
        items.push(item);
        list.append(item.el);
      }
      refreshPanel();
      pump();
    },
    /** Shows the queue inside `container` (the library view). */
    attach(container) {
      container.append(panel);
      refreshPanel();
    },
    /** Calls back with (video, target) for every finished upload. */
    onUploaded(listener) {
      uploadedListeners.add(listener);
      return () => uploadedListeners.delete(listener);
    },
    abortAll() {
      for (const item of [...items]) {
        item.upload?.abort();
        remove(item);
      }
    },
  };
}
