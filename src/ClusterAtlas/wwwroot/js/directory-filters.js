// The directory's filters are a disclosure, closed so that on a phone the results come first. On a wide screen
// they are a sidebar: this runs as soon as the parser reaches it (not deferred), before the results are painted,
// so opening them moves nothing on the screen. Without JavaScript a wide screen shows them by its stylesheet, and on a
// phone the disclosure still opens with a click.
(function () {
  "use strict";
  var filters = document.getElementById("filters");
  if (filters && window.matchMedia && window.matchMedia("(min-width: 56rem)").matches) { filters.open = true; }
})();
