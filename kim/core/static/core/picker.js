/* Searchable pickers (kim/core/pickers.py): the number field of a household, person or
   place becomes a combobox (ARIA 1.2 listbox pattern) fed by the form's JSON endpoint.
   Without script the number field works as it is. No framework, no outside assets. */
(function () {
  "use strict";
  function enhance(original, n) {
    var listId = "picker-list-" + n;
    var combo = document.createElement("input");
    combo.type = "text";
    combo.id = original.id;
    original.id = original.id + "_value";
    combo.className = "picker-input";
    combo.autocomplete = "off";
    combo.setAttribute("role", "combobox");
    combo.setAttribute("aria-autocomplete", "list");
    combo.setAttribute("aria-expanded", "false");
    combo.setAttribute("aria-controls", listId);
    ["aria-describedby", "aria-invalid", "required"].forEach(function (name) {
      if (original.hasAttribute(name)) combo.setAttribute(name, original.getAttribute(name));
    });
    combo.value = original.dataset.pickerLabel || original.value;
    original.type = "hidden";
    original.removeAttribute("required");
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "picker-list";
    list.setAttribute("role", "listbox");
    var label = document.querySelector("label[for='" + combo.id + "']");
    if (label) list.setAttribute("aria-label", label.textContent.trim());
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    original.parentNode.insertBefore(combo, original);
    combo.parentNode.insertBefore(list, original);
    combo.parentNode.insertBefore(status, original);
    var active = -1, timer = null, asked = "";

    function options() { return list.querySelectorAll("[role=option]"); }
    function close() {
      list.hidden = true;
      combo.setAttribute("aria-expanded", "false");
      combo.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function mark(index) {
      var all = options();
      if (!all.length) return;
      active = (index + all.length) % all.length;
      all.forEach(function (option, i) { option.setAttribute("aria-selected", i === active ? "true" : "false"); });
      combo.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({block: "nearest"});
    }
    function choose(option) {
      original.value = option.dataset.id;
      combo.value = option.textContent;
      close();
    }
    function show(results) {
      list.textContent = "";
      results.forEach(function (result, i) {
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.id = result.id;
        option.textContent = result.label;
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { choose(option); combo.focus(); });
        list.appendChild(option);
      });
      list.hidden = !results.length;
      combo.setAttribute("aria-expanded", results.length ? "true" : "false");
      active = -1;
      status.textContent = results.length === 1 ? original.dataset.pickerOne
        : results.length ? original.dataset.pickerCount.replace("%(count)s", results.length)
        : original.dataset.pickerNone;
    }
    function ask() {
      var text = combo.value.trim();
      if (text === asked) return;
      asked = text;
      if (text.length < 2 && !/^\d+$/.test(text)) { show([]); status.textContent = ""; return; }
      var url = original.dataset.pickerUrl + "?q=" + encodeURIComponent(text);
      fetch(url, {credentials: "same-origin", headers: {Accept: "application/json"}})
        .then(function (response) { return response.ok ? response.json() : {results: []}; })
        .then(function (data) { if (asked === text) show(data.results); })
        .catch(function () { show([]); });
    }
    combo.addEventListener("input", function () {
      var text = combo.value.trim();
      original.value = /^\d+$/.test(text) ? text : "";  // a number typed is a choice too
      clearTimeout(timer);
      timer = setTimeout(ask, 200);
    });
    combo.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      if (event.key === "ArrowDown") { event.preventDefault(); if (open) mark(active + 1); else { asked = ""; ask(); } }
      else if (event.key === "ArrowUp" && open) { event.preventDefault(); mark(active - 1); }
      else if (event.key === "Enter" && open && active >= 0) { event.preventDefault(); choose(options()[active]); }
      else if (event.key === "Escape" && open) { event.preventDefault(); close(); }
    });
    combo.addEventListener("blur", close);
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-picker-url]").forEach(enhance);
  });
})();
