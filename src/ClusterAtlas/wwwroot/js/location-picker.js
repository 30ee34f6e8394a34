// The edit form's small map (Profiles/Editing/Steps/_identity.cshtml): the profile's point as a marker on the bundled
// Natural Earth countries. Dragging it, or moving it with the arrow keys while it has the focus, writes its latitude
// and longitude into the form's two number fields, which are what is saved (and work without this script).
(function () {
  'use strict';
  var box = document.getElementById('location-picker');
  if (!box || !window.L || !window.topojson) { return; }
  var latitude = document.getElementById('Form_Latitude');
  var longitude = document.getElementById('Form_Longitude');
  if (!latitude || !longitude) { return; }
  var data = box.dataset;
  var status = document.getElementById('location-picker-status');
  box.hidden = false;
  var number = function (input, fallback) { var v = parseFloat(input.value); return isNaN(v) ? fallback : v; };
  var startLat = number(latitude, parseFloat(data.latitude));
  var startLng = number(longitude, parseFloat(data.longitude));
  var placed = !isNaN(startLat) && !isNaN(startLng);
  var point = placed ? L.latLng(startLat, startLng) : L.latLng(48, 15);
  var element = box.querySelector('.location-map');
  // The map's own arrow keys would pan it: the marker's arrow keys move the marker instead.
  var map = L.map(element, { center: point, zoom: placed ? 7 : 3, minZoom: 2, maxZoom: 14, keyboard: true, fadeAnimation: false, zoomControl: false });
  window.clusterAtlasMapWords(map, data);
  map.attributionControl.addAttribution('Natural Earth');
  fetch(data.boundaries).then(function (r) { return r.json(); }).then(function (world) {
    L.geoJSON(topojson.feature(world, world.objects.countries), {
      interactive: false,
      style: function () { return { color: '#6b7280', weight: 0.6, fillColor: '#f3f4f6', fillOpacity: 1 }; }
    }).addTo(map);
  });
  var marker = L.marker(point, { draggable: true, keyboard: true, title: data.textMarker, alt: data.textMarker, autoPan: true }).addTo(map);
  var round = function (value) { return Math.round(value * 100000) / 100000; };
  var write = function (latlng) {
    var lat = Math.max(-90, Math.min(90, round(latlng.lat)));
    var lng = round(((latlng.lng + 540) % 360) - 180);
    latitude.value = String(lat);
    longitude.value = String(lng);
    [latitude, longitude].forEach(function (input) { input.dispatchEvent(new Event('change', { bubbles: true })); });
    if (status) { status.textContent = data.textMoved.replace('{0}', lat).replace('{1}', lng); }
  };
  marker.on('dragend', function () { write(marker.getLatLng()); });
  var icon = marker.getElement();
  icon.addEventListener('keydown', function (event) {
    var moves = { ArrowUp: [1, 0], ArrowDown: [-1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    var move = moves[event.key];
    if (!move) { return; }
    event.preventDefault();
    event.stopPropagation();
    // One step is about ten screen pixels at the current zoom; with Shift, ten times that.
    var step = (event.shiftKey ? 10 : 1) * 360 / (256 * Math.pow(2, map.getZoom())) * 10;
    var at = marker.getLatLng();
    var next = L.latLng(Math.max(-85, Math.min(85, at.lat + move[0] * step)), at.lng + move[1] * step);
    marker.setLatLng(next);
    map.panInside(next);
    write(next);
  });
  // Typed coordinates move the marker too.
  var follow = function () {
    var lat = parseFloat(latitude.value), lng = parseFloat(longitude.value);
    if (!isNaN(lat) && !isNaN(lng) && lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180) {
      marker.setLatLng([lat, lng]);
      map.panInside(marker.getLatLng());
    }
  };
  latitude.addEventListener('input', follow);
  longitude.addEventListener('input', follow);
})();
