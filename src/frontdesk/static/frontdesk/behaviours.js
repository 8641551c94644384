// Small behaviours pages ask for with data- attributes, in place of inline handlers, inline
// styles and htmx's evaluated attributes, none of which the Content-Security-Policy allows.
// Everything listens on the document, so parts htmx swaps in later behave the same.
//   data-autosubmit      on a select: choosing sends its form (language, presence)
//   data-confirm="…"     on a form: asks first, and sends only when the answer is yes
//   data-log-bar         the log bar: a saved line (htmx's log-saved event) empties the field
//   data-countdown="s"   a bar that shrinks to nothing in s seconds (the kiosk's slip)
//   input-<name>         fired on a form when its field <name> changes, for htmx triggers that
//                        hear one field even after it was swapped (`input-body from:#reply-form`)
(() => {
  "use strict";

  document.addEventListener("change", (event) => {
    const select = event.target.closest?.("select[data-autosubmit]");
    if (select && select.form) select.form.requestSubmit();
  });

  document.addEventListener("submit", (event) => {
    const form = event.target.closest?.("form[data-confirm]");
    if (form && !window.confirm(form.dataset.confirm)) event.preventDefault();
  });

  document.addEventListener("log-saved", (event) => {
    const line = event.target.closest?.("[data-log-bar]")?.querySelector("#log-line");
    if (!line) return;
    line.value = "";
    line.focus();
  });

  document.addEventListener("input", (event) => {
    const field = event.target;
    if (field.form && field.name) field.form.dispatchEvent(new CustomEvent(`input-${field.name}`));
  });

  const countdowns = () => {
    for (const bar of document.querySelectorAll("[data-countdown]")) {
      // Set through the style object (allowed), not a style attribute (refused).
      bar.style.animation = `countdown ${Number(bar.dataset.countdown) || 1}s linear forwards`;
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", countdowns);
  else countdowns();
})();
