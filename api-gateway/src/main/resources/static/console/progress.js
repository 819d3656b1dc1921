// An import's progress as it arrives: Server-Sent Events from /api/imports/{id}/events, which
// send the whole import at once and on every change. A dropped stream is opened again (each new
// stream starts with the import as it is now, so nothing is missed); when streams are refused,
// or more imports are watched than a browser keeps connections for, the import is polled.
import { h, duration, number } from './dom.js';
import { readAnswer } from './api.js';

export const RUNNING = ['QUEUED', 'RUNNING', 'STALLED'];

/** Browsers keep 6 HTTP/1.1 connections per host: leave room for the console's own requests. */
const MAX_STREAMS = 4;

const POLL_MS = 3000;

let openStreams = 0;

/**
 * Follows an import until it ends; onView gets every new state, onConnection 'live',
 * 'reconnecting' or 'polling'. Returns a function that stops following.
 */
export function follow(id, onView, onConnection = () => {}) {
  let stopped = false;
  let source = null;
  let timer = null;
  let failures = 0;

  const finish = () => {
    stopped = true;
    clearTimeout(timer);
    if (source) {
      source.close();
      source = null;
      openStreams--;
    }
  };

  const poll = async () => {
    if (stopped) {
      return;
    }
    const answer = await readAnswer(`/api/imports/${id}`);
    if (stopped) {
      return;
    }
    if (answer.ok) {
      onView(answer.body);
      if (!RUNNING.includes(answer.body.status)) {
        finish();
        return;
      }
    }
    // a stream may have become free meanwhile
    timer = setTimeout(openingStream, POLL_MS);
  };

  const openingStream = () => {
    if (stopped) {
      return;
    }
    if (openStreams >= MAX_STREAMS || typeof EventSource === 'undefined') {
      onConnection('polling');
      poll();
      return;
    }
    openStreams++;
    source = new EventSource(`/api/imports/${id}/events`);
    source.addEventListener('open', () => {
      failures = 0;
      onConnection('live');
    });
    source.addEventListener('progress', (event) => onView(JSON.parse(event.data)));
    source.addEventListener('end', () => {
      // the last progress event came before; read once more so the final counts are certain
      finish();
      readAnswer(`/api/imports/${id}`).then((answer) => answer.ok && onView(answer.body));
    });
    source.addEventListener('error', () => {
      if (stopped) {
        return;
      }
      if (source.readyState === EventSource.CONNECTING) {
        onConnection('reconnecting'); // the browser opens it again by itself
        return;
      }
      // closed for good (the gateway refused or went away): open a new one after a pause
      source.close();
      source = null;
      openStreams--;
      failures++;
      onConnection('reconnecting');
      timer = setTimeout(() => (failures > 2 ? poll() : openingStream()), Math.min(1000 * 2 ** failures, 15000));
    });
  };

  openingStream();
  return finish;
}

/**
 * How far an import is, 0..1: the pages with an outcome of the pages planned, and the movies
 * settled (persisted, unknown to TMDB, failed) of the movies those pages listed; the lower one.
 */
export function fraction(view) {
  if (view.status === 'COMPLETED') {
    return 1;
  }
  const pagesDone = view.pagesFetched + view.pagesFailed;
  const pages = view.pagesTotal === null || view.pagesTotal === undefined ? 0
    : view.pagesTotal === 0 ? 1 : Math.min(1, pagesDone / view.pagesTotal);
  const settled = view.moviesPersisted + view.moviesNotFound + view.moviesFailed;
  const movies = view.moviesExpected > 0 ? Math.min(1, settled / view.moviesExpected) : (pages === 1 ? 1 : 0);
  return Math.min(pages, movies);
}

/** Movies per second and time left, from the states seen in the last 30 seconds. */
export class Pace {
  constructor() {
    this.samples = [];
  }

  add(view) {
    const now = performance.now();
    this.samples.push({ at: now, persisted: view.moviesPersisted, done: fraction(view) });
    while (this.samples.length > 2 && now - this.samples[0].at > 30000) {
      this.samples.shift();
    }
  }

  moviesPerSecond() {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    const seconds = (last.at - first.at) / 1000;
    return seconds >= 1 ? (last.persisted - first.persisted) / seconds : null;
  }

  secondsLeft() {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    const perSecond = (last.done - first.done) / ((last.at - first.at) / 1000);
    return perSecond > 0 ? (1 - last.done) / perSecond : null;
  }
}

/** A progress bar with its numbers, updated in place as states arrive. */
export class ProgressBar {
  constructor(label) {
    this.pace = new Pace();
    this.fill = h('div', { class: 'bar-fill' });
    this.bar = h('div', { class: 'bar', role: 'progressbar', 'aria-label': label, 'aria-valuemin': 0,
      'aria-valuemax': 100, 'aria-valuenow': 0 }, this.fill);
    this.percent = h('span', { class: 'bar-percent' }, '0 %');
    this.numbers = h('span', { class: 'bar-numbers' });
    this.connection = h('span', { class: 'bar-connection' });
    this.element = h('div', { class: 'progress' }, h('div', { class: 'bar-line' }, this.bar, this.percent),
      this.numbers, this.connection);
  }

  update(view) {
    this.pace.add(view);
    const percent = Math.floor(fraction(view) * 100);
    this.fill.style.width = `${percent}%`;
    this.bar.setAttribute('aria-valuenow', percent);
    this.bar.setAttribute('aria-valuetext', `${percent} percent, ${view.status}`);
    this.bar.dataset.status = view.status;
    this.percent.textContent = `${percent} %`;
    const running = RUNNING.includes(view.status);
    const rate = running ? this.pace.moviesPerSecond() : null;
    const left = running ? this.pace.secondsLeft() : null;
    const pages = view.pagesTotal === null || view.pagesTotal === undefined ? 'planning'
      : `${number(view.pagesFetched + view.pagesFailed)} / ${number(view.pagesTotal)}`;
    this.numbers.textContent = [`pages ${pages}`,
      `movies ${number(view.moviesPersisted)} / ${number(view.moviesExpected)}`,
      rate !== null ? `${rate.toFixed(rate < 10 ? 1 : 0)} movies/s` : null,
      left !== null ? `${duration(left)} left` : null].filter(Boolean).join(' · ');
    if (!running) {
      this.connection.textContent = '';
    }
  }

  connectionChanged(state) {
    this.connection.textContent = state === 'live' ? '' : state === 'polling' ? '(updated every 3 s)' : '(reconnecting…)';
  }
}

