// The kiosk on a shared tablet. The number just taken counts down and goes back to the kiosk
// without staying in the browser's history; a page the browser shows again from its cache
// (back, forward) goes back too, and the kiosk's form is emptied, so that the next visitor
// never sees the last one's number or name.
(function () {
  "use strict";
  var slip = document.querySelector("[data-kiosk-return]");
  if (slip) {
    var target = slip.getAttribute("data-kiosk-return");
    var left = parseInt(slip.getAttribute("data-seconds"), 10) || 1;
    var shown = slip.querySelector("[data-seconds-left]");
    var back = function () { window.location.replace(target); };
    var tick = function () {
      left -= 1;
      if (left <= 0) { back(); return; }
      if (shown) { shown.textContent = String(left); }
      window.setTimeout(tick, 1000);
    };
    window.setTimeout(tick, 1000);
    slip.querySelectorAll("[data-kiosk-done]").forEach(function (link) {
      link.addEventListener("click", function (event) { event.preventDefault(); back(); });
    });
    window.addEventListener("pageshow", function (event) { if (event.persisted) { back(); } });
  }
  var form = document.querySelector("form[data-kiosk]");
  if (form) {
    window.addEventListener("pageshow", function (event) { if (event.persisted) { form.reset(); } });
  }
})();
