// The ticket list: the views open beside the list on a wide screen, folded above it on a
// phone; the bulk bar shows while tickets are ticked, and "select all" ticks this page's.
(function () {
  "use strict";
  function picks() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-bulk-pick]"));
  }
  function bulkBarUpdate() {
    var bar = document.querySelector("[data-bulk-bar]");
    if (!bar) return;
    var ticked = picks().filter(function (box) { return box.checked; }).length;
    bar.hidden = ticked === 0;
    var count = bar.querySelector("[data-bulk-count]");
    if (count) count.textContent = count.getAttribute("data-text").replace("{count}", ticked);
    var all = document.querySelector("[data-bulk-all]");
    if (all) all.checked = ticked > 0 && ticked === picks().length;
  }
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches("[data-bulk-all]")) {
      picks().forEach(function (box) { box.checked = target.checked; });
    }
    if (target.matches("[data-bulk-all], [data-bulk-pick]")) bulkBarUpdate();
  });
  document.addEventListener("submit", function (event) {
    // The list's address changes as the filters do; the bar brings the agent back to it.
    var next = event.target.querySelector("[data-bulk-next]");
    if (next) next.value = window.location.pathname + window.location.search;
  });
  document.addEventListener("htmx:afterSwap", bulkBarUpdate);
  document.addEventListener("DOMContentLoaded", function () {
    var wide = window.matchMedia("(min-width: 60rem)").matches;
    document.querySelectorAll("details[data-open-wide]").forEach(function (box) {
      if (wide) box.open = true;
    });
    bulkBarUpdate();
  });
})();
