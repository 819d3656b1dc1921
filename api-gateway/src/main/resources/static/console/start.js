// Starting an import, or a schedule that starts one: a form whose every field is what
// POST /api/imports (or /api/schedules) takes, and whose errors are the API's own, each shown at
// the field the problem names.
import { h, show, announce } from './dom.js';
import { readAnswer, mutate, answerMessage } from './api.js';
import { SOURCES } from './imports.js';
import { field, clearErrors, placeErrors } from './forms.js';

const SORTS = ['popularity.desc', 'popularity.asc', 'vote_average.desc', 'vote_average.asc', 'vote_count.desc',
  'vote_count.asc', 'primary_release_date.desc', 'primary_release_date.asc', 'title.asc', 'title.desc'];

/** Which fields each source takes (the API refuses the others). */
const FIELDS_OF = {
  list: ['maxPages', 'details', 'region'],
  discover: ['maxPages', 'details', 'filters'],
  changes: ['from', 'to'], // a changes import always fetches details
  catalog: ['details', 'includeAdult'],
};

function kind(source) {
  return ['discover', 'changes', 'catalog'].includes(source) ? source : 'list';
}

/** #/imports/new */
export async function startForm(main) {
  const genresAnswer = await readAnswer('/api/genres');
  const genres = genresAnswer.ok ? genresAnswer.body : [];
  let idempotencyKey = newKey();

  const source = h('select', {}, SOURCES.map((s) => h('option', { value: s }, s)));
  const maxPages = h('input', { type: 'number', inputmode: 'numeric', min: 1, step: 1, value: 5 });
  const details = h('input', { type: 'checkbox' });
  const from = h('input', { type: 'date' });
  const to = h('input', { type: 'date' });
  const includeAdult = h('input', { type: 'checkbox' });
  const releaseFrom = h('input', { type: 'date' });
  const releaseTo = h('input', { type: 'date' });
  const sortBy = h('select', {}, h('option', { value: '' }, 'TMDB default (popularity.desc)'),
    SORTS.map((s) => h('option', { value: s }, s)));
  const language = h('input', { type: 'text', maxlength: 2, size: 3, autocomplete: 'off', placeholder: 'en' });
  const region = h('input', { type: 'text', maxlength: 2, size: 3, autocomplete: 'off', placeholder: 'US' });
  const genreBoxes = genres.map((g) => h('input', { type: 'checkbox', value: g.id, id: `genre-${g.id}` }));
  const scheduled = h('input', { type: 'checkbox' });
  const scheduleName = h('input', { type: 'text', autocomplete: 'off' });
  const cron = h('input', { type: 'text', autocomplete: 'off', placeholder: '0 3 * * *' });
  const zone = h('input', { type: 'text', autocomplete: 'off', placeholder: 'UTC' });

  const genreField = h('fieldset', { class: 'field genres', 'data-field': 'filters.genres', 'aria-describedby': 'field-filters-genres-error' },
    h('legend', {}, 'Genres (movies of all the chosen ones)'),
    genres.length === 0 ? h('p', { class: 'hint' }, 'No genres known yet: TMDB\'s list is read when the first import is planned.') : null,
    h('div', { class: 'genre-grid' }, genres.map((g, i) => h('label', { class: 'check' }, genreBoxes[i], g.name))),
    h('p', { class: 'field-error', id: 'field-filters-genres-error' }));
  const filtersSet = h('fieldset', { class: 'group', 'data-when': 'filters' }, h('legend', {}, 'Discover filters'),
    field('filters.releaseDateFrom', 'Released from', releaseFrom),
    field('filters.releaseDateTo', 'Released until', releaseTo),
    field('filters.sortBy', 'Sort by', sortBy),
    field('filters.language', 'Original language', language, 'ISO 639-1, two lowercase letters'),
    field('filters.region', 'Region', region, 'ISO 3166-1, two uppercase letters'),
    genreField);
  const regionSet = h('div', { 'data-when': 'region' }, field('filters.region', 'Region', h('input', { type: 'text', maxlength: 2, size: 3, autocomplete: 'off', placeholder: 'US', id: 'field-filters-region-list' }), 'ISO 3166-1, e.g. US (optional)'));
  const scheduleSet = h('fieldset', { class: 'group' }, h('legend', {}, 'Schedule'),
    h('label', { class: 'check' }, scheduled, 'Run it on a schedule instead of once now'),
    h('div', { class: 'schedule-fields', hidden: true },
      field('name', 'Schedule name', scheduleName),
      field('cron', 'When (cron)', cron, 'minute hour day-of-month month day-of-week, e.g. 0 3 * * * for 03:00 daily; or @daily'),
      field('zone', 'Time zone', zone, 'e.g. Europe/Berlin; default UTC')));

  const generalErrors = h('div', { id: 'form-errors', tabindex: -1 });
  const answerArea = h('div', { id: 'form-answer', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Start import');
  const form = h('form', { id: 'start-form', novalidate: true, 'aria-describedby': 'form-errors' },
    generalErrors,
    field('source', 'Source', source, 'A TMDB list; discover beyond 500 pages is split into release-date windows; changes fetch what TMDB changed; catalog takes every movie of TMDB\'s daily export'),
    h('div', { 'data-when': 'maxPages' }, field('maxPages', 'Pages at most', maxPages, '20 movies a page; empty for every page (500 for a list)')),
    h('div', { 'data-when': 'details' }, h('div', { class: 'field', 'data-field': 'details' },
      h('label', { class: 'check' }, details, 'Also fetch every movie\'s details (runtime, genres, cast, directors): one more TMDB request a movie'))),
    h('div', { 'data-when': 'from' }, field('from', 'Changes from', from, 'TMDB keeps 14 days of changes; empty for the last 24 hours')),
    h('div', { 'data-when': 'to' }, field('to', 'Changes until', to)),
    h('div', { 'data-when': 'includeAdult' }, h('div', { class: 'field', 'data-field': 'includeAdult' },
      h('label', { class: 'check' }, includeAdult, 'Include adult titles'))),
    regionSet, filtersSet, scheduleSet,
    h('div', { class: 'actions' }, submit), answerArea);

  const sync = () => {
    const wanted = FIELDS_OF[kind(source.value)];
    form.querySelectorAll('[data-when]').forEach((part) => { part.hidden = !wanted.includes(part.dataset.when); });
    scheduleSet.querySelector('.schedule-fields').hidden = !scheduled.checked;
    submit.textContent = scheduled.checked ? 'Create schedule' : 'Start import';
  };
  source.addEventListener('change', sync);
  scheduled.addEventListener('change', sync);
  // a changed form is a new request: a repeat of the same one keeps its key, and its import
  form.addEventListener('input', () => { idempotencyKey = newKey(); });
  sync();

  const body = () => {
    const importRequest = { source: source.value };
    const wanted = FIELDS_OF[kind(source.value)];
    if (wanted.includes('maxPages') && maxPages.value !== '') {
      importRequest.maxPages = Number(maxPages.value);
    } else if (wanted.includes('maxPages') && maxPages.validity.badInput) {
      importRequest.maxPages = 'not a number';
    }
    if (details.checked && wanted.includes('details')) {
      importRequest.details = true;
    }
    if (wanted.includes('from')) {
      setIf(importRequest, 'from', from.value);
      setIf(importRequest, 'to', to.value);
    }
    if (wanted.includes('includeAdult') && includeAdult.checked) {
      importRequest.includeAdult = true;
    }
    const filters = {};
    if (wanted.includes('filters')) {
      setIf(filters, 'releaseDateFrom', releaseFrom.value);
      setIf(filters, 'releaseDateTo', releaseTo.value);
      setIf(filters, 'sortBy', sortBy.value);
      setIf(filters, 'language', language.value.trim());
      setIf(filters, 'region', region.value.trim());
      const chosen = genreBoxes.filter((box) => box.checked).map((box) => Number(box.value));
      if (chosen.length) {
        filters.genres = chosen;
      }
    } else if (wanted.includes('region')) {
      setIf(filters, 'region', regionSet.querySelector('input').value.trim());
    }
    if (Object.keys(filters).length) {
      importRequest.filters = filters;
    }
    if (!scheduled.checked) {
      return importRequest;
    }
    const schedule = { name: scheduleName.value, cron: cron.value, import: importRequest };
    setIf(schedule, 'zone', zone.value.trim());
    return schedule;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    show(generalErrors);
    show(answerArea);
    submit.disabled = true;
    const answer = scheduled.checked
      ? await mutate('POST', '/api/schedules', { body: body() })
      : await mutate('POST', '/api/imports', { body: body(), headers: { 'Idempotency-Key': idempotencyKey } });
    submit.disabled = false;
    if (answer.ok) {
      idempotencyKey = newKey();
      announce(scheduled.checked ? 'Schedule created' : 'Import started');
      location.hash = scheduled.checked ? '#/schedules' : `#/imports/${answer.body.id}`;
      return;
    }
    const { unplaced, first } = placeErrors(form, answer.errors);
    if (unplaced.length) {
      show(generalErrors, h('div', { class: 'answer error', role: 'alert' }, 'The gateway refused the request:',
        h('ul', {}, unplaced.map((e) => h('li', {}, `${e.field}: ${e.message}`)))));
    }
    (first ?? generalErrors).focus();
    show(answerArea, answerMessage(answer, '', { listErrors: false }));
  });

  show(main, h('h1', { tabindex: -1 }, 'Start an import'),
    h('p', {}, 'The gateway records the import and answers at once; workers fetch and store it while its page shows the progress.'),
    form);
  main.querySelector('h1').focus();
}

function setIf(target, name, value) {
  if (value !== '' && value !== null && value !== undefined) {
    target[name] = value;
  }
}

function newKey() {
  return (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);
}
