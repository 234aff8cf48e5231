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

// Each cost is one row of the formset include (includes/formset.html), prefixed "costs".
document.querySelectorAll("[data-formset-row='costs']").forEach((costForm) => {
  showDetailsFor(costForm);
  costForm.querySelector("select[name$='-category']")?.addEventListener("change", () => showDetailsFor(costForm));
});
