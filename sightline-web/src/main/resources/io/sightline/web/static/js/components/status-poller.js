// Polls GET /v1/videos/{id}/status about once a second for every video someone watches, one
// request per video per tick however many parts of the page watch it.

export function createStatusPoller(api, intervalMs = 1000) {
  const watchers = new Map(); // videoId -> Set of callbacks (status, error)
  let timer = null;
  let ticking = false;

  async function tick() {
    ticking = true;
    timer = null;
    await Promise.all([...watchers.keys()].map(async (videoId) => {
      let status = null;
      let error = null;
      try {
        status = await api.status(videoId);
      } catch (e) {
        error = e;
      }
      for (const callback of [...(watchers.get(videoId) ?? [])]) callback(status, error);
    }));
    ticking = false;
    schedule();
  }

  function schedule() {
    if (!ticking && timer === null && watchers.size > 0) timer = setTimeout(tick, intervalMs);
  }

  return {
    /** Calls back with each new status until the returned function is called. */
    watch(videoId, callback) {
      if (!watchers.has(videoId)) watchers.set(videoId, new Set());
      watchers.get(videoId).add(callback);
      schedule();
      return () => {
        const set = watchers.get(videoId);
        set?.delete(callback);
        if (set?.size === 0) watchers.delete(videoId);
      };
    },
    stop() {
      watchers.clear();
      clearTimeout(timer);
      timer = null;
    },
  };
}

/** Whether a status will not change any more by itself. */
export function isFinal(status) {
  return status.state === 'completed' || status.state === 'failed';
}
