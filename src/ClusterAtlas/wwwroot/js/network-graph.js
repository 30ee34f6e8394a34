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
  // The box is shown at once, so that the table does not move when the drawing comes.
  container.hidden = false;
  container.setAttribute('aria-busy', 'true');
  var hint = document.getElementById('network-graph-hint');
  if (hint) {
    hint.hidden = false;
  }
  // Drawn once the page has loaded: the table is the page, readable and usable meanwhile (a few hundred clusters took
  // 0.6 s to draw on a desktop and 6 s on a slow phone, all of it before the page's load).
  if (document.readyState === 'complete') {
    setTimeout(draw, 0);
  } else {
    window.addEventListener('load', function () { setTimeout(draw, 0); });
  }

  function draw() {
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
    // Less margin on a phone, where 30 pixels on each side are a sixth of the box.
    var padding = container.clientWidth < 600 ? 8 : 30;
    var cy = window.cytoscape({
      container: container,
      elements: elements,
      layout: { name: 'preset' },
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
    // A quick first drawing (the hubs in the middle), then, for a network small enough, the force-directed one computed
    // a few steps per frame: computed at once it held the page (its load event and every click) for a second on a
    // desktop, 5-8 s on a slow phone, and past 30 s on a busy machine. The drawing changes once, when it is done.
    cy.layout({ name: 'concentric', fit: false, concentric: function (node) { return node.data('degree'); }, levelWidth: function () { return Math.max(1, maxDegree / 6); } }).run();
    fillTheBox();
    if (graph.nodes.length > 400) {
      done();
    } else {
      var layout = cy.layout({ name: 'cose', animate: true, animationThreshold: Number.MAX_VALUE, refresh: 10, fit: false, nodeRepulsion: function () { return 40000; }, idealEdgeLength: function () { return 50; } });
      layout.one('layoutstop', function () { fillTheBox(); done(); });
      layout.run();
    }

    function done() {
      container.removeAttribute('aria-busy');
      tellWhatWasDrawn();
    }

    // cose lays a network out as a round cloud: in a phone's tall, narrow box it filled half the height. The cloud is
    // stretched to the box's proportions (up to twice, so it is not a line of dots), then fitted.
    function fillTheBox() {
      var box = cy.nodes().boundingBox();
      var width = container.clientWidth - 2 * padding;
      var height = container.clientHeight - 2 * padding;
      if (box.w > 0 && box.h > 0 && width > 0 && height > 0) {
        var stretch = (height / width) / (box.h / box.w);
        var sx = stretch < 1 ? Math.min(1 / stretch, 2) : 1;
        var sy = stretch > 1 ? Math.min(stretch, 2) : 1;
        cy.nodes().positions(function (node) {
          var p = node.position();
          return { x: box.x1 + (p.x - box.x1) * sx, y: box.y1 + (p.y - box.y1) * sy };
        });
      }
      cy.fit(undefined, padding);
    }

    // How much of its box the drawing spans, in per cent of the box's width and height ("94x92"), for tests and tools
    // that cannot look into the canvas.
    function tellWhatWasDrawn() {
      var drawn = cy.elements().renderedBoundingBox();
      container.setAttribute('data-drawn', Math.round(100 * drawn.w / container.clientWidth) + 'x' + Math.round(100 * drawn.h / container.clientHeight));
    }

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
  }
})();
