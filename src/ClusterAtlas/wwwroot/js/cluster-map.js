// The map of the directory's results (Map/MapPage.cshtml): the bundled Natural Earth countries coloured by how
// many clusters each has, an optional tile layer from the configuration, and the profiles' points, clustered.
// Everything it loads comes from this site (or the configured tile server); the list below the map is the same data.
(function () {
  'use strict';
  var element = document.getElementById('cluster-map');
  if (!element || !window.L || !window.topojson) { return; }
  var data = element.dataset;
  var status = document.getElementById('map-status');
  var say = function (text) { if (status) { status.textContent = text; } };
  var counts = JSON.parse(data.counts || '{}');
  var classes = JSON.parse(data.classes || '[]');
  var colours = JSON.parse(data.colours || '[]');
  var colourOf = function (count) {
    if (!count) { return 'transparent'; }
    for (var i = 0; i < classes.length; i++) { if (count <= classes[i]) { return colours[i]; } }
    return colours[colours.length - 1];
  };
  say(data.textLoading);
  element.classList.add('map-ready');
  document.querySelectorAll('[data-needs-map]').forEach(function (legend) { legend.hidden = false; });
  // No fading popups: text that is half transparent while it appears is hard to read (and fails contrast checks).
  var map = L.map(element, { center: [50, 15], zoom: 4, minZoom: 2, maxZoom: 14, worldCopyJump: true, keyboard: true, fadeAnimation: false, zoomControl: false });
  window.clusterAtlasMapWords(map, data);
  if (data.tileUrl) {
    L.tileLayer(data.tileUrl, { attribution: data.tileAttribution || '', maxZoom: 18 }).addTo(map);
  }
  map.attributionControl.addAttribution('Natural Earth');
  var precisionText = {
    city: data.textPrecisionCity, region: data.textPrecisionRegion, country: data.textPrecisionCountry, exact: data.textPrecisionExact
  };
  var line = function (parent, tag, text, className) {
    var node = document.createElement(tag);
    node.textContent = text;
    if (className) { node.className = className; }
    parent.appendChild(node);
    return node;
  };
  // Built from text nodes: names come from members, never as HTML.
  var fillPopup = function (box, p) {
    box.textContent = '';
    var title = line(box, 'p', '', 'popup-title');
    var link = line(title, 'a', p.name + (p.acronym ? ' (' + p.acronym + ')' : ''));
    link.href = p.url;
    line(box, 'p', [p.region, p.countryName].filter(Boolean).join(', '));
    if (p.members !== null && p.members !== undefined) { line(box, 'p', data.textMembers + ': ' + p.members.toLocaleString(document.documentElement.lang)); }
    if (p.precision && precisionText[p.precision]) { line(box, 'p', precisionText[p.precision], 'popup-precision'); }
    var open = line(box, 'p', '');
    var openLink = line(open, 'a', data.textOpen);
    openLink.href = p.url;
  };
  // The list has each point's name only: the rest of a popup is fetched when it first opens. Leaflet asks for the
  // content again on update, so the answer (or the failure, until the popup closes) is kept per point.
  var summaries = {};
  var failed = {};
  var loading = {};
  var popupOf = function (id, name, marker) {
    var box = document.createElement('div');
    if (summaries[id]) { fillPopup(box, summaries[id]); return box; }
    line(box, 'p', name, 'popup-title');
    line(box, 'p', failed[id] ? data.textPopupFailed : data.textPopupLoading);
    if (!failed[id] && !loading[id]) {
      loading[id] = true;
      fetch(data.popup + id, { headers: { Accept: 'application/json' } }).then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        return r.json();
      }).then(function (summary) { summaries[id] = summary; }, function () { failed[id] = true; }).then(function () {
        delete loading[id];
        if (marker.isPopupOpen()) { marker.getPopup().update(); }
      });
    }
    return box;
  };
  var boundaries = fetch(data.boundaries).then(function (r) { return r.json(); }).then(function (world) {
    var countries = topojson.feature(world, world.objects.countries);
    L.geoJSON(countries, {
      interactive: false,
      style: function (feature) {
        var count = counts[feature.id] || counts[feature.properties.name] || 0;
        return { color: '#6b7280', weight: 0.6, fillColor: count ? colourOf(count) : '#f3f4f6', fillOpacity: data.tileUrl ? 0.45 : 1 };
      }
    }).addTo(map);
  });
  // NUTS 2 regions as circles whose area is proportional to their count (their boundaries are not bundled), between
  // the countries and the markers; drawn only, never focused: the legend's table has the same numbers.
  var nuts = JSON.parse(data.nuts || '[]');
  if (nuts.length > 0) {
    map.createPane('nuts').style.zIndex = 450;
    nuts.forEach(function (r) {
      L.circleMarker([r[2], r[3]], {
        pane: 'nuts', radius: r[5], interactive: false, className: 'nuts-region',
        color: '#8c3a00', weight: 1.5, fillColor: '#d95f02', fillOpacity: 0.45
      }).addTo(map);
    });
  }
  var points = fetch(data.points, { headers: { Accept: 'application/json' } }).then(function (r) {
    if (!r.ok) { throw new Error(r.status); }
    return r.json();
  }).then(function (list) {
    // Each point is [longitude, latitude, id, name].
    var group = L.markerClusterGroup({ showCoverageOnHover: false, chunkedLoading: true });
    var markers = list.points.map(function (p) {
      var marker = L.marker([p[1], p[0]], { title: p[3], alt: p[3], keyboard: true });
      marker.bindPopup(function () { return popupOf(p[2], p[3], marker); });
      marker.on('popupclose', function () { delete failed[p[2]]; });
      return marker;
    });
    group.addLayers(markers);
    map.addLayer(group);
    // Cluster icons are reached with Tab like markers: name them for screen readers ("33 cluster organisations
    // here", not a bare "33"). The icon shows the count; a cluster whose count changes (the markers are added in
    // chunks, zooming regroups them) gets a new icon element, so every icon added to the marker pane is named.
    var nameClusters = function () {
      element.querySelectorAll('.marker-cluster').forEach(function (icon) {
        var count = icon.textContent.trim();
        icon.setAttribute('role', 'button');
        icon.setAttribute('aria-label', data.textCluster ? data.textCluster.replace('{0}', count) : count);
      });
    };
    var naming = false;
    new MutationObserver(function () {
      if (naming) { return; }
      naming = true;
      requestAnimationFrame(function () { naming = false; nameClusters(); });
    }).observe(map.getPane('markerPane'), { childList: true });
    if (markers.length > 0) {
      map.fitBounds(L.latLngBounds(list.points.map(function (p) { return [p[1], p[0]]; })), { maxZoom: 8, padding: [20, 20] });
    }
    nameClusters();
    say('');
  });
  Promise.all([boundaries, points]).catch(function () { say(data.textFailed); });
})();
