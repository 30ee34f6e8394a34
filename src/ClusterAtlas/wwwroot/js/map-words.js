// Leaflet's own words on a map of this site (the zoom buttons' names, the title of its link), in the page's language:
// the map's element carries them as data-text-zoom-in, data-text-zoom-out and data-text-leaflet. Used by the
// directory's map and the profile form's location picker; the map is made with zoomControl: false.
window.clusterAtlasMapWords = function (map, data) {
  'use strict';
  L.control.zoom({ zoomInTitle: data.textZoomIn || 'Zoom in', zoomOutTitle: data.textZoomOut || 'Zoom out' }).addTo(map);
  var leafletLink = document.createElement('a');
  leafletLink.href = 'https://leafletjs.com';
  leafletLink.title = data.textLeaflet || '';
  leafletLink.textContent = 'Leaflet';
  map.attributionControl.setPrefix(leafletLink.outerHTML);
};
