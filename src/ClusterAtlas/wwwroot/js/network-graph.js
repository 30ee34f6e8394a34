// Draws the collaborations of the network page's table as a graph (cytoscape). Without script the table is the page.
(function () {
  'use strict';
  var container = document.getElementById('network-graph');
  var data = document.getElementById('network-data');
  if (!container || !data || typeof window.cytoscape !== 'function') {
    return;
  }
  var graph = JSON.parse(data.textContent || '{}');
  if (!graph.nodes || graph.nodes.length === 0) {
    return;
  }
  container.hidden = false;
  // cytoscape adds an inline <style> (its container's position) unless an element with this id exists; the site's
  // CSP allows no inline style, and site.css positions the container already.
  if (!document.getElementById('__________cytoscape_stylesheet')) {
    var marker = document.createElement('meta');
    marker.id = '__________cytoscape_stylesheet';
    document.head.appendChild(marker);
  }
  var elements = graph.nodes.map(function (n) {
    return { data: { id: n.id, label: n.name, match: n.match ? 1 : 0 } };
  }).concat(graph.edges.map(function (e, i) {
    return { data: { id: 'e' + i, source: e.source, target: e.target, mutual: e.mutual ? 1 : 0 } };
  }));
  var cy = window.cytoscape({
    container: container,
    elements: elements,
    layout: { name: graph.nodes.length > 400 ? 'grid' : 'cose', animate: false },
    style: [
      { selector: 'node', style: { 'label': 'data(label)', 'font-size': 8, 'width': 10, 'height': 10, 'background-color': '#5a6b7b', 'color': '#1f2933' } },
      { selector: 'node[match = 1]', style: { 'background-color': '#0b5cad' } },
      { selector: 'edge', style: { 'width': 1, 'line-color': '#9aa5b1' } },
      { selector: 'edge[mutual = 1]', style: { 'width': 2.5, 'line-color': '#0b5cad' } }
    ]
  });
  // What was drawn, for tests and tools that cannot look into the canvas.
  container.setAttribute('data-nodes', String(cy.nodes().length));
  container.setAttribute('data-mutual-edges', String(cy.edges('[mutual = 1]').length));
  cy.on('tap', 'node', function (event) {
    window.location.href = '/cluster-organisations/' + encodeURIComponent(event.target.id());
  });
})();
