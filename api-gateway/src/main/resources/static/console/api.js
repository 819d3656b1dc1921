// The console's only way to the gateway: its public API. Reading needs no token; a request that
// changes something sends the tab's token, and asks for one when the gateway refuses without it.
import { h, show } from './dom.js';

const TOKEN_KEY = 'tmdb-fleet.api-token';

/** What the gateway answered: status, and the body as JSON (a problem for a 4xx/5xx) when it had one. */
export class Answer {
  constructor(status, statusText, body) {
    this.status = status;
    this.statusText = statusText;
    this.body = body;
  }

  get ok() {
    return this.status >= 200 && this.status < 300;
  }

  /** The problem's errors ([{field, message}]), empty when none. */
  get errors() {
    return (!this.ok && this.body && Array.isArray(this.body.errors)) ? this.body.errors : [];
  }

  get detail() {
    return (this.body && (this.body.detail || this.body.title)) || this.statusText || 'No answer';
  }
}

async function send(method, path, { body, headers = {} } = {}) {
  const init = { method, headers: { Accept: 'application/json, application/problem+json', ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    return new Answer(0, 'The gateway could not be reached', { detail: `The gateway could not be reached (${error.message}).` });
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = { detail: text.slice(0, 300) };
    }
  }
  return new Answer(response.status, response.statusText, json);
}

/** A read; throws with the gateway's detail when it is not a 2xx. */
export async function read(path) {
  const answer = await send('GET', path);
  if (!answer.ok) {
    const error = new Error(answer.detail);
    error.answer = answer;
    throw error;
  }
  return answer.body;
}

/** A read that gives the Answer as it is (a 404 is not an error for the caller). */
export function readAnswer(path) {
  return send('GET', path);
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
  renderTokenStatus();
}

/**
 * A request that changes something. With no token yet it goes without one (a gateway on a laptop
 * may have none configured); a 401 asks for the token, once, and sends again with it. A token the
 * gateway refuses is forgotten, so the next action asks again.
 */
export async function mutate(method, path, { body, headers = {} } = {}) {
  const withToken = (value) => (value ? { ...headers, Authorization: `Bearer ${value}` } : headers);
  const current = token();
  let answer = await send(method, path, { body, headers: withToken(current) });
  if (answer.status !== 401) {
    return answer;
  }
  if (current) {
    forgetToken();
  }
  const asked = await askForToken(current ? 'The gateway did not accept the token this tab had.' : answer.detail);
  if (!asked) {
    answer.refused = current ? 'rejected' : 'missing';
    return answer;
  }
  sessionStorage.setItem(TOKEN_KEY, asked);
  renderTokenStatus();
  answer = await send(method, path, { body, headers: withToken(asked) });
  if (answer.status === 401) {
    forgetToken();
    answer.refused = 'rejected';
  }
  return answer;
}

function askForToken(reason) {
  const dialog = document.getElementById('token-dialog');
  const input = document.getElementById('token-input');
  document.getElementById('token-reason').textContent = `${reason} Enter the API token to go on.`;
  input.value = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      const value = input.value.trim();
      input.value = '';
      resolve(dialog.returnValue === 'ok' && value ? value : null);
    }, { once: true });
    dialog.showModal();
    input.focus();
  });
}

/** What an action got back, said plainly: the status, the detail, and what to do about a 401. */
export function answerMessage(answer, success, { listErrors = true } = {}) {
  if (answer.ok) {
    return h('p', { class: 'answer ok' }, `${answer.status} ${statusName(answer.status)}: ${success}`);
  }
  const text = answer.refused
    ? `Refused (${answer.status} Unauthorized): this action needs the gateway's API token, and ${answer.refused === 'rejected' ? 'the token was not accepted' : 'none was given'}. ${answer.detail}`
    : `${answer.status ? `${answer.status} ${statusName(answer.status)}` : 'No answer'}: ${answer.detail}`;
  return h('p', { class: 'answer error', role: 'alert' }, text,
    listErrors ? errorList(answer) : null);
}

/** The problem's errors that say more than its detail (a single error is often the detail itself). */
function errorList(answer) {
  const more = answer.errors.map((e) => `${e.field}: ${e.message}`).filter((line) => line !== answer.detail);
  return more.length ? h('ul', {}, more.map((line) => h('li', {}, line))) : null;
}

const STATUS_NAMES = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 400: 'Bad Request',
  401: 'Unauthorized', 404: 'Not Found', 409: 'Conflict', 413: 'Content Too Large', 415: 'Unsupported Media Type',
  429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' };

function statusName(status) {
  return STATUS_NAMES[status] ?? '';
}

/** The header's note of whether this tab holds a token, with a way to forget it. */
export function renderTokenStatus() {
  const status = document.getElementById('token-status');
  if (!token()) {
    show(status, h('span', {}, 'No API token in this tab'));
    return;
  }
  show(status, h('span', {}, 'API token set for this tab '),
    h('button', { type: 'button', class: 'link', onclick: forgetToken }, 'Forget it'));
}
