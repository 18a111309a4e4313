// Where the API key lives between page loads: this tab's sessionStorage only (gone when the tab
// closes), never a cookie, never the URL.

const KEY = 'sightline.apiKey';

export function apiKey() {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null; // storage disabled: the key then lives in memory for this page only
  }
}

export function keep(key) {
  try {
    sessionStorage.setItem(KEY, key);
  } catch {
    // see apiKey()
  }
}

export function forget() {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // see apiKey()
  }
}
