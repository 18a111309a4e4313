// Formatting of durations, times, sizes and dates for display.

/** 75 -> "1:15", 3725 -> "1:02:05"; unknown -> "–". */
export function formatDuration(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A playhead time with tenths: 12.34 -> "0:12.3". */
export function formatTime(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const tenths = Math.floor(seconds * 10) % 10;
  return `${formatDuration(Math.floor(seconds))}.${tenths}`;
}

export function formatBytes(bytes) {
  if (!Number.isFinite(bytes) || bytes < 0) return '–';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 && unit > 0 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

export function formatDate(iso) {
  const date = iso ? new Date(iso) : null;
  return date && !Number.isNaN(date.getTime())
    ? date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
    : '–';
}

/** "crossing_left_to_right" -> "crossing left to right". */
export function words(value) {
  return value === null || value === undefined ? '–' : String(value).replaceAll('_', ' ');
}

/** "white car", but "person in white": a person's measured colour is their clothing's. */
export function objectName(label, color) {
  const known = color && color !== 'unknown' ? color.replaceAll('_', ' ') : null;
  if (!known) return label;
  return label === 'person' ? `${label} in ${known}` : `${known} ${label}`;
}
