// Signed playback URLs, kept until shortly before they expire so cards and the player share them.

const MARGIN_MS = 5 * 60 * 1000;

export function createPlaybackCache(api) {
  const cache = new Map(); // videoId -> Promise<Playback>
  return {
    get(videoId) {
      const cached = cache.get(videoId);
      if (cached) return cached;
      const request = api.playback(videoId).then((playback) => {
        const ttl = Date.parse(playback.expiresAt) - Date.now() - MARGIN_MS;
        setTimeout(() => cache.delete(videoId), Math.max(0, ttl));
        return playback;
      });
      request.catch(() => cache.delete(videoId));
      cache.set(videoId, request);
      return request;
    },
    forget(videoId) {
      cache.delete(videoId);
    },
  };
}
