/* Small enhancements that templates ask for with data attributes, since the Content
   Security Policy allows no inline script (docs/production.md#security):
   - data-hubro-print: a hidden button that, when there is JavaScript, prints the page;
   - data-hubro-copy="ID": a hidden button that copies the field ID's value, and says
     so in the element named by data-hubro-copy-status, with data-hubro-copied as text.
   Without JavaScript the buttons stay hidden and the page works as before. */
(function () {
  "use strict";

  function init() {
    document.querySelectorAll("[data-hubro-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
    if (!navigator.clipboard) return;
    document.querySelectorAll("[data-hubro-copy]").forEach(function (button) {
      var field = document.getElementById(button.getAttribute("data-hubro-copy"));
      var status = document.getElementById(button.getAttribute("data-hubro-copy-status"));
      if (!field) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(field.value).then(
          function () {
            if (status) status.textContent = button.getAttribute("data-hubro-copied") || "";
          },
          function () {
            field.select();
          }
        );
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
