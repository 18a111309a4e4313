// Errors shown to people: the API's message, and the request id to quote when reporting it.

import { h } from '../dom.js';

const MAX_VISIBLE = 4;

function describe(error) {
  if (error?.name === 'ApiError') return { message: error.message, requestId: error.requestId };
  return { message: error?.message ?? String(error), requestId: null };
}

function requestIdLine(requestId) {
  return requestId ? h('span', { class: 'request-id' }, 'Request id ', h('code', {}, requestId)) : null;
}

/** A dismissable alert in the page corner, for failures of actions (upload, delete ...). */
export function showError(error, title = 'Something went wrong') {
  const { message, requestId } = describe(error);
  const area = document.getElementById('notices');
  const notice = h('div', { class: 'notice notice-error', role: 'alert' },
    h('div', { class: 'notice-text' }, h('strong', {}, title), h('span', {}, message), requestIdLine(requestId)),
    h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Dismiss', onclick: () => notice.remove() }, '×'));
  area.append(notice);
  while (area.children.length > MAX_VISIBLE) area.firstElementChild.remove();
}

export function showInfo(text) {
  const area = document.getElementById('notices');
  const notice = h('div', { class: 'notice', role: 'status' }, h('div', { class: 'notice-text' }, h('span', {}, text)),
    h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Dismiss', onclick: () => notice.remove() }, '×'));
  area.append(notice);
  setTimeout(() => notice.remove(), 5000);
}

/** An in-page error block, for a view that could not load; `retry` adds a Try again button. */
export function errorPanel(error, title, retry) {
  const { message, requestId } = describe(error);
  return h('div', { class: 'error-panel', role: 'alert' },
    h('p', { class: 'error-title' }, title),
    h('p', {}, message),
    requestIdLine(requestId),
    retry ? h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: retry }, 'Try again')) : null);
}
