/* Small enhancements that templates ask for with data attributes, since the Content
   Security Policy allows no inline script (docs/production.md#security):
   - data-hubro-print: a hidden button that, when there is JavaScript, prints the page;
   - data-hubro-copy="ID": a hidden button that copies the field ID's value, and says
     so in the element named by data-hubro-copy-status, with data-hubro-copied as text;
   - data-hubro-open: a link to a folded <details> opens it on the way there (and an
     address ending in such an anchor opens it on arrival).
   Without JavaScript the buttons stay hidden and the page works as before. */
(function () {
  "use strict";

  function openTarget(hash) {
    var target = hash && document.getElementById(decodeURIComponent(hash.slice(1)));
    if (target && target.tagName === "DETAILS") target.open = true;
  }

  function init() {
    document.querySelectorAll("a[data-hubro-open]").forEach(function (link) {
      link.addEventListener("click", function () {
        openTarget(link.hash);
      });
    });
    openTarget(window.location.hash);
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
