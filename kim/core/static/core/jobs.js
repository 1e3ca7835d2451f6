/* A background job's page follows the job without reloading itself (a timed meta
   refresh moves the focus and the reading position – WCAG 2.2.1): the progress section is
   fetched again every few seconds and swapped in place; when the job has ended, the page
   is loaded once more to show the result. Without script, the link "Update" does it. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var section = document.getElementById("job-progress");
    if (!section) return;
    var seconds = parseInt(section.dataset.refresh, 10) || 2;
    function poll() {
      fetch(window.location.href, {credentials: "same-origin"})
        .then(function (response) { return response.text(); })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, "text/html")
            .getElementById("job-progress");
          if (!fresh) { window.location.reload(); return; }
          var bar = section.querySelector("progress"), next = fresh.querySelector("progress");
          if (bar && next && next.hasAttribute("value")) bar.value = next.value;
          var status = section.querySelector("[role=status]");
          var text = fresh.querySelector("[role=status]");
          if (status && text && status.textContent !== text.textContent) {
            status.textContent = text.textContent;
          }
          window.setTimeout(poll, seconds * 1000);
        })
        .catch(function () { window.setTimeout(poll, seconds * 5000); });
    }
    window.setTimeout(poll, seconds * 1000);
  });
})();
