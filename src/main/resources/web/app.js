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
  if (tab === 'hypotheses') loadEvidence();
}
window.addEventListener('hashchange', () => show(location.hash.slice(1) || 'scenarios'));

// ---- scenarios and editor
let current = null;
async function loadLibrary() {
  const list = await api('/api/scenarios');
  const ul = $('#scenario-list');
  ul.replaceChildren();
  const sels = [$('#run-scenario'), ...document.querySelectorAll('.scenario-select')];
  const keep = sels.map((x) => x.value);
  sels.forEach((x) => x.replaceChildren());
  policiesOf = {};
  for (const s of list) {
    policiesOf[s.name] = s.policies || [];
    ul.append(el('li', {}, el('button', { class: 'scenario', 'data-name': s.name, onclick: () => openScenario(s.name) },
      s.name, el('br'), el('span', { class: 'source' }, s.source + (s.title ? ' — ' + s.title : ' — ' + (s.problem || ''))))));
    sels.forEach((x) => x.append(el('option', { value: s.name }, s.name)));
  }
  sels.forEach((x, i) => { if (keep[i]) x.value = keep[i]; });
  fillPolicies();
  fillTlPolicies();
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
  checkSchema();
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
// ---- the JSON Schema, checked in the page as the user types (js-yaml and Ajv, served from
// their WebJars: nothing is fetched from the internet)
let schemaValidator = null;
async function loadSchema() {
  const schema = await api('/api/schema');
  // Ajv 6 implements draft-07; the schema's 2020-12 keywords are draft-07's but for
  // dependentRequired (draft-07: dependencies) and the $schema that names the draft
  const toDraft7 = (x) => {
    if (!x || typeof x !== 'object') return;
    if (x.dependentRequired) { x.dependencies = Object.assign(x.dependencies || {}, x.dependentRequired); delete x.dependentRequired; }
    Object.values(x).forEach(toDraft7);
  };
  delete schema.$schema;
  toDraft7(schema);
  schemaValidator = new Ajv({ allErrors: true, jsonPointers: true }).compile(schema);
}
// the line and column of a JSON pointer in block-style YAML text (as scenarios are written)
function locate(text, pointer) {
  const lines = text.split('\n').map((l) => {
    const ind = l.length - l.trimStart().length;
    let rest = l.slice(ind);
    if (rest === '' || rest.startsWith('#')) return null;
    const item = rest === '-' || rest.startsWith('- ');
    let keyInd = ind;
    if (item) { const after = rest.slice(1); const sp = after.length - after.trimStart().length; keyInd = ind + 1 + sp; rest = after.trimStart(); }
    const m = /^["']?([^"':#{}\[\],]+?)["']?\s*:(\s|$)/.exec(rest);
    return { ind, item, keyInd, key: m ? m[1].trim() : null };
  });
  let lo = 0, hi = lines.length, min = -1;
  const at = { line: 1, column: 1 };
  const segs = pointer.split('/').slice(1).map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (const seg of segs) {
    let found = false;
    if (/^\d+$/.test(seg)) {
      let itemInd = Infinity;
      for (let i = lo; i < hi; i++) if (lines[i] && lines[i].item && lines[i].ind > min) itemInd = Math.min(itemInd, lines[i].ind);
      const items = [];
      for (let i = lo; i < hi; i++) if (lines[i] && lines[i].item && lines[i].ind === itemInd) items.push(i);
      const n = Number(seg);
      if (n < items.length) {
        const i = items[n];
        lo = i; hi = n + 1 < items.length ? items[n + 1] : hi; min = itemInd;
        at.line = i + 1; at.column = itemInd + 1; found = true;
      }
    } else {
      let childInd = Infinity;
      for (let i = lo; i < hi; i++) if (lines[i] && lines[i].key !== null && lines[i].keyInd > min) childInd = Math.min(childInd, lines[i].keyInd);
      for (let i = lo; i < hi; i++) {
        const L = lines[i];
        if (L && L.key === seg && L.keyInd === childInd) {
          let j = i + 1;
          while (j < hi && !(lines[j] && (lines[j].item ? lines[j].ind : lines[j].keyInd) <= childInd)) j++;
          lo = i + 1; hi = j; min = childInd;
          at.line = i + 1; at.column = childInd + 1; found = true;
          break;
        }
      }
    }
    if (!found) break;
  }
  return at;
}
function field(pointer) {
  return pointer.split('/').slice(1).map((x) => (/^\d+$/.test(x) ? '[' + x + ']' : '.' + x)).join('').replace(/^\./, '');
}
function schemaProblems(name, text) {
  let doc;
  try {
    // the core schema: no timestamps (the loader reads dates as text)
    doc = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
  } catch (e) {
    const line = e.mark ? e.mark.line + 1 : 1, column = e.mark ? e.mark.column + 1 : 1;
    return [{ line, column, text: name + ':' + line + ':' + column + ': YAML: ' + (e.reason || e.message) }];
  }
  if (schemaValidator(doc)) return [];
  const seen = new Set();
  const out = [];
  for (const e of schemaValidator.errors) {
    // anyOf/oneOf/if report their branches' errors too; the branch errors say more
    if (['anyOf', 'oneOf', 'if'].includes(e.keyword)) continue;
    let ptr = e.dataPath;
    let msg = e.message;
    if (e.keyword === 'required') msg = "missing field '" + e.params.missingProperty + "'";
    if (e.keyword === 'additionalProperties') { ptr += '/' + e.params.additionalProperty; msg = "unknown field '" + e.params.additionalProperty + "'"; }
    if (e.keyword === 'enum') msg += ': ' + e.params.allowedValues.join(', ');
    const at = locate(text, ptr);
    const t = name + ':' + at.line + ':' + at.column + ': ' + (field(ptr) || '(top)') + ': ' + msg;
    if (!seen.has(t)) { seen.add(t); out.push({ line: at.line, column: at.column, text: t }); }
    if (out.length >= 20) break;
  }
  return out;
}
function checkSchema() {
  const ul = $('#schema-problems');
  if (!schemaValidator) { ul.replaceChildren(el('li', { class: 'none' }, 'The schema is loading…')); return; }
  const name = $('#scenario-name').value.trim() || 'scenario.yaml';
  const ps = schemaProblems(name, $('#editor').value);
  ul.replaceChildren(...(ps.length ? ps.map((p) => {
    const li = el('li', { class: 'problem', 'data-line': p.line, 'data-column': p.column }, p.text);
    li.addEventListener('click', () => goTo(p.line, p.column));
    return li;
  }) : [el('li', { class: 'ok' }, 'Matches the schema.')]));
}
let typing = null;
let schemaTyping = null;
$('#editor').addEventListener('input', () => {
  $('#editor-state').textContent = 'edited';
  clearTimeout(schemaTyping);
  schemaTyping = setTimeout(checkSchema, 150);
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

// ---- computations on the server's queue, followed by server-sent events
async function startJob(prefix, body, describe, onDone) {
  $('#' + prefix + '-status').textContent = 'starting…';
  $('#' + prefix + '-progress').value = 0;
  let job;
  try {
    job = await api('/api/runs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch (e) {
    $('#' + prefix + '-status').replaceChildren(el('span', { class: 'error' }, e.message));
    return;
  }
  const src = new EventSource('/api/runs/' + job.id + '/events');
  const update = (j) => {
    const bar = $('#' + prefix + '-progress');
    bar.max = Math.max(1, j.total);
    bar.value = j.done;
    $('#' + prefix + '-status').textContent = j.state === 'running' ? describe(j) : j.state;
  };
  src.addEventListener('progress', (e) => update(JSON.parse(e.data)));
  src.addEventListener('done', (e) => { src.close(); const j = JSON.parse(e.data); update(j); onDone(j); });
  src.addEventListener('failed', (e) => {
    src.close();
    const j = JSON.parse(e.data);
    $('#' + prefix + '-status').replaceChildren(el('span', { class: 'error' }, 'failed: ' + j.error));
  });
  src.onerror = () => src.close();
}
const SVGNS = 'http://www.w3.org/2000/svg';
function svgEl(tag, attrs, text) {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}
function svgBox(w, h, label) {
  return svgEl('svg', { width: w, height: h, viewBox: '0 0 ' + w + ' ' + h, role: 'img', 'aria-label': label });
}
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
const fmt = (v, d) => (v === null || v === undefined || Number.isNaN(v)) ? '–' : Number(v).toFixed(d);

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

// ---- one run: the timeline of explain beside a map of the theaters, week by week
function fillTlPolicies() {
  $('#tl-policies').replaceChildren(...(policiesOf[$('#tl-scenario').value] || []).map((p) => el('option', { value: p }, p)));
}
$('#tl-scenario').addEventListener('change', fillTlPolicies);
$('#tl-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  $('#tl-summary').replaceChildren();
  $('#tl-cols').hidden = true;
  startJob('tl', { kind: 'explain', scenario: $('#tl-scenario').value, seed: Number($('#tl-seed').value), run: Number($('#tl-run').value),
    policies: Array.from($('#tl-policies').selectedOptions).map((o) => o.value) }, () => 'replaying', showTimeline);
});
let tl = null;
async function showTimeline(j) {
  const r = j.result;
  // colours go first to the actors that control a theater in some week (they fill the
  // circles), so that those differ; the map and the table show the actors with forces or control
  const controls = new Set(), present = new Set();
  for (const w of [...r.weeks, r.end]) {
    (w.control || []).forEach((c) => { if (c) { controls.add(c); present.add(c); } });
    for (const [a, f] of Object.entries(w.forces || {})) if (f.some((x) => x > 0)) present.add(a);
  }
  const colour = {};
  const ranked = [...r.actors.filter((a) => controls.has(a.id)), ...r.actors.filter((a) => !controls.has(a.id))];
  ranked.forEach((a, i) => { colour[a.id] = PALETTE[i % PALETTE.length]; });
  const shown = r.actors.filter((a) => present.has(a.id));
  const drawn = r.actors.filter((a) => a.motive).map((a) => a.id + ': motive ' + a.motive + ', resolve ' + a.resolve).join('; ');
  $('#tl-summary').replaceChildren(el('p', { id: 'tl-outcome' }, r.scenario + ', run ' + r.run + ' of seed ' + r.seed + ' (run seed ' + r.runSeed + '); policies: ' +
    (r.policies.length ? r.policies.join(', ') : '(none)') + '. Outcome: ' + r.outcome.id + ' at week ' + r.outcome.week + ' (' + r.end.date + '); highest rung ' +
    r.outcome.highestRung + ' (' + r.outcome.highestRungName + ').'), el('p', { class: 'hint' }, 'Private types drawn for this run: ' + (drawn || '(none)')));
  const list = $('#tl-timeline');
  list.replaceChildren();
  for (const w of r.weeks) {
    if (!w.decisions.length && !w.notes.length) continue;
    const h = el('h4', { 'data-week': w.week }, w.date + ' (week ' + w.week + ')');
    h.addEventListener('click', () => setWeek(w.week));
    const ul = el('ul');
    for (const d of w.decisions) {
      const cls = d.rung >= 6 ? 'nuclear' : d.action === 'attack' ? 'attack' : '';
      ul.append(el('li', { class: cls }, d.actor + ' → ' + d.target + ' ' + d.action + (d.theater ? ' in ' + d.theater : '') +
        (d.cameo ? ' [CAMEO ' + d.cameo + ', Goldstein ' + (d.goldstein >= 0 ? '+' : '') + d.goldstein.toFixed(1) + ']' : '')));
    }
    for (const n of w.notes) ul.append(el('li', { class: 'note' }, n));
    list.append(h, ul);
  }
  $('#tl-cols').hidden = false;
  const box = $('#tl-map');
  box.innerHTML = await api('/api/world.svg');
  const svg = box.querySelector('svg');
  const lats = r.theaters.map((t) => t.lat), lons = r.theaters.map((t) => t.lon);
  const padLon = Math.max(4, (Math.max(...lons) - Math.min(...lons)) * 0.12), padLat = Math.max(3, (Math.max(...lats) - Math.min(...lats)) * 0.15);
  let x0 = Math.min(...lons) - padLon, x1 = Math.max(...lons) + 3 * padLon, /* room for the labels */ y0 = -Math.max(...lats) - padLat, y1 = -Math.min(...lats) + padLat;
  svg.setAttribute('viewBox', x0 + ' ' + y0 + ' ' + (x1 - x0) + ' ' + (y1 - y0));
  const unit = Math.max(x1 - x0, y1 - y0) / 100;
  const overlay = svgEl('g', { id: 'tl-overlay' });
  svg.append(overlay);
  const idx = {};
  r.theaters.forEach((t, i) => { idx[t.id] = i; });
  for (const t of r.theaters) {
    for (const a of t.adjacent) {
      if (idx[a] !== undefined && a > t.id) {
        const u = r.theaters[idx[a]];
        overlay.append(svgEl('line', { x1: t.lon, y1: -t.lat, x2: u.lon, y2: -u.lat, stroke: '#999', 'stroke-width': unit * 0.2, 'stroke-dasharray': unit + ' ' + unit }));
      }
    }
  }
  const legend = $('#tl-legend');
  legend.replaceChildren('Control: ', ...r.actors.filter((a) => controls.has(a.id)).flatMap((a) => [el('span', { class: 'legend-swatch', style: 'background:' + colour[a.id] }), a.id + ' ']),
    el('br'), 'Circle: the theater, filled with the colour of the actor in control; beside it, forces there (thousands). ',
    el('span', { class: 'legend-swatch', style: 'background:#ff9800' }), 'ring: attacked this week ',
    el('span', { class: 'legend-swatch', style: 'background:#d00' }), 'ring: nuclear strike this week');
  // labels (name, and forces below it) right of each point, moved up or down past the labels
  // already placed where they would overlap (theaters lie close together)
  const dy = new Array(r.theaters.length).fill(0);
  const placed = [];
  const order = r.theaters.map((t, i) => i).sort((a, b) => r.theaters[b].lat - r.theaters[a].lat);
  for (const i of order) {
    const t = r.theaters[i];
    const bx0 = t.lon + unit * 2.2, bx1 = bx0 + Math.max(t.id.length * 1.8, 20) * unit;
    const free = (d) => placed.every((b) => bx1 < b.x0 || bx0 > b.x1 || -t.lat + d + unit * 3 < b.y0 || -t.lat + d - unit * 2.6 > b.y1);
    const tries = [0];
    for (let k = 1; k <= 8; k++) tries.push(k * unit * 2.9, -k * unit * 2.9);
    const d = tries.find(free);
    dy[i] = d === undefined ? 0 : d;
    placed.push({ x0: bx0, x1: bx1, y0: -t.lat + dy[i] - unit * 2.6, y1: -t.lat + dy[i] + unit * 3 });
  }
  tl = { r, svg, overlay: svgEl('g'), unit, colour, idx, dy, shown };
  svg.append(tl.overlay);
  const slider = $('#tl-week');
  slider.max = r.weeks.length - 1;
  setWeek(0);
}
function setWeek(week) {
  if (!tl) return;
  const { r, unit, colour, dy, shown } = tl;
  const w0 = r.weeks[Math.max(0, Math.min(week, r.weeks.length - 1))];
  // a week the run ended in before anyone decided has no state of its own: the run's end
  const w = w0.control ? w0 : { ...w0, control: r.end.control, forces: r.end.forces };
  $('#tl-week').value = w.week;
  $('#tl-week-label').textContent = w.date + ' (week ' + w.week + ' of ' + r.outcome.week + ')';
  const list = $('#tl-timeline');
  document.querySelectorAll('#tl-timeline h4').forEach((h) => {
    const on = Number(h.dataset.week) === w.week;
    h.classList.toggle('current', on);
    if (on) list.scrollTop = h.offsetTop - list.offsetTop;
  });
  const g = tl.overlay;
  g.replaceChildren();
  const hit = {};
  for (const d of w.decisions) {
    if (d.theater && (d.action === 'attack' || d.rung >= 6)) hit[d.theater] = Math.max(hit[d.theater] || 0, d.rung >= 6 ? 2 : 1);
  }
  const table = $('#tl-state');
  table.replaceChildren(el('caption', {}, 'Start of week ' + w.week + ': control and forces (thousands)'),
    el('tr', {}, el('th', {}, 'theater'), el('th', {}, 'control'), ...shown.map((a) => el('th', {}, a.id)), el('th', {}, 'this week')));
  r.theaters.forEach((t, i) => {
    const c = w.control[i];
    if (hit[t.id]) g.append(svgEl('circle', { cx: t.lon, cy: -t.lat, r: unit * 3.2, fill: 'none', stroke: hit[t.id] === 2 ? '#d00' : '#ff9800', 'stroke-width': unit * 0.8 }));
    g.append(svgEl('circle', { class: 'theater', 'data-theater': t.id, cx: t.lon, cy: -t.lat, r: unit * 1.8, fill: c ? colour[c] : '#fff', stroke: '#222', 'stroke-width': unit * 0.25 }));
    const f = w.forces ? r.actors.filter((a) => w.forces[a.id][i] > 0).map((a) => a.id + ' ' + Math.round(w.forces[a.id][i])) : [];
    if (dy[i]) g.append(svgEl('line', { x1: t.lon + unit * 1.8, y1: -t.lat, x2: t.lon + unit * 2.4, y2: -t.lat + dy[i] - unit * 0.8, stroke: '#555', 'stroke-width': unit * 0.15 }));
    g.append(svgEl('text', { x: t.lon + unit * 2.4, y: -t.lat + dy[i] - unit * 0.2, 'font-size': unit * 2.4, 'font-weight': 'bold', stroke: '#fff', 'stroke-width': unit * 0.5, 'paint-order': 'stroke' }, t.id));
    if (f.length) g.append(svgEl('text', { x: t.lon + unit * 2.4, y: -t.lat + dy[i] + unit * 2.3, 'font-size': unit * 1.9, stroke: '#fff', 'stroke-width': unit * 0.4, 'paint-order': 'stroke' }, f.join(' · ')));
    table.append(el('tr', { 'data-theater': t.id }, el('td', {}, t.id), el('td', { class: 'control' }, c || 'none'),
      ...shown.map((a) => el('td', {}, w.forces[a.id][i].toFixed(1))),
      el('td', {}, hit[t.id] === 2 ? 'nuclear strike' : hit[t.id] ? 'attacked' : '')));
  });
}
$('#tl-week').addEventListener('input', () => setWeek(Number($('#tl-week').value)));

// ---- sensitivity: a tornado of the parameters' effects
$('#sens-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  $('#sens-results').replaceChildren();
  startJob('sens', { kind: 'sensitivity', scenario: $('#sens-scenario').value, method: $('#sens-method').value,
    samples: Number($('#sens-samples').value), runsPerPoint: Number($('#sens-rpp').value), output: $('#sens-output').value.trim(),
    seed: Number($('#sens-seed').value) }, (j) => 'design points: ' + j.done + ' of ' + j.total + ' runs', showSensitivity);
});
function tornado(r) {
  const morris = r.method !== 'sobol';
  const ps = r.parameters.slice(0, 15);
  const left = 200, width = 520, rowH = 24, top = 34;
  const g = svgBox(left + width + 180, top + rowH * ps.length + 64, 'Tornado chart of the parameters\' effects');
  let lo, hi;
  if (morris) {
    const m = Math.max(1e-6, ...ps.map((p) => Math.max(p.mu_star || 0, Math.abs(p.mu || 0))));
    lo = -m; hi = m;
  } else {
    lo = 0; hi = Math.max(1e-6, ...ps.map((p) => Math.max(p.ST_hi || 0, p.ST || 0, p.S1 || 0)));
  }
  const xs = (v) => left + width * (v - lo) / (hi - lo);
  for (let t = 0; t <= 4; t++) {
    const v = lo + (hi - lo) * t / 4;
    g.append(svgEl('line', { x1: xs(v), y1: top, x2: xs(v), y2: top + rowH * ps.length, stroke: '#d5d8dc', 'stroke-dasharray': '4 3' }));
    g.append(svgEl('text', { x: xs(v), y: top + rowH * ps.length + 14, 'text-anchor': 'middle', 'font-size': 10 },
      morris ? (v >= 0 ? '+' : '') + (100 * v).toFixed(1) + ' pp' : v.toFixed(2)));
  }
  g.append(svgEl('text', { x: left + width / 2, y: top + rowH * ps.length + 32, 'text-anchor': 'middle', 'font-size': 11 },
    morris ? 'effect on P(' + r.output + ') of moving the parameter over its whole range (percentage points)'
      : 'share of the variance of P(' + r.output + ')'));
  ps.forEach((p, i) => {
    const y = top + i * rowH;
    g.append(svgEl('text', { x: left - 8, y: y + rowH / 2 + 4, 'text-anchor': 'end', 'font-size': 11 }, p.name));
    if (morris) {
      const x0 = xs(0), sgn = (p.mu || 0) < 0 ? -1 : 1;
      const xs1 = xs(sgn * (p.mu_star || 0));
      g.append(svgEl('rect', { x: Math.min(x0, xs1), y: y + 3, width: Math.abs(xs1 - x0), height: rowH - 6, fill: 'none', stroke: '#333' }));
      const xm = xs(p.mu || 0);
      g.append(svgEl('rect', { x: Math.min(x0, xm), y: y + 6, width: Math.abs(xm - x0), height: rowH - 12, fill: (p.mu || 0) < 0 ? '#2e6da4' : '#c0392b' }));
      g.append(svgEl('text', { x: left + width + 6, y: y + rowH / 2 + 4, 'font-size': 10 }, 'μ* ' + fmt(p.mu_star, 4) + '  σ ' + fmt(p.sigma, 4)));
    } else {
      const x0 = xs(0);
      g.append(svgEl('rect', { x: x0, y: y + 3, width: Math.max(0, xs(p.ST || 0) - x0), height: rowH - 6, fill: 'none', stroke: '#333' }));
      g.append(svgEl('rect', { x: x0, y: y + 7, width: Math.max(0, xs(Math.max(0, p.S1 || 0)) - x0), height: rowH - 14, fill: '#c0392b' }));
      g.append(svgEl('line', { x1: xs(Math.max(0, p.ST_lo || 0)), x2: xs(p.ST_hi || 0), y1: y + rowH / 2, y2: y + rowH / 2, stroke: '#000' }));
      g.append(svgEl('text', { x: left + width + 6, y: y + rowH / 2 + 4, 'font-size': 10 }, 'S1 ' + fmt(p.S1, 3) + '  ST ' + fmt(p.ST, 3)));
    }
  });
  if (morris) g.append(svgEl('line', { x1: xs(0), y1: top - 4, x2: xs(0), y2: top + rowH * ps.length, stroke: '#1c2833', 'stroke-width': 1.5 }));
  // legend
  const ly = 12;
  const items = morris ? [['#c0392b', 'μ > 0: raises P(' + r.output + ')'], ['#2e6da4', 'μ < 0: lowers it'], ['none', 'outline: μ* (mean absolute effect)']]
    : [['#c0392b', 'S1 (first order)'], ['none', 'outline: ST (total), line: its 95% interval']];
  let lx = left;
  for (const [c, t] of items) {
    g.append(svgEl('rect', { x: lx, y: ly - 9, width: 14, height: 10, fill: c, stroke: c === 'none' ? '#333' : c }));
    g.append(svgEl('text', { x: lx + 18, y: ly, 'font-size': 11 }, t));
    lx += 30 + 6.2 * t.length;
  }
  return g;
}
function showSensitivity(j) {
  const r = j.result;
  const morris = r.method !== 'sobol';
  const box = $('#sens-results');
  const head = ['rank', 'parameter', 'low', 'high', ...(morris ? ['μ*', 'μ', 'σ'] : ['S1', 'S1 95%', 'ST', 'ST 95%'])];
  const t = el('table', { id: 'sens-table' }, el('caption', {}, 'Parameters ranked by ' + (morris ? 'Morris μ* (probability per whole range)' : 'total Sobol index ST')),
    el('tr', {}, ...head.map((h) => el('th', {}, h))));
  r.parameters.forEach((p, i) => {
    const cells = morris ? [fmt(p.mu_star, 4), fmt(p.mu, 4), fmt(p.sigma, 4)]
      : [fmt(p.S1, 3), '[' + fmt(p.S1_lo, 2) + ', ' + fmt(p.S1_hi, 2) + ']', fmt(p.ST, 3), '[' + fmt(p.ST_lo, 2) + ', ' + fmt(p.ST_hi, 2) + ']'];
    t.append(el('tr', { 'data-parameter': p.name }, el('td', {}, i + 1), el('td', {}, p.name), el('td', {}, p.low), el('td', {}, p.high),
      ...cells.map((c, k) => el('td', { class: k === 0 ? 'effect' : '' }, c))));
  });
  const range = r.outputMin === r.outputMax
    ? 'The output did not change at any design point: P(' + r.output + ') = ' + fmt(r.outputMin, 4) + ' everywhere; no parameter can be ranked.'
    : 'P(' + r.output + ') ranged from ' + fmt(r.outputMin, 4) + ' to ' + fmt(r.outputMax, 4) + ' over the design points.';
  box.replaceChildren(el('p', {}, 'sensitivity ' + j.scenario + ': output ' + r.output + ', method ' + r.method + ', ' + r.parameters.length +
    ' factors (' + r.factors + '), ' + r.points + ' points × ' + r.runsPerPoint + ' runs, seed ' + r.seed + (j.storedId ? '; stored as result ' + j.storedId : '') + '. ' + range),
  el('div', { class: 'chart', id: 'tornado' }, tornado(r)), t);
}

// ---- competing hypotheses: the ACH table and the posterior
async function loadEvidence() {
  const sel = $('#hyp-evidence');
  if (sel.options.length > 1) return;
  const files = await api('/api/evidence');
  for (const f of files) sel.append(el('option', { value: f }, f));
  if (files.length) { sel.value = files[0]; await showEvidence(); }
  const sc = $('#hyp-scenario');
  const match = files.length && Array.from(sc.options).find((o) => o.value === files[0]);
  if (match) sc.value = files[0];
}
async function showEvidence() {
  const name = $('#hyp-evidence').value;
  if (name) $('#hyp-text').value = await api('/api/evidence/' + encodeURIComponent(name));
}
$('#hyp-evidence').addEventListener('change', showEvidence);
let evidenceEdited = false;
$('#hyp-text').addEventListener('input', () => { evidenceEdited = true; $('#hyp-evidence').value = ''; });
$('#hyp-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  $('#hyp-results').replaceChildren();
  const body = { kind: 'hypotheses', scenario: $('#hyp-scenario').value, runs: Number($('#hyp-runs').value),
    seed: Number($('#hyp-seed').value), likelihood: $('#hyp-likelihood').value };
  if ($('#hyp-evidence').value) body.evidence = $('#hyp-evidence').value; else body.evidenceText = $('#hyp-text').value;
  startJob('hyp', body, (j) => 'ensembles: ' + j.done + ' of ' + j.total + ' runs', showHypotheses);
});
function posteriorChart(actor, hs) {
  const left = 170, width = 420, rowH = 24, top = 22;
  const g = svgBox(left + width + 150, top + rowH * hs.length + 46, 'Posterior over ' + actor + '\'s motive hypotheses');
  const xs = (v) => left + width * v;
  for (let t = 0; t <= 4; t++) {
    g.append(svgEl('line', { x1: xs(t / 4), y1: top, x2: xs(t / 4), y2: top + rowH * hs.length, stroke: '#d5d8dc', 'stroke-dasharray': '4 3' }));
    g.append(svgEl('text', { x: xs(t / 4), y: top + rowH * hs.length + 14, 'text-anchor': 'middle', 'font-size': 10 }, (25 * t) + '%'));
  }
  g.append(svgEl('text', { x: left + width / 2, y: top + rowH * hs.length + 32, 'text-anchor': 'middle', 'font-size': 11 }, 'probability of the hypothesis'));
  hs.forEach(([id, h], i) => {
    const y = top + i * rowH;
    g.append(svgEl('text', { x: left - 8, y: y + rowH / 2 + 4, 'text-anchor': 'end', 'font-size': 11 }, id));
    g.append(svgEl('rect', { x: left, y: y + 4, width: xs(h.prior) - left, height: rowH - 8, fill: 'none', stroke: '#888' }));
    g.append(svgEl('rect', { x: left, y: y + 7, width: xs(h.p) - left, height: rowH - 14, fill: '#1f77b4' }));
    const a = Math.max(0, h.p - 1.96 * h.pSe), b = Math.min(1, h.p + 1.96 * h.pSe);
    g.append(svgEl('line', { x1: xs(a), x2: xs(b), y1: y + rowH / 2, y2: y + rowH / 2, stroke: '#000', 'stroke-width': 1.5 }));
    g.append(svgEl('text', { x: left + width + 6, y: y + rowH / 2 + 4, 'font-size': 10 }, pct(h.p) + ' ± ' + (196 * h.pSe).toFixed(1) + ' pp'));
  });
  g.append(svgEl('rect', { x: left, y: 4, width: 14, height: 10, fill: '#1f77b4' }));
  g.append(svgEl('text', { x: left + 18, y: 13, 'font-size': 11 }, 'posterior, with its Monte Carlo 95% interval (±1.96 se)'));
  g.append(svgEl('rect', { x: left + 330, y: 4, width: 14, height: 10, fill: 'none', stroke: '#888' }));
  g.append(svgEl('text', { x: left + 348, y: 13, 'font-size': 11 }, 'prior'));
  return g;
}
function showHypotheses(j) {
  const r = j.result;
  const box = $('#hyp-results');
  box.replaceChildren(el('p', {}, 'hypotheses ' + j.scenario + ', evidence ' + j.evidence + ': ' + r.items.length + ' items' +
    (r.beyondHorizon.length ? ' (beyond the horizon, not evaluated: ' + r.beyondHorizon.join(', ') + ')' : '') + '; ' + r.runs +
    ' runs per hypothesis, seed ' + r.seed + ', ' + r.likelihood + ' likelihood' + (j.storedId ? '; stored as result ' + j.storedId : '')));
  for (const [actor, post] of Object.entries(r.posterior)) {
    const hs = Object.entries(post);
    box.append(el('h3', {}, 'Actor ' + actor + ': posterior over motive hypotheses'));
    box.append(el('div', { class: 'chart' }, posteriorChart(actor, hs)));
    const t = el('table', { class: 'ach', id: 'ach-' + actor }, el('caption', {}, 'ACH table: share of runs that reproduce each item (C consistent, I inconsistent, N neutral, relative to the other hypotheses); + observed event, − non-event'),
      el('tr', {}, el('th', {}, 'evidence'), ...hs.map(([id]) => el('th', {}, id))));
    for (const it of r.items) {
      t.append(el('tr', {}, el('td', {}, (it.observed ? '+ ' : '− ') + it.id + ' (weeks ' + it.fromWeek + '–' + it.toWeek + ')'),
        ...hs.map(([id]) => {
          const c = r.ach[actor][id][it.id];
          const L = c.label.charAt(0).toUpperCase();
          return el('td', { class: L }, (100 * c.frequency).toFixed(1) + '% ' + L);
        })));
    }
    t.append(el('tr', {}, el('td', {}, 'prior'), ...hs.map(([, h]) => el('td', {}, pct(h.prior)))));
    t.append(el('tr', {}, el('td', {}, 'runs consistent with all items'), ...hs.map(([, h]) => el('td', {}, h.consistentRuns + ' / ' + h.runs))));
    t.append(el('tr', {}, el('td', {}, 'likelihood (Monte Carlo se)'), ...hs.map(([, h]) => el('td', {}, Number(h.likelihood).toExponential(3) + ' (' + Number(h.se).toExponential(1) + ')'))));
    t.append(el('tr', { class: 'posterior' }, el('td', {}, 'posterior (se, pp)'), ...hs.map(([id, h]) => el('td', { 'data-hypothesis': id }, pct(h.p) + ' (' + (100 * h.pSe).toFixed(1) + ')'))));
    box.append(t);
  }
  if (r.rarelyReproduced.length) box.append(el('p', { class: 'hint' }, 'Reproduced in under 1% of runs under every hypothesis (they weigh mostly through Monte Carlo noise): ' + r.rarelyReproduced.join(', ')));
}

// ---- negotiation: positions turn by turn
$('#barg-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  $('#barg-results').replaceChildren();
  startJob('barg', { kind: 'bargain', scenario: $('#barg-scenario').value }, (j) => 'turn ' + j.done, showBargain);
});
function roundsChart(r, k) {
  const actors = r.input.actors.map((a) => a.name);
  const left = 50, width = 420, top = 16, height = 200;
  const g = svgBox(left + width + 110, top + height + 44, 'Positions on ' + r.input.dimensions[k] + ', turn by turn');
  const turns = r.positions.length - 1;
  let lo = Infinity, hi = -Infinity;
  for (const t of r.positions) for (const a of t) { lo = Math.min(lo, a[k]); hi = Math.max(hi, a[k]); }
  if (lo >= 0 && hi <= 100) { lo = 0; hi = 100; }
  if (hi <= lo) hi = lo + 1;
  const xs = (t) => left + width * t / Math.max(1, turns);
  const ys = (v) => top + height - height * (v - lo) / (hi - lo);
  for (let i = 0; i <= 4; i++) {
    const v = lo + (hi - lo) * i / 4;
    g.append(svgEl('line', { x1: left, x2: left + width, y1: ys(v), y2: ys(v), stroke: '#e1e4e8' }));
    g.append(svgEl('text', { x: left - 6, y: ys(v) + 4, 'text-anchor': 'end', 'font-size': 10 }, Number(v.toFixed(1))));
  }
  const step = Math.max(1, Math.ceil(turns / 10));
  for (let t = 0; t <= turns; t += step) g.append(svgEl('text', { x: xs(t), y: top + height + 14, 'text-anchor': 'middle', 'font-size': 10 }, t));
  g.append(svgEl('text', { x: left + width / 2, y: top + height + 32, 'text-anchor': 'middle', 'font-size': 11 }, 'turn'));
  g.append(svgEl('text', { x: 12, y: top + height / 2, 'text-anchor': 'middle', 'font-size': 11, transform: 'rotate(-90 12 ' + (top + height / 2) + ')' }, 'position'));
  actors.forEach((a, i) => {
    const d = r.positions.map((t, n) => (n ? 'L' : 'M') + xs(n).toFixed(1) + ' ' + ys(t[i][k]).toFixed(1)).join('');
    g.append(svgEl('path', { d, stroke: PALETTE[i % PALETTE.length], 'stroke-width': 2, fill: 'none' }));
    g.append(svgEl('line', { x1: left + width + 12, x2: left + width + 30, y1: top + 8 + 16 * i, y2: top + 8 + 16 * i, stroke: PALETTE[i % PALETTE.length], 'stroke-width': 3 }));
    g.append(svgEl('text', { x: left + width + 34, y: top + 12 + 16 * i, 'font-size': 11 }, a));
  });
  const yo = ys(r.outcome[r.input.dimensions[k]]);
  g.append(svgEl('line', { x1: left, x2: left + width, y1: yo, y2: yo, stroke: '#000', 'stroke-dasharray': '5 3' }));
  g.append(svgEl('line', { x1: left + width + 12, x2: left + width + 30, y1: top + 8 + 16 * actors.length, y2: top + 8 + 16 * actors.length, stroke: '#000', 'stroke-dasharray': '5 3' }));
  g.append(svgEl('text', { x: left + width + 34, y: top + 12 + 16 * actors.length, 'font-size': 11 }, 'outcome'));
  return g;
}
function showBargain(j) {
  const r = j.result;
  const box = $('#barg-results');
  const dims = r.input.dimensions;
  box.replaceChildren(el('p', {}, 'bargain ' + j.scenario + ' — ' + r.input.name + ': ' + r.input.actors.length + ' actors, ' + dims.length +
    ' issues, ' + r.turns + ' turns (seed ' + r.seed + ', ' + r.parameters.VotingRule + ' voting, ' + r.parameters.StateTransitions.toLowerCase() + ' transitions)'));
  const t = el('table', { id: 'barg-outcome' }, el('caption', {}, 'Forecast outcome per issue (capability- and salience-weighted, and the probabilistic Condorcet election)'),
    el('tr', {}, el('th', {}, 'issue'), el('th', {}, 'outcome'), el('th', {}, 'PCE outcome'), ...r.input.actors.map((a) => el('th', {}, a.name + ' at turn 0'))));
  dims.forEach((d, k) => t.append(el('tr', { 'data-issue': d }, el('td', {}, d), el('td', { class: 'outcome' }, fmt(r.outcome[d], 2)), el('td', {}, fmt(r.pceOutcome[d], 2)),
    ...r.input.actors.map((a) => el('td', {}, fmt(a.position[k], 1))))));
  box.append(t);
  const charts = el('div', { class: 'charts' });
  dims.forEach((d, k) => charts.append(el('div', { class: 'chart' }, el('h4', {}, d + ': positions per turn'), roundsChart(r, k))));
  box.append(charts);
  const w = el('table', { id: 'barg-win' }, el('caption', {}, 'Final win probability'), el('tr', {}, el('th', {}, 'actor'), el('th', {}, 'p')));
  for (const [a, p] of Object.entries(r.finalWinProbability)) w.append(el('tr', {}, el('td', {}, a), el('td', {}, fmt(p, 4))));
  box.append(w);
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
  if (r.summary.command === 'sensitivity' && r.summary.parameters) box.append(el('div', { class: 'chart' }, tornado(r.summary)));
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
  loadSchema().then(() => { if ($('#editor').value) checkSchema(); }, (e) => $('#schema-problems').replaceChildren(el('li', { class: 'problem' }, 'schema: ' + e.message)));
  await loadLibrary();
  show(location.hash.slice(1) || 'scenarios');
})();
