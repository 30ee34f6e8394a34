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
  var hint = document.getElementById('network-graph-hint');
  if (hint) {
    hint.hidden = false;
  }
  // A node's size tells how many collaborations it has: the hubs of the network stand out at a glance.
  var degree = {};
  graph.edges.forEach(function (e) {
    degree[e.source] = (degree[e.source] || 0) + 1;
    degree[e.target] = (degree[e.target] || 0) + 1;
  });
  var maxDegree = Math.max.apply(null, graph.nodes.map(function (n) { return degree[n.id] || 0; }).concat([1]));
  // cytoscape adds an inline <style> (its container's position) unless an element with this id exists; the site's
  // CSP allows no inline style, and site.css positions the container already.
  if (!document.getElementById('__________cytoscape_stylesheet')) {
    var marker = document.createElement('meta');
    marker.id = '__________cytoscape_stylesheet';
    document.head.appendChild(marker);
  }
  var elements = graph.nodes.map(function (n) {
    return { data: { id: n.id, label: n.name, match: n.match ? 1 : 0, degree: degree[n.id] || 0 } };
  }).concat(graph.edges.map(function (e, i) {
    return { data: { id: 'e' + i, source: e.source, target: e.target, mutual: e.mutual ? 1 : 0 } };
  }));
  var cy = window.cytoscape({
    container: container,
    elements: elements,
    layout: graph.nodes.length > 400 ? { name: 'grid' } : { name: 'cose', animate: false, nodeRepulsion: function () { return 40000; }, idealEdgeLength: function () { return 50; } },
    style: [
      // Names appear once zoomed in far enough to read them (hundreds of names at once are a grey smudge), and for
      // the node under the pointer and its partners.
      { selector: 'node', style: { 'label': 'data(label)', 'font-size': 8, 'min-zoomed-font-size': 14, 'width': 'mapData(degree, 0, ' + maxDegree + ', 8, 26)', 'height': 'mapData(degree, 0, ' + maxDegree + ', 8, 26)', 'background-color': '#5a6b7b', 'color': '#1f2933' } },
      { selector: 'node[match = 1]', style: { 'background-color': '#0b5cad' } },
      { selector: 'edge', style: { 'width': 1, 'line-color': '#9aa5b1' } },
      { selector: 'edge[mutual = 1]', style: { 'width': 2.5, 'line-color': '#0b5cad' } },
      { selector: '.faded', style: { 'opacity': 0.15 } },
      { selector: 'node.focused', style: { 'min-zoomed-font-size': 0, 'font-size': 11, 'z-index': 10, 'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': 2 } }
    ]
  });
  cy.on('mouseover', 'node', function (event) {
    var near = event.target.closedNeighborhood();
    cy.elements().not(near).addClass('faded');
    near.nodes().addClass('focused');
  });
  cy.on('mouseout', 'node', function () {
    cy.elements().removeClass('faded focused');
  });
  // What was drawn, for tests and tools that cannot look into the canvas.
  container.setAttribute('data-nodes', String(cy.nodes().length));
  container.setAttribute('data-mutual-edges', String(cy.edges('[mutual = 1]').length));
  cy.on('tap', 'node', function (event) {
    window.location.href = '/cluster-organisations/' + encodeURIComponent(event.target.id());
  });
})();
