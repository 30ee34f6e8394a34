// The profile form, enhanced. The form works without this script: "Add another" saves the step and the server
// brings the form back with one more empty row, and the error summary's links lead to their fields. With it, the
// row is added in the page (nothing typed is sent or lost), and following a link puts the focus in the field.
(function () {
  "use strict";

  // Row i's controls are named "Form.Group[i].Field" with ids "Form_Group_i__Field"; give them row j's names.
  function renumber(row, group, from, to) {
    var names = ["Form." + group + "[" + from + "]", "Form." + group + "[" + to + "]"];
    var ids = ["Form_" + group + "_" + from + "__", "Form_" + group + "_" + to + "__"];
    ["name", "id", "for", "data-valmsg-for"].forEach(function (attribute) {
      row.querySelectorAll("[" + attribute + "]").forEach(function (node) {
        var value = node.getAttribute(attribute);
        node.setAttribute(attribute, value.split(names[0]).join(names[1]).split(ids[0]).join(ids[1]));
      });
    });
  }

  function empty(row) {
    row.querySelectorAll("input, textarea").forEach(function (control) {
      control.value = "";
      control.removeAttribute("value");
      control.removeAttribute("autofocus");
      control.removeAttribute("aria-invalid");
      control.classList.remove("input-validation-error");
      if (control.localName === "textarea") { control.textContent = ""; }
    });
    row.querySelectorAll("select").forEach(function (control) {
      control.querySelectorAll("option[selected]").forEach(function (option) { option.removeAttribute("selected"); });
      control.selectedIndex = 0;
      control.classList.remove("input-validation-error");
    });
    row.querySelectorAll(".field-validation-error").forEach(function (message) {
      message.textContent = "";
      message.className = "field-validation-valid";
    });
  }

  document.querySelectorAll("[data-add-row]").forEach(function (button) {
    var group = button.getAttribute("data-add-row");
    var rows = document.querySelector('[data-rows="' + group + '"]');
    if (!rows) { return; }
    button.addEventListener("click", function (event) {
      var existing = rows.querySelectorAll(":scope > .form-row");
      if (existing.length === 0) { return; }
      event.preventDefault();
      var row = existing[existing.length - 1].cloneNode(true);
      renumber(row, group, existing.length - 1, existing.length);
      empty(row);
      var legend = row.querySelector("legend");
      if (legend) { legend.textContent = rows.getAttribute("data-row-legend").replace("{0}", String(existing.length + 1)); }
      rows.appendChild(row);
      var first = row.querySelector("input, select, textarea");
      if (first) { first.focus(); }
    });
  });

  // A link of the error summary: the focus goes to the field's input (the first choice of a group of choices),
  // with its label in view.
  var summary = document.querySelector(".error-summary");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var target = link && document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
      if (!target) { return; }
      var control = target.matches("input, select, textarea") ? target : target.querySelector("input, select, textarea");
      if (!control) { return; }
      event.preventDefault();
      var label = document.querySelector("label[for='" + control.id + "']") || target;
      control.focus({ preventScroll: true });
      (target.querySelector("legend") || label).scrollIntoView({ block: "center" });
    });
  }
})();
