// The library: folders (user and org scope) and collections in a sidebar; the videos of the
// selected one as cards with "load more"; drop files anywhere on the list to upload them there.

import { emptyState, h, replace, spinner } from '../dom.js';
import { navigate } from '../router.js';
import { createVideoCard } from '../components/video-card.js';
import { errorPanel, showError } from '../components/notices.js';

const PAGE_SIZE = 24;
const SORTS = {
  newest: { sort: 'created_at', order: 'desc', name: 'Newest first' },
  oldest: { sort: 'created_at', order: 'asc', name: 'Oldest first' },
  name: { sort: 'name', order: 'asc', name: 'Name' },
  longest: { sort: 'duration', order: 'desc', name: 'Longest first' },
};

export function libraryPath({ folderId, collectionId, sort } = {}) {
  const query = new URLSearchParams();
  if (folderId) query.set('folder', folderId);
  if (collectionId) query.set('collection', collectionId);
  if (sort && sort !== 'newest') query.set('sort', sort);
  const text = query.toString();
  return '/library' + (text ? '?' + text : '');
}

export function mount(el, { query, signal }, app) {
  const folderId = query.get('folder');
  const collectionId = query.get('collection');
  const sortKey = SORTS[query.get('sort')] ? query.get('sort') : 'newest';
  const cards = new Map(); // videoId -> card
  const target = { folderId, collectionId, label: collectionId ? 'this collection' : folderId ? 'this folder' : 'your Personal folder' };
  let nextOffset = 0;
  let total = 0;

  const heading = h('h1', { tabindex: '-1' }, collectionId ? 'Collection' : folderId ? 'Folder' : 'All videos');
  const subtitle = h('p', { class: 'subtitle' });
  const fileInput = h('input', { type: 'file', multiple: true, accept: 'video/*,.json', class: 'visually-hidden', tabindex: '-1',
    'aria-hidden': 'true', onchange: () => { queue(fileInput.files); fileInput.value = ''; } });
  const sortSelect = h('select', { 'aria-label': 'Sort videos',
    onchange: () => navigate(libraryPath({ folderId, collectionId, sort: sortSelect.value })) },
  Object.entries(SORTS).map(([key, sort]) => h('option', { value: key, selected: key === sortKey }, sort.name)));
  const grid = h('ul', { class: 'grid', 'aria-label': 'Videos' });
  const listStatus = h('div', { class: 'list-status' });
  const uploadsSlot = h('div', { class: 'uploads-slot' });
  const main = h('section', { class: 'library-main', 'aria-labelledby': 'library-heading' },
    h('header', { class: 'library-head' },
      h('div', {}, heading, subtitle),
      h('div', { class: 'library-actions' }, sortSelect,
        h('button', { type: 'button', class: 'primary', onclick: () => fileInput.click() }, 'Upload videos'), fileInput)),
    uploadsSlot, grid, listStatus,
    h('div', { class: 'drop-hint', 'aria-hidden': 'true' }, h('span', {}, 'Drop video files to upload them')));
  heading.id = 'library-heading';
  const sidebar = h('nav', { class: 'sidebar', 'aria-label': 'Folders and collections' }, spinner('Loading folders…'));
  replace(el, h('div', { class: 'library' }, sidebar, main));
  app.uploads.attach(uploadsSlot);
  heading.focus({ preventScroll: true });

  function queue(files) {
    if (files.length > 0) app.uploads.add(files, target);
  }

  // Drag and drop: dragenter/dragleave fire for every child, so count them.
  let dragDepth = 0;
  const carriesFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  main.addEventListener('dragenter', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    dragDepth++;
    main.classList.add('dragging');
  });
  main.addEventListener('dragover', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  main.addEventListener('dragleave', () => {
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) main.classList.remove('dragging');
  });
  main.addEventListener('drop', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    dragDepth = 0;
    main.classList.remove('dragging');
    queue(e.dataTransfer.files);
  });

  function addCard(video, atStart) {
    if (cards.has(video.id)) return;
    const card = createVideoCard(video, app);
    cards.set(video.id, card);
    if (atStart) grid.prepend(card.el);
    else grid.append(card.el);
  }

  function renderListStatus() {
    if (cards.size === 0) {
      replace(listStatus, emptyState(collectionId ? 'This collection is empty' : 'No videos here yet',
        'Drop video files here, or use ', h('strong', {}, 'Upload videos'), '. A metadata file named like its video (',
        h('code', {}, 'dashcam.json'), ' beside ', h('code', {}, 'dashcam.mp4'), ') is sent along with it.'));
    } else if (nextOffset < total) {
      replace(listStatus, h('p', { class: 'muted' }, `Showing ${grid.children.length} of ${total}`),
        h('button', { type: 'button', class: 'secondary', onclick: () => loadPage(nextOffset) }, 'Load more'));
    } else {
      replace(listStatus, h('p', { class: 'muted' }, grid.children.length === 1 ? '1 video' : `${grid.children.length} videos`));
    }
  }

  async function loadPage(offset) {
    replace(listStatus, spinner(offset === 0 ? 'Loading videos…' : 'Loading more videos…'));
    const { sort, order } = SORTS[sortKey];
    const params = { offset, limit: PAGE_SIZE, sort, order, folderId: collectionId ? null : folderId };
    try {
      const page = collectionId
        ? await app.api.collectionVideos(collectionId, params, { signal })
        : await app.api.videos(params, { signal });
      for (const video of page.items) addCard(video, false);
      nextOffset = page.offset + page.items.length;
      total = page.total;
      renderListStatus();
    } catch (e) {
      if (e.name === 'AbortError') return;
      replace(listStatus, errorPanel(e, 'Could not load the videos', () => loadPage(offset)));
    }
  }

  async function loadSidebar() {
    try {
      const [mine, org, collections] = await Promise.all([
        app.api.folders('user', { signal }), app.api.folders('org', { signal }), app.api.collections({ signal })]);
      replace(sidebar,
        h('ul', { class: 'nav-list' }, navItem('All videos', libraryPath({ sort: sortKey }), !folderId && !collectionId)),
        navSection('My folders', mine.items, 'No folders yet.', (folder) => folderItem(folder)),
        navSection('Organisation', org.items, 'No shared folders yet.', (folder) => folderItem(folder)),
        navSection('Collections', collections.items, 'No collections yet.', (collection) =>
          navItem(collection.name, libraryPath({ collectionId: collection.id, sort: sortKey }), collection.id === collectionId,
            collection.videoCount)),
        newFolderForm());
      const folder = [...mine.items, ...org.items].find((f) => f.id === folderId);
      const collection = collections.items.find((c) => c.id === collectionId);
      if (folder) {
        heading.textContent = folder.name;
        subtitle.textContent = folder.scope === 'org' ? 'Shared with your organisation' : 'Your folder';
        target.label = folder.name;
      } else if (collection) {
        heading.textContent = collection.name;
        subtitle.textContent = collection.description || 'Collection';
        target.label = collection.name;
      } else if (!folderId && !collectionId) {
        subtitle.textContent = 'Every video you can see. Uploads from here go to your Personal folder.';
      }
      document.title = `${heading.textContent} · Sightline`;
    } catch (e) {
      if (e.name === 'AbortError') return;
      replace(sidebar, errorPanel(e, 'Could not load the folders', loadSidebar));
    }
  }

  function folderItem(folder) {
    const item = navItem(folder.name, libraryPath({ folderId: folder.id, sort: sortKey }), folder.id === folderId, folder.videoCount);
    item.dataset.folderId = folder.id;
    return item;
  }

  /** Updates the folders' video counts in place (a rebuilt sidebar would lose focus and typed text). */
  async function refreshCounts() {
    try {
      const pages = await Promise.all([app.api.folders('user', { signal }), app.api.folders('org', { signal })]);
      for (const folder of pages.flatMap((page) => page.items)) {
        const count = sidebar.querySelector(`[data-folder-id="${CSS.escape(folder.id)}"] .count`);
        if (count) count.textContent = String(folder.videoCount);
      }
    } catch {
      // counts are a nicety; the next visit shows them right
    }
  }

  function newFolderForm() {
    const name = h('input', { type: 'text', required: true, maxlength: '200', 'aria-label': 'Folder name', placeholder: 'Folder name' });
    const scope = h('select', { 'aria-label': 'Who sees the folder' },
      h('option', { value: 'user' }, 'Only me'), h('option', { value: 'org' }, 'My organisation'));
    const form = h('form', { class: 'new-folder', onsubmit: async (e) => {
      e.preventDefault();
      try {
        const folder = await app.api.createFolder(name.value.trim(), scope.value);
        navigate(libraryPath({ folderId: folder.id }));
      } catch (error) {
        showError(error, 'Could not create the folder');
      }
    } }, name, scope, h('button', { type: 'submit', class: 'secondary' }, 'Create'));
    return h('details', { class: 'nav-new' }, h('summary', {}, 'New folder'), form);
  }

  const stopUploaded = app.uploads.onUploaded((video, uploadTarget) => {
    if (signal.aborted) return;
    refreshCounts();
    const shown = collectionId ? uploadTarget.collectionId === collectionId : !folderId || video.folderId === folderId;
    if (!shown) return;
    addCard(video, true);
    total++;
    nextOffset++;
    renderListStatus();
  });

  loadSidebar();
  loadPage(0);
  document.title = 'Library · Sightline';

  return () => {
    stopUploaded();
    for (const card of cards.values()) card.destroy();
  };
}

function navSection(title, items, emptyText, render) {
  return h('section', { class: 'nav-section' }, h('h2', {}, title),
    items.length === 0 ? h('p', { class: 'muted nav-empty' }, emptyText) : h('ul', { class: 'nav-list' }, items.map(render)));
}

function navItem(name, path, current, count) {
  return h('li', {}, h('a', { href: '#' + path, 'aria-current': current ? 'page' : null, class: 'nav-link' },
    h('span', { class: 'nav-name' }, name), count === undefined ? null : h('span', { class: 'count' }, String(count))));
}
