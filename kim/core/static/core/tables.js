/* Wide tables on narrow screens: a table wider than the page becomes a keyboard-focusable
   scroll region with a visible hint (kim.css keeps it from overflowing without script). */
(function () {
  "use strict";
  function wrap(table) {
    if (table.closest(".table-scroll") || table.classList.contains("stack")) return;
    var region = document.createElement("div");
    region.className = "table-scroll";
    region.setAttribute("role", "region");
    region.setAttribute("tabindex", "0");
    var caption = table.querySelector("caption");
    region.setAttribute("aria-label", caption ? caption.textContent.trim()
                                              : document.body.dataset.tableLabel);
    table.parentNode.insertBefore(region, table);
    region.appendChild(table);
    if (region.scrollWidth > region.clientWidth + 1) {
      region.classList.add("overflowing");
      var hint = document.createElement("p");
      hint.className = "scroll-hint";
      hint.textContent = document.body.dataset.tableHint;
      region.parentNode.insertBefore(hint, region);
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("main table").forEach(wrap);
  });
})();
