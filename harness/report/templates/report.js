/* The per-target page: filters kept in the query string, rows opened per click or by #<check id>. */
/* global document, history, location, URLSearchParams */
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var f = { verdict: $('f-verdict'), op: $('f-op'), level: $('f-level'), ev: $('f-ev'), text: $('f-text') };
  var rows = Array.prototype.slice.call(document.querySelectorAll('li.chk'));
  function apply() {
    var v = f.verdict.value, o = f.op.value, l = f.level.value, ev = f.ev.value, t = f.text.value.toLowerCase(), n = 0;
    rows.forEach(function (r) {
      var rv = r.getAttribute('data-verdict');
      var show = (!v || (v === 'not-pass' ? rv !== 'pass' : rv === v)) && (!o || r.getAttribute('data-op') === o) && (!l || r.getAttribute('data-level') === l) &&
        (!ev || (' ' + r.getAttribute('data-ev') + ' ').indexOf(' ' + ev + ' ') >= 0) && (!t || r.getAttribute('data-text').indexOf(t) >= 0);
      r.classList.toggle('hidden', !show);
      if (show) n++;
    });
    $('f-count').textContent = n + ' / ' + rows.length + ' checks shown';
    var q = new URLSearchParams();
    if (v) q.set('verdict', v); if (o) q.set('op', o); if (l) q.set('level', l); if (ev) q.set('ev', ev); if (t) q.set('q', t);
    history.replaceState(null, '', (q.toString() ? '?' + q : location.pathname) + location.hash);
  }
  function openTarget() {
    var id = decodeURIComponent(location.hash.replace(/^#/, ''));
    if (!id) return;
    var li = document.getElementById(id);
    if (!li || !li.classList.contains('chk')) return;
    rows.forEach(function (r) { r.classList.remove('focus'); });
    if (li.classList.contains('hidden')) { f.verdict.value = ''; f.op.value = ''; f.level.value = ''; f.ev.value = ''; f.text.value = ''; apply(); }
    li.classList.add('focus');
    li.querySelector('details').open = true;
    li.scrollIntoView({ block: 'start' });
  }
  var p = new URLSearchParams(location.search);
  f.verdict.value = p.get('verdict') || ''; f.op.value = p.get('op') || ''; f.level.value = p.get('level') || ''; f.ev.value = p.get('ev') || ''; f.text.value = p.get('q') || '';
  [f.verdict, f.op, f.level, f.ev].forEach(function (e) { e.addEventListener('change', apply); });
  f.text.addEventListener('input', apply);
  Array.prototype.forEach.call(document.querySelectorAll('a[data-verdict], a[data-op]'), function (a) {
    a.addEventListener('click', function (ev) {
      ev.preventDefault();
      if (a.hasAttribute('data-verdict')) f.verdict.value = a.getAttribute('data-verdict');
      if (a.hasAttribute('data-op')) f.op.value = a.getAttribute('data-op');
      apply();
      var c = document.querySelector('.filters'); if (c && c.scrollIntoView) c.scrollIntoView({ block: 'start' });
    });
  });
  $('open-all').addEventListener('click', function () { rows.forEach(function (r) { if (!r.classList.contains('hidden')) r.querySelector('details').open = true; }); });
  $('close-all').addEventListener('click', function () { rows.forEach(function (r) { r.querySelector('details').open = false; }); });
  window.addEventListener('hashchange', openTarget);
  apply();
  openTarget();
  document.body.setAttribute('data-ready', '1');
})();
