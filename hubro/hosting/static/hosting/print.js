// Buttons marked data-print print the page. Shown only when JavaScript runs (they are
// hidden until then); without it, the browser's own Print does the same.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", (event) => {
    event.preventDefault();
    window.print();
  });
});
