// Directory search as you type. The page works without this script (a GET form); with it, results follow the
// typing and the filters without a page load, the address keeps the whole search, and focus stays where it is.
(function () {
  "use strict";
  var form = document.getElementById("directory-search");
  if (!form || !window.fetch || !window.URLSearchParams) { return; }
  var results = document.getElementById("results");
  // Announce only the outcome (how many, or what went wrong), not the whole list, to screen readers.
  var status = document.getElementById("results-status");
  var input = document.getElementById("q");
  var filters = document.getElementById("filters");
  var timer = null;
  var controller = null;

  function queryString() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (value !== "") { params.append(key, value); }
    });
    return params.toString();
  }

  function update(pushHistory) {
    var qs = queryString();
    var url = form.action + (qs ? "?" + qs : "");
    if (controller) { controller.abort(); }
    controller = new AbortController();
    fetch(url + (qs ? "&" : "?") + "fragment=results", { signal: controller.signal, headers: { "Accept": "text/html" } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        replace(html);
        var summary = results.querySelector(".result-count, .alert h2");
        if (status && summary) { status.textContent = summary.textContent.trim(); }
        if (pushHistory) { history.pushState(null, "", url); } else { history.replaceState(null, "", url); }
        shown = location.pathname + location.search;
        updateSaveSearch(qs);
      })
      .catch(function (error) { if (error.name !== "AbortError") { form.submit(); } });
  }

  // The results and the filters of one search arrive together and replace both, so the counts beside the filters
  // always describe the results shown (as a reload of the address would). Focus and opened lists are kept.
  function replace(html) {
    var update = document.createElement("template");
    update.innerHTML = html;
    var focused = focusKey(document.activeElement);
    var opened = Array.prototype.map.call(filters.querySelectorAll("details[open]"), function (d) { return d.id; });
    results.innerHTML = update.content.getElementById("results-update").innerHTML;
    filters.replaceChildren.apply(filters, Array.prototype.slice.call(update.content.getElementById("filters-update").childNodes));
    opened.forEach(function (id) { var d = id && document.getElementById(id); if (d) { d.open = true; } });
    hideButtons();
    var again = focused && document.querySelector(focused);
    if (again && document.activeElement !== again) { again.focus({ preventScroll: true }); }
    suggestedName = update.content.getElementById("results-update").getAttribute("data-saved-search-name");
    var title = update.content.getElementById("results-update").getAttribute("data-title");
    var brand = document.title.lastIndexOf(" · ");
    if (title) { document.title = brand < 0 ? title : title + document.title.slice(brand); }
  }

  // What finds the focused element again in the new filters: its id, or a filter checkbox's name and value (they
  // have no id: each sits inside its label).
  function focusKey(element) {
    if (!element) { return null; }
    if (element.id) { return "#" + CSS.escape(element.id); }
    if (element.type === "checkbox" && element.name) {
      return "#filters input[name=\"" + CSS.escape(element.name) + "\"][value=\"" + CSS.escape(element.value) + "\"]";
    }
    return null;
  }

  // "Save this search" saves the search shown now, not the one the page was loaded with; a name the member typed stays.
  var saveName = document.getElementById("save-search-name");
  var nameTyped = false;
  var suggestedName = null;
  if (saveName) { saveName.addEventListener("input", function () { nameTyped = true; }); }
  function updateSaveSearch(qs) {
    var query = document.getElementById("save-search-query");
    if (query) { query.value = qs ? "?" + qs : ""; }
    // The words and the filters, named as the active filters name them (the server suggests it with each update).
    if (saveName && !nameTyped && suggestedName) { saveName.value = suggestedName; }
    var signIn = document.getElementById("save-search-sign-in");
    if (signIn) {
      signIn.href = "/account/login?returnUrl=" + encodeURIComponent(new URL(form.action).pathname + (qs ? "?" + qs : ""));
    }
  }

  // The buttons are for use without JavaScript.
  function hideButtons() {
    Array.prototype.forEach.call(form.querySelectorAll(".apply-filters, .sort-apply"), function (button) { button.hidden = true; });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { update(false); }, 250);
  });
  form.addEventListener("change", function (event) {
    if (event.target === input) { return; }
    update(true);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    update(true);
  });
  // Back and forward between searches load the search of the address. Following a link to a fragment of this page
  // (the skip link's #main) also fires popstate: the address keeps its search, so nothing is loaded and the link moves
  // the focus as on every other page.
  var shown = location.pathname + location.search;
  window.addEventListener("popstate", function () {
    if (location.pathname + location.search === shown) { return; }
    window.location.reload();
  });
  hideButtons();
})();
