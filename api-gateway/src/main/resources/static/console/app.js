// The console's router: the hash names the view (#/imports, #/imports/{id}, #/imports/new,
// #/schedules, #/catalog, #/movies/{id}), so every view has a link that can be shared or reloaded.
import { h, show } from './dom.js';
import { renderTokenStatus } from './api.js';
import { importList, importPage } from './imports.js';
import { startForm } from './start.js';
import { catalogSearch, moviePage } from './catalog.js';
import { scheduleList } from './schedules.js';

const main = document.getElementById('main');
let cleanups = [];

const routes = [
  [/^\/imports\/new$/, 'new', () => startForm(main)],
  [/^\/imports\/([0-9a-f-]{36})$/, 'imports', (id) => importPage(main, register, id)],
  [/^\/imports$/, 'imports', () => importList(main, register)],
  [/^\/schedules$/, 'schedules', () => scheduleList(main)],
  [/^\/catalog$/, 'catalog', () => catalogSearch(main)],
  [/^\/movies\/(\d+)$/, 'catalog', (id) => moviePage(main, id)],
];

function register(cleanup) {
  cleanups.push(cleanup);
}

async function route() {
  cleanups.forEach((cleanup) => cleanup());
  cleanups = [];
  renderTokenStatus(); // another view of this tab may have set or dropped it
  const hash = location.hash.replace(/^#/, '') || '/imports';
  const path = hash.split('?')[0];
  for (const [pattern, section, view] of routes) {
    const match = pattern.exec(path);
    if (match) {
      document.querySelectorAll('nav a').forEach((link) => {
        if (link.dataset.section === section) {
          link.setAttribute('aria-current', 'page');
        } else {
          link.removeAttribute('aria-current');
        }
      });
      try {
        await view(...match.slice(1));
      } catch (error) {
        show(main, h('h1', { tabindex: -1 }, 'Something went wrong'),
          h('p', { class: 'answer error', role: 'alert' }, error.message));
      }
      const heading = main.querySelector('h1');
      document.title = `${heading ? heading.textContent : 'Console'} · tmdb-fleet`;
      if (heading && !main.contains(document.activeElement)) {
        heading.focus();
      }
      return;
    }
  }
  show(main, h('h1', { tabindex: -1 }, 'Not found'), h('p', {}, 'No such view. ', h('a', { href: '#/imports' }, 'Go to the imports')));
}

window.addEventListener('hashchange', route);
renderTokenStatus();
route();
