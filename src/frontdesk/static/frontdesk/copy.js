// A button with data-copy="ID" copies the value of the field with that id (a new API token).
document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-copy]");
  if (!button) return;
  const field = document.getElementById(button.dataset.copy);
  field.select();
  navigator.clipboard.writeText(field.value).catch(() => document.execCommand("copy"));
});
