// The reply box's macro picker: "/" in the reply (or the "Insert a macro" button) lists the
// macros that match, the customer's language first; ↑/↓ choose, Enter inserts the highlighted
// one's text at the caret, Esc closes. The server lists and words everything
// (macros:picker, macros:preview); this file only moves the highlight and inserts text.
// Everything is looked up by id on each event, because htmx replaces the reply box when a
// typed /code is expanded.
(() => {
  "use strict";
  const $ = (id) => document.getElementById(id);
  // A slash at the start of the text or after a space, then letters, digits, - or _ up to the caret.
  const TYPED = /(^|\s)\/([\p{L}\p{N}_-]{0,30})$/u;
  // A /code and a space or line just typed: the reply box asks the server to expand it. Only
  // then: the answer replaces the box, and keys typed while it travels would be lost.
  const CODE_JUST_TYPED = /(^|\s)\/[a-z0-9][a-z0-9_-]{0,29}\s$/;
  const state = { mode: "", start: 0, end: 0, query: null, chosen: "", listing: 0, previewing: 0 };
  let suppressEnterKeyup = false;

  const box = () => $("id_body");
  const panel = () => $("macro-picker");
  const options = () => [...document.querySelectorAll("#macro-picker-list [role=option]")];
  const active = () => document.querySelector("#macro-picker-list [aria-selected=true]");

  function setExpanded(open) {
    $("macro-picker-open")?.setAttribute("aria-expanded", String(open));
    $("macro-picker-search")?.setAttribute("aria-expanded", String(open && state.mode === "button"));
  }

  function open(mode) {
    const picker = panel();
    if (!picker) return;
    state.mode = mode;
    state.query = null;
    state.chosen = "";
    picker.hidden = false;
    picker.classList.toggle("from-slash", mode === "slash");
    setExpanded(true);
  }

  function close({ focusBox = false } = {}) {
    const picker = panel();
    if (!picker || picker.hidden) return;
    const mode = state.mode;
    picker.hidden = true;
    state.mode = "";
    setExpanded(false);
    box()?.removeAttribute("aria-activedescendant");
    $("macro-picker-search")?.removeAttribute("aria-activedescendant");
    $("macro-picker-preview").textContent = "";
    if (focusBox) box()?.focus();
    else if (mode === "button") $("macro-picker-open")?.focus();
  }

  async function list(query) {
    if (query === state.query) return;
    state.query = query;
    const ticket = ++state.listing;
    const url = `${panel().dataset.url}?${new URLSearchParams({ q: query })}`;
    const answer = await fetch(url, { headers: { "HX-Request": "true" } });
    if (ticket !== state.listing || !answer.ok || !state.mode) return;
    const holder = document.createElement("div");
    holder.innerHTML = await answer.text();
    const fresh = holder.querySelector("#macro-picker-list");
    $("macro-picker-list").replaceWith(fresh);
    $("macro-picker-status").textContent = fresh.dataset.status || "";
    // A macro the agent chose with the arrows stays chosen while it still matches.
    const chosen = state.chosen && document.getElementById(state.chosen);
    highlight(chosen || options()[0] || null);
  }

  function highlight(option) {
    for (const other of options()) other.setAttribute("aria-selected", "false");
    const owner = state.mode === "button" ? $("macro-picker-search") : box();
    const preview = $("macro-picker-preview");
    if (!option) {
      owner?.removeAttribute("aria-activedescendant");
      preview.textContent = "";
      return;
    }
    option.setAttribute("aria-selected", "true");
    owner?.setAttribute("aria-activedescendant", option.id);
    option.scrollIntoView({ block: "nearest" });
    showPreview(option);
  }

  async function previewText(option) {
    const answer = await fetch(option.dataset.preview, { headers: { "HX-Request": "true" } });
    return answer.ok ? answer.text() : "";
  }

  async function showPreview(option) {
    const ticket = ++state.previewing;
    const html = await previewText(option);
    if (ticket === state.previewing && state.mode) $("macro-picker-preview").innerHTML = html;
  }

  function move(step) {
    const all = options();
    if (!all.length) return;
    const index = all.indexOf(active());
    const next = all[(index + step + all.length) % all.length];
    state.chosen = next.id;
    highlight(next);
  }

  async function pick(option) {
    const holder = document.createElement("div");
    holder.innerHTML = await previewText(option);
    const text = holder.querySelector(".macro-preview-text")?.textContent;
    const reply = box();
    if (text === undefined || !reply) return; // a macro that cannot be filled in: its error shows
    const { start, end } = state;
    close({ focusBox: true });
    reply.setRangeText(text, start, end, "end");
    // Reported as typing (collision warning) and checked like any other edit.
    reply.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function keydown(event) {
    // Enter in the search field would send the reply form it sits in.
    if (event.key === "Enter" && event.target.id === "macro-picker-search") event.preventDefault();
    if (!state.mode) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      move(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Enter" && active()) {
      event.preventDefault();
      suppressEnterKeyup = true;
      pick(active());
    } else if (event.key === "Escape") {
      event.preventDefault();
      close({ focusBox: state.mode === "slash" });
    }
  }

  function typedInBox() {
    const reply = box();
    const caret = reply.selectionStart;
    if (caret !== reply.selectionEnd) return close();
    const typed = TYPED.exec(reply.value.slice(0, caret));
    if (!typed) {
      if (state.mode === "slash") close();
      return;
    }
    if (state.mode !== "slash") open("slash");
    state.start = caret - typed[2].length - 1;
    state.end = caret;
    list(typed[2]);
  }

  document.addEventListener("input", (event) => {
    if (event.target.id === "id_body" && event.isTrusted) typedInBox();
    else if (event.target.id === "macro-picker-search") list(event.target.value);
  });

  document.addEventListener("keydown", (event) => {
    if (event.target.id === "id_body" || event.target.id === "macro-picker-search") keydown(event);
  });

  // The reply box expands a typed /code on Enter (htmx, on keyup); an Enter that picked a macro
  // has nothing left to expand, so it never reaches the box.
  document.addEventListener(
    "keyup",
    (event) => {
      if (event.key === "Enter" && suppressEnterKeyup) {
        suppressEnterKeyup = false;
        event.stopImmediatePropagation();
      }
    },
    true,
  );

  // ...and tells htmx so with an event (a trigger filter would be evaluated code, which the
  // Content-Security-Policy refuses).
  document.addEventListener("keyup", (event) => {
    const reply = event.target;
    if (reply.id !== "id_body" || (event.key !== " " && event.key !== "Enter")) return;
    if (CODE_JUST_TYPED.test(reply.value.slice(0, reply.selectionStart))) {
      reply.dispatchEvent(new CustomEvent("macro-code-typed"));
    }
  });

  document.addEventListener("click", (event) => {
    const option = event.target.closest?.("#macro-picker-list [role=option]");
    if (option) {
      pick(option);
      return;
    }
    if (event.target.closest?.("#macro-picker-open")) {
      if (state.mode) return close();
      const reply = box();
      // Inserted where the caret was, or at the end when the agent has not been in the box.
      const touched = reply.dataset.caretKnown === "true";
      state.start = touched ? reply.selectionStart : reply.value.length;
      state.end = touched ? reply.selectionEnd : reply.value.length;
      open("button");
      const search = $("macro-picker-search");
      search.value = "";
      search.focus();
      list("");
      return;
    }
    if (state.mode && !event.target.closest?.("#macro-picker, #id_body")) close();
  });

  // Clicking an option must not take the caret out of the reply box first.
  document.addEventListener("mousedown", (event) => {
    if (event.target.closest?.("#macro-picker-list [role=option]")) event.preventDefault();
  });

  // The server's expansion of a typed /code replaces the reply box. It is dropped when the
  // agent typed on meanwhile (the code is expanded when the reply is sent); otherwise the
  // caret goes back behind what was typed, moved by what the expansion added.
  let expanding = null;
  document.addEventListener("htmx:beforeRequest", (event) => {
    if (event.detail.elt.id === "id_body") expanding = { value: event.detail.elt.value };
  });
  document.addEventListener("htmx:beforeSwap", (event) => {
    if (event.detail.target.id !== "reply-body" || !expanding) return;
    const reply = box();
    if (reply.value !== expanding.value) {
      event.detail.shouldSwap = false;
      expanding = null;
      return;
    }
    expanding.caret = reply.selectionStart;
  });
  document.addEventListener("htmx:afterSettle", () => {
    const reply = box();
    if (!expanding || expanding.caret === undefined || !reply) return;
    const caret = expanding.caret + reply.value.length - expanding.value.length;
    reply.setSelectionRange(caret, caret);
    expanding = null;
  });

  document.addEventListener("focusin", (event) => {
    if (event.target.id === "id_body") event.target.dataset.caretKnown = "true";
  });
})();
