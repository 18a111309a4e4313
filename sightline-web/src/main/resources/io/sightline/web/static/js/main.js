// Starts the UI: sign-in when there is no accepted key, else the shell and the hash router.
// New views (review, ask, search, chat, embedding map) are one module and one route each.

import { h, replace, spinner } from './dom.js';
import { ApiError, createApi } from './api.js';
import * as session from './session.js';
import { createRouter } from './router.js';
import { createStatusPoller } from './components/status-poller.js';
import { createUploadQueue } from './components/uploads.js';
import { errorPanel } from './components/notices.js';
import { createPlaybackCache } from './playback.js';
import { renderSignIn } from './views/signin.js';
import * as library from './views/library.js';
import * as player from './views/player.js';

const ROUTES = [
  { path: '/library', view: library, nav: 'library' },
  { path: '/videos/:id', view: player, nav: 'library' },
];
const HOME = '/library';

const root = document.getElementById('app');

// A file dropped outside the drop zone would otherwise replace the page with the file.
for (const event of ['dragover', 'drop']) {
  window.addEventListener(event, (e) => {
    if (!e.defaultPrevented && [...(e.dataTransfer?.types ?? [])].includes('Files')) e.preventDefault();
  });
}

let stopApp = null;

function showSignIn(message, calm = false) {
  stopApp?.();
  stopApp = null;
  document.title = 'Sign in · Sightline';
  replace(root, renderSignIn({ message, calm, onSignedIn: (key, user) => {
    session.keep(key);
    startApp(key, user);
  } }));
}

function signedOut(message, calm = false) {
  session.forget();
  showSignIn(message, calm);
}

function startApp(key, user) {
  let unauthorized = false;
  const api = createApi(key, { onUnauthorized: () => {
    if (unauthorized) return;
    unauthorized = true;
    queueMicrotask(() => signedOut('The server no longer accepts this key. Sign in again.'));
  } });
  const poller = createStatusPoller(api);
  const app = { api, user, poller, uploads: createUploadQueue(api, poller), playback: createPlaybackCache(api) };

  const view = h('main', { id: 'view', class: 'view' });
  const navLinks = new Map([['library', h('a', { href: '#' + HOME, class: 'top-link' }, 'Library')]]);
  replace(root,
    h('a', { href: '#view', class: 'skip-link', onclick: (e) => { e.preventDefault(); view.focus(); } }, 'Skip to content'),
    h('header', { class: 'topbar' },
      h('a', { href: '#' + HOME, class: 'brand' }, h('img', { src: 'favicon.svg', alt: '', width: 24, height: 24 }), 'Sightline'),
      h('nav', { class: 'top-nav', 'aria-label': 'Main' }, [...navLinks.values()]),
      h('div', { class: 'who' },
        h('span', { class: 'who-name', title: `${user.name} (${user.role})` }, user.name),
        h('button', { type: 'button', class: 'link-button', onclick: () => signedOut('Signed out.', true) }, 'Sign out'))),
    view);
  view.tabIndex = -1;

  let current = null; // { controller, cleanup }
  const router = createRouter(ROUTES, HOME, (route) => {
    current?.controller.abort();
    current?.cleanup?.();
    const controller = new AbortController();
    const section = ROUTES.find((r) => r.view === route.view)?.nav;
    for (const [name, link] of navLinks) {
      if (name === section) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    const cleanup = route.view.mount(view, { params: route.params, query: route.query, signal: controller.signal }, app);
    current = { controller, cleanup };
    window.scrollTo(0, 0);
  });
  router.start();

  stopApp = () => {
    router.stop();
    current?.controller.abort();
    current?.cleanup?.();
    app.uploads.abortAll();
    poller.stop();
  };
}

async function boot() {
  const key = session.apiKey();
  if (!key) return showSignIn();
  replace(root, h('main', { class: 'signin' }, spinner('Signing in…')));
  try {
    startApp(key, await createApi(key).me());
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) signedOut('The saved key is no longer accepted. Sign in again.');
    else replace(root, h('main', { class: 'signin' }, errorPanel(e, 'Could not reach Sightline', boot)));
  }
}

boot();
