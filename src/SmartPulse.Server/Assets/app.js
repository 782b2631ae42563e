// SmartPulse app: draws the charts from their JSON blocks (no inline scripts, so the CSP can forbid them) and keeps the
// k slider's label in step. Served by the SmartPulse server itself; no third-party origin is contacted.
(function () {
  'use strict';
  function drawCharts() {
    if (!window.Plotly) { return; }
    document.querySelectorAll('div.chart[data-figure]').forEach(function (div) {
      var block = document.getElementById(div.getAttribute('data-figure'));
      if (!block) { return; }
      var figure = JSON.parse(block.textContent);
      window.Plotly.newPlot(div, figure.data, figure.layout, figure.config).then(function () {
        div.setAttribute('data-drawn', 'true');
      });
    });
  }
  function wireSlider() {
    var k = document.getElementById('k');
    var out = document.getElementById('k-value');
    var auto = document.getElementById('auto');
    if (!k || !out) { return; }
    var sync = function () { out.textContent = auto && auto.checked ? 'auto' : k.value; k.disabled = !!(auto && auto.checked); };
    k.addEventListener('input', sync);
    if (auto) { auto.addEventListener('change', sync); }
    sync();
  }
  document.addEventListener('DOMContentLoaded', function () { drawCharts(); wireSlider(); });
})();
