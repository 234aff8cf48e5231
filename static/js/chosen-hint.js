// A select whose options are short labels of long texts (each option's title holds the full text)
// shows the chosen option's full text as its hint, as the page does when it is first shown.
document.querySelectorAll("select[data-chosen-hint]").forEach((select) => {
  const hint = document.getElementById(`${select.id}_hint`);
  if (!hint) return;
  const standing = select.dataset.chosenHint;
  select.addEventListener("change", () => {
    hint.textContent = select.selectedOptions[0]?.title || standing;
  });
});
