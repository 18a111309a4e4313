// Sign in with an API key. The key is checked with GET /v1/me before it is kept.

import { h } from '../dom.js';
import { signIn } from '../api.js';

/**
 * @param message    shown under the key field, e.g. why the person was signed out
 * @param calm       true when the message is no error ("Signed out.")
 * @param onSignedIn called with (key, user) once the server accepts the key
 */
export function renderSignIn({ message, calm = false, onSignedIn }) {
  const input = h('input', { id: 'api-key', name: 'api-key', type: 'password', autocomplete: 'off', spellcheck: 'false',
    required: true, 'aria-describedby': 'signin-hint signin-error' });
  const error = h('p', { id: 'signin-error', class: calm ? 'form-error calm' : 'form-error', role: 'alert' }, message ?? '');
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Sign in');

  async function onSubmit(event) {
    event.preventDefault();
    const key = input.value.trim();
    if (!key) return;
    submit.disabled = true;
    submit.textContent = 'Checking key…';
    error.textContent = '';
    error.classList.remove('calm');
    try {
      const user = await signIn(key);
      input.value = '';
      onSignedIn(key, user);
    } catch (e) {
      error.textContent = e.status === 401
        ? 'That API key was not accepted. Check it and try again.'
        : `Could not sign in: ${e.message}` + (e.requestId ? ` (request id ${e.requestId})` : '');
      input.select();
    } finally {
      submit.disabled = false;
      submit.textContent = 'Sign in';
    }
  }

  const form = h('form', { class: 'signin-card', onsubmit: onSubmit },
    h('div', { class: 'brand brand-large' }, h('img', { src: 'favicon.svg', alt: '', width: 40, height: 40 }), 'Sightline'),
    h('h1', {}, 'Sign in'),
    h('label', { for: 'api-key' }, 'API key'),
    input,
    error,
    submit,
    h('p', { id: 'signin-hint', class: 'hint' },
      'The key stays in this browser tab only and is sent in the X-API-Key header. ',
      'A new server writes the admin key to admin.key in its data directory.'));
  queueMicrotask(() => input.focus());
  return h('main', { class: 'signin' }, form);
}
