/* The compatibility site's renderer: dependency-free, no network. Data comes from the JSON blob
 * in #s3c-data; every string from the data is escaped (esc) or set as textContent. */
/* global document, window, history, location, URLSearchParams, performance, setTimeout */
(function () {
  'use strict';
  var t0 = performance.now();
  var m = JSON.parse(document.getElementById('s3c-data').textContent);
  var V = m.verdicts;
  // The tool's own verdict words, in cells as in the legend.
  var NAME = { pass: 'pass', 'known-deviation': 'known deviation', fail: 'fail', 'fail-optional': 'fail (optional)', 'unexpected-pass': 'unexpected pass', error: 'error', skipped: 'skipped', 'not-run': 'not run' };
  var BAD = { fail: 1, 'fail-optional': 1, error: 1, 'unexpected-pass': 1 };
  var EVW = { 'aws-recorded': 'recorded from AWS', 'aws-doc': 'AWS documentation', 'peer-observed': 'peer report', 'provider-doc': 'provider documentation' };
  function incomplete(t) { return m.targets[t].state.kind !== 'complete'; }
  function evHref(ev) {
    if (/^https?:\/\//.test(ev.ref)) return ev.ref;
    if (ev.kind === 'aws-recorded') return 'https://github.com/localstack/localstack/blob/main/' + ev.ref.split('::')[0];
    return '';
  }
  function evText(ev) { return ev.quote || ev.note || (ev.kind === 'aws-recorded' ? (ev.ref.split('#')[1] || '') : ''); }
  var nT = m.targets.length;
  var $ = function (id) { return document.getElementById(id); };
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; });
  }
  function changeKind(from, to) {
    if (from === to) return '';
    if (from === 'not-run' || to === 'not-run') return 'other';
    if (BAD[to] && !BAD[from]) return from === 'known-deviation' && to === 'unexpected-pass' ? 'other' : 'regression';
    if (BAD[from] && to === 'pass') return 'fix';
    return 'other';
  }

  // ---- filters ----
  var f = { area: $('f-area'), op: $('f-op'), level: $('f-level'), verdict: $('f-verdict'), target: $('f-target'), ev: $('f-ev'), text: $('f-text'), changed: $('f-changed') };
  function opt(sel, value, label) { var o = document.createElement('option'); o.value = value; o.textContent = label; sel.appendChild(o); }
  m.areas.forEach(function (a) { opt(f.area, a.area, a.area); });
  function fillOps() {
    var keep = f.op.value; f.op.length = 1;
    m.areas.forEach(function (a) { if (!f.area.value || f.area.value === a.area) a.ops.forEach(function (o) { opt(f.op, o, o); }); });
    f.op.value = keep; if (f.op.value !== keep) f.op.value = '';
  }
  fillOps();
  opt(f.verdict, 'failing', 'failing (fail, fail (optional), error, unexpected pass)');
  opt(f.verdict, 'not-pass', 'anything but pass');
  V.forEach(function (v) { opt(f.verdict, v, NAME[v]); });
  m.targets.forEach(function (t) { opt(f.target, t.name, t.display + (t.state.kind !== 'complete' ? ' (' + t.state.label + ')' : '')); });

  // ---- matrix ----
  var head = $('matrix-head');
  m.targets.forEach(function (t) {
    var th = document.createElement('th'); th.className = 't' + (t.state.kind !== 'complete' ? ' incomplete' : ''); th.scope = 'col'; th.textContent = t.display;
    th.title = t.display + (t.description ? ': ' + t.description : '') + ' — ' + t.state.detail;
    var s = document.createElement('small'); s.textContent = 'req ' + t.required.pass + ' / ' + t.required.judged + (t.state.kind !== 'complete' ? ' · ' + t.state.label : '');
    th.appendChild(s); head.appendChild(th);
  });
  var hay = new Array(m.checks.length);
  var html = [];
  var curArea = null, curOp = null;
  m.checks.forEach(function (c, i) {
    if (c.area !== curArea) {
      curArea = c.area; curOp = null;
      html.push('<tr class="area-row" data-area="' + esc(c.area) + '"><th colspan="' + (2 + nT) + '">' + esc(c.area) + '</th></tr>');
    }
    if (c.op !== curOp) {
      curOp = c.op;
      var st = m.opStats[c.op];
      html.push('<tr class="op-row" data-op="' + esc(c.op) + '"><th colspan="2">' + esc(c.op) + '</th>');
      for (var u = 0; u < nT; u++) {
        var s = st[u];
        html.push('<td class="pct sup-' + s.support + '" title="' + esc(s.support + ': required ' + s.req.pass + ' / ' + s.req.judged + ' · optional ' + s.opt.pass + ' / ' + s.opt.judged + ' pass') + '">' + s.support + (incomplete(u) ? ' †' : '') + '<br>' + (s.req.pass + s.opt.pass) + ' / ' + (s.req.judged + s.opt.judged) + '</td>');
      }
      html.push('</tr>');
    }
    var h = [c.id, c.title];
    var evk = c.ev.map(function (e) { return e.kind; }); c.evk = evk.length ? evk : ['none'];
    var row = '<tr class="check" data-i="' + i + '" data-id="' + esc(c.id) + '"><th class="c-check"><span class="id">' + esc(c.id) + '</span><span class="ttl">' + esc(c.title) + '</span></th><td class="c-level">' + esc(c.level) + '</td>';
    for (var t = 0; t < nT; t++) {
      var v = V[c.v[t]];
      var chg = c.was && c.was[t] >= 0 ? changeKind(V[c.was[t]], v) : '';
      var d = c.d[t];
      if (d) h.push(d.observed || '', d.expected || '', d.skip || '', d.expectation ? d.expectation.reason : '', d.field || '', d.server || '');
      var inc = incomplete(t);
      row += '<td class="c" data-t="' + t + '"><span class="cell v-' + v + (chg ? ' chg-' + chg : '') + (inc ? ' incomplete' : '') + '" title="' +
        esc(m.targets[t].display + ': ' + NAME[v] + (inc ? ' (' + m.targets[t].state.label + ' run)' : '') + (chg ? ' (was ' + NAME[V[c.was[t]]] + ')' : '')) + '">' + NAME[v] + (inc ? ' †' : '') + '</span></td>';
    }
    hay[i] = h.join('\n').toLowerCase();
    html.push(row + '</tr>');
  });
  var body = $('matrix-body');
  body.innerHTML = html.join('');
  var rows = new Array(m.checks.length);
  var opRows = {}; var areaRows = {};
  Array.prototype.forEach.call(body.rows, function (r) {
    if (r.className === 'check') rows[+r.getAttribute('data-i')] = r;
    else if (r.className === 'op-row') opRows[r.getAttribute('data-op')] = r;
    else areaRows[r.getAttribute('data-area')] = r;
  });

  // ---- state <-> hash ----
  var state = {};
  var KEYS = ['area', 'op', 'level', 'verdict', 'target', 'ev', 'q', 'changed', 'check', 't'];
  function readHash() {
    var p = new URLSearchParams(location.hash.replace(/^#/, ''));
    state = {}; KEYS.forEach(function (k) { var v = p.get(k); if (v) state[k] = v; });
    f.area.value = state.area || ''; fillOps(); f.op.value = state.op || ''; f.level.value = state.level || '';
    f.verdict.value = state.verdict || ''; f.target.value = state.target || ''; f.ev.value = state.ev || ''; f.text.value = state.q || '';
    if (f.changed) f.changed.checked = state.changed === '1';
  }
  function writeHash() {
    var p = new URLSearchParams();
    KEYS.forEach(function (k) { if (state[k]) p.set(k, state[k]); });
    var s = p.toString();
    history.replaceState(null, '', s ? '#' + s : location.pathname + location.search);
  }
  function fromControls() {
    state.area = f.area.value; state.op = f.op.value; state.level = f.level.value; state.verdict = f.verdict.value;
    state.target = f.target.value; state.ev = f.ev.value; state.q = f.text.value.trim(); state.changed = f.changed && f.changed.checked ? '1' : '';
  }

  // ---- filtering ----
  function verdictOk(c) {
    var want = state.verdict; if (!want && !(state.changed === '1')) return true;
    for (var t = 0; t < nT; t++) {
      if (state.target && m.targets[t].name !== state.target) continue;
      var v = V[c.v[t]];
      var ok = !want || (want === 'failing' ? !!BAD[v] : want === 'not-pass' ? v !== 'pass' : v === want);
      if (ok && state.changed === '1') ok = !!(c.was && c.was[t] >= 0);
      if (ok) return true;
    }
    return false;
  }
  var lastFilterMs = 0;
  function apply() {
    var s0 = performance.now();
    var q = (state.q || '').toLowerCase(); var n = 0; var opSeen = {}; var areaSeen = {};
    for (var i = 0; i < m.checks.length; i++) {
      var c = m.checks[i];
      var show = (!state.area || c.area === state.area) && (!state.op || c.op === state.op) && (!state.level || c.level === state.level) &&
        (!state.ev || c.evk.indexOf(state.ev) >= 0) && (!q || hay[i].indexOf(q) >= 0) && verdictOk(c);
      var r = rows[i];
      if (r.classList.contains('hide') === show) r.classList.toggle('hide', !show);
      if (show) { n++; opSeen[c.op] = 1; areaSeen[c.area] = 1; }
    }
    Object.keys(opRows).forEach(function (k) { opRows[k].classList.toggle('hide', !opSeen[k]); });
    Object.keys(areaRows).forEach(function (k) { areaRows[k].classList.toggle('hide', !areaSeen[k]); });
    $('f-count').textContent = n + ' of ' + m.checks.length + ' checks';
    lastFilterMs = performance.now() - s0;
    window.__s3c.filterMs = lastFilterMs; window.__s3c.visible = n;
  }

  // ---- detail ----
  var panel = $('detail');
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = String(text); return e; }
  function dl(pairs) {
    var d = el('dl');
    pairs.forEach(function (p) { if (p[1] === undefined || p[1] === null || p[1] === '') return; d.appendChild(el('dt', '', p[0])); d.appendChild(el('dd', p[2] || '', p[1])); });
    return d;
  }
  var selected = null;
  function showDetail() {
    if (selected) { selected.classList.remove('sel'); selected = null; }
    var idx = -1;
    if (state.check) for (var i = 0; i < m.checks.length; i++) if (m.checks[i].id === state.check) { idx = i; break; }
    if (idx < 0) { panel.hidden = true; panel.textContent = ''; return; }
    var c = m.checks[idx];
    selected = rows[idx]; selected.classList.add('sel');
    panel.textContent = '';
    var close = el('button', 'close', '✕'); close.title = 'close (Esc)'; close.addEventListener('click', closeDetail); panel.appendChild(close);
    panel.appendChild(el('h2', '', c.title));
    var idp = el('p'); idp.appendChild(el('span', 'id', c.id)); panel.appendChild(idp);
    var spec = el('a', '', 'AWS reference: ' + c.op); spec.href = /^https?:\/\//.test(c.spec) ? c.spec : '#'; spec.rel = 'noreferrer'; spec.target = '_blank';
    var sp = el('p'); sp.appendChild(spec); panel.appendChild(sp);
    panel.appendChild(dl([['level', c.level], ['area', c.area], ['operation', c.op], ['kind', c.kind], ['file', c.file]]));
    var evs = el('section', 'ev'); evs.appendChild(el('h3', '', 'Evidence (why this is what AWS does)'));
    if (!c.ev.length) evs.appendChild(el('p', 'small', 'none recorded'));
    else {
      var ul = el('ul');
      c.ev.forEach(function (ev) {
        var li = el('li'); li.appendChild(el('span', 'ek ek-' + ev.kind, EVW[ev.kind] || ev.kind)); li.appendChild(document.createTextNode(' '));
        var href = evHref(ev);
        if (href) { var a = el('a', '', ev.ref); a.href = href; a.rel = 'noreferrer'; a.target = '_blank'; li.appendChild(a); } else li.appendChild(el('code', '', ev.ref));
        var tx = evText(ev); if (tx) { li.appendChild(document.createTextNode(' — ')); li.appendChild(el('q', '', tx)); }
        ul.appendChild(li);
      });
      evs.appendChild(ul);
    }
    panel.appendChild(evs);
    for (var t = 0; t < nT; t++) {
      var v = V[c.v[t]]; var d = c.d[t]; var name = m.targets[t].name;
      var sec = el('section', 'tr' + (state.t === name ? ' focus' : '')); sec.setAttribute('data-target', name);
      var h = el('h3'); h.appendChild(document.createTextNode(m.targets[t].display + ' ')); h.appendChild(el('span', 'cell v-' + v + (incomplete(t) ? ' incomplete' : ''), NAME[v] + (incomplete(t) ? ' †' : ''))); sec.appendChild(h);
      if (incomplete(t)) sec.appendChild(el('p', 'small', m.targets[t].state.detail));
      var rp = el('a', 'small', 'this check in the run\'s report'); rp.href = m.targets[t].page + '#' + encodeURIComponent(c.id); sec.appendChild(rp);
      if (c.was && c.was[t] >= 0) sec.appendChild(el('p', 'small', 'baseline: ' + NAME[V[c.was[t]]]));
      if (!d) { sec.appendChild(el('p', 'small', 'This run has no result for the check.')); panel.appendChild(sec); continue; }
      var pairs = [['about', d.field], ['expected', d.expected], ['observed', d.observed], ['server sent', d.server]];
      if (d.expectation) pairs.push(['expectation', d.expectation.expected + ': ' + d.expectation.reason + (d.expectation.link ? ' (' + d.expectation.link + ')' : '')]);
      if (d.skip) pairs.push(['skipped', d.skip]);
      if (d.notImplemented) pairs.push(['note', 'not implemented by the target']);
      pairs.push(['duration', d.ms + ' ms']);
      if (d.property) {
        var p = d.property;
        pairs.push(['property', 'seed ' + p.seed + ' · ' + (p.runs === undefined ? '?' : p.runs) + '/' + p.numRuns + ' runs' + (p.shrinks ? ' · ' + p.shrinks + ' shrinks' : '')]);
        if (p.counterexample) pairs.push(['counterexample', p.counterexample]);
        if (p.path) pairs.push(['path', p.path]);
        if (p.replay) pairs.push(['replay', p.replay]);
      }
      sec.appendChild(dl(pairs));
      if (d.message) { var md = el('details'); md.appendChild(el('summary', '', 'more of the message')); md.appendChild(el('pre', 'msg', d.message)); sec.appendChild(md); }
      if (d.wire) { var wd = el('details', 'wire'); wd.open = state.t === name || nT === 1; wd.appendChild(el('summary', '', 'wire exchange (redacted)')); wd.appendChild(el('pre', 'wire', d.wire)); sec.appendChild(wd); }
      panel.appendChild(sec);
    }
    panel.hidden = false;
  }
  function openCheck(id, t) { state.check = id; state.t = t || ''; writeHash(); showDetail(); }
  function closeDetail() { state.check = ''; state.t = ''; writeHash(); showDetail(); }

  // ---- events ----
  function onFilter() { fromControls(); writeHash(); apply(); }
  f.area.addEventListener('change', function () { fillOps(); onFilter(); });
  [f.op, f.level, f.verdict, f.target, f.ev].forEach(function (e) { e.addEventListener('change', onFilter); });
  Array.prototype.forEach.call(document.querySelectorAll('#rollup button.tog'), function (b) {
    b.addEventListener('click', function () {
      var open = b.getAttribute('aria-expanded') !== 'true'; b.setAttribute('aria-expanded', open ? 'true' : 'false');
      Array.prototype.forEach.call(document.querySelectorAll('#rollup tr.orow[data-area="' + b.getAttribute('data-area') + '"]'), function (r) { r.hidden = !open; });
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('#rollup td a'), function (a) {
    a.addEventListener('click', function () { setTimeout(function () { var x = $('filters'); if (x && x.scrollIntoView) x.scrollIntoView({ block: 'start' }); }, 0); });
  });
  if (f.changed) f.changed.addEventListener('change', onFilter);
  f.text.addEventListener('input', onFilter);
  $('f-reset').addEventListener('click', function (ev) { ev.preventDefault(); state = {}; writeHash(); readHash(); apply(); showDetail(); });
  body.addEventListener('click', function (ev) {
    var tr = ev.target.closest ? ev.target.closest('tr.check') : null; if (!tr) return;
    var td = ev.target.closest('td.c');
    var c = m.checks[+tr.getAttribute('data-i')];
    openCheck(c.id, td ? m.targets[+td.getAttribute('data-t')].name : '');
  });
  document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape' && !panel.hidden) closeDetail(); });
  window.addEventListener('hashchange', function () { readHash(); apply(); showDetail(); });

  window.__s3c = { checks: m.checks.length, targets: nT, startedAt: t0 };
  readHash(); apply(); showDetail();
  if (state.check && selected && selected.scrollIntoView) selected.scrollIntoView({ block: 'center' });
  window.__s3c.renderMs = performance.now() - t0;
  document.body.setAttribute('data-ready', '1');
})();
