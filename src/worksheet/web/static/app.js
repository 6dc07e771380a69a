// The page's few behaviours: exercise rows moved, removed and added; a preview that follows the
// form; messages placed next to the field they are about. Everything is checked by the server.
"use strict";
(function () {
  const form = document.getElementById("sheet");
  if (!form) return;
  const base = form.dataset.base;
  const rows = document.getElementById("rows");
  const frame = document.getElementById("preview");
  const status = document.getElementById("status");
  const problems = document.getElementById("problems");
  let timer = null;
  let current = null;

  function renumber() {
    if (!rows) return;
    rows.querySelectorAll("[data-row]").forEach(function (row, i) {
      row.querySelectorAll("[name], [id], [for], [aria-describedby]").forEach(function (el) {
        ["name", "id", "for", "aria-describedby"].forEach(function (attr) {
          const value = el.getAttribute(attr);
          if (value) el.setAttribute(attr, value.replace(/ex-\d+-/g, "ex-" + i + "-"));
        });
      });
      row.querySelector("[data-number]").textContent = String(i + 1);
    });
  }

  function clearProblems() {
    form.querySelectorAll(".error").forEach(function (p) { p.textContent = ""; });
    form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    problems.textContent = "";
  }

  function showProblems(found) {
    clearProblems();
    let first = null;
    Object.keys(found).forEach(function (field) {
      const slot = field ? document.getElementById("err-" + field) : null;
      if (slot) {
        slot.textContent = found[field];
        const input = form.querySelector("[name='" + field + "']");
        if (input && input.type !== "hidden") { input.setAttribute("aria-invalid", "true"); first = first || input; }
      } else {
        const p = document.createElement("p");
        p.textContent = found[field];
        problems.appendChild(p);
      }
    });
    status.textContent = "Not printed: see the messages next to the fields.";
    return first;
  }

  async function pdf() {
    const response = await fetch(base + "preview", { method: "POST", body: new FormData(form), credentials: "same-origin" });
    if (response.ok) {
      clearProblems();
      return { blob: await response.blob(), pages: response.headers.get("X-Pages") };
    }
    const body = await response.json().catch(function () { return { problems: { "": "The page could not be printed." } }; });
    showProblems(body.problems || {});
    return null;
  }

  async function preview() {
    const got = await pdf();
    if (!got) return;
    if (current) URL.revokeObjectURL(current);
    current = URL.createObjectURL(got.blob);
    if (frame) frame.src = current + "#view=FitH&navpanes=0";
    status.textContent = "Preview updated: " + got.pages + (got.pages === "1" ? " page." : " pages.");
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(preview, 700);
  }

  form.addEventListener("input", later);
  form.addEventListener("change", later);

  form.addEventListener("click", async function (event) {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const action = button.dataset.action;
    const row = button.closest("[data-row]");
    if (action === "up" && row && row.previousElementSibling) {
      rows.insertBefore(row, row.previousElementSibling);
      renumber(); button.focus(); later();
    } else if (action === "down" && row && row.nextElementSibling) {
      rows.insertBefore(row.nextElementSibling, row);
      renumber(); button.focus(); later();
    } else if (action === "remove" && row) {
      const next = row.nextElementSibling || row.previousElementSibling;
      row.remove(); renumber(); later();
      (next ? next.querySelector("button[data-action=remove]") : document.getElementById("add-entry")).focus();
      status.textContent = "Exercise removed.";
    } else if (action === "add") {
      const select = document.getElementById("add-entry");
      if (!select.value) { status.textContent = "Choose an exercise first."; select.focus(); return; }
      const template = document.getElementById("row-template");
      const fresh = template.content.firstElementChild.cloneNode(true);
      fresh.querySelector("input[type=hidden]").value = select.value;
      fresh.querySelectorAll("[data-name]").forEach(function (el) { el.textContent = select.options[select.selectedIndex].text; });
      rows.appendChild(fresh);
      renumber();
      fresh.querySelector("input[type=text]").focus();
      status.textContent = "Added " + select.options[select.selectedIndex].text + ".";
      later();
    } else if (action === "preview") {
      preview();
    } else if (action === "print") {
      const got = await pdf();
      if (got) window.open(URL.createObjectURL(got.blob), "_blank");
    } else if (action === "save") {
      const response = await fetch(base + "save", { method: "POST", body: new FormData(form), credentials: "same-origin" });
      const body = await response.json();
      if (response.ok) { clearProblems(); status.textContent = "Saved as " + body.saved + "."; }
      else { const first = showProblems(body.problems || {}); if (first) first.focus(); }
    }
  });

  // At first: a worksheet to print (or rows already chosen) is previewed; an empty new one waits
  if (form.querySelector("[name=source]") || (rows && rows.querySelector("[data-row]"))) preview();
  else status.textContent = "Give the worksheet a title and add exercises to see the preview.";
})();
