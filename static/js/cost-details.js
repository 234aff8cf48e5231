// Show each cost's travel, accommodation or subsistence details only when its category needs them.
// Details already filled in, or with an error, stay visible so nothing entered is ever hidden.
function detailsInUse(fieldset) {
  if (fieldset.querySelector(".govuk-form-group--error")) return true;
  return Array.from(fieldset.querySelectorAll("input, select")).some((input) => input.value !== "");
}

function showDetailsFor(costForm) {
  const category = costForm.querySelector("select[name$='-category']");
  if (!category) return;
  costForm.querySelectorAll("fieldset[data-cost-details]").forEach((fieldset) => {
    fieldset.hidden = fieldset.dataset.costDetails !== category.value && !detailsInUse(fieldset);
  });
}

// Each cost is one row of the formset include (includes/formset.html), prefixed "costs"; rows added
// by add-another.js announce themselves with "formset:added".
const COST_ROW = "[data-formset-row='costs']";
document.querySelectorAll(COST_ROW).forEach(showDetailsFor);
document.addEventListener("formset:added", (event) => {
  if (event.target.matches(COST_ROW)) showDetailsFor(event.target);
});
document.addEventListener("change", (event) => {
  if (event.target.matches("select[name$='-category']")) {
    const costForm = event.target.closest(COST_ROW);
    if (costForm) showDetailsFor(costForm);
  }
});
