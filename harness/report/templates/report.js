(function () {
  var f = { verdict: document.getElementById('f-verdict'), op: document.getElementById('f-op'), level: document.getElementById('f-level'), text: document.getElementById('f-text') };
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.row'));
  var details = {};
  Array.prototype.forEach.call(document.querySelectorAll('tr.detail'), function (d) { details[d.getAttribute('data-for')] = d; });
  function apply() {
    var v = f.verdict.value, o = f.op.value, l = f.level.value, t = f.text.value.toLowerCase(), n = 0;
    rows.forEach(function (r) {
      var show = (!v || r.dataset.verdict === v) && (!o || r.dataset.op === o) && (!l || r.dataset.level === l) && (!t || r.dataset.text.indexOf(t) >= 0);
      r.classList.toggle('hidden', !show);
      var d = details[r.id]; if (d) d.classList.toggle('hidden', !show);
      if (show) n++;
    });
    document.getElementById('f-count').textContent = n + ' of ' + rows.length + ' checks';
    var q = new URLSearchParams();
    if (v) q.set('verdict', v); if (o) q.set('op', o); if (l) q.set('level', l); if (t) q.set('q', t);
    history.replaceState(null, '', (q.toString() ? '?' + q : location.pathname) + location.hash);
  }
  var p = new URLSearchParams(location.search);
  f.verdict.value = p.get('verdict') || ''; f.op.value = p.get('op') || ''; f.level.value = p.get('level') || ''; f.text.value = p.get('q') || '';
  [f.verdict, f.op, f.level].forEach(function (e) { e.addEventListener('change', apply); });
  f.text.addEventListener('input', apply);
  apply();
})();
