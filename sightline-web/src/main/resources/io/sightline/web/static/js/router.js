// Hash routes ("#/videos/abc?t=12"), so the server only ever serves index.html at "/".

/**
 * @param routes   [{ path: '/videos/:id', view }] — the first match wins
 * @param fallback the path to show for an empty or unknown hash
 * @param onRoute  called with { view, params, query, path } on start and on every change
 */
export function createRouter(routes, fallback, onRoute) {
  const compiled = routes.map((route) => ({
    ...route,
    names: [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]),
    regex: new RegExp('^' + route.path.replace(/:(\w+)/g, '([^/]+)') + '$'),
  }));

  function resolve() {
    const hash = location.hash.replace(/^#/, '');
    const [path, search = ''] = hash.split('?');
    for (const route of compiled) {
      const match = route.regex.exec(path);
      if (match) {
        const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
        return { view: route.view, params, query: new URLSearchParams(search), path };
      }
    }
    return null;
  }

  function handle() {
    const route = resolve();
    if (route) onRoute(route);
    else location.replace('#' + fallback);
  }

  return {
    start() {
      window.addEventListener('hashchange', handle);
      handle();
    },
    stop() {
      window.removeEventListener('hashchange', handle);
    },
  };
}

export function navigate(path) {
  location.hash = '#' + path;
}
