// Building the page from data without innerHTML: every value from the API lands as text, so a
// title or a reason can never become markup.

/** An element: h('a', {href: '#/x', class: 'y'}, 'text', child, [more]). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else {
      element.append(child instanceof Node ? child : String(child));
    }
  }
}

/** Replaces what an element shows. */
export function show(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** Says something to screen readers without moving focus. */
export function announce(text) {
  const announcer = document.getElementById('announcer');
  announcer.textContent = '';
  // a change they notice: cleared first, set on the next frame
  requestAnimationFrame(() => { announcer.textContent = text; });
}

export function number(value) {
  return (value === null || value === undefined) ? '–' : Number(value).toLocaleString('en-US');
}

export function dateTime(value) {
  if (!value) {
    return '–';
  }
  const date = new Date(value);
  return h('time', { datetime: value, title: value }, date.toLocaleString(undefined,
    { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }));
}

/** 1 h 02 min, 3 min 05 s, 12 s. */
export function duration(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) {
    return '–';
  }
  const s = Math.round(seconds);
  if (s >= 3600) {
    return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
  }
  if (s >= 60) {
    return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  }
  return `${s} s`;
}

export function statusBadge(status) {
  return h('span', { class: `badge status-${String(status).toLowerCase()}` }, status);
}

/** A term and its value in a {@code dl}. */
export function fact(term, value) {
  return [h('dt', {}, term), h('dd', {}, value)];
}

/** A table that turns into labelled cards on a phone-sized screen. */
export function table(caption, headings, rows) {
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'cards' },
      h('caption', { class: caption.hidden ? 'visually-hidden' : null }, caption.text ?? caption),
      h('thead', {}, h('tr', {}, headings.map((heading) => h('th', { scope: 'col' }, heading)))),
      h('tbody', {}, rows)));
}

/** A row whose cells carry their column's name, for the card layout. */
export function row(headings, cells, attributes = {}) {
  return h('tr', attributes, cells.map((cell, index) => h('td', { 'data-label': headings[index] }, cell)));
}

/** The query of the hash route, e.g. #/imports?status=RUNNING. */
export function routeQuery() {
  const hash = location.hash;
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

/** Goes to a route with a query, leaving out empty values. */
export function routeWith(path, values) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== '') {
      query.set(name, value);
    }
  }
  const text = query.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}

/** Previous / next page controls for a PageView's metadata. */
export function pager(label, metadata, go) {
  const { number: page, totalPages, totalElements } = metadata;
  return h('nav', { class: 'pager', 'aria-label': label },
    h('button', { type: 'button', disabled: page <= 0, onclick: () => go(page - 1) }, '‹ Previous'),
    h('span', {}, totalPages > 0 ? `Page ${page + 1} of ${number(totalPages)} (${number(totalElements)} in all)`
      : 'Nothing found'),
    h('button', { type: 'button', disabled: page + 1 >= totalPages, onclick: () => go(page + 1) }, 'Next ›'));
}
