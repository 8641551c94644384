// The ticket list: the views open beside the list on a wide screen, folded above it on a phone.
(function () {
  "use strict";
  function viewsOpen() {
    var wide = window.matchMedia("(min-width: 60rem)").matches;
    document.querySelectorAll("details[data-open-wide]").forEach(function (box) {
      if (wide) box.open = true;
    });
  }
  document.addEventListener("DOMContentLoaded", viewsOpen);
})();
