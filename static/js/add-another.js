// GOV.UK "add another": rows of a formset added one at a time. Without JavaScript the "Add another"
// button submits the page, which comes back with one more blank row (see includes/formset.html). Here
// it copies the blank row kept in a <template>, counts it in TOTAL_FORMS and moves focus into it; every
// row not yet saved gets a "Remove" button. A removed row's followers are renumbered so that the
// formset stays a run of rows with no gap.
const ROW_ATTRIBUTES = ["name", "id", "for", "aria-describedby", "href"];

function renumber(row, prefix, from, to, label) {
  const pattern = new RegExp(`${prefix}-${from}-`, "g");
  row.querySelectorAll("*").forEach((element) => {
    ROW_ATTRIBUTES.forEach((attribute) => {
      const value = element.getAttribute(attribute);
      if (value && value.includes(`${prefix}-${from}-`)) {
        element.setAttribute(attribute, value.replace(pattern, `${prefix}-${to}-`));
      }
    });
  });
  const legend = row.querySelector("[data-row-legend]");
  if (legend) legend.textContent = `${label} ${to + 1}`;
  const remove = row.querySelector("[data-remove-row]");
  if (remove) remove.textContent = `Remove ${label.toLowerCase()} ${to + 1}`;
}

function isUnsaved(row) {
  const id = row.querySelector("input[name$='-id']");
  return !id || id.value === "";
}

function setUp(button) {
  const prefix = button.dataset.addRow;
  const template = document.querySelector(`template[data-formset-template='${prefix}']`);
  const rows = document.querySelector(`[data-formset-rows='${prefix}']`);
  const total = document.querySelector(`input[name='${prefix}-TOTAL_FORMS']`);
  if (!template || !rows || !total) return;
  const label = template.content.querySelector("[data-row-legend]")?.dataset.rowLegend || "Row";

  const rowsNow = () => Array.from(rows.querySelectorAll(`:scope > [data-formset-row='${prefix}']`));

  function addRemoveButton(row) {
    if (row.querySelector("[data-remove-row]")) return;
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "govuk-button govuk-button--warning govuk-!-margin-bottom-0";
    remove.dataset.removeRow = "";
    remove.textContent = `Remove ${label.toLowerCase()} ${rowsNow().indexOf(row) + 1}`;
    remove.addEventListener("click", () => removeRow(row));
    row.append(remove);
  }

  function removeRow(row) {
    const all = rowsNow();
    const index = all.indexOf(row);
    row.remove();
    all.slice(index + 1).forEach((follower, offset) => renumber(follower, prefix, index + offset + 1, index + offset, label));
    total.value = Number(total.value) - 1;
    button.focus();
  }

  // Enter in a field then saves the form (the first submit button would otherwise be this one).
  button.type = "button";
  button.removeAttribute("name");
  button.addEventListener("click", () => {
    const index = Number(total.value);
    const html = template.innerHTML.replaceAll("__prefix__", index).replaceAll("__number__", index + 1);
    rows.insertAdjacentHTML("beforeend", html);
    total.value = index + 1;
    const row = rowsNow().at(-1);
    addRemoveButton(row);
    row.dispatchEvent(new CustomEvent("formset:added", { bubbles: true }));
    row.querySelector("input:not([type='hidden']), select, textarea")?.focus();
  });
  rowsNow().filter(isUnsaved).forEach(addRemoveButton);
}

document.querySelectorAll("[data-add-row]").forEach(setUp);
