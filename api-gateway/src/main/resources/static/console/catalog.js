// The imported catalog: search by title with paging and sorting, and one movie's page.
import { h, show, number, dateTime, fact, table, row, routeQuery, routeWith, pager } from './dom.js';
import { field, placeErrors } from './forms.js';
import { readAnswer, answerMessage } from './api.js';

const SORTS = [['popularity', 'Most popular'], ['vote_average', 'Best rated'], ['release_date', 'Newest'],
  ['release_date.asc', 'Oldest'], ['title', 'Title A–Z'], ['title.desc', 'Title Z–A']];

let genreNames = null;

async function genres() {
  if (genreNames) {
    return genreNames;
  }
  const answer = await readAnswer('/api/genres');
  const names = new Map(answer.ok ? answer.body.map((g) => [g.id, g.name]) : []);
  if (names.size > 0) {
    genreNames = names; // none yet: ask again next time, the first import reads them
  }
  return names;
}

/** TMDB's image configuration, when the fleet has read it: the base URL and the sizes. */
async function images() {
  const answer = await readAnswer('/api/images');
  return answer.ok ? answer.body : null;
}

function imageUrl(config, path, wanted) {
  if (!config || !path) {
    return null;
  }
  const size = config.posterSizes.includes(wanted) ? wanted : config.posterSizes[config.posterSizes.length - 1];
  return `${config.secureBaseUrl}${size}${path}`;
}

/** #/catalog?query=&year=&genre=&sort=&page= */
export async function catalogSearch(main) {
  const query = routeQuery();
  const values = { query: query.get('query') ?? '', year: query.get('year') ?? '', genre: query.get('genre') ?? '',
    sort: query.get('sort') ?? 'popularity', includeDeleted: query.get('includeDeleted') ?? '', page: Number(query.get('page') ?? 0) };
  const known = await genres();
  const text = h('input', { type: 'search', id: 'search-query', name: 'query', value: values.query, autocomplete: 'off' });
  const year = h('input', { type: 'number', id: 'search-year', name: 'year', value: values.year, min: 1800, max: 2200, inputmode: 'numeric' });
  const genre = h('select', { id: 'search-genre', name: 'genre' }, h('option', { value: '' }, 'Any'),
    [...known].map(([id, name]) => h('option', { value: id, selected: String(id) === values.genre }, name)));
  const sort = h('select', { id: 'search-sort', name: 'sort' },
    SORTS.map(([value, label]) => h('option', { value, selected: value === values.sort }, label)));
  const deleted = h('input', { type: 'checkbox', id: 'search-deleted', checked: values.includeDeleted === 'true' });
  const results = h('div', { id: 'search-results' });
  const form = h('form', { role: 'search', 'aria-label': 'Search the catalog', class: 'filters', novalidate: true,
    onsubmit: (event) => {
      event.preventDefault();
      location.hash = routeWith('/catalog', { query: text.value.trim(), year: year.value, genre: genre.value,
        sort: sort.value, includeDeleted: deleted.checked ? 'true' : '', page: 0 });
    } },
  field('query', 'Title', text, 'Title or original title, any script; at least 3 characters', 'grow'),
  field('year', 'Year', year),
  h('div', { class: 'field' }, h('label', { for: 'search-genre' }, 'Genre'), genre),
  h('div', { class: 'field' }, h('label', { for: 'search-sort' }, 'Order'), sort),
  h('div', { class: 'field' }, h('label', { class: 'check' }, deleted, 'Include deleted')),
  h('div', { class: 'field' }, h('button', { type: 'submit', class: 'primary' }, 'Search')));
  show(main, h('h1', { tabindex: -1 }, 'Catalog'), form, results);

  const params = new URLSearchParams({ page: values.page, size: 20, sort: values.sort });
  for (const name of ['query', 'year', 'genre', 'includeDeleted']) {
    if (values[name]) {
      params.set(name, values[name]);
    }
  }
  const answer = await readAnswer(`/api/movies?${params}`);
  if (!answer.ok) {
    placeErrors(form, answer.errors);
    show(results, answerMessage(answer, '', { listErrors: false }));
    return;
  }
  const headings = ['Title', 'Original title', 'Released', 'Genres', 'Rating', 'Popularity'];
  show(results,
    h('p', { role: 'status' }, `${number(answer.body.page.totalElements)} movies found`),
    answer.body.items.length ? table({ text: 'Movies found', hidden: true }, headings, answer.body.items.map((movie) => row(headings, [
      h('a', { href: `#/movies/${movie.tmdbId}` }, movie.title ?? `#${movie.tmdbId}`),
      movie.originalTitle !== movie.title ? h('span', { lang: '' }, movie.originalTitle ?? '') : '',
      movie.releaseDate ?? '–', movie.genreIds.map((id) => known.get(id) ?? id).join(', '),
      movie.voteAverage !== null ? `${movie.voteAverage.toFixed(1)} (${number(movie.voteCount)})` : '–',
      movie.popularity !== null ? movie.popularity.toFixed(1) : '–'], { class: movie.deletedAt ? 'deleted' : null }))) : null,
    pager('Pages of results', answer.body.page, (page) => {
      location.hash = routeWith('/catalog', { ...values, page });
    }));
}

/** #/movies/{id} */
export async function moviePage(main, id) {
  const [answer, known, config] = await Promise.all([readAnswer(`/api/movies/${id}`), genres(), images()]);
  if (!answer.ok) {
    show(main, h('h1', { tabindex: -1 }, 'Movie'), answerMessage(answer));
    return;
  }
  const movie = answer.body;
  const poster = imageUrl(config, movie.posterPath, 'w342');
  const cast = Array.isArray(movie.topCast) ? movie.topCast : null;
  const directors = Array.isArray(movie.directors) ? movie.directors : null;
  show(main, h('p', { class: 'crumbs' }, h('a', { href: '#/catalog' }, '‹ Catalog')),
    h('article', { class: 'movie' },
      poster ? h('img', { class: 'poster', src: poster, alt: `Poster of ${movie.title}`, width: 342, loading: 'lazy' })
        : h('div', { class: 'poster none' }, movie.posterPath ? 'Poster not available yet: TMDB\'s image configuration is read with the next import' : 'TMDB has no poster'),
      h('div', { class: 'movie-text' },
        h('h1', { tabindex: -1 }, movie.title ?? `#${movie.tmdbId}`),
        movie.originalTitle && movie.originalTitle !== movie.title ? h('p', { class: 'original', lang: movie.originalLanguage ?? '' }, movie.originalTitle) : null,
        movie.deletedAt ? h('p', { class: 'answer error' }, 'TMDB no longer has this movie (deleted ', dateTime(movie.deletedAt), ')') : null,
        h('dl', { class: 'facts' },
          fact('Released', movie.releaseDate ?? '–'),
          fact('Runtime', movie.runtime ? `${movie.runtime} min` : '–'),
          fact('Genres', movie.genreIds.map((g) => known.get(g) ?? g).join(', ') || '–'),
          fact('Rating', movie.voteAverage !== null ? `${movie.voteAverage.toFixed(1)} of 10 (${number(movie.voteCount)} votes)` : '–'),
          fact('Language', movie.originalLanguage ?? '–'),
          fact('Directors', directors ? directors.map((d) => d.name).join(', ') || '–' : 'after a details import'),
          fact('Cast', cast ? (cast.length ? h('ul', { class: 'cast' }, cast.map((c) => h('li', {}, c.name, c.character ? ` as ${c.character}` : ''))) : '–') : 'after a details import'),
          fact('TMDB id', String(movie.tmdbId)),
          movie.imdbId ? fact('IMDb', movie.imdbId) : null,
          fact('Fetched', dateTime(movie.fetchedAt))),
        h('p', { class: 'overview' }, movie.overview || 'No overview.'))));
  main.querySelector('h1').focus();
}
