// Schedules: what runs when, what the last runs did, and pause / resume / delete.
import { h, show, announce, dateTime, statusBadge, table, row } from './dom.js';
import { read, mutate, answerMessage } from './api.js';

/** #/schedules */
export async function scheduleList(main) {
  const answerArea = h('div', { id: 'schedule-answer', role: 'status' });
  const listArea = h('div');
  show(main, h('h1', { tabindex: -1 }, 'Schedules'),
    h('p', {}, 'Each due time starts its import once, however many gateways run. ',
      h('a', { href: '#/imports/new' }, 'Create one'), ' from the start form.'),
    answerArea, listArea);
  const headings = ['Name', 'When', 'Import', 'Next run', 'Last runs', 'Actions'];
  const load = async () => {
    let schedules;
    try {
      schedules = await read('/api/schedules');
    } catch (error) {
      show(listArea, h('p', { class: 'answer error', role: 'alert' }, `The schedules could not be read: ${error.message}`));
      return;
    }
    if (schedules.length === 0) {
      show(listArea, h('p', {}, 'No schedules yet.'));
      return;
    }
    show(listArea, table({ text: 'Schedules', hidden: true }, headings, schedules.map((s) => row(headings, [
      s.name, `${s.cron} (${s.zone})${s.paused ? ' — paused' : ''}`, h('code', {}, JSON.stringify(s.import)),
      dateTime(s.nextRunAt),
      s.recentRuns.length ? h('ul', { class: 'runs' }, s.recentRuns.map((run) => h('li', {}, dateTime(run.dueAt), ' ',
        run.importId ? h('a', { href: `#/imports/${run.importId}` }, run.outcome) : run.outcome,
        run.importStatus ? [' ', statusBadge(run.importStatus)] : null, run.reason ? ` — ${run.reason}` : null))) : 'none yet',
      h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: () => act(s, s.paused ? 'resume' : 'pause') }, s.paused ? `Resume ${s.name}` : `Pause ${s.name}`),
        h('button', { type: 'button', class: 'danger', onclick: () => act(s, 'delete') }, `Delete ${s.name}`))]))));
  };
  const act = async (schedule, action) => {
    if (action === 'delete' && !confirm(`Delete the schedule ${schedule.name}? The imports it started stay.`)) {
      return;
    }
    const answer = action === 'delete' ? await mutate('DELETE', `/api/schedules/${schedule.id}`)
      : await mutate('POST', `/api/schedules/${schedule.id}/${action}`);
    show(answerArea, answerMessage(answer, `${schedule.name}: ${action === 'delete' ? 'deleted' : `${action}d`}.`));
    announce(answerArea.textContent);
    await load();
  };
  await load();
}
