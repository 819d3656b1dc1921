// The imports: the list with a live bar per running import, and one import's page with its
// windows, failures and the cancel / retry actions.
import { h, show, announce, number, dateTime, duration, fact, statusBadge, table, row, routeQuery, routeWith, pager } from './dom.js';
import { read, readAnswer, mutate, answerMessage } from './api.js';
import { follow, ProgressBar, RUNNING } from './progress.js';

const STATUSES = ['QUEUED', 'RUNNING', 'STALLED', 'COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED'];
export const SOURCES = ['popular', 'top_rated', 'now_playing', 'upcoming', 'discover', 'changes', 'catalog'];

const LIST_REFRESH_MS = 5000;

/** #/imports?status=&source=&page= */
export async function importList(main, cleanup) {
  const query = routeQuery();
  const filters = { status: query.get('status') ?? '', source: query.get('source') ?? '', page: Number(query.get('page') ?? 0) };
  const go = (changes) => { location.hash = routeWith('/imports', { ...filters, ...changes }); };
  const select = (id, label, values, value, key) => h('div', { class: 'field' },
    h('label', { for: id }, label),
    h('select', { id, onchange: (event) => go({ [key]: event.target.value, page: 0 }) },
      h('option', { value: '' }, 'Any'),
      values.map((v) => h('option', { value: v, selected: v === value }, v))));
  const listArea = h('div', { id: 'import-list', 'aria-live': 'off' });
  show(main,
    h('h1', { tabindex: -1 }, 'Imports'),
    h('p', {}, 'Newest first. Running imports update live. ', h('a', { href: '#/imports/new' }, 'Start an import')),
    h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter imports', onsubmit: (e) => e.preventDefault() },
      select('filter-status', 'Status', STATUSES, filters.status, 'status'),
      select('filter-source', 'Source', SOURCES, filters.source, 'source')),
    listArea);

  const rows = new Map(); // id -> {bar, status cell, stop}
  const headings = ['Created', 'Source', 'Status', 'Progress', 'Finished'];
  let tbody = null;
  let footer = null;

  const render = (pageView) => {
    if (!tbody) {
      const wrap = table({ text: 'Imports', hidden: true }, headings, []);
      tbody = wrap.querySelector('tbody');
      footer = h('div');
      show(listArea, wrap, footer);
    }
    const seen = new Set();
    pageView.items.forEach((item, index) => {
      seen.add(item.id);
      let entry = rows.get(item.id);
      if (!entry) {
        entry = newRow(item, headings);
        rows.set(item.id, entry);
      }
      if (tbody.children[index] !== entry.tr) {
        tbody.insertBefore(entry.tr, tbody.children[index] ?? null);
      }
      entry.summary(item);
    });
    for (const [id, entry] of rows) {
      if (!seen.has(id)) {
        entry.stop();
        entry.tr.remove();
        rows.delete(id);
      }
    }
    // rebuilt only when it changes, so a refresh does not take the focus from its buttons
    const footerKey = JSON.stringify(pageView.page);
    if (footer.dataset.key !== footerKey) {
      footer.dataset.key = footerKey;
      show(footer, pageView.items.length === 0 ? h('p', {}, 'No imports match.') : null,
        pager('Pages of imports', pageView.page, (page) => go({ page })));
    }
  };

  const load = async () => {
    try {
      render(await read(`/api/imports?${new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''))}&size=20`));
    } catch (error) {
      show(listArea, h('p', { class: 'answer error', role: 'alert' }, `The imports could not be read: ${error.message}`));
    }
  };
  await load();
  const timer = setInterval(load, LIST_REFRESH_MS);
  cleanup(() => {
    clearInterval(timer);
    rows.forEach((entry) => entry.stop());
  });
}

function newRow(item, headings) {
  const label = `Progress of the ${item.source} import created ${new Date(item.createdAt).toLocaleString()}`;
  const bar = new ProgressBar(label);
  const statusCell = h('span');
  const finishedCell = h('span');
  const tr = row(headings, [dateTime(item.createdAt),
    h('a', { href: `#/imports/${item.id}`, 'aria-label': `${item.source} import ${item.id}` }, item.source),
    statusCell, bar.element, finishedCell], { 'data-import-id': item.id });
  let stopFollowing = () => {};
  let following = false;
  const showStatus = (status, finishedAt) => {
    if (statusCell.dataset.status !== status) {
      statusCell.dataset.status = status;
      show(statusCell, statusBadge(status));
    }
    show(finishedCell, finishedAt ? dateTime(finishedAt) : '–');
  };
  let loadedEnded = false;
  return {
    tr,
    summary(summary) {
      if (following) {
        return; // the stream is fresher than the list
      }
      showStatus(summary.status, summary.finishedAt);
      if (RUNNING.includes(summary.status)) {
        following = true;
        stopFollowing = follow(summary.id, (view) => {
          bar.update(view);
          showStatus(view.status, view.finishedAt);
          if (!RUNNING.includes(view.status)) {
            following = false;
          }
        }, (state) => bar.connectionChanged(state));
      } else if (!loadedEnded) {
        loadedEnded = true; // an ended import's counts do not change: read them once
        readAnswer(`/api/imports/${summary.id}`).then((answer) => answer.ok && bar.update(answer.body));
      }
    },
    stop() {
      stopFollowing();
    },
  };
}

/** #/imports/{id} */
export async function importPage(main, cleanup, id) {
  const first = await readAnswer(`/api/imports/${id}`);
  if (!first.ok) {
    show(main, h('h1', { tabindex: -1 }, 'Import'), answerMessage(first));
    return;
  }
  const heading = h('h1', { tabindex: -1 });
  const bar = new ProgressBar('Progress of this import');
  const status = h('span', { id: 'import-status' });
  const facts = h('dl', { class: 'facts' });
  const answerArea = h('div', { id: 'action-answer', role: 'status' });
  const windowsArea = h('section', { 'aria-labelledby': 'windows-heading' });
  const failedPagesArea = h('section', { 'aria-labelledby': 'failed-pages-heading' });
  const failedMoviesArea = h('section', { 'aria-labelledby': 'failed-movies-heading' });
  let current = first.body;

  const act = async (action, button) => {
    button.disabled = true;
    const answer = await mutate('POST', `/api/imports/${id}/${action}`);
    button.disabled = false;
    const success = action === 'cancel'
      ? `cancelled; ${number(answer.body?.pagesFetched)} pages were done.`
      : 'the failed pages are queued again.';
    show(answerArea, answerMessage(answer, success));
    announce(answerArea.textContent);
    if (answer.ok) {
      render(answer.body);
      restartFollowing();
    }
  };
  const cancelButton = h('button', { type: 'button', id: 'cancel-import', onclick: (e) => act('cancel', e.currentTarget) }, 'Cancel import');
  const retryButton = h('button', { type: 'button', id: 'retry-import', onclick: (e) => act('retry', e.currentTarget) }, 'Retry what failed');

  show(main, h('p', { class: 'crumbs' }, h('a', { href: '#/imports' }, '‹ All imports')),
    heading, h('p', {}, 'Status: ', status), bar.element,
    h('div', { class: 'actions' }, cancelButton, retryButton), answerArea, facts,
    windowsArea, failedPagesArea, failedMoviesArea);

  let shownFailures = { pages: -1, movies: -1 };
  function render(view) {
    current = view;
    heading.textContent = `${view.source} import`;
    show(status, statusBadge(view.status));
    bar.update(view);
    show(facts, fact('Id', h('code', {}, view.id)), fact('Pages', pagesText(view)),
      fact('Movies', `${number(view.moviesPersisted)} persisted of ${number(view.moviesExpected)} listed`
        + (view.moviesNotFound ? `, ${number(view.moviesNotFound)} unknown to TMDB` : '')
        + (view.moviesFailed ? `, ${number(view.moviesFailed)} failed` : '')),
      view.totalResults !== null ? fact('TMDB lists', `${number(view.totalResults)} movies`) : null,
      fact('Created', dateTime(view.createdAt)), fact('Started', dateTime(view.startedAt)),
      fact('Finished', dateTime(view.finishedAt)),
      view.startedAt && view.finishedAt ? fact('Took', duration((new Date(view.finishedAt) - new Date(view.startedAt)) / 1000)) : null,
      fact('Last progress', dateTime(view.lastProgressAt)),
      view.catalog ? fact('Catalog', `export of ${view.catalog.exportDate}: ${number(view.catalog.exportIds)} ids; `
        + `${number(view.catalog.fromLists)} from lists, ${view.catalog.byDetails === null ? 'details pending' : `${number(view.catalog.byDetails)} by details`}, `
        + `${number(view.catalog.markedDeleted)} marked deleted`) : null,
      view.error ? fact('Error', h('span', { class: 'error-text' }, view.error)) : null,
      view.note ? fact('Note', view.note) : null);
    renderWindows(windowsArea, view.windows);
    if (view.pagesFailed !== shownFailures.pages) {
      shownFailures.pages = view.pagesFailed;
      failures(failedPagesArea, 'failed-pages-heading', 'Failed pages', `/api/imports/${id}/failed-pages`,
        view.pagesFailed, ['Page', 'Reason'], (f) => [String(f.page), f.reason]);
    }
    if (view.moviesFailed !== shownFailures.movies) {
      shownFailures.movies = view.moviesFailed;
      failures(failedMoviesArea, 'failed-movies-heading', 'Failed movies', `/api/imports/${id}/failed-movies`,
        view.moviesFailed, ['TMDB id', 'Reason'], (f) => [h('a', { href: `#/movies/${f.tmdbId}` }, String(f.tmdbId)), f.reason]);
    }
  }

  let stop = () => {};
  function restartFollowing() {
    stop();
    stop = RUNNING.includes(current.status)
      ? follow(id, render, (state) => bar.connectionChanged(state)) : () => {};
  }
  render(current);
  restartFollowing();
  heading.focus();
  cleanup(() => stop());
}

function pagesText(view) {
  const total = view.pagesTotal === null ? 'not planned yet' : `${number(view.pagesTotal)} planned`;
  return `${number(view.pagesFetched)} fetched, ${number(view.pagesFailed)} failed`
    + (view.pagesRetrying ? `, ${number(view.pagesRetrying)} retrying` : '') + ` — ${total}`
    + (view.maxPages ? ` (at most ${number(view.maxPages)} asked for)` : '');
}

function renderWindows(area, windows) {
  if (!windows || windows.length === 0) {
    show(area);
    return;
  }
  const headings = ['Released', 'Pages', 'Movies listed', 'Note'];
  show(area, h('h2', { id: 'windows-heading' }, `Release-date windows (${windows.length})`),
    table({ text: 'Windows the import was split into', hidden: true }, headings, windows.map((w) => row(headings, [
      `${w.from ?? '…'} to ${w.to ?? '…'}`, `${number(w.firstPage)}–${number(w.firstPage + w.pages - 1)}`,
      number(w.results), w.truncated ? 'more than its pages serve' : '']))));
}

async function failures(area, headingId, title, path, count, headings, cells, page = 0) {
  if (!count) {
    show(area);
    return;
  }
  const answer = await readAnswer(`${path}?page=${page}&size=20`);
  if (!answer.ok) {
    show(area, h('h2', { id: headingId }, title), answerMessage(answer));
    return;
  }
  show(area, h('h2', { id: headingId }, `${title} (${number(answer.body.page.totalElements)})`),
    table({ text: title, hidden: true }, headings, answer.body.items.map((item) => row(headings, cells(item)))),
    answer.body.page.totalPages > 1
      ? pager(`Pages of ${title.toLowerCase()}`, answer.body.page, (p) => failures(area, headingId, title, path, count, headings, cells, p))
      : null);
}
