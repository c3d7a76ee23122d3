// The command screen: sign-in, then the scope (map, list, figures, detail), REST first, live when it can.
import { api, login, keepToken, token, signOut, onSignedOut, Problem } from './api.js';
import { t, translate, setLanguage, onLanguage } from './i18n.js';
import { CellMap } from './map.js';
import { EventList } from './events.js';
import { Figures } from './figures.js';
import { Detail } from './detail.js';
import { Live } from './live.js';
import { AlertPanel } from './alerts.js';

const $ = id => document.getElementById(id);
const state = { me: null, scope: null, view: null, categories: new Map(), departments: new Map(), names: new Map(),
  map: null };

const categoryName = code => {
  const c = state.categories.get(code);
  return c ? (document.documentElement.lang === 'en' ? c.nameEn : c.nameZh) || code : code;
};
const cellName = code => state.names.get(code) || code;
const departmentName = code => {
  const d = state.departments.get(code);
  return d ? (document.documentElement.lang === 'en' ? d.nameEn : d.nameZh) || code : code;
};
const who = () => `${state.me.subject} · ${state.me.roles.map(r => t(`role.${r}`)).join(', ')}`;
let refreshFigures = null;

function problem(error) {
  const box = $('problem');
  box.textContent = error instanceof Problem ? (error.message || t('problem.generic', { status: error.status })) : String(error);
  box.hidden = false;
  setTimeout(() => { box.hidden = true; }, 8000);
}

let list;
let figures;
let detail;
let live;
let alerts;

function showSignIn(message) {
  $('screen').hidden = true;
  $('signin').hidden = false;
  $('signin-error').textContent = message || '';
  live && live.stop();
  alerts && alerts.stop();
  // nothing of the last person's screen stays in the page for the next one
  if (state.map) {
    state.map.clear();
    state.map.clearWorkers();
    list.set([]);
    detail.close();
    figures.clear();
    $('breadcrumb').replaceChildren();
    $('who').textContent = '';
  }
}

async function start() {
  try {
    state.me = await api('/api/v1/auth/me');
  } catch (error) {
    return showSignIn(error instanceof Problem && error.status === 401 ? t('signin.expired') : error.message);
  }
  $('signin').hidden = true;
  $('screen').hidden = false;
  $('who').textContent = who();
  if (!state.map) {
    state.map = new CellMap($('map'), { onDrill: code => go(code), onEvent: id => openEvent(id) });
    list = new EventList($('events'), $('events-empty'), { onOpen: id => openEvent(id), categoryName, cellName });
    figures = new Figures($('figures'));
    detail = new Detail($('detail'), { categoryName, cellName, departmentName, onChanged: changed });
    live = new Live({ onSnapshot: snapshot, onEvent: eventChanged, onWorker: p => state.map.worker(p),
      onStats: s => state.map.colour(s.cells || []), onState: liveState });
    alerts = new AlertPanel($('alerts'), $('alerts-badge'), { categoryName, cellName, onOpen: id => openEvent(id) });
    api('/api/v1/screen/settings').then(s => state.map.setTiles(s.tileUrl, s.tileAttribution)).catch(() => {});
  }
  api('/api/v1/departments').then(list => list.forEach(d => state.departments.set(d.code, d))).catch(() => {});
  api('/api/v1/categories').then(c => {
    c.categories.forEach(cat => state.categories.set(cat.code, cat));
    list.render();
  }).catch(() => {});
  alerts.start();
  const first = state.me.scopes[0];
  if (first) {
    go(first);
  }
}

/** Opens a scope: map (outline and children), colours, list, figures; then the live feed for it. */
async function go(code) {
  state.scope = code;
  detail.close();
  delete document.body.dataset.scopeShown;
  try {
    state.view = await state.map.show(code);
    state.map.layers.forEach((layer, child) => state.names.set(child, layer.feature.properties.name));
    state.names.set(code, state.view.feature.properties.name);
    breadcrumb();
    await Promise.all([reload(), figures.load(code)]);
    // the scope is on the screen (its cells drawn and coloured, its events listed, its figures filled): a
    // mark on the page's timeline and the body's data-scope-shown, for people timing the screen (bench/screen-open.sh)
    if (state.scope === code) {
      performance.mark('scope-shown', { detail: code });
      document.body.dataset.scopeShown = code;
    }
    workers(code);
  } catch (error) {
    problem(error);
  }
  live.start(code);
}

/** The scope's events and colours from REST (on a scope change and after a step). */
async function reload() {
  const [page, stats] = await Promise.all([
    api(`/api/v1/events?cell=${encodeURIComponent(state.scope)}&open=true&limit=1000`),
    api(`/api/v1/stats/cells?scope=${encodeURIComponent(state.scope)}`),
  ]);
  list.set(page.items);
  state.map.showEvents(list.open());
  state.map.colour(stats.cells);
}

/** Worker dots from REST, for roles that see workers; the live feed moves them. */
async function workers(code) {
  state.map.clearWorkers();
  if (!state.me.roles.some(r => ['admin', 'dispatcher', 'supervisor', 'leader', 'screen'].includes(r))) {
    return;
  }
  try {
    const page = await api(`/api/v1/workers?cell=${encodeURIComponent(code)}&limit=200`);
    await Promise.all(page.items.filter(w => w.currentCell && w.currentCell.startsWith(code)).map(w =>
      api(`/api/v1/workers/${encodeURIComponent(w.id)}/position`)
        .then(p => state.map.worker({ id: w.id, lat: p.lat, lon: p.lon })).catch(() => {})));
  } catch (error) {
    // workers are a layer of the map; the rest works without them
  }
}

function breadcrumb() {
  const nav = $('breadcrumb');
  const path = state.view.path;
  const starts = state.me.scopes;
  const top = path.findIndex(code => starts.includes(code));
  nav.replaceChildren();
  path.slice(Math.max(top, 0)).forEach((code, i, shown) => {
    const last = i === shown.length - 1;
    const link = document.createElement('a');
    link.textContent = cellName(code);
    link.dataset.cell = code;
    link.className = last ? 'current' : '';
    if (!last) {
      link.addEventListener('click', () => go(code));
    }
    if (i > 0) {
      const sep = document.createElement('span');
      sep.className = 'sep';
      sep.textContent = '›';
      nav.append(sep);
    }
    nav.append(link);
  });
  if (starts.length > 1) {
    const select = document.createElement('select');
    select.id = 'scope-select';
    starts.forEach(code => select.append(new Option(cellName(code), code, false, code === path[top])));
    select.addEventListener('change', () => go(select.value));
    nav.prepend(select);
  }
}

async function openEvent(id) {
  try {
    await detail.open(id);
  } catch (error) {
    problem(error);
  }
}

/** After a step this screen took: the list, colours and figures again (the live feed may say it first). */
function changed(event) {
  list.upsert(event);
  reload().catch(problem);
  figures.load(state.scope).catch(problem);
}

function eventChanged(event) {
  if (!event.cellPath || !event.cellPath.includes(state.scope)) {
    return;
  }
  list.upsert(event);
  state.map.showEvents(list.open());
  detail.changed(event);
  // the day's counts moved: read them again, at most every five seconds while events keep coming
  if (!refreshFigures) {
    refreshFigures = setTimeout(() => {
      refreshFigures = null;
      figures.load(state.scope).catch(() => {});
    }, 5000);
  }
}

function snapshot(data, replace) {
  if (data.scope && data.scope !== state.scope) {
    return;
  }
  if (replace) {
    list.set(data.events || []);
    state.map.clearWorkers();
  } else {
    (data.events || []).forEach(e => list.upsert(e));
  }
  state.map.showEvents(list.open());
  (data.workers || []).forEach(w => state.map.worker(w));
  state.map.colour(data.cells || []);
  figures.live({ onDuty: data.onDuty, devices: data.devices });
}

function liveState(value) {
  $('live-state').textContent = t(value === 'on' ? 'live.on' : value === 'connecting' ? 'live.connecting' : 'live.off');
  $('live-state').dataset.state = value;
}

$('signin-form').addEventListener('submit', async submit => {
  submit.preventDefault();
  try {
    await login($('signin-user').value.trim(), $('signin-password').value);
    $('signin-password').value = '';
    start();
  } catch (error) {
    $('signin-error').textContent = t('signin.failed', { detail: error.message });
  }
});
$('signin-token-submit').addEventListener('click', () => {
  const pasted = $('signin-token').value.trim();
  if (pasted) {
    keepToken(pasted.replace(/^Bearer\s+/i, ''));
    $('signin-token').value = '';
    start();
  }
});
$('signout').addEventListener('click', () => {
  state.me = null;
  signOut();
});
onSignedOut(() => showSignIn(state.me ? t('signin.expired') : ''));
document.querySelectorAll('.lang-zh').forEach(b => b.addEventListener('click', () => setLanguage('zh')));
document.querySelectorAll('.lang-en').forEach(b => b.addEventListener('click', () => setLanguage('en')));
onLanguage(() => {
  if (list) {
    list.render();
    figures.render();
    if (!$('detail').hidden) detail.render();
    if (state.me) $('who').textContent = who();
    liveState($('live-state').dataset.state);
    alerts.render();
    state.map && state.map.showEvents(list.open());
  }
});

translate();
if (token()) {
  start();
} else {
  showSignIn();
}
