// Small DOM builders shared by the pages: an element with text and attributes, and a busy/empty/error message.
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

export function message(text, kind = 'muted') {
  return el('p', { class: `message message--${kind}`, role: kind === 'error' ? 'alert' : null, text });
}

// A page's heading and lead, the heading focusable so the router can move focus to it.
export function pageHead(title, lead, ...actions) {
  return el('div', { class: 'page__title' },
    el('div', {}, el('h1', { tabindex: '-1', text: title }), lead ? el('p', { class: 'muted', text: lead }) : null),
    actions.length ? el('div', { class: 'page__actions' }, actions) : null);
}

export function section(title, ...children) {
  const id = `s-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return el('section', { class: 'card', 'aria-labelledby': id }, el('h2', { id, text: title }), children);
}
