// Builds DOM nodes. Text always goes in as text nodes, so nothing from the API is ever parsed as HTML.

/**
 * h('button', { class: 'primary', onclick: fn, 'aria-label': 'Play' }, 'Play')
 * Attributes starting with "on" become listeners; `dataset` and `style` take objects;
 * false, null and undefined attributes and children are left out; arrays of children are flattened.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'dataset' || name === 'style') {
      Object.assign(el[name], value);
    } else if (name === 'class') {
      el.className = value;
    } else if (name in el && typeof value !== 'string') {
      el[name] = value; // properties such as hidden, disabled, value
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces all children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

export function spinner(text) {
  return h('div', { class: 'spinner', role: 'status' }, h('span', { class: 'spin', 'aria-hidden': 'true' }), text);
}

export function emptyState(title, ...detail) {
  return h('div', { class: 'empty' }, h('p', { class: 'empty-title' }, title), detail.length ? h('p', {}, ...detail) : null);
}
