// A modal confirmation on the native <dialog>: it traps focus and closes on Escape by itself.

import { h } from '../dom.js';

let nextId = 0;

/** Resolves to true when the person confirms, false on Cancel or Escape. */
export function confirmDialog({ title, message, confirmLabel = 'OK', danger = false }) {
  const returnFocus = document.activeElement;
  const titleId = `dialog-title-${++nextId}`;
  return new Promise((resolve) => {
    const cancel = h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close('cancel') }, 'Cancel');
    const confirm = h('button', { type: 'button', class: danger ? 'danger' : 'primary', onclick: () => dialog.close('confirm') },
      confirmLabel);
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId },
      h('h2', { id: titleId }, title),
      h('p', {}, message),
      h('div', { class: 'dialog-actions' }, cancel, confirm));
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (returnFocus?.isConnected) returnFocus.focus();
      resolve(dialog.returnValue === 'confirm');
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus(); // the safe choice has the focus, so Enter alone never deletes
  });
}
