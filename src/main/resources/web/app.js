'use strict';
// Detente's web application: one page, four tabs, a small JSON API (docs/web.md).
const $ = (sel) => document.querySelector(sel);
const el = (tag, attrs, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const k of kids) e.append(k instanceof Node ? k : document.createTextNode(String(k)));
  return e;
};
async function api(path, opts) {
  const r = await fetch(path, opts);
  const type = r.headers.get('content-type') || '';
  const body = type.includes('json') ? await r.json() : await r.text();
  if (!r.ok) {
    throw new Error(body && body.error ? body.error : ('HTTP ' + r.status));
  }
  return body;
}
const pct = (p) => (100 * p).toFixed(1) + '%';

// ---- tabs
function show(tab) {
  document.querySelectorAll('.tab').forEach((t) => t.classList.toggle('active', t.id === 'tab-' + tab));
  document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('active', a.dataset.tab === tab));
  if (tab === 'results') loadResults();
  if (tab === 'effects') loadWorld();
}
window.addEventListener('hashchange', () => show(location.hash.slice(1) || 'scenarios'));

// ---- scenarios and editor
let current = null;
async function loadLibrary() {
  const list = await api('/api/scenarios');
  const ul = $('#scenario-list');
  ul.replaceChildren();
  const sel = $('#run-scenario');
  const keep = sel.value;
  sel.replaceChildren();
  policiesOf = {};
  for (const s of list) {
    policiesOf[s.name] = s.policies || [];
    ul.append(el('li', {}, el('button', { class: 'scenario', 'data-name': s.name, onclick: () => openScenario(s.name) },
      s.name, el('br'), el('span', { class: 'source' }, s.source + (s.title ? ' — ' + s.title : ' — ' + (s.problem || ''))))));
    sel.append(el('option', { value: s.name }, s.name));
  }
  if (keep) sel.value = keep;
  fillPolicies();
}
let policiesOf = {};
function fillPolicies() {
  const ps = $('#run-policies');
  ps.replaceChildren(...(policiesOf[$('#run-scenario').value] || []).map((p) => el('option', { value: p }, p)));
}
$('#run-scenario').addEventListener('change', fillPolicies);
async function openScenario(name) {
  const text = await api('/api/scenarios/' + encodeURIComponent(name));
  current = name;
  $('#scenario-name').value = name;
  $('#editor').value = text;
  $('#editor-state').textContent = '';
  await validate();
}
function showProblems(res) {
  const ul = $('#problems');
  ul.replaceChildren();
  if (res.valid) {
    ul.append(el('li', { class: 'ok' }, 'No problems: ' + res.id + ' — ' + res.title));
  }
  for (const p of res.problems) {
    const li = el('li', { class: 'problem', 'data-line': p.line, 'data-column': p.column }, p.text);
    li.addEventListener('click', () => goTo(p.line, p.column));
    ul.append(li);
  }
}
function goTo(line, column) {
  const ta = $('#editor');
  const lines = ta.value.split('\n');
  let pos = 0;
  for (let i = 0; i < Math.max(0, line - 1) && i < lines.length; i++) pos += lines[i].length + 1;
  pos += Math.max(0, column - 1);
  ta.focus();
  ta.setSelectionRange(pos, pos);
}
async function validate() {
  const name = $('#scenario-name').value.trim();
  try {
    const res = await api('/api/validate/' + encodeURIComponent(name), { method: 'POST', body: $('#editor').value });
    showProblems(res);
    return res;
  } catch (e) {
    $('#problems').replaceChildren(el('li', { class: 'problem' }, e.message));
    return null;
  }
}
let typing = null;
$('#editor').addEventListener('input', () => {
  $('#editor-state').textContent = 'edited';
  clearTimeout(typing);
  typing = setTimeout(validate, 700);
});
$('#validate').addEventListener('click', validate);
$('#save').addEventListener('click', async () => {
  const name = $('#scenario-name').value.trim();
  try {
    const res = await api('/api/scenarios/' + encodeURIComponent(name), { method: 'PUT', body: $('#editor').value });
    showProblems(res);
    $('#editor-state').textContent = res.saved ? 'saved as your ' + name : 'not saved: fix the problems first';
    if (res.saved) await loadLibrary();
  } catch (e) {
    $('#editor-state').textContent = e.message;
  }
});
$('#run-this').addEventListener('click', () => {
  $('#run-scenario').value = $('#scenario-name').value.trim();
  location.hash = '#run';
});

// ---- ensembles
$('#run-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  $('#run-results').replaceChildren();
  $('#run-report').hidden = true;
  $('#run-status').textContent = 'starting…';
  let job;
  try {
    job = await api('/api/runs', { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: $('#run-scenario').value, runs: Number($('#run-runs').value), seed: Number($('#run-seed').value),
        policies: Array.from($('#run-policies').selectedOptions).map((o) => o.value) }) });
  } catch (e) {
    $('#run-status').textContent = e.message;
    return;
  }
  const src = new EventSource('/api/runs/' + job.id + '/events');
  const update = (j) => {
    const bar = $('#run-progress');
    bar.max = Math.max(1, j.total);
    bar.value = j.done;
    $('#run-status').textContent = j.state === 'running'
      ? (j.done < j.total / 2 ? 'ensemble: ' + j.done + ' of ' + j.total / 2 + ' runs' : 'charts: ' + (j.done - j.total / 2) + ' of ' + j.total / 2 + ' runs')
      : j.state;
  };
  src.addEventListener('progress', (e) => update(JSON.parse(e.data)));
  src.addEventListener('done', (e) => { src.close(); const j = JSON.parse(e.data); update(j); showRun(j); });
  src.addEventListener('failed', (e) => { src.close(); const j = JSON.parse(e.data); $('#run-status').textContent = 'failed: ' + j.error; });
  src.onerror = () => src.close();
});
function outcomeTable(r, runs) {
  const t = el('table', { id: 'outcomes' }, el('caption', {}, 'Outcome probabilities over ' + runs + ' runs, Wilson 95% intervals'),
    el('tr', {}, el('th', {}, 'outcome'), el('th', {}, 'p'), el('th', {}, '95% interval')));
  for (const [name, o] of Object.entries(r.outcomes)) {
    t.append(el('tr', { id: 'outcome-' + name }, el('td', {}, name), el('td', { class: 'p' }, o.p.toFixed(4)),
      el('td', { class: 'interval' }, '[' + o.lo.toFixed(4) + ', ' + o.hi.toFixed(4) + ']')));
  }
  return t;
}
function questionTable(r) {
  const t = el('table', { id: 'questions' }, el('caption', {}, 'Forecast questions'),
    el('tr', {}, el('th', {}, 'question'), el('th', {}, 'p'), el('th', {}, '95% interval')));
  for (const q of r.questions || []) {
    t.append(el('tr', {}, el('td', {}, q.id), el('td', {}, q.p.toFixed(4)), el('td', {}, '[' + q.lo.toFixed(4) + ', ' + q.hi.toFixed(4) + ']')));
  }
  return t;
}
function compareTable(r) {
  const names = r.arms.map((a) => a.name);
  const t = el('table', { id: 'comparison' }, el('caption', {}, 'Outcome probabilities by arm (' + r.runs + ' runs each, seed ' + r.seed +
    '); differences arm − baseline with Newcombe paired 95% intervals'),
    el('tr', {}, el('th', {}, 'indicator'), ...names.map((n) => el('th', {}, n)), ...names.slice(1).map((n) => el('th', {}, n + ' − ' + names[0]))));
  const base = r.arms[0];
  const indicators = Object.keys(r.differences[names[1]] || {});
  for (const ind of indicators) {
    const row = el('tr', { 'data-indicator': ind }, el('td', {}, ind));
    for (const a of r.arms) {
      const d = r.differences[a.name] && r.differences[a.name][ind];
      const p = d ? d.p : (r.differences[names[1]][ind].pBaseline);
      row.append(el('td', { class: 'p' }, pct(p)));
    }
    for (const n of names.slice(1)) {
      const d = r.differences[n][ind];
      row.append(el('td', { class: 'diff' }, (d.diff >= 0 ? '+' : '') + (100 * d.diff).toFixed(1) + ' pp [' + (100 * d.lo).toFixed(1) + ', ' + (100 * d.hi).toFixed(1) + ']'));
    }
    t.append(row);
  }
  return t;
}
function showRun(j) {
  const r = j.result;
  const box = $('#run-results');
  if (r.arms) {
    box.replaceChildren(el('p', {}, 'compare ' + j.scenario + ': ' + r.arms.map((a) => a.name).join(' vs ') +
      (j.storedId ? '; stored as result ' + j.storedId : '')), compareTable(r));
    if (j.report) { const f = $('#run-report'); f.src = '/api/runs/' + j.id + '/report'; f.hidden = false; }
    return;
  }
  box.replaceChildren(el('p', {}, r.scenario + ' — ' + r.title + '; seed ' + r.seed + '; ' + r.runs + ' runs' +
    (j.storedId ? '; stored as result ' + j.storedId : '')), outcomeTable(r, r.runs), questionTable(r));
  if (j.report) {
    const f = $('#run-report');
    f.src = '/api/runs/' + j.id + '/report';
    f.hidden = false;
  }
}

// ---- stored results
async function loadResults() {
  const box = $('#results-list');
  let list;
  try {
    list = await api('/api/results');
  } catch (e) {
    box.replaceChildren(el('p', { class: 'hint' }, e.message));
    return;
  }
  const t = el('table', { id: 'results-table' }, el('tr', {}, ...['id', 'command', 'state', 'created (UTC)', 'scenario', 'runs', ''].map((h) => el('th', {}, h))));
  for (const r of list) {
    t.append(el('tr', {}, el('td', {}, r.id), el('td', {}, r.command), el('td', {}, r.complete ? 'complete' : 'INCOMPLETE'),
      el('td', {}, r.created || ''), el('td', {}, r.scenario || '-'), el('td', {}, r.runRows),
      el('td', {}, el('button', { class: 'open-result', 'data-id': r.id, onclick: () => openResult(r.id) }, 'open'))));
  }
  box.replaceChildren(list.length ? t : el('p', {}, 'Nothing stored yet.'));
}
async function openResult(id) {
  const r = await api('/api/results/' + id);
  const box = $('#result-detail');
  box.replaceChildren(el('h3', {}, 'Result ' + r.id + ': ' + r.command + ' ' + (r.scenario || '') + ', seed ' + r.seed));
  if (!r.summary) { box.append(el('p', { class: 'error' }, 'Incomplete: the process stopped before it ended.')); return; }
  if (r.summary.outcomes) { box.append(outcomeTable(r.summary, r.summary.runs), questionTable(r.summary)); }
  box.append(el('details', {}, el('summary', {}, 'the whole summary (JSON)'), el('pre', {}, JSON.stringify(r.summary, null, 2))));
}

// ---- effects
let world = null;
async function loadWorld() {
  if (world) return;
  const svgText = await api('/api/world.svg');
  const box = $('#world');
  box.innerHTML = svgText;
  world = box.querySelector('svg');
  let vb = { x: -180, y: -90, w: 360, h: 180 };
  const apply = () => world.setAttribute('viewBox', vb.x + ' ' + vb.y + ' ' + vb.w + ' ' + vb.h);
  const toMap = (ev) => {
    const p = world.createSVGPoint();
    p.x = ev.clientX; p.y = ev.clientY;
    return p.matrixTransform(world.getScreenCTM().inverse());
  };
  world.addEventListener('wheel', (ev) => {
    ev.preventDefault();
    const m = toMap(ev);
    const k = ev.deltaY < 0 ? 0.8 : 1.25;
    const w = Math.min(360, Math.max(2, vb.w * k));
    const h = w / 2;
    vb = { x: m.x - (m.x - vb.x) * w / vb.w, y: m.y - (m.y - vb.y) * h / vb.h, w, h };
    apply();
  }, { passive: false });
  let drag = null;
  world.addEventListener('mousedown', (ev) => { drag = { x: ev.clientX, y: ev.clientY, vb: { ...vb }, moved: false }; });
  world.addEventListener('mousemove', (ev) => {
    if (!drag) return;
    const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 4) drag.moved = true;
    if (drag.moved) {
      const s = vb.w / world.clientWidth;
      vb = { ...drag.vb, x: drag.vb.x - dx * s, y: drag.vb.y - dy * s };
      apply();
    }
  });
  world.addEventListener('mouseup', (ev) => {
    const moved = drag && drag.moved;
    drag = null;
    if (!moved) { const m = toMap(ev); placeBurst(-m.y, m.x); }
  });
}
let marker = null;
async function placeBurst(lat, lon) {
  lat = Math.max(-90, Math.min(90, lat));
  lon = ((lon + 540) % 360) - 180;
  if (world) {
    if (!marker) { marker = document.createElementNS('http://www.w3.org/2000/svg', 'circle'); marker.setAttribute('fill', '#f80'); marker.setAttribute('stroke', '#000'); marker.setAttribute('stroke-width', '0.1'); world.append(marker); }
    marker.setAttribute('cx', lon); marker.setAttribute('cy', -lat); marker.setAttribute('r', 0.8);
  }
  const q = new URLSearchParams({ lat: lat.toFixed(4), lon: lon.toFixed(4), yield: $('#fx-yield').value, burst: $('#fx-burst').value,
    wind: $('#fx-wind').value, windFrom: $('#fx-wind-from').value });
  if ($('#fx-height').value.trim() && $('#fx-burst').value === 'air') q.set('height', $('#fx-height').value.trim());
  $('#fx-status').textContent = 'computing at ' + lat.toFixed(3) + '°, ' + lon.toFixed(3) + '°…';
  let r;
  try {
    r = await api('/api/effects?' + q);
  } catch (e) {
    $('#fx-status').replaceChildren(el('span', { class: 'error' }, e.message));
    return;
  }
  const fx = r.effects;
  $('#fx-status').textContent = 'Ground zero ' + lat.toFixed(3) + '°, ' + lon.toFixed(3) + '°';
  const c = fx.casualties;
  $('#fx-casualties').replaceChildren(el('p', { id: 'fx-deaths' }, 'Deaths: ' + Math.round(c.deaths).toLocaleString('en')),
    el('p', { id: 'fx-injuries' }, 'Injuries: ' + Math.round(c.injuries).toLocaleString('en')),
    el('p', {}, 'of which fallout deaths: ' + Math.round(c.falloutDeaths).toLocaleString('en')));
  const t = $('#fx-places');
  t.replaceChildren(el('caption', {}, 'Most affected places'), el('tr', {}, el('th', {}, 'place'), el('th', {}, 'deaths'), el('th', {}, 'injuries')));
  for (const x of c.cities.slice(0, 10)) t.append(el('tr', {}, el('td', {}, x.name + ', ' + x.country), el('td', {}, x.deaths.toLocaleString('en')), el('td', {}, x.injuries.toLocaleString('en'))));
  const f = $('#fx-map');
  f.srcdoc = r.mapHtml;
  f.hidden = false;
}
let searching = null;
$('#fx-search').addEventListener('input', () => {
  clearTimeout(searching);
  searching = setTimeout(async () => {
    const q = $('#fx-search').value.trim();
    const ul = $('#fx-search-results');
    ul.replaceChildren();
    if (!q) return;
    const hits = await api('/api/cities?q=' + encodeURIComponent(q));
    for (const c of hits) ul.append(el('li', {}, el('button', { class: 'city-hit', onclick: () => placeBurst(c.lat, c.lon) }, c.label)));
  }, 300);
});

// ---- start
(async () => {
  const info = await api('/api/info');
  $('#version').textContent = 'detente ' + info.version + (info.store ? ' · results stored' : '');
  await loadLibrary();
  show(location.hash.slice(1) || 'scenarios');
})();
