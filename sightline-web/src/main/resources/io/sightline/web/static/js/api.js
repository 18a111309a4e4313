// The REST client: one place that knows the key, the headers and the error shape.
// The key travels only in the X-API-Key header; it is never put in a URL and never logged.

/** A failed request, carrying the server's ApiError fields. */
export class ApiError extends Error {
  constructor(status, code, message, requestId) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }
}

/** Turns a non-2xx response (or an XHR's status and text) into an ApiError. */
function errorFrom(status, bodyText, requestIdHeader) {
  let body = null;
  try {
    body = bodyText ? JSON.parse(bodyText) : null;
  } catch {
    // not JSON: a proxy's error page, for instance
  }
  const fallback = status === 0 ? 'Could not reach the server.' : `The server answered ${status}.`;
  return new ApiError(status, body?.code ?? 'http_' + status, body?.message ?? fallback, body?.requestId ?? requestIdHeader ?? null);
}

function query(params = {}) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? '?' + text : '';
}

/**
 * @param key            the API key
 * @param onUnauthorized called once when the server stops accepting the key (401)
 */
export function createApi(key, { onUnauthorized = () => {} } = {}) {
  async function request(method, path, { body, signal } = {}) {
    const headers = { 'X-API-Key': key, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new ApiError(0, 'network', 'Could not reach the server. Check that it is running and try again.', null);
    }
    if (response.status === 401) onUnauthorized();
    if (!response.ok) throw errorFrom(response.status, await response.text(), response.headers.get('X-Request-Id'));
    if (response.status === 204) return null;
    return response.json();
  }

  const get = (path, options) => request('GET', path, options);

  return {
    me: (options) => get('/v1/me', options),
    folders: (scope, options) => get('/v1/folders' + query({ scope, limit: 100 }), options),
    createFolder: (name, scope) => request('POST', '/v1/folders', { body: { name, scope } }),
    collections: (options) => get('/v1/collections' + query({ limit: 100 }), options),
    /** params: folderId, offset, limit, sort, order, status */
    videos: (params, options) => get('/v1/videos' + query(params), options),
    collectionVideos: (collectionId, params, options) =>
      get(`/v1/collections/${encodeURIComponent(collectionId)}/videos` + query(params), options),
    addToCollection: (collectionId, videoId) =>
      request('POST', `/v1/collections/${encodeURIComponent(collectionId)}/videos`, { body: { videoId } }),
    video: (id, options) => get(`/v1/videos/${encodeURIComponent(id)}`, options),
    status: (id, options) => get(`/v1/videos/${encodeURIComponent(id)}/status`, options),
    playback: (id, options) => get(`/v1/videos/${encodeURIComponent(id)}/playback`, options),
    segments: (id, options) => get(`/v1/videos/${encodeURIComponent(id)}/segments`, options),
    deleteVideo: (id) => request('DELETE', `/v1/videos/${encodeURIComponent(id)}`),

    /**
     * POST /v1/uploads as multipart/form-data with upload progress (fetch has none, so XHR).
     * Text fields go before the files, as the server reads the form in order.
     *
     * @param fields     e.g. { folderId } — optional
     * @param file       the video
     * @param sidecar    an optional metadata JSON file sharing the video's base name
     * @param onProgress called with (sentBytes, totalBytes)
     * @returns {{ done: Promise<object>, abort: () => void }} done resolves to the new Video
     */
    upload(fields, file, sidecar, onProgress) {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) {
        if (value) form.append(name, value);
      }
      form.append('file', file, file.name);
      if (sidecar) form.append('metadata', sidecar, sidecar.name);
      const xhr = new XMLHttpRequest();
      const done = new Promise((resolve, reject) => {
        xhr.open('POST', '/v1/uploads');
        xhr.setRequestHeader('X-API-Key', key);
        xhr.setRequestHeader('Accept', 'application/json');
        xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
        xhr.onload = () => {
          if (xhr.status === 401) onUnauthorized();
          if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText));
          else reject(errorFrom(xhr.status, xhr.responseText, xhr.getResponseHeader('X-Request-Id')));
        };
        xhr.onerror = () => reject(errorFrom(0, '', null));
        xhr.onabort = () => reject(new ApiError(0, 'aborted', 'Upload cancelled.', null));
        xhr.send(form);
      });
      return { done, abort: () => xhr.abort() };
    },
  };
}

/** Checks a key before keeping it: resolves to the User, or rejects with an ApiError (401 for a wrong key). */
export async function signIn(key) {
  return createApi(key).me();
}
