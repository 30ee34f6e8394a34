// Draws each table of the statistics page (Statistics/StatisticsPage.cshtml) as a Chart.js chart above it.
// The table stays: it is the chart's text for screen readers and the page's content without JavaScript.
(function () {
  'use strict';
  if (!window.Chart) { return; }
  var style = getComputedStyle(document.documentElement);
  var accent = style.getPropertyValue('--accent').trim() || '#0b5cad';
  var text = style.getPropertyValue('--text').trim() || '#1b2430';
  Chart.defaults.color = text;
  Chart.defaults.font.family = style.getPropertyValue('--font').trim() || 'sans-serif';
  document.querySelectorAll('.chart[data-table]').forEach(function (box) {
    var table = document.getElementById(box.dataset.table);
    if (!table) { return; }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows, 0, 30);
    var labels = rows.map(function (r) { return r.cells[0].textContent.trim(); });
    var values = rows.map(function (r) { return Number(r.cells[1].dataset.value); });
    var line = box.dataset.kind === 'line';
    var canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', table.caption ? table.caption.textContent.trim() : '');
    box.appendChild(canvas);
    box.classList.add('chart-ready');
    if (!line) { box.style.height = Math.max(8, labels.length * 1.6 + 3) + 'rem'; }
    // Names longer than a third of the chart's width are shortened on the axis (on a phone they pushed the bars off
    // and were cut at the edge); the tooltip and the table below give them whole.
    var longest = Math.max(10, Math.floor(box.clientWidth / 3 / 6.5));
    var shortened = function (value) {
      var label = this.getLabelForValue(value);
      return label.length > longest ? label.slice(0, longest - 1) + '\u2026' : label;
    };
    // Counts are whole: no 0.5 steps between them.
    var whole = values.every(function (v) { return v === Math.round(v); });
    var valueTicks = whole ? { precision: 0 } : {};
    new Chart(canvas, {
      type: line ? 'line' : 'bar',
      data: { labels: labels, datasets: [{ label: table.tHead.rows[0].cells[1].textContent.trim(), data: values, backgroundColor: accent, borderColor: accent }] },
      options: {
        indexAxis: line ? 'x' : 'y', maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: false } },
        scales: line
          ? { x: { ticks: { autoSkip: true } }, y: { beginAtZero: true, ticks: valueTicks } }
          : { x: { beginAtZero: true, ticks: valueTicks }, y: { ticks: { autoSkip: false, callback: shortened } } }
      }
    });
  });
})();
