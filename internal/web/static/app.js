// dyad web UI. Every node is built with createElement and textContent:
// story text, titles, names and quotes are data and never parsed as HTML.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';

// el builds an element. props sets only what is listed here; children are
// nodes or strings (made text nodes).
function el(tag, props, ...children) {
  const e = document.createElement(tag);
  setProps(e, props);
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    e.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return e;
}

// quoteEl shows a quote; one whose text keeps its own quotation marks is
// not given a second pair.
function quoteEl(text) {
  return el('q', /^["\u201c\u201d'\u2018\u2019\u00ab\u00bb]/.test(text) ? { class: 'marked' } : null, text);
}

function svg(tag, attrs, ...children) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return e;
}

function setProps(e, props) {
  if (!props) return;
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null) continue;
    switch (k) {
      case 'class': e.className = v; break;
      case 'title': e.title = v; break;
      case 'data': for (const [dk, dv] of Object.entries(v)) e.dataset[dk] = String(dv); break;
      case 'href': e.href = String(v).startsWith('#') ? v : '#'; break; // internal links only
      case 'onclick': e.addEventListener('click', v); break;
      case 'bg': e.style.backgroundColor = v; break;
      case 'border': e.style.borderBottomColor = v; break;
      default: throw new Error('el: unsupported property ' + k);
    }
  }
}

const $ = (id) => document.getElementById(id);

function setStatus(msg, isError) {
  const s = $('status');
  s.textContent = msg || '';
  s.className = isError ? 'error' : '';
}

// api calls the JSON API and throws the server's error message.
async function api(path, opts) {
  const resp = await fetch(path, Object.assign({ headers: { 'Accept': 'application/json' } }, opts || {}));
  let body = null;
  try { body = await resp.json(); } catch (e) { /* not JSON */ }
  if (!resp.ok) throw new Error((body && body.error) || (resp.status + ' ' + resp.statusText));
  return body;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== '' && v !== undefined && v !== null && v !== false) q.set(k, String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

// ---- colours ----

// countryColour gives each country a stable light colour.
function countryColour(code) {
  if (!code) return '#e4e4e4';
  let h = 0;
  for (const ch of code) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return 'hsl(' + h + ', 70%, 84%)';
}

function quadColour(q) {
  return ({ 1: '#2e7d32', 2: '#1b5e20', 3: '#e65100', 4: '#b71c1c' })[q] || '#555';
}

// toneColour maps a mean Goldstein score (-10..10) to red-grey-green.
function toneColour(g) {
  const t = Math.max(-1, Math.min(1, g / 6));
  if (t < 0) return 'rgb(' + Math.round(150 + 90 * -t) + ',' + Math.round(150 - 110 * -t) + ',' + Math.round(150 - 110 * -t) + ')';
  return 'rgb(' + Math.round(150 - 110 * t) + ',' + Math.round(150 + 50 * t) + ',' + Math.round(150 - 100 * t) + ')';
}

// ---- the annotated view ----

// byteToIndex maps UTF-8 byte offsets (the contract's) to JavaScript string
// indices (UTF-16); offsets inside a character map to -1.
function byteToIndex(text) {
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i);
    total += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (cp > 0xffff) i++;
  }
  const idx = new Int32Array(total + 1).fill(-1);
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    idx[b] = i;
    const cp = text.codePointAt(i);
    b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (cp > 0xffff) i++;
  }
  idx[b] = text.length;
  return idx;
}

// annotations lists the spans to highlight, in JavaScript indices, each
// with a key (also used by the lists beside the text) and a description.
function annotations(doc) {
  const idx = byteToIndex(doc.text);
  const out = [];
  const add = (start, end, key, kind, info) => {
    if (!(start >= 0 && end > start && end < idx.length)) return;
    const s = idx[start], e = idx[end];
    if (s < 0 || e < 0 || e <= s) return;
    out.push(Object.assign({ s, e, key, kind }, info));
  };
  const entities = doc.entities || [];
  entities.forEach((ent, i) => {
    const country = ent.actor ? (ent.actor.country || (ent.actor.code || '').slice(0, 3)) : '';
    const what = ent.actor ? ent.actor.code + (ent.actor.role ? ' (' + ent.actor.role + ')' : '') : ent.type;
    (ent.mentions || []).forEach((m, j) => add(m.start, m.end, 'm' + i + '-' + j, 'ent',
      { country, tip: (ent.canonical || ent.text) + ': ' + what + ' [' + ent.type + ']' }));
  });
  (doc.events || []).forEach((ev, i) => {
    const c = ev.cameo || {}, p = ev.plover || {};
    const tip = 'event: CAMEO ' + c.code + (c.name ? ' ' + c.name : '') + ' | PLOVER ' + (p.type || '-') +
      ' | ' + (ev.source.code || '?') + ' \u2192 ' + (ev.target.code || '?') +
      ' | Goldstein ' + c.goldstein + (ev.date ? ' | ' + ev.date : '') + (ev.negated ? ' | negated' : '');
    add(ev.trigger.start, ev.trigger.end, 't' + i, 'trig', { quad: c.quad_class, tip });
  });
  (doc.quotes || []).forEach((q, i) => {
    const who = q.speaker.name || q.speaker.text || (q.speaker.anonymous ? 'anonymous' : 'unknown');
    add(q.start, q.end, 'q' + i, 'quote', { tip: 'quote (' + q.kind + ') by ' + who + (q.speaker.code ? ' ' + q.speaker.code : '') });
    if (q.speaker.end > q.speaker.start) {
      add(q.speaker.start, q.speaker.end, 's' + i, 'speaker', { tip: 'speaker of quote ' + (i + 1) });
    }
  });
  (doc.times || []).forEach((t, i) => add(t.start, t.end, 'x' + i, 'time',
    { tip: 'time: ' + t.type + ' = ' + t.value }));
  return out;
}

// renderText cuts the text at every annotation boundary and wraps each
// piece in a span carrying the keys of the annotations covering it.
function renderText(doc, box) {
  box.replaceChildren();
  const anns = annotations(doc);
  const cuts = new Set([0, doc.text.length]);
  for (const a of anns) { cuts.add(a.s); cuts.add(a.e); }
  const points = [...cuts].sort((x, y) => x - y);
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k], b = points[k + 1];
    const piece = doc.text.slice(a, b);
    const cover = anns.filter((x) => x.s <= a && x.e >= b);
    if (cover.length === 0) {
      box.append(document.createTextNode(piece));
      continue;
    }
    const kinds = new Set(cover.map((x) => x.kind));
    const span = el('span', {
      class: [...kinds].join(' '),
      title: cover.map((x) => x.tip).join('\n'),
      data: { ann: cover.map((x) => x.key).join(' ') },
    }, piece);
    const ent = cover.find((x) => x.kind === 'ent');
    if (ent) span.style.backgroundColor = countryColour(ent.country);
    const trig = cover.find((x) => x.kind === 'trig');
    if (trig) span.style.borderBottomColor = quadColour(trig.quad);
    box.append(span);
  }
}

function focusKeys(keys) {
  document.querySelectorAll('#doc-text .focus').forEach((n) => n.classList.remove('focus'));
  for (const k of keys) {
    document.querySelectorAll('#doc-text [data-ann~="' + k + '"]').forEach((n) => n.classList.add('focus'));
  }
  const first = document.querySelector('#doc-text .focus');
  if (first) first.scrollIntoView({ block: 'nearest' });
}

function renderDoc(doc) {
  $('result').hidden = false;
  $('doc-title').textContent = doc.title || doc.id || '(untitled)';
  $('doc-meta').textContent = [doc.published && 'published ' + doc.published, doc.source, doc.url,
    (doc.sentences || []).length + ' sentences'].filter(Boolean).join(' \u00b7 ');
  renderText(doc, $('doc-text'));

  const countries = new Map();
  for (const ent of doc.entities || []) {
    if (ent.actor) {
      const c = ent.actor.country || (ent.actor.code || '').slice(0, 3);
      if (c) countries.set(c, (countries.get(c) || 0) + 1);
    }
  }
  $('legend').replaceChildren(...[...countries.keys()].sort().map((c) => el('span', { class: 'chip', bg: countryColour(c) }, c)));

  const events = doc.events || [];
  $('n-events').textContent = String(events.length);
  $('event-list').replaceChildren(...events.map((ev, i) => el('li', { data: { event: i }, onclick: () => focusKeys(['t' + i]) },
    el('b', null, ev.source.code || '?'), ' \u2192 ', el('b', null, ev.target.code || '?'), ' ',
    el('span', { class: 'code', border: quadColour(ev.cameo.quad_class) }, ev.cameo.code),
    ' ', ev.cameo.name || '', ev.plover && ev.plover.type ? ' \u00b7 ' + ev.plover.type : '',
    el('div', { class: 'sub' }, '\u201c' + ev.trigger.text + '\u201d', ev.date ? ' \u00b7 ' + ev.date : '',
      ' \u00b7 Goldstein ' + ev.cameo.goldstein))));

  const quotes = doc.quotes || [];
  $('n-quotes').textContent = String(quotes.length);
  $('quote-list').replaceChildren(...quotes.map((q, i) => el('li', { data: { quote: i }, onclick: () => focusKeys(['q' + i, 's' + i]) },
    el('span', { class: 'speaker' }, (q.speaker.name || q.speaker.text || 'unknown') + (q.speaker.code ? ' (' + q.speaker.code + ')' : '')),
    ': ', quoteEl(q.text), q.date ? el('div', { class: 'sub' }, q.date) : null)));

  const entities = doc.entities || [];
  $('n-entities').textContent = String(entities.length);
  $('entity-list').replaceChildren(...entities.map((ent, i) => el('li', {
    data: { entity: i },
    onclick: () => focusKeys((ent.mentions || []).map((_, j) => 'm' + i + '-' + j)),
  }, el('span', { class: 'chip', bg: countryColour(ent.actor ? ent.actor.country : '') }, ent.actor ? ent.actor.code : ent.type),
  ' ', ent.canonical || ent.text, el('span', { class: 'sub' }, ' \u00d7' + (ent.mentions || []).length))));

  const times = doc.times || [];
  $('n-times').textContent = String(times.length);
  $('time-list').replaceChildren(...times.map((t, i) => el('li', { data: { time: i }, onclick: () => focusKeys(['x' + i]) },
    '\u201c' + t.text + '\u201d \u2192 ', el('b', null, t.value), ' ', el('span', { class: 'sub' }, t.type))));
  $('doc-text').dataset.state = 'done';
}

async function annotate(ev) {
  ev.preventDefault();
  const text = $('in-text').value;
  if (!text.trim()) { setStatus('Paste or upload a story first.', true); return; }
  $('doc-text').dataset.state = 'busy';
  setStatus('Annotating\u2026');
  try {
    const doc = await api('/v1/extract', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ title: $('in-title').value, text, published: $('in-date').value }),
    });
    renderDoc(doc);
    setStatus('');
  } catch (e) {
    $('doc-text').dataset.state = 'error';
    setStatus(e.message, true);
  }
}

function upload() {
  const f = $('in-file').files[0];
  if (!f) return;
  f.text().then((t) => {
    // A first line followed by a blank line is taken as the title.
    const m = /^([^\n]{1,200})\r?\n\r?\n([\s\S]*)$/.exec(t);
    if (m && !$('in-title').value) { $('in-title').value = m[1].trim(); t = m[2]; }
    $('in-text').value = t;
  });
}

async function openDocument(id) {
  showView('annotate');
  setStatus('Loading document\u2026');
  try {
    renderDoc(await api('/v1/documents/' + encodeURIComponent(id)));
    setStatus('');
  } catch (e) { setStatus(e.message, true); }
}

// ---- dyad over time ----

let dyadCursor = '';

function dyadParams() {
  return {
    source: $('dy-source').value.trim(), target: $('dy-target').value.trim(),
    symmetric: $('dy-sym').checked && $('dy-source').value.trim() && $('dy-target').value.trim() ? 'true' : '',
    code: $('dy-code').value.trim(), from: $('dy-from').value, to: $('dy-to').value,
  };
}

async function showDyad(ev) {
  if (ev) ev.preventDefault();
  const p = dyadParams();
  setStatus('Loading\u2026');
  try {
    const series = await api('/v1/series' + query(Object.assign({ interval: $('dy-interval').value }, p)));
    drawSeries(series.items, $('dyad-chart'));
    dyadCursor = '';
    $('dyad-events').tBodies[0].replaceChildren();
    await moreDyadEvents();
    setStatus('');
  } catch (e) { setStatus(e.message, true); }
}

async function moreDyadEvents() {
  const page = await api('/v1/events' + query(Object.assign({ limit: 50, cursor: dyadCursor }, dyadParams())));
  const body = $('dyad-events').tBodies[0];
  for (const row of page.items) {
    const e = row.event;
    body.append(el('tr', { data: { doc: row.doc } },
      el('td', null, row.date), el('td', { title: e.source.text }, e.source.code),
      el('td', { title: e.cameo.name || '' }, e.cameo.code + (e.plover.type ? ' ' + e.plover.type : '')),
      el('td', { title: e.target.text }, e.target.code), el('td', null, String(e.cameo.goldstein)),
      el('td', null, el('a', { href: '#annotate', onclick: (x) => { x.preventDefault(); openDocument(row.doc); } }, row.sentence_text))));
  }
  dyadCursor = page.next || '';
  $('dyad-more').hidden = !dyadCursor;
  $('dy-count').textContent = String(body.rows.length) + (dyadCursor ? '+' : '');
}

// drawSeries draws stacked bars of events per bucket (by quad class) and
// a line of the mean Goldstein score on its own scale (-10 to 10).
function drawSeries(items, box) {
  const W = 900, H = 300, L = 44, R = 44, T = 16, B = 40;
  const s = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, class: 'series', role: 'img' });
  s.append(svg('title', {}, 'Events per ' + $('dy-interval').value + ' and mean Goldstein score'));
  if (!items.length) {
    s.append(svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle' }, 'No events for this dyad.'));
    box.replaceChildren(s);
    return;
  }
  const maxN = Math.max(...items.map((b) => b.events));
  const bw = (W - L - R) / items.length;
  const y = (n) => H - B - (n / maxN) * (H - T - B);
  const yg = (g) => T + (10 - g) / 20 * (H - T - B);
  // axes
  s.append(svg('line', { x1: L, y1: H - B, x2: W - R, y2: H - B, class: 'axis' }));
  s.append(svg('text', { x: L - 6, y: y(maxN) + 4, 'text-anchor': 'end', class: 'tick' }, maxN));
  s.append(svg('text', { x: L - 6, y: H - B + 4, 'text-anchor': 'end', class: 'tick' }, 0));
  for (const g of [10, 0, -10]) {
    s.append(svg('text', { x: W - R + 6, y: yg(g) + 4, class: 'tick' }, (g > 0 ? '+' : '') + g));
  }
  s.append(svg('line', { x1: L, y1: yg(0), x2: W - R, y2: yg(0), class: 'zero' }));
  const pts = [];
  items.forEach((b, i) => {
    const x = L + i * bw;
    const g = svg('g', { 'data-bucket': b.start });
    let acc = 0;
    b.quad.forEach((n, q) => {
      if (!n) return;
      g.append(svg('rect', { x: x + 1, y: y(acc + n), width: Math.max(1, bw - 2), height: y(acc) - y(acc + n), fill: quadColour(q + 1) }));
      acc += n;
    });
    if (acc < b.events) { // events without a quad class
      g.append(svg('rect', { x: x + 1, y: y(b.events), width: Math.max(1, bw - 2), height: y(acc) - y(b.events), fill: '#999' }));
    }
    g.append(svg('title', {}, b.start + ': ' + b.events + ' events, mean Goldstein ' + b.mean_goldstein.toFixed(2)));
    s.append(g);
    pts.push((x + bw / 2).toFixed(1) + ',' + yg(b.mean_goldstein).toFixed(1));
    if (items.length <= 24 || i % Math.ceil(items.length / 12) === 0) {
      s.append(svg('text', { x: x + bw / 2, y: H - B + 16, 'text-anchor': 'middle', class: 'tick' }, b.start));
    }
  });
  s.append(svg('polyline', { points: pts.join(' '), class: 'tone' }));
  const legend = [['verbal coop.', 1], ['material coop.', 2], ['verbal conflict', 3], ['material conflict', 4]];
  legend.forEach(([name, q], i) => {
    s.append(svg('rect', { x: L + i * 150, y: H - 14, width: 10, height: 10, fill: quadColour(q) }));
    s.append(svg('text', { x: L + i * 150 + 14, y: H - 5, class: 'tick' }, name));
  });
  s.append(svg('text', { x: L + 600, y: H - 5, class: 'tick tone-label' }, '\u2014 mean Goldstein (right axis)'));
  box.replaceChildren(s);
}

// ---- network ----

async function showNetwork(ev) {
  if (ev) ev.preventDefault();
  setStatus('Loading\u2026');
  try {
    const net = await api('/v1/network' + query({
      by: $('net-by').value, code: $('net-code').value.trim(), min: $('net-min').value,
      from: $('net-from').value, to: $('net-to').value, limit: 150,
    }));
    drawNetwork(net.items, $('network-chart'));
    setStatus('');
  } catch (e) { setStatus(e.message, true); }
}

// drawNetwork places actors on a circle (most active at the top) and draws
// one arrow per edge.
function drawNetwork(edges, box) {
  const W = 900, H = 640, cx = W / 2, cy = H / 2, r = Math.min(W, H) / 2 - 70;
  const s = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, class: 'network', role: 'img' });
  s.append(svg('title', {}, 'Actor network'));
  const defs = svg('defs', {});
  defs.append(svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' },
    svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#666' })));
  s.append(defs);
  if (!edges.length) {
    s.append(svg('text', { x: cx, y: cy, 'text-anchor': 'middle' }, 'No events.'));
    box.replaceChildren(s);
    return;
  }
  const weight = new Map();
  for (const e of edges) {
    weight.set(e.source, (weight.get(e.source) || 0) + e.events);
    weight.set(e.target, (weight.get(e.target) || 0) + e.events);
  }
  const nodes = [...weight.keys()].sort((a, b) => weight.get(b) - weight.get(a) || (a < b ? -1 : 1));
  const pos = new Map();
  nodes.forEach((n, i) => {
    const a = -Math.PI / 2 + 2 * Math.PI * i / nodes.length;
    pos.set(n, [cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  });
  const maxE = Math.max(...edges.map((e) => e.events));
  for (const e of edges) {
    const [x1, y1] = pos.get(e.source), [x2, y2] = pos.get(e.target);
    // curve to the right of the line so that A->B and B->A do not overlap
    const mx = (x1 + x2) / 2 + (y2 - y1) * 0.15, my = (y1 + y2) / 2 - (x2 - x1) * 0.15;
    const d = e.source === e.target
      ? 'M ' + x1 + ' ' + y1 + ' c 40 -60 80 0 0 0'
      : 'M ' + x1.toFixed(1) + ' ' + y1.toFixed(1) + ' Q ' + mx.toFixed(1) + ' ' + my.toFixed(1) + ' ' + x2.toFixed(1) + ' ' + y2.toFixed(1);
    const path = svg('path', {
      d, fill: 'none', stroke: toneColour(e.mean_goldstein), 'stroke-width': (1 + 7 * Math.sqrt(e.events / maxE)).toFixed(2),
      'marker-end': 'url(#arrow)', class: 'edge', 'data-edge': e.source + '>' + e.target,
    }, svg('title', {}, e.source + ' \u2192 ' + e.target + ': ' + e.events + ' events, mean Goldstein ' + e.mean_goldstein.toFixed(2)));
    path.addEventListener('click', () => {
      $('dy-source').value = e.source; $('dy-target').value = e.target; $('dy-sym').checked = true;
      showView('dyad'); showDyad();
    });
    s.append(path);
  }
  for (const n of nodes) {
    const [x, y] = pos.get(n);
    s.append(svg('g', { class: 'node', 'data-node': n },
      svg('circle', { cx: x, cy: y, r: 6 + 10 * Math.sqrt(weight.get(n) / (2 * maxE)), fill: countryColour(n), stroke: '#555' }),
      svg('text', { x, y: y - 14, 'text-anchor': 'middle' }, n),
      svg('title', {}, n + ': ' + weight.get(n) + ' events')));
  }
  box.replaceChildren(s);
}

// ---- quotes ----

let quoteCursor = '';

async function searchQuotes(ev) {
  if (ev) ev.preventDefault();
  quoteCursor = '';
  $('quote-results').replaceChildren();
  try { await moreQuotes(); setStatus(''); } catch (e) { setStatus(e.message, true); }
}

async function moreQuotes() {
  const page = await api('/v1/quotes' + query({
    speaker: $('qu-speaker').value.trim(), q: $('qu-q').value.trim(),
    from: $('qu-from').value, to: $('qu-to').value, limit: 50, cursor: quoteCursor,
  }));
  for (const row of page.items) {
    const q = row.quote;
    $('quote-results').append(el('li', { data: { doc: row.doc } },
      el('span', { class: 'speaker' }, (q.speaker.name || q.speaker.text || 'unknown') + (q.speaker.code ? ' (' + q.speaker.code + ')' : '')),
      ': ', quoteEl(q.text),
      el('div', { class: 'sub' }, row.date + ' \u00b7 ',
        el('a', { href: '#annotate', onclick: (x) => { x.preventDefault(); openDocument(row.doc); } }, row.title || '(untitled)'))));
  }
  quoteCursor = page.next || '';
  $('quote-more').hidden = !quoteCursor;
  if (!$('quote-results').children.length) $('quote-results').append(el('li', { class: 'none' }, 'No quotes found.'));
}

// ---- documents ----

let docCursor = '';

async function searchDocs(ev) {
  if (ev) ev.preventDefault();
  docCursor = '';
  $('doc-results').tBodies[0].replaceChildren();
  try { await moreDocs(); setStatus(''); } catch (e) { setStatus(e.message, true); }
}

async function moreDocs() {
  const page = await api('/v1/documents' + query({
    q: $('do-q').value.trim(), actor: $('do-actor').value.trim(),
    from: $('do-from').value, to: $('do-to').value, limit: 50, cursor: docCursor,
  }));
  const body = $('doc-results').tBodies[0];
  for (const d of page.items) {
    body.append(el('tr', { data: { doc: d.id } },
      el('td', null, d.published || ''),
      el('td', null, el('a', { href: '#annotate', onclick: (x) => { x.preventDefault(); openDocument(d.id); } }, d.title || d.contract_id || '(untitled)')),
      el('td', null, String(d.sentences)), el('td', null, String(d.events)), el('td', null, String(d.quotes))));
  }
  docCursor = page.next || '';
  $('doc-more').hidden = !docCursor;
}

// ---- views ----

const loaded = {};

function showView(name) {
  if (!document.getElementById('view-' + name)) name = 'annotate';
  for (const v of document.querySelectorAll('.view')) v.hidden = v.id !== 'view-' + name;
  for (const a of document.querySelectorAll('#tabs a')) a.classList.toggle('active', a.dataset.view === name);
  if (location.hash !== '#' + name) history.replaceState(null, '', '#' + name);
  if (!loaded[name]) {
    loaded[name] = true;
    if (name === 'network') showNetwork();
    if (name === 'documents') searchDocs();
    if (name === 'quotes') searchQuotes();
  }
}

async function loadActors() {
  try {
    const a = await api('/v1/actors?limit=200');
    $('actor-codes').replaceChildren(...a.items.map((x) => el('option', null, x.code)));
  } catch (e) { /* the store may be empty or absent: inputs still work */ }
}

document.addEventListener('DOMContentLoaded', () => {
  $('annotate-form').addEventListener('submit', annotate);
  $('in-file').addEventListener('change', upload);
  $('dyad-form').addEventListener('submit', showDyad);
  $('dyad-more').addEventListener('click', () => moreDyadEvents().catch((e) => setStatus(e.message, true)));
  $('net-form').addEventListener('submit', showNetwork);
  $('quote-form').addEventListener('submit', searchQuotes);
  $('quote-more').addEventListener('click', () => moreQuotes().catch((e) => setStatus(e.message, true)));
  $('doc-form').addEventListener('submit', searchDocs);
  $('doc-more').addEventListener('click', () => moreDocs().catch((e) => setStatus(e.message, true)));
  for (const a of document.querySelectorAll('#tabs a')) {
    a.addEventListener('click', (e) => { e.preventDefault(); showView(a.dataset.view); });
  }
  window.addEventListener('hashchange', () => showView(location.hash.slice(1)));
  showView(location.hash.slice(1) || 'annotate');
  loadActors();
  document.body.dataset.ready = 'true';
});
